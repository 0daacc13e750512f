// A unit of an organisation by the code a person typed. Codes are matched without regard to case
// (people type "gt-01" for "GT-01" on a phone); archived units are not found.
import type { PrismaClient } from "@prisma/client";
import type { UnitLevel } from "../domain/levels.js";

export interface CodedUnit {
  id: number;
  organizationId: number;
  code: string;
  name: string;
  level: UnitLevel;
  path: string;
  parentName: string | null;
}

/** What a CodedUnit is read with (a unit with its parent's name); toCodedUnit turns the row into one. */
export const codedUnitSelect = {
  id: true,
  organizationId: true,
  code: true,
  name: true,
  level: true,
  path: true,
  parent: { select: { name: true } },
} as const;

export async function findUnitByCode(
  prisma: PrismaClient,
  organizationId: number,
  code: string,
): Promise<CodedUnit | null> {
  const row = await prisma.unit.findFirst({
    where: { organizationId, code: { equals: code, mode: "insensitive" }, archivedAt: null },
    select: codedUnitSelect,
  });
  return row && toCodedUnit(row);
}

/** The organisation's top unit (the one without a parent). */
export async function findRootUnit(prisma: PrismaClient, organizationId: number): Promise<CodedUnit | null> {
  const row = await prisma.unit.findFirst({
    where: { organizationId, parentId: null, archivedAt: null },
    select: codedUnitSelect,
  });
  return row && toCodedUnit(row);
}

export function toCodedUnit(row: Omit<CodedUnit, "parentName"> & { parent: { name: string } | null }): CodedUnit {
  const { parent, ...unit } = row;
  return { ...unit, parentName: parent?.name ?? null };
}
