import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, maskLogLine, maskSecrets, serializeError } from "../../src/logger.js";

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

/** Every digit run of a phone in any form: what must not survive masking (the last 3 digits may). */
const phoneDigits = /0?904.?333|84.?904|1234.?567/;

describe("logs", () => {
  it("when a message holds a phone number or the token, then neither is written", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: "info", secrets: ["123456:SECRET"], destination });
    logger.info({ phone: "+84912345678", user: { phone: "0912345678" } }, "call 0912 345 678 with token 123456:SECRET");
    logger.error({ err: new Error("request to /bot123456:SECRET/getMe failed for +84912345678") }, "failed");
    const text = lines.join("");
    expect(text).not.toMatch(/912\D?345|SECRET/);
    expect(text).toContain("[phone ***678]");
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
    const botError = Object.assign(new Error("GrammyError in middleware"), {
      error: inner,
      ctx: { api: { token: "123456:SECRET" } },
    });
    logger.error({ err: botError }, "update failed");
    const entry = JSON.parse(lines[0]!);
    expect(entry.err).toMatchObject({
      type: "Error",
      message: "GrammyError in middleware",
      cause: { method: "sendMessage", errorCode: 400 },
    });
    expect(lines[0]).not.toMatch(/SECRET|Nguyễn/);
  });

  it("masks numbers in every common form, keeping the last 3 digits", () => {
    const forms = [
      "0904333444",
      "0904 333 444",
      "0904.333.444",
      "0904-333-444",
      "090 4333 444",
      "+84904333444",
      "+84 904 333 444",
      "+84-904-333-444",
      "(+84) 904 333 444",
      "84904333444",
      "84 904 333 444",
      "01234567444", // an old 11-digit mobile
      "0123 456 7444",
      "+841234567444",
      "024 3826 7444", // a landline with its area code
    ];
    for (const form of forms) expect(maskSecrets(`gọi ${form}, cảm ơn`), form).toBe("gọi [phone ***444], cảm ơn");
    expect(maskSecrets("td:u:0904333444:a:0")).toBe("td:u:[phone ***444]:a:0");
  });

  it("leaves alone what is not a phone: chat ids, timestamps, dates, counts, versions, addresses", () => {
    const text =
      "chat -1001234567890 at 1582686000000 on 2020-02-26T03:00:00.000Z, 26/02/2020, 12345 units, pino 10.4.0, http://127.0.0.1:9, update 700000001";
    expect(maskSecrets(text)).toBe(text);
  });

  it("when phone numbers are in any field at any depth, in arrays, in child bindings or in an interpolated message, then none is written", () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: "debug", destination });
    const child = logger.child({ caller: "0904 333 444" });
    child.debug(
      {
        data: "td:u:0904333444:a:0",
        nested: { deeper: { list: ["+84 904.333.444", { contact: { phone_number: "84904333444" } }] } },
        asNumber: 84904333444,
        phone_number: "0904-333-444",
      },
      "pressed %s by %o",
      "0904333444",
      { who: "+84904333444" },
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(phoneDigits);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({
      caller: "[phone ***444]",
      data: "td:u:[phone ***444]:a:0",
      asNumber: "[phone ***444]",
    });
    expect(entry.nested.deeper.list[0]).toBe("[phone ***444]");
    expect(entry.msg).toMatch(/^pressed \[phone \*\*\*444\] by /);
  });

  it("when an invite token, a link code or a deep link is logged, in a command or alone, then it is not written", () => {
    const token = "3q9VbX1k_Pz8Lm2Nw4Rt6Ys0Ua5Oc7E";
    const { lines, destination } = capture();
    const logger = createLogger({ level: "debug", destination });
    logger.debug({ text: `/start ${token}` }, `received /lienketnhom@test_bot ${token}`);
    logger.debug({
      texts: [`/linkgroup ${token}`, `/LienKetNhom\n${token}`, `https://t.me/test_bot?start=${token}`, token],
    });
    logger.debug({ alone: "xK2_abcdefghijklmnopqrstuv" });
    const text = lines.join("");
    expect(text).not.toContain(token);
    expect(text).not.toContain("xK2_abcdefghijklmnopqrstuv");
    expect(JSON.parse(lines[0]!)).toMatchObject({
      text: "/start [redacted]",
      msg: "received /lienketnhom@test_bot [redacted]",
    });
    expect(JSON.parse(lines[1]!).texts).toEqual([
      "/linkgroup [redacted]",
      "/LienKetNhom\n[redacted]",
      "https://t.me/test_bot?start=[redacted]",
      "[redacted]",
    ]);
  });

  it("keeps names, paths and hashes that only look long", () => {
    const text =
      "at processTicksAndRejections (node:internal/process/task_queues:95:5) PrismaClientKnownRequestError e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    expect(maskSecrets(text)).toBe(text);
  });

  it("keeps every line valid JSON, with escapes, quotes and numbers", () => {
    const line = `{"level":"info","n":84904333444,"x":-84904333444,"f":0.5,"s":"say \\"0904333444\\"\\n/start abcDEF1234567890abcdefGHIJ","ok":true}\n`;
    const masked = maskLogLine(line);
    expect(JSON.parse(masked)).toEqual({
      level: "info",
      n: "[phone ***444]",
      x: -84904333444,
      f: 0.5,
      s: 'say "[phone ***444]"\n/start [redacted]',
      ok: true,
    });
  });
});

