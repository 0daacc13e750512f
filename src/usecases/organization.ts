// Which organisation and which of its units a command means. The command line names an organisation with
// --org (needed only when the database holds several) and a unit by its code, in any letter case.
import { listOrganizations, type OrganizationRef } from "../db/org-store.js";
import { findRootUnit, findUnitByCode, type CodedUnit } from "../db/unit-lookup.js";
import type { UseCaseDeps } from "./deps.js";

export type OrganizationChoice =
  | { status: "found"; organization: OrganizationRef }
  | { status: "unknown"; code: string }
  | { status: "none" }
  | { status: "choose"; codes: string[] };

/** The organisation with this code (exactly as written in its file), or the only one when none is named. */
export async function resolveOrganization(
  deps: UseCaseDeps,
  requested: string | undefined,
): Promise<OrganizationChoice> {
  const organizations = await listOrganizations(deps.prisma);
  if (requested !== undefined) {
    const organization = organizations.find((candidate) => candidate.code === requested);
    return organization ? { status: "found", organization } : { status: "unknown", code: requested };
  }
  if (organizations.length === 0) return { status: "none" };
  if (organizations.length > 1) return { status: "choose", codes: organizations.map((o) => o.code) };
  return { status: "found", organization: organizations[0]! };
}

/** A unit of the organisation by its code (any letter case), or its top unit when no code is given. */
export async function organizationUnit(
  deps: UseCaseDeps,
  organizationId: number,
  code: string | undefined,
): Promise<CodedUnit | null> {
  return code === undefined
    ? findRootUnit(deps.prisma, organizationId)
    : findUnitByCode(deps.prisma, organizationId, code);
}
