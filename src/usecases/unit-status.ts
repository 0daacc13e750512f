// /trangthai (and the web's own units next): the checklist card of each unit the person is an officer of,
// with its pause, and for a working-group leader each group's list of units to chase, built by the same
// model as the morning list (one model: the two cannot disagree).
import { localDateOf } from "../clock.js";
import type { PersonProfile } from "../db/people-store.js";
import { openPausesOf, type ReminderPauseRecord } from "../db/reminder-pause-store.js";
import { loadReminderData } from "../db/reminder-store.js";
import { loadUnitCards, type UnitCardData } from "../db/status-store.js";
import type { LocalDate } from "../domain/local-date.js";
import type { WorkingGroupList } from "../domain/working-group-list.js";
import type { UseCaseDeps } from "./deps.js";
import { openCampaignStates, workingGroupList } from "./working-group-lists.js";

export type PersonStatus =
  /** Neither an officer of a unit nor a working group's leader. */
  | { status: "nothing" }
  | {
      status: "shown";
      today: LocalDate;
      cards: { card: UnitCardData; pause: ReminderPauseRecord | null }[];
      /** One per group the person leads; null when the group follows no unit. */
      groups: (WorkingGroupList | null)[];
    };

export async function personStatus(deps: UseCaseDeps, person: PersonProfile): Promise<PersonStatus> {
  const ownUnitIds = [
    ...new Set(
      person.roles
        .filter(({ role }) => role === "secretary" || role === "deputy" || role === "reporter")
        .map(({ unit }) => unit.id),
    ),
  ];
  if (ownUnitIds.length === 0 && person.ledGroups.length === 0) return { status: "nothing" };
  const timeZone = deps.config.timezone;
  const today = localDateOf(deps.clock.now(), timeZone);
  const pauses = await openPausesOf(deps.prisma, ownUnitIds);
  const cards = (await loadUnitCards(deps.prisma, ownUnitIds, timeZone)).map((card) => ({
    card,
    pause: pauses.get(card.unit.id) ?? null,
  }));
  const groups: (WorkingGroupList | null)[] = [];
  if (person.ledGroups.length > 0) {
    // The units the person's groups follow, read as the morning list reads them.
    const [organisation] = await loadReminderData(deps.prisma, {
      timeZone,
      organizationIds: [person.organizationId],
      paths: person.ledGroupUnits.map((unit) => unit.path),
    });
    // The other open campaigns, read for the followed units only.
    const campaigns = organisation
      ? await openCampaignStates(
          deps,
          [person.organizationId],
          today,
          organisation.units.map((unit) => unit.id),
        )
      : [];
    for (const led of person.ledGroups) {
      const group = organisation?.groups.find((candidate) => candidate.id === led.id);
      groups.push(organisation && group ? workingGroupList(organisation, group, campaigns, today) : null);
    }
  }
  return { status: "shown", today, cards, groups };
}
