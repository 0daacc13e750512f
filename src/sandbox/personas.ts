// The people a visitor can act as: everyone on the roster (searchable by name or unit), a handful picked
// to cover every role, and the group chats bound to units. Each person is one emulated Telegram user
// with a stable id, so binding them (by the store at setup, or by sharing their phone in the page) sticks.
import type { PrismaClient } from "@prisma/client";
import type { Role, UnitLevel } from "../domain/levels.js";

export interface PersonaRole {
  role: Role;
  unitCode: string;
  unitName: string;
  level: UnitLevel;
}

export interface Persona {
  /** "person-<id>" or "group-<chat id>": how the page names it. */
  key: string;
  kind: "person" | "group";
  personId?: number;
  name: string;
  phone?: string;
  /** The Telegram user the page writes as (the person; in a group, the member chosen to speak there). */
  userId: number;
  chatId: number;
  roles: PersonaRole[];
  workingGroups: { name: string; leader: boolean }[];
  /** Whether the person's roster entry is bound to their Telegram user (a group: bound to a unit). */
  bound: boolean;
}

/** Synthetic Telegram ids of roster people: far from real-looking ids, stable across restarts. */
export const personaUserIdBase = 6_000_000_000;
export const personaUserId = (personId: number): number => personaUserIdBase + personId;

interface RosterPerson {
  id: number;
  name: string;
  phone: string | null;
  locale: string | null;
  telegramUserId: bigint | null;
  roles: {
    role: Role;
    unit: { code: string; name: string; level: UnitLevel; depth: number; parentId: number | null; id: number };
  }[];
  workingGroups: {
    role: "leader" | "member";
    workingGroup: { id: number; name: string; position: number; units: { unitId: number }[] };
  }[];
}

export class Roster {
  private constructor(
    private readonly prisma: PrismaClient,
    private readonly people: RosterPerson[],
    private readonly childCount: Map<number, number>,
  ) {}

