// The demo district (examples/long-bien.yaml) running, besides its congress campaign, the three built-in
// campaigns of December 2026: the annual review and rating, a resolution's study and the monthly cell
// meeting. Tests of campaigns import it through the command line, as an office would.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { User } from "grammy/types";
import { expect } from "vitest";
import { atLocalTime, type fixedClock } from "../../src/clock.js";
import type { Database } from "../../src/db/client.js";
import type { LocalDate } from "../../src/domain/local-date.js";
import type { BotHarness } from "./bot-harness.js";
import { bindTelegramUser } from "./roster.js";
import { cli } from "./cli.js";
import { demoDistrictFile } from "./demo-district.js";

/** The review and the study: two campaigns with dated deadlines in December 2026. */
export const reviewAndStudy = `
campaigns:
  - key: kiemdiem2026
    name: "Kiểm điểm, đánh giá, xếp loại năm 2026"
    template: review
    opens: 2026-12-01
    deadlines:
      cell: { meeting: 2026-12-20, rating: 2026-12-25 }
  - key: hoctap-nq14
    name: "Học tập Nghị quyết Hội nghị Trung ương 14"
    template: study
    deadlines:
      cell: 2026-12-15
`;

/** The review, the study and the monthly meeting. */
export const demoCampaigns = `${reviewAndStudy}  - key: sinhhoat
    name: "Sinh hoạt chi bộ định kỳ"
    template: meeting
    opens: 2026-11-01
    deadlines:
      cell: 25
`;

/**
 * The demo district's file with the campaigns above (or `campaigns`), written to a temporary file;
 * `withoutCongress`: its 2020 congress campaign left out, as a district between congresses writes it.
 */
export function demoFileWithCampaigns(campaigns = demoCampaigns, options: { withoutCongress?: boolean } = {}): string {
  let text = readFileSync(demoDistrictFile, "utf8").replace("\nunits:\n", `${campaigns}\nunits:\n`);
  if (options.withoutCongress) text = text.replace(/^campaign:\n(?: {2}.*\n)*/m, "");
  const file = path.join(mkdtempSync(path.join(tmpdir(), "daihoi-campaigns-")), "long-bien.yaml");
  writeFileSync(file, text);
  return file;
}

export async function importDemoWithCampaigns(
  database: Database,
  campaigns = demoCampaigns,
  options: { withoutCongress?: boolean } = {},
): Promise<void> {
  const result = await cli(database, ["org", "import", demoFileWithCampaigns(campaigns, options)]);
  expect(result.code, result.err.join("\n")).toBe(0);
}

/** The secretary of the unit with this code, linked to a new Telegram user whose private chat is open. */
export async function secretaryOnTelegram(database: Database, harness: BotHarness, code: string): Promise<User> {
  const role = await database.prisma.roleAssignment.findFirstOrThrow({
    where: { role: "secretary", unit: { code } },
    select: { person: { select: { phone: true } } },
  });
  const user = await bindTelegramUser(database, role.person.phone!);
  harness.emulator.registerChat({ id: user.id, type: "private", first_name: user.first_name });
  return user;
}

/** An office's wall-clock time in Hà Nội ("2026-12-15 08:30") as an instant. */
export function officeTime(local: string): Date {
  const [day, time] = local.split(" ");
  return atLocalTime(day as LocalDate, time!, "Asia/Ho_Chi_Minh");
}

/** One scheduler tick at `at`, then the outbox drained (a second apart per round, as Telegram allows). */
export async function tickAndDrain(harness: BotHarness, clock: ReturnType<typeof fixedClock>, at: Date): Promise<void> {
  clock.set(at);
  await harness.app.scheduler.tick();
  for (let round = 0; round < 5; round++) {
    const { claimed } = await harness.app.sender.drainOnce();
    clock.advance(1100);
    if (claimed === 0) break;
  }
}
