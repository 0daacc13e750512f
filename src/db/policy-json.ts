// A campaign's reminder policy as `campaigns.reminderPolicy` stores it (null: the defaults).
import { Prisma } from "@prisma/client";
import type { ReminderPolicy } from "../domain/reminder-policy.js";

export function policyJson(policy: ReminderPolicy | null | undefined): Prisma.InputJsonObject | typeof Prisma.DbNull {
  return policy ? { ...policy, holidays: policy.holidays.map((range) => ({ ...range })) } : Prisma.DbNull;
}
