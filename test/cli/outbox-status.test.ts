// `outbox status` names who could not be reached, so the office can call them: the person with their phone
// (a secretary who blocked the bot), the linked group with its unit (a group the bot was removed from), and
// the person whose browser notifications could not be delivered, and by its number an address no longer on
// the roster. The failures are real: the sender meets them at the
// Bot API emulator. No message's text is printed.
import { Api } from "grammy";
import webPushLibrary from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueue } from "../../src/db/outbox-store.js";
import { startBotApiEmulator, type BotApiEmulator } from "../../src/emulator/index.js";
import { createLogger } from "../../src/logger.js";
import { createOutboxSender } from "../../src/outbox/sender.js";
import { createWebPushSender } from "../../src/outbox/web-push-sender.js";
import { cli } from "../support/cli.js";
import { bindTelegramUser } from "../support/roster.js";
import { testBotToken } from "../support/test-config.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const smallFile = new URL("../fixtures/small-org.yaml", import.meta.url).pathname;

describe("outbox status", () => {
  let db: TestDatabase;
  let emulator: BotApiEmulator;

  beforeAll(async () => {
    db = await createTestDatabase();
    emulator = await startBotApiEmulator();
    expect((await cli(db.database, ["org", "import", smallFile])).code).toBe(0);
  });
  afterAll(async () => {
    await emulator?.close();
    await db?.drop();
  });

  it("when messages could not be delivered, then each failure names the person and phone, or the group and its unit", async () => {
    const prisma = db.database.prisma;
    // Nguyễn Văn An (secretary of GT-01) blocked the bot; Trần Thị Bình reads hers.
    const an = await bindTelegramUser(db.database, "+84912345678");
    const binh = await bindTelegramUser(db.database, "+84913222111");
    for (const user of [an, binh]) emulator.registerChat({ id: user.id, type: "private", first_name: user.first_name });
    emulator.blockBot(an.id);
    // A group linked to the ward's committee, that the bot is no longer in (Telegram: chat not found).
    const ward = await prisma.unit.findFirstOrThrow({ where: { code: "GT" } });
    const group = -1_002_000_000_777;
    await prisma.chatBinding.create({
      data: {
        organizationId: ward.organizationId,
        unitId: ward.id,
        chatId: BigInt(group),
        title: "BTV phường Gia Thụy",
      },
    });
    const stranger = 555_000_001; // a chat nobody on the roster has
    const message = (chatId: number, kind: string) => ({
      dedupeKey: `status:${chatId}:${kind}`,
      chatId,
      kind,
      payload: { method: "sendMessage" as const, params: { text: `Nội dung riêng ${chatId}` } },
    });
    // Trần Thị Bình's reminder as a notification in her browser, which she has since turned off (no browser left).
    const binhPerson = await prisma.person.findFirstOrThrow({ where: { phone: "+84913222111" } });
    await enqueue(prisma, [
      message(an.id, "reminder"),
      message(binh.id, "reminder"),
      message(group, "digest"),
      message(stranger, "notice"),
      {
        dedupeKey: `status:push-${binhPerson.id}`,
        channel: "webpush",
        chatId: binhPerson.id,
        kind: "reminder",
        payload: { method: "webPush", params: { title: "Nhắc việc", body: "Nội dung riêng", url: "/" } },
      },
    ]);
    const sender = createOutboxSender({
      prisma,
      api: new Api(testBotToken, { apiRoot: emulator.apiRoot }),
      logger: createLogger({ level: "silent" }),
      limits: null,
    });
    await sender.drainOnce();
    const pushSender = createWebPushSender({
      prisma,
      logger: createLogger({ level: "silent" }),
      vapid: { ...webPushLibrary.generateVAPIDKeys(), subject: "mailto:vanphong@example.vn" },
    });
    await pushSender.drainOnce();
    expect(await prisma.outboxMessage.count({ where: { status: "failed" } })).toBe(4);

    const vi = await cli(db.database, ["outbox", "status"]);
    expect(vi.code, vi.err.join("\n")).toBe(0);
    const failures = vi.out.filter((line) => line.startsWith("• ")).map((line) => line.split(" · ").slice(0, 2));
    expect(failures.sort()).toEqual(
      [
        ["• Nguyễn Văn An (0912 345 678), Telegram", "reminder"],
        ["• Trần Thị Bình (0913 222 111), thông báo trình duyệt", "reminder"],
        ['• nhóm "BTV phường Gia Thụy" của Đảng bộ phường Gia Thụy', "digest"],
        [`• cuộc trò chuyện ${stranger} (không còn trong danh sách)`, "notice"],
      ].sort(),
    );
    expect(vi.out.join("\n")).not.toContain("Nội dung riêng");

    const en = await cli(db.database, ["outbox", "status", "--lang", "en"]);
    expect(
      en.out
        .filter((line) => line.startsWith("• "))
        .map((line) => line.split(" · ")[0])
        .sort(),
    ).toEqual(
      [
        "• Nguyễn Văn An (0912 345 678), Telegram",
        "• Trần Thị Bình (0913 222 111), browser notifications",
        '• the group "BTV phường Gia Thụy" of Đảng bộ phường Gia Thụy',
        `• chat ${stranger} (no longer on the roster)`,
      ].sort(),
    );
  });
});
