// Two bot processes on one PostgreSQL database through a simulated day: both tick the scheduler at the
// same moments and both senders drain the outbox, and the emulator receives each digest and reminder
// exactly once. (PostgreSQL only: PGlite is one process's embedded database.)
import dayjs from "dayjs";
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "../../src/clock.js";
import { startBotApiEmulator, type BotApiEmulator } from "../../src/emulator/index.js";
import { bindTelegramUser, importFixture } from "../support/roster.js";
import { startInstance, type Instance } from "../support/app-instance.js";
import { testBotToken } from "../support/test-config.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const zone = "Asia/Ho_Chi_Minh";
const day = "2020-03-02"; // a Monday
const group = { id: -1003000001, type: "supergroup" as const, title: "Ban Thường vụ Quận ủy" };

describe.skipIf(!process.env.TEST_DATABASE_URL)("two bot processes on PostgreSQL", () => {
  let db: TestDatabase;
  let emulator: BotApiEmulator;
  let instances: Instance[] = [];
  let an: User, binh: User, ha: User, minh: User;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "reporting-org.yaml");
    an = await bindTelegramUser(db.database, "+84912345678"); // secretary of GT-07
    binh = await bindTelegramUser(db.database, "+84913222111"); // secretary of GT-12
    ha = await bindTelegramUser(db.database, "+84905555666"); // leads the group following GT
    minh = await bindTelegramUser(db.database, "+84907999000"); // leads the group following NT
    const lb = await db.database.prisma.unit.findFirstOrThrow({ where: { code: "LB" } });
    await db.database.prisma.chatBinding.create({
      data: { organizationId: lb.organizationId, unitId: lb.id, chatId: BigInt(group.id), title: group.title },
    });
    emulator = await startBotApiEmulator();
    for (const user of [an, binh, ha, minh])
      emulator.registerChat({ id: user.id, type: "private", first_name: user.first_name });
    emulator.registerChat(group);

    const env = {
      TELEGRAM_BOT_TOKEN: testBotToken,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: db.url!,
      DATA_DIR: "./tmp/test-data",
      START_AT: dayjs.tz(`${day} 00:00`, zone).toISOString(),
    };
    instances = await Promise.all([startInstance(env), startInstance(env)]);

    const pending = () => db.database.prisma.outboxMessage.count({ where: { status: "pending" } });
    for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
      const at = dayjs.tz(`${day} 00:00`, zone).add(minutes, "minute").toISOString();
      await Promise.all(instances.map((instance) => instance.call({ type: "set-time", at })));
      await Promise.all(instances.map((instance) => instance.call({ type: "tick" })));
      // Both senders drain on their own; the clock moves on only when nothing is in flight.
      const started = Date.now();
      while ((await pending()) > 0) {
        if (Date.now() - started > 120_000)
          throw new Error(`outbox not drained at ${at}:\n${instances.map((i) => i.output()).join("\n")}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  });
  afterAll(async () => {
    await Promise.all(
      instances.map((instance) => instance.call({ type: "stop" }).catch(() => instance.child.kill("SIGKILL"))),
    );
    await emulator?.close();
    await db?.drop();
  });

  it("when the day has run, then each chat received each message written for it exactly once, in order", async () => {
    const rows = await db.database.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows.every((row) => row.status === "sent")).toBe(true);
    for (const chatId of [an.id, binh.id, ha.id, minh.id, group.id]) {
      const written = rows
        .filter((row) => Number(row.chatId) === chatId)
        .map((row) => (row.payload as { params: { text: string } }).params.text);
      expect(emulator.messages(chatId).map((message) => message.text)).toEqual(written);
    }
  });

  it("when the day has run, then the counts are the day's: one reminder per lagging cell's secretary, one list per leader, one digest", () => {
    // One message each, with the plan (overdue, its 01/03 reminder day fell on a Sunday) and the documents (+2 → its 29/02 day).
    expect(emulator.messages(an.id)).toHaveLength(1);
    expect(
      emulator
        .messages(an.id)[0]!
        .text!.split("\n")
        .filter((line) => line.startsWith("• "))
        .map((line) => line.split(":")[0]),
    ).toEqual(["• Kế hoạch đại hội", "• Dự thảo báo cáo chính trị, kiểm điểm"]);
    expect(emulator.messages(binh.id)).toHaveLength(1);
    expect(emulator.messages(ha.id)).toHaveLength(1);
    expect(emulator.messages(minh.id)).toHaveLength(1);
    expect(emulator.messages(group.id).filter((message) => message.text?.startsWith("📊"))).toHaveLength(1);
  });

  it("when both instances ran, then both kept running (a 409 on getUpdates is logged and polled again)", () => {
    for (const instance of instances) expect(instance.child.exitCode).toBeNull();
  });
});
