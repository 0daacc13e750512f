// /tiendo's screens (and the web's drill-down next): what a viewer may see of a subtree, read through the
// one roll-up the digest and the export use. A viewer is a bound group (its unit's subtree) or a person
// (what their roles give, by the one scope rule). Returns the screen's figures; the entry point renders.
import { findGroupBinding } from "../db/group-binding-store.js";
import type { PersonProfile } from "../db/people-store.js";
import { congressDates, findProgressUnit, type ProgressUnitRow } from "../db/progress-units.js";
import { loadElectionStats, loadSubtreeRollup, loadUnitsRollup } from "../db/progress-rollup.js";
import { loadUnitCards } from "../db/status-store.js";
import { findActiveCampaignId } from "../db/unit-records.js";
import { congressPlan } from "../domain/campaign-plan.js";
import { unitChecklist } from "../domain/checklist.js";
import { levelTotals, summariseEntries } from "../domain/progress-rollup.js";
import { pageOf, type ProgressPage, type ProgressScreen } from "../domain/progress-view.js";
import { scopeRoots, withinRoots } from "../domain/scope.js";
import { localDateOf } from "../clock.js";
import type { LeafScreen, SubtreeScreen } from "../render/progress-text.js";
import type { UseCaseDeps } from "./deps.js";

/** The subtrees the viewer may see: a bound group's unit, or what the person's roles give. */
export interface Viewer {
  scopes: { id: number; path: string; code: string; name: string }[];
  organizationId: number;
  group: { unit: { name: string; code: string } } | null;
}

/** A bound group sees its unit's subtree; an unbound chat sees nothing (null). */
export async function groupViewer(deps: UseCaseDeps, chatId: number): Promise<Viewer | null> {
  const binding = await findGroupBinding(deps.prisma, chatId);
  if (!binding) return null;
  return { scopes: [binding.unit], organizationId: binding.organizationId, group: { unit: binding.unit } };
}

/** A person sees what their roles give ("view"); null when that is nothing. */
export function personViewer(person: PersonProfile): Viewer | null {
  const scopes = scopeRoots(person, "view");
  return scopes.length === 0 ? null : { scopes, organizationId: person.organizationId, group: null };
}

export type VisibleUnit =
  | { status: "visible"; unit: ProgressUnitRow }
  | { status: "unknown-unit" }
  | { status: "out-of-scope"; unit: ProgressUnitRow };

/** The unit (by id or by code in any letter case), if it exists in the viewer's organisation and they may see it. */
export async function visibleUnit(
  deps: UseCaseDeps,
  viewer: Viewer,
  where: { id: number } | { code: string },
): Promise<VisibleUnit> {
  const unit = await findProgressUnit(
    deps.prisma,
    "id" in where ? where : { organizationId: viewer.organizationId, code: where.code },
  );
  if (!unit || unit.organizationId !== viewer.organizationId) return { status: "unknown-unit" };
  return withinRoots(viewer.scopes, unit) ? { status: "visible", unit } : { status: "out-of-scope", unit };
}

/** Where "up" leads: the parent inside the viewer's scope, the list of their units, or nowhere. */
export type UpTarget = { kind: "unit"; unitId: number; name: string } | { kind: "home" } | null;

export type ProgressScreenData =
  /** A subtree, or (unit null) the list of the viewer's units; `chartOf`: the unit whose chart may be drawn. */
  | { kind: "subtree"; screen: SubtreeScreen; page: ProgressPage; up: UpTarget; chartOf: number | null }
  /** A unit with nothing under it: its checklist. */
  | { kind: "leaf"; leaf: LeafScreen; up: UpTarget };

/** The screen's figures, or null when the viewer may not see it or it no longer exists (an old or forged button). */
export async function progressScreen(
  deps: UseCaseDeps,
  viewer: Viewer,
  screen: ProgressScreen,
): Promise<ProgressScreenData | null> {
  const today = localDateOf(deps.clock.now(), deps.config.timezone);
  const prisma = deps.prisma;

  if (screen.kind === "home") {
    if (viewer.scopes.length < 2) return null;
    const { entries, rows } = await loadUnitsRollup(
      prisma,
      viewer.scopes.map((scope) => scope.id),
      { today },
    );
    const page = pageOf(summariseEntries(entries, rows), screen.filter, screen.page);
    if (!page) return null;
    const campaignId = await findActiveCampaignId(prisma, viewer.organizationId);
    const [dates, elections] = await Promise.all([
      congressDates(
        prisma,
        campaignId,
        page.items.map((item) => item.entry.unit.id),
      ),
      loadElectionStats(
        prisma,
        entries.map((entry) => entry.id),
      ),
    ]);
    return {
      kind: "subtree",
      screen: {
        unit: null,
        unitsFollowed: entries.length,
        today,
        filter: screen.filter,
        hasCampaign: campaignId !== null,
        levels: levelTotals(rows),
        page,
        dates,
        elections,
      },
      page,
      up: null,
      chartOf: null,
    };
  }

  const found = await visibleUnit(deps, viewer, { id: screen.unitId });
  if (found.status !== "visible") return null;
  const unit = found.unit;
  const up = upTarget(viewer, unit);
  const [own] = await loadUnitCards(prisma, [unit.id], deps.config.timezone);
  if (!own) return null;
  const checklist = own.campaign ? unitChecklist(congressPlan, own.unit.facts, today) : null;

  if (!unit.hasChildren) {
    if (screen.page !== 0) return null;
    return {
      kind: "leaf",
      leaf: {
        name: unit.name,
        code: unit.code,
        parentName: unit.parent?.name ?? null,
        today,
        checklist,
        openDifficulties: own.openDifficulties.length,
      },
      up,
    };
  }

  const rollup = await loadSubtreeRollup(prisma, unit.id, { today });
  if (!rollup) return null;
  const page = pageOf(summariseEntries(rollup.entries, rollup.rows), screen.filter, screen.page);
  if (!page) return null;
  const [dates, elections] = await Promise.all([
    congressDates(
      prisma,
      rollup.campaign?.id ?? null,
      page.items.map((item) => item.entry.unit.id),
    ),
    loadElectionStats(prisma, [unit.id]),
  ]);
  return {
    kind: "subtree",
    screen: {
      unit: { name: unit.name, code: unit.code, checklist },
      today,
      filter: screen.filter,
      hasCampaign: rollup.campaign !== null,
      levels: levelTotals(rollup.rows),
      page,
      dates,
      elections,
    },
    page,
    up,
    chartOf: unit.id,
  };
}

function upTarget(viewer: Viewer, unit: ProgressUnitRow): UpTarget {
  const isScopeRoot = viewer.scopes.some((scope) => scope.id === unit.id);
  if (!isScopeRoot && unit.parent) return { kind: "unit", unitId: unit.parent.id, name: unit.parent.name };
  return viewer.scopes.length > 1 ? { kind: "home" } : null;
}