  static async load(prisma: PrismaClient): Promise<Roster> {
    const people = await prisma.person.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true,
        name: true,
        phone: true,
        locale: true,
        telegramUserId: true,
        roles: {
          orderBy: { id: "asc" },
          select: {
            role: true,
            unit: { select: { id: true, code: true, name: true, level: true, depth: true, parentId: true } },
          },
        },
        workingGroups: {
          select: {
            role: true,
            workingGroup: { select: { id: true, name: true, position: true, units: { select: { unitId: true } } } },
          },
        },
      },
    });
    const children = await prisma.unit.groupBy({
      by: ["parentId"],
      where: { archivedAt: null, parentId: { not: null } },
      _count: true,
    });
    return new Roster(prisma, people as RosterPerson[], new Map(children.map((row) => [row.parentId!, row._count])));
  }

  person(personId: number): RosterPerson | undefined {
    return this.people.find((p) => p.id === personId);
  }

  /** The Telegram user of a person: the one they are bound to, else their stable synthetic id. */
  userIdOf(person: RosterPerson): number {
    return person.telegramUserId !== null ? Number(person.telegramUserId) : personaUserId(person.id);
  }

  /** Refreshes who is bound (people bind themselves in the page by sharing their phone). */
  async refreshBindings(): Promise<void> {
    const rows = await this.prisma.person.findMany({ select: { id: true, telegramUserId: true } });
    const byId = new Map(rows.map((row) => [row.id, row.telegramUserId]));
    for (const person of this.people) person.telegramUserId = byId.get(person.id) ?? null;
  }

  toPersona(person: RosterPerson): Persona {
    const userId = this.userIdOf(person);
    return {
      key: `person-${person.id}`,
      kind: "person",
      personId: person.id,
      name: person.name,
      ...(person.phone !== null && { phone: person.phone }),
      userId,
      chatId: userId,
      roles: person.roles.map(({ role, unit }) => ({
        role,
        unitCode: unit.code,
        unitName: unit.name,
        level: unit.level,
      })),
      workingGroups: person.workingGroups
        .sort((a, b) => a.workingGroup.position - b.workingGroup.position)
        .map((m) => ({ name: m.workingGroup.name, leader: m.role === "leader" })),
      bound: person.telegramUserId !== null,
    };
  }

  /**
   * People matching every word of the query in their name, phone or a unit's code or name (diacritics
   * ignored); those whose name holds the whole query come first, then those whose name holds every word.
   */
  search(query: string, limit: number): { people: RosterPerson[]; total: number } {
    const phrase = fold(query).trim().replace(/\s+/g, " ");
    const words = phrase.split(" ").filter(Boolean);
    const ranked = this.people.flatMap((person) => {
      const name = fold(person.name);
      const haystack = `${name} ${fold([person.phone ?? "", ...person.roles.flatMap(({ unit }) => [unit.code, unit.name])].join(" "))}`;
      if (!words.every((word) => haystack.includes(word))) return [];
      const rank = name.includes(phrase) ? 0 : words.every((word) => name.includes(word)) ? 1 : 2;
      return [{ person, rank }];
    });
    ranked.sort((a, b) => a.rank - b.rank);
    return { people: ranked.slice(0, limit).map((r) => r.person), total: ranked.length };
  }

  /**
   * A few people who together show every role: the top unit's secretary, an admin, a working-group
   * leader, the secretary of a grassroots committee that group follows and of two of its cells, a cell
   * elsewhere, a grassroots organisation without cells, and a deputy left unbound so a visitor can try
   * joining by sharing a phone number. Picked from whatever roster is loaded, not from fixed names.
   */
  featured(): { people: RosterPerson[]; unbound: RosterPerson[] } {
    const picked: RosterPerson[] = [];
    const add = (person: RosterPerson | undefined) => {
      if (person && !picked.includes(person)) picked.push(person);
    };
    const holds = (person: RosterPerson, role: Role, test: (unit: RosterPerson["roles"][number]["unit"]) => boolean) =>
      person.roles.some((held) => held.role === role && test(held.unit));
    const secretaryOf = (unitId: number) => this.people.find((p) => holds(p, "secretary", (u) => u.id === unitId));
    const topDepth = Math.min(...this.people.flatMap((p) => p.roles.map((r) => r.unit.depth)));

    add(this.people.find((p) => holds(p, "secretary", (u) => u.depth === topDepth)));
    add(this.people.find((p) => holds(p, "admin", () => true) && !picked.includes(p)));
    const leader = this.people
      .flatMap((p) => p.workingGroups.filter((m) => m.role === "leader").map((m) => ({ p, group: m.workingGroup })))
      .sort((a, b) => a.group.position - b.group.position)[0];
    add(leader?.p);
    const followed = new Set(leader?.group.units.map((u) => u.unitId) ?? []);
    const committees = this.people
      .flatMap((p) =>
        p.roles.filter(
          (r) => r.role === "secretary" && r.unit.level === "grassroots" && (this.childCount.get(r.unit.id) ?? 0) > 0,
        ),
      )
      .map((r) => r.unit);
    const committee = committees.find((u) => followed.has(u.id)) ?? committees[0];
    if (committee) {
      add(secretaryOf(committee.id));
      const cells = this.people.filter((p) =>
        holds(p, "secretary", (u) => u.parentId === committee.id && u.level === "cell"),
      );
      add(cells[0]);
      add(cells[1]);
      const elsewhere = this.people.find((p) =>
        holds(p, "secretary", (u) => u.level === "cell" && u.parentId !== committee.id),
      );
      add(elsewhere);
    }
    add(this.people.find((p) => holds(p, "secretary", (u) => u.level === "grassroots" && !this.childCount.get(u.id))));
    const deputy = committee && this.people.find((p) => holds(p, "deputy", (u) => u.id === committee.id));
    return { people: picked, unbound: deputy && !picked.includes(deputy) ? [deputy] : [] };
  }
}

/** Lower case without Vietnamese diacritics, so "bo de" finds "Bồ Đề". */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
}
