// A campaign besides the congress reported in Debian's chromium on a phone-sized screen: a cell's secretary
// signs in, reads the open campaigns on their unit's page, reports the resolution's study through the form
// built from the template (a rule refused in the bot's words first), confirms, and sees the unit's
// checklist. axe-core checks every page; screenshots go to test-artifacts/web/.
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { importDemoWithCampaigns } from "../support/demo-campaigns.js";
import { bindTelegramUser } from "../support/roster.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

declare const window: { axe: { run(): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } };

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const artifacts = path.join(new URL("../..", import.meta.url).pathname, "test-artifacts", "web");
const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

describe.skipIf(!existsSync(chromiumPath))("a campaign's report in a browser", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let browser: Browser;

  async function axeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: axeSource });
    const result = await page.evaluate(() => window.axe.run());
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
  }

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    db = await createTestDatabase();
    await importDemoWithCampaigns(db.database, undefined, { withoutCongress: true });
    harness = await startBotHarness(db.database, {
      clock: fixedClock("2026-12-10T02:00:00Z"),
      env: { WEB_PORT: "0", WEB_HOST: "127.0.0.1" },
    });
    browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
    await db?.drop();
  });

  it("when a secretary reports the resolution's study on a phone, then every page is accessible and the report is saved", async () => {
    const secretary = await bindTelegramUser(db.database, "+84962586100"); // P-BODE-01
    const reply = (await harness.say(secretary, "/web")).text ?? "";
    const link = /http:\/\/127\.0\.0\.1:\d+\/dang-nhap\/[A-Za-z0-9_-]{43}/.exec(reply)![0];
    const context = await browser.newContext({
      viewport: { width: 390, height: 900 },
      bypassCSP: true,
      locale: "vi-VN",
    });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    expect(await page.locator("body").innerText()).toContain("📋 Học tập Nghị quyết Hội nghị Trung ương 14");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(artifacts, "campaigns-unit-390.png"), fullPage: true });

    await page.getByRole("link", { name: "📝 Báo cáo: Học tập Nghị quyết Hội nghị Trung ương 14" }).click();
    await page.getByRole("link", { name: "Tổ chức học tập, quán triệt" }).click();
    await page.getByLabel("Tổ chức học tập, quán triệt: ngày").fill("08/12/2026");
    await page.getByLabel("Có bao nhiêu đảng viên tham dự?").fill("16");
    await page.getByLabel("Có bao nhiêu đảng viên phải tham dự (không kể người được miễn)?").fill("15");
    await page.getByRole("button", { name: "Xem lại trước khi ghi" }).click();
    expect(await page.getByRole("alert").innerText()).toContain(
      "Số liệu không khớp: Đảng viên tham dự (16) không được lớn hơn Đảng viên phải tham dự (15) (quy tắc thamdu <= phaidu).",
    );
    expect(await page.getByLabel("Có bao nhiêu đảng viên tham dự?").inputValue()).toBe("16");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(artifacts, "campaign-form-390.png"), fullPage: true });

    await page.getByLabel("Có bao nhiêu đảng viên tham dự?").fill("14");
    await page.getByRole("group", { name: "Đã tổ chức học bù cho đảng viên vắng mặt chưa?" }).getByLabel("Có").check();
    await page.getByRole("button", { name: "Xem lại trước khi ghi" }).click();
    expect(await page.locator(".card").innerText()).toContain("Đã tổ chức học bù: Có");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "✅ Xác nhận" }).click();
    expect(await page.locator("h1").innerText()).toBe("Đã lưu báo cáo");
    expect(await page.locator("ul.card").innerText()).toContain("✅ Tổ chức học tập, quán triệt — 08/12/2026");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(artifacts, "campaign-saved-390.png"), fullPage: true });
    await context.close();
  });
});
