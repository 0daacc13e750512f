import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildLongBienYaml } from "../../examples/generate-long-bien.js";

const FILE = new URL("../../examples/long-bien.yaml", import.meta.url);
const text = readFileSync(FILE, "utf8");

interface Unit {
  code: string;
  name: string;
  level: string;
  parent?: string;
  pilot?: string;
}
interface Person {
  name: string;
  phone: string;
  roles: { role: string; unit: string }[];
  locale?: string;
}
interface WorkingGroup {
  name: string;
  leader: string;
  members: string[];
  units: string[];
}
interface OrgFile {
  organization: { code: string; name: string; superior?: string };
  campaign: { name: string; deadlines: Record<string, unknown>; terms: Record<string, string> };
  units: Unit[];
  people: Person[];
  workingGroups: WorkingGroup[];
}

const data = parse(text) as OrgFile;
const byCode = new Map(data.units.map((u) => [u.code, u]));
const childrenOf = (code: string): Unit[] => data.units.filter((u) => u.parent === code);
const grassroots = data.units.filter((u) => u.level === "grassroots");
const committees = grassroots.filter((g) => childrenOf(g.code).length > 0);
const grassrootsCells = grassroots.filter((g) => childrenOf(g.code).length === 0);

/** Vietnamese mobile number in any accepted spelling → +84xxxxxxxxx. */
function normalisePhone(phone: string): string {
  const digits = phone.replace(/[\s.]/g, "");
  if (digits.startsWith("+84")) return digits;
  if (digits.startsWith("84")) return `+${digits}`;
  if (digits.startsWith("0")) return `+84${digits.slice(1)}`;
  return digits;
}

/** The grassroots organisation a unit belongs to (itself, if it is one). */
function grassrootsOf(unit: Unit): Unit | undefined {
  let u: Unit | undefined = unit;
  while (u && u.level !== "grassroots") u = u.parent ? byCode.get(u.parent) : undefined;
  return u;
}

