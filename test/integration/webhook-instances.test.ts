// Three instances on one PostgreSQL database behind a round-robin proxy, in webhook mode: the emulator
// posts a stream of updates from many people through the proxy, one instance is killed with SIGKILL in
// the middle, and every update still has its effect exactly once (one report per confirmed report) and
// every person's answers come in order. (PostgreSQL only: the embedded database is one process's.)
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotApiEmulator, type BotApiEmulator, type RecordedMessage } from "../../src/emulator/index.js";
import { startInstance, type Instance } from "../support/app-instance.js";
import { cli } from "../support/cli.js";
import { freePort } from "../support/free-port.js";
import { startRoundRobinProxy, type RoundRobinProxy } from "../support/round-robin-proxy.js";
import { bindTelegramUser } from "../support/roster.js";
import { testBotToken } from "../support/test-config.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const people = 24;
const secret = "instances-webhook-secret-0123456789";
const phone = (n: number) => `09120000${String(n).padStart(2, "0")}`;

/** One ward committee with `people` cells, each with its secretary. */
function organisationFile(): string {
  const cells = Array.from({ length: people }, (_, i) => i + 1);
  return [
    'organization: { code: PX, name: "Đảng bộ phường Xuân" }',
    "campaign:",
    '  name: "Đại hội chi bộ nhiệm kỳ 2020-2022"',
    "  deadlines:",
    "    cell: { plan: 2020-03-31, documents: 2020-04-15, personnel: 2020-04-30, scheduled: 2020-05-10, held: 2020-05-31 }",
    "    grassroots: { plan: 2020-04-15, documents: 2020-05-15, personnel: 2020-05-31, scheduled: 2020-06-10, held: 2020-06-30 }",
    '  terms: { cell: "2020-2022", grassroots: "2020-2025" }',
    "units:",
    '  - { code: PX, name: "Đảng bộ phường Xuân", level: grassroots }',
    ...cells.map((n) => `  - { code: PX-${n}, name: "Chi bộ Tổ dân phố ${n}", level: cell, parent: PX }`),
    "people:",
    ...cells.map(
      (n) => `  - { name: "Bí thư Số ${n}", phone: "${phone(n)}", roles: [{ role: secretary, unit: PX-${n} }] }`,
    ),
    "",
  ].join("\n");
}

type Kind = "help" | "card" | "saved" | "other";
const kindOf = (message: RecordedMessage): Kind =>
  message.text?.startsWith("Trợ lý Đại hội — hướng dẫn")
    ? "help"
    : message.text?.startsWith("Xác nhận báo cáo")
      ? "card"
      : message.text?.startsWith("Đã lưu báo cáo.")
        ? "saved"
        : "other";

