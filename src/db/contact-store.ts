// Whom to call about a unit: its secretary and deputies, as the roster has them.
import type { PrismaClient } from "@prisma/client";

export interface UnitOfficer {
  unitId: number;
  role: "secretary" | "deputy";
  name: string;
  /** +84…, or null for someone who joined through an invite without sharing their number. */
  phone: string | null;
}

/** The secretaries, then the deputies, of the units, in roster order; one query. */
export async function unitOfficers(prisma: PrismaClient, unitIds: readonly number[]): Promise<UnitOfficer[]> {
  if (unitIds.length === 0) return [];
  const rows = await prisma.roleAssignment.findMany({
    where: { unitId: { in: [...unitIds] }, role: { in: ["secretary", "deputy"] } },
    orderBy: [{ role: "asc" }, { id: "asc" }],
    select: { unitId: true, role: true, person: { select: { name: true, phone: true } } },
  });
  return rows.map((row) => ({
    unitId: row.unitId,
    role: row.role as UnitOfficer["role"],
    name: row.person.name,
    phone: row.person.phone,
  }));
}
