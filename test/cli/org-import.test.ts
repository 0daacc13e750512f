// Importing, re-importing, pruning and exporting an organisation through the CLI, on a real database.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cli } from "../support/cli.js";
import { createTestDatabase, databaseFingerprint, resetDatabase, type TestDatabase } from "../support/test-database.js";

const demoFile = new URL("../../examples/long-bien.yaml", import.meta.url).pathname;
const smallFile = new URL("../fixtures/small-org.yaml", import.meta.url).pathname;
const small = readFileSync(smallFile, "utf8");
const dir = mkdtempSync(path.join(tmpdir(), "daihoi-import-"));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe("org import", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  beforeEach(async () => resetDatabase(db.database));
  afterAll(async () => db.drop());

  it("when the demo district is imported, then status shows its totals, and a second import changes nothing", async () => {
    const first = await cli(db.database, ["org", "import", demoFile, "--lang", "en"]);
    expect(first.code).toBe(0);
    expect(first.out).toEqual([
      "Imported Đảng bộ quận Long Biên:",
      "• create the organisation",
      "• add 640 unit(s)",
      "• add 685 person(s)",
      "• grant 674 role(s)",
      "• add 7 working group(s)",
      "• create a new campaign",
    ]);
    const status = await cli(db.database, ["status", "--lang", "en"]);
    expect(status.out).toEqual([
      "Đảng bộ quận Long Biên (LB)",
      "Đại hội đảng bộ các cấp nhiệm kỳ 2020-2025",
      "Grassroots organisations: 0/49 held their congress (0.0%); draft documents 0/49; personnel plan 0/49",
      "  of which grassroots committees: 0/20 held their congress (0.0%); draft documents 0/20; personnel plan 0/20",
      "  of which grassroots cells: 0/29 held their congress (0.0%); draft documents 0/29; personnel plan 0/29",
      "Partial committees: 0/3 held their congress (0.0%); draft documents 0/3; personnel plan 0/3",
      "Cells: 0/587 held their congress (0.0%); draft documents 0/587; personnel plan 0/587",
      "Total: 639 units, 0 congresses held.",
    ]);
    const before = await databaseFingerprint(db.database);
    const second = await cli(db.database, ["org", "import", demoFile, "--lang", "en"]);
    expect(second).toEqual({ code: 0, out: ["No changes: the database already matches the file."], err: [] });
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when status is asked for one grassroots committee, in any letter case, then it counts that subtree only", async () => {
    await cli(db.database, ["org", "import", demoFile]);
    const status = await cli(db.database, ["status", "--unit", "P-GIATHUY"]);
    expect(status.out).toEqual([
      "Đảng bộ phường Gia Thụy (P-GIATHUY)",
      "Đại hội đảng bộ các cấp nhiệm kỳ 2020-2025",
      "Chi bộ trực thuộc: 0/38 đã tổ chức đại hội (0,0%); dự thảo văn kiện 0/38; phương án nhân sự 0/38",
      "Tổng số: 38 đơn vị, 0 đại hội đã tổ chức.",
    ]);
    // Codes are typed as people remember them, like everywhere else.
    expect(await cli(db.database, ["status", "--unit", "p-giathuy"])).toEqual(status);
    const unknown = await cli(db.database, ["status", "--unit", "NOPE"]);
    expect(unknown).toEqual({ code: 2, out: [], err: ['Lỗi: không có đơn vị mã "NOPE"'] });
  });

  it("when a leader is named only by phone, then a person is created and the import says so", async () => {
    const result = await cli(db.database, ["org", "import", smallFile, "--lang", "en"]);
    expect(result.out[0]).toBe(
      'Note: workingGroups[0].leader: +84912000001 is not in people; created a person named "Tổ trưởng Tổ công tác số 1"',
    );
    const leader = await db.database.prisma.person.findFirstOrThrow({ where: { phone: "+84912000001" } });
    expect(leader.name).toBe("Tổ trưởng Tổ công tác số 1");
  });

  it("when a phone is written another way, then it is the same person and nothing changes", async () => {
    await cli(db.database, ["org", "import", smallFile]);
    const rewritten = write("phones.yaml", small.replace(`phone: "0912345678"`, `phone: "+84 912 345 678"`));
    const result = await cli(db.database, ["org", "import", rewritten, "--lang", "en"]);
    expect(result.out.at(-1)).toBe("No changes: the database already matches the file.");
    expect(await db.database.prisma.person.count({ where: { phone: "+84912345678" } })).toBe(1);
  });

  it("when the file changes, then units are updated by code and the tree paths follow a move", async () => {
    await cli(db.database, ["org", "import", smallFile]);
    const changed = write(
      "changed.yaml",
      small
        .replace(`"Chi bộ tổ dân phố số 1"`, `"Chi bộ Tổ dân phố số 1 (mới)"`)
        .replace(
          `{ code: KB, name: "Chi bộ Kho bạc Nhà nước Long Biên", level: grassroots, parent: LB, pilot: 2020-03-04 }`,
          `{ code: KB, name: "Đảng bộ Kho bạc Nhà nước Long Biên", level: grassroots, parent: LB, pilot: 2020-03-04 }\n  - { code: KB-01, name: "Chi bộ Kho bạc 1", level: cell, parent: KB }`,
        )
        .replace(
          `{ code: GT-02, name: "Chi bộ tổ dân phố số 2", level: cell, parent: GT }`,
          `{ code: GT-02, name: "Chi bộ tổ dân phố số 2", level: cell, parent: KB }`,
        ),
    );
    const result = await cli(db.database, ["org", "import", changed, "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(result.out.slice(1)).toEqual([
      "Imported Đảng bộ quận Long Biên:",
      "• add 1 unit(s)",
      "• update 3 unit(s): GT-01 (name), GT-02 (parent), KB (name)",
    ]);
    const units = await db.database.prisma.unit.findMany({
      orderBy: { id: "asc" },
      select: { id: true, code: true, path: true, depth: true },
    });
    const byCode = Object.fromEntries(units.map((unit) => [unit.code, unit]));
    expect(byCode["GT-02"]!.path).toBe(`/${byCode.LB!.id}/${byCode.KB!.id}/${byCode["GT-02"]!.id}/`);
    expect(byCode["KB-01"]!.depth).toBe(2);
    const status = await cli(db.database, ["status", "--unit", "KB", "--lang", "en"]);
    expect(status.out).toContain("Cells: 0/2 held their congress (0.0%); draft documents 0/2; personnel plan 0/2");
  });

  it("when units are missing from the file, then they are listed and kept, and archived only with --prune", async () => {
    await cli(db.database, ["org", "import", smallFile]);
    // Bình, secretary of GT-02, leaves the file too: people missing from a file are kept as they are.
    const smaller = write(
      "smaller.yaml",
      small.replace(/ {2}- \{ code: GT-02.*\n/, "").replace(/ {2}- \{ name: "Trần Thị Bình".*\n/, ""),
    );
    const listed = await cli(db.database, ["org", "import", smaller, "--lang", "en"]);
    expect(listed.out.slice(1)).toEqual([
      "No changes: the database already matches the file.",
      "• 1 stored unit(s) are not in the file: GT-02 (use --prune to archive them)",
    ]);
    expect(await db.database.prisma.unit.count({ where: { archivedAt: null } })).toBe(5);

    const dryRun = await cli(db.database, ["org", "import", smaller, "--prune", "--dry-run", "--lang", "en"]);
    expect(dryRun.out.slice(1)).toEqual([
      "Dry run (--dry-run): nothing written. A real import would:",
      "• archive 1 unit(s) no longer in the file: GT-02",
    ]);
    expect(await db.database.prisma.unit.count({ where: { archivedAt: null } })).toBe(5);

    const pruned = await cli(db.database, ["org", "import", smaller, "--prune", "--lang", "en"]);
    expect(pruned.out.slice(1)).toEqual([
      "Imported Đảng bộ quận Long Biên:",
      "• archive 1 unit(s) no longer in the file: GT-02",
    ]);
    const status = await cli(db.database, ["status", "--lang", "en"]);
    expect(status.out).toContain("Cells: 0/1 held their congress (0.0%); draft documents 0/1; personnel plan 0/1");

    const restored = await cli(db.database, ["org", "import", smallFile, "--lang", "en"]);
    expect(restored.out.slice(1)).toEqual(["Imported Đảng bộ quận Long Biên:", "• restore 1 archived unit(s): GT-02"]);
    expect(await db.database.prisma.unit.count({ where: { archivedAt: null } })).toBe(5);
  });

  it("when --dry-run is given, then it prints what would change and writes nothing", async () => {
    const before = await databaseFingerprint(db.database);
    const result = await cli(db.database, ["org", "import", demoFile, "--dry-run", "--lang", "en"]);
    expect(result.out).toEqual([
      "Dry run (--dry-run): nothing written. A real import would:",
      "• create the organisation",
      "• add 640 unit(s)",
      "• add 685 person(s)",
      "• grant 674 role(s)",
      "• add 7 working group(s)",
      "• create a new campaign",
    ]);
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when roles change in the file, then each listed person's roles become the listed ones", async () => {
    await cli(db.database, ["org", "import", smallFile]);
    const moved = write(
      "roles.yaml",
      small.replace(
        `roles: [{ role: secretary, unit: GT-01 }]`,
        `roles: [{ role: deputy, unit: GT-01 }, { role: reporter, unit: GT }]`,
      ),
    );
    const result = await cli(db.database, ["org", "import", moved, "--lang", "en"]);
    expect(result.out.slice(1)).toEqual([
      "Imported Đảng bộ quận Long Biên:",
      "• grant 2 role(s)",
      "• remove 1 role(s)",
    ]);
    const roles = await db.database.prisma.roleAssignment.findMany({
      where: { person: { phone: "+84912345678" } },
      select: { role: true, unit: { select: { code: true } } },
      orderBy: { id: "asc" },
    });
    expect(roles).toEqual([
      { role: "deputy", unit: { code: "GT-01" } },
      { role: "reporter", unit: { code: "GT" } },
    ]);
    const audit = await db.database.prisma.auditLog.findMany({
      where: { action: "org.import" },
      orderBy: { id: "asc" },
    });
    expect(audit).toHaveLength(2);
    expect(audit[1]!.details).toMatchObject({
      rolesAdded: ["deputy@GT-01", "reporter@GT"],
      rolesRemoved: ["secretary@GT-01"],
    });
  });

  it("when the demo is exported and imported into an empty database, then both hold the same organisation", async () => {
    await cli(db.database, ["org", "import", demoFile]);
    const exportFile = path.join(dir, "export.yaml");
    expect((await cli(db.database, ["org", "export", "--out", exportFile, "--lang", "en"])).out).toEqual([
      `Wrote ${exportFile}.`,
    ]);
    const again = await cli(db.database, ["org", "import", exportFile, "--lang", "en"]);
    expect(again.out).toEqual(["No changes: the database already matches the file."]);

    const other = await createTestDatabase();
    try {
      expect((await cli(other.database, ["org", "import", exportFile])).code).toBe(0);
      const secondExport = await cli(other.database, ["org", "export"]);
      expect(secondExport.out.join("\n")).toBe(readFileSync(exportFile, "utf8").trimEnd());
    } finally {
      await other.drop();
    }
  });

  it("when the organisation is exported as CSV, then the CSV imports back with no change", async () => {
    await cli(db.database, ["org", "import", smallFile]);
    const csvFile = path.join(dir, "export.csv");
    await cli(db.database, ["org", "export", "--format", "csv", "--out", csvFile]);
    expect(readFileSync(csvFile, "utf8").split("\n").slice(0, 3)).toEqual([
      "code,name,level,parent,pilot,secretary_name,secretary_phone",
      "LB,Đảng bộ quận Long Biên,district,,,,",
      "GT,Đảng bộ phường Gia Thụy,grassroots,LB,2020-03-11,,",
    ]);
    const result = await cli(db.database, ["org", "import", csvFile, "--lang", "en"]);
    expect(result.out).toEqual(["No changes: the database already matches the file."]);
  });

  it("when the file gives the head of its documents, then it is stored, exported back, and kept by a CSV import", async () => {
    await cli(db.database, ["org", "import", smallFile]);
    const head =
      'organization: { code: LB, name: "Đảng bộ quận Long Biên", superior: "Đảng bộ thành phố Hà Nội", committee: "Quận ủy Long Biên", place: "Long Biên" }';
    const withHead = write("head.yaml", small.replace(/^organization: .*$/m, head));
    const imported = await cli(db.database, ["org", "import", withHead]);
    // (The small file's leader, named only by phone, is warned about on every import.)
    expect(imported.out.slice(-2)).toEqual([
      "Đã nhập Đảng bộ quận Long Biên:",
      "• cập nhật tên cấp ủy cấp trên, cấp ủy ban hành hoặc địa danh ghi trên văn bản",
    ]);
    const given = {
      code: "LB",
      name: "Đảng bộ quận Long Biên",
      superior: "Đảng bộ thành phố Hà Nội",
      committee: "Quận ủy Long Biên",
      place: "Long Biên",
    };
    const exportedHead = async () =>
      (parse((await cli(db.database, ["org", "export"])).out.join("\n")) as { organization: unknown }).organization;
    expect(await exportedHead()).toEqual(given);
    // The CSV form has no organisation section: it leaves the stored head as it is.
    const csvFile = path.join(dir, "head.csv");
    await cli(db.database, ["org", "export", "--format", "csv", "--out", csvFile]);
    expect((await cli(db.database, ["org", "import", csvFile])).out).toContain(
      "Không có gì thay đổi: dữ liệu đã khớp với tệp.",
    );
    expect(await exportedHead()).toEqual(given);
    // A YAML file without them clears them: the file is the organisation.
    expect((await cli(db.database, ["org", "import", smallFile])).out).toContain(
      "• cập nhật tên cấp ủy cấp trên, cấp ủy ban hành hoặc địa danh ghi trên văn bản",
    );
  });

  it("when a CSV is imported into an empty database, then units and their secretaries are created", async () => {
    const csvFile = write(
      "units.csv",
      "code,name,level,parent,pilot,secretary_name,secretary_phone\n" +
        "LB,Đảng bộ quận Long Biên,district,,,,\n" +
        "GT,Đảng bộ phường Gia Thụy,grassroots,LB,11/03/2020,Lê Văn Cường,0904 111 222\n" +
        "GT-01,Chi bộ Tổ dân phố số 1,cell,GT,,Nguyễn Văn An,0912345678\n",
    );
    const result = await cli(db.database, ["org", "import", csvFile, "--lang", "en"]);
    expect(result.out).toEqual([
      "Imported Đảng bộ quận Long Biên:",
      "• create the organisation",
      "• add 3 unit(s)",
      "• add 2 person(s)",
      "• grant 2 role(s)",
    ]);
    const gt = await db.database.prisma.unit.findFirstOrThrow({ where: { code: "GT" } });
    expect(gt.pilotDate?.toISOString()).toBe("2020-03-11T00:00:00.000Z");
  });

  it("when the command is unknown or an option is wrong, then it says so and exits non-zero", async () => {
    expect(await cli(db.database, ["frobnicate", "--lang", "en"])).toEqual({
      code: 2,
      out: [],
      err: ['Error: unknown command "frobnicate"'],
    });
    expect(await cli(db.database, ["org", "import", smallFile, "--force", "--lang", "en"])).toEqual({
      code: 2,
      out: [],
      err: ['Error: unknown option "--force"'],
    });
    // Not an argument error (2): the command is right, the database has nothing to act on yet.
    expect(await cli(db.database, ["status", "--lang", "en"])).toEqual({
      code: 1,
      out: [],
      err: ["Error: there is no organisation in the database yet; import one first: npm run cli -- org import FILE"],
    });
  });
});
