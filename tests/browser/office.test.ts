/**
 * The task pane in Office mode, in real headless Chromium: a test-only page (tests/browser/office-page) runs the
 * real App against RecordingHost, an in-page ExcelHost double over an exceljs workbook that records every call.
 * Checks what the pane asks of Excel for each area (validate, select, mark/clear, re-check while editing,
 * insert, settings, summary sheet, export with its download fallback) and what it tells the user.
 * Set ZHIBU_SKIP_BROWSER=1 to skip where no Chromium is installed.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { validateWorkbook } from "../../src/core/engine";
import { cellsToMark } from "../../addin/taskpane/office-actions";
import { applySettingEdits, settingCellChanges, settingFields } from "../../addin/taskpane/settings-model";
import { OUT, type Served, paneContext, recordConsoleErrors, requireChromium } from "./harness";
import { activeSnapshot, serveOfficePage, totalsText } from "./office-harness";

const SKIP = process.env["ZHIBU_SKIP_BROWSER"] === "1";

interface Call {
  method: string;
  args: unknown;
}

const describeBrowser = SKIP ? describe.skip : describe;

describeBrowser("the task pane in Office mode against a recording ExcelHost (headless Chromium)", () => {
  let served: Served | undefined;
  let page: Page;
  const consoleErrors: string[] = [];

  const calls = (): Promise<Call[]> => page.evaluate(() => window.zhibuTest!.host.calls as Call[]);
  const clearCalls = () => page.evaluate(() => void window.zhibuTest!.host.calls.splice(0));
  const methods = async () => (await calls()).map((c) => c.method);

  beforeAll(async () => {
    requireChromium();
    mkdirSync(OUT, { recursive: true });
    served = await serveOfficePage("zhibu-office-page-");
    const context = await paneContext(served.browser, { acceptDownloads: true });
    page = await context.newPage();
    recordConsoleErrors(page, consoleErrors);
    await page.goto(served.url);
    await page.waitForFunction(() => window.zhibuTest !== undefined);
  }, 400_000);

  afterAll(async () => {
    await served?.close();
  });

  it("says it runs in Excel and offers the active sheet or the whole workbook", async () => {
    await expect(page.getByTestId("host-mode").textContent()).resolves.toBe("在 Excel 中运行");
    await expect(page.getByTestId("validate-empty").textContent()).resolves.toContain("选择范围后点“校验”");
    await expect(page.getByRole("radio", { name: "当前工作表" }).isChecked()).resolves.toBe(true);
    await expect(page.getByTestId("file-input").count()).resolves.toBe(0);
    expect(await methods()).toEqual([]);
  });

  it("校验: validates the active sheet through the host with 设置 beside it", async () => {
    await page.getByTestId("validate-host").click();
    await page.getByTestId("totals").waitFor({ timeout: 20000 });
    const expected = validateWorkbook(await activeSnapshot(), { sheet: "花名册" });
    await expect(page.getByTestId("totals").textContent()).resolves.toBe(totalsText(expected.counts));
    expect(await calls()).toEqual([{ method: "readActiveSheet", args: ["设置"] }]);
    await page.screenshot({ path: path.join(OUT, "office-校验.png"), fullPage: true });
  });

  it("校验: clicking an issue selects its cell in Excel; a failing select is explained", async () => {
    await clearCalls();
    await page.locator('[data-location="花名册!E25"]').click();
    await expect(page.getByTestId("focus").textContent()).resolves.toContain("已在 Excel 中选中 花名册!E25");
    expect(await calls()).toEqual([{ method: "selectCell", args: "花名册!E25" }]);

    await page.evaluate(() =>
      window.zhibuTest!.host.failNext("selectCell", Object.assign(new Error("工作表受保护"), { code: "AccessDenied" })),
    );
    await page.locator('[data-location="花名册!E26"]').click();
    await expect(page.getByTestId("select-error").textContent()).resolves.toBe(
      "选中单元格失败：工作表受保护 (AccessDenied)。请检查工作簿（是否处于编辑单元格状态、工作表是否受保护）后重试。",
    );
  });

  it("校验: 标注 says how many cells beforehand, marks them with its own formats, and 清除标注 removes exactly those", async () => {
    const expected = validateWorkbook(await activeSnapshot(), { sheet: "花名册" });
    const n = cellsToMark(expected.issues);
    expect(n).toBeGreaterThan(0);
    await expect(page.getByTestId("mark").textContent()).resolves.toBe(`标注 ${n} 个单元格`);
    await expect(page.getByTestId("mark-hint").textContent()).resolves.toContain(
      `将用加载项自己的条件格式给 ${n} 个有问题的单元格标色`,
    );
    const before = await page.evaluate(() => window.zhibuTest!.host.fills("花名册"));

    await clearCalls();
    await page.getByTestId("mark").click();
    await expect(page.getByTestId("marks-done").textContent()).resolves.toBe(`已标注 ${n} 个单元格。`);
    expect(await methods()).toEqual(["applyMarks"]);
    const marked = await page.evaluate(() => window.zhibuTest!.host.marks("花名册"));
    expect(marked["E25"]).toBe("#FFC7CE");
    expect(Object.keys(marked).length).toBe(n);
    await expect(page.evaluate(() => window.zhibuTest!.host.fills("花名册"))).resolves.toEqual(before);
    await expect(page.evaluate(() => window.zhibuTest!.saved.map((r) => r?.cells.length ?? null))).resolves.toEqual([
      n,
    ]);
    await expect(page.getByTestId("mark").isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: path.join(OUT, "office-标注.png"), fullPage: true });

    await page.getByTestId("clear-marks").click();
    await expect(page.getByTestId("marks-done").textContent()).resolves.toBe(
      `已清除 ${n} 处标注，单元格原有格式未改动。`,
    );
    expect(await methods()).toEqual(["applyMarks", "clearMarks"]);
    await expect(page.evaluate(() => window.zhibuTest!.host.fills("花名册"))).resolves.toEqual(before);
    await expect(page.evaluate(() => window.zhibuTest!.host.marks("花名册"))).resolves.toEqual({});
    await expect(page.evaluate(() => window.zhibuTest!.saved.length)).resolves.toBe(2);
    await expect(page.evaluate(() => window.zhibuTest!.saved[1])).resolves.toBeNull();
  });

  it("校验: re-checks the edited sheet while editing, and stops watching when switched off", async () => {
    await clearCalls();
    await page.getByTestId("watch-switch").click();
    await page.waitForFunction(() => window.zhibuTest!.host.calls.some((c) => c.method === "watchChanges"));
    // The user clears a required 姓名 cell in Excel.
    const expected = validateWorkbook(
      await activeSnapshot((wb) => {
        wb.getWorksheet("花名册")!.getCell("B10").value = null;
      }),
      { sheet: "花名册" },
    );
    const emitted = await page.evaluate(() => {
      const host = window.zhibuTest!.host;
      host.setCell("花名册", "B10", null);
      return host.emit([{ sheet: "花名册", address: "B10" }]);
    });
    expect(emitted).toBe(true);
    await page
      .getByTestId("totals")
      .filter({ hasText: totalsText(expected.counts) })
      .waitFor({ timeout: 10000 });
    expect(await calls()).toEqual([
      { method: "watchChanges", args: null },
      { method: "readSheet", args: "花名册" },
    ]);
    await page.getByTestId("watch-switch").click();
    await page.waitForFunction(() => window.zhibuTest!.host.calls.some((c) => c.method === "stopWatching"));
    await page.evaluate(() => window.zhibuTest!.host.setCell("花名册", "B10", "restored"));
  });

  it("校验: cancel during a slow read makes the result stale", async () => {
    await clearCalls();
    await page.evaluate(() => window.zhibuTest!.host.holdNext("readActiveSheet"));
    await page.getByTestId("validate-host").click();
    await page.getByTestId("validate-loading").waitFor();
    await expect(page.getByTestId("validate-loading").textContent()).resolves.toContain("正在从 Excel 读取…");
    await page.getByTestId("validate-cancel").click();
    await page.evaluate(() => window.zhibuTest!.host.release());
    await expect(page.getByTestId("validate-cancelled").textContent()).resolves.toBe(
      "已取消：上次的结果已作废，请重新校验。",
    );
    await expect(page.getByTestId("totals").count()).resolves.toBe(0);
    // Validate the whole workbook this time.
    await page.getByRole("radio", { name: "整个工作簿" }).check();
    await clearCalls();
    await page.getByTestId("validate-host").click();
    await page.getByTestId("totals").waitFor({ timeout: 20000 });
    expect(await methods()).toEqual(["readWorkbook"]);
  });

  it("模板: inserts with the branch from 设置 prefilled, adds a suffix the second time, explains a missing feature", async () => {
    await page.locator("#tab-templates").click();
    await expect(page.getByTestId("template-make").textContent()).resolves.toBe("插入");
    const branch = await page.getByTestId("template-branch").inputValue();
    await page.getByTestId("template-sample").fill("10");
    await clearCalls();
    await page.getByTestId("template-make").click();
    await expect(page.getByTestId("template-done").textContent()).resolves.toBe(
      "已插入工作表：党员花名册（表格 rosterTable）。",
    );
    expect(await calls()).toEqual([
      { method: "insertTemplate", args: { templateId: "roster", branch, sampleRows: 10 } },
    ]);
    await page.getByTestId("template-make").click();
    await expect(page.getByTestId("template-done").textContent()).resolves.toBe(
      "已插入工作表：党员花名册(2)（表格 rosterTable）。",
    );
    await page.screenshot({ path: path.join(OUT, "office-模板.png"), fullPage: true });

    await page.evaluate(() => {
      const t = window.zhibuTest!;
      t.host.failNext("insertTemplate", t.unavailable("insertTemplate", "ExcelApi 1.8"));
    });
    await page.getByTestId("template-make").click();
    await expect(page.getByTestId("template-error").textContent()).resolves.toBe(
      "此版本的 Excel 不支持“插入模板”（需要 ExcelApi 1.8）。请把 Office 更新到最新版本，或改用 Excel 网页版；也可以在浏览器中打开独立页面使用下载功能。",
    );
  });

  it("模板: recognises the active sheet and shows its header mapping", async () => {
    await clearCalls();
    await page.getByTestId("recognise").click();
    const sheet = page.locator('[data-testid="recognised-sheet"][data-template="roster"]');
    await sheet.waitFor({ timeout: 10000 });
    await expect(sheet.textContent()).resolves.toContain("工作表“花名册”：党员花名册");
    expect(await methods()).toEqual(["readActiveSheet"]);
  });

  it("设置: says which cells it will write, writes them through the host, and validates again", async () => {
    await page.locator("#tab-settings").click();
    const asOf = page.getByTestId("setting-asOf");
    await expect(asOf.inputValue()).resolves.toBe("2026-11-21");
    await asOf.fill("2028-06-30");
    const snapshot = await activeSnapshot();
    const [change] = settingCellChanges(snapshot, settingFields(validateWorkbook(snapshot, { sheet: "花名册" })), {
      asOf: "2028-06-30",
    });
    expect(change?.cell).toMatch(/^设置![A-Z]+\d+$/);
    await expect(page.getByTestId("settings-changes").textContent()).resolves.toContain(
      `${change!.cell}　统计截止日期：2026-11-21 → 2028-06-30`,
    );
    await page.screenshot({ path: path.join(OUT, "office-设置.png"), fullPage: true });
    await clearCalls();
    await page.getByTestId("settings-save").click();
    await expect(page.getByTestId("settings-saved").textContent()).resolves.toBe("已写入 1 项，并重新校验。");
    expect((await calls())[0]).toEqual({ method: "writeSettings", args: { asOf: "2028-06-30" } });
    expect(await methods()).toEqual(["writeSettings", "readActiveSheet"]);
    const expected = validateWorkbook(applySettingEdits(snapshot, { asOf: "2028-06-30" }), { sheet: "花名册" });
    await page.locator("#tab-validate").click();
    await expect(page.getByTestId("totals").textContent()).resolves.toBe(totalsText(expected.counts));
  });

  it("汇总: builds the 汇总 sheet masked, and exports by download where Excel cannot create a workbook", async () => {
    await page.locator("#tab-summary").click();
    await clearCalls();
    await page.getByTestId("summary-sheet").click();
    await expect(page.getByTestId("summary-sheet-done").textContent()).resolves.toBe(
      "已生成工作表“汇总”：2 个数据透视表，1 个图表。",
    );
    const [write] = await calls();
    expect(write?.method).toBe("writeSummarySheet");
    expect(write?.args).toMatchObject({ mask: true, title: expect.stringContaining("情况汇总") });

    await clearCalls();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("summary-export").click()]);
    expect(download.suggestedFilename()).toBe("花名册-汇总.xlsx");
    await expect(page.getByTestId("summary-exported").textContent()).resolves.toBe(
      "此版本的 Excel 不能直接新建工作簿（需要 ExcelApi 1.8），已改为下载 花名册-汇总.xlsx。",
    );
    expect(await methods()).toEqual(["openNewWorkbook"]);
    await page.screenshot({ path: path.join(OUT, "office-汇总.png"), fullPage: true });
  });

  it("a reopened pane can still clear the marks it made (the record is kept with the document)", async () => {
    await page.locator("#tab-validate").click();
    await page.getByTestId("mark").click();
    await page.getByTestId("marks-done").waitFor();
    const n = await page.evaluate(() => window.zhibuTest!.saved.at(-1)?.cells.length ?? 0);
    expect(n).toBeGreaterThan(0);
    // Reopen: the record comes back from the store before anything is validated.
    await page.reload();
    await page.waitForFunction(() => window.zhibuTest !== undefined);
    const original = await page.evaluate(() => window.zhibuTest!.host.fills("花名册"));
    await expect(page.getByTestId("clear-marks").textContent()).resolves.toBe(`清除标注（${n} 处）`);
    await page.getByTestId("clear-marks").click();
    await expect(page.getByTestId("marks-done").textContent()).resolves.toBe(
      `已清除 ${n} 处标注，单元格原有格式未改动。`,
    );
    await expect(page.evaluate(() => window.zhibuTest!.host.calls.map((c) => c.method))).resolves.toEqual([
      "clearMarks",
    ]);
    await expect(page.evaluate(() => window.zhibuTest!.host.fills("花名册"))).resolves.toEqual(original);
    await expect(page.evaluate(() => window.zhibuTest!.saved)).resolves.toEqual([null]);
    await expect(page.getByTestId("clear-marks").count()).resolves.toBe(0);
  });

  it("logged no console error", () => {
    expect(consoleErrors).toEqual([]);
  });
});
