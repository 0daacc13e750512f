// The daily digest carries the progress chart: after the text, the bound groups get a PNG photo of the
// demo district's bars, exactly once, also when the process restarts between the text and the photo
// (the PNG lives in the database, so a new process with another DATA_DIR still has it).
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progressChartFor } from "../../src/usecases/progress-chart.js";
import { fixedClock } from "../../src/clock.js";
import { createI18n, translatorFor } from "../../src/i18n.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { importDemoDistrict, recordDemoProgress } from "../support/demo-district.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

const clock = fixedClock("2020-02-26T03:00:00Z");
const groups = [
  { id: -1001234567, type: "supergroup" as const, title: "Ban Thường vụ Quận ủy" },
  { id: -1001234568, type: "supergroup" as const, title: "Văn phòng cấp ủy" },
];
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("digest chart", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let expectedPng: Buffer;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importDemoDistrict(db.database);
    await recordDemoProgress(db.database, new Date("2020-02-25T10:00:00Z"));
    const lb = await db.database.prisma.unit.findFirstOrThrow({ where: { code: "LB" } });
    for (const group of groups) {
      await db.database.prisma.chatBinding.create({
        data: { organizationId: lb.organizationId, unitId: lb.id, chatId: BigInt(group.id), title: group.title },
      });
    }
    const t = translatorFor(createI18n({ defaultLocale: "vi" }), "vi");
    expectedPng = (await progressChartFor(db.database.prisma, lb.id, "2020-02-26", t, "vi"))!.png;
    harness = await startBotHarness(db.database, {
      clock,
      scheduler: true,
      env: { DATA_DIR: mkdtempSync(path.join(tmpdir(), "daihoi-a-")) },
    });
    for (const group of groups) harness.emulator.registerChat(group);
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  const pending = () => db.database.prisma.outboxMessage.count({ where: { status: "pending" } });
  /** Telegram takes one message a second per chat: moves the fixed clock on until everything is sent. */
  async function deliverPending() {
    for (let round = 0; round < 20 && (await pending()) > 0; round++) {
      clock.advance(1100);
      await harness.app.sender.drainOnce();
    }
  }
  const photos = (chatId: number) => harness.sent(chatId).filter((message) => message.photo);

  it("when 17:00 comes and the process restarts before the photo is sent, then each group gets the text and then the chart once", async () => {
    clock.set("2020-02-26T10:00:00Z"); // 17:00 in Hà Nội
    await harness.app.scheduler.tick();
    await harness.app.scheduler.tick();
    // The text goes out at once; the photo waits for the chat's next second, and the process stops first.
    await harness.emulator.waitFor(() => groups.every((group) => harness.sent(group.id).length >= 1));
    expect(groups.map((group) => photos(group.id).length)).toEqual([0, 0]);
    await harness.app.stop();
    harness = await startBotHarness(db.database, {
      clock,
      scheduler: true,
      emulator: harness.emulator,
      env: { DATA_DIR: mkdtempSync(path.join(tmpdir(), "daihoi-b-")) },
    });
    await harness.app.scheduler.tick();
    await deliverPending();

    for (const group of groups) {
      const sent = harness.sent(group.id);
      expect(sent.map((message) => (message.photo ? "photo" : message.text!.split("\n")[0]))).toEqual([
        "📊 TIẾN ĐỘ ĐẠI HỘI — Đảng bộ quận Long Biên",
        "photo",
      ]);
      const photo = sent[1]!;
      expect(photo.caption).toBe("📊 Biểu đồ tiến độ đại hội — Đảng bộ quận Long Biên, ngày 26/02/2020");
      const size = photo.photo!.at(-1)!;
      const file = harness.emulator.file(size.file_id)!;
      expect(file.mimeType).toBe("image/png");
      expect(file.filename).toBe("tien-do.png");
      // The very chart /tiendo would draw for the district today, 1280 px wide.
      expect(sha256(file.data)).toBe(sha256(expectedPng));
      expect({ width: size.width, height: size.height }).toEqual({
        width: 1280,
        height: Buffer.from(file.data).readUInt32BE(20),
      });
    }
    const rows = await db.database.prisma.outboxMessage.findMany({ where: { kind: "digest" }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.dedupeKey, row.status])).toEqual(
      groups.flatMap((group) => [
        [`digest:${group.id}:2020-02-26:1`, "sent"],
        [`digest:${group.id}:2020-02-26:chart`, "sent"],
      ]),
    );
    // Both groups were sent the same chart: its bytes are stored once.
    expect(await db.database.prisma.outboxAttachment.count()).toBe(1);
  });

  it("when the scheduler ticks again the same evening, then no group gets a second chart", async () => {
    clock.set("2020-02-26T12:00:00Z");
    await harness.app.scheduler.tick();
    await deliverPending();
    expect(groups.map((group) => photos(group.id).length)).toEqual([1, 1]);
    expect(await db.database.prisma.outboxMessage.count({ where: { kind: "digest" } })).toBe(4);
  });

  it("when a digest is planned more than a week later, then the old chart's bytes are deleted and the new one's kept", async () => {
    const before = await db.database.prisma.outboxAttachment.findMany({ select: { sha256: true } });
    clock.set("2020-03-05T10:00:00Z"); // 17:00, eight days on
    await harness.app.scheduler.tick();
    const after = await db.database.prisma.outboxAttachment.findMany({ select: { sha256: true } });
    expect(after).toHaveLength(1);
    expect(after[0]!.sha256).not.toBe(before[0]!.sha256);
    // The pending photos name the one kept; they are delivered from it.
    await deliverPending();
    expect(groups.map((group) => photos(group.id).length)).toEqual([2, 2]);
    const latest = photos(groups[0]!.id).at(-1)!;
    expect(sha256(harness.emulator.file(latest.photo!.at(-1)!.file_id)!.data)).toBe(after[0]!.sha256);
  });
});
