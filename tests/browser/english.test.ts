/**
 * English mode, walked through in real headless Chromium: the standalone page is built (webpack, production, into
 * a folder of its own) and served, switched to English with the language toggle, and every area is visited with a
 * roster and with a workbook holding a schedule, a year-end evaluation and a ballot: 模板 (templates and the
 * recognised sheets), 校验 (every group open, an issue and a sheet-level issue selected, the marked copy), 汇总 (all
 * sections, the year paragraph, the national form's confirmation) and 设置 (the form, a rejected and an applied
 * edit). At each step the page's text (document.body.innerText, plus the values of its fields) is collected; once
 * the workbook's own texts (cell texts, sheet names, the file name, read here with exceljs) are taken out, no Han
 * character may remain. The language toggle names Chinese in Chinese and is the one line left out.
 * Set ZHIBU_SKIP_BROWSER=1 to skip where no Chromium is installed.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import ExcelJS from "exceljs";
import { OUT, ROOT, type Served, requireChromium, openInValidate, openSharedPane } from "./harness";
import { HAN, hanLines, workbookTexts } from "../helpers/user-data";
import { LANG_SWITCH } from "../../addin/taskpane/i18n";

const SAMPLES = path.join(ROOT, "tests/fixtures/samples");
const ROSTER = path.join(SAMPLES, "roster-messy.xlsx");
const SKIP = process.env["ZHIBU_SKIP_BROWSER"] === "1";

/** The schedule, the year-end evaluation and the ballot samples as the sheets of one workbook (cell values and merges). */
async function combinedWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SAMPLES, "schedule.xlsx"));
  for (const sample of ["evaluation.xlsx", "ballot.xlsx"]) {
    const from = new ExcelJS.Workbook();
    await from.xlsx.readFile(path.join(SAMPLES, sample));
    for (const src of from.worksheets) {
      const ws = wb.addWorksheet(src.name);
      src.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          const target = ws.getCell(r, c);
          target.value = cell.value;
          target.numFmt = cell.numFmt;
        }),
      );
      for (const range of (src.model as { merges?: string[] }).merges ?? []) ws.mergeCells(range);
    }
  }
  await wb.xlsx.writeFile(file);
}

async function ownTexts(file: string): Promise<Set<string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return workbookTexts(wb, [path.basename(file)]);
}

const describeBrowser = SKIP ? describe.skip : describe;

