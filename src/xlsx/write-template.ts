/**
 * Generated template workbooks (SPEC §2): one Excel table per template, driven only by the template's field
 * definitions (type, values, textFormat, width, hint, required, min/max), plus a 设置 sheet, a 说明 sheet and a
 * hidden 选项 sheet holding the long dropdown lists. In-sheet checks (conditional formatting) come from the
 * declarative IN_SHEET_CHECKS list and the fields' item maxima, computed columns from the fields' declarative
 * `formula` (src/xlsx/template-formulas.ts), never from code that knows a template.
 */
import ExcelJS from "exceljs";
import type { CellDate, CellValue } from "../core/types";
import type { FieldDef, TemplateDef } from "../core/templates/types";
import { sheetFields } from "../core/templates/fields";
import { SCHEDULE_GUIDE } from "../core/templates/schedule";
import { SETTINGS_SHEET, type SettingValue } from "../core/settings";
import { formatDate } from "../core/dates";
import { isCellDate } from "../core/coerce";
import { describeFormula } from "./template-formulas";
import {
  CHECK_COLORS,
  type InSheetCheck,
  OPTIONS_SHEET,
  OptionLists,
  PLAN_COLORS,
  type PlanCell,
  type PrintPlan,
  SETTINGS_COLUMNS,
  SheetNames,
  type ValidationPlan,
  settingsPlan,
  tableNameFor,
  templateSheetPlan,
  textWidth,
} from "../core/templates/sheet-plan";
import { a4FitToWidth } from "./page-setup";

export const GUIDE_SHEET = "说明";
const DEFAULT_COLUMN_WIDTH = 9;

/** Template-specific paragraphs of the 说明 sheet, keyed by template id (data, like the checks). */
export const TEMPLATE_GUIDES: Readonly<Record<string, readonly string[]>> = {
  roster: [
    "人员类别与日期：正式党员须填转正日期；预备党员须填入党日期，不填转正日期；发展对象、入党积极分子、入党申请人不填入党日期和转正日期，也不交党费。",
    "日期先后：申请入党 ≤ 确定积极分子 ≤ 确定发展对象 ≤ 入党 ≤ 转正。申请入党时应年满 18 周岁；确定为发展对象距确定为积极分子应满 1 年；预备期 1 年，转正日期不早于入党日期后 1 年，最长不超过 2 年（含延长预备期）。",
    "出生日期应与身份证号第 7–14 位一致；性别应与身份证号第 17 位一致（奇数为男，偶数为女）。",
    "党费（中组发〔2008〕3号）：以党费基数（每月工资收入）整体乘一个比例，四舍五入到分，不分段累进。在职：3000 元及以下 0.5%，3000 元以上至 5000 元 1%，5000 元以上至 10000 元 1.5%，10000 元以上 2%；离退休：5000 元及以下 0.5%，5000 元以上 1%；学生及其他每月 0.2 元。例：党费基数 6000 元的在职党员每月交 90.00 元。",
    "预备党员入党满 1 年前 30 天起，校验会提示办理转正；满 1 年仍未填转正日期会提示逾期。",
    "个人信息保护：花名册含有身份证号和手机号，属于个人信息，请妥善保管，不要随意转发。对外报送请使用助手的“汇总”导出，身份证号和手机号会自动隐去中间几位。",
  ],
  schedule: SCHEDULE_GUIDE,
};

export interface BuildTemplateOptions {
  readonly templates: readonly TemplateDef[];
  /** Branch name: written before each title and into 设置. */
  readonly branch?: string;
  /** Data rows by template id, each keyed by field key. */
  readonly rows?: Readonly<Record<string, ReadonlyArray<Readonly<Record<string, CellValue>>>>>;
  /** Written as 设置's 统计截止日期 when given. */
  readonly asOf?: CellDate;
  /** Empty table rows for a template without rows (default 50, at least 1). */
  readonly emptyRows?: number;
  /** Conditional formats to add (default IN_SHEET_CHECKS). */
  readonly checks?: readonly InSheetCheck[];
  /** Extra 说明 paragraphs by template id (default TEMPLATE_GUIDES). */
  readonly guides?: Readonly<Record<string, readonly string[]>>;
}

/** exceljs keeps data validations on the worksheet but does not declare them. */
interface DataValidationModel {
  type: ValidationPlan["type"];
  formulae?: unknown[];
  allowBlank?: boolean;
  operator?: ExcelJS.DataValidationOperator;
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
  showErrorMessage?: boolean;
  errorStyle?: "stop" | "warning" | "information";
  errorTitle?: string;
  error?: string;
}

function jsDate(d: CellDate): Date {
  return new Date(Date.UTC(d.y, d.m - 1, d.d));
}

