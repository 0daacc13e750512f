import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, maskSecrets } from "../../src/logger.js";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return { lines, destination };
}

describe("logs", () => {
  it("when a message holds a phone number or the token, then neither is written", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: "info", secrets: ["123456:SECRET"], destination });
    logger.info({ phone: "+84912345678", user: { phone: "0912345678" } }, "call 0912 345 678 with token 123456:SECRET");
    logger.error({ err: new Error("request to /bot123456:SECRET/getMe failed for +84912345678") }, "failed");
    const text = lines.join("");
    expect(text).not.toMatch(/912|SECRET/);
    expect(text).toContain("[phone]");
    expect(text).toContain("[secret]");
    expect(text).toContain("[redacted]");
  });

  it("when a grammY error carries its context and payload, then neither the token nor the user's text is logged", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: "info", secrets: ["123456:SECRET"], destination });
    const inner = Object.assign(new Error("Call to 'sendMessage' failed! (400: Bad Request)"), {
      method: "sendMessage",
      error_code: 400,
      payload: { text: "Bí thư Nguyễn Văn An" },
    });
    const botError = Object.assign(new Error("GrammyError in middleware"), { error: inner, ctx: { api: { token: "123456:SECRET" } } });
    logger.error({ err: botError }, "update failed");
    const entry = JSON.parse(lines[0]!);
    expect(entry.err).toMatchObject({ type: "Error", message: "GrammyError in middleware", cause: { method: "sendMessage", errorCode: 400 } });
    expect(lines[0]).not.toMatch(/SECRET|Nguyễn/);
  });

  it("masks numbers in every common form", () => {
    expect(maskSecrets("A 0912345678, B +84 912 345 678, C 84912345678")).toBe("A [phone], B [phone], C [phone]");
  });
});