describe.skipIf(!process.env.TEST_DATABASE_URL)("three instances behind a load balancer, in webhook mode", () => {
  let db: TestDatabase;
  let emulator: BotApiEmulator;
  let proxy: RoundRobinProxy;
  let instances: Instance[] = [];
  const users: User[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "daihoi-instances-"));
    writeFileSync(path.join(dir, "org.yaml"), organisationFile());
    const imported = await cli(db.database, ["org", "import", path.join(dir, "org.yaml")]);
    expect(imported.code, imported.err.join("\n")).toBe(0);
    for (let n = 1; n <= people; n++) users.push(await bindTelegramUser(db.database, `+84${phone(n).slice(1)}`));
    emulator = await startBotApiEmulator();
    for (const user of users) emulator.registerChat({ id: user.id, type: "private", first_name: user.first_name });
    const ports = [await freePort(), await freePort(), await freePort()];
    proxy = await startRoundRobinProxy(ports);
    const env = {
      TELEGRAM_BOT_TOKEN: testBotToken,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: db.url!,
      DATA_DIR: "./tmp/test-data",
      START_AT: "2020-02-26T03:00:00Z", // 10:00 in Hà Nội, before the plans are due
      WEBHOOK_URL: `http://127.0.0.1:${proxy.port}/telegram/hook`,
      WEBHOOK_SECRET: secret,
      // A short hold, so that the killed instance's chats are taken over within seconds.
      INBOX_LEASE_SECONDS: "2",
      LOG_LEVEL: "warn",
    };
    instances = await Promise.all(ports.map((port) => startInstance({ ...env, WEBHOOK_PORT: String(port) })));
  });
  afterAll(async () => {
    await Promise.all(
      instances
        .filter((instance) => instance.child.exitCode === null && instance.child.signalCode === null)
        .map((instance) => instance.call({ type: "stop" }).catch(() => instance.child.kill("SIGKILL"))),
    );
    await proxy?.close();
    await emulator?.close();
    await db?.drop();
  });

  /** A secretary's session: help and a report typed without waiting, confirmed; then a second report. */
  async function session(user: User): Promise<void> {
    const botMessages = () => emulator.messages(user.id).filter((message) => message.from?.is_bot);
    const nextOf = async (kind: Kind, after: number) =>
      emulator.waitFor(
        () =>
          botMessages()
            .slice(after)
            .find((message) => kindOf(message) === kind),
        30_000,
      );
    emulator.sendMessage(testBotToken, { from: user, text: "/trogiup" });
    emulator.sendMessage(testBotToken, { from: user, text: "/baocao kehoach" });
    const card = await nextOf("card", 0);
    emulator.pressButton(testBotToken, { from: user, message: card, text: "✅ Xác nhận" });
    await nextOf("saved", 0);
    const seen = botMessages().length;
    emulator.sendMessage(testBotToken, { from: user, text: "/baocao nhansu" });
    const second = await nextOf("card", seen);
    emulator.pressButton(testBotToken, { from: user, message: second, text: "✅ Xác nhận" });
    await nextOf("saved", botMessages().indexOf(second));
  }

  it("when one of three instances is killed in the middle of a stream of updates, then every update has its effect once and every answer comes in order", async () => {
    const victim = instances[1]!;
    let finished = false;
    const sessions = Promise.all(users.map(session)).finally(() => (finished = true));
    // In the middle: once a quarter of the reports are in and the victim holds a chat (it is handling that
    // chat's updates), it is killed.
    const reportCount = () => db.database.prisma.report.count();
    const holdsOfVictim = async () =>
      Number(
        (
          await db.database.sql.query(
            `SELECT count(*)::int AS n FROM telegram_chat_holds WHERE "heldBy" LIKE $1 AND "heldUntil" > now()`,
            [`%:${victim.child.pid}:%`],
          )
        )[0]!.n,
      );
    while ((await reportCount()) < people / 2 || (await holdsOfVictim()) === 0) {
      if (finished) throw new Error("every session ended before the victim held a chat");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    victim.child.kill("SIGKILL");
    const reportsAtKill = await reportCount();
    await sessions.catch(async (error: Error) => {
      // What each chat got and what is left: enough to tell a lost update from a stuck chat.
      const chats = users.map(
        (user) =>
          `${user.id}: ${emulator
            .messages(user.id)
            .filter((m) => m.from?.is_bot)
            .map(kindOf)
            .join(",")}`,
      );
      const left = await db.database.sql.query(
        `SELECT u."updateId", u."chatKey", u.attempts, h."heldBy" FROM telegram_updates u
         LEFT JOIN telegram_chat_holds h USING ("chatKey") WHERE u."processedAt" IS NULL`,
      );
      throw new Error(`${error.message}\n${chats.join("\n")}\nunhandled: ${JSON.stringify(left)}`);
    });

    expect(reportsAtKill).toBeGreaterThanOrEqual(people / 2);
    expect(reportsAtKill).toBeLessThan(2 * people);
    expect(victim.child.signalCode).toBe("SIGKILL");
    // Every instance took part: the proxy sent each of them requests.
    expect(proxy.served.every((count) => count > 0)).toBe(true);

    // Effects exactly once: two reports per cell, the two milestones confirmed.
    const reports = await db.database.prisma.report.findMany({ include: { unit: { select: { code: true } } } });
    expect(reports).toHaveLength(2 * people);
    for (let n = 1; n <= people; n++)
      expect(
        reports
          .filter((report) => report.unit.code === `PX-${n}`)
          .map((report) => report.milestone)
          .sort(),
      ).toEqual(["personnel", "plan"]);

    // Answers in order per chat. An update the victim had answered but not yet marked handled when it
    // died is handled again by the instance that takes its chat over: its answer may come twice, in place.
    let repeated = 0;
    for (const user of users) {
      const kinds = emulator
        .messages(user.id)
        .filter((message) => message.from?.is_bot)
        .map(kindOf);
      const inPlace = kinds.filter((kind, i) => i === 0 || kind !== kinds[i - 1]);
      repeated += kinds.length - inPlace.length;
      expect(inPlace, `chat ${user.id}`).toEqual(["help", "card", "saved", "card", "saved"]);
    }
    // At most one per chat the victim was handling; it handles at most 16 chats at once.
    expect(repeated).toBeLessThanOrEqual(16);

    // None lost: every stored update was handled, none failed; Telegram's queue is empty.
    const updates = await db.database.prisma.telegramUpdate.findMany();
    expect(updates).toHaveLength(5 * people);
    expect(updates.filter((update) => update.processedAt === null || update.lastError !== null)).toEqual([]);
    expect(emulator.pendingUpdates(testBotToken)).toEqual([]);
    for (const survivor of [instances[0]!, instances[2]!]) expect(survivor.child.exitCode).toBeNull();
  });

  it("when an instance stops gracefully, then it lets go of the chats it held at once, and the other still answers", async () => {
    const [leaving, staying] = [instances[0]!, instances[2]!];
    const user = users[0]!;
    const answered = () => emulator.messages(user.id).filter((message) => message.from?.is_bot).length;
    const first = answered();
    // Each post goes to the next instance in turn: one of these two reaches the one about to leave.
    for (const text of ["/trogiup", "/trogiup"]) emulator.sendMessage(testBotToken, { from: user, text });
    await emulator.waitFor(() => answered() >= first + 2);
    await leaving.call({ type: "stop" });
    const held = await db.database.sql.query(`SELECT "chatKey" FROM telegram_chat_holds WHERE "heldBy" LIKE $1`, [
      `%:${leaving.child.pid}:%`,
    ]);
    expect(held).toEqual([]);
    const before = answered();
    emulator.sendMessage(testBotToken, { from: user, text: "/trogiup" });
    await emulator.waitFor(() => answered() > before);
    expect(staying.child.exitCode).toBeNull();
  });
});