/** A planned validation as exceljs models it (dates as JS dates). */
function validationModel(rule: ValidationPlan): DataValidationModel {
  const model = { ...rule } as DataValidationModel;
  if (rule.formulae) model.formulae = rule.formulae.map((f) => (isCellDate(f) ? jsDate(f) : f));
  return model;
}

function addValidation(ws: ExcelJS.Worksheet, address: string, rule: ValidationPlan): void {
  (ws as unknown as { dataValidations: { add(address: string, v: DataValidationModel): void } }).dataValidations.add(
    address,
    validationModel(rule),
  );
}

const argb = (hex: string): string => `FF${hex.slice(1).toUpperCase()}`;

const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: argb(PLAN_COLORS.border) } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** A core cell value as exceljs writes it; month-precision dates stay text ("2019-11") so they keep their meaning. */
export function toExcelValue(v: CellValue | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (isCellDate(v)) return v.d === 0 ? formatDate(v) : jsDate(v);
  if (v.kind === "formula") return { formula: v.formula } as ExcelJS.CellValue;
  return { error: v.code as ExcelJS.ErrorValue };
}

function planCellValue(cell: PlanCell | undefined): ExcelJS.CellValue {
  if (cell !== null && cell !== undefined && typeof cell === "object" && "formula" in cell && "result" in cell)
    return { formula: cell.formula, result: cell.result } as ExcelJS.CellValue;
  return toExcelValue(cell);
}

function pageSetup(print: PrintPlan): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToWidth,
    fitToHeight: print.fitToHeight,
    horizontalCentered: print.horizontalCentered,
    ...(print.titleRows ? { printTitlesRow: print.titleRows } : {}),
    margins: { ...print.margins },
  };
}

/** A4 portrait, one page wide: the 设置 and guide sheets. */
function fitPortraitToWidth(ws: ExcelJS.Worksheet): void {
  ws.pageSetup = { ...ws.pageSetup, ...a4FitToWidth("portrait") };
}

interface WrittenTemplate {
  readonly template: TemplateDef;
  readonly sheetName: string;
  readonly checks: readonly string[];
}

