// Structured JSON logs. Phone numbers, invite tokens, group link codes and the bot token never reach a log
// line: every line is masked once, as it is written (pino's streamWrite hook), whatever field, nesting level,
// child binding, serializer or message interpolation it came from. Call sites need do nothing.
import pino, { type Logger } from "pino";

export type { Logger };

/**
 * Vietnamese phone numbers: 0 and 9 digits (0904333444), the old 11-digit mobiles and landlines with an area
 * code (0 and 10 digits), the same after +84, 84 or (+84) instead of 0, with a space, dot or hyphen anywhere
 * between the digits (0904 333 444, 0904.333.444, +84 904-333-444). Not inside a longer run of digits, so a
 * chat id (-1001234567890) or a timestamp is left alone.
 */
const phonePattern = /(?<![\d+])(?:\(\+?84\)|\+84|84|0)(?:[ .\-\u00a0]?\d){9,10}(?!\d)/g;

/** A phone keeps its last 3 digits, enough to tell two people apart in a log and useless to call. */
function maskPhone(match: string): string {
  return `[phone ***${match.replace(/\D/g, "").slice(-3)}]`;
}

/** The argument of a command that carries a credential: /start TOKEN, /lienketnhom CODE (and aliases). */
const credentialCommandPattern =
  /(\/(?:start|startgroup|lienketnhom|linkgroup)(?:@[A-Za-z0-9_]+)?(?:[ \t\u00a0]|\\[nrt])+)[^\s"\\]+/gi;
/** A deep link's payload: t.me/bot?start=TOKEN. */
const deepLinkPattern = /([?&](?:start|startgroup)=)[^&#\s"\\]+/gi;
/**
 * A word shaped like a random code (invite tokens and link codes are 32 base64url characters): 22 to 64 of
 * [A-Za-z0-9_-] with upper and lower case letters and a digit, `_` or `-`. A safety net for a code logged
 * without its command; names in stack traces (processTicksAndRejections) and hex hashes do not qualify.
 */
const codeLikePattern = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{22,64}(?![A-Za-z0-9_-])/g;
const isCodeLike = (word: string) => /[A-Z]/.test(word) && /[a-z]/.test(word) && /[\d_-]/.test(word);

const redacted = "[redacted]";

/** Masks phone numbers, credentials (invite tokens, link codes) and the given secrets in a text. */
export function maskSecrets(text: string, secrets: readonly string[] = []): string {
  let masked = text;
  for (const secret of secrets) if (secret) masked = masked.split(secret).join("[secret]");
  return masked
    .replace(credentialCommandPattern, `$1${redacted}`)
    .replace(deepLinkPattern, `$1${redacted}`)
    .replace(codeLikePattern, (word) => (isCodeLike(word) ? redacted : word))
    .replace(phonePattern, maskPhone);
}

/** A JSON string literal or a JSON number: the only places a log line can hold data. */
const jsonTokenPattern = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
/** A phone number that lost its formatting and became a JSON number: 84 and 9 or 10 digits. */
const phoneNumberValue = /^84\d{9,10}$/;

/**
 * Masks one serialized log line. Strings are masked as written (JSON escapes nothing a phone or a code is
 * made of), numbers that are phone numbers become a masked string, so the line stays valid JSON.
 */
export function maskLogLine(line: string, secrets: readonly string[] = []): string {
  const allSecrets = secrets.flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]);
  return line.replace(jsonTokenPattern, (token) => {
    if (token.startsWith('"')) return maskSecrets(token, allSecrets);
    return phoneNumberValue.test(token) ? `"${maskPhone(token)}"` : token;
  });
}

export function createLogger(options: {
  level: string;
  secrets?: (string | undefined)[];
  destination?: pino.DestinationStream;
}): Logger {
  const secrets = [...new Set((options.secrets ?? []).filter((secret): secret is string => Boolean(secret)))];
  return pino(
    {
      level: options.level,
      base: undefined,
      // Belt and braces: a phone in a field meant for one is dropped whatever its form (even a foreign one).
      redact: {
        paths: ["phone", "*.phone", "token", "*.token", "contact.phone_number", "*.contact.phone_number"],
        censor: redacted,
      },
      formatters: { level: (label) => ({ level: label }) },
      hooks: { streamWrite: (line) => maskLogLine(line, secrets) },
      serializers: { err: serializeError },
    },
    options.destination,
  );
}

// --- Errors -------------------------------------------------------------------------------------------

/** Fields of an error worth logging when present (Node, PostgreSQL/PGlite, Prisma, grammY, fetch). */
const errorFields = [
  "code",
  "errno",
  "syscall",
  "severity",
  "detail",
  "hint",
  "schema",
  "table",
  "column",
  "constraint",
  "routine",
  "kind",
  "meta",
  "clientVersion",
  "description",
] as const;
/**
 * Never logged, wherever they are: grammY's errors carry the context (with the API client and its token)
 * and the request payload (with users' texts).
 */
const withheldFields = new Set([
  "ctx",
  "api",
  "payload",
  "parameters",
  "request",
  "headers",
  "token",
  "update",
  "message_text",
]);
const maxDepth = 4;
const maxString = 2000;
const maxKeys = 30;
const maxItems = 20;

