// The export (/xuat in the bot, `export` on the command line, the web's download): what a requester may
// export, read once for every format. Rendering (the workbook, the CSV files) is the entry point's.
import { figuresDay } from "../clock.js";
import { loadExportData } from "../db/export-store.js";
import type { ExportData } from "../domain/export-rows.js";
import type { LocalDate } from "../domain/local-date.js";
import { scopeRoots, withinRoots, type HeldUnit, type ScopePerson } from "../domain/scope.js";
import type { UseCaseDeps } from "./deps.js";
import { organizationUnit } from "./organization.js";

export type ScopeUnit = { id: number; code: string; name: string; path: string };
type ExportingPerson = ScopePerson<HeldUnit & ScopeUnit> & { organizationId: number };

export type ExportOutcome =
  /** The person holds no role that exports anything. */
  | { status: "not-allowed" }
  | { status: "unknown-unit"; code: string; example: string | null }
  | { status: "out-of-scope"; unit: { code: string; name: string }; allowed: string[]; example: string }
  /** `scope`: the subtrees exported, tops first. */
  | { status: "exported"; data: ExportData; scope: ScopeUnit[] };

/**
 * The office exports its whole organisation, or the subtree of the unit it names. A person exports
 * everything the scope rule lets them export, or the subtree of one unit within it.
 */
export async function exportProgress(deps: UseCaseDeps, input: ExportRequest): Promise<ExportOutcome> {
  const scoped = await exportScope(deps, input);
  if (scoped.status !== "scoped") return scoped;
  const { organizationId, scope } = scoped;
  const exportedAt = deps.clock.now();
  const timeZone = deps.config.timezone;
  const { today, recordedBefore } = figuresDay(exportedAt, timeZone, input.asOf);
  const data = await loadExportData(deps.prisma, {
    organizationId,
    roots: scope,
    exportedAt,
    today,
    timeZone,
    recordedBefore,
  });
  return { status: "exported", data, scope };
}

export interface ExportRequest {
  /** Who asks, as the other use cases name it (`kind`); a person acts through their one roster entry. */
  requester: { kind: "office"; organizationId: number } | { kind: "person"; person: ExportingPerson };
  unitCode?: string;
  /**
   * Compute every figure from the reports known at the end of this office's day (the CLI's --as-of); a
   * day that is today or later is today. Entry points refuse a future day before asking.
   */
  asOf?: LocalDate;
}

/** What the requester exports: the subtrees (one rule for every export), or why nothing. */
export async function exportScope(
  deps: UseCaseDeps,
  input: ExportRequest,
): Promise<
  Exclude<ExportOutcome, { status: "exported" }> | { status: "scoped"; organizationId: number; scope: ScopeUnit[] }
> {
  let organizationId: number;
  let scope: ScopeUnit[];
  const { requester } = input;
  if (requester.kind === "office") {
    organizationId = requester.organizationId;
    const unit = await organizationUnit(deps, organizationId, input.unitCode);
    if (!unit) return { status: "unknown-unit", code: input.unitCode ?? "", example: null };
    scope = [unit];
  } else {
    organizationId = requester.person.organizationId;
    const roots = scopeRoots(requester.person, "export");
    if (roots.length === 0) return { status: "not-allowed" };
    const example = roots[0]!.code;
    scope = roots;
    if (input.unitCode !== undefined) {
      const unit = await organizationUnit(deps, organizationId, input.unitCode);
      if (!unit) return { status: "unknown-unit", code: input.unitCode, example };
      if (!withinRoots(roots, unit)) {
        return { status: "out-of-scope", unit, allowed: roots.map((root) => root.code), example };
      }
      scope = [unit];
    }
  }
  return { status: "scoped", organizationId, scope };
}
