// A complaint or denunciation raised with /khokhan, however it is typed (the two spellings of issue 12
// were stored as ordinary difficulties), is stored as sensitive, and its text then appears in no chat
// but the ones the rule allows (src/domain/difficulty-rules.ts: the person who raised it, the standing
// committee and admins in /khokhan's list; not the working group's leaders). It is checked where it could leak: the
// linked group's digest, the working-group leader's morning list and /trangthai, /trangthai of the
// unit's sibling, the committee above, the standing committee and the admin, the notices, and every
// workbook /xuat sends. The real bot runs against the in-repo emulator; the scheduler is ticked by hand.
import { fileURLToPath } from "node:url";
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import type { RecordedMessage } from "../../src/emulator/index.js";
import { startBotHarness, telegramUser, type BotHarness } from "../support/bot-harness.js";
import { cli } from "../support/cli.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { downloadDocument, readWorkbook } from "../support/workbook.js";

// 10:00 on Wednesday 26/02/2020 in Hà Nội.
const clock = fixedClock("2020-02-26T03:00:00Z");
const group = { id: -1001234999, type: "supergroup" as const, title: "Ban Thường vụ Quận ủy" };
const complaint = "Có khiếu-nại về bí thư chi bộ";
const denunciation = "Tố-cáo bí thư";
const ordinary = "Hội trường chưa sửa xong";

