// The sandbox as the page uses it: the real app against the emulator with its own embedded database,
// driven only through the HTTP API under /api (the browser test drives the page itself).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { InputFile } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConfig, type Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { demoFiles } from "../../src/sandbox/run-sandbox.js";
import { sandboxBotToken, startSandbox, type RunningSandbox } from "../../src/sandbox/start-sandbox.js";
import type { ChatView } from "../../src/sandbox/sandbox-api.js";
import type { Persona } from "../../src/sandbox/personas.js";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const realLookingToken = "987654321:AAH-a-real-token-the-sandbox-must-not-use";

describe("the sandbox", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "daihoi-sandbox-"));
  let config: Config;
  let sandbox: RunningSandbox;

  const start = async () => {
    sandbox = await startSandbox({
      config,
      logger: createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
      demo: demoFiles,
    });
    await sandbox.ready;
  };
  const rt = () => sandbox.api.current!;
  const prisma = () => rt().app.database.prisma;

  async function call<T = Record<string, unknown>>(
    route: string,
    body?: unknown,
  ): Promise<{ status: number; json: T }> {
    const response = await fetch(`${sandbox.url}${route}`, {
      method: body === undefined ? "GET" : "POST",
      ...(body !== undefined && {
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    });
    return { status: response.status, json: (await response.json()) as T };
  }
  const chat = async (key: string) => (await call<ChatView>(`/api/personas/${key}/chat`)).json;
  /** Polls the chat until `count` bot messages are there, as the page does on change events. */
  async function botMessages(key: string, count: number) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const view = await chat(key);
      const messages = view.messages.filter((m) => m.fromBot);
      if (messages.length >= count) return { view, messages };
      if (Date.now() > deadline)
        throw new Error(
          `waited for ${count} bot messages in ${key}, got: ${JSON.stringify(messages.map((m) => m.html))}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }
  async function say(key: string, text: string) {
    const before = (await chat(key)).messages.filter((m) => m.fromBot).length;
    expect((await call(`/api/personas/${key}/send`, { text })).status).toBe(200);
    return (await botMessages(key, before + 1)).messages[before]!;
  }
  async function press(key: string, messageId: number, label: string) {
    const view = await chat(key);
    const before = view.messages.filter((m) => m.fromBot).length;
    const button = view.messages
      .find((m) => m.id === messageId)!
      .buttons.flat()
      .find((b) => b.text === label);
    expect(button, `button "${label}"`).toBeDefined();
    expect((await call(`/api/personas/${key}/press`, { messageId, data: button!.data })).status).toBe(200);
    return (await botMessages(key, before + 1)).messages[before]!;
  }
  const featured = async () => (await call<{ featured: Persona[] }>("/api/personas")).json.featured;
  const secretaryOf = async (unitCode: string) =>
    (await featured()).find((p) => p.roles.some((r) => r.role === "secretary" && r.unitCode === unitCode))!;

  beforeAll(async () => {
    // A real token, an API root and a production database are configured: the sandbox must use none of them.
    config = createConfig({
      TELEGRAM_BOT_TOKEN: realLookingToken,
      TELEGRAM_API_ROOT: "http://127.0.0.1:9",
      DATABASE_URL: "postgres://nobody@127.0.0.1:9/production",
      SANDBOX: "1",
      PORT: "0",
      SANDBOX_DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
    });
    await start();
  });
  afterAll(async () => sandbox?.stop());

  it("when started with a real token and DATABASE_URL set, then it serves the page on 127.0.0.1 from its own database, and its bot only ever called the emulator with the sandbox token", async () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await (await fetch(`${sandbox.url}/`)).text();
    expect(page).toContain('data-testid="sandbox-banner"');
    expect((await call("/api/strings?lang=vi")).json["sandbox-page-banner"]).toBe(
      "SANDBOX · MÔI TRƯỜNG THỬ — Telegram giả lập trong máy này, dữ liệu mẫu, không gửi gì ra ngoài.",
    );
    expect((await call("/api/state")).json).toMatchObject({
      sandbox: true,
      phase: "ready",
      bot: { username: "trolydaihoi_sandbox_bot" },
    });
    expect(rt().app.database.kind).toBe("pglite");
    expect(rt().emulator.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new Set(rt().emulator.requestLog.map((entry) => entry.token))).toEqual(new Set([sandboxBotToken]));
    expect(rt().emulator.requests).toEqual(
      expect.arrayContaining(["getMe", "deleteWebhook", "setMyCommands", "getUpdates"]),
    );
    expect(await prisma().organization.count()).toBe(1);
    expect(await prisma().unit.count({ where: { level: "cell" } })).toBe(587);
  });

  it("when the page lists personas, then the group and people of every role come first, and search finds people by unit or name without diacritics", async () => {
    const list = await featured();
    expect(list[0]).toMatchObject({ kind: "group", name: "Ban Thường vụ — Đảng bộ quận Long Biên", bound: true });
    const roles = new Set(list.flatMap((p) => p.roles.map((r) => `${r.role}:${r.level}`)));
    expect([...roles]).toEqual(
      expect.arrayContaining([
        "secretary:district",
        "admin:district",
        "secretary:grassroots",
        "secretary:cell",
        "deputy:grassroots",
      ]),
    );
    expect(list.some((p) => p.workingGroups.some((g) => g.leader))).toBe(true);
    expect(list.filter((p) => !p.bound).map((p) => p.roles[0]!.role)).toEqual(["deputy"]);

    const found = (await call<{ results: Persona[]; total: number }>("/api/personas?q=bo%20de%2001")).json;
    expect(found.results[0]).toMatchObject({
      name: "Nghiêm Hữu Thắng",
      roles: [{ role: "secretary", unitCode: "P-BODE-01" }],
    });
    const byName = (await call<{ results: Persona[] }>(`/api/personas?q=${encodeURIComponent("to minh ngoc")}`)).json;
    expect(byName.results[0]!.name).toBe("Tô Minh Ngọc");
    expect((await call("/api/personas?q=khong-co-ai")).json).toMatchObject({ results: [], total: 0 });
  });

  it("when a cell secretary reports a congress held through buttons, then the card is edited in place, the report is saved from Telegram, and the working-group leader sees it counted", async () => {
    const secretary = await secretaryOf("P-BODE-01");
    const key = secretary.key;
    const leader = (await featured()).find((p) => p.workingGroups.some((g) => g.leader))!;
    const cellsHeld = (html: string) => Number(/\d+ chi bộ: (\d+) đã đại hội/.exec(html)?.[1]);
    const before = cellsHeld((await say(leader.key, "/trangthai")).html);
    const milestones = await say(key, "/baocao");
    expect(milestones.html).toBe("Chi bộ Tổ dân phố số 1: đồng chí báo cáo nội dung nào?");
    const askDate = await press(key, milestones.id, "Tổ chức đại hội");
    // The demo opens on 26/02/2020, the day this cell's congress was set for.
    const numbers = await press(key, askDate.id, "26");
    expect(numbers.html.split("\n")[0]).toBe(
      "Nhập các số, cách nhau bằng dấu cách: số chi ủy viên theo đề án, số trúng cử, số nữ, số dưới 35 tuổi, số tái cử. Ví dụ: 5 5 2 1 3",
    );
    let question = await say(key, "5 5 2 1 3");
    for (const label of ["Bỏ qua", "Có", "Có", "Bỏ qua", "Bỏ qua"]) question = await press(key, question.id, label);
    expect(question.html.split("\n")[0]).toBe("Xác nhận báo cáo — Chi bộ Tổ dân phố số 1 (Đảng bộ phường Bồ Đề)");
    const saved = await press(key, question.id, "✅ Xác nhận");
    expect(saved.html.split("\n")[0]).toBe("Đã lưu báo cáo. Tình hình của đơn vị:");
    const card = (await chat(key)).messages.find((m) => m.id === question.id)!;
    expect(card.editDate).toBeGreaterThan(0);
    expect(card.html.endsWith("✅ Đã lưu.")).toBe(true);
    expect(card.buttons).toEqual([[{ text: "✏️ Sửa", data: expect.any(String) }]]);
    const reports = await prisma().report.findMany({
      where: { source: "telegram" },
      include: { unit: { select: { code: true } } },
    });
    expect(reports.map((r) => [r.unit.code, r.milestone, r.source, r.eventDate?.toISOString().slice(0, 10)])).toEqual([
      ["P-BODE-01", "held", "telegram", "2020-02-26"],
    ]);

    const status = await say(leader.key, "/trangthai");
    // The group's list counts the cell as held: one more than the demo's cells held that morning.
    expect(status.html).toContain("Tổ công tác số 1");
    expect(before).toBeGreaterThan(0);
    expect(cellsHeld(status.html)).toBe(before + 1);
  });

  it("when someone not yet on Telegram sends /start and presses the share-phone button, then they are bound by their roster phone and greeted", async () => {
    const deputy = (await featured()).find((p) => !p.bound && p.kind === "person")!;
    const welcome = await say(deputy.key, "/start");
    expect(welcome.html).toContain("Kính chào");
    const keyboard = (await chat(deputy.key)).keyboard!;
    expect(keyboard.rows[0]![0]!.requestContact).toBe(true);
    expect((await call(`/api/personas/${deputy.key}/contact`, {})).status).toBe(200);
    const greeting = (await botMessages(deputy.key, 2)).messages[1]!;
    expect(greeting.html).toContain("Kính chào đồng chí");
    expect((await chat(deputy.key)).keyboard).toBeNull();
    const person = await prisma().person.findUniqueOrThrow({ where: { id: deputy.personId! } });
    expect(Number(person.telegramUserId)).toBe(deputy.userId);
    expect((await featured()).find((p) => p.key === deputy.key)!.bound).toBe(true);
  });

  it("when the page sends bad input, then it gets a clear error and nothing changes", async () => {
    const secretary = await secretaryOf("P-BODE-02");
    const before = await prisma().report.count();
    expect(await call(`/api/personas/${secretary.key}/send`, { text: "  " })).toEqual({
      status: 400,
      json: { error: "empty-text" },
    });
    expect(await call(`/api/personas/${secretary.key}/send`, { text: "x".repeat(4097) })).toEqual({
      status: 400,
      json: { error: "text-too-long" },
    });
    expect(await call(`/api/personas/${secretary.key}/send`, "{not json")).toEqual({
      status: 400,
      json: { error: "bad-json" },
    });
    expect((await call("/api/personas/person-999999/chat")).status).toBe(404);
    expect((await call("/api/personas/person-999999/send", { text: "hi" })).json).toEqual({ error: "unknown-persona" });
    const menu = await say(secretary.key, "/baocao");
    const forged = await call<{ error: string; detail: string }>(`/api/personas/${secretary.key}/press`, {
      messageId: menu.id,
      data: "rp:forged",
    });
    expect(forged.status).toBe(400);
    expect(forged.json.error).toBe("refused");
    expect((await call("/api/clock/advance", { hours: 0 })).json).toEqual({ error: "bad-hours" });
    expect((await call("/api/files/AgACunknown")).status).toBe(404);
    expect((await call("/api/nothing")).status).toBe(404);
    expect(await prisma().report.count()).toBe(before);
  });

  it("when the bot sends a photo and a document, then the chat shows them and the page downloads the same bytes", async () => {
    const secretary = await secretaryOf("P-BODE-01");
    const bytes = Buffer.from("PK\u0003\u0004 workbook bytes");
    await rt().app.bot.api.sendPhoto(secretary.chatId, new InputFile(PNG, "chart.png"), {
      caption: "<b>Biểu đồ</b>",
      parse_mode: "HTML",
    });
    await rt().app.bot.api.sendDocument(secretary.chatId, new InputFile(bytes, "tiến-độ.xlsx"));
    const [photo, document] = (await chat(secretary.key)).messages.slice(-2);
    expect(photo).toMatchObject({ html: "<b>Biểu đồ</b>", photo: { width: 1, height: 1 } });
    expect(document!.document).toMatchObject({ name: "tiến-độ.xlsx", size: bytes.length });
    const image = await fetch(`${sandbox.url}/api/files/${photo!.photo!.fileId}`);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
    const download = await fetch(`${sandbox.url}/api/files/${document!.document!.fileId}?download=1`);
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent("tiến-độ.xlsx")}`,
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("when the page lists commands, then they are the bot's own (setMyCommands) in the page's language", async () => {
    const vi = (await call<{ command: string }[]>("/api/commands?lang=vi")).json.map((c) => c.command);
    const en = (await call<{ command: string }[]>("/api/commands?lang=en")).json.map((c) => c.command);
    expect(vi).toEqual(expect.arrayContaining(["baocao", "trangthai", "trogiup"]));
    expect(en).toEqual(expect.arrayContaining(["report", "status", "help"]));
  });

  it("when the page jumps to the next digest time, then the sandbox clock is at DIGEST_TIME and the standing committee's group gets the digest with the new report", async () => {
    const events = await fetch(`${sandbox.url}/api/events`);
    const reader = events.body!.getReader();
    const clock = (await call<{ now: string; nextDigest: string }>("/api/clock/next-digest", {})).json;
    expect(clock.now.slice(11, 16)).toBe("10:00"); // 17:00 in Hà Nội
    expect(clock.nextDigest.slice(0, 10) > clock.now.slice(0, 10)).toBe(true);
    const group = (await featured())[0]!;
    const digest = (await botMessages(group.key, 1)).messages.find((m) => m.html.startsWith("📊 TIẾN ĐỘ ĐẠI HỘI"))!;
    // The demo's 253 cells as the district heard it on 26/02/2020, and the one reported here.
    expect(digest.html).toContain("Chi bộ trực thuộc đảng ủy cơ sở: 254/587 (43,3%) đã đại hội");
    let seen = "";
    while (!seen.includes("event: change")) seen += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
  });

  it("when the sandbox restarts on the same data dir, then nothing is imported or bound twice, the clock goes on, and people can keep writing", async () => {
    const before = (await call<{ now: string }>("/api/clock")).json.now;
    const secretary = await secretaryOf("P-BODE-01");
    await sandbox.stop();
    await start();
    expect(await prisma().organization.count()).toBe(1);
    expect(await prisma().chatBinding.count()).toBe(1);
    expect((await call<{ now: string }>("/api/clock")).json.now >= before).toBe(true);
    const greeting = await say(secretary.key, "/start");
    expect(greeting.html).toContain("Nghiêm Hữu Thắng");
    const group = (await featured())[0]!;
    await call("/api/clock/advance", { hours: 24 });
    const digest = (await botMessages(group.key, 1)).messages.at(-1)!;
    expect(digest.html.startsWith("📊 TIẾN ĐỘ ĐẠI HỘI")).toBe(true);
  });
});
