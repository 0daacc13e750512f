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
      serializers: {
        err: (error: Error) => {
          const serialized = pino.stdSerializers.err(error);
          return {
            ...serialized,
            message: maskSecrets(serialized.message, secrets),
            stack: serialized.stack ? maskSecrets(serialized.stack, secrets) : undefined,
          };
        },
      },
    },
    options.destination,
  );
}