/**
 * Any thrown value, rendered usefully: an Error's type, message, code and other known fields, stack and
 * cause; a plain object's own fields (a driver may throw one); a string, number or anything else as its
 * message. Never throws, and never logs a grammY context or payload.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  try {
    return errorObject(error, 0, new Set());
  } catch {
    return { message: "(the error could not be read)" };
  }
}

function errorObject(error: unknown, depth: number, seen: Set<object>): Record<string, unknown> {
  if (error === null || (typeof error !== "object" && typeof error !== "function")) {
    return { type: error === null ? "null" : typeof error, message: truncate(String(error)) };
  }
  if (seen.has(error)) return { message: "(circular)" };
  seen.add(error);
  const result: Record<string, unknown> = {};
  if (error instanceof Error) {
    result.type = error.name;
    const message = read(error, "message");
    result.message =
      typeof message === "string" ? truncate(message) : message === undefined ? "" : plain(message, depth + 1, seen);
    const method = read(error, "method");
    const errorCode = read(error, "error_code");
    if (typeof method === "string") result.method = method;
    if (typeof errorCode === "number") result.errorCode = errorCode;
    for (const field of errorFields) {
      const value = read(error, field);
      if (value !== undefined && value !== null && value !== "") result[field] = plain(value, depth + 1, seen);
    }
    if (typeof error.stack === "string") result.stack = truncate(error.stack, 8000);
    if (error instanceof AggregateError && Array.isArray(error.errors) && depth < maxDepth) {
      result.errors = error.errors.slice(0, maxItems).map((inner) => errorObject(inner, depth + 1, seen));
    }
  } else {
    // A plain object (or an instance of a class that is not an Error): its own fields.
    const name = constructorName(error);
    if (name && name !== "Object") result.type = name;
    const ownName = read(error, "name");
    if (typeof ownName === "string") result.type = ownName;
    const message = read(error, "message");
    result.message =
      typeof message === "string"
        ? truncate(message)
        : message !== undefined
          ? plain(message, depth + 1, seen)
          : describe(error);
    const errno = read(error, "errno");
    // The embedded database's file system (Emscripten) throws { name: "ErrnoError", errno } with its own numbers.
    if (result.type === "ErrnoError" && typeof errno === "number" && emscriptenErrno[errno])
      result.code = emscriptenErrno[errno];
    if (typeof read(error, "stack") === "string") result.stack = truncate(String(read(error, "stack")), 8000);
    for (const key of ownKeys(error)) {
      if (key in result || key === "name" || key === "cause" || key === "error" || withheldFields.has(key)) continue;
      result[key] = plain(read(error, key), depth + 1, seen);
    }
  }
  // grammY wraps the original error in `error`; the standard place is `cause`.
  for (const key of ["error", "cause"] as const) {
    const inner = read(error, key);
    if (inner !== undefined && inner !== null && inner !== error && !result.cause && depth < maxDepth) {
      result.cause = errorObject(inner, depth + 1, seen);
    }
  }
  return result;
}

/** A value inside an error, as JSON can hold it: bounded in depth, size and length, errors as errors. */
function plain(value: unknown, depth: number, seen: Set<object>): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === "string") return truncate(value);
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "function" || typeof value === "symbol") return undefined;
  if (value instanceof Error) return depth <= maxDepth ? errorObject(value, depth, seen) : truncate(value.message);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (typeof value !== "object") return String(value);
  if (seen.has(value)) return "(circular)";
  if (depth > maxDepth) return Array.isArray(value) ? `(array of ${value.length})` : "(object)";
  if (ArrayBuffer.isView(value))
    return `(${constructorName(value) ?? "binary"} of ${(value as ArrayBufferView).byteLength} bytes)`;
  seen.add(value);
  if (Array.isArray(value)) return value.slice(0, maxItems).map((item) => plain(item, depth + 1, seen));
  const result: Record<string, unknown> = {};
  for (const key of ownKeys(value)) {
    if (withheldFields.has(key)) continue;
    result[key] = plain(read(value, key), depth + 1, seen);
  }
  return result;
}

function ownKeys(value: object): string[] {
  return Object.keys(value).slice(0, maxKeys);
}

/** A property, or undefined when reading it throws (a getter may). */
function read(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function constructorName(value: object): string | undefined {
  try {
    const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
    return typeof name === "string" ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Emscripten's errno numbers (not Linux's) for what a full or broken disk gives. */
const emscriptenErrno: Record<number, string> = {
  2: "EACCES",
  8: "EBADF",
  20: "EEXIST",
  28: "EINVAL",
  29: "EIO",
  31: "EISDIR",
  44: "ENOENT",
  51: "ENOSPC",
  54: "ENOTDIR",
  55: "ENOTEMPTY",
  63: "EPERM",
  69: "EROFS",
};

/** What a thrown object without a message says about itself: its own toString, else its kind and code. */
function describe(value: object): string {
  try {
    const text = String(value);
    if (text !== "[object Object]") return truncate(text);
  } catch {
    // e.g. an object without a prototype
  }
  const name = read(value, "name");
  const kind = typeof name === "string" ? name : constructorName(value);
  const details = (["code", "errno"] as const)
    .map((key) => [key, read(value, key)] as const)
    .filter(([, field]) => typeof field === "string" || typeof field === "number")
    .map(([key, field]) => `${key} ${String(field)}`);
  return [
    kind && kind !== "Object" ? kind : "object",
    "thrown",
    ...(details.length > 0 ? [`(${details.join(", ")})`] : []),
  ].join(" ");
}

function truncate(text: string, max = maxString): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}
