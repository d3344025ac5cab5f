/**
 * The whole Excel chain in real headless Chromium: the real task pane (Office mode) calls the real Office.js
 * adapter (addin/office/excel-adapter.ts), which drives the faithful Excel fake (tests/fakes/excel-fake.ts) built
 * from the fixture in the page (tests/browser/office-page, `?host=fake`). The test acts as the user in the pane
 * and in "Excel" (typing into a cell; deleting, sorting and recolouring rows), then checks the fake's grid, fills,
 * conditional formats and sync counts against the engine.
 * Set ZHIBU_SKIP_BROWSER=1 to skip where no Chromium is installed.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import type ExcelJS from "exceljs";
import type { Severity } from "../../src/core/types";
import { validateWorkbook } from "../../src/core/engine";
import { summaryOf } from "../../src/core/summary/sections";
import { MARK_COLORS, MARK_FORMULA } from "../../addin/office/port";
import { applySettingEdits, settingCellChanges, settingFields } from "../../addin/taskpane/settings-model";
import type { GridFill } from "../fakes/excel-fake";
import { OUT, type Served, paneContext, recordConsoleErrors, requireChromium } from "./harness";
import { ROSTER, activeSnapshot, serveOfficePage, totalsText } from "./office-harness";

const SKIP = process.env["ZHIBU_SKIP_BROWSER"] === "1";

/** The user's edit of test 4: the duplicate ID in E26 cleared. */
const clearE26 = (wb: ExcelJS.Workbook) => {
  wb.getWorksheet(ROSTER)!.getCell("E26").value = null;
};

const fillsOf = (page: Page): Promise<Record<string, GridFill | null>> =>
  page.evaluate(() => Object.fromEntries(window.zhibuFake!.fake.fills()));
/** The add-in's marks (its conditional formats), as sheet!A1 → colour. */
const marksOf = (page: Page): Promise<Record<string, string>> =>
  page.evaluate((formula) => {
    const out: Record<string, string> = {};
    for (const s of window.zhibuFake!.fake.grid.sheets)
      for (const cf of s.conditionalFormats) {
        const b = cf.bounds;
        if (cf.formula !== formula || b.top !== b.bottom || b.left !== b.right) continue;
        const letters = (n: number): string =>
          (n > 26 ? letters(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
        out[`${s.name}!${letters(b.left)}${b.top}`] = cf.fill ?? "";
      }
    return out;
  }, MARK_FORMULA);
/** Every conditional format of the workbook. */
const formatsOf = (page: Page): Promise<string[]> =>
  page.evaluate(() => window.zhibuFake!.fake.conditionalFormatList());
/** Change events that reached the pane's handlers since test 4 started counting. */
const seen = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { changesSeen: number }).changesSeen);
const syncs = (page: Page): Promise<number> => page.evaluate(() => window.zhibuFake!.fake.stats.syncs);

const describeBrowser = SKIP ? describe.skip : describe;