describe("sensitive difficulties reach only whom the rule allows", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  // An: secretary of GT-01; Bình: secretary of GT-02 (a sibling); the leader of the working group
  // following GT; Cường: secretary of GT (the committee above); Hà: standing committee; Minh: admin.
  let an: User, binh: User, leader: User, cuong: User, ha: User, minh: User;
  const prisma = () => db.database.prisma;
  const unitId = async (code: string) => (await prisma().unit.findFirstOrThrow({ where: { code } })).id;

  async function link(phone: string, user: User): Promise<void> {
    await prisma().person.update({
      where: { organizationId_phone: { organizationId: 1, phone } },
      data: { telegramUserId: BigInt(user.id) },
    });
  }
  async function person(
    name: string,
    phone: string,
    role: "secretary" | "standing" | "admin",
    code: string,
    user: User,
  ): Promise<void> {
    await prisma().person.create({
      data: {
        organizationId: 1,
        name,
        phone,
        telegramUserId: BigInt(user.id),
        roles: { create: [{ role, unitId: await unitId(code) }] },
      },
    });
  }
  /** Sends a text and returns every message of the answer once the bot has finished with the update. */
  async function ask(user: User, text: string): Promise<RecordedMessage[]> {
    const before = harness.sent(user.id).length;
    harness.emulator.sendMessage(harness.token, { from: user, text });
    await harness.emulator.waitForBotMessages(user.id, before + 1);
    await harness.app.inbox.drain();
    return harness.sent(user.id).slice(before);
  }
  /** Telegram takes one message a second per chat: moves the fixed clock on until the outbox is empty. */
  async function deliverPending(): Promise<void> {
    for (
      let round = 0;
      round < 30 && (await prisma().outboxMessage.count({ where: { status: "pending" } })) > 0;
      round++
    ) {
      clock.advance(1100);
      await harness.app.sender.drainOnce();
    }
    expect(await prisma().outboxMessage.count({ where: { status: "pending" } })).toBe(0);
  }
  const textOf = (message: RecordedMessage) => message.text ?? message.caption ?? "";
  const quotes = (text: string) =>
    text.includes(complaint) || text.includes(denunciation) || /khiếu-nại về bí thư|tố-cáo bí thư/i.test(text);

  beforeAll(async () => {
    db = await createTestDatabase();
    expect(
      (await cli(db.database, ["org", "import", fileURLToPath(new URL("../fixtures/small-org.yaml", import.meta.url))]))
        .code,
    ).toBe(0);
    [an, binh, leader, cuong, ha, minh] = [
      telegramUser({ first_name: "An" }),
      telegramUser(),
      telegramUser(),
      telegramUser(),
      telegramUser(),
      telegramUser(),
    ];
    await link("+84912345678", an);
    await link("+84913222111", binh);
    await link("+84912000001", leader);
    await person("Lê Văn Cường", "+84912000011", "secretary", "GT", cuong);
    await person("Đỗ Thu Hà", "+84912000012", "standing", "LB", ha);
    await person("Vũ Đức Minh", "+84912000013", "admin", "LB", minh);
    const lb = await prisma().unit.findFirstOrThrow({ where: { code: "LB" } });
    await prisma().chatBinding.create({
      data: { organizationId: 1, unitId: lb.id, chatId: BigInt(group.id), title: group.title },
    });
    // The scheduler is ticked by hand below: a reminder arriving on its own would interleave with answers.
    harness = await startBotHarness(db.database, { clock, scheduler: false });
    harness.emulator.registerChat(group);
    // Telegram lets a bot write only to people who started it: everyone opens the chat first.
    for (const user of [an, binh, leader, cuong, ha, minh]) await ask(user, "/start");
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("when the two spellings of the issue are raised with /khokhan, then both are stored as sensitive and the author is told they stay confidential", async () => {
    const confidential =
      "Nội dung liên quan đến đơn thư, khiếu nại, tố cáo được bảo mật: báo cáo chung chỉ ghi số lượng, không trích nội dung.";
    expect(
      textOf((await ask(an, `/khokhan ${complaint}`))[0]!)
        .split("\n")
        .at(-1),
    ).toBe(confidential);
    expect(
      textOf((await ask(binh, `/khokhan ${denunciation}`))[0]!)
        .split("\n")
        .at(-1),
    ).toBe(confidential);
    expect(
      textOf((await ask(an, `/khokhan ${ordinary}`))[0]!)
        .split("\n")
        .at(-1),
    ).not.toBe(confidential);
    const rows = await prisma().difficulty.findMany({
      orderBy: { id: "asc" },
      select: { text: true, sensitive: true },
    });
    expect(rows).toEqual([
      { text: complaint, sensitive: true },
      { text: denunciation, sensitive: true },
      { text: ordinary, sensitive: false },
    ]);
    // The leader's notices (already written to the outbox) name the units, never the texts.
    await deliverPending();
    const notices = harness
      .sent(leader.id)
      .map(textOf)
      .filter((text) => text.startsWith("Khó khăn mới"));
    expect(notices).toHaveLength(3);
    expect(notices.filter((text) => text.includes("🔒"))).toHaveLength(2);
    expect(notices.some((text) => text.includes(ordinary))).toBe(true);
    expect(notices.filter(quotes)).toEqual([]);
  });

  it("when the digest reaches the linked group, then it counts the difficulties and quotes neither text", async () => {
    clock.set("2020-02-26T10:00:00Z"); // 17:00 in Hà Nội
    await harness.app.scheduler.tick();
    await deliverPending();
    const digest = harness
      .sent(group.id)
      .map(textOf)
      .find((text) => text.startsWith("📊 TIẾN ĐỘ ĐẠI HỘI"));
    expect(digest).toBeDefined();
    expect(digest).toMatch(/khó khăn/i);
    expect(quotes(digest!)).toBe(false);
  });

  it("when the working-group leader's morning list comes, then the two are listed without their text and the ordinary one is quoted", async () => {
    clock.set("2020-02-27T01:00:00Z"); // 08:00 on Thursday in Hà Nội
    const before = harness.sent(leader.id).length;
    await harness.app.scheduler.tick();
    await deliverPending();
    const list = harness
      .sent(leader.id)
      .slice(before)
      .map(textOf)
      .find((text) => text.startsWith("Tổ công tác số 1 — việc cần đôn đốc hôm nay"));
    expect(list).toBeDefined();
    const difficulties = list!
      .split("\n")
      .slice(list!.split("\n").findIndex((line) => line.startsWith("Khó khăn đang mở")));
    expect(difficulties[0]).toBe("Khó khăn đang mở (3):");
    expect(
      difficulties.filter((line) =>
        line.includes("🔒 đơn thư, khiếu nại, tố cáo: nội dung chỉ Ban Thường vụ và Văn phòng xem được"),
      ),
    ).toHaveLength(2);
    expect(difficulties.some((line) => line.includes(`"${ordinary}"`))).toBe(true);
    expect(quotes(list!)).toBe(false);
  });

  it("when people other than the author ask /trangthai, then none of them gets either text (the leader gets the same list)", async () => {
    // Bình raised the denunciation, so it may be quoted to her; An's complaint may not. The others get neither.
    for (const [user, quoted] of [
      [leader, false],
      [binh, true],
      [cuong, false],
      [ha, false],
      [minh, false],
    ] as const) {
      const answer = (await ask(user, "/trangthai")).map(textOf).join("\n");
      expect(answer.length, `answer to ${user.id}`).toBeGreaterThan(0);
      expect(answer.includes(complaint), `/trangthai of ${user.id}: ${answer}`).toBe(false);
      if (!quoted) expect(quotes(answer), `/trangthai of ${user.id}: ${answer}`).toBe(false);
    }
  });

  it("when anyone exports, then the open-difficulties sheet lists the two with the text replaced", async () => {
    for (const user of [leader, cuong, ha, minh]) {
      const answer = await ask(user, "/xuat");
      const document = answer.find((message) => message.document);
      expect(document, `a workbook for ${user.id}: ${answer.map(textOf).join(" | ")}`).toBeDefined();
      const workbook = await readWorkbook(await downloadDocument(harness, document!));
      const cells: string[] = [];
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value)))),
      );
      expect(cells.filter(quotes)).toEqual([]);
      expect(cells).toContain(ordinary);
      expect(cells.filter((value) => value === "🔒 Đơn thư, khiếu nại, tố cáo: không hiển thị nội dung")).toHaveLength(
        2,
      );
    }
  });

  it("when everything has been sent, then the texts are found only in the chats the rule allows", async () => {
    // The leader's /khokhan list shows that they exist, not what they say; the standing committee's and the
    // admin's lists quote them (they read complaints), as the author's list quotes the author's own.
    const leaderList = (await ask(leader, "/khokhan")).map(textOf);
    expect(
      leaderList.filter((text) =>
        text.includes(
          "🔒 Nội dung liên quan đến đơn thư, khiếu nại, tố cáo: chỉ người báo, Ban Thường vụ và Văn phòng xem được.",
        ),
      ),
    ).toHaveLength(2);
    await ask(an, "/khokhan");
    for (const reader of [ha, minh]) {
      const list = (await ask(reader, "/khokhan")).map(textOf).join("\n");
      expect(list.includes(complaint) && list.includes(denunciation), list).toBe(true);
    }
    const chatsQuoting = new Set(
      harness.emulator
        .allBotMessages()
        .filter((message) => quotes(textOf(message)))
        .map((message) => message.chat.id),
    );
    expect([...chatsQuoting].sort()).toEqual([an.id, binh.id, ha.id, minh.id].sort());
    expect(harness.emulator.allBotMessages().some((message) => message.chat.id === group.id)).toBe(true);
  });
});
