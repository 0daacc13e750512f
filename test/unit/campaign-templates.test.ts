// Campaign templates as data: the built-in ones read cleanly with the same checks as an office's file,
// the congress template gives exactly the plan every congress screen judges by, and a bad template file
// is refused with every problem at its place, each explained in both languages.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtInTemplates } from "../../src/campaign-templates.js";
import { congressPlan } from "../../src/domain/campaign-plan.js";
import { readTemplateFile } from "../../src/domain/campaign-template-file.js";
import { templatePlan } from "../../src/domain/campaign-template.js";
import { readOrgFile } from "../../src/domain/org-file.js";
import { milestoneWords } from "../../src/domain/report-line.js";
import { createI18n, translatorFor } from "../../src/i18n.js";

const example = readFileSync(new URL("../../examples/templates/gop-y-van-kien.yaml", import.meta.url), "utf8");
const i18n = createI18n({ defaultLocale: "vi" });

describe("built-in templates", () => {
  it("when the built-in templates are read, then there are the congress, review, study and meeting", () => {
    expect([...builtInTemplates().keys()]).toEqual(["congress", "review", "study", "meeting"]);
  });

  it("when the congress template's plan is built, then it is the congress plan every congress screen uses", () => {
    expect(templatePlan(builtInTemplates().get("congress")!)).toEqual(congressPlan);
  });

  it("when the congress template names its milestones, then the one-line form's words name the same ones", () => {
    const congress = builtInTemplates().get("congress")!;
    const fromTemplate = Object.fromEntries(
      congress.milestones.flatMap((milestone) => milestone.words.map((word) => [word, milestone.key])),
    );
    expect(fromTemplate).toEqual(milestoneWords);
  });

  it("when the monthly meeting is reported as held or as not held, then each settles the other", () => {
    const plan = templatePlan(builtInTemplates().get("meeting")!);
    expect(plan.milestones.map((item) => [item.key, item.closes])).toEqual([
      ["met", ["skipped"]],
      ["skipped", ["met"]],
    ]);
    expect(plan.final).toBe("met");
  });

  it("when an office's example template is read, then it reads cleanly with its two milestones", () => {
    const result = readTemplateFile(example);
    expect(result.ok && result.template.milestones.map((milestone) => milestone.key)).toEqual(["discussed", "sent"]);
  });
});

/** The example with one change: `from` replaced by `to` (which must occur). */
function changed(from: string, to: string): string {
  expect(example).toContain(from);
  return example.replace(from, to);
}