describeBrowser("the task pane over the Office.js adapter and the Excel fake (headless Chromium)", () => {
  let served: Served | undefined;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  async function openPane(query: string): Promise<Page> {
    const p = await context.newPage();
    recordConsoleErrors(p, consoleErrors);
    await p.goto(`${served!.url}?${query}`);
    await p.waitForFunction(() => window.zhibuFake !== undefined);
    return p;
  }

  async function validateActive(p: Page): Promise<string> {
    const totals = p.getByTestId("totals");
    // Waits for a new result: the totals appear, or change from what an earlier validation showed.
    const before = (await totals.count()) > 0 ? await totals.textContent() : null;
    await p.getByTestId("validate-host").click();
    await p.waitForFunction(
      (old) => {
        const t = document.querySelector('[data-testid="totals"]');
        return (
          t !== null && document.querySelector('[data-testid="validate-loading"]') === null && t.textContent !== old
        );
      },
      before,
      { timeout: 20000 },
    );
    return (await totals.textContent()) ?? "";
  }

  beforeAll(async () => {
    requireChromium();
    mkdirSync(OUT, { recursive: true });
    served = await serveOfficePage("zhibu-office-fake-");
    context = await paneContext(served.browser, { acceptDownloads: true });
    page = await openPane("host=fake");
  }, 400_000);

  afterAll(async () => {
    await served?.close();
  });

  it("1. 校验: the active sheet read through the adapter validates as the engine does, in at most 4 syncs", async () => {
    await expect(page.getByTestId("host-mode").textContent()).resolves.toBe("在 Excel 中运行");
    await expect(page.getByRole("radio", { name: "当前工作表" }).isChecked()).resolves.toBe(true);
    expect(await syncs(page)).toBe(0);
    const expected = validateWorkbook(await activeSnapshot(), { sheet: ROSTER });
    expect(expected.counts).toEqual({ error: 9, warning: 5, info: 0 });

    await expect(validateActive(page)).resolves.toBe(totalsText(expected.counts));
    const stats = await page.evaluate(() => ({
      syncs: window.zhibuFake!.fake.stats.syncs,
      payloads: window.zhibuFake!.fake.stats.payloads,
    }));
    expect(stats.syncs).toBeGreaterThan(0);
    expect(stats.syncs).toBeLessThanOrEqual(4);
    expect(stats.payloads.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const shown = await page.getByTestId("issue").evaluateAll((els) => els.map((e) => e.getAttribute("data-location")));
    expect(new Set(shown)).toEqual(new Set(expected.issues.map((i) => `${i.sheet}!${i.cell}`)));
  });

  it("2. clicking an issue selects its cell in the fake Excel", async () => {
    await page.locator('[data-location="花名册!E25"]').click();
    await expect(page.getByTestId("focus").textContent()).resolves.toContain("已在 Excel 中选中 花名册!E25");
    const selected = await page.evaluate(() => window.zhibuFake!.fake.stats.selection);
    expect(selected?.sheet).toBe(ROSTER);
    expect(selected?.address).toMatch(/^'?花名册'?!E25$/);
    await expect(page.evaluate(() => window.zhibuFake!.fake.stats.activeSheet)).resolves.toBe(ROSTER);
    // Keyboard, as a user without a mouse: focus the next issue and press Enter.
    await page.locator('[data-location="花名册!O8"]').focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("focus").filter({ hasText: "花名册!O8" }).waitFor();
    await expect(page.evaluate(() => window.zhibuFake!.fake.stats.selection?.address)).resolves.toMatch(/!O8$/);
  });

  it("3. 标注 adds the add-in's conditional formats on exactly the issue cells in 1 sync; 清除标注 removes them", async () => {
    const expected = validateWorkbook(await activeSnapshot(), { sheet: ROSTER });
    const worst = new Map<string, Severity>();
    const rank = { error: 0, warning: 1, info: 2 } as const;
    for (const i of expected.issues) {
      if (!i.cell) continue;
      const key = `${i.sheet}!${i.cell}`;
      const had = worst.get(key);
      if (had === undefined || rank[i.severity] < rank[had]) worst.set(key, i.severity);
    }
    const before = await fillsOf(page);
    const formatsBefore = await formatsOf(page);
    const syncsBefore = await syncs(page);

    await page.getByTestId("mark").click();
    await expect(page.getByTestId("marks-done").textContent()).resolves.toBe(`已标注 ${worst.size} 个单元格。`);
    expect((await syncs(page)) - syncsBefore).toBe(1);
    const marks = await marksOf(page);
    expect(new Set(Object.keys(marks))).toEqual(new Set(worst.keys()));
    for (const [cell, severity] of worst) expect(marks[cell]).toBe(MARK_COLORS[severity]);
    await expect(fillsOf(page)).resolves.toEqual(before);
    await page.screenshot({ path: path.join(OUT, "office-fake-标注.png"), fullPage: true });

    await page.getByTestId("clear-marks").click();
    await expect(page.getByTestId("marks-done").textContent()).resolves.toBe(
      `已清除 ${worst.size} 处标注，单元格原有格式未改动。`,
    );
    await expect(fillsOf(page)).resolves.toEqual(before);
    await expect(formatsOf(page)).resolves.toEqual(formatsBefore);
    await expect(page.evaluate(() => window.zhibuFake!.saved.map((r) => r?.cells.length ?? null))).resolves.toEqual([
      worst.size,
      null,
    ]);
  });

  it("3b. marks survive editing: mark, delete a row, sort, recolour a marked cell, 清除标注 leaves exactly the user's formatting", async () => {
    const p = await openPane("host=fake");
    try {
      const expected = validateWorkbook(await activeSnapshot(), { sheet: ROSTER });
      await expect(validateActive(p)).resolves.toBe(totalsText(expected.counts));
      await p.getByTestId("mark").click();
      await p.getByTestId("marks-done").filter({ hasText: "已标注" }).waitFor();
      const marked = Object.keys(await marksOf(p));
      expect(marked).toContain("花名册!E26");

      // The user: deletes the duplicate row 26, sorts the data rows by 姓名, recolours a marked cell.
      const header = expected.sheets[0]!.headerRow!;
      const edits = await p.evaluate(
        ({ header }) => {
          const fake = window.zhibuFake!.fake;
          const sheet = fake.grid.sheets.find((s) => s.name === "花名册")!;
          let last = 0;
          let right = 0;
          for (const key of sheet.cells.keys()) {
            last = Math.max(last, Math.floor(key / 16384));
            right = Math.max(right, key % 16384);
          }
          fake.userDeleteRows("花名册", 26);
          const letters = (n: number): string =>
            (n > 26 ? letters(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
          fake.userSort("花名册", `A${header + 1}:${letters(right)}${last - 1}`, [{ key: 1 }]);
          fake.userFill("花名册", "E25", "#00B050");
          fake.userFill("花名册", "B4", "#FFFF00");
          return { last };
        },
        { header },
      );
      expect(edits.last).toBeGreaterThan(26);
      const userFills = await fillsOf(p);
      expect(userFills["花名册!E25"]?.color).toBe("#00B050");
      const left = await marksOf(p);
      expect(Object.keys(left).length).toBe(marked.length - 1); // the deleted row's mark went with it

      await p.getByTestId("clear-marks").click();
      await p.getByTestId("marks-done").filter({ hasText: "已清除" }).waitFor();
      await expect(marksOf(p)).resolves.toEqual({});
      await expect(fillsOf(p)).resolves.toEqual(userFills);
      await expect(formatsOf(p)).resolves.toEqual([]);
      await p.screenshot({ path: path.join(OUT, "office-fake-清除标注-编辑后.png"), fullPage: true });
    } finally {
      await p.close();
    }
  });

  it("4. 编辑时重新校验: the user's edit in Excel is re-checked; the add-in's own marks raise no change", async () => {
    await page.getByTestId("watch-switch").click();
    await page.waitForFunction(() => window.zhibuFake!.fake.registrations.some((r) => r.active));
    // Count what reaches the pane's change handlers.
    await page.evaluate(() => {
      const w = window as unknown as { changesSeen: number };
      w.changesSeen = 0;
      for (const r of window.zhibuFake!.fake.registrations) {
        const handler = r.handler;
        (r as { handler: (args: unknown) => unknown }).handler = (args) => {
          w.changesSeen++;
          return handler(args as never);
        };
      }
    });
    const original = validateWorkbook(await activeSnapshot(), { sheet: ROSTER });

    await page.getByTestId("mark").click();
    await page.getByTestId("marks-done").filter({ hasText: "已标注" }).waitFor();
    await page.getByTestId("clear-marks").click();
    await page.getByTestId("marks-done").filter({ hasText: "已清除" }).waitFor();
    expect(await seen(page)).toBe(0);
    await expect(page.getByTestId("totals").textContent()).resolves.toBe(totalsText(original.counts));

    const expected = validateWorkbook(await activeSnapshot(clearE26), { sheet: ROSTER });
    expect(expected.counts).not.toEqual(original.counts);
    expect(expected.issues.some((i) => i.rule === "roster.id.duplicate")).toBe(false);
    await page.evaluate(() => window.zhibuFake!.fake.userEdit("花名册", "E26", ""));
    expect(await seen(page)).toBe(1);
    await page
      .getByTestId("totals")
      .filter({ hasText: totalsText(expected.counts) })
      .waitFor({ timeout: 10000 });
    await expect(page.locator('[data-location="花名册!E25"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-location="花名册!E26"]').count()).resolves.toBe(1);
    expect(await seen(page)).toBe(1);
    // Watching stays on for test 6: the add-in's own writes to 设置 must not come back as an edit either.
  });

  it("6. 设置: the new 统计截止日期 lands in the fake's 设置 sheet and the counts follow it", async () => {
    await page.locator("#tab-settings").click();
    const asOf = page.getByTestId("setting-asOf");
    await expect(asOf.inputValue()).resolves.toBe("2026-11-21");
    await asOf.fill("2028-06-30");
    const snapshot = await activeSnapshot(clearE26);
    const [change] = settingCellChanges(snapshot, settingFields(validateWorkbook(snapshot, { sheet: ROSTER })), {
      asOf: "2028-06-30",
    });
    const cell = /^设置!([A-Z]+\d+)$/.exec(change?.cell ?? "")?.[1];
    expect(cell).toBeDefined();
    await page.getByTestId("settings-save").click();
    await expect(page.getByTestId("settings-saved").textContent()).resolves.toBe("已写入 1 项，并重新校验。");
    expect(await seen(page)).toBe(1);

    const written = await page.evaluate((address) => {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const sheet = window.zhibuFake!.fake.grid.sheets.find((s) => s.name === "设置")!;
      const c = sheet.cells.get(Number(m[2]) * 16384 + col);
      return c ? { value: c.value, format: c.format } : null;
    }, cell!);
    // An Excel date serial shown through a date format, or the text as typed.
    const serial = Date.UTC(2028, 5, 30) / 86400000 + 25569;
    expect(written?.value === serial || written?.value === "2028-06-30").toBe(true);
    const expected = validateWorkbook(applySettingEdits(snapshot, { asOf: "2028-06-30" }), { sheet: ROSTER });
    expect(expected.counts).not.toEqual(validateWorkbook(snapshot, { sheet: ROSTER }).counts);
    await page.locator("#tab-validate").click();
    await expect(page.getByTestId("totals").textContent()).resolves.toBe(totalsText(expected.counts));
    await page.getByTestId("watch-switch").click();
    await page.waitForFunction(() => !window.zhibuFake!.fake.registrations.some((r) => r.active));
  });

  it("7. 汇总: builds the 汇总 sheet with PivotTables, charts and 党员总数; export creates a workbook (1.8+)", async () => {
    const snapshot = applySettingEdits(await activeSnapshot(clearE26), { asOf: "2028-06-30" });
    const members = (
      summaryOf(validateWorkbook(snapshot, { sheet: ROSTER }), true).summary["roster"] as {
        members: number;
      }
    ).members;
    expect(members).toBeGreaterThan(0);
    await page.locator("#tab-summary").click();
    await page.getByTestId("summary-sheet").click();
    const done = await page.getByTestId("summary-sheet-done").textContent({ timeout: 20000 });
    const sheet = await page.evaluate(() => {
      const s = window.zhibuFake!.fake.grid.sheets.find((x) => x.name === "汇总");
      if (!s) return null;
      const text = [...s.cells.entries()].map(([k, c]) => ({ key: k, value: c.value }));
      return { pivots: s.pivots.length, charts: s.charts.length, text };
    });
    expect(sheet).not.toBeNull();
    expect(sheet!.pivots).toBeGreaterThan(0);
    expect(sheet!.charts).toBeGreaterThan(0);
    expect(done).toBe(`已生成工作表“汇总”：${sheet!.pivots} 个数据透视表，${sheet!.charts} 个图表。`);
    const label = sheet!.text.find((c) => typeof c.value === "string" && c.value.startsWith("党员总数"));
    expect(label).toBeDefined();
    expect(sheet!.text.find((c) => c.key === label!.key + 1)?.value).toBe(members);
    await page.screenshot({ path: path.join(OUT, "office-fake-汇总.png"), fullPage: true });

    await page.getByTestId("summary-export").click();
    await expect(page.getByTestId("summary-exported").textContent({ timeout: 20000 })).resolves.toBe(
      "已在 Excel 中打开一个新的汇总工作簿，请在其中保存。",
    );
    const created = await page.evaluate(() =>
      window.zhibuFake!.fake.createdWorkbooks.map((w) => ({ opened: w.opened, bytes: w.base64?.length ?? 0 })),
    );
    expect(created).toHaveLength(1);
    expect(created[0]!.opened).toBe(true);
    expect(created[0]!.bytes).toBeGreaterThan(1000);
  });

  it("5. 模板: inserts the roster with sample rows as a table, suffixed when taken, and it validates clean", async () => {
    // A fresh pane and workbook: 设置 as in the file (test 6 moved its 统计截止日期 on, which ages sample rows).
    const page = await openPane("host=fake");
    try {
      await page.locator("#tab-templates").click();
      await page.getByTestId("template-sample").fill("10");
      await page.getByTestId("template-make").click();
      await expect(page.getByTestId("template-done").textContent({ timeout: 20000 })).resolves.toMatch(
        /^已插入工作表：党员花名册(、[^、（]+)*（表格 \S+）。$/,
      );
      await page.getByTestId("template-make").click();
      await page
        .getByTestId("template-done")
        .filter({ hasText: /党员花名册\(2\)/ })
        .waitFor({ timeout: 20000 });
      const inserted = await page.evaluate(() =>
        window
          .zhibuFake!.fake.grid.sheets.filter((s) => s.name.startsWith("党员花名册"))
          .map((s) => ({ name: s.name, tables: s.tables.length, rows: s.tables[0]?.bounds })),
      );
      // The name taken, the second gets Excel's suffix.
      expect(inserted.map((s) => s.name)).toHaveLength(2);
      expect(inserted[0]?.name).toBe("党员花名册");
      expect(inserted[1]?.name).toMatch(/^党员花名册\(2\)$/);
      for (const s of inserted) {
        expect(s.tables).toBe(1);
        expect(s.rows!.bottom - s.rows!.top).toBe(10);
      }
      await expect(page.evaluate(() => window.zhibuFake!.fake.stats.activeSheet)).resolves.toBe(inserted[1]?.name);

      await page.locator("#tab-validate").click();
      await expect(validateActive(page)).resolves.toBe(totalsText({ error: 0, warning: 0, info: 0 }));
      await expect(page.getByTestId("issue").count()).resolves.toBe(0);
      await page.screenshot({ path: path.join(OUT, "office-fake-模板.png"), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it("5b. 模板: all four templates insert into one workbook with one 设置, and the workbook validates clean", async () => {
    const p = await openPane("host=fake");
    try {
      // A new, blank workbook (the fixture's 设置 fixes 年度 2026, which 12 sample rows of today cannot cover).
      await p.evaluate(async () => {
        const fake = window.zhibuFake!.fake;
        const old = fake.grid.sheets.map((s) => s.name);
        await fake.run(async (context) => {
          context.workbook.worksheets.add("Sheet1");
          for (const name of old) context.workbook.worksheets.getItem(name).delete();
          await context.sync();
        });
      });
      await p.locator("#tab-templates").click();
      await p.getByTestId("template-all").click();
      await p.getByTestId("template-branch").fill("实验小学党支部");
      await p.getByTestId("template-sample").fill("12");
      await p.getByTestId("template-make").click();
      await expect(p.getByTestId("template-done").textContent({ timeout: 30000 })).resolves.toMatch(
        /^已插入工作表：党员花名册、.*（4 个表格）。$/,
      );
      const sheets = await p.evaluate(() =>
        window.zhibuFake!.fake.grid.sheets.map((s) => ({ name: s.name, tables: s.tables.length })),
      );
      expect(sheets.filter((s) => s.tables === 1)).toHaveLength(4);
      expect(sheets.filter((s) => s.name === "设置")).toHaveLength(1);
      await p.screenshot({ path: path.join(OUT, "office-fake-模板-全部.png"), fullPage: true });

      await p.locator("#tab-validate").click();
      await p.getByRole("radio", { name: "整个工作簿" }).click();
      await expect(validateActive(p)).resolves.toBe(totalsText({ error: 0, warning: 0, info: 0 }));
      await expect(p.getByTestId("issue").count()).resolves.toBe(0);
    } finally {
      await p.close();
    }
  });

  it("7b. at ExcelApi 1.7 the 汇总 sheet uses plain tables and export falls back to a download", async () => {
    const old = await openPane("host=fake&api=1.7");
    try {
      const expected = validateWorkbook(await activeSnapshot(), { sheet: ROSTER });
      await expect(validateActive(old)).resolves.toBe(totalsText(expected.counts));
      await old.locator("#tab-summary").click();
      await old.getByTestId("summary-sheet").click();
      await expect(old.getByTestId("summary-sheet-done").textContent({ timeout: 20000 })).resolves.toBe(
        "已生成工作表“汇总”。此版本的 Excel 不能为加载项创建数据透视表（或图表），已改用普通表格；更新 Office 后可再刷新。",
      );
      const sheet = await old.evaluate(() => {
        const s = window.zhibuFake!.fake.grid.sheets.find((x) => x.name === "汇总");
        return s ? { pivots: s.pivots.length, charts: s.charts.length, cells: s.cells.size } : null;
      });
      expect(sheet?.pivots).toBe(0);
      expect(sheet!.cells).toBeGreaterThan(0);

      const [download] = await Promise.all([old.waitForEvent("download"), old.getByTestId("summary-export").click()]);
      expect(download.suggestedFilename()).toBe("花名册-汇总.xlsx");
      await expect(old.getByTestId("summary-exported").textContent()).resolves.toBe(
        "此版本的 Excel 不能直接新建工作簿（需要 ExcelApi 1.8），已改为下载 花名册-汇总.xlsx。",
      );
      await expect(old.evaluate(() => window.zhibuFake!.fake.createdWorkbooks.length)).resolves.toBe(0);
      await old.screenshot({ path: path.join(OUT, "office-fake-汇总-1.7.png"), fullPage: true });
    } finally {
      await old.close();
    }
  });

  it("8. logged no console error", () => {
    expect(consoleErrors).toEqual([]);
  });
});
