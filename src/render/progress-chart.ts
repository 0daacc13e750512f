// The progress chart as a PNG: one horizontal bar per unit (held / scheduled / not scheduled), sorted by
// lag, for a phone screen. Pure drawing from plain data: every text comes from the caller (locales), so
// this file knows no language. Drawn with @napi-rs/canvas (Skia) in-process, with the Be Vietnam Pro
// font shipped in an npm package, so Vietnamese diacritics never depend on the machine's fonts.
import { createRequire } from "node:module";
import { createCanvas, GlobalFonts, type SKRSContext2D } from "@napi-rs/canvas";
import { compareByLag, type ProgressBar } from "../domain/progress-bars.js";
import type { LocalDate } from "../domain/local-date.js";

export type { ProgressBar } from "../domain/progress-bars.js";

export interface ProgressChartInput {
  title: string;
  subtitle: string;
  bars: readonly ProgressBar[];
  /** Colours the deadline line: red once passed, amber in the last week. */
  deadline: { date: LocalDate; daysLeft: number } | null;
  labels: {
    held: string;
    scheduled: string;
    notScheduled: string;
    /** The deadline line under the subtitle, e.g. "Hạn chót đại hội chi bộ: 31/03/2020 — còn 34 ngày". */
    deadline?: string;
    /** The figures right of a bar; default "held/total". */
    count?: (bar: ProgressBar) => string;
    /** The footer when bars were left out, e.g. "…và 250 đơn vị khác". */
    more: (hidden: number) => string;
    /** Shown instead of bars when there are none. */
    empty?: string;
  };
  /** Bars drawn at most (the most lagging); default 50, so the image stays under ~2,600 px high. */
  maxBars?: number;
  /** Default 1280 px (Telegram keeps photos up to 2,560 px on the long side). */
  width?: number;
}

/** The font family every text of the chart is drawn in (registered from the npm package, see below). */
export const chartFontFamily = "Tro Ly Be Vietnam Pro";
export const defaultMaxBars = 50;

export const chartColours = {
  background: "#ffffff",
  text: "#1a1a1a",
  muted: "#5f6b73",
  stripe: "#f4f6f8",
  grid: "#d5dbe0",
  held: "#2e7d32",
  scheduled: "#f4a300",
  notScheduled: "#cfd8dc",
  deadline: { calm: "#1f4e79", soon: "#b26a00", passed: "#c62828" },
};

const fontFiles = {
  regular: "@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf",
  bold: "@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf",
};

/** Where things go across the image; rows are `rowHeight` apart and grow the image downwards. */
export function chartGeometry(width: number) {
  const pad = 48;
  const contentWidth = width - 2 * pad;
  const countWidth = 240;
  const nameWidth = Math.round(contentWidth * 0.42);
  const gap = 20;
  const barX = pad + nameWidth + gap;
  return {
    pad,
    contentWidth,
    countWidth,
    nameWidth,
    barX,
    barWidth: contentWidth - nameWidth - countWidth - 2 * gap,
    rowHeight: 50,
    barHeight: 30,
  };
}

let fontsRegistered = false;

/** Registers the shipped TTFs once per process; throws if the font package is missing. */
export function registerChartFonts(): void {
  if (fontsRegistered) return;
  const require = createRequire(import.meta.url);
  for (const file of Object.values(fontFiles)) {
    if (!GlobalFonts.registerFromPath(require.resolve(file), chartFontFamily))
      throw new Error(`could not load the chart font ${file}`);
  }
  fontsRegistered = true;
}

/** The path of a shipped font file ("regular" or "bold"). */
export function chartFontFile(weight: keyof typeof fontFiles): string {
  return createRequire(import.meta.url).resolve(fontFiles[weight]);
}

const font = (size: number, bold = false) => `${bold ? "bold " : ""}${size}px "${chartFontFamily}"`;

