// The progress chart of the demo district, drawn from a real database: its size, that it shows the bars
// the data calls for, and that Vietnamese text is drawn with the shipped font. The PNGs are saved under
// test-artifacts/ for people to look at.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progressChartFor } from "../../src/usecases/progress-chart.js";
import { loadSubtreeRollup } from "../../src/db/progress-rollup.js";
import { progressBars, type ProgressBar } from "../../src/domain/progress-bars.js";
import { createI18n, translatorFor } from "../../src/i18n.js";
import {
  chartColours,
  chartFontFamily,
  chartFontFile,
  chartGeometry,
  defaultMaxBars,
  registerChartFonts,
  renderProgressChart,
  type ProgressChartInput,
} from "../../src/render/progress-chart.js";
import { importDemoDistrict, recordDemoProgress } from "../support/demo-district.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { readTtfMetrics } from "../support/ttf-metrics.js";

const artifacts = path.resolve("test-artifacts");
const today = "2020-02-26";
const i18n = createI18n({ defaultLocale: "vi" });
const t = translatorFor(i18n, "vi");

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** How many pixels have exactly each colour (bars and swatches are filled with exact colours). */
async function colourCounts(png: Buffer): Promise<{ count(hex: string): number; white: number; total: number }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  const counts = new Map<number, number>();
  for (let i = 0; i < data.length; i += 4) {
    const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return {
    count: (hex) => counts.get(Number.parseInt(hex.slice(1), 16)) ?? 0,
    white: counts.get(0xffffff) ?? 0,
    total: data.length / 4,
  };
}

function save(name: string, png: Buffer): void {
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(path.join(artifacts, name), png);
}

const plainLabels: ProgressChartInput["labels"] = {
  held: "Đã đại hội",
  scheduled: "Đã có lịch",
  notScheduled: "Chưa có lịch",
  more: (hidden) => `…và ${hidden} đơn vị khác`,
};

