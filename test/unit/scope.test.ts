// Who may export which subtrees.
import { describe, expect, it } from "vitest";
import { exportRoots, mayExport, type ExportUnit } from "../../src/domain/export-permissions.js";

const unit = (code: string, level: ExportUnit["level"], path: string): ExportUnit => ({ id: Number(path.split("/").at(-2)), code, name: code, level, path });
const LB = unit("LB", "district", "/1/");
const GT = unit("GT", "grassroots", "/1/2/");
const GT07 = unit("GT-07", "cell", "/1/2/3/");
const NT = unit("NT", "grassroots", "/1/4/");
const NTA = unit("NT-A", "partial", "/1/4/5/");
const KB = unit("KB", "grassroots", "/1/6/");

const codes = (units: ExportUnit[]) => units.map((root) => root.code);

describe("export permissions", () => {
  it("when a person is on the standing committee or an admin, then they export the unit they hold the role on", () => {
    expect(codes(exportRoots({ roles: [{ role: "standing", unit: LB }], ledGroupUnits: [] }))).toEqual(["LB"]);
    expect(codes(exportRoots({ roles: [{ role: "admin", unit: NT }], ledGroupUnits: [] }))).toEqual(["NT"]);
  });

  it("when a person leads a working group, then they export its units; a grassroots secretary exports their subtree", () => {
    expect(codes(exportRoots({ roles: [], ledGroupUnits: [GT, KB] }))).toEqual(["GT", "KB"]);
    expect(codes(exportRoots({ roles: [{ role: "secretary", unit: GT }], ledGroupUnits: [] }))).toEqual(["GT"]);
    expect(codes(exportRoots({ roles: [{ role: "secretary", unit: LB }], ledGroupUnits: [] }))).toEqual(["LB"]);
  });

  it("when a person is only a cell's or a partial committee's secretary, a deputy or a reporter, then they export nothing", () => {
    expect(exportRoots({ roles: [{ role: "secretary", unit: GT07 }], ledGroupUnits: [] })).toEqual([]);
    expect(exportRoots({ roles: [{ role: "secretary", unit: NTA }], ledGroupUnits: [] })).toEqual([]);
    expect(exportRoots({ roles: [{ role: "deputy", unit: GT }, { role: "reporter", unit: GT }], ledGroupUnits: [] })).toEqual([]);
    expect(exportRoots({ roles: [], ledGroupUnits: [] })).toEqual([]);
  });

  it("when one role's subtree holds another's, then only the wider one is kept, whatever the order", () => {
    expect(codes(exportRoots({ roles: [{ role: "secretary", unit: GT }, { role: "standing", unit: LB }], ledGroupUnits: [KB] }))).toEqual(["LB"]);
    expect(codes(exportRoots({ roles: [{ role: "admin", unit: NT }, { role: "secretary", unit: NT }], ledGroupUnits: [NT, GT] }))).toEqual(["NT", "GT"]);
  });

  it("when a unit is asked for, then it must lie inside one of the subtrees (paths are compared whole, /1/2/ is not /1/22/)", () => {
    const roots = [GT, KB];
    expect(mayExport(roots, GT07)).toBe(true);
    expect(mayExport(roots, GT)).toBe(true);
    expect(mayExport(roots, NT)).toBe(false);
    expect(mayExport(roots, LB)).toBe(false);
    expect(mayExport(roots, unit("X", "cell", "/1/22/"))).toBe(false);
  });
});
