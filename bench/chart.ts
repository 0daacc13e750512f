// Chart benchmark: drawing the digest's progress chart (render + PNG encode, in-process) for the demo
// district's 49 grassroots organisations and for 300 (capped at the 50 least done, plus a footer line).
// Rate = charts per second; the 49-bar chart is the baseline, so the 300-bar row's ratio shows what
// sorting and capping a long list costs. PNG sizes are what the outbox stores per chart.
import { performance } from "node:perf_hooks";
import type { ProgressBar } from "../src/domain/progress-bars.js";
import { renderProgressChart, type ProgressChartInput } from "../src/render/progress-chart.js";
import type { BenchResult, BenchRow, BenchSuite } from "./run.js";

const renders = 20;

function bars(count: number): ProgressBar[] {
  return Array.from({ length: count }, (_, index) => {
    const total = 1 + ((index * 7) % 44);
    const held = Math.floor((total * ((index * 37) % 101)) / 100);
    return {
      name: `Đảng bộ phường Thượng Thanh số ${index + 1}`,
      held,
      scheduled: Math.floor((total - held) / 3),
      total,
    };
  });
}

function input(count: number): ProgressChartInput {
  return {
    title: "Tiến độ đại hội — Đảng bộ quận Long Biên",
    subtitle: `Ngày 26/02/2020 • chi bộ đã đại hội theo từng tổ chức cơ sở đảng (${count})`,
    bars: bars(count),
    deadline: { date: "2020-03-31", daysLeft: 34 },
    labels: {
      held: "Đã đại hội",
      scheduled: "Đã có lịch",
      notScheduled: "Chưa có lịch",
      deadline: "Hạn chót đại hội chi bộ: 31/03/2020 — còn 34 ngày",
      count: (bar) => `${bar.held}/${bar.total} • ${((bar.held / bar.total) * 100).toFixed(1).replace(".", ",")}%`,
      more: (hidden) => `…và ${hidden} đơn vị khác có tiến độ cao hơn`,
    },
  };
}

async function measure(count: number): Promise<{ seconds: number; bytes: number }> {
  await renderProgressChart(input(count)); // fonts registered, code warm
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < renders; i++) bytes = (await renderProgressChart(input(count))).length;
  return { seconds: (performance.now() - started) / 1000, bytes };
}

export const chartSuite: BenchSuite = {
  name: "chart",
  async run(context): Promise<BenchResult> {
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    let baseline = 0;
    for (const count of [49, 300]) {
      context.log(`${renders} renders of ${count} bars`);
      const { seconds, bytes } = await measure(count);
      const rate = renders / seconds;
      if (count === 49) baseline = rate;
      rows.push({
        benchmark: `chart: ${count} bars → PNG (charts, charts/s)${count === 49 ? " (baseline)" : ""}`,
        messages: renders,
        seconds,
        rate,
        goal: "",
        ...(count !== 49 && { ratio: rate / baseline }),
      });
      notes.push(
        `chart, ${count} bars: ${Math.round((seconds / renders) * 1000)} ms per chart, PNG ${Math.round(bytes / 1024)} KiB${count > 50 ? " (50 bars drawn, the rest in a footer line)" : ""}`,
      );
    }
    return { rows, notes };
  },
};
