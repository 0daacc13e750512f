// Telegram answers every failure as { ok: false, error_code, description },
// with the HTTP status equal to error_code. Method code throws ApiError and
// the dispatcher turns it into that shape.

export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

export type ApiResponse =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: ResponseParameters };

export class ApiError extends Error {
  constructor(
    readonly error_code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = "ApiError";
  }

  toResponse(): ApiResponse {
    return {
      ok: false,
      error_code: this.error_code,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

export const badRequest = (reason: string) => new ApiError(400, `Bad Request: ${reason}`);
export const forbidden = (reason: string) => new ApiError(403, `Forbidden: ${reason}`);
export const notFound = () => new ApiError(404, "Not Found");
export const unauthorized = () => new ApiError(401, "Unauthorized");
export const methodNotFound = () => new ApiError(404, "Not Found: method not found");

export const tooManyRequests = (retryAfter: number) =>
  new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });

export const pollConflict = () =>
  new ApiError(
    409,
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
  );

export const webhookActive = () =>
  new ApiError(
    409,
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
  );

/** What a long poll waiting when setWebhook is called gets. */
export const pollEndedByWebhook = () => new ApiError(409, "Conflict: terminated by setWebhook request");
