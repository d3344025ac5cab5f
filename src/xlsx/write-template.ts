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
import { SETTING_DEFS, SETTINGS_SHEET, type SettingDef, type SettingValue } from "../core/settings";
import { columnLetter } from "../core/address";
import { formatDate } from "../core/dates";
import { isCellDate } from "../core/coerce";
import { applyFormulas, describeFormula, rowRefs } from "./template-formulas";

export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;
/** Empty table rows of a template written without sample rows. */
export const DEFAULT_EMPTY_ROWS = 50;
export const OPTIONS_SHEET = "选项";
export const GUIDE_SHEET = "说明";
export const DATE_FORMAT = "yyyy-mm-dd";
export const TEXT_FORMAT = "@";
export const PERCENT_FORMAT = "0.00%";
/** Bounds of date validation; exceljs converts them with a 1900-03-01 epoch, so stay after February 1900. */
const DATE_MIN = new Date(Date.UTC(1901, 0, 1));
const DATE_MAX = new Date(Date.UTC(2099, 11, 31));

/** Excel's limit for an inline dropdown list ("a,b,c"). */
const INLINE_LIST_LIMIT = 255;
const SHEET_NAME_LIMIT = 31;
const DEFAULT_COLUMN_WIDTH = 9;

/**
 * A conditional format that works without the add-in (Excel, WPS, LibreOffice):
 * - duplicate: the value occurs more than once in the column;
 * - length: a non-empty value whose length is none of `lengths`;
 * - idChecksum: an 18-character value whose ISO 7064 MOD 11-2 check character is wrong.
 */
export type InSheetCheck =
  | { readonly template: string; readonly field: string; readonly kind: "duplicate" }
  | { readonly template: string; readonly field: string; readonly kind: "length"; readonly lengths: readonly number[] }
  | { readonly template: string; readonly field: string; readonly kind: "idChecksum" };

export const IN_SHEET_CHECKS: readonly InSheetCheck[] = [
  { template: "roster", field: "idNumber", kind: "duplicate" },
  { template: "roster", field: "idNumber", kind: "length", lengths: [18, 15] },
  { template: "roster", field: "idNumber", kind: "idChecksum" },
];

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
  type: "list" | "whole" | "decimal" | "date" | "textLength" | "custom" | "any";
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

function addValidation(ws: ExcelJS.Worksheet, address: string, dv: DataValidationModel): void {
  (ws as unknown as { dataValidations: { add(address: string, v: DataValidationModel): void } }).dataValidations.add(address, dv);
}

const clip = (text: string, max: number): string => (text.length > max ? text.slice(0, max - 1) + "…" : text);

const COLORS = {
  headerFill: "FFDDEBF7",
  headerFont: "FF1F3864",
  required: "FFC00000",
  border: "FF9BC2E6",
  title: "FF1F3864",
} as const;

const CHECK_STYLES: Record<InSheetCheck["kind"] | "required" | "itemRange", Partial<ExcelJS.Style>> = {
  duplicate: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } }, font: { color: { argb: "FF9C0006" } } },
  length: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFEB9C" } }, font: { color: { argb: "FF9C5700" } } },
  idChecksum: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFF8CBAD" } }, font: { color: { argb: "FF833C0B" } } },
  itemRange: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } }, font: { color: { argb: "FF9C0006" } } },
  required: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFCE4D6" } } },
};


const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: COLORS.border } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Names used so far (Excel compares sheet names case-insensitively). */
class SheetNames {
  private readonly used = new Set<string>();

  reserve(name: string): void {
    this.used.add(name.toLowerCase());
  }

  /** A legal, unused sheet name close to `wanted`. */
  take(wanted: string): string {
    const base = wanted.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").trim().slice(0, SHEET_NAME_LIMIT) || "Sheet";
    let name = base;
    for (let k = 2; this.used.has(name.toLowerCase()); k++) {
      const suffix = `(${k})`;
      name = base.slice(0, SHEET_NAME_LIMIT - suffix.length) + suffix;
    }
    this.used.add(name.toLowerCase());
    return name;
  }
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function jsDate(d: CellDate): Date {
  return new Date(Date.UTC(d.y, d.m - 1, d.d));
}

/** A core cell value as exceljs writes it; month-precision dates stay text ("2019-11") so they keep their meaning. */
export function toExcelValue(v: CellValue | undefined): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (isCellDate(v)) return v.d === 0 ? formatDate(v) : jsDate(v);
  return { error: v.code as ExcelJS.ErrorValue };
}

