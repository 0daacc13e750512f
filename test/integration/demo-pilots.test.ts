// The living demo on 12/03/2020: the pilot congresses of the State Treasury (04/03) and Gia Thụy ward
// (11/03) were set, their days have passed, and neither reported it held. The digest, the working-group
// list and /tiendo each flag them; the pilot held on 20/02 (TAND) is flagged nowhere.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { createI18n, translatorFor } from "../../src/i18n.js";
import { digestMessages } from "../../src/usecases/daily-digest.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { cli } from "../support/cli.js";
import { demoDistrictFile } from "../support/demo-district.js";
import { demoProgressFile } from "../support/demo-progress.js";
import { bindTelegramUser } from "../support/roster.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { testConfig } from "../support/test-config.js";

/** 09:00 on 12/03/2020 in Hà Nội. */
const clock = fixedClock("2020-03-12T02:00:00Z");

describe("pilot congresses whose day passed without a report", () => {
  let db: TestDatabase;
  let harness: BotHarness;

  beforeAll(async () => {
    db = await createTestDatabase();
    for (const args of [
      ["org", "import", demoDistrictFile],
      ["progress", "import", demoProgressFile],
    ]) {
      const result = await cli(db.database, args, {}, clock);
      expect(result.code, result.err.join("\n")).toBe(0);
    }
    harness = await startBotHarness(db.database, { clock });
  });
  afterAll(async () => {
    await harness?.stop();
    await db?.drop();
  });

  it("when the digest is written, then it names both pilots with their planned days", async () => {
    const top = await db.database.prisma.unit.findFirstOrThrow({ where: { code: "LB" } });
    const deps = {
      prisma: db.database.prisma,
      config: testConfig(),
      translate: translatorFor(createI18n({ defaultLocale: "vi" }), "vi"),
    };
    const text = (await digestMessages(deps, top.id, { date: "2020-03-12", at: clock.now() })).join("\n");
    const line = text.split("\n").find((candidate) => candidate.includes("Chi bộ Kho bạc Nhà nước Long Biên"));
    expect(line, text).toBeDefined();
    expect(line).toContain("04/03");
    expect(line).toContain("Đảng bộ phường Gia Thụy (11/03)");
    expect(line).not.toContain("Tòa án");
  });

  it("when the working-group leader of Gia Thụy asks /trangthai, then the list says its pilot day passed unreported", async () => {
    const leader = await bindTelegramUser(db.database, "+84865390337");
    const list = await harness.say(leader, "/trangthai");
    expect(list.text).toContain("đại hội điểm dự kiến 11/03, chưa báo cáo");
  });

  it("when the standing committee opens /tiendo, then Gia Thụy's line is flagged and TAND's is not", async () => {
    const member = await bindTelegramUser(db.database, "+84982086365");
    const screen = await harness.say(member, "/tiendo");
    const lines = screen.text!.split("\n");
    const giaThuy = lines.find((line) => line.includes("Đảng bộ phường Gia Thụy"));
    expect(giaThuy, screen.text).toContain("đại hội điểm dự kiến 11/03, đã qua ngày chưa báo cáo");
    const others = lines.filter((line) => line.includes("đại hội điểm"));
    expect(others).toEqual([giaThuy]);
  });
});
