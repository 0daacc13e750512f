// Puts people of an imported organisation on Telegram, as onboarding would, for tests of other features.
import { readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { User } from "grammy/types";
import { expect } from "vitest";
import type { Prisma } from "@prisma/client";
import type { Database } from "../../src/db/client.js";
import { saveReport } from "../../src/db/report-store.js";
import type { Milestone } from "../../src/domain/levels.js";
import { cli } from "./cli.js";
import { telegramUser } from "./bot-harness.js";

export async function importFixture(database: Database, fixture: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "daihoi-fixture-"));
  const file = path.join(dir, fixture);
  writeFileSync(file, readFileSync(new URL(`../fixtures/${fixture}`, import.meta.url), "utf8"));
  const result = await cli(database, ["org", "import", file]);
  expect(result.code, result.err.join("\n")).toBe(0);
}

/** Binds the person with this phone (+84…) to a new Telegram user and returns the user. */
export async function bindTelegramUser(
  database: Database,
  phone: string,
  overrides: Partial<User> = {},
): Promise<User> {
  const person = await database.prisma.person.findFirstOrThrow({ where: { phone } });
  const user = telegramUser({ first_name: person.name.split(" ").at(-1)!, ...overrides });
  await database.prisma.person.update({ where: { id: person.id }, data: { telegramUserId: BigInt(user.id) } });
  return user;
}

/** Records a report as if confirmed in the bot (tests of what reports lead to: digests, reminders, status). */
export async function recordReport(
  database: Database,
  report: {
    unit: string;
    milestone: Milestone;
    eventDate: string;
    recordedAt: Date;
    payload?: Record<string, unknown>;
  },
): Promise<void> {
  const unit = await database.prisma.unit.findFirstOrThrow({ where: { code: report.unit } });
  const campaign = await database.prisma.campaign.findFirstOrThrow({
    where: { organizationId: unit.organizationId, active: true, template: "congress" },
  });
  const outcome = await saveReport(database.prisma, {
    organizationId: unit.organizationId,
    campaignId: campaign.id,
    unitId: unit.id,
    milestone: report.milestone,
    eventDate: report.eventDate,
    payload: (report.payload ?? {}) as Prisma.InputJsonObject,
    authorId: null,
    onBehalf: false,
    late: false,
    source: "cli",
    requestKey: null,
    actor: "test",
    recordedAt: report.recordedAt,
  });
  expect(outcome.saved).toBe(true);
}