/** Display width of a string in Excel character units (CJK counts double). */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFFF]/.test(ch) ? 2 : 1;
  return w;
}

function numberFormat(field: FieldDef): string | undefined {
  if (field.textFormat) return TEXT_FORMAT;
  if (field.formula?.kind === "ratio" && field.formula.percent) return PERCENT_FORMAT;
  if (field.type === "date") return DATE_FORMAT;
  if (field.type === "integer") return "0";
  return undefined;
}

function boundsValidation(field: FieldDef, type: "whole" | "decimal"): Pick<DataValidationModel, "type" | "operator" | "formulae" | "error"> {
  const { min, max } = field;
  const kind = type === "whole" ? "整数" : "数字";
  if (min !== undefined && max !== undefined) return { type, operator: "between", formulae: [min, max], error: `请输入 ${min}–${max} 之间的${kind}` };
  if (min !== undefined) return { type, operator: "greaterThanOrEqual", formulae: [min], error: `请输入不小于 ${min} 的${kind}` };
  if (max !== undefined) return { type, operator: "lessThanOrEqual", formulae: [max], error: `请输入不大于 ${max} 的${kind}` };
  const big = 999999999;
  return { type, operator: "between", formulae: [-big, big], error: `请输入${kind}` };
}

/** Long dropdown lists live on the hidden 选项 sheet, one column per distinct list. */
class OptionLists {
  readonly columns: { label: string; values: readonly string[] }[] = [];
  private readonly byKey = new Map<string, string>();

  constructor(private readonly sheetName: string) {}

