// The web app in Debian's chromium: a standing committee member signs in through the link the bot sent
// (opens it, presses the button), reads the overview, filters the laggards, opens a cell's page; a cell's
// secretary signs in on a phone-sized screen; another reports their congress held through the web form,
// and their working group's leader sees the cell counted and filters the laggards. Screenshots at 390 and 1280 px go to test-artifacts/web/;
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
  let reportingSecretary: User;
  let leader: User;

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
    reportingSecretary = await bindTelegramUser(db.database, "+84341933009"); // Trần Mạnh Trung, P-GIATHUY-19
    leader = await bindTelegramUser(db.database, "+84865390337"); // working group 2: P-GIATHUY among others
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

  it("when a secretary reports the congress held through the web form, then the working group's leader sees the cell counted and filters the laggards", async () => {
    const { context, page } = await signedIn(reportingSecretary, 390);
    await page.getByRole("link", { name: "Báo cáo tiến độ đại hội" }).click();
    await page.getByRole("link", { name: "Tổ chức đại hội" }).click();
    await page.getByLabel("Ngày tổ chức đại hội").fill("18/03/2020");
    await page.getByLabel("Số chi ủy viên theo đề án được duyệt?").fill("5");
    await page.getByLabel("Số chi ủy viên trúng cử?").fill("5");
    await page.getByLabel("Trong số chi ủy viên trúng cử, bao nhiêu đồng chí nữ?").fill("6");
    await page.getByRole("button", { name: "Xem lại trước khi ghi" }).click();
    // Refused in the bot's words, with what was typed kept and the field marked.
    expect(await page.getByRole("alert").innerText()).toContain("Số nữ (6) không thể lớn hơn Số ủy viên trúng cử (5).");
    expect(await page.getByLabel("Trong số chi ủy viên trúng cử, bao nhiêu đồng chí nữ?").inputValue()).toBe("6");
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "report-form-390");

    await page.getByLabel("Trong số chi ủy viên trúng cử, bao nhiêu đồng chí nữ?").fill("2");
    await page
      .getByRole("group", { name: "Bí thư chi bộ có được đại hội bầu trực tiếp không?" })
      .getByLabel("Có")
      .check();
    await page.getByRole("button", { name: "Xem lại trước khi ghi" }).click();
    expect(await page.locator(".card").innerText()).toContain("Chi ủy: bầu 5/5 (đủ), nữ 2 (40,0%)");
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "report-card-390");
    await page.getByRole("button", { name: "✅ Xác nhận" }).click();
    expect(await page.locator("h1").innerText()).toBe("Đã lưu báo cáo");
    expect(await page.locator("ul.card").innerText()).toContain("✅ Tổ chức đại hội — 18/03/2020");
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "report-saved-390");
    await context.close();

    for (const width of [1280, 390]) {
      const seen = await signedIn(leader, width);
      await seen.page.getByRole("link", { name: "Đảng bộ phường Gia Thụy" }).click();
      const row = seen.page.locator("tbody tr", { hasText: "(P-GIATHUY-19)" });
      expect(await row.locator("td").first().innerText()).toBe("1/1");
      expect(await row.locator('a[href^="tel:"]').innerText()).toBe("0341 933 009");
      await seen.page.selectOption('select[name="loc"]', "notHeld");
      await seen.page.getByRole("button", { name: "Tìm" }).click();
      await seen.page.waitForURL((url) => url.searchParams.get("loc") === "notHeld");
      const laggards = await seen.page.locator("table").nth(1).locator("tbody tr").allInnerTexts();
      expect(laggards.length).toBeGreaterThan(0);
      expect(laggards.join("\n")).not.toContain("P-GIATHUY-19");
      expect(await axeViolations(seen.page)).toEqual([]);
      await shot(seen.page, `leader-laggards-${width}`);
      await seen.context.close();
    }
  });

  it("when a secretary opens the notifications page, then its one script runs under the page's policy and says what happened", async () => {
    const { context, page } = await signedIn(secretary, 390);
    await context.grantPermissions(["notifications"]);
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.getByRole("link", { name: "Thông báo" }).click();
    expect(await page.locator("h1").innerText()).toBe("Thông báo trên trình duyệt");
    const button = page.getByRole("button", { name: "Bật thông báo trên trình duyệt này" });
    await button.waitFor({ state: "visible" });
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "notifications-390");
    await button.click();
    // This machine has no push service (no network): the browser cannot subscribe, and the page says so.
    await page.locator("#push-status", { hasText: /thông báo/ }).waitFor();
    expect(await page.locator("#push-status").innerText()).toBe(
      "Chưa bật được thông báo. Đồng chí thử lại sau ít phút.",
    );
    expect(errors.filter((error) => /Content Security Policy/i.test(error))).toEqual([]);
    await context.close();
  });
});
