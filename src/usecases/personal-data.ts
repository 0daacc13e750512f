// A person's right to know what is kept on them and to have it erased (Decree 13/2023/NĐ-CP), for the
// office to carry out: `person export` and `person erase` on the command line (src/cli/person-commands.ts).
import { erasePerson, loadPersonData, type ErasedCounts, type PersonData } from "../db/personal-data-store.js";
import { findPersonIdByPhone } from "../db/people-store.js";
import { normalizeVietnamesePhone } from "../domain/phone.js";
import type { UseCaseDeps } from "./deps.js";

export type PersonLookup = { status: "not-a-phone" } | { status: "unknown" };

/** Everything held on the person with this phone in the organisation. */
export async function exportPersonalData(
  deps: Pick<UseCaseDeps, "prisma">,
  input: { organizationId: number; phone: string },
): Promise<PersonLookup | { status: "found"; data: PersonData }> {
  const phone = normalizeVietnamesePhone(input.phone);
  if (!phone) return { status: "not-a-phone" };
  const personId = await findPersonIdByPhone(deps.prisma, input.organizationId, phone);
  const data = personId !== null ? await loadPersonData(deps.prisma, personId) : null;
  return data ? { status: "found", data } : { status: "unknown" };
}

/**
 * Erases the identity of the person with this phone: name, phone, Telegram account and everything only
 * theirs; the unit's reports stay, counted as before. `erasedName` is what the roster shows instead.
 */
export async function erasePersonalData(
  deps: Pick<UseCaseDeps, "prisma">,
  input: { organizationId: number; phone: string; erasedName: string; actor: string },
): Promise<PersonLookup | { status: "erased"; personId: number; counts: ErasedCounts }> {
  const phone = normalizeVietnamesePhone(input.phone);
  if (!phone) return { status: "not-a-phone" };
  const personId = await findPersonIdByPhone(deps.prisma, input.organizationId, phone);
  if (personId === null) return { status: "unknown" };
  const counts = await erasePerson(deps.prisma, {
    personId,
    organizationId: input.organizationId,
    erasedName: input.erasedName,
    actor: input.actor,
  });
  return { status: "erased", personId, counts };
}