describe("progress chart", () => {
  let db: TestDatabase;
  let expected: ProgressBar[];
  let districtId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    await importDemoDistrict(db.database);
    // Committees (with cells) keep their own bar; the 29 grassroots cells (each counting itself) share one.
    const perOrganisation = await recordDemoProgress(db.database, new Date("2020-02-25T10:00:00Z"));
    const selfCounted = perOrganisation.filter((bar) => bar.countsItself);
    expected = [
      ...perOrganisation
        .filter((bar) => !bar.countsItself)
        .map(({ name, held, scheduled, total }) => ({ name, held, scheduled, total })),
      {
        name: `Các chi bộ cơ sở (${selfCounted.length} đơn vị)`,
        held: selfCounted.reduce((sum, bar) => sum + bar.held, 0),
        scheduled: selfCounted.reduce((sum, bar) => sum + bar.scheduled, 0),
        total: selfCounted.length,
      },
    ];
    districtId = (await db.database.prisma.unit.findFirstOrThrow({ where: { code: "LB" } })).id;
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("when the roll-up is turned into bars, then each grassroots committee has its cells' counts, the grassroots cells share one bar, least done first", async () => {
    const rollup = (await loadSubtreeRollup(db.database.prisma, districtId, { today, byGrassroots: true }))!;
    const bars = progressBars(rollup, {
      grassrootsCells: (count) => `Các chi bộ cơ sở (${count} đơn vị)`,
      directCells: (count) => `Các chi bộ trực thuộc (${count})`,
    });
    expect(bars).toHaveLength(21);
    expect([...bars].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [...expected].sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect(bars.reduce((sum, bar) => sum + bar.total, 0)).toBe(587 + 29);
    const shares = bars.map((bar) => bar.held / bar.total);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
  });

  it("when the demo district is drawn, then it is a 1280 px wide PNG with one row per organisation, and its bars are as long as the data says", async () => {
    const chart = (await progressChartFor(db.database.prisma, districtId, today, t, "vi"))!;
    save("progress-chart-long-bien.png", chart.png);
    expect(chart.caption).toBe("📊 Biểu đồ tiến độ đại hội — Đảng bộ quận Long Biên, ngày 26/02/2020");

    const size = pngSize(chart.png);
    const geometry = chartGeometry(1280);
    expect(size.width).toBe(1280);
    // The height grows by one row per bar: the same header and footer with one bar is 20 rows shorter (21 bars in the demo).
    const oneBar = await renderProgressChart({
      title: "x",
      subtitle: "x",
      bars: expected.slice(0, 1),
      deadline: { date: "2020-03-31", daysLeft: 34 },
      labels: { ...plainLabels, deadline: "x" },
    });
    expect(size.height - pngSize(oneBar).height).toBe((expected.length - 1) * geometry.rowHeight);

    // Not blank, and each colour covers the area its bars call for. Grid lines (3 one-pixel columns per
    // row) cross the bars, so a few pixels per row may be grid instead of bar colour.
    const pixels = await colourCounts(chart.png);
    expect(pixels.white / pixels.total).toBeGreaterThan(0.3);
    expect(pixels.white / pixels.total).toBeLessThan(0.9);
    const swatch = 28 * 28;
    const area = (part: (bar: ProgressBar) => number) =>
      expected.reduce((sum, bar) => sum + part(bar) * geometry.barHeight, 0) + swatch;
    const heldWidth = (bar: ProgressBar) => Math.round((geometry.barWidth * bar.held) / bar.total);
    const scheduledWidth = (bar: ProgressBar) =>
      Math.round((geometry.barWidth * (bar.held + bar.scheduled)) / bar.total) - heldWidth(bar);
    const gridSlack = 3 * geometry.barHeight * expected.length;
    const held = area(heldWidth);
    const scheduled = area(scheduledWidth);
    const notScheduled = area((bar) => geometry.barWidth - heldWidth(bar) - scheduledWidth(bar));
    expect(held).toBeGreaterThan(20_000); // the fixed state has a fair share held, scheduled and not scheduled
    expect(scheduled).toBeGreaterThan(20_000);
    expect(notScheduled).toBeGreaterThan(20_000);
    expect(pixels.count(chartColours.held)).toBeGreaterThanOrEqual(held - gridSlack);
    expect(pixels.count(chartColours.held)).toBeLessThanOrEqual(held);
    expect(pixels.count(chartColours.scheduled)).toBeGreaterThanOrEqual(scheduled - gridSlack);
    expect(pixels.count(chartColours.scheduled)).toBeLessThanOrEqual(scheduled);
    expect(pixels.count(chartColours.notScheduled)).toBeGreaterThanOrEqual(notScheduled - gridSlack);
    expect(pixels.count(chartColours.notScheduled)).toBeLessThanOrEqual(notScheduled);
  });

  it("when Vietnamese text is measured, then every glyph comes from the shipped Be Vietnam Pro font", async () => {
    registerChartFonts();
    const regular = readTtfMetrics(chartFontFile("regular"));
    const units = await db.database.prisma.unit.findMany({ select: { name: true } });
    // Every character the chart of the demo district draws: unit names and the Vietnamese labels.
    const texts = [
      ...units.map((unit) => unit.name),
      t("chart-grassroots-cells", { count: 29 }),
      t("chart-title", { unit: "Đảng bộ quận Long Biên" }),
      t("chart-subtitle", { date: "26/02/2020", scope: "grassroots", count: 49 }),
      t("chart-deadline", { level: "cell", date: "31/03/2020", state: "passed", days: 5 }),
      t("chart-legend-held"),
      t("chart-legend-scheduled"),
      t("chart-legend-not-scheduled"),
      t("chart-more", { count: 250 }),
      "ăâđêôơưĂÂĐÊÔƠƯ àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
    ];
    const characters = [...new Set(texts.join("").normalize("NFC"))].filter((char) => char.trim() !== "");
    expect(characters.filter((char) => regular.advance(char) === undefined)).toEqual([]);

    // Skia measures each character with the registered font's own advance widths, not a system font's.
    const size = 1000;
    const ctx = createCanvas(10, 10).getContext("2d");
    const measure = (family: string, char: string) => {
      ctx.font = `${size}px "${family}"`;
      return ctx.measureText(char).width;
    };
    const mismatched = characters.filter(
      (char) => Math.abs(measure(chartFontFamily, char) - (regular.advance(char)! * size) / regular.unitsPerEm) > 0.5,
    );
    expect(mismatched).toEqual([]);
    // And the check can fail: the bold file's widths are not the regular ones.
    const bold = readTtfMetrics(chartFontFile("bold"));
    expect(characters.filter((char) => bold.advance(char) !== regular.advance(char)).length).toBeGreaterThan(
      characters.length / 2,
    );
  });

  it("when a national-size list of 300 organisations is drawn, then the 50 least done are shown and the rest are counted in a footer line", async () => {
    const bars = Array.from({ length: 300 }, (_, index) => ({
      name: `Đảng bộ xã Thượng Đình số ${index + 1}`,
      held: index % 40,
      scheduled: 5,
      total: 50,
    }));
    const input: ProgressChartInput = {
      title: "Tiến độ đại hội — Toàn quốc",
      subtitle: "Ngày 26/02/2020",
      bars,
      deadline: null,
      labels: plainLabels,
    };
    const capped = await renderProgressChart(input);
    save("progress-chart-300.png", capped);
    const fifty = await renderProgressChart({
      ...input,
      bars: [...bars].sort((a, b) => a.held - b.held).slice(0, defaultMaxBars),
    });
    const footerLine = 56;
    expect(pngSize(capped)).toEqual({ width: 1280, height: pngSize(fifty).height + footerLine });
    // The shown rows are the least done: no bar in the image holds 2 or more of 50 beyond the least done 50.
    const geometry = chartGeometry(1280);
    const leastDone = [...bars].sort((a, b) => a.held - b.held).slice(0, defaultMaxBars);
    const heldArea =
      leastDone.reduce(
        (sum, bar) => sum + Math.round((geometry.barWidth * bar.held) / bar.total) * geometry.barHeight,
        0,
      ) +
      28 * 28;
    const pixels = await colourCounts(capped);
    expect(pixels.count(chartColours.held)).toBeGreaterThanOrEqual(heldArea - 3 * geometry.barHeight * defaultMaxBars);
    expect(pixels.count(chartColours.held)).toBeLessThanOrEqual(heldArea);
  });

  it("when /tiendo asks for a ward's chart, then its cells share one bar, never a bar per cell; for an unknown unit, nothing", async () => {
    const ward = await db.database.prisma.unit.findFirstOrThrow({ where: { code: "P-BODE" } });
    const chart = (await progressChartFor(db.database.prisma, ward.id, today, translatorFor(i18n, "en"), "en"))!;
    save("progress-chart-p-bode-en.png", chart.png);
    expect(chart.caption).toBe("📊 Congress progress chart — Đảng bộ phường Bồ Đề, 26/02/2020");
    const district = (await progressChartFor(db.database.prisma, districtId, today, t, "vi"))!;
    expect(pngSize(district.png).height - pngSize(chart.png).height).toBe((21 - 1) * chartGeometry(1280).rowHeight);
    expect(await progressChartFor(db.database.prisma, 987_654, today, t, "vi")).toBeNull();
  });

  it("when the cells' deadline (31/03) is a week away or past, then the district's chart has a bar per grassroots organisation for its own congress", async () => {
    const cellsPhase = (await progressChartFor(db.database.prisma, districtId, "2020-03-23", t, "vi"))!;
    const grassrootsPhase = (await progressChartFor(db.database.prisma, districtId, "2020-03-24", t, "vi"))!;
    save("progress-chart-long-bien-grassroots.png", grassrootsPhase.png);
    const rowHeight = chartGeometry(1280).rowHeight;
    // 21 bars (20 committees and the grassroots cells together), then the 49 organisations one by one.
    expect(pngSize(grassrootsPhase.png).height - pngSize(cellsPhase.png).height).toBe((49 - 21) * rowHeight);
  });
});
