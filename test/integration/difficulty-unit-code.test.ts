// /khokhan with a unit code first (issue 12): the code of one of the person's units names the unit (no
// choice of unit to make); another unit's code is refused with a clear answer and nothing is written,
// instead of filing "GT-02 …" against the person's own unit; a first word that is no unit's code is text.
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { bindTelegramUser, importFixture } from "../support/roster.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

const example =
  "Để báo khó khăn, đồng chí gõ /khokhan và ghi nội dung ngay sau lệnh, ví dụ:\n/khokhan Chưa thống nhất phương án nhân sự";

describe("/khokhan with a unit code", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  // An: secretary of GT-01; Dung: deputy of GT-01 and secretary of KB (two units, so normally a choice).
  let an: User, dung: User;
  const openTexts = async () =>
    (
      await db.database.prisma.difficulty.findMany({
        orderBy: { id: "asc" },
        select: { text: true, unit: { select: { code: true } } },
      })
    ).map((row) => `${row.unit.code}: ${row.text}`);

  beforeAll(async () => {
    db = await createTestDatabase();
    await importFixture(db.database, "small-org.yaml");
    const kb = await db.database.prisma.unit.findFirstOrThrow({ where: { code: "KB" } });
    const gt01 = await db.database.prisma.unit.findFirstOrThrow({ where: { code: "GT-01" } });
    await db.database.prisma.person.create({
      data: {
        organizationId: kb.organizationId,
        name: "Phạm Thị Dung",
        phone: "+84987654321",
        roles: {
          create: [
            { role: "deputy", unitId: gt01.id },
            { role: "secretary", unitId: kb.id },
          ],
        },
      },
    });
    harness = await startBotHarness(db.database, { clock: fixedClock("2020-02-26T03:00:00Z") });
    an = await bindTelegramUser(db.database, "+84912345678");
    dung = await bindTelegramUser(db.database, "+84987654321");
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("when a secretary starts with another unit's code, then it is refused, naming that unit and how to write it, and nothing is written", async () => {
    const before = await databaseFingerprint(db.database);
    const reply = await harness.say(an, "/khokhan GT-02 Chưa có hội trường");
    expect(reply.text).toBe(
      [
        "GT-02 là mã của Chi bộ tổ dân phố số 2 (Đảng bộ phường Gia Thụy), không phải đơn vị đồng chí phụ trách, nên Trợ lý chưa ghi nhận khó khăn này.",
        "Khó khăn của đơn vị mình, đồng chí gõ nội dung ngay sau lệnh, ví dụ: /khokhan Chưa thống nhất phương án nhân sự",
        "Nếu nội dung có nhắc đến GT-02, đồng chí viết mã đó ở sau, ví dụ: /khokhan Chưa mượn được hội trường của GT-02",
      ].join("\n"),
    );
    // A grassroots code above the cell is not the secretary's either.
    expect((await harness.say(an, "/khokhan gt Chưa duyệt kinh phí")).text).toContain(
      "GT là mã của Đảng bộ phường Gia Thụy, không phải đơn vị đồng chí phụ trách",
    );
    await harness.app.inbox.drain();
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when the code is the person's own unit, in any case, then the difficulty is recorded for it without the code, and for one of two units without a choice", async () => {
    expect((await harness.say(an, "/khokhan gt-01 Chưa có hội trường")).text).toMatch(
      /^Đã ghi nhận khó khăn của Chi bộ tổ dân phố số 1 \(Đảng bộ phường Gia Thụy\):\n"Chưa có hội trường"\n/,
    );
    expect((await harness.say(dung, "/khokhan KB Thiếu kinh phí tổ chức đại hội")).text).toMatch(
      /^Đã ghi nhận khó khăn của Chi bộ Kho bạc Nhà nước Long Biên:\n"Thiếu kinh phí tổ chức đại hội"\n/,
    );
    expect((await harness.say(an, "/khokhan GT-01")).text).toBe(example);
    await harness.app.inbox.drain();
    expect(await openTexts()).toEqual(["GT-01: Chưa có hội trường", "KB: Thiếu kinh phí tổ chức đại hội"]);
  });

  it("when the first word is no unit's code, then it is part of the text", async () => {
    expect((await harness.say(an, "/khokhan UBND phường chưa duyệt kinh phí")).text).toContain(
      '"UBND phường chưa duyệt kinh phí"',
    );
    await harness.app.inbox.drain();
    expect((await openTexts()).at(-1)).toBe("GT-01: UBND phường chưa duyệt kinh phí");
  });
});