describe("examples/long-bien.yaml (demo organisation)", () => {
  it("is exactly what the generator produces", () => {
    expect(buildLongBienYaml()).toBe(text);
  });

  it("says it is generated", () => {
    expect(text.startsWith("#")).toBe(true);
    expect(text).toContain("examples/generate-long-bien.ts");
  });

  it("has only the documented keys", () => {
    const allowed = (obj: object, keys: string[], where: string): void => {
      for (const key of Object.keys(obj)) expect(keys, `${where}.${key}`).toContain(key);
    };
    allowed(data, ["organization", "campaign", "units", "people", "workingGroups"], "file");
    allowed(data.organization, ["code", "name", "superior", "committee", "place"], "organization");
    allowed(data.campaign, ["name", "deadlines", "terms"], "campaign");
    const levels = ["province", "district", "grassroots", "partial", "cell"];
    allowed(data.campaign.deadlines, levels, "campaign.deadlines");
    allowed(data.campaign.terms, levels, "campaign.terms");
    for (const [level, value] of Object.entries(data.campaign.deadlines)) {
      if (typeof value === "object" && value !== null) {
        allowed(value, ["plan", "documents", "personnel", "scheduled", "held"], `campaign.deadlines.${level}`);
      }
    }
    for (const [i, u] of data.units.entries()) {
      allowed(u, ["code", "name", "level", "parent", "pilot", "term"], `units[${i}]`);
    }
    for (const [i, p] of data.people.entries()) {
      allowed(p, ["name", "phone", "roles", "locale"], `people[${i}]`);
      for (const [j, r] of p.roles.entries()) allowed(r, ["role", "unit"], `people[${i}].roles[${j}]`);
    }
    for (const [i, g] of data.workingGroups.entries()) {
      allowed(g, ["name", "leader", "members", "units"], `workingGroups[${i}]`);
    }
  });

  it("has the organisation and the campaign", () => {
    // The head of its documents: the superior organisation; the committee and place are read off the name.
    expect(data.organization).toEqual({
      code: "LB",
      name: "Đảng bộ quận Long Biên",
      superior: "Đảng bộ thành phố Hà Nội",
    });
    expect(data.campaign.name).toBe("Đại hội đảng bộ các cấp nhiệm kỳ 2020-2025");
    expect(data.campaign.deadlines).toEqual({
      cell: {
        plan: "2020-01-31",
        documents: "2020-02-29",
        personnel: "2020-03-10",
        scheduled: "2020-03-15",
        held: "2020-03-31",
      },
      grassroots: {
        plan: "2020-02-15",
        documents: "2020-03-31",
        personnel: "2020-04-30",
        scheduled: "2020-05-15",
        held: "2020-06-10",
      },
      district: "2020-07-31",
    });
    expect(data.campaign.terms).toEqual({
      cell: "2020-2022",
      partial: "2020-2022",
      grassroots: "2020-2025",
      district: "2020-2025",
    });
  });

  it("has valid, unique unit codes and exactly one top", () => {
    const codes = data.units.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Za-z0-9._-]{1,32}$/);
    const tops = data.units.filter((u) => u.parent === undefined);
    expect(tops).toEqual([{ code: "LB", name: "Đảng bộ quận Long Biên", level: "district" }]);
  });

  it("has every parent, each one level above its child", () => {
    const allowedParents: Record<string, string[]> = {
      grassroots: ["district", "province"],
      partial: ["grassroots"],
      cell: ["grassroots", "partial"],
    };
    for (const unit of data.units) {
      if (unit.parent === undefined) continue;
      const parent = byCode.get(unit.parent);
      expect(parent, `${unit.code}.parent`).toBeDefined();
      expect(allowedParents[unit.level], `${unit.code} (${unit.level}) under ${parent?.level}`).toContain(
        parent?.level,
      );
    }
  });

  it("has the published counts", () => {
    const count = (level: string): number => data.units.filter((u) => u.level === level).length;
    expect(count("district")).toBe(1);
    expect(count("grassroots")).toBe(49);
    expect(count("partial")).toBe(3);
    expect(count("cell")).toBe(587);
    expect(data.units).toHaveLength(1 + 49 + 3 + 587);
    expect(grassroots.every((g) => g.parent === "LB")).toBe(true);

    expect(committees).toHaveLength(20);
    expect(grassrootsCells).toHaveLength(29);
    for (const g of committees) expect(g.name).toMatch(/^Đảng bộ /);
    for (const g of grassrootsCells) expect(g.name).toMatch(/^Chi bộ /);

    // All 587 cells sit under the 20 committees (directly or through a partial committee).
    const committeeCodes = new Set(committees.map((c) => c.code));
    const cells = data.units.filter((u) => u.level === "cell");
    for (const cell of cells) expect(committeeCodes.has(grassrootsOf(cell)?.code ?? "")).toBe(true);

    const wards = committees.filter((c) => c.name.startsWith("Đảng bộ phường "));
    expect(wards.map((w) => w.name.replace("Đảng bộ phường ", "")).sort()).toEqual(
      [
        "Bồ Đề",
        "Cự Khối",
        "Đức Giang",
        "Gia Thụy",
        "Giang Biên",
        "Long Biên",
        "Ngọc Lâm",
        "Ngọc Thụy",
        "Phúc Đồng",
        "Phúc Lợi",
        "Sài Đồng",
        "Thạch Bàn",
        "Thượng Thanh",
        "Việt Hưng",
      ].sort(),
    );
    for (const ward of wards) {
      const n = childrenOf(ward.code).length;
      expect(n, ward.name).toBeGreaterThanOrEqual(25);
      expect(n, ward.name).toBeLessThanOrEqual(45);
    }
    expect(childrenOf("P-NGOCTHUY")).toHaveLength(41);
    expect(childrenOf("P-THACHBAN")).toHaveLength(33);
    expect(childrenOf("CAU12")).toHaveLength(9);
    expect(byCode.get("CAU12")?.name).toBe("Đảng bộ Công ty CP Cầu 12");

    // Partial committees: two under the police, one under the military command.
    const partials = data.units.filter((u) => u.level === "partial");
    expect(partials.map((p) => p.parent).sort()).toEqual(["CA", "CA", "QS"]);
    for (const p of partials) expect(childrenOf(p.code).length).toBeGreaterThan(0);
  });

  it("has the three pilot congresses", () => {
    const pilots = Object.fromEntries(data.units.filter((u) => u.pilot !== undefined).map((u) => [u.code, u.pilot]));
    expect(pilots).toEqual({ TAND: "2020-02-20", KBNN: "2020-03-04", "P-GIATHUY": "2020-03-11" });
    expect(byCode.get("TAND")?.name).toBe("Đảng bộ Tòa án nhân dân quận");
    expect(byCode.get("KBNN")?.name).toBe("Chi bộ Kho bạc Nhà nước Long Biên");
    expect(byCode.get("P-GIATHUY")?.name).toBe("Đảng bộ phường Gia Thụy");
  });

  it("has valid, unique phones and no duplicate person", () => {
    const spellings = { plain: 0, spaced: 0, intl: 0 };
    for (const p of data.people) {
      if (/^0\d{9}$/.test(p.phone)) spellings.plain++;
      else if (/^0\d{3} \d{3} \d{3}$/.test(p.phone)) spellings.spaced++;
      else if (/^\+84\d{9}$/.test(p.phone)) spellings.intl++;
      else throw new Error(`unexpected phone spelling ${p.phone}`);
      expect(normalisePhone(p.phone)).toMatch(/^\+84(3[2-9]|8[1-9]|9[0-9])\d{7}$/);
    }
    expect(spellings.spaced).toBeGreaterThan(0);
    expect(spellings.intl).toBeGreaterThan(0);
    expect(spellings.plain).toBeGreaterThan(spellings.spaced + spellings.intl);

    const phones = data.people.map((p) => normalisePhone(p.phone));
    expect(new Set(phones).size).toBe(phones.length);
    const nameUnit = data.people.flatMap((p) => [...new Set(p.roles.map((r) => `${p.name}@${r.unit}`))]);
    expect(new Set(nameUnit).size).toBe(nameUnit.length);
    for (const p of data.people) expect(p.name).toMatch(/^\p{Lu}\p{Ll}+( \p{Lu}\p{Ll}*){2,3}$/u);
    expect(data.people.filter((p) => p.locale === "en")).toHaveLength(2);
  });

  it("has the roles", () => {
    const holders = (role: string, unit?: string): Person[] =>
      data.people.filter((p) => p.roles.some((r) => r.role === role && (unit === undefined || r.unit === unit)));
    for (const p of data.people) for (const r of p.roles) expect(byCode.has(r.unit), r.unit).toBe(true);

    for (const unit of data.units) expect(holders("secretary", unit.code), unit.code).toHaveLength(1);
    expect(holders("secretary")).toHaveLength(data.units.length);
    for (const c of committees) expect(holders("deputy", c.code), c.code).toHaveLength(1);
    expect(holders("deputy")).toHaveLength(20);

    const standing = holders("standing", "LB");
    expect(standing).toHaveLength(11);
    expect(standing.filter((p) => p.roles.some((r) => r.role === "admin" && r.unit === "LB"))).toHaveLength(1);
    expect(holders("standing")).toHaveLength(11);
    const admins = holders("admin", "LB");
    expect(admins).toHaveLength(2);
    expect(admins.filter((p) => p.roles.length === 1)).toHaveLength(1); // the office admin

    const reporters = holders("reporter");
    expect(reporters).toHaveLength(1);
    expect(reporters[0]?.roles).toEqual([
      { role: "secretary", unit: "P-GIATHUY" },
      { role: "reporter", unit: "P-GIATHUY" },
    ]);
  });

  it("has 7 working groups covering every unit", () => {
    expect(data.workingGroups.map((g) => g.name)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `Tổ công tác số ${n}`));
    const phoneToPerson = new Map(data.people.map((p) => [p.phone, p]));
    const leaders = new Set<string>();
    const covered: string[] = [];
    for (const g of data.workingGroups) {
      const leader = phoneToPerson.get(g.leader); // exactly as written in people
      expect(
        leader?.roles.some((r) => r.role === "standing" && r.unit === "LB"),
        g.name,
      ).toBe(true);
      leaders.add(g.leader);
      expect(g.members).toHaveLength(2);
      for (const m of g.members) expect(phoneToPerson.get(m)?.roles, `${g.name} member ${m}`).toEqual([]);
      expect(g.units).toHaveLength(7);
      for (const code of g.units) expect(byCode.get(code)?.level, code).toBe("grassroots");
      covered.push(...g.units);
    }
    expect(leaders.size).toBe(7);
    expect(new Set(covered).size).toBe(49);
    expect(covered).toHaveLength(49);

    // Every unit except the top is in some group's subtree.
    const coveredSet = new Set(covered);
    for (const unit of data.units) {
      if (unit.code === "LB") continue;
      let u: Unit | undefined = unit;
      let found = false;
      while (u && !found) {
        found = coveredSet.has(u.code);
        u = u.parent ? byCode.get(u.parent) : undefined;
      }
      expect(found, unit.code).toBe(true);
    }
  });
});
