// The structure of an org file, checked with zod. Files are read with YAML's failsafe schema, so every
// scalar arrives as a string (a phone like 0912345678 keeps its leading zero) and is checked here.
import { z } from "zod";
import { milestones, roles, unitLevels } from "./levels.js";
import { parseLocalDate } from "./local-date.js";
import { normalizeVietnamesePhone } from "./phone.js";
import { parseHoliday, parseReminderTime } from "./reminder-settings.js";
import { weekdayNames } from "./reminder-policy.js";
import { unitCodePattern } from "./unit-code.js";

const text = (max: number) => z.string().trim().min(1).max(max);

export const codeSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!unitCodePattern.test(value)) ctx.addIssue({ code: "custom", params: { problem: "code-format", value } });
  });

export const dateSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!parseLocalDate(value)) ctx.addIssue({ code: "custom", params: { problem: "date", value } });
  });

export const phoneSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!normalizeVietnamesePhone(value)) ctx.addIssue({ code: "custom", params: { problem: "phone", value } });
  });

/** YAML's failsafe schema turns an empty value into "": treat it as absent. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

const levelSchema = z.enum(unitLevels);

/** A whole number in [min, max], written as digits (the failsafe schema gives a string). */
export const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const number = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
      if (!(number >= min && number <= max))
        ctx.addIssue({ code: "custom", params: { problem: "whole-number", value, min, max } });
    });

const reminderTimeSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!parseReminderTime(value)) ctx.addIssue({ code: "custom", params: { problem: "reminder-time", value } });
  });

const holidaySchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const parsed = parseHoliday(value);
    if (!parsed.ok) ctx.addIssue({ code: "custom", params: { problem: `holiday-${parsed.problem}`, value } });
  });

/** Each value at most once in a list (the path names the repeat). */
const noRepeats = <T extends z.ZodType<string>>(item: T, normalise: (value: string) => string = (value) => value) =>
  z.array(item).superRefine((values, ctx) => {
    const seen = new Set<string>();
    values.forEach((value, index) => {
      const key = normalise(value);
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: [index], params: { problem: "repeated-value", value } });
      seen.add(key);
    });
  });

/** `campaign.reminders`: every key optional, the defaults of src/domain/reminder-policy.ts for the others. */
const remindersSchema = z
  .object({
    daysBefore: optional(noRepeats(wholeNumber(0, 90), (value) => String(Number(value))).max(10)),
    overdueEvery: optional(wholeNumber(0, 30)),
    time: optional(reminderTimeSchema),
    daysOff: optional(noRepeats(z.enum(weekdayNames)).max(6)),
    // A failsafe scalar: the words true/false (a wrong word is named with the two it may be).
    publicHolidays: optional(z.enum(["true", "false"])),
    holidays: optional(noRepeats(holidaySchema).max(100)),
  })
  .strict();

const deadlineValue = z.union([dateSchema, z.partialRecord(z.enum(milestones), dateSchema)]);

/** A campaign's key: how the one-line form and the CLI name it (kiemdiem2026). */
export const campaignKeyPattern = /^[a-z][a-z0-9-]{1,31}$/;

/**
 * A deadline in a `campaigns:` entry: a date (once-only templates) or a day of the month (monthly ones),
 * checked against the template when the campaign is resolved (template-campaign.ts).
 */
const dateOrDay = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!parseLocalDate(value) && !/^\d{1,2}$/.test(value))
      ctx.addIssue({ code: "custom", params: { problem: "date-or-day", value } });
  });

/** `campaigns:` entries (Contract additions): `{ key, name, template, deadlines, reminders? }`. */
const campaignEntrySchema = z
  .object({
    key: z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        if (!campaignKeyPattern.test(value))
          ctx.addIssue({ code: "custom", params: { problem: "campaign-key-format", value } });
      }),
    name: text(200),
    template: text(40),
    opens: optional(dateSchema),
    deadlines: optional(z.partialRecord(levelSchema, z.union([dateOrDay, z.record(z.string(), dateOrDay)]))),
    terms: optional(z.partialRecord(levelSchema, text(40))),
    reminders: optional(remindersSchema),
  })
  .strict();

export const orgFileSchema = z
  .object({
    organization: z
      .object({
        code: codeSchema,
        name: text(200),
        superior: optional(text(200)),
        committee: optional(text(200)),
        place: optional(text(100)),
      })
      .strict(),
    campaign: optional(
      z
        .object({
          name: text(200),
          deadlines: optional(z.partialRecord(levelSchema, deadlineValue)),
          terms: optional(z.partialRecord(levelSchema, text(40))),
          reminders: optional(remindersSchema),
        })
        .strict(),
    ),
    campaigns: optional(z.array(campaignEntrySchema).max(20)),
    units: z
      .array(
        z
          .object({
            code: codeSchema,
            name: text(200),
            level: levelSchema,
            parent: optional(codeSchema),
            pilot: optional(dateSchema),
            term: optional(text(40)),
          })
          .strict(),
      )
      .min(1)
      .max(500_000),
    people: optional(
      z.array(
        z
          .object({
            name: text(120),
            phone: phoneSchema,
            locale: optional(z.enum(["vi", "en"])),
            roles: optional(z.array(z.object({ role: z.enum(roles), unit: codeSchema }).strict())),
          })
          .strict(),
      ),
    ),
    workingGroups: optional(
      z.array(
        z
          .object({
            name: text(120),
            leader: phoneSchema,
            members: optional(z.array(phoneSchema)),
            units: optional(z.array(codeSchema)),
          })
          .strict(),
      ),
    ),
  })
  .strict();

export type OrgFile = z.infer<typeof orgFileSchema>;

export const csvColumns = ["code", "name", "level", "parent", "pilot", "secretary_name", "secretary_phone"] as const;

export const csvRowSchema = z
  .object({
    code: codeSchema,
    name: text(200),
    level: levelSchema,
    parent: optional(codeSchema),
    pilot: optional(dateSchema),
    secretary_name: optional(text(120)),
    secretary_phone: optional(phoneSchema),
  })
  .strict();

export type OrgCsvRow = z.infer<typeof csvRowSchema>;
