/**
 * 修正 in Excel, in real headless Chromium: the real pane (Office mode) over the real Office.js adapter and the
 * Excel fake built from the messy roster (tests/browser/office-page, `?host=fake`). The user validates, selects
 * an issue with a certain fix, previews and confirms it, undoes it; then fixes everything after typing into one
 * of the cells, which is left alone and named. The fake's grid is checked cell by cell against the engine's fixes.
 * Set ZHIBU_SKIP_BROWSER=1 to skip where no Chromium is installed.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import type ExcelJS from "exceljs";
import { validateWorkbook } from "../../src/core/engine";
import { type Fix, deriveFixes } from "../../src/core/fixes";
import { toExcelSerial } from "../../src/core/dates";
import type { GridCell } from "../fakes/excel-fake";
import { OUT, type Served, paneContext, recordConsoleErrors, requireChromium } from "./harness";
import { ROSTER, activeSnapshot, serveOfficePage, totalsText } from "./office-harness";

const SKIP = process.env["ZHIBU_SKIP_BROWSER"] === "1";
const describeBrowser = SKIP ? describe.skip : describe;

/** Every non-blank cell of the roster sheet in the fake, as A1 → its contents. */
const rosterGrid = (page: Page): Promise<Record<string, GridCell>> =>
  page.evaluate((name) => {
    const sheet = window.zhibuFake!.fake.grid.sheets.find((s) => s.name === name)!;
    const letters = (n: number): string =>
      (n > 26 ? letters(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
    const out: Record<string, GridCell> = {};
    for (const [key, cell] of sheet.cells) {
      const blank = cell.value === "" && cell.formula === undefined && cell.format === "General" && !cell.fill;
      if (!blank) out[`${letters(key % 16384)}${Math.floor(key / 16384)}`] = JSON.parse(JSON.stringify(cell));
    }
    return out;
  }, ROSTER);

/** The A1 addresses whose contents differ between two grids. */
function changed(a: Record<string, GridCell>, b: Record<string, GridCell>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .sort();
}

const written = (f: Fix) => (typeof f.to === "object" ? toExcelSerial(f.to) : f.to);

describeBrowser("修正 in Excel over the Office.js adapter and the Excel fake (headless Chromium)", () => {
  let served: Served | undefined;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  /** Waits until the totals show `counts` and no validation is running. */
  async function totalsAre(p: Page, counts: { error: number; warning: number; info: number }): Promise<void> {
    await p.waitForFunction(
      (want) =>
        document.querySelector('[data-testid="validate-loading"]') === null &&
        document.querySelector('[data-testid="totals"]')?.textContent === want,
      totalsText(counts),
      { timeout: 20000 },
    );
  }

  beforeAll(async () => {
    requireChromium();
    mkdirSync(OUT, { recursive: true });
    served = await serveOfficePage("zhibu-office-fix-");
    context = await paneContext(served.browser);
    page = await context.newPage();
    recordConsoleErrors(page, consoleErrors);
    await page.goto(`${served.url}?host=fake`);
    await page.waitForFunction(() => window.zhibuFake !== undefined);
  }, 400_000);

  afterAll(async () => {
    await served?.close();
  });

  const original = async () => validateWorkbook(await activeSnapshot(), { sheet: ROSTER });

  it("1. an issue with a fix: 修正 previews old → new, 确定修正 writes the cell, 撤销修正 restores value and format", async () => {
    const result = await original();
    const fix = deriveFixes(result).find((f) => f.rule === "cell.enum")!;
    expect(fix).toMatchObject({ from: "汉", to: "汉族" });
    await page.getByTestId("validate-host").click();
    await totalsAre(page, result.counts);
    const before = await rosterGrid(page);

    await page.locator(`[data-location="${ROSTER}!${fix.cell}"][data-testid="issue"]`).first().click();
    await page.getByTestId("fix-issue").click();
    const dialog = page.getByTestId("fix-preview");
    await dialog.waitFor();
    await expect(dialog.getByTestId("fix-row").count()).resolves.toBe(1);
    await expect(dialog.getByTestId("fix-row").getAttribute("data-cell")).resolves.toBe(`${ROSTER}!${fix.cell}`);
    await expect(dialog.getByTestId("fix-change").textContent()).resolves.toBe("“汉” → “汉族”");
    await expect(dialog.textContent()).resolves.toContain(fix.person!);
    // The screenshot once the dialog's opening animation has ended (it fades in).
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    await page.screenshot({ path: path.join(OUT, "office-fix-预览.png") });
    // The dialog only shows: nothing is written before 确定修正.
    expect(changed(before, await rosterGrid(page))).toEqual([]);

    const syncs = await page.evaluate(() => window.zhibuFake!.fake.stats.syncs);
    await page.getByTestId("fix-confirm").click();
    await expect(page.getByTestId("fix-message").textContent()).resolves.toBe("已修正 1 处。");
    const fixedGrid = await rosterGrid(page);
    expect(changed(before, fixedGrid)).toEqual([fix.cell]);
    expect(fixedGrid[fix.cell]).toMatchObject({ value: "汉族", format: before[fix.cell]!.format });
    // 1 read + 1 write for the fix, then the sheet is read again (2) and validated: the enum issue is gone.
    expect((await page.evaluate(() => window.zhibuFake!.fake.stats.syncs)) - syncs).toBe(4);
    const edited = validateWorkbook(
      await activeSnapshot((wb: ExcelJS.Workbook) => {
        wb.getWorksheet(ROSTER)!.getCell(fix.cell).value = "汉族";
      }),
      { sheet: ROSTER },
    );
    await totalsAre(page, edited.counts);
    await expect(page.locator(`[data-location="${ROSTER}!${fix.cell}"]`).count()).resolves.toBe(0);
    const saved = await page.evaluate(() => window.zhibuFake!.fixesSaved);
    expect(saved).toEqual([
      {
        cells: [
          {
            sheet: ROSTER,
            cell: fix.cell,
            before: { value: "汉", numberFormat: before[fix.cell]!.format },
            after: { value: "汉族", numberFormat: before[fix.cell]!.format },
          },
        ],
      },
    ]);
    await page.screenshot({ path: path.join(OUT, "office-fix-已修正.png"), fullPage: true });

    await page.getByTestId("fix-undo").click();
    await expect(page.getByTestId("fix-message").textContent()).resolves.toBe(
      "已撤销 1 处修正，单元格恢复为修正前的值和格式。",
    );
    expect(changed(before, await rosterGrid(page))).toEqual([]);
    await totalsAre(page, result.counts);
    await expect(page.evaluate(() => window.zhibuFake!.fixesSaved.at(-1))).resolves.toBeNull();
    await expect(page.getByTestId("fix-undo").count()).resolves.toBe(0);
  });

  it("2. a rule group's 修正本组 lists exactly its fixes", async () => {
    const fixes = deriveFixes(await original()).filter((f) => f.rule === "cell.whitespace");
    expect(fixes.length).toBeGreaterThan(0);
    await page.locator('[data-testid="group"][data-rule="cell.whitespace"]').getByTestId("fix-group").click();
    const rows = page.getByTestId("fix-preview").getByTestId("fix-row");
    await rows.first().waitFor();
    await expect(rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")))).resolves.toEqual(
      fixes.map((f) => `${f.sheet}!${f.cell}`),
    );
    await page.getByTestId("fix-cancel").click();
    await page.getByTestId("fix-preview").waitFor({ state: "detached" });
  });

  it("3. 全部可修正项: a cell typed into since validation is left alone and named; undo restores the rest exactly", async () => {
    const result = await original();
    const fixes = deriveFixes(result);
    const [typed, ...rest] = fixes as [Fix, ...Fix[]];
    const before = await rosterGrid(page);
    await expect(page.getByTestId("fix-all").textContent()).resolves.toBe(`全部可修正项（${fixes.length} 处）`);
    await page.getByTestId("fix-all").click();
    const rows = page.getByTestId("fix-preview").getByTestId("fix-row");
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(fixes.length);

    // The user types into one of the cells while the preview is open (watching is off: no re-validation).
    await page.evaluate(({ sheet, cell }) => window.zhibuFake!.fake.userEdit(sheet, cell, "1999.9.9"), typed);
    const typedGrid = await rosterGrid(page);
    await page.getByTestId("fix-confirm").click();
    await expect(page.getByTestId("fix-message").textContent()).resolves.toBe(
      `已修正 ${rest.length} 处，另有 1 处自上次校验后已改动，未修正：${typed.cell}。`,
    );
    const after = await rosterGrid(page);
    expect(changed(typedGrid, after)).toEqual(rest.map((f) => f.cell).sort());
    for (const f of rest) expect(after[f.cell]?.value).toBe(written(f));
    expect(after[typed.cell]?.value).toBe("1999.9.9");
    await page.screenshot({ path: path.join(OUT, "office-fix-全部.png"), fullPage: true });

    await page.getByTestId("fix-undo").click();
    await page.getByTestId("fix-message").filter({ hasText: "已撤销" }).waitFor();
    await expect(page.getByTestId("fix-message").textContent()).resolves.toBe(
      `已撤销 ${rest.length} 处修正，单元格恢复为修正前的值和格式。`,
    );
    expect(changed(before, await rosterGrid(page))).toEqual([typed.cell]);
  });

  it("4. English: the buttons and the outcome are in English", async () => {
    await page.getByTestId("lang-toggle").click();
    await expect(page.getByTestId("fix-all").textContent()).resolves.toMatch(/^All fixable cells \(\d+\)$/);
    await expect(page.getByTestId("fix-message").textContent()).resolves.toMatch(/^Undid \d+ fixes: /);
    await page.getByTestId("lang-toggle").click();
  });

  it("5. a reopened pane finds the undo record in the document and 撤销修正 still works", async () => {
    const p = await context.newPage();
    recordConsoleErrors(p, consoleErrors);
    try {
      // The recording host keeps the record in sessionStorage, as Excel keeps it in the document's settings.
      await p.goto(served!.url);
      await p.waitForFunction(() => window.zhibuTest !== undefined);
      await p.getByTestId("validate-host").click();
      await p.getByTestId("fix-all").click();
      const count = await p.getByTestId("fix-preview").getByTestId("fix-row").count();
      await p.getByTestId("fix-confirm").click();
      await expect(p.getByTestId("fix-message").textContent()).resolves.toBe(`已修正 ${count} 处。`);

      await p.reload();
      await p.waitForFunction(() => window.zhibuTest !== undefined);
      await expect(p.getByTestId("fix-pending").textContent()).resolves.toBe(
        `上次修正了 ${count} 处单元格，可以撤销。`,
      );
      await p.getByTestId("fix-undo").click();
      await expect(p.getByTestId("fix-message").textContent()).resolves.toBe(
        `已撤销 ${count} 处修正，单元格恢复为修正前的值和格式。`,
      );
      const calls = await p.evaluate(() => window.zhibuTest!.host.calls.map((c) => [c.method, c.args]));
      expect(calls).toEqual([["undoFixes", count]]);
      await p.reload();
      await p.waitForFunction(() => window.zhibuTest !== undefined);
      await expect(p.getByTestId("fix-undo").count()).resolves.toBe(0);
    } finally {
      await p.close();
    }
  });

  it("6. logged no console error", () => {
    expect(consoleErrors).toEqual([]);
  });
});