function writeTemplateSheet(
  wb: ExcelJS.Workbook,
  sheetName: string,
  template: TemplateDef,
  opts: BuildTemplateOptions,
  lists: OptionLists,
  tableName: string,
): WrittenTemplate {
  const given = opts.rows?.[template.id] ?? [];
  const plan = templateSheetPlan(template, sheetName, tableName, lists, {
    ...(opts.branch !== undefined ? { branch: opts.branch } : {}),
    rows: given,
    ...(opts.emptyRows !== undefined ? { emptyRows: opts.emptyRows } : {}),
    ...(opts.checks ? { checks: opts.checks } : {}),
  });
  const ncols = Math.max(1, plan.columns.length);

  const ws = wb.addWorksheet(sheetName, {
    // exceljs omits columns of width 9 (its "default"); make 9 the sheet's default so they keep it.
    properties: { defaultColWidth: DEFAULT_COLUMN_WIDTH },
    views: [
      {
        state: "frozen",
        xSplit: 0,
        ySplit: plan.headerRow,
        topLeftCell: `A${plan.firstDataRow}`,
        activeCell: `A${plan.firstDataRow}`,
      },
    ],
    pageSetup: pageSetup(plan.print),
    ...(plan.print.footer ? { headerFooter: { oddFooter: plan.print.footer } } : {}),
  });

  // Column widths and the data cells' number formats (column styles also reach rows typed below the table).
  plan.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    if (c.numberFormat) column.numFmt = c.numberFormat;
  });

  // Title: branch name + template title, merged over the table's width.
  const title = ws.getCell(plan.titleRow, 1);
  title.value = plan.title;
  title.numFmt = "General";
  title.font = { bold: true, size: 16, color: { argb: argb(PLAN_COLORS.title) } };
  title.alignment = { horizontal: "center", vertical: "middle" };
  if (ncols > 1) ws.mergeCells(plan.titleRow, 1, plan.titleRow, ncols);
  ws.getRow(plan.titleRow).height = 32;

  ws.addTable({
    name: tableName,
    displayName: tableName,
    ref: `A${plan.headerRow}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: plan.tableStyle as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: plan.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: plan.rows.map((row) => row.map(planCellValue)),
  });

  // Header: canonical text; required headers in bold red; hints as the header's input prompt.
  const headerRow = ws.getRow(plan.headerRow);
  headerRow.height = 30;
  plan.columns.forEach((c, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.numFmt = "General";
    cell.font = { bold: true, color: { argb: argb(c.required ? PLAN_COLORS.required : PLAN_COLORS.headerFont) } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(PLAN_COLORS.headerFill) } };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
  });

  for (const v of plan.validations) addValidation(ws, v.address, v.rule);

  for (const cf of plan.conditionalFormats) {
    const colors = CHECK_COLORS[cf.style];
    const style: Partial<ExcelJS.Style> = {
      fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(colors.fill) } },
      ...(colors.font ? { font: { color: { argb: argb(colors.font) } } } : {}),
    };
    ws.addConditionalFormatting({
      ref: cf.address,
      rules: [{ type: "expression", formulae: [cf.formula], style } as ExcelJS.ConditionalFormattingRule],
    });
  }

  return { template, sheetName, checks: plan.checks };
}

function writeSettingsSheet(ws: ExcelJS.Worksheet, opts: BuildTemplateOptions): void {
  ws.columns = SETTINGS_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "B2" }];
  fitPortraitToWidth(ws);
  const header = ws.getRow(1);
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: argb(PLAN_COLORS.headerFont) } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(PLAN_COLORS.headerFill) } };
    cell.border = BORDER;
  });
  const given: Record<string, SettingValue | undefined> = { branchName: opts.branch, asOf: opts.asOf ?? null };
  settingsPlan(given).forEach((plan, i) => {
    const r = i + 2;
    ws.getCell(r, 1).value = plan.def.label;
    ws.getCell(r, 1).font = { bold: true };
    const cell = ws.getCell(r, 2);
    if (plan.numberFormat) cell.numFmt = plan.numberFormat;
    cell.value = toExcelValue(plan.value);
    cell.alignment = { horizontal: "left" };
    ws.getCell(r, 3).value = plan.def.note;
    ws.getCell(r, 3).font = { color: { argb: argb(PLAN_COLORS.note) } };
    for (let c = 1; c <= 3; c++) ws.getCell(r, c).border = BORDER;
    if (plan.validation) addValidation(ws, cell.address, plan.validation);
  });
}

function writeOptionsSheet(ws: ExcelJS.Worksheet, lists: OptionLists): void {
  lists.columns.forEach((list, i) => {
    const column = ws.getColumn(i + 1);
    column.width = Math.max(12, textWidth(list.label) + 2);
    ws.getCell(1, i + 1).value = list.label;
    ws.getCell(1, i + 1).font = { bold: true };
    list.values.forEach((v, r) => {
      ws.getCell(r + 2, i + 1).value = v;
    });
  });
}

function fieldList(fields: readonly FieldDef[]): string {
  return fields.map((f) => f.header).join("、");
}

function guideLines(
  written: readonly WrittenTemplate[],
  opts: BuildTemplateOptions,
  hasOptions: boolean,
): { text: string; heading?: boolean }[] {
  const lines: { text: string; heading?: boolean }[] = [];
  const h = (text: string) => lines.push({ text, heading: true });
  const p = (text: string) => lines.push({ text });
  const guides = opts.guides ?? TEMPLATE_GUIDES;

  h("一、本工作簿有哪些工作表");
  for (const w of written)
    p(`「${w.sheetName}」：${w.template.description}。第 1 行是标题，第 2 行是列名，从第 3 行起每行填一人（一项）。`);
  p(
    `「${SETTINGS_SHEET}」：支部名称、统计截止日期、年度、三会一课次数、分数线等参数。左列是项目，在“值”一列填写；留空按默认值。`,
  );
  p(`「${GUIDE_SHEET}」：本页。`);
  if (hasOptions) p(`「${OPTIONS_SHEET}」（隐藏）：下拉列表的选项来源，请勿修改或删除。`);

  h("二、怎么填");
  p(
    "列名为红色的是必填列。可以增加自己需要的列（会被忽略），也可以调整列的顺序，但请不要修改列名。在表格最后一行下面继续输入，表格会自动扩展，格式和下拉列表随之延续。",
  );
  for (const w of written) {
    const f = sheetFields(w.template);
    p(`【${w.sheetName}】`);
    const required = f.filter((x) => x.required);
    if (required.length) p(`必填列：${fieldList(required)}。`);
    const enums = f.filter((x) => x.type === "enum" && (x.values?.length ?? 0) > 0);
    if (enums.length) {
      const parts = enums.map((x) => {
        const values = x.values ?? [];
        return values.length <= 8 ? `${x.header}（${values.join("/")}）` : `${x.header}（共 ${values.length} 项）`;
      });
      p(`下拉选择列：${parts.join("；")}。请从下拉列表中选择。`);
    }
    const defaults = f.filter((x) => x.defaultValue !== undefined);
    if (defaults.length) p(`留空时按默认值：${defaults.map((x) => `${x.header}为“${x.defaultValue}”`).join("；")}。`);
    const dates = f.filter((x) => x.type === "date");
    if (dates.length) p(`日期列：${fieldList(dates)}。`);
    const months = f.filter((x) => x.type === "month");
    if (months.length) p(`月份列：${fieldList(months)}，可写 3、3月、三月或一个日期。`);
    const numbers = f.filter((x) => x.type === "number" || x.type === "integer");
    if (numbers.length) p(`数字列：${fieldList(numbers)}，只填数字，不要带单位。`);
    const text = f.filter((x) => x.textFormat);
    if (text.length) p(`文本格式列：${fieldList(text)}。这些列已设为文本格式，请保持不变。`);
    for (const x of f) if (x.hint) p(`${x.header}：${x.hint}。`);
    const computed = f.flatMap((x) => {
      const text = describeFormula(x, f);
      return text ? [text] : [];
    });
    if (computed.length) {
      p(
        `公式列：${computed.join("；")}。这些列已填好公式，会自动计算，不用手填；在表格下面新增行时，请把上一行的公式向下填充。`,
      );
    }
    for (const g of guides[w.template.id] ?? []) p(g);
    if (w.checks.length) p(`表内自动提示（不打开加载项也有效）：${w.checks.join("；")}。`);
  }

  const all = written.flatMap((w) => sheetFields(w.template));
  const ordinals = ["三", "四", "五", "六", "七", "八"];
  let section = 0;
  const numbered = (title: string) => h(`${ordinals[section++] ?? String(section + 2)}、${title}`);
  if (all.some((f) => f.type === "date")) {
    numbered("日期的写法");
    p(
      "日期可以直接按 Excel 日期输入（如 2019-11-01），也接受这些文字写法：2019-11-01、2019/11/1、2019.11.1、2019年11月1日、20191101。只知道年月时可写 2019.11 或 2019年11月，按月比较。全角数字也可以。",
    );
  }
  const textCols = [...new Set(all.filter((f) => f.textFormat).map((f) => f.header))];
  if (textCols.length) {
    numbered("号码要存为文本");
    p(
      `${textCols.join("、")}要存为文本。Excel 的数字只保留 15 位有效数字，18 位身份证号这样的长号码一旦存成数字，最后几位会变成 0，无法恢复；开头的 0 也会丢失。本模板已把这些列设为文本格式；从别处粘贴时请用“选择性粘贴 → 数值”，或在号码前加英文单引号 '。`,
    );
  }
  numbered("怎么检查");
  p(
    "在 Excel 中打开“支部表格助手”加载项，点“校验”，问题会按规则分组列出，点击可跳到对应单元格；没有 Excel 时可用浏览器打开助手页面，选择本文件检查。",
  );
  p(
    "也可以在命令行运行：zhibu validate 文件名.xlsx（可加 --as-of 2026-11-21 指定统计截止日期）。检查不会修改你的文件。",
  );
  return lines;
}

