// Structured JSON logs. Phone numbers and the bot token never reach a log line: they are masked in
// messages and in the fields that may hold them.
import pino, { type Logger } from "pino";

export type { Logger };

const phonePattern = /(\+?84|0)(\s?\d){8,10}/g;

export function maskSecrets(text: string, secrets: readonly string[] = []): string {
  let masked = text.replace(phonePattern, "[phone]");
  for (const secret of secrets) if (secret) masked = masked.split(secret).join("[secret]");
  return masked;
}

export function createLogger(options: { level: string; secrets?: (string | undefined)[]; destination?: pino.DestinationStream }): Logger {
  const secrets = (options.secrets ?? []).filter((secret): secret is string => Boolean(secret));
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: ["phone", "*.phone", "token", "*.token", "contact.phone_number", "*.contact.phone_number"], censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === "string" ? maskSecrets(arg, secrets) : arg)) as Parameters<typeof method>,
          );
        },
      },
      serializers: { err: (error: unknown) => serializeError(error, secrets) },
    },
    options.destination,
  );
}

/**
 * Only known, harmless fields of an error are logged: grammY's errors carry the context (with the API
 * client and its token) and the request payload (with users' texts), which must not reach the logs.
 */
function serializeError(error: unknown, secrets: readonly string[]): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: maskSecrets(String(error), secrets) };
  const inner = (error as { error?: unknown }).error;
  const fields = error as Error & { error_code?: unknown; description?: unknown; method?: unknown; code?: unknown };
  return {
    type: error.name,
    message: maskSecrets(error.message, secrets),
    ...(typeof fields.method === "string" && { method: fields.method }),
    ...(typeof fields.error_code === "number" && { errorCode: fields.error_code }),
    ...(typeof fields.code === "string" && { code: fields.code }),
    ...(error.stack && { stack: maskSecrets(error.stack, secrets) }),
    ...(inner !== undefined && inner !== error && { cause: serializeError(inner, secrets) }),
  };
}
