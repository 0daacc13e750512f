// The narrative report as a .docx (the `docx` library, pure JavaScript) that the office opens in Word,
// edits and signs: the party document's head (as the summary sheet's), "BÁO CÁO" and its subject, then
// numbered sections in the register of the offices' own reports ("Đến ngày 26/02/2020, đã có 253/587 chi
// bộ trực thuộc 20 đảng ủy cơ sở tổ chức xong đại hội, đạt 43,1%…"), and the signature block. Times New
// Roman 14 on A4, the margins of party documents. Every sentence comes from the locale files.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ExportData } from "../domain/export-rows.js";
import { formatLocalDate } from "../domain/local-date.js";
import { progressNarrative, type ProgressNarrative } from "../domain/progress-narrative.js";
import { formatPercent, type Locale, type Translate } from "../i18n.js";
import { renderElectionStats } from "./election-stats-text.js";
import { documentHead } from "./export-summary-sheet.js";
import { documentFont } from "./export-workbook.js";
import { renderUnitLabel } from "./unit-label.js";

/** 14 pt body text, in half-points as Word counts. */
const bodySize = 28;
const cm = (value: number) => Math.round((value * 1440) / 2.54);

const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

function line(text: string, options: { bold?: boolean; italic?: boolean; underline?: boolean; size?: number } = {}) {
  return new TextRun({
    text,
    font: documentFont,
    size: options.size ?? bodySize,
    ...(options.bold && { bold: true }),
    ...(options.italic && { italics: true }),
    ...(options.underline && { underline: {} }),
  });
}

const centred = (runs: TextRun[], after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: runs });

/** A body paragraph: justified, first line indented, as reports are typed. */
const body = (text: string, options: { bold?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: cm(1) },
    spacing: { after: 120, line: 300 },
    children: [line(text, options)],
  });

/** The report's sentences, section by section (what the test reads back, and what docs/ shows). */
export function narrativeSections(
  t: Translate,
  locale: Locale,
  narrative: ProgressNarrative,
  data: Pick<ExportData, "statistics">,
): { title: string; paragraphs: string[] }[] {
  const percent = (part: number, whole: number) => formatPercent(part, whole, locale);
  const date = formatLocalDate(narrative.asOf);
  const sections: { title: string; paragraphs: string[] }[] = [];
  const { cells, partial, grassroots } = narrative;
  if (cells) {
    sections.push({
      title: t("narrative-section", { section: "cells" }),
      paragraphs: [
        t("narrative-cells", {
          date,
          held: cells.held,
          total: cells.total,
          committees: cells.committees,
          percent: percent(cells.held, cells.total),
          scheduled: cells.scheduled,
          rest: cells.total - cells.held - cells.scheduled,
        }),
        ...(partial
          ? [
              t("narrative-partial", {
                held: partial.held,
                total: partial.total,
                percent: percent(partial.held, partial.total),
              }),
            ]
          : []),
      ],
    });
  }
  if (grassroots) {
    const pilots = narrative.pilots.map((pilot) =>
      t("narrative-pilot", {
        state: pilot.state,
        unit: renderUnitLabel(t, pilot.unit),
        date: formatLocalDate(pilot.date),
      }),
    );
    sections.push({
      title: t("narrative-section", { section: "grassroots" }),
      paragraphs: [
        t("narrative-grassroots", {
          date,
          held: grassroots.held,
          total: grassroots.total,
          percent: percent(grassroots.held, grassroots.total),
          scheduled: grassroots.scheduled,
        }),
        ...pilots,
      ],
    });
    sections.push({
      title: t("narrative-section", { section: "preparation" }),
      paragraphs: [
        t("narrative-documents", {
          done: grassroots.documents,
          total: grassroots.total,
          percent: percent(grassroots.documents, grassroots.total),
          pending: grassroots.drafting.length,
          list: grassroots.drafting.map((unit) => renderUnitLabel(t, unit)).join(", "),
        }),
        t("narrative-personnel", {
          done: grassroots.personnel,
          total: grassroots.total,
          percent: percent(grassroots.personnel, grassroots.total),
        }),
      ],
    });
  }
  const elections = renderElectionStats(t, locale, data.statistics.elections, { shortListMax: 10 });
  sections.push({
    title: t("narrative-section", { section: "elections" }),
    paragraphs: elections.length > 0 ? elections.slice(1).map((text) => text.trim()) : [t("narrative-no-elections")],
  });
  sections.push({
    title: t("narrative-section", { section: "difficulties" }),
    paragraphs:
      narrative.difficulties.length > 0
        ? narrative.difficulties.map((difficulty) =>
            difficulty.text === null
              ? t("narrative-difficulty-hidden", { unit: difficulty.unit })
              : t("narrative-difficulty", { unit: difficulty.unit, text: difficulty.text }),
          )
        : [t("narrative-no-difficulties")],
  });
  return sections.map((section, index) => ({ ...section, title: `${index + 1}. ${section.title}` }));
}

export async function writeProgressReportDocx(
  data: ExportData,
  options: { t: Translate; locale: Locale; timeZone: string },
): Promise<Buffer> {
  const { t, locale, timeZone } = options;
  const narrative = progressNarrative(data);
  const { issuer, party, dated } = documentHead(data, t, timeZone);
  const cell = (paragraphs: Paragraph[]) =>
    new TableCell({ borders: noBorders, width: { size: 50, type: WidthType.PERCENTAGE }, children: paragraphs });
  const head = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cell([
            ...issuer.map((text, index) => centred([line(text, { bold: index === issuer.length - 1, size: 26 })])),
            centred([line("*", { size: 26 })]),
          ]),
          cell([
            centred([line(party, { bold: true, underline: true, size: 26 })]),
            centred([line("")]),
            centred([line(dated, { italic: true })]),
          ]),
        ],
      }),
    ],
  });
  const title = [
    centred([line(t("narrative-title"), { bold: true, size: 32 })], 60),
    centred([line(t("narrative-subject", { campaign: narrative.campaign ?? "none" }), { bold: true })], 60),
    centred([line(t("narrative-as-of", { date: formatLocalDate(narrative.asOf) }), { italic: true })], 240),
  ];
  const sections = narrativeSections(t, locale, narrative, data).flatMap((section) => [
    new Paragraph({ spacing: { before: 120, after: 120 }, children: [line(section.title, { bold: true })] }),
    ...section.paragraphs.map((text) => body(text)),
  ]);
  const signature = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cell([new Paragraph({ children: [] })]),
          cell([
            centred([line(t("export-summary-signed"), { bold: true })]),
            centred([line(t("export-summary-signature-note"), { italic: true })]),
          ]),
        ],
      }),
    ],
  });
  const document = new Document({
    creator: "Trợ lý Đại hội",
    title: t("narrative-title"),
    styles: { default: { document: { run: { font: documentFont, size: bodySize } } } },
    sections: [
      {
        // A4 portrait, the margins party documents use (top and bottom 2 cm, left 3 cm, right 1.5 cm).
        properties: {
          page: {
            size: { width: cm(21), height: cm(29.7) },
            margin: { top: cm(2), bottom: cm(2), left: cm(3), right: cm(1.5) },
          },
        },
        children: [
          head,
          new Paragraph({ children: [] }),
          ...title,
          ...sections,
          new Paragraph({ children: [] }),
          signature,
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(document));
}