const badFiles: [name: string, text: string, problems: { path: string; code: string }[]][] = [
  [
    "a YAML syntax error",
    changed("recurrence: once", "recurrence: [once"),
    [{ path: "line 10, column 1", code: "yaml-syntax" }],
  ],
  ["no key", changed("key: gop-y-van-kien\n", ""), [{ path: "key", code: "required" }]],
  ["a key with accents", changed("key: gop-y-van-kien", "key: góp-ý"), [{ path: "key", code: "template-key-format" }]],
  [
    "a built-in template's key",
    changed("key: gop-y-van-kien", "key: review"),
    [{ path: "key", code: "template-key-built-in" }],
  ],
  ["a misspelt section", changed("statistics:", "statistic:"), [{ path: "statistic", code: "unknown-key" }]],
  [
    "no English name",
    changed("  en: Comments on the draft congress documents\n", ""),
    [{ path: "name.en", code: "required" }],
  ],
  [
    "a recurrence that does not exist",
    changed("recurrence: once", "recurrence: weekly"),
    [{ path: "recurrence", code: "one-of" }],
  ],
  [
    "two milestones with one key",
    changed("  - key: sent", "  - key: discussed"),
    [
      { path: "milestones[1].key", code: "duplicate-code" },
      // What named the renamed milestone now names none: every problem is told, not the first.
      { path: "statistics[2].milestone", code: "unknown-milestone" },
      { path: "deadlines.cell.sent", code: "unknown-milestone" },
    ],
  ],
  [
    "one word for two milestones",
    changed("words: [gopy, sent]", "words: [thaoluan, sent]"),
    [{ path: "milestones[1].words[0]", code: "duplicate-word" }],
  ],
  [
    "a word with accents",
    changed("words: [gopy, sent]", "words: [góp, sent]"),
    [{ path: "milestones[1].words[0]", code: "word-format" }],
  ],
  [
    "closing a milestone that does not exist",
    changed(
      "    date: required\n    fields:\n      - key: soykien",
      "    date: required\n    closes: [planned]\n    fields:\n      - key: soykien",
    ),
    [{ path: "milestones[1].closes[0]", code: "unknown-milestone" }],
  ],
  [
    "a milestone closing itself",
    changed(
      "    date: required\n    fields:\n      - key: soykien",
      "    date: required\n    closes: [sent]\n    fields:\n      - key: soykien",
    ),
    [{ path: "milestones[1].closes[0]", code: "closes-itself" }],
  ],
  [
    "a field type that does not exist",
    changed("      - key: soykien\n        type: count", "      - key: soykien\n        type: number"),
    [{ path: "milestones[1].fields[0].type", code: "one-of" }],
  ],
  [
    "a range upside down",
    changed("        max: 100000", "        min: 10\n        max: 5"),
    [{ path: "milestones[1].fields[0].max", code: "range-order" }],
  ],
  [
    "a range on a text field",
    changed("        maxLength: 500", "        maxLength: 500\n        max: 3"),
    [{ path: "milestones[1].fields[1].max", code: "range-only-for-count" }],
  ],
  [
    "a choice with one option",
    changed(
      "      - key: ghichu\n        type: text",
      "      - key: ghichu\n        type: choice\n        choices:\n          - { key: co, label: { vi: Có, en: Yes } }",
    ),
    [{ path: "milestones[1].fields[1].choices", code: "choices-too-few" }],
  ],
  [
    "a rule naming a field the milestone lacks",
    changed("      - comat <= tong", "      - comat <= tongso"),
    [{ path: "milestones[0].rules[0]", code: "unknown-field" }],
  ],
  [
    "a rule in words",
    changed("      - comat <= tong", "      - comat less than tong"),
    [{ path: "milestones[0].rules[0]", code: "rule-format" }],
  ],
  [
    "a rule adding a text field",
    changed("statistics:", "    rules:\n      - soykien <= ghichu\nstatistics:"),
    [{ path: "milestones[1].rules[0]", code: "not-a-count" }],
  ],
  [
    "a figure of a milestone that does not exist",
    changed("    milestone: discussed\n    text:", "    milestone: discuss\n    text:"),
    [{ path: "statistics[0].milestone", code: "unknown-milestone" }],
  ],
  [
    "a figure with a placeholder its kind has not",
    changed(
      '({share})"\n      en: "{done}/{total} cells have discussed',
      '({percent})"\n      en: "{done}/{total} cells have discussed',
    ),
    [{ path: "statistics[0].text.vi", code: "placeholder" }],
  ],
  [
    "a ratio without its denominator",
    changed("    denominator: [tong]\n", ""),
    [{ path: "statistics[1].denominator", code: "required" }],
  ],
  [
    "a ratio of a text field",
    changed("    numerator: [comat]", "    numerator: [ghichu]"),
    [{ path: "statistics[1].numerator[0]", code: "unknown-field" }],
  ],
  [
    "a figure for a level the template does not ask",
    changed("  - kind: reached\n    milestone: sent", "  - kind: reached\n    level: grassroots\n    milestone: sent"),
    [{ path: "statistics[2].level", code: "level-not-asked" }],
  ],
  [
    "a deadline for a milestone that does not exist",
    changed("cell: { discussed: 20, sent: 25 }", "cell: { discussed: 20, send: 25 }"),
    [{ path: "deadlines.cell.send", code: "unknown-milestone" }],
  ],
  [
    "a deadline that is not a number of days",
    changed("sent: 25 }", "sent: 31/12 }"),
    [{ path: "deadlines.cell.sent", code: "whole-number" }],
  ],
  [
    "a monthly deadline past any month's end",
    changed("recurrence: once", "recurrence: monthly").replace("sent: 25 }", "sent: 40 }"),
    [{ path: "deadlines.cell.sent", code: "whole-number" }],
  ],
  [
    "a final milestone that does not exist",
    changed("recurrence: once", "recurrence: once\nfinal: done"),
    [{ path: "final", code: "unknown-milestone" }],
  ],
  [
    "two milestones naming a later event's date",
    changed(
      "    date: required\n    fields:\n      - key: comat",
      "    date: laterEvent\n    fields:\n      - key: comat",
    ).replace(
      "    date: required\n    fields:\n      - key: soykien",
      "    date: laterEvent\n    fields:\n      - key: soykien",
    ),
    [{ path: "milestones[1].date", code: "several-later-event" }],
  ],
  [
    "several problems at once",
    changed("key: gop-y-van-kien", "key: review")
      .replace("words: [gopy, sent]", "words: [thaoluan, sent]")
      .replace("      - comat <= tong", "      - comat <= tongso"),
    [
      { path: "milestones[0].rules[0]", code: "unknown-field" },
      { path: "milestones[1].words[0]", code: "duplicate-word" },
      { path: "key", code: "template-key-built-in" },
    ],
  ],
];

