// Every bad organisation file is rejected with its exact problems, and the database stays as it was.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../support/cli.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

const base = readFileSync(new URL("../fixtures/small-org.yaml", import.meta.url), "utf8");
const dir = mkdtempSync(path.join(tmpdir(), "daihoi-bad-"));

function edit(...replacements: [string, string][]): string {
  let text = base;
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

const deadlines = "  deadlines: { cell: 2020-03-31, grassroots: 2020-06-10, district: 2020-07-31 }\n";
/** The small file with a campaign `reminders` section. */
const withReminders = (reminders: string) => edit([deadlines, `${deadlines}  reminders: ${reminders}\n`]);

const gt01 = `{ code: GT-01, name: "Chi bộ tổ dân phố số 1", level: cell, parent: GT }`;
const kb = `{ code: KB, name: "Chi bộ Kho bạc Nhà nước Long Biên", level: grassroots, parent: LB, pilot: 2020-03-04 }`;
const an = `{ name: "Nguyễn Văn An", phone: "0912345678", roles: [{ role: secretary, unit: GT-01 }] }`;
const group = `{ name: "Tổ công tác số 1", leader: "0912000001", members: [], units: [GT] }`;

interface BadFile {
  name: string;
  text: string;
  file?: string;
  problems: string[];
}

const yamlCases: BadFile[] = [
  {
    name: "an empty file",
    text: "",
    problems: ['(file): has the wrong type, expected a group of fields (e.g. { code: GT, name: "…" })'],
  },
  {
    name: "a YAML syntax error",
    text: edit([gt01, `{ code: GT-01, name: "Chi bộ tổ dân phố số 1", level: cell, parent: GT`]),
    problems: [
      "line 10, column 3: the YAML file has a syntax error: Flow map in block collection must be sufficiently indented and end with a }",
    ],
  },
  {
    name: "the same key twice",
    text: `${base}organization: { code: X, name: "X" }\n`,
    problems: ["line 17, column 1: the YAML file has a syntax error: Map keys must be unique"],
  },
  {
    name: "no organization",
    text: edit([`organization: { code: LB, name: "Đảng bộ quận Long Biên" }\n`, ""]),
    problems: ["organization: is missing and required"],
  },
  {
    name: "a misspelt field",
    text: edit([gt01, `{ code: GT-01, name: "Chi bộ tổ dân phố số 1", level: cell, parnet: GT }`]),
    problems: ["units[2].parnet: unknown field (check the spelling; see docs/org-file.md)"],
  },
  {
    name: "an unknown level",
    text: edit([gt01, `{ code: GT-01, name: "Chi bộ tổ dân phố số 1", level: ward, parent: GT }`]),
    problems: ['units[2].level: "ward" is not allowed; use one of: province, district, grassroots, partial, cell'],
  },
  {
    name: "a unit without a name",
    text: edit([gt01, `{ code: GT-01, name: "  ", level: cell, parent: GT }`]),
    problems: ["units[2].name: must not be empty"],
  },
  {
    name: "a name too long",
    text: edit([gt01, `{ code: GT-01, name: "${"x".repeat(201)}", level: cell, parent: GT }`]),
    problems: ["units[2].name: too long (at most 200 characters)"],
  },
  {
    name: "a code with a space",
    text: edit([gt01, `{ code: "GT 01", name: "Chi bộ tổ dân phố số 1", level: cell, parent: GT }`]),
    problems: [
      'units[2].code: code "GT 01" is not valid; use letters without accents, digits, . _ -, at most 32 characters, e.g. GT-01',
    ],
  },
  {
    name: "units that are not a list",
    text: edit([/units:\n[\s\S]*?people:/.exec(base)![0], `units: all of them\npeople:`]),
    problems: ["units: has the wrong type, expected a list"],
  },
  {
    name: "an empty unit list",
    text: edit([/units:\n[\s\S]*?people:/.exec(base)![0], `units: []\npeople:`]),
    problems: ["units: the list must not be empty"],
  },
  {
    name: "a duplicate code",
    text: edit([kb, `{ code: GT-01, name: "Chi bộ Kho bạc Nhà nước Long Biên", level: grassroots, parent: LB }`]),
    problems: ['units[4].code: code "GT-01" is used twice (first at units[2])'],
  },
  {
    name: "an unknown parent",
    text: edit([gt01, `{ code: GT-01, name: "Chi bộ tổ dân phố số 1", level: cell, parent: GT-99 }`]),
    problems: ['units[2].parent: no unit with code "GT-99"'],
  },
  {
    name: "a unit that is its own parent",
    text: edit([gt01, `{ code: GT-01, name: "Chi bộ tổ dân phố số 1", level: cell, parent: GT-01 }`]),
    problems: ['units[2].parent: unit "GT-01" cannot be its own parent'],
  },
  {
    name: "a grassroots organisation under a cell (a cell above a grassroots unit)",
    text: edit([kb, `{ code: KB, name: "Chi bộ Kho bạc Nhà nước Long Biên", level: grassroots, parent: GT-01 }`]),
    problems: ['units[4].parent: a grassroots organisation cannot be under a cell ("GT-01")'],
  },
  {
    name: "a partial committee directly under the district",
    text: edit([kb, `{ code: KB, name: "Đảng bộ bộ phận Kho bạc", level: partial, parent: LB }`]),
    problems: ['units[4].parent: a partial committee cannot be under a district committee ("LB")'],
  },
  {
    name: "a cycle of parents",
    text: edit([
      `{ code: GT, name: "Đảng bộ phường Gia Thụy", level: grassroots, parent: LB, pilot: 2020-03-11 }`,
      `{ code: GT, name: "Đảng bộ phường Gia Thụy", level: grassroots, parent: GT-02 }`,
    ]),
    problems: [
      'units[1].parent: a grassroots organisation cannot be under a cell ("GT-02")',
      "units[1].parent: the parents form a cycle: GT → GT-02 → GT",
    ],
  },
  {
    name: "a cell with no parent",
    text: edit([gt01, `{ code: GT-01, name: "Chi bộ tổ dân phố số 1", level: cell }`]),
    problems: [
      "units[2].parent: a cell needs a parent unit",
      "units: there must be one top unit, but several have no parent: LB, GT-01",
    ],
  },
  {
    name: "two top units",
    text: edit([kb, `{ code: KB, name: "Chi bộ Kho bạc Nhà nước Long Biên", level: grassroots }`]),
    problems: ["units: there must be one top unit, but several have no parent: LB, KB"],
  },
  {
    name: "a phone that is not Vietnamese",
    text: edit([an, `{ name: "Nguyễn Văn An", phone: "12345", roles: [{ role: secretary, unit: GT-01 }] }`]),
    problems: ['people[0].phone: "12345" is not a Vietnamese phone number; e.g. 0912345678 or +84912345678'],
  },
  {
    name: "a phone with a foreign country code",
    text: edit([an, `{ name: "Nguyễn Văn An", phone: "+1 202 555 0100", roles: [{ role: secretary, unit: GT-01 }] }`]),
    problems: ['people[0].phone: "+1 202 555 0100" is not a Vietnamese phone number; e.g. 0912345678 or +84912345678'],
  },
  {
    name: "the same phone written two ways",
    text: edit([`phone: "0913222111"`, `phone: "+84 912 345 678"`]),
    problems: ["people[1].phone: same phone number as people[0] (Nguyễn Văn An)"],
  },
  {
    name: "an unknown role",
    text: edit([an, `{ name: "Nguyễn Văn An", phone: "0912345678", roles: [{ role: chairman, unit: GT-01 }] }`]),
    problems: [
      'people[0].roles[0].role: "chairman" is not allowed; use one of: secretary, deputy, reporter, standing, admin',
    ],
  },
  {
    name: "a role in an unknown unit",
    text: edit([an, `{ name: "Nguyễn Văn An", phone: "0912345678", roles: [{ role: secretary, unit: GT-09 }] }`]),
    problems: ['people[0].roles[0].unit: no unit with code "GT-09"'],
  },
  {
    name: "the same role twice",
    text: edit([
      an,
      `{ name: "Nguyễn Văn An", phone: "0912345678", roles: [{ role: secretary, unit: GT-01 }, { role: secretary, unit: GT-01 }] }`,
    ]),
    problems: ['people[0].roles[1]: role secretary at "GT-01" is listed twice'],
  },
  {
    name: "a pilot date that does not exist",
    text: edit(["pilot: 2020-03-04", "pilot: 2020-02-30"]),
    problems: ['units[4].pilot: date "2020-02-30" is not valid; write 2020-03-31 or 31/03/2020'],
  },
  {
    name: "a deadline for an unknown level",
    text: edit(["cell: 2020-03-31", "ward: 2020-03-31"]),
    problems: ["campaign.deadlines.ward: unknown field (check the spelling; see docs/org-file.md)"],
  },
  {
    name: "a deadline that is not a date",
    text: edit(["cell: 2020-03-31", "cell: end of March"]),
    problems: ['campaign.deadlines.cell: date "end of March" is not valid; write 2020-03-31 or 31/03/2020'],
  },
  {
    name: "a deadline for an unknown milestone",
    text: edit(["cell: 2020-03-31", "cell: { held: 2020-03-31, congress: 2020-03-01 }"]),
    problems: ["campaign.deadlines.cell.congress: unknown field (check the spelling; see docs/org-file.md)"],
  },
  {
    name: "a deadline that is a list",
    text: edit(["cell: 2020-03-31", "cell: [2020-03-31]"]),
    problems: [
      "campaign.deadlines.cell: a deadline is a date (2020-03-31) or a map of milestones to dates, e.g. { held: 2020-03-31 }",
    ],
  },
  {
    name: "a working group following an unknown unit",
    text: edit([group, `{ name: "Tổ công tác số 1", leader: "0912000001", members: [], units: [GT, NT] }`]),
    problems: ['workingGroups[0].units[1]: no unit with code "NT"'],
  },
  {
    name: "a working group member who is not in people",
    text: edit([group, `{ name: "Tổ công tác số 1", leader: "0912000001", members: ["0988777666"], units: [GT] }`]),
    problems: ["workingGroups[0].members[0]: nobody with phone +84988777666 in people"],
  },
  {
    name: "two working groups with one name",
    text: `${base}  - { name: "Tổ công tác số 1", leader: "0913222111", units: [KB] }\n`,
    problems: [
      'workingGroups[1].name: working group name "Tổ công tác số 1" is used twice (first at workingGroups[0])',
    ],
  },
  {
    name: "a leader with a bad phone",
    text: edit([group, `{ name: "Tổ công tác số 1", leader: "091200", members: [], units: [GT] }`]),
    problems: ['workingGroups[0].leader: "091200" is not a Vietnamese phone number; e.g. 0912345678 or +84912345678'],
  },
  {
    name: "a misspelt reminder setting",
    text: withReminders("{ daysbefore: [7, 3] }"),
    problems: ["campaign.reminders.daysbefore: unknown field (check the spelling; see docs/org-file.md)"],
  },
  {
    name: "reminder days that are not numbers",
    text: withReminders('{ daysBefore: [7, "a week"] }'),
    problems: ['campaign.reminders.daysBefore[1]: "a week" is not a whole number from 0 to 90'],
  },
  {
    name: "reminder days too far ahead",
    text: withReminders("{ daysBefore: [120, 3] }"),
    problems: ['campaign.reminders.daysBefore[0]: "120" is not a whole number from 0 to 90'],
  },
  {
    name: "a reminder day listed twice",
    text: withReminders("{ daysBefore: [7, 3, 07] }"),
    problems: ['campaign.reminders.daysBefore[2]: "07" is listed twice'],
  },
  {
    name: "a negative overdue interval",
    text: withReminders("{ overdueEvery: -1 }"),
    problems: ['campaign.reminders.overdueEvery: "-1" is not a whole number from 0 to 30'],
  },
  {
    name: "a reminder time that does not exist",
    text: withReminders('{ time: "25:00" }'),
    problems: ['campaign.reminders.time: time "25:00" is not valid; write a time of day like 08:00'],
  },
  {
    name: "a day off in Vietnamese",
    text: withReminders("{ daysOff: [chunhat] }"),
    problems: [
      'campaign.reminders.daysOff[0]: "chunhat" is not allowed; use one of: sunday, monday, tuesday, wednesday, thursday, friday, saturday',
    ],
  },
  {
    name: "every weekday off",
    text: withReminders("{ daysOff: [sunday, monday, tuesday, wednesday, thursday, friday, saturday] }"),
    problems: ["campaign.reminders.daysOff: too many entries (at most 6)"],
  },
  {
    name: "a holiday that does not exist",
    text: withReminders('{ holidays: ["2026-04-30", "2026-02-30"] }'),
    problems: [
      'campaign.reminders.holidays[1]: "2026-02-30" is not a date or a date range; write 2026-04-30 or 2026-02-14..2026-02-22',
    ],
  },
  {
    name: "a holiday range written backwards",
    text: withReminders('{ holidays: ["2026-02-22..2026-02-14"] }'),
    problems: [
      'campaign.reminders.holidays[0]: the range "2026-02-22..2026-02-14" ends before it starts; write the first day first, e.g. 2026-02-14..2026-02-22',
    ],
  },
  {
    name: "a holiday range of a whole year (a typo in the year)",
    text: withReminders('{ holidays: ["2026-02-14..2027-02-22"] }'),
    problems: [
      'campaign.reminders.holidays[0]: the range "2026-02-14..2027-02-22" is longer than 31 days; list each holiday on its own',
    ],
  },
  {
    name: "holidays that are not a list",
    text: withReminders("{ holidays: 2026-04-30 }"),
    problems: ["campaign.reminders.holidays: has the wrong type, expected a list"],
  },
  {
    name: "several problems at once",
    text: edit(
      [gt01, `{ code: GT-01, name: "Chi bộ tổ dân phố số 1", level: cell, parent: GT-99 }`],
      ["pilot: 2020-03-04", "pilot: 31/02/2020"],
      [`phone: "0913222111"`, `phone: "abc"`],
    ),
    problems: [
      'units[4].pilot: date "31/02/2020" is not valid; write 2020-03-31 or 31/03/2020',
      'people[1].phone: "abc" is not a Vietnamese phone number; e.g. 0912345678 or +84912345678',
    ],
  },
];

const csvHeader = "code,name,level,parent,pilot,secretary_name,secretary_phone\n";
const csvCases: BadFile[] = [
  {
    name: "a CSV file without the secretary columns",
    file: "missing-column.csv",
    text: "code,name,level,parent,pilot\nLB,Đảng bộ quận Long Biên,district,,\n",
    problems: [
      'header: column "secretary_name" is missing; the header needs code,name,level,parent,pilot,secretary_name,secretary_phone',
      'header: column "secretary_phone" is missing; the header needs code,name,level,parent,pilot,secretary_name,secretary_phone',
    ],
  },
  {
    name: "a CSV row with a bad level and a bad phone",
    file: "bad-row.csv",
    text: `${csvHeader}LB,Đảng bộ quận Long Biên,district,,,,\nGT,Đảng bộ phường Gia Thụy,phuong,LB,,Nguyễn Văn An,0912\n`,
    problems: [
      'row 3.level: "phuong" is not allowed; use one of: province, district, grassroots, partial, cell',
      'row 3.secretary_phone: "0912" is not a Vietnamese phone number; e.g. 0912345678 or +84912345678',
    ],
  },
  {
    name: "a CSV row whose parent is unknown",
    file: "bad-parent.csv",
    text: `${csvHeader}LB,Đảng bộ quận Long Biên,district,,,,\nGT-01,Chi bộ tổ dân phố số 1,cell,GT,,,\n`,
    problems: ['row 3.parent: no unit with code "GT"'],
  },
];

describe("org import of a bad file", () => {
  let db: TestDatabase;
  let before: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const seeded = await cli(db.database, ["org", "import", path.join(dir, write("good.yaml", base))]);
    expect(seeded.code).toBe(0);
    before = await databaseFingerprint(db.database);
  });
  afterAll(async () => db?.drop());

  function write(name: string, text: string): string {
    writeFileSync(path.join(dir, name), text);
    return name;
  }

  it("has at least 25 distinct bad files", () => {
    expect(yamlCases.length + csvCases.length).toBeGreaterThanOrEqual(25);
  });

  it.each([...yamlCases, ...csvCases].map((badFile, index) => ({ ...badFile, index })))(
    "when the file has $name, then it is rejected with its exact problems and nothing changes",
    async ({ text, file, problems, index }) => {
      const name = file ?? `bad-${index}.yaml`;
      const fullPath = path.join(dir, write(name, text));
      const result = await cli(db.database, ["org", "import", fullPath, "--lang", "en"]);
      expect(result.code).toBe(1);
      expect(result.err).toEqual([
        `${fullPath} has ${problems.length} problem(s); nothing was written to the database:`,
        ...problems,
      ]);
      expect(result.out).toEqual([]);
      expect(await databaseFingerprint(db.database)).toEqual(before);
    },
  );

  it("when the file is rejected in Vietnamese, then the problem reads in Vietnamese", async () => {
    const fullPath = path.join(
      dir,
      write("vi.yaml", edit([gt01, `{ code: GT-01, name: "Chi bộ tổ dân phố số 1", level: cell, parent: GT-99 }`])),
    );
    const result = await cli(db.database, ["org", "import", fullPath]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      `Tệp ${fullPath} có 1 lỗi; chưa ghi gì vào cơ sở dữ liệu:`,
      'units[2].parent: không có đơn vị mã "GT-99"',
    ]);
  });

  it("when the file does not exist, then the command says so and exits non-zero", async () => {
    const result = await cli(db.database, ["org", "import", path.join(dir, "nope.yaml"), "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.err).toEqual([`Error: cannot read file ${path.join(dir, "nope.yaml")}`]);
  });
});