describeBrowser("English mode in headless Chromium", () => {
  let served: Served | undefined;
  let page: Page;
  const consoleErrors: string[] = [];
  /** What each step showed, to be checked together at the end. */
  const seen: Array<{ step: string; text: string }> = [];
  const userData = new Set<string>();
  const COMBINED = path.join(OUT, "schedule-evaluation-ballot.xlsx");

  /** Collects the page's text and the values of its fields, and takes a screenshot. */
  async function collect(step: string): Promise<void> {
    const text = await page.evaluate(() => {
      const fields = Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea"))
        .filter((el) => el.type !== "file" && el.type !== "radio" && el.offsetParent !== null)
        .map((el) => el.value);
      return [document.body.innerText, ...fields].join("\n");
    });
    seen.push({ step, text });
    await page.screenshot({ path: path.join(OUT, `english-${step}.png`), fullPage: true });
  }

  async function open(file: string): Promise<void> {
    await openInValidate(page, file);
    for (const d of await ownTexts(file)) userData.add(d);
  }

  /** Opens every group of the issue list and every "show more", then selects the first issue (and a sheet-level one). */
  async function walkValidate(step: string): Promise<void> {
    const headers = page.getByTestId("group").locator("button[aria-expanded]");
    for (let i = 0; i < (await headers.count()); i++)
      if ((await headers.nth(i).getAttribute("aria-expanded")) === "false") await headers.nth(i).click();
    await expect(
      headers.evaluateAll((els) => els.every((e) => e.getAttribute("aria-expanded") === "true")),
    ).resolves.toBe(true);
    await page.getByTestId("issue").first().click();
    await page.getByTestId("focus-location").waitFor({ timeout: 10000 });
    await collect(`${step}-issue`);
    const sheetLevel = page.locator('[data-testid="issue"]:not([data-location*="!"])');
    if ((await sheetLevel.count()) > 0) {
      await sheetLevel.first().click();
      await collect(`${step}-sheet-level`);
    }
  }

  async function walkAreas(step: string): Promise<void> {
    await page.locator("#tab-templates").click();
    await page.getByTestId("recognised-sheet").first().waitFor({ timeout: 10000 });
    await collect(`${step}-templates`);

    await page.locator("#tab-summary").click();
    await page.getByTestId("summary-section").first().waitFor({ timeout: 10000 });
    await collect(`${step}-summary`);
    if ((await page.getByTestId("year-report").count()) > 0) {
      await page.getByTestId("national-export").click();
      await page.getByTestId("national-warning").waitFor({ timeout: 10000 });
      await collect(`${step}-national`);
      await page.getByRole("button", { name: "Cancel" }).click();
      await page.getByTestId("national-warning").waitFor({ state: "detached", timeout: 10000 });
    }

    await page.locator("#tab-settings").click();
    const asOf = page.getByTestId("setting-asOf");
    await asOf.waitFor({ timeout: 10000 });
    await collect(`${step}-settings`);
    await asOf.fill("2026-13-45");
    await collect(`${step}-settings-invalid`);
    await asOf.fill("2026-12-31");
    await page.getByTestId("settings-apply").click();
    await page.getByTestId("settings-applied").waitFor({ timeout: 20000 });
    await collect(`${step}-settings-applied`);
    await page.locator("#tab-validate").click();
    await page.getByTestId("edited-note").waitFor({ timeout: 20000 });
    await collect(`${step}-validate-edited`);
    await page.locator("#tab-settings").click();
    await page.getByTestId("settings-reset").click();
    await page.locator("#tab-validate").click();
  }

  beforeAll(async () => {
    requireChromium();
    mkdirSync(OUT, { recursive: true });
    await combinedWorkbook(COMBINED);
    ({ served, page } = await openSharedPane(consoleErrors));
  }, 400_000);

  afterAll(async () => {
    await served?.close();
  });

  it("switches to English with the toggle", async () => {
    await page.getByTestId("lang-toggle").click();
    await expect(page.locator("#tab-validate").textContent()).resolves.toBe("Validate");
    await expect(page.getByTestId("lang-toggle").textContent()).resolves.toBe(LANG_SWITCH["zh-CN"].label);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("en");
    await collect("start");
    await page.locator("#tab-templates").click();
    await collect("templates-empty");
    await page.locator("#tab-summary").click();
    await collect("summary-empty");
    await page.locator("#tab-settings").click();
    await collect("settings-empty");
  });

  it("walks every area with the messy roster", async () => {
    await open(ROSTER);
    await walkValidate("roster");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("marked-copy-download").click(),
    ]);
    expect(download.suggestedFilename()).toBe("roster-messy-marked.xlsx");
    const file = path.join(OUT, "english-roster-messy-marked.xlsx");
    await download.saveAs(file);
    await page.getByTestId("marked-copy-done").waitFor({ timeout: 20000 });
    await collect("roster-marked-copy");
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(file);
    expect(copy.worksheets[0]?.name).toBe("Issues");
    expect(copy.worksheets[0]?.getRow(3).getCell(7).text).toBe("Message");
    const [fixed] = await Promise.all([page.waitForEvent("download"), page.getByTestId("fixed-copy-download").click()]);
    expect(fixed.suggestedFilename()).toBe("roster-messy-fixed.xlsx");
    await page.getByTestId("fixed-copy-done").waitFor({ timeout: 20000 });
    await collect("roster-fixed-copy");
    await walkAreas("roster");
  });

  it("walks every area with a workbook holding a schedule, a year-end evaluation and a ballot", async () => {
    await open(COMBINED);
    await walkValidate("combined");
    await walkAreas("combined");
    const text = seen
      .filter((s) => s.step.startsWith("combined-summary"))
      .map((s) => s.text)
      .join("\n");
    for (const heading of ["Monthly work schedule", "Staff year-end evaluation", "Democratic appraisal of members"])
      expect(text).toContain(heading);
  });

  it("shows no Han character outside the workbooks' own texts", () => {
    expect(seen.length).toBeGreaterThan(20);
    expect(userData.size).toBeGreaterThan(100);
    // The walk really saw Chinese user data (so the check is not vacuous) …
    expect(seen.some((s) => HAN.test(s.text))).toBe(true);
    // … and nothing else in Chinese.
    const offending = seen.flatMap(({ step, text }) =>
      hanLines(
        text
          .split("\n")
          .filter((line) => line.trim() !== LANG_SWITCH["zh-CN"].label)
          .join("\n"),
        userData,
      ).map((line) => `[${step}] ${line}`),
    );
    if (offending.length > 0) throw new Error(`Han characters outside user data:\n${offending.join("\n")}`);
  });

  it("logged no console error", () => {
    expect(consoleErrors).toEqual([]);
  });
});