describe("a bad template file", () => {
  it.each(badFiles)("when it has %s, then it is refused with the problem at its place", (_name, text, expected) => {
    const result = readTemplateFile(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(({ path, code }) => ({ path, code }))).toEqual(expected);
    for (const locale of ["vi", "en"] as const) {
      const t = translatorFor(i18n, locale);
      for (const problem of result.problems) {
        const message = t(`org-problem-${problem.code}`, problem.args);
        expect(message).not.toContain("org-problem-");
        expect(message).not.toMatch(/\{\s*\$/);
      }
    }
  });

  it("when the cases are counted, then there are at least fifteen different problems", () => {
    expect(
      new Set(badFiles.flatMap(([, , problems]) => problems.map((problem) => problem.code))).size,
    ).toBeGreaterThanOrEqual(15);
  });
});

describe("campaigns in the organisation file", () => {
  const small = readFileSync(new URL("../fixtures/small-org.yaml", import.meta.url), "utf8");
  /** The small organisation with these `campaigns:` lines. */
  const withCampaigns = (lines: string) => small.replace("\nunits:\n", `\ncampaigns:\n${lines}\nunits:\n`);
  const problemsOf = (text: string) => {
    const result = readOrgFile(text, "yaml");
    return result.ok ? [] : result.problems.map(({ path, code }) => ({ path, code }));
  };

  it("when campaigns are listed beside the congress, then each is read with its deadlines as written", () => {
    const result = readOrgFile(
      withCampaigns(
        '  - { key: kiemdiem2026, name: "Kiểm điểm 2026", template: review, opens: 2026-12-01, deadlines: { cell: { meeting: 2026-12-20 } } }\n  - { key: sinhhoat, name: "Sinh hoạt", template: meeting, deadlines: { cell: 25 } }',
      ),
      "yaml",
    );
    expect(result.ok && result.definition.campaign?.name).toBe("Đại hội đảng bộ các cấp nhiệm kỳ 2020-2025");
    expect(result.ok && result.definition.templateCampaigns?.map((c) => [c.key, c.template, c.deadlines])).toEqual([
      ["kiemdiem2026", "review", [{ level: "cell", milestone: "meeting", value: "2026-12-20" }]],
      ["sinhhoat", "meeting", [{ level: "cell", milestone: null, value: "25" }]],
    ]);
  });

  it.each([
    [
      "a key with capitals",
      '  - { key: KiemDiem, name: "A", template: review }',
      "campaigns[0].key",
      "campaign-key-format",
    ],
    [
      "a second congress",
      '  - { key: daihoi, name: "B", template: congress }',
      "campaigns[0].template",
      "several-congresses",
    ],
    [
      "the congress's name again",
      '  - { key: kd, name: "Đại hội đảng bộ các cấp nhiệm kỳ 2020-2025", template: review }',
      "campaigns[0].name",
      "duplicate-campaign-name",
    ],
    [
      "terms for a review",
      '  - { key: kd, name: "C", template: review, terms: { cell: "2026" } }',
      "campaigns[0].terms",
      "terms-only-for-congress",
    ],
    [
      "a deadline that is neither a date nor a day",
      '  - { key: kd, name: "D", template: review, deadlines: { cell: soon } }',
      "campaigns[0].deadlines.cell",
      "date-or-day",
    ],
  ])("when a campaign has %s, then the file is refused at its place", (_name, lines, path, code) => {
    expect(problemsOf(withCampaigns(lines))).toContainEqual({ path, code });
  });
});
