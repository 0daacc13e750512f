// Where a tap on a reminder's Web Push notification opens: as close to the report it asks for as it names.
import { describe, expect, it } from "vitest";
import { builtInTemplates } from "../../src/campaign-templates.js";
import type { RemindedCampaign, ReminderItem } from "../../src/domain/reminders.js";
import { reminderPushUrl, type RemindedUnit } from "../../src/render/reminder-text.js";

const cell = (code: string): RemindedUnit => ({
  id: code.length,
  code,
  name: `Chi bộ ${code}`,
  level: "cell",
  parentName: "Đảng bộ phường Gia Thụy",
});
const review: RemindedCampaign = {
  id: 7,
  key: "kiemdiem2026",
  name: "Kiểm điểm, xếp loại năm 2026",
  template: builtInTemplates().get("review")!,
};
const study: RemindedCampaign = {
  id: 8,
  key: "nq66",
  name: "Học tập Nghị quyết 66",
  template: builtInTemplates().get("study")!,
};

function item(unit: RemindedUnit, milestone: string, campaign: RemindedCampaign | null): ReminderItem<RemindedUnit> {
  return {
    unit,
    item: { milestone, state: "dueSoon", dueDate: "2026-12-15", daysLeft: 3 },
    trigger: "2026-12-12",
    campaign,
  };
}

describe("a reminder notification's link", () => {
  const gt19 = cell("P-GIATHUY-19");
  const gt20 = cell("P-GIATHUY-20");

  it("when it asks one milestone of one unit, then it opens that milestone's form", () => {
    expect(reminderPushUrl([item(gt19, "plan", null)])).toBe("/don-vi/P-GIATHUY-19/bao-cao?moc=plan");
    expect(reminderPushUrl([item(gt19, "meeting", review)])).toBe("/don-vi/P-GIATHUY-19/dot/kiemdiem2026?moc=meeting");
  });

  it("when it asks several milestones of one campaign of one unit, then it opens that campaign's choice for the unit", () => {
    expect(reminderPushUrl([item(gt19, "plan", null), item(gt19, "documents", null)])).toBe(
      "/don-vi/P-GIATHUY-19/bao-cao",
    );
    expect(reminderPushUrl([item(gt19, "meeting", review), item(gt19, "rating", review)])).toBe(
      "/don-vi/P-GIATHUY-19/dot/kiemdiem2026",
    );
  });

  it("when it names several campaigns of one unit, then it opens the unit's page; several units, the home page", () => {
    expect(reminderPushUrl([item(gt19, "plan", null), item(gt19, "meeting", review)])).toBe("/don-vi/P-GIATHUY-19");
    expect(reminderPushUrl([item(gt19, "meeting", review), item(gt19, "studied", study)])).toBe("/don-vi/P-GIATHUY-19");
    expect(reminderPushUrl([item(gt19, "plan", null), item(gt20, "plan", null)])).toBe("/");
  });
});