function writeGuideSheet(ws: ExcelJS.Worksheet, title: string, lines: { text: string; heading?: boolean }[]): void {
  ws.getColumn(1).width = 110;
  fitPortraitToWidth(ws);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { bold: true, size: 16, color: { argb: argb(PLAN_COLORS.title) } };
  ws.getRow(1).height = 30;
  lines.forEach((line, i) => {
    const cell = ws.getCell(i + 3, 1);
    cell.value = line.text;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (line.heading) cell.font = { bold: true, size: 12, color: { argb: argb(PLAN_COLORS.title) } };
    // Rough height for wrapped text: about 105 half-width units per line.
    const wraps = Math.max(1, Math.ceil(textWidth(line.text) / 105));
    ws.getRow(i + 3).height = line.heading ? 22 : Math.max(18, wraps * 16);
  });
}

/**
 * A new workbook with one sheet per template (an Excel table with dropdowns, validation, in-sheet checks,
 * frozen header and print setup), a 设置 sheet, a 说明 sheet and, when needed, a hidden 选项 sheet.
 */
export function buildTemplateWorkbook(opts: BuildTemplateOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "支部表格助手";
  wb.title = `${opts.branch ?? ""}支部工作表格`;
  const names = new SheetNames();
  for (const reserved of [SETTINGS_SHEET, GUIDE_SHEET, OPTIONS_SHEET]) names.reserve(reserved);
  const lists = new OptionLists(OPTIONS_SHEET);
  const tableNames = new Set<string>();

  const written: WrittenTemplate[] = [];
  for (const template of opts.templates) {
    const sheetName = names.take(template.sheetName);
    written.push(writeTemplateSheet(wb, sheetName, template, opts, lists, tableNameFor(template.id, tableNames)));
  }

  writeSettingsSheet(wb.addWorksheet(SETTINGS_SHEET), opts);
  const guide = wb.addWorksheet(GUIDE_SHEET);
  const hasOptions = lists.columns.length > 0;
  writeGuideSheet(guide, `${opts.branch ?? ""}工作簿使用说明`, guideLines(written, opts, hasOptions));
  if (hasOptions) {
    const ws = wb.addWorksheet(OPTIONS_SHEET, { state: "hidden" });
    writeOptionsSheet(ws, lists);
  }
  return wb;
}
