// The web's pages of one unit: for a unit with units under it, the table of those units (filtered,
// searched without diacritics, sorted); for a unit with none, its checklist, open difficulties and every
// report it made (corrections included). Read through the roll-up and the records the bot reads.
import { localDateOf } from "../clock.js";
import { unitOfficers, type UnitOfficer } from "../db/contact-store.js";
import { reportHistory, type ReportEvent } from "../db/report-store.js";
import { loadUnitCards, type UnitCardData } from "../db/status-store.js";
import { congressPlan } from "../domain/campaign-plan.js";
import { unitChecklist, type ChecklistItem } from "../domain/checklist.js";
import {
  matchesFilter,
  progressFilters,
  summariseEntries,
  type EntrySummary,
  type SubtreeRollup,
} from "../domain/progress-rollup.js";
import { mayAct, type ScopePerson, type UnitRef } from "../domain/scope.js";
import { stripDiacritics } from "../domain/user-date.js";
import type { UseCaseDeps } from "./deps.js";

export const tableSorts = ["progress", "name"] as const;
/** /tiendo's filters, and the units with reminders paused (a congress officially postponed). */
export const tableFilters = [...progressFilters, "paused"] as const;
export type TableFilter = (typeof tableFilters)[number];
export type TableSort = (typeof tableSorts)[number];

export interface SubtreeTable {
  /** How many units are below, before the filter and the search. */
  total: number;
  rows: EntrySummary[];
}

/**
 * The units directly below the roll-up's top (the overview's, src/usecases/overview.ts), each with its
 * subtree's counts, as the filter, search and sort ask.
 */
export function subtreeTable(
  rollup: Pick<SubtreeRollup, "entries" | "rows">,
  input: { filter: TableFilter; query: string; sort: TableSort },
): SubtreeTable {
  const all = summariseEntries(rollup.entries, rollup.rows);
  const words = searchWords(input.query);
  const rows = all.filter(
    (entry) =>
      (input.filter === "paused" ? entry.subtree.paused > 0 : matchesFilter(entry, input.filter)) &&
      words.every((word) => searchable(entry).includes(word)),
  );
  const share = (entry: EntrySummary) => (entry.subtree.total === 0 ? 1 : entry.subtree.held / entry.subtree.total);
  // "Tổ dân phố số 3" before "số 10", as an office numbers them.
  const byName = (a: EntrySummary, b: EntrySummary) => a.unit.name.localeCompare(b.unit.name, "vi", { numeric: true });
  rows.sort(input.sort === "name" ? byName : (a, b) => share(a) - share(b) || byName(a, b));
  return { total: all.length, rows };
}

/** "gia thuy", "Gia Thụy", "GT-01": lower case, without diacritics, split on spaces. */
function searchWords(query: string): string[] {
  return stripDiacritics(query.normalize("NFC")).toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
}

function searchable(entry: EntrySummary): string {
  return stripDiacritics(`${entry.unit.name} ${entry.unit.code}`).toLowerCase();
}

export interface UnitDetail {
  card: UnitCardData;
  /** Null when the organisation has no active campaign. */
  checklist: ChecklistItem[] | null;
  history: ReportEvent[];
}

export async function unitDetail(deps: UseCaseDeps, input: { unitId: number }): Promise<UnitDetail | null> {
  const timeZone = deps.config.timezone;
  const [card] = await loadUnitCards(deps.prisma, [input.unitId], timeZone);
  if (!card) return null;
  const today = localDateOf(deps.clock.now(), timeZone);
  return {
    card,
    checklist: card.campaign ? unitChecklist(congressPlan, card.unit.facts, today) : null,
    history: card.campaign ? await reportHistory(deps.prisma, card.campaign.id, input.unitId) : [],
  };
}

/**
 * The officers to call about each unit, for whoever may see their numbers (the one scope rule's
 * `contacts`: the office, the working groups' leaders); units the person may not are left out.
 */
export async function unitContacts(
  deps: UseCaseDeps,
  input: { person: ScopePerson; units: readonly UnitRef[] },
): Promise<Map<number, UnitOfficer[]>> {
  const allowed = input.units.filter((unit) => mayAct(input.person, "contacts", unit));
  const contacts = new Map<number, UnitOfficer[]>();
  for (const officer of await unitOfficers(
    deps.prisma,
    allowed.map((unit) => unit.id),
  )) {
    contacts.set(officer.unitId, [...(contacts.get(officer.unitId) ?? []), officer]);
  }
  return contacts;
}
