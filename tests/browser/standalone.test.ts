/**
 * The standalone page's four areas in real headless Chromium: build the pane (webpack, production), serve build/ with
 * scripts/serve.mjs on a free port, open the messy roster fixture through the file input and check what the page
 * shows, that it is usable by keyboard, and that no request leaves this machine. Screenshots go to test-output/.
 * Set ZHIBU_SKIP_BROWSER=1 to skip where no Chromium is installed.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import {
  OUT,
  ROOT,
  type Served,
  paneContext,
  recordConsoleErrors,
  requireChromium,
  serveAndLaunch,
  openInValidate,
} from "./harness";
import ExcelJS from "exceljs";
import { snapshotWorkbook } from "../../src/xlsx/snapshot";
import { validateWorkbook } from "../../src/core/engine";
import { applySettingEdits } from "../../addin/taskpane/settings-model";

const FIXTURE = path.join(ROOT, "tests/fixtures/samples/roster-messy.xlsx");
const CLEAN = path.join(ROOT, "tests/fixtures/samples/roster-clean.xlsx");
/** An unmasked 18-digit ID number (masked ones have "********" in the middle). */
const ID_18 = /\d{17}[\dXx]/;
const SKIP = process.env["ZHIBU_SKIP_BROWSER"] === "1";

const EXPECTED_GROUPS: ReadonlyArray<[rule: string, title: string, count: number]> = [
  ["roster.id.checksum", "身份证号校验位错误", 1],
  ["roster.category.mismatch", "人员类别与日期不符", 1],
  ["roster.gender.mismatch", "性别与身份证号不符", 1],
  ["cell.enum", "不是可选项", 1],
  ["roster.probation.early", "预备期不满一年即转正", 1],
  ["roster.id.duplicate", "身份证号重复", 2],
  ["roster.id.numeric", "身份证号存成了数字", 1],
  ["cell.required", "必填项为空", 1],
  ["roster.probation.overdue", "预备期满未转正", 1],
  ["roster.dues.rate", "党费与标准不符", 1],
  ["cell.whitespace", "多余空格或不可见字符", 1],
  ["roster.phone.format", "电话号码格式不对", 1],
  ["roster.birthdate.mismatch", "出生日期与身份证号不符", 1],
];

/** Every row of the summary workbook's 汇总 sheet as plain values (empty cells as ""). */
async function readSummaryRows(file: string): Promise<Array<Array<string | number>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("汇总");
  if (!ws) throw new Error(`${file} has no 汇总 sheet`);
  const rows: Array<Array<string | number>> = [];
  ws.eachRow((row) => {
    const values: Array<string | number> = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      const v = cell.value;
      values.push(typeof v === "number" || typeof v === "string" ? v : v === null || v === undefined ? "" : cell.text);
    });
    rows.push(values);
  });
  return rows;
}

/** The value next to a row label, from the first row whose column A is `label`. */
function figure(
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  label: string,
  column = 1,
): string | number | undefined {
  return rows.find((r) => r[0] === label)?.[column];
}

/** Clicks 下载汇总工作簿, saves the download to test-output/ and returns its path. */
async function downloadSummary(page: Page, expectedName: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("summary-download").click()]);
  expect(download.suggestedFilename()).toBe(expectedName);
  const file = path.join(OUT, expectedName);
  await download.saveAs(file);
  return file;
}

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** The page's totals line for engine counts. */
const totalsText = (c: { error: number; warning: number; info: number }) =>
  `${c.error} 个错误，${c.warning} 个警告，${c.info} 个提示`;

async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every cell value of every sheet, keyed sheet!address, as JSON (formulas and dates included). */
function allValues(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) =>
        out.set(`${ws.name}!${cell.address}`, JSON.stringify(cell.value)),
      ),
    );
  }
  return out;
}

const describeBrowser = SKIP ? describe.skip : describe;

