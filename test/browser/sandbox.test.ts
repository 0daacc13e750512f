// The sandbox in a real browser (playwright-core driving Debian's chromium), through the page only:
// `npm start` without a token as a child process on an empty data dir, then a secretary reports a
// congress held, the working-group leader sees it counted, and the scheduler's digest reaches the
// standing committee's group. Screenshots of each step go to test-artifacts/sandbox/.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupCellsHeld } from "../support/demo-progress.js";

// The callbacks of waitForFunction run in the page; the project's TypeScript has no DOM types.
declare const document: {
  querySelectorAll(selector: string): { length: number };
  querySelector(selector: string): { textContent: string | null } | null;
  documentElement: { lang: string };
};

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(chromiumPath);
const root = new URL("../..", import.meta.url).pathname;
const artifacts = path.join(root, "test-artifacts", "sandbox");

if (!hasChromium) {
  process.stderr.write(
    `\n[browser test skipped] ${chromiumPath} is missing: install it with \`apt-get install -y chromium\` (.ci/run does).\n\n`,
  );
}

describe.skipIf(!hasChromium)("the sandbox page in a browser", () => {
  let browser: Browser;
  let page: Page;
  let output = "";
  let exited: Promise<number | null>;
  let child: ReturnType<typeof spawn>;

  const shot = (name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`) });
  const botMessages = () => page.locator('[data-testid="bot-message"]');

  /** Runs an action and waits for the bot's next message in the open chat; returns its text. */
  async function nextBotMessage(action: () => Promise<void>): Promise<string> {
    const before = await botMessages().count();
    await action();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="bot-message"]').length > n, before, {
      timeout: 120_000,
    });
    return (await botMessages().nth(before).innerText()).trim();
  }
  const say = (text: string) =>
    nextBotMessage(async () => {
      await page.fill('[data-testid="composer"]', text);
      await page.press('[data-testid="composer"]', "Enter");
    });
  const press = (label: string) =>
    nextBotMessage(() => page.locator('[data-testid="inline-button"]', { hasText: label }).last().click());
  async function open(persona: ReturnType<Page["locator"]>, name: string) {
    await persona.click();
    await page.waitForFunction((n) => document.querySelector('[data-testid="chat-title"]')?.textContent === n, name);
  }

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    const started = performance.now();
    // What `npm start` runs, with no token, a temporary data dir and any free port.
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        ...(process.env.TZ && { TZ: process.env.TZ }),
        PORT: "0",
        DATA_DIR: mkdtempSync(path.join(tmpdir(), "daihoi-browser-")),
        LOG_LEVEL: "info",
      },
    });
    child.stdout!.on("data", (chunk) => (output += String(chunk)));
    child.stderr!.on("data", (chunk) => (output += String(chunk)));
    exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
    browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on("pageerror", (error) => (output += `\n[page error] ${error.message}`));

    const printedUrl = () => /đang chạy: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    while (!printedUrl()) {
      if (performance.now() - started > 120_000) throw new Error(`the sandbox did not print its address:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const url = printedUrl()!;
    await page.goto(url);
    const served = performance.now();
    await page.waitForSelector("body[data-ready=true]", { timeout: 120_000 });
    const ready = performance.now();
    process.stdout.write(
      `\n[sandbox start-up, empty data dir] page served after ${((served - started) / 1000).toFixed(1)} s, ` +
        `usable (database created, demo imported, bot running) after ${((ready - started) / 1000).toFixed(1)} s\n`,
    );
  });

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
  });

  it("when a visitor opens the page, then it says it is a sandbox and lists people of every role", async () => {
    await expect(page.locator('[data-testid="sandbox-banner"]').innerText()).resolves.toContain(
      "SANDBOX · MÔI TRƯỜNG THỬ",
    );
    const featured = page.locator('[data-testid="persona-featured"]');
    await expect(featured.innerText()).resolves.toContain("Tổ trưởng · Tổ công tác số 1");
    await expect(featured.innerText()).resolves.toContain("Quản trị");
    await shot("01-personas");
  });

  it("when a cell secretary reports a congress held with results through the buttons, then the confirmation shows", async () => {
    await page.fill('[data-testid="persona-search"]', "bo de 01");
    await open(page.locator("#results .persona", { hasText: "Nghiêm Hữu Thắng" }).first(), "Nghiêm Hữu Thắng");
    expect(await say("/baocao")).toContain("Chi bộ Tổ dân phố số 1: đồng chí báo cáo nội dung nào?");
    expect(await press("Tổ chức đại hội")).toContain("Đại hội đã tổ chức ngày nào?");
    // The demo opens on 26/02/2020, the day this cell's congress was set for.
    expect(await press("26")).toContain("Nhập các số, cách nhau bằng dấu cách");
    await say("7 7 3 2 4");
    // The make-up of those elected, then the shares of votes: both may be left out.
    await press("Bỏ qua");
    await press("Có");
    await press("Có");
    await press("Bỏ qua");
    const card = await press("Bỏ qua");
    expect(card).toContain("Xác nhận báo cáo — Chi bộ Tổ dân phố số 1 (Đảng bộ phường Bồ Đề)");
    expect(card).toContain("Chi ủy: bầu 7/7 (đủ), nữ 3 (42,9%)");
    await shot("02-report-card");
    const saved = await press("✅ Xác nhận");
    expect(saved).toContain("Đã lưu báo cáo. Tình hình của đơn vị:");
    expect(saved).toContain("Tổ chức đại hội — 26/02/2020");
    await expect(page.locator('[data-testid="bot-message"]', { hasText: "✅ Đã lưu." }).innerText()).resolves.toContain(
      "đã sửa",
    );
    await shot("03-report-saved");
  });

  it("when the working-group leader asks for the status, then the unit is counted", async () => {
    await open(
      page.locator('[data-testid="persona-featured"] .persona', { hasText: "Tổ trưởng" }).first(),
      "Tô Minh Ngọc",
    );
    const status = await say("/trangthai");
    expect(status).toContain("Tổ công tác số 1");
    // Group 1's cells held as the demo opened on 26/02/2020, and the one reported above.
    const group = groupCellsHeld("Tổ công tác số 1");
    expect(status).toContain(`${group.cells} chi bộ: ${group.held + 1} đã đại hội`);
    await shot("04-leader-status");
  });

  it("when the visitor jumps to the digest time, then the standing committee's group gets the digest with the report counted", async () => {
    await open(
      page.locator('[data-testid="persona-featured"] .persona', { hasText: "Nhóm chat" }).first(),
      "Ban Thường vụ — Đảng bộ quận Long Biên",
    );
    const digest = await nextBotMessage(() => page.click('[data-testid="clock-next"]'));
    expect(digest).toContain("📊 TIẾN ĐỘ ĐẠI HỘI — Đảng bộ quận Long Biên");
    expect(digest).toContain("Cập nhật 17:00 ngày 26/02/2020 (thứ Tư)");
    // The demo's 253 cells as the district heard it that day, and the one reported here.
    expect(digest).toContain("Chi bộ trực thuộc đảng ủy cơ sở: 254/587 (43,3%) đã đại hội");
    await expect(page.locator('[data-testid="clock-now"]').innerText()).resolves.toBe("Thứ Tư, 26/02/2020 17:00");
    // The chart follows the text (1 message/s per chat): a PNG drawn for this district, shown in the page.
    const chart = page.locator('[data-testid="bot-message"] [data-testid="photo"]').last();
    await chart.waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => {
      const image = document.querySelector('[data-testid="photo"]') as unknown as {
        complete: boolean;
        naturalWidth: number;
      } | null;
      return image?.complete && image.naturalWidth > 0;
    });
    const png = await page.evaluate(
      async (src) => {
        const response = await fetch(src as string);
        return { type: response.headers.get("content-type"), size: (await response.arrayBuffer()).byteLength };
      },
      await chart.getAttribute("src"),
    );
    expect(png.type).toBe("image/png");
    expect(png.size).toBeGreaterThan(10_000);
    await chart.scrollIntoViewIfNeeded();
    await shot("05-digest");
  });

  it("when the admin asks for the export, then a workbook and the Word report arrive and download", async () => {
    const admin = page.locator('[data-testid="persona-featured"] .persona', { hasText: "Quản trị" }).first();
    await open(admin, (await admin.locator(".name").innerText()).trim());
    const before = await page.locator('[data-testid="document"]').count();
    await page.fill('[data-testid="composer"]', "/xuat");
    await page.press('[data-testid="composer"]', "Enter");
    // The workbook, then the report beside it.
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="document"]').length > n + 1, before, {
      timeout: 120_000,
    });
    const links = page.locator('[data-testid="document"] a');
    const count = await links.count();
    const [workbook, report] = [links.nth(count - 2), links.nth(count - 1)];
    expect(await workbook.innerText()).toMatch(/\.xlsx$/);
    expect(await report.innerText()).toMatch(/^bao-cao-tien-do-dai-hoi-LB-\d{8}\.docx$/);
    for (const link of [workbook, report]) {
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      const file = path.join(artifacts, download.suggestedFilename());
      await download.saveAs(file);
      // An .xlsx and a .docx are zip archives: "PK" and more than a few kilobytes.
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
      expect(bytes.length).toBeGreaterThan(5_000);
    }
    await shot("06-export");
  });

  it("when the visitor switches to English, then the page is in English", async () => {
    await page.click('[data-testid="language-switch"]');
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await expect(page.locator('[data-testid="sandbox-banner"]').innerText()).resolves.toContain(
      "SANDBOX — Telegram emulated on this machine",
    );
    await expect(page.locator('[data-testid="clock-tick"]').innerText()).resolves.toBe("Run the scheduler now");
    await shot("07-english");
    expect(output).not.toContain("[page error]");
  });
});