  /** An inline list formula when the list is short and safe, else a reference into the 选项 sheet. */
  formula(template: TemplateDef, field: FieldDef, values: readonly string[]): string {
    const joined = values.join(",");
    // Counted conservatively (a CJK character as two): hosts disagree on how they count the 255.
    if (textWidth(joined) + 2 <= INLINE_LIST_LIMIT && !values.some((v) => /[,"]/.test(v))) return `"${joined}"`;
    const key = values.join("\u0000");
    let ref = this.byKey.get(key);
    if (!ref) {
      const col = columnLetter(this.columns.length + 1);
      // The label must not read as a template header (no bare field headers, no "(…)" suffix to strip).
      this.columns.push({ label: `${template.title}·${field.header}`, values });
      ref = `${quoteSheet(this.sheetName)}!$${col}$2:$${col}$${values.length + 1}`;
      this.byKey.set(key, ref);
    }
    return ref;
  }
}

function dataValidationFor(field: FieldDef, template: TemplateDef, lists: OptionLists): DataValidationModel | null {
  const prompt = field.hint ? { showInputMessage: true, promptTitle: clip(field.header, 32), prompt: clip(field.hint, 255) } : {};
  const errorTitle = clip(`${field.header}填写有误`, 32);
  switch (field.type) {
    case "enum": {
      const values = field.values ?? [];
      if (values.length === 0) break;
      return {
        type: "list",
        formulae: [lists.formula(template, field, values)],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle,
        error: clip(`请从下拉列表中选择${field.header}${values.length <= 8 ? `：${values.join("、")}` : ""}`, 255),
        ...prompt,
      };
    }
    case "date":
      return {
        type: "date",
        operator: "between",
        formulae: [DATE_MIN, DATE_MAX],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle,
        error: "请输入日期，例如 2019-11-01 或 2019/11/1。只知道年月时可写 2019.11（点“是”保留）。",
        ...prompt,
      };
    case "integer":
    case "number": {
      const b = boundsValidation(field, field.type === "integer" ? "whole" : "decimal");
      return { ...b, allowBlank: true, showErrorMessage: true, errorStyle: "stop", errorTitle, ...prompt };
    }
    case "month":
      return {
        type: "whole",
        operator: "between",
        formulae: [1, 12],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle,
        error: "请输入 1–12 的月份数字；写成“3月”等形式也可以（点“是”保留）。",
        ...prompt,
      };
    case "text":
      break;
  }
  return field.hint ? { type: "any", ...prompt } : null;
}

/** The idChecksum formula for a relative cell: Σ digit × weight mod 11 picks the check character. */
function checksumFormula(a: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.map((w, i) => `MID(${a},${i + 1},1)*${w}`).join("+");
  return `AND(LEN(${a})=18,IFERROR(MID("10X98765432",MOD(${sum},11)+1,1)<>UPPER(RIGHT(${a},1)),TRUE))`;
}

function checkFormula(check: InSheetCheck, col: string, row: number): string {
  const a = `${col}${row}`;
  switch (check.kind) {
    case "duplicate":
      // The trailing "*" makes COUNTIF compare text: without it 18-digit numbers-as-text match on 15 digits.
      return `AND(LEN(${a})>0,COUNTIF($${col}:$${col},${a}&"*")>1)`;
    case "length":
      return `AND(LEN(${a})>0,${check.lengths.map((n) => `LEN(${a})<>${n}`).join(",")})`;
    case "idChecksum":
      return checksumFormula(a);
  }
}

function describeCheck(check: InSheetCheck, header: string): string {
  switch (check.kind) {
    case "duplicate":
      return `红色底纹：${header}与本列其他行重复`;
    case "length":
      return `黄色底纹：${header}位数不对（应为 ${check.lengths.join(" 或 ")} 位）`;
    case "idChecksum":
      return `橙色底纹：${header}校验位（最后一位）不对`;
  }
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
  const fields = sheetFields(template);
  const ncols = Math.max(1, fields.length);
  const given = opts.rows?.[template.id] ?? [];
  const emptyRows = Math.max(1, Math.floor(opts.emptyRows ?? DEFAULT_EMPTY_ROWS));
  const dataCount = given.length > 0 ? given.length : emptyRows;
  const firstData = FIRST_DATA_ROW;
  const lastData = FIRST_DATA_ROW + dataCount - 1;

  const ws = wb.addWorksheet(sheetName, {
    // exceljs omits columns of width 9 (its "default"); make 9 the sheet's default so they keep it.
    properties: { defaultColWidth: DEFAULT_COLUMN_WIDTH },
    views: [{ state: "frozen", xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${FIRST_DATA_ROW}`, activeCell: `A${FIRST_DATA_ROW}` }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页" },
  });

  // Column widths and the data cells' number formats (column styles also reach rows typed below the table).
  fields.forEach((field, i) => {
    const column = ws.getColumn(i + 1);
    column.width = field.width ?? Math.max(8, textWidth(field.header) + 4);
    const fmt = numberFormat(field);
    if (fmt) column.numFmt = fmt;
  });

  // Title: branch name + template title, merged over the table's width.
  const title = ws.getCell(TITLE_ROW, 1);
  title.value = `${opts.branch ?? ""}${template.title}`;
  title.numFmt = "General";
  title.font = { bold: true, size: 16, color: { argb: COLORS.title } };
  title.alignment = { horizontal: "center", vertical: "middle" };
  if (ncols > 1) ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, ncols);
  ws.getRow(TITLE_ROW).height = 32;

  // Cell values by row, then the computed columns' formulas with their cached results (blank in empty rows).
  const rows: ExcelJS.CellValue[][] =
    given.length > 0
      ? given.map((data) => fields.map((f) => toExcelValue(data[f.key])))
      : Array.from({ length: emptyRows }, () => fields.map(() => null));
  applyFormulas(fields, rows, { firstRow: firstData, lastRow: lastData });

  ws.addTable({
    name: tableName,
    displayName: tableName,
    ref: `A${HEADER_ROW}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: fields.map((f) => ({ name: f.header, filterButton: true })),
    rows,
  });

  // Header: canonical text; required headers in bold red; hints as the header's input prompt.
  const headerRow = ws.getRow(HEADER_ROW);
  headerRow.height = 30;
  fields.forEach((field, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.numFmt = "General";
    cell.font = { bold: true, color: { argb: field.required ? COLORS.required : COLORS.headerFont } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: COLORS.headerFill } };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
    if (field.hint) {
      addValidation(ws, cell.address, {
        type: "any",
        showInputMessage: true,
        promptTitle: clip(field.header, 32),
        prompt: clip(field.hint, 255),
      });
    }
  });

  // Validations over each column's data cells.
  fields.forEach((field, i) => {
    const col = columnLetter(i + 1);
    const dv = dataValidationFor(field, template, lists);
    if (dv) addValidation(ws, `${col}${firstData}:${col}${lastData}`, dv);
  });

  // In-sheet checks: required cells left empty in a started row, and the declared checks.
  // A row is started when a cell other than a computed one holds something: COUNTA counts a formula giving "".
  const inputColumns = fields.flatMap((f, i) => (f.formula ? [] : [i]));
  const rowSpan = rowRefs(inputColumns.length > 0 ? inputColumns : [0], firstData, true).join(",");
  const checks: string[] = [];
  const requiredHeaders: string[] = [];
  fields.forEach((field, i) => {
    if (!field.required) return;
    const col = columnLetter(i + 1);
    requiredHeaders.push(field.header);
    ws.addConditionalFormatting({
      ref: `${col}${firstData}:${col}${lastData}`,
      rules: [
        {
          type: "expression",
          formulae: [`AND(COUNTA(${rowSpan})>0,LEN(TRIM(${col}${firstData}))=0)`],
          style: CHECK_STYLES.required,
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
  });
  if (requiredHeaders.length > 0) checks.push(`浅橙底纹：该行已填内容，但必填的${requiredHeaders.join("、")}为空`);
  // Item scores outside 0..the item's maximum (the number in the header), one rule per item column.
  const itemHeaders: string[] = [];
  fields.forEach((field, i) => {
    if (!field.item) return;
    const col = columnLetter(i + 1);
    const a = `${col}${firstData}`;
    ws.addConditionalFormatting({
      ref: `${col}${firstData}:${col}${lastData}`,
      rules: [
        {
          type: "expression",
          formulae: [`AND(ISNUMBER(${a}),OR(${a}<${field.min ?? 0},${a}>${field.item.max}))`],
          style: CHECK_STYLES.itemRange,
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
    itemHeaders.push(field.header);
  });
  if (itemHeaders.length > 0) checks.push(`红色底纹：${itemHeaders.join("、")}的得分小于 0 或超过列名括号中的分值`);
  for (const check of opts.checks ?? IN_SHEET_CHECKS) {
    if (check.template !== template.id) continue;
    const index = fields.findIndex((f) => f.key === check.field);
    const field = fields[index];
    if (!field) continue;
    const col = columnLetter(index + 1);
    ws.addConditionalFormatting({
      ref: `${col}${firstData}:${col}${lastData}`,
      rules: [
        {
          type: "expression",
          formulae: [checkFormula(check, col, firstData)],
          style: CHECK_STYLES[check.kind],
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
    checks.push(describeCheck(check, field.header));
  }

  return { template, sheetName, checks };
}

function settingCellValue(def: SettingDef, value: SettingValue): { value: ExcelJS.CellValue; numFmt?: string } {
  if (value === null || value === "") return { value: null };
  if (isCellDate(value)) return { value: toExcelValue(value), numFmt: value.d === 0 ? undefined : DATE_FORMAT };
  if (def.type === "percent" && typeof value === "number") {
    // Numbers of 1 or more read as percentages ("20" = 20 %), so 100 % and above are written as text.
    const pct = Math.round(value * 1e6) / 1e4;
    if (value >= 1) return { value: `${pct}%` };
    return { value, numFmt: Number.isInteger(pct) ? "0%" : "0.00%" };
  }
  return { value };
}

function settingValidation(def: SettingDef): DataValidationModel | null {
  const errorTitle = clip(`${def.label}填写有误`, 32);
  const base = { allowBlank: true, showErrorMessage: true, errorTitle, showInputMessage: true, promptTitle: clip(def.label, 32), prompt: clip(def.note, 255) };
  switch (def.type) {
    case "date":
      return { type: "date", operator: "between", formulae: [DATE_MIN, DATE_MAX], errorStyle: "warning", error: "请输入日期，例如 2026-11-21", ...base };
    case "year":
      return { type: "whole", operator: "between", formulae: [1900, 2999], errorStyle: "stop", error: "请输入四位年份，例如 2026", ...base };
    case "count":
      return { type: "whole", operator: "greaterThanOrEqual", formulae: [0], errorStyle: "stop", error: "请输入不小于 0 的整数", ...base };
    case "score":
      return { type: "decimal", operator: "greaterThanOrEqual", formulae: [0], errorStyle: "stop", error: "请输入不小于 0 的数字", ...base };
    case "percent":
    case "text":
      return { type: "any", showInputMessage: true, promptTitle: base.promptTitle, prompt: base.prompt };
  }
}

function writeSettingsSheet(ws: ExcelJS.Worksheet, opts: BuildTemplateOptions): void {
  ws.columns = [
    { header: "项目", key: "label", width: 26 },
    { header: "值", key: "value", width: 22 },
    { header: "说明", key: "note", width: 60 },
  ];
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "B2" }];
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const header = ws.getRow(1);
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: COLORS.headerFont } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: COLORS.headerFill } };
    cell.border = BORDER;
  });
  const given: Record<string, SettingValue | undefined> = { branchName: opts.branch, asOf: opts.asOf ?? null };
  SETTING_DEFS.forEach((def, i) => {
    const r = i + 2;
    const value = given[def.key] !== undefined ? given[def.key]! : def.defaultValue;
    const written = settingCellValue(def, value);
    ws.getCell(r, 1).value = def.label;
    ws.getCell(r, 1).font = { bold: true };
    const cell = ws.getCell(r, 2);
    if (written.numFmt) cell.numFmt = written.numFmt;
    if (def.type === "text") cell.numFmt = TEXT_FORMAT;
    cell.value = written.value;
    cell.alignment = { horizontal: "left" };
    ws.getCell(r, 3).value = def.note;
    ws.getCell(r, 3).font = { color: { argb: "FF595959" } };
    for (let c = 1; c <= 3; c++) ws.getCell(r, c).border = BORDER;
    const dv = settingValidation(def);
    if (dv) addValidation(ws, cell.address, dv);
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

function guideLines(written: readonly WrittenTemplate[], opts: BuildTemplateOptions, hasOptions: boolean): { text: string; heading?: boolean }[] {
  const lines: { text: string; heading?: boolean }[] = [];
  const h = (text: string) => lines.push({ text, heading: true });
  const p = (text: string) => lines.push({ text });
  const guides = opts.guides ?? TEMPLATE_GUIDES;

  h("一、本工作簿有哪些工作表");
  for (const w of written) p(`「${w.sheetName}」：${w.template.description}。第 1 行是标题，第 2 行是列名，从第 3 行起每行填一人（一项）。`);
  p(`「${SETTINGS_SHEET}」：支部名称、统计截止日期、年度、三会一课次数、分数线等参数。左列是项目，在“值”一列填写；留空按默认值。`);
  p(`「${GUIDE_SHEET}」：本页。`);
  if (hasOptions) p(`「${OPTIONS_SHEET}」（隐藏）：下拉列表的选项来源，请勿修改或删除。`);

  h("二、怎么填");
  p("列名为红色的是必填列。可以增加自己需要的列（会被忽略），也可以调整列的顺序，但请不要修改列名。在表格最后一行下面继续输入，表格会自动扩展，格式和下拉列表随之延续。");
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
    p("日期可以直接按 Excel 日期输入（如 2019-11-01），也接受这些文字写法：2019-11-01、2019/11/1、2019.11.1、2019年11月1日、20191101。只知道年月时可写 2019.11 或 2019年11月，按月比较。全角数字也可以。");
  }
  const textCols = [...new Set(all.filter((f) => f.textFormat).map((f) => f.header))];
  if (textCols.length) {
    numbered("号码要存为文本");
    p(`${textCols.join("、")}要存为文本。Excel 的数字只保留 15 位有效数字，18 位身份证号这样的长号码一旦存成数字，最后几位会变成 0，无法恢复；开头的 0 也会丢失。本模板已把这些列设为文本格式；从别处粘贴时请用“选择性粘贴 → 数值”，或在号码前加英文单引号 '。`);
  }
  numbered("怎么检查");
  p("在 Excel 中打开“支部表格助手”加载项，点“校验”，问题会按规则分组列出，点击可跳到对应单元格；没有 Excel 时可用浏览器打开助手页面，选择本文件检查。");
  p("也可以在命令行运行：zhibu validate 文件名.xlsx（可加 --as-of 2026-11-21 指定统计截止日期）。检查不会修改你的文件。");
  return lines;
}

function writeGuideSheet(ws: ExcelJS.Worksheet, title: string, lines: { text: string; heading?: boolean }[]): void {
  ws.getColumn(1).width = 110;
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { bold: true, size: 16, color: { argb: COLORS.title } };
  ws.getRow(1).height = 30;
  lines.forEach((line, i) => {
    const cell = ws.getCell(i + 3, 1);
    cell.value = line.text;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (line.heading) cell.font = { bold: true, size: 12, color: { argb: COLORS.title } };
    // Rough height for wrapped text: about 105 half-width units per line.
    const wraps = Math.max(1, Math.ceil(textWidth(line.text) / 105));
    ws.getRow(i + 3).height = line.heading ? 22 : Math.max(18, wraps * 16);
  });
}

function tableNameFor(id: string, used: Set<string>): string {
  const base = `tbl_${id.replace(/[^A-Za-z0-9_]/g, "_") || "template"}`;
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}_${k}`;
  used.add(name.toLowerCase());
  return name;
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