describeBrowser("standalone 校验 in headless Chromium", () => {
  let served: Served | undefined;
  let page: Page;
  let url = "";
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    requireChromium();
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
      cwd: ROOT,
      stdio: "pipe",
    });
    mkdirSync(OUT, { recursive: true });
    served = await serveAndLaunch(path.join(ROOT, "build"));
    url = served.url;
    const context = await paneContext(served.browser);
    page = await context.newPage();
    recordConsoleErrors(page, consoleErrors);
    page.on("request", (req) => requests.push(req.url()));
    // A production build: about a minute on a quiet 2-core machine, several on a busy one.
  }, 400_000);

  afterAll(async () => {
    await served?.close();
  });

  it("shows the empty state without loading exceljs", async () => {
    await page.goto(url);
    await expect(page.getByTestId("validate-empty").textContent()).resolves.toBe(
      "打开一个表格文件（.xlsx、.xls、.ods、.csv）开始校验",
    );
    await expect(page.getByTestId("host-mode").textContent()).resolves.toBe("独立页面模式");
    await page.screenshot({ path: path.join(OUT, "standalone-empty.png"), fullPage: true });
    await page.locator("#tab-summary").click();
    await expect(page.getByTestId("summary-empty").textContent()).resolves.toBe(
      "请先在“校验”中打开一个 .xlsx 文件，这里会显示它的汇总。",
    );
    await page.locator("#tab-validate").click();
    expect(requests.filter((u) => /exceljs/.test(u))).toEqual([]);
  });

  it("validates the messy roster: counts, filters and rule groups", async () => {
    await page.getByTestId("file-input").setInputFiles(FIXTURE);
    const totals = page.getByTestId("totals");
    await totals.waitFor({ timeout: 20000 });
    await expect(totals.textContent()).resolves.toBe("9 个错误，5 个警告，0 个提示");
    await expect(page.getByTestId("file-name").textContent()).resolves.toBe("roster-messy.xlsx");
    await expect(page.getByTestId("validate-summary").textContent()).resolves.toContain("统计截止日期 2026-11-21");
    expect(requests.some((u) => /exceljs\.[0-9a-f]+\.js$/.test(u))).toBe(true);

    for (const [s, label, n] of [
      ["error", "错误", 9],
      ["warning", "警告", 5],
      ["info", "提示", 0],
    ] as const) {
      const toggle = page.getByTestId(`filter-${s}`);
      await expect(toggle.textContent()).resolves.toBe(`${n}${label}`);
      await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("true");
    }

    const groups = page.getByTestId("group");
    await expect(groups.evaluateAll((els) => els.map((e) => e.getAttribute("data-rule")))).resolves.toEqual(
      EXPECTED_GROUPS.map(([rule]) => rule),
    );
    for (const [rule, title, n] of EXPECTED_GROUPS) {
      const g = page.locator(`[data-rule="${rule}"]`);
      const header = await g.locator("button").first().textContent();
      expect(header).toContain(title);
      expect(header).toContain(`×${n}`);
      await expect(g.getByTestId("issue").count()).resolves.toBe(n);
    }
    await expect(
      page
        .locator('[data-rule="roster.id.duplicate"]')
        .getByTestId("issue")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-location"))),
    ).resolves.toEqual(["花名册!E25", "花名册!E26"]);
    await page.screenshot({ path: path.join(OUT, "standalone-result.png"), fullPage: true });

    // Warnings off: only the 8 error groups remain; on again: all 13.
    await page.getByTestId("filter-warning").click();
    await expect(page.getByTestId("filter-warning").getAttribute("aria-pressed")).resolves.toBe("false");
    await expect(groups.count()).resolves.toBe(8);
    await page.getByTestId("filter-warning").click();
    await expect(groups.count()).resolves.toBe(13);
  });

  it("clicking an issue shows its cell and row with the cell highlighted", async () => {
    await page.locator('[data-location="花名册!E25"]').click();
    await expect(page.getByTestId("focus-location").textContent()).resolves.toBe("花名册!E25");
    await expect(page.getByTestId("focus").textContent()).resolves.toMatch(/身份证号与.+（第 \d+ 行）重复/);
    const preview = page.getByTestId("row-preview");
    await expect(preview.textContent()).resolves.toContain("第 25 行");
    await expect(preview.locator('td[data-highlighted="true"]').count()).resolves.toBe(1);
    await expect(preview.locator("thead th").nth(5).textContent()).resolves.toBe("E");
    await page.screenshot({ path: path.join(OUT, "standalone-focused.png"), fullPage: true });
  });

  it("is usable by keyboard: tabs with arrow keys, issues with Tab + Enter", async () => {
    const tab = (id: string) => page.locator(`#tab-${id}`);
    await tab("validate").focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect(tab("summary").getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.locator("#panel-summary").isVisible()).resolves.toBe(true);
    await expect(page.locator("#panel-validate").isVisible()).resolves.toBe(false);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await expect(tab("validate").getAttribute("aria-selected")).resolves.toBe("true");
    // The result survived the round trip.
    await expect(page.getByTestId("totals").textContent()).resolves.toBe("9 个错误，5 个警告，0 个提示");

    // From the tab list, Tab reaches the open button, the filters, the group headers and the issues.
    const reached: string[] = [];
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press("Tab");
      const loc = await page.evaluate(() => document.activeElement?.getAttribute("data-location") ?? null);
      reached.push(await page.evaluate(() => document.activeElement?.textContent?.slice(0, 20) ?? ""));
      if (loc === "花名册!E7") found = true;
    }
    expect(reached.some((t) => t.includes("打开表格文件"))).toBe(true);
    expect(found).toBe(true);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("focus-location").textContent()).resolves.toBe("花名册!E7");
  });

  it("switches to English with the toggle", async () => {
    await page.getByTestId("lang-toggle").click();
    await expect(page.getByTestId("totals").textContent()).resolves.toBe("9 errors, 5 warnings, 0 info");
    await expect(page.locator("#tab-validate").textContent()).resolves.toBe("Validate");
    await page.screenshot({ path: path.join(OUT, "standalone-en.png"), fullPage: true });
    await page.getByTestId("lang-toggle").click();
    await expect(page.locator("#tab-validate").textContent()).resolves.toBe("校验");
  });

  it("names the file and what to do when it is not a workbook", async () => {
    await page.getByTestId("file-input").setInputFiles({
      name: "名单.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from("姓名,身份证号\n张三,1\n"),
    });
    const error = page.getByTestId("validate-error");
    await error.waitFor({ timeout: 10000 });
    await expect(error.textContent()).resolves.toBe(
      "名单.xlsx：不是表格文件。请选择 .xlsx、.xls、.ods、.csv 或 .txt（制表符分隔）文件。",
    );
    await page.screenshot({ path: path.join(OUT, "standalone-error.png"), fullPage: true });
  });

  it("summarises the clean roster opened in 校验 and downloads the summary workbook", async () => {
    await page.locator("#tab-validate").click();
    await page.getByTestId("file-input").setInputFiles(CLEAN);
    // Waits for the new file's result, not the previous one still on screen.
    await page.getByTestId("file-name").filter({ hasText: "roster-clean.xlsx" }).waitFor({ timeout: 20000 });
    await page.getByTestId("totals").waitFor({ timeout: 20000 });

    await page.locator("#tab-summary").click();
    await expect(page.locator("#tab-summary").getAttribute("aria-selected")).resolves.toBe("true");
    const basics = page.locator('[data-testid="summary-table"][data-title="基本情况"]');
    await basics.waitFor({ timeout: 10000 });
    const members = basics.locator("tbody tr").filter({ has: page.locator("th", { hasText: "党员总数" }) });
    await expect(members.locator("td").first().textContent()).resolves.toBe("30");
    await expect(members.locator("td").nth(1).textContent()).resolves.toBe("100.0%");
    await expect(page.getByRole("switch", { name: "隐去身份证号和电话" }).isChecked()).resolves.toBe(true);
    await page.screenshot({ path: path.join(OUT, "standalone-summary.png"), fullPage: true });

    const file = await downloadSummary(page, "roster-clean-汇总.xlsx");
    await expect(page.getByTestId("summary-downloaded").textContent()).resolves.toContain("roster-clean-汇总.xlsx");
    const rows = await readSummaryRows(file);
    expect(figure(rows, "党员总数（正式+预备）")).toBe(30);
    expect(figure(rows, "女党员")).toBe(22);
    expect(figure(rows, "正式党员")).toBe(28);
    expect(rows.flat().filter((v) => ID_18.test(String(v)))).toEqual([]);
  });

  it("shows the 年度工作总结 paragraph and exports the national form only after a confirmation", async () => {
    // Still on the clean roster's summary (previous test).
    const paragraph = page.getByTestId("year-paragraph");
    await paragraph.waitFor({ timeout: 10000 });
    await expect(paragraph.inputValue()).resolves.toMatch(
      /^截至.*现有党员30名（正式党员28名、预备党员2名），其中女党员22名/,
    );
    await page.getByTestId("national-export").click();
    await expect(page.getByTestId("national-warning").textContent()).resolves.toContain("34 人");
    await page.getByRole("button", { name: "取消" }).click();
    await page.getByTestId("national-warning").waitFor({ state: "detached", timeout: 10000 });
    await page.getByTestId("national-export").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("national-confirm").click()]);
    expect(download.suggestedFilename()).toBe("roster-clean-党员基本信息汇总表.xlsx");
    const file = path.join(OUT, "national.xlsx");
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(35);
    expect(ID_18.test(String(ws.getRow(2).getCell(4).value))).toBe(true);
    await expect(page.getByTestId("national-done").textContent()).resolves.toContain(
      "roster-clean-党员基本信息汇总表.xlsx",
    );
  });

  it("masks the overdue probationer's ID in the messy roster's summary workbook", async () => {
    await page.locator("#tab-validate").click();
    await page.getByTestId("file-input").setInputFiles(FIXTURE);
    // Waits for the new file's result, not the previous one still on screen.
    await page.getByTestId("file-name").filter({ hasText: "roster-messy.xlsx" }).waitFor({ timeout: 20000 });
    await page.getByTestId("totals").waitFor({ timeout: 20000 });
    await page.locator("#tab-summary").click();
    const todo = page.locator('[data-testid="summary-table"][data-title="预备党员转正提醒"]');
    await todo.waitFor({ timeout: 10000 });
    await expect(todo.textContent()).resolves.toContain("440305********5848");
    expect(ID_18.test((await page.locator("#panel-summary").textContent()) ?? "")).toBe(false);

    const file = await downloadSummary(page, "roster-messy-汇总.xlsx");
    const cells = (await readSummaryRows(file)).flat().map(String);
    expect(cells).toContain("440305********5848");
    expect(cells.filter((v) => ID_18.test(v))).toEqual([]);

    // Masking off shows the full number in the pane (the export follows the switch).
    await page.getByRole("switch", { name: "隐去身份证号和电话" }).click();
    await expect(todo.textContent()).resolves.not.toContain("440305********5848");
    expect(ID_18.test((await todo.textContent()) ?? "")).toBe(true);
    await page.getByRole("switch", { name: "隐去身份证号和电话" }).click();
  });

  it("模板: downloads a roster template with sample rows that validates clean and has its table", async () => {
    await page.locator("#tab-templates").click();
    // The four templates and "all four in one workbook".
    await expect(page.getByTestId("template-list").getByRole("radio").count()).resolves.toBe(5);
    await expect(page.locator("#panel-templates").textContent()).resolves.toContain("民主评议党员测评统计表");
    // Labelled controls, reachable by name (what a screen reader announces).
    await page.getByRole("radio", { name: "党员花名册" }).check();
    await expect(page.getByTestId("template-roster").isChecked()).resolves.toBe(true);
    await page.getByLabel("支部名称").fill("实验小学党支部");
    await expect(page.getByTestId("template-branch").inputValue()).resolves.toBe("实验小学党支部");
    await page.getByTestId("template-sample").fill("250");
    await expect(page.getByTestId("template-make").isDisabled()).resolves.toBe(true);
    await expect(page.locator("#panel-templates").textContent()).resolves.toContain("请输入 0 到 200 之间的整数。");
    await page.getByTestId("template-sample").fill("20");
    await page.screenshot({ path: path.join(OUT, "areas-模板.png"), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-make").click()]);
    expect(download.suggestedFilename()).toBe("党员花名册.xlsx");
    const file = path.join(OUT, "template-党员花名册.xlsx");
    await download.saveAs(file);
    await expect(page.getByTestId("template-done").textContent()).resolves.toBe("已下载 党员花名册.xlsx。");

    const wb = await loadWorkbook(file);
    const ws = wb.getWorksheet("党员花名册");
    expect(ws).toBeDefined();
    expect(ws!.getTables().length).toBe(1);
    expect(String(ws!.getCell("A1").value)).toContain("实验小学党支部");
    const result = validateWorkbook(snapshotWorkbook(wb, "党员花名册.xlsx"));
    expect(result.counts).toEqual({ error: 0, warning: 0, info: 0 });
    const sheet = result.sheets.find((s) => s.sheet === "党员花名册");
    expect(sheet?.template).toBe("roster");
    expect(sheet?.dataRows).toBe(20);
  });

  it("模板: shows how the opened roster was recognised, with each field's column", async () => {
    await openInValidate(page, FIXTURE);
    await page.locator("#tab-templates").click();
    const sheet = page.locator('[data-testid="recognised-sheet"][data-template="roster"]');
    await sheet.waitFor({ timeout: 10000 });
    await expect(sheet.textContent()).resolves.toContain("工作表“花名册”：党员花名册，表头在第");
    const idRow = sheet.locator("tbody tr").filter({ has: page.locator("th", { hasText: /^身份证号/ }) });
    await expect(idRow.locator("td").textContent()).resolves.toBe("E");
    // The page's branch field is prefilled from 设置's 支部名称 when the workbook has one.
    await page.screenshot({ path: path.join(OUT, "areas-模板-识别.png"), fullPage: true });
  });

  it("设置: editing 统计截止日期 re-validates the opened file with the engine's own parsing", async () => {
    await page.locator("#tab-settings").click();
    const asOf = page.getByLabel("统计截止日期");
    await expect(asOf.getAttribute("data-testid")).resolves.toBe("setting-asOf");
    await expect(asOf.inputValue()).resolves.toBe("2026-11-21");
    await expect(page.locator("#panel-settings").textContent()).resolves.toContain("来自“设置”表");
    await page.screenshot({ path: path.join(OUT, "areas-设置.png"), fullPage: true });

    await asOf.fill("2026-13-45");
    await expect(page.locator("#panel-settings").textContent()).resolves.toContain("“统计截止日期”的值无法识别");
    await expect(page.getByTestId("settings-apply").isDisabled()).resolves.toBe(true);

    await asOf.fill("2028-06-30");
    await page.getByTestId("settings-apply").click();
    await expect(page.getByTestId("settings-applied").textContent()).resolves.toBe("已按 1 项修改重新校验。");

    const original = await loadWorkbook(FIXTURE);
    const expected = validateWorkbook(
      applySettingEdits(snapshotWorkbook(original, "roster-messy.xlsx"), { asOf: "2028-06-30" }),
    );
    expect(totalsText(expected.counts)).not.toBe("9 个错误，5 个警告，0 个提示");
    await page.locator("#tab-validate").click();
    await expect(page.getByTestId("totals").textContent()).resolves.toBe(totalsText(expected.counts));
    await expect(page.getByTestId("validate-summary").textContent()).resolves.toContain("统计截止日期 2028-06-30");
    await expect(page.getByTestId("edited-note").textContent()).resolves.toBe(
      "本页面已应用 1 项设置修改（未写入原文件）。",
    );
  });

  it("校验: the marked copy has fills at the issue cells, the settings edit, and every original value", async () => {
    const before = sha256(FIXTURE);
    await page.screenshot({ path: path.join(OUT, "areas-校验.png"), fullPage: true });
    await expect(page.getByTestId("marked-copy").textContent()).resolves.toContain("图表和数据透视表不会保留");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("marked-copy-download").click(),
    ]);
    expect(download.suggestedFilename()).toBe("roster-messy-标注.xlsx");
    const file = path.join(OUT, "roster-messy-标注.xlsx");
    await download.saveAs(file);
    await expect(page.getByTestId("marked-copy-done").textContent()).resolves.toContain("原文件没有被修改");
    expect(sha256(FIXTURE)).toBe(before);

    const original = await loadWorkbook(FIXTURE);
    const copy = await loadWorkbook(file);
    // First the list of every issue, then the workbook's own sheets in their order.
    expect(copy.worksheets.map((w) => w.name)).toEqual(["问题清单", ...original.worksheets.map((w) => w.name)]);
    const fill = (wb: ExcelJS.Workbook, sheet: string, cell: string) => {
      const f = wb.getWorksheet(sheet)?.getCell(cell).fill;
      return f && f.type === "pattern" ? f.fgColor?.argb : undefined;
    };
    expect(fill(copy, "花名册", "E25")).toBe("FFFFC7CE");
    expect(fill(copy, "花名册", "E26")).toBe("FFFFC7CE");
    expect(fill(original, "花名册", "E25")).not.toBe("FFFFC7CE");
    const note = copy.getWorksheet("花名册")?.getCell("E25").note;
    expect(typeof note === "string" ? note : JSON.stringify(note)).toContain("身份证号");

    // The page's current result (with the 设置 edit) decides which cells are marked; each has its colour.
    const expected = validateWorkbook(
      applySettingEdits(snapshotWorkbook(original, "roster-messy.xlsx"), { asOf: "2028-06-30" }),
    );
    const colours = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" } as const;
    for (const issue of expected.issues) {
      if (issue.cell === null) continue;
      const most = expected.issues
        .filter((i) => i.sheet === issue.sheet && i.cell === issue.cell)
        .map((i) => i.severity)
        .sort((a, b) => ["error", "warning", "info"].indexOf(a) - ["error", "warning", "info"].indexOf(b))[0]!;
      expect([issue.sheet, issue.cell, fill(copy, issue.sheet, issue.cell)]).toEqual([
        issue.sheet,
        issue.cell,
        colours[most],
      ]);
    }

    // Every value of the original is still there, unchanged, except the edited 统计截止日期.
    const was = allValues(original);
    const now = allValues(copy);
    const changed = [...was].filter(([k, v]) => now.get(k) !== v).map(([k]) => k);
    expect(changed.length).toBe(1);
    expect(changed[0]).toMatch(/^设置!/);
    const copySettings = validateWorkbook(snapshotWorkbook(copy, "copy.xlsx"));
    expect(copySettings.asOf).toEqual({ kind: "date", y: 2028, m: 6, d: 30 });

    // Back to the file's own settings for the tests that follow.
    await page.locator("#tab-settings").click();
    await page.getByTestId("settings-reset").click();
    await page.locator("#tab-validate").click();
    await expect(page.getByTestId("totals").textContent()).resolves.toBe("9 个错误，5 个警告，0 个提示");
  });

  it("汇总: screenshot of the area with the messy roster", async () => {
    await page.locator("#tab-summary").click();
    await page.locator('[data-testid="summary-table"][data-title="基本情况"]').waitFor({ timeout: 10000 });
    await page.screenshot({ path: path.join(OUT, "areas-汇总.png"), fullPage: true });
  });

  it("computes formulas an openpyxl file holds no result for, loading the formula chunk only then", async () => {
    const formulas = () => requests.filter((u) => /formulas\.[0-9a-f]+\.js$/.test(u));
    await openInValidate(page, path.join(ROOT, "tests/fixtures/formulas/roster-typed.xlsx"));
    const typed = await page.getByTestId("totals").textContent();
    expect(formulas()).toEqual([]);
    await openInValidate(page, path.join(ROOT, "tests/fixtures/formulas/roster-openpyxl.xlsx"));
    await expect(page.getByTestId("totals").textContent()).resolves.toBe(typed);
    expect(formulas()).toHaveLength(1);
    await expect(page.locator('[data-rule="cell.required"]').count()).resolves.toBe(0);

    await openInValidate(page, path.join(ROOT, "tests/fixtures/formulas/unsupported-openpyxl.xlsx"));
    const group = page.locator('[data-rule="cell.uncalculated"]');
    await expect(group.locator("button").first().textContent()).resolves.toContain("公式没有计算结果");
    await expect(
      group.getByTestId("issue").evaluateAll((els) => els.map((e) => e.getAttribute("data-location"))),
    ).resolves.toEqual(["党员花名册!F3", "党员花名册!S3"]);
  });

  it("made no request beyond this server and logged no console error", () => {
    const foreign = requests.filter((u) => {
      const { hostname, protocol } = new URL(u);
      if (protocol === "data:" || protocol === "blob:") return false;
      return hostname !== "127.0.0.1" && hostname !== "localhost";
    });
    expect(foreign).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
