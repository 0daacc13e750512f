// The web app in Debian's chromium: a standing committee member signs in through the link the bot sent
// (opens it, presses the button), reads the overview, filters the laggards, opens a cell's page; a cell's
// secretary signs in on a phone-sized screen. Screenshots at 390 and 1280 px go to test-artifacts/web/;
// axe-core checks every page for accessibility violations.
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { User } from "grammy/types";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { importDemoDistrict, recordDemoProgress } from "../support/demo-district.js";
import { bindTelegramUser } from "../support/roster.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

declare const window: { axe: { run(): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } };

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(chromiumPath);
const root = new URL("../..", import.meta.url).pathname;
const artifacts = path.join(root, "test-artifacts", "web");
const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const clock = fixedClock("2020-03-20T03:00:00Z");

describe.skipIf(!hasChromium)("the web app in a browser", () => {
  let db: TestDatabase;
  let harness: BotHarness;
  let browser: Browser;
  let standing: User;
  let secretary: User;

  async function linkFromBot(user: User): Promise<string> {
    const reply = (await harness.say(user, "/web")).text ?? "";
    return /http:\/\/127\.0\.0\.1:\d+\/dang-nhap\/[A-Za-z0-9_-]{43}/.exec(reply)![0];
  }

  /** A browser of its own for each person; the CSP is lifted only so that axe-core's script can run. */
  async function signedIn(user: User, width: number): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true, locale: "vi-VN" });
    const page = await context.newPage();
    await page.goto(await linkFromBot(user));
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    return { context, page };
  }

  async function axeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: axeSource });
    const result = await page.evaluate(() => window.axe.run());
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    db = await createTestDatabase();
    await importDemoDistrict(db.database);
    await recordDemoProgress(db.database, new Date("2020-03-10T03:00:00Z"));
    standing = await bindTelegramUser(db.database, "+84862409218");
    secretary = await bindTelegramUser(db.database, "+84846131004");
    harness = await startBotHarness(db.database, { clock, env: { WEB_PORT: "0", WEB_HOST: "127.0.0.1" } });
    browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
    await db?.drop();
  });

  it("when the standing committee reads the overview and filters the laggards, then every page is accessible", async () => {
    for (const width of [1280, 390]) {
      const { context, page } = await signedIn(standing, width);
      expect(await page.locator("h1").innerText()).toBe("Đảng bộ quận Long Biên (LB)");
      expect(
        await page.locator("img.chart").evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      ).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `overview-${width}`);

      await page.selectOption('select[name="loc"]', "notHeld");
      await page.fill('input[name="q"]', "gia thuy");
      await page.getByRole("button", { name: "Tìm" }).click();
      await page.waitForURL((url) => url.searchParams.get("loc") === "notHeld");
      const rows = await page.locator("table").nth(1).locator("tbody tr").allInnerTexts();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toContain("Gia Thụy");
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `laggards-${width}`);
      await context.close();
    }
  });

  it("when a cell's secretary signs in on a phone, then they see their unit's checklist and nothing else", async () => {
    const { context, page } = await signedIn(secretary, 390);
    expect(await page.locator("h1").innerText()).toBe("Chi bộ Tổ dân phố số 1 (P-GIATHUY-01)");
    expect(await page.getByRole("heading", { name: "Các mốc đại hội" }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "cell-390");
    const response = await page.goto(page.url().replace(/\/$/, "/don-vi/LB"));
    expect(response?.status()).toBe(404);
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.waitForURL((url) => url.pathname === "/da-dang-xuat");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
