// Reading organisation files: large files read in pieces give exactly the values of a whole read, an alias
// bomb is refused at its place, and phones from before 2018 become today's numbers with a note per place.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readOrgFile, readYamlValue } from "../../src/domain/org-file.js";

const demo = readFileSync(new URL("../../examples/long-bien.yaml", import.meta.url), "utf8");
const small = readFileSync(new URL("../fixtures/small-org.yaml", import.meta.url), "utf8");

describe("reading a large file in pieces", () => {
  it.each([
    ["the demo district", demo],
    ["the small file", small],
    [
      "a file with comments, blank lines and block-style items",
      `${small}  # a comment at the item's indentation\n\n  - name: "Tổ công tác số 2"\n    leader: "0913222111"\n    units:\n      - KB\n`,
    ],
    ["a file with CRLF line ends", small.replace(/\n/g, "\r\n")],
  ])("when %s is read in pieces of 7 items, then the values equal a whole read", (_name, text) => {
    const whole = readYamlValue(text, { chunkedFromChars: Number.POSITIVE_INFINITY });
    const pieces = readYamlValue(text, { chunkedFromChars: 0, chunkItems: 7 });
    expect(whole.ok).toBe(true);
    expect(pieces).toEqual(whole);
  });

  it("when a large file has a syntax error, then its problem is named at its line as in a whole read", () => {
    const text = small.replace(`level: cell, parent: GT }`, `level: cell, parent: GT`);
    const pieces = readYamlValue(text, { chunkedFromChars: 0, chunkItems: 2 });
    expect(pieces).toEqual(readYamlValue(text, { chunkedFromChars: Number.POSITIVE_INFINITY }));
    expect(pieces.ok).toBe(false);
  });

  it("when a large file uses an anchor and its alias in different pieces, then it reads as a whole read does", () => {
    const text = small
      .replace(`roles: [{ role: secretary, unit: GT-01 }]`, `roles: &an [{ role: secretary, unit: GT-01 }]`)
      .replace(
        `roles: [{ role: secretary, unit: GT-02 }]`,
        `roles: [{ role: secretary, unit: GT-02 }] }\n  - name: "Lê Văn Cường"\n    phone: "0913222112"\n    roles: *an\n  - { name: "Lê Thị Dung", phone: "0913222113"`,
      );
    const pieces = readYamlValue(text, { chunkedFromChars: 0, chunkItems: 1 });
    expect(pieces.ok).toBe(true);
    expect(pieces).toEqual(readYamlValue(text, { chunkedFromChars: Number.POSITIVE_INFINITY }));
  });
});

describe("an alias bomb", () => {
  const laughs = [
    `organization: { code: LB, name: "Đảng bộ quận Long Biên" }`,
    `a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`,
    ...["b", "c", "d", "e", "f", "g", "h", "i"].map((name, index) => {
      const previous = "abcdefgh"[index]!;
      return `${name}: &${name} [${Array.from({ length: 10 }, () => `*${previous}`).join(", ")}]`;
    }),
  ].join("\n");

  it("when a file's aliases would expand to a billion entries, then it is refused at the alias that crosses the limit", () => {
    // a: 11 nodes; b adds 10 × 11, c 10 × 111, d 10 × 1,111; e's 8th alias (of 11,111 each) passes 100,000:
    // `e: &e [` then `*d, ` 7 times puts it at column 36.
    const result = readOrgFile(laughs, "yaml");
    expect(result).toEqual({
      ok: false,
      problems: [{ path: "line 6, column 36", code: "yaml-aliases", args: { value: "d", max: 100_000 } }],
    });
  });

  it("when a file uses aliases modestly, then they are expanded", () => {
    const text = small
      .replace(`roles: [{ role: secretary, unit: GT-01 }]`, `roles: &an [{ role: secretary, unit: GT-01 }]`)
      .replace(
        `roles: [{ role: secretary, unit: GT-02 }]`,
        `roles: [{ role: secretary, unit: GT-02 }] }\n  - name: "Lê Văn Cường"\n    phone: "0913222112"\n    roles: *an\n  - { name: "Lê Thị Dung", phone: "0913222113"`,
      );
    const result = readOrgFile(text, "yaml");
    expect(result.ok && result.definition.people[2]!.roles).toEqual([{ role: "secretary", unitCode: "GT-01" }]);
  });
});

describe("phones from before the 2018 renumbering", () => {
  it("when people and working groups have old numbers, then they become today's with a note at each place", () => {
    const text = small
      .replace(`phone: "0913222111"`, `phone: "0168 123 4567"`)
      .replace(`leader: "0912000001", members: []`, `leader: "+84 199 765 4321", members: ["01681234567"]`);
    const result = readOrgFile(text, "yaml");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.definition.people.map((person) => person.phone)).toEqual([
      "+84912345678",
      "+84381234567",
      "+84597654321",
    ]);
    expect(result.definition.workingGroups![0]!.memberPhones).toEqual(["+84381234567"]);
    expect(result.warnings).toEqual([
      { path: "people[1].phone", code: "phone-renumbered", args: { value: "0168 123 4567", phone: "0381 234 567" } },
      {
        path: "workingGroups[0].leader",
        code: "phone-renumbered",
        args: { value: "+84 199 765 4321", phone: "0597 654 321" },
      },
      {
        path: "workingGroups[0].members[0]",
        code: "phone-renumbered",
        args: { value: "01681234567", phone: "0381 234 567" },
      },
      {
        path: "workingGroups[0].leader",
        code: "leader-not-in-people",
        args: { value: "+84597654321", name: "Tổ trưởng Tổ công tác số 1" },
      },
    ]);
  });

  it("when a CSV row has an old number, then the note names the row", () => {
    const csv =
      "code,name,level,parent,pilot,secretary_name,secretary_phone\nLB,Đảng bộ quận Long Biên,district,,,,\nGT,Đảng bộ phường Gia Thụy,grassroots,LB,,Nguyễn Văn An,0123 456 7890\n";
    const result = readOrgFile(csv, "csv");
    expect(result.ok && result.definition.people).toEqual([
      { name: "Nguyễn Văn An", phone: "+84834567890", locale: null, roles: [{ role: "secretary", unitCode: "GT" }] },
    ]);
    expect(result.ok && result.warnings).toEqual([
      {
        path: "row 3.secretary_phone",
        code: "phone-renumbered",
        args: { value: "0123 456 7890", phone: "0834 567 890" },
      },
    ]);
  });
});