export async function renderProgressChart(input: ProgressChartInput): Promise<Buffer> {
  registerChartFonts();
  const width = input.width ?? 1280;
  const maxBars = Math.max(1, input.maxBars ?? defaultMaxBars);
  const sorted = [...input.bars].sort(compareByLag);
  const shown = sorted.slice(0, maxBars);
  const hidden = sorted.length - shown.length;
  const { pad, contentWidth, countWidth, nameWidth, barX, barWidth, rowHeight, barHeight } = chartGeometry(width);

  const headerHeight = pad + 56 + 44 + (input.labels.deadline ? 48 : 0) + 60 + 40;
  const bodyHeight = Math.max(1, shown.length) * rowHeight;
  const footerHeight = (hidden > 0 ? 56 : 0) + pad;
  const canvas = createCanvas(width, headerHeight + bodyHeight + footerHeight);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = chartColours.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);

  // Header: title, subtitle, deadline, legend.
  let y = pad + 40;
  ctx.fillStyle = chartColours.text;
  ctx.font = font(44, true);
  ctx.fillText(fit(ctx, input.title, contentWidth), pad, y);
  y += 44;
  ctx.fillStyle = chartColours.muted;
  ctx.font = font(28);
  ctx.fillText(fit(ctx, input.subtitle, contentWidth), pad, y);
  if (input.labels.deadline) {
    y += 48;
    const days = input.deadline?.daysLeft;
    const { calm, soon, passed } = chartColours.deadline;
    ctx.fillStyle = days === undefined || days > 7 ? calm : days < 0 ? passed : soon;
    // A flag before the text: the reader's eye finds the deadline first.
    ctx.fillRect(pad, y - 26, 8, 32);
    ctx.font = font(30, true);
    ctx.fillText(fit(ctx, input.labels.deadline, contentWidth - 24), pad + 24, y);
  }
  y += 56;
  ctx.font = font(26);
  let legendX = pad;
  for (const [colour, label] of [
    [chartColours.held, input.labels.held],
    [chartColours.scheduled, input.labels.scheduled],
    [chartColours.notScheduled, input.labels.notScheduled],
  ] as const) {
    ctx.fillStyle = colour;
    ctx.fillRect(legendX, y - 22, 28, 28);
    ctx.fillStyle = chartColours.text;
    ctx.fillText(label, legendX + 38, y);
    legendX += 38 + ctx.measureText(label).width + 36;
  }

  // Axis labels 0 … 100% above the bars.
  y += 44;
  const bodyTop = y + 4;
  ctx.font = font(20);
  ctx.fillStyle = chartColours.muted;
  for (const tick of [0, 25, 50, 75, 100]) {
    const x = barX + (barWidth * tick) / 100;
    const label = `${tick}%`;
    const labelWidth = ctx.measureText(label).width;
    ctx.fillText(label, Math.min(Math.max(x - labelWidth / 2, barX), barX + barWidth - labelWidth), y - 6);
  }

  if (shown.length === 0) {
    ctx.fillStyle = chartColours.muted;
    ctx.font = font(26);
    ctx.fillText(fit(ctx, input.labels.empty ?? "", contentWidth), pad, bodyTop + 34);
  }
  const count = input.labels.count ?? ((bar: ProgressBar) => `${bar.held}/${bar.total}`);
  shown.forEach((bar, index) => {
    const top = bodyTop + index * rowHeight;
    if (index % 2 === 0) {
      ctx.fillStyle = chartColours.stripe;
      ctx.fillRect(pad - 12, top, contentWidth + 24, rowHeight);
    }
    const baseline = top + rowHeight / 2 + 10;
    ctx.fillStyle = chartColours.text;
    ctx.font = font(28);
    ctx.fillText(fit(ctx, bar.name, nameWidth), pad, baseline);

    const barTop = top + (rowHeight - barHeight) / 2;
    const total = Math.max(bar.total, 1);
    const heldWidth = Math.round((barWidth * bar.held) / total);
    const scheduledWidth = Math.round((barWidth * (bar.held + bar.scheduled)) / total) - heldWidth;
    ctx.fillStyle = chartColours.notScheduled;
    ctx.fillRect(barX, barTop, barWidth, barHeight);
    ctx.fillStyle = chartColours.held;
    ctx.fillRect(barX, barTop, heldWidth, barHeight);
    ctx.fillStyle = chartColours.scheduled;
    ctx.fillRect(barX + heldWidth, barTop, scheduledWidth, barHeight);

    ctx.font = font(28, true);
    ctx.fillStyle = chartColours.text;
    const figures = fit(ctx, count(bar), countWidth);
    ctx.fillText(figures, canvas.width - pad - ctx.measureText(figures).width, baseline);
  });
  // Grid lines across the bars, so 25/50/75% can be read off any row.
  ctx.strokeStyle = chartColours.grid;
  ctx.lineWidth = 1;
  for (const tick of [25, 50, 75]) {
    const x = Math.round(barX + (barWidth * tick) / 100) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, bodyTop);
    ctx.lineTo(x, bodyTop + bodyHeight);
    ctx.stroke();
  }

  if (hidden > 0) {
    ctx.fillStyle = chartColours.muted;
    ctx.font = font(26);
    ctx.fillText(fit(ctx, input.labels.more(hidden), contentWidth), pad, bodyTop + bodyHeight + 44);
  }
  return canvas.encode("png");
}

/** The text, cut with "…" to fit the width. */
function fit(ctx: SKRSContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ctx.measureText(`${text.slice(0, mid).trimEnd()}…`).width <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}
