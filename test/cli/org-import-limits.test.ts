// Organisation files at the edges: an alias bomb and a file too large are refused in the person's language
// with their place and nothing written; phones from before 2018 are imported as today's numbers, with a note.
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maxOrgFileBytes } from "../../src/cli/run-cli.js";
import { normalizeVietnamesePhone } from "../../src/domain/phone.js";
import { cli } from "../support/cli.js";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../support/test-database.js";

const base = readFileSync(new URL("../fixtures/small-org.yaml", import.meta.url), "utf8");
const dir = mkdtempSync(path.join(tmpdir(), "daihoi-limits-"));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const laughs = [
  `organization: { code: LB, name: "Đảng bộ quận Long Biên" }`,
  `a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`,
  ...["b", "c", "d", "e", "f", "g", "h", "i"].map(
    (name, index) => `${name}: &${name} [${Array.from({ length: 10 }, () => `*${"abcdefgh"[index]}`).join(", ")}]`,
  ),
].join("\n");

describe("org import at the edges", () => {
  let db: TestDatabase;
  let before: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    expect((await cli(db.database, ["org", "import", write("good.yaml", base)])).code).toBe(0);
    before = await databaseFingerprint(db.database);
  });
  afterAll(async () => db?.drop());

  it("when a file is an alias bomb, then it is refused in English at the alias's place and nothing changes", async () => {
    const file = write("laughs.yaml", laughs);
    const result = await cli(db.database, ["org", "import", file, "--lang", "en"]);
    expect(result).toEqual({
      code: 1,
      out: [],
      err: [
        `${file} has 1 problem(s); nothing was written to the database:`,
        'line 6, column 36: the file repeats the named part "d" (& and *) so often that it would grow beyond 100,000 entries; write the entries out instead of using & and *',
      ],
    });
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when a file is an alias bomb, then it is refused in Vietnamese", async () => {
    const file = write("laughs-vi.yaml", laughs);
    const result = await cli(db.database, ["org", "import", file]);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      `Tệp ${file} có 1 lỗi; chưa ghi gì vào cơ sở dữ liệu:`,
      'line 6, column 36: tệp dùng lại phần đặt tên "d" (dấu & và *) quá nhiều lần, khi mở rộng sẽ vượt 100.000 mục; xin viết đầy đủ từng mục, không dùng & và *',
    ]);
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when a file is larger than the limit, then it is refused before it is read, in either language", async () => {
    const file = path.join(dir, "huge.yaml");
    writeFileSync(file, "");
    truncateSync(file, maxOrgFileBytes + 1); // sparse: the size is what is checked
    const en = await cli(db.database, ["org", "import", file, "--lang", "en"]);
    expect(en).toEqual({
      code: 1,
      out: [],
      err: [
        `Error: ${file} is too large (65 MB; at most 64 MB); nothing was written to the database. A 100,000-unit organisation is about 12 MB: check that this is the right file.`,
      ],
    });
    const vi = await cli(db.database, ["org", "import", file]);
    expect(vi.err).toEqual([
      `Lỗi: tệp ${file} quá lớn (65 MB; tối đa 64 MB); không có gì được ghi vào cơ sở dữ liệu. Tệp của 100.000 đơn vị chỉ khoảng 12 MB: xin kiểm tra lại đúng tệp chưa.`,
    ]);
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it("when people have numbers from before 2018, then today's numbers are stored, the import notes each, and a shared contact finds them", async () => {
    const file = write(
      "old-phones.yaml",
      base
        .replace(`phone: "0913222111"`, `phone: "0168 123 4567"`)
        .replace(`leader: "0912000001", members: []`, `leader: "0912000001", members: ["+84 168 123 4567"]`),
    );
    const result = await cli(db.database, ["org", "import", file, "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(result.err).toEqual([]);
    expect(result.out).toEqual([
      "Note: people[1].phone: 0168 123 4567 is a mobile number from before the 2018 renumbering; imported as today's number 0381 234 567",
      "Note: workingGroups[0].members[0]: +84 168 123 4567 is a mobile number from before the 2018 renumbering; imported as today's number 0381 234 567",
      'Note: workingGroups[0].leader: +84912000001 is not in people; created a person named "Tổ trưởng Tổ công tác số 1"',
      "Imported Đảng bộ quận Long Biên:",
      "• add 1 person(s)",
      "• grant 1 role(s)",
      "• update 1 working group(s): Tổ công tác số 1",
    ]);
    // Telegram shares today's number, in its own form: it finds the person the file named by the old one.
    const shared = normalizeVietnamesePhone("84381234567")!;
    const person = await db.database.prisma.person.findFirst({
      where: { phone: shared },
      select: { name: true, roles: { select: { role: true } } },
    });
    expect(person).toEqual({ name: "Trần Thị Bình", roles: [{ role: "secretary" }] });
    expect(await db.database.prisma.person.count({ where: { phone: { startsWith: "+84168" } } })).toBe(0);

    const again = await cli(db.database, ["org", "import", file]);
    expect(again.out).toEqual([
      "Lưu ý: people[1].phone: số 0168 123 4567 là số di động cũ (trước khi đổi đầu số năm 2018); đã nhập thành số mới 0381 234 567",
      "Lưu ý: workingGroups[0].members[0]: số +84 168 123 4567 là số di động cũ (trước khi đổi đầu số năm 2018); đã nhập thành số mới 0381 234 567",
      'Lưu ý: workingGroups[0].leader: số +84912000001 không có trong danh sách people; đã tạo người tên "Tổ trưởng Tổ công tác số 1"',
      "Không có gì thay đổi: dữ liệu đã khớp với tệp.",
    ]);
  });
});