describe("thrown values in logs", () => {
  function logged(value: unknown): Record<string, unknown> {
    const { lines, destination } = capture();
    createLogger({ level: "info", destination }).error({ err: value }, "failed");
    expect(lines).toHaveLength(1);
    return JSON.parse(lines[0]!).err as Record<string, unknown>;
  }

  it("when a plain object is thrown (a driver error, a full disk), then its fields are logged, not [object Object]", () => {
    const driverError = {
      kind: "postgres",
      code: "53100",
      severity: "ERROR",
      message: "could not extend file: No space left on device",
      detail: { file: "base/5/16384" },
    };
    expect(logged(driverError)).toEqual({
      message: "could not extend file: No space left on device",
      kind: "postgres",
      code: "53100",
      severity: "ERROR",
      detail: { file: "base/5/16384" },
    });
  });

  it("when the embedded database's file system throws its ErrnoError, then its name and code are logged", () => {
    class ErrnoError {
      name = "ErrnoError";
      constructor(public errno: number) {}
    }
    expect(logged(new ErrnoError(51))).toEqual({
      type: "ErrnoError",
      message: "ErrnoError thrown (errno 51)",
      code: "ENOSPC",
      errno: 51,
    });
  });

  it("when an object without a message is thrown, then what it holds is logged", () => {
    expect(logged({ code: "ENOSPC", path: "/data/pg" })).toEqual({
      message: "object thrown (code ENOSPC)",
      code: "ENOSPC",
      path: "/data/pg",
    });
    expect(logged({ message: { text: "nested" } })).toEqual({ message: { text: "nested" } });
  });

  it("when a string, a number, null or undefined is thrown, then it is the message", () => {
    expect(logged("disk full")).toEqual({ type: "string", message: "disk full" });
    expect(logged(28)).toEqual({ type: "number", message: "28" });
    expect(logged(null)).toEqual({ type: "null", message: "null" });
    expect(serializeError(undefined)).toEqual({ type: "undefined", message: "undefined" });
  });

  it("when an error has a code, a cause and a stack, then all are logged", () => {
    const cause = { kind: "postgres", code: "XX000", message: "could not write block" };
    const error = Object.assign(new Error("Invalid `prisma.report.create()` invocation", { cause }), {
      code: "P2010",
      meta: { driverAdapterError: new Error("boom") },
    });
    const entry = logged(error);
    expect(entry).toMatchObject({
      type: "Error",
      message: "Invalid `prisma.report.create()` invocation",
      code: "P2010",
      cause: { code: "XX000", message: "could not write block" },
    });
    expect(entry.meta).toMatchObject({ driverAdapterError: { type: "Error", message: "boom" } });
    expect(entry.stack).toMatch(/^Error: Invalid/);
  });

  it("when a thrown object is circular, deep, huge or has a throwing getter, then a bounded line is still written", () => {
    const circular: Record<string, unknown> = { message: "loop" };
    circular.self = circular;
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 20; i += 1) deep = { deep };
    const hostile = Object.defineProperty({ code: "E1" }, "broken", {
      enumerable: true,
      get() {
        throw new Error("getter");
      },
    });
    expect(logged(circular)).toEqual({ message: "loop", self: "(circular)" });
    expect(JSON.stringify(logged(deep)).length).toBeLessThan(200);
    expect(String(logged({ message: "x".repeat(100_000) }).message).length).toBeLessThan(2100);
    expect(logged(hostile)).toMatchObject({ code: "E1" });
    expect(logged(Object.create(null))).toMatchObject({ message: "object thrown" });
  });

  it("when an AggregateError is thrown, then each inner error is logged", () => {
    const entry = logged(new AggregateError([new Error("first"), { code: "E2", message: "second" }], "several"));
    expect(entry).toMatchObject({
      type: "AggregateError",
      message: "several",
      errors: [{ message: "first" }, { code: "E2", message: "second" }],
    });
  });
});
