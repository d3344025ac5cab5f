/**
 * A generated template sheet as plain data (SPEC §2): title, headers, column widths and number formats, cell
 * values and computed-column formulas, data validations, in-sheet checks (conditional formats) and print setup.
 * Both writers follow it: the exceljs file writer (src/xlsx/write-template.ts) and the Office.js adapter
 * (addin/office), so a template inserted in Excel is the template written to a file. Driven only by the
 * template's field definitions and the declarative IN_SHEET_CHECKS, never by code that knows a template.
 */
import type { CellDate, CellValue } from "../types";
import type { FieldDef, TemplateDef } from "./types";
import { sheetFields } from "./fields";
import { type FormulaCell, applyFormulas, rowRefs } from "./formulas";
import { SETTING_DEFS, type SettingDef, type SettingValue } from "../settings";
import { columnLetter } from "../address";
import { isCellDate } from "../coerce";

export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;
/** Empty table rows of a template written without sample rows. */
export const DEFAULT_EMPTY_ROWS = 50;
export const OPTIONS_SHEET = "选项";
export const DATE_FORMAT = "yyyy-mm-dd";
export const TEXT_FORMAT = "@";
export const PERCENT_FORMAT = "0.00%";
/** Bounds of date validation (after February 1900, where serial conversions agree). */
export const DATE_MIN: CellDate = { kind: "date", y: 1901, m: 1, d: 1 };
export const DATE_MAX: CellDate = { kind: "date", y: 2099, m: 12, d: 31 };
export const TABLE_STYLE = "TableStyleMedium2";

/** Excel's limit for an inline dropdown list ("a,b,c"). */
const INLINE_LIST_LIMIT = 255;
const SHEET_NAME_LIMIT = 31;

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

/** The look of a conditional format: fill and (optionally) font colour, "#RRGGBB". */
export type CheckStyle = InSheetCheck["kind"] | "required" | "itemRange";

export const CHECK_COLORS: Readonly<Record<CheckStyle, { readonly fill: string; readonly font?: string }>> = {
  duplicate: { fill: "#FFC7CE", font: "#9C0006" },
  length: { fill: "#FFEB9C", font: "#9C5700" },
  idChecksum: { fill: "#F8CBAD", font: "#833C0B" },
  itemRange: { fill: "#FFC7CE", font: "#9C0006" },
  required: { fill: "#FCE4D6" },
};

export const PLAN_COLORS = {
  headerFill: "#DDEBF7",
  headerFont: "#1F3864",
  required: "#C00000",
  border: "#9BC2E6",
  title: "#1F3864",
  note: "#595959",
} as const;

/** A data validation, in the terms both hosts share; dates are core dates, lists are formulas ("a,b" quoted or a range). */
export interface ValidationPlan {
  readonly type: "list" | "whole" | "decimal" | "date" | "any";
  readonly operator?: "between" | "greaterThanOrEqual" | "lessThanOrEqual";
  readonly formulae?: ReadonlyArray<number | string | CellDate>;
  readonly allowBlank?: boolean;
  readonly showInputMessage?: boolean;
  readonly promptTitle?: string;
  readonly prompt?: string;
  readonly showErrorMessage?: boolean;
  readonly errorStyle?: "stop" | "warning" | "information";
  readonly errorTitle?: string;
  readonly error?: string;
}

export interface RangeValidation {
  /** A1 range on the sheet ("C3:C52"). */
  readonly address: string;
  readonly rule: ValidationPlan;
}

export interface ConditionalFormatPlan {
  readonly address: string;
  /** Expression for the range's top-left cell (no "="), relative references moving with the cell. */
  readonly formula: string;
  readonly style: CheckStyle;
}

export interface ColumnPlan {
  readonly key: string;
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  /** Number format of the data cells (undefined: General). */
  readonly numberFormat?: string;
  readonly required: boolean;
  readonly hint?: string;
}

export type PlanCell = CellValue | FormulaCell;

export interface PrintPlan {
  readonly paper: "A4";
  readonly orientation: "landscape" | "portrait";
  readonly fitToWidth: 1;
  readonly fitToHeight: 0;
  readonly horizontalCentered: boolean;
  /** Rows repeated on every page, "2:2". */
  readonly titleRows?: string;
  /** Margins in inches. */
  readonly margins: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
    readonly header: number;
    readonly footer: number;
  };
  readonly footer?: string;
}

export interface SheetPlan {
  readonly template: TemplateDef;
  readonly sheetName: string;
  readonly tableName: string;
  /** Branch name + template title, merged over the table's width. */
  readonly title: string;
  readonly titleRow: number;
  readonly headerRow: number;
  readonly firstDataRow: number;
  readonly lastDataRow: number;
  readonly columns: readonly ColumnPlan[];
  /** Data rows × columns: values (core cell values) and formula cells with their computed results. */
  readonly rows: ReadonlyArray<ReadonlyArray<PlanCell>>;
  /** Header input prompts first, then the data columns' validations. */
  readonly validations: readonly RangeValidation[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  /** Sentences describing the in-sheet checks (for the 说明 sheet). */
  readonly checks: readonly string[];
  readonly print: PrintPlan;
  readonly tableStyle: string;
}

export interface SheetPlanOptions {
  readonly branch?: string;
  /** Data rows keyed by field key (none: `emptyRows` blank rows). */
  readonly rows?: ReadonlyArray<Readonly<Record<string, CellValue>>>;
  /** Empty table rows when there are no rows (default 50, at least 1). */
  readonly emptyRows?: number;
  /** Conditional formats to add (default IN_SHEET_CHECKS). */
  readonly checks?: readonly InSheetCheck[];
}

export const clip = (text: string, max: number): string => (text.length > max ? text.slice(0, max - 1) + "…" : text);

/** Display width of a string in Excel character units (CJK counts double). */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFFF]/.test(ch) ? 2 : 1;
  return w;
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Names used so far (Excel compares sheet names case-insensitively). */
export class SheetNames {
  private readonly used = new Set<string>();

  constructor(taken: Iterable<string> = []) {
    for (const n of taken) this.reserve(n);
  }

  reserve(name: string): void {
    this.used.add(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.used.has(name.toLowerCase());
  }

  /** A legal, unused sheet name close to `wanted` ("党员花名册(2)" when taken). */
  take(wanted: string): string {
    const base =
      wanted
        .replace(/[[\]:*?/\\]/g, "_")
        .replace(/^'+|'+$/g, "")
        .trim()
        .slice(0, SHEET_NAME_LIMIT) || "Sheet";
    let name = base;
    for (let k = 2; this.used.has(name.toLowerCase()); k++) {
      const suffix = `(${k})`;
      name = base.slice(0, SHEET_NAME_LIMIT - suffix.length) + suffix;
    }
    this.used.add(name.toLowerCase());
    return name;
  }
}

/** An unused table name for a template ("tbl_roster", "tbl_roster_2"); `used` holds lower-cased names. */
export function tableNameFor(id: string, used: Set<string>): string {
  const base = `tbl_${id.replace(/[^A-Za-z0-9_]/g, "_") || "template"}`;
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}_${k}`;
  used.add(name.toLowerCase());
  return name;
}

export interface OptionList {
  readonly label: string;
  readonly values: readonly string[];
}

/** Long dropdown lists live on the hidden 选项 sheet, one column per distinct list (existing columns reused). */
export class OptionLists {
  readonly columns: OptionList[] = [];
  /** Columns already on the sheet before this plan. */
  readonly existing: number;
  private readonly byKey = new Map<string, string>();

  constructor(
    readonly sheetName: string,
    existing: readonly OptionList[] = [],
  ) {
    for (const list of existing) this.add(list);
    this.existing = existing.length;
  }

  /** The lists this plan added (to write after the existing columns). */
  get added(): readonly OptionList[] {
    return this.columns.slice(this.existing);
  }

  /** An inline list formula when the list is short and safe, else a reference into the 选项 sheet. */
  formula(template: TemplateDef, field: FieldDef, values: readonly string[]): string {
    const joined = values.join(",");
    // Counted conservatively (a CJK character as two): hosts disagree on how they count the 255.
    if (textWidth(joined) + 2 <= INLINE_LIST_LIMIT && !values.some((v) => /[,"]/.test(v))) return `"${joined}"`;
    // The label must not read as a template header (no bare field headers, no "(…)" suffix to strip).
    return this.byKey.get(values.join("\u0000")) ?? this.add({ label: `${template.title}·${field.header}`, values });
  }

  private add(list: OptionList): string {
    const key = list.values.join("\u0000");
    const seen = this.byKey.get(key);
    if (seen) {
      this.columns.push(list);
      return seen;
    }
    const col = columnLetter(this.columns.length + 1);
    this.columns.push(list);
    const ref = `${quoteSheet(this.sheetName)}!$${col}$2:$${col}$${list.values.length + 1}`;
    this.byKey.set(key, ref);
    return ref;
  }
}

/** Number format of a column's data cells. */
export function columnNumberFormat(field: FieldDef): string | undefined {
  if (field.textFormat) return TEXT_FORMAT;
  if (field.formula?.kind === "ratio" && field.formula.percent) return PERCENT_FORMAT;
  if (field.type === "date") return DATE_FORMAT;
  if (field.type === "integer") return "0";
  return undefined;
}

export function columnWidth(field: FieldDef): number {
  return field.width ?? Math.max(8, textWidth(field.header) + 4);
}

function boundsValidation(
  field: FieldDef,
  type: "whole" | "decimal",
): Pick<ValidationPlan, "type" | "operator" | "formulae" | "error"> {
  const { min, max } = field;
  const kind = type === "whole" ? "整数" : "数字";
  if (min !== undefined && max !== undefined)
    return { type, operator: "between", formulae: [min, max], error: `请输入 ${min}–${max} 之间的${kind}` };
  if (min !== undefined)
    return { type, operator: "greaterThanOrEqual", formulae: [min], error: `请输入不小于 ${min} 的${kind}` };
  if (max !== undefined)
    return { type, operator: "lessThanOrEqual", formulae: [max], error: `请输入不大于 ${max} 的${kind}` };
  const big = 999999999;
  return { type, operator: "between", formulae: [-big, big], error: `请输入${kind}` };
}

/** The data validation of a column's data cells; null for a plain text column without a hint. */
export function fieldValidation(field: FieldDef, template: TemplateDef, lists: OptionLists): ValidationPlan | null {
  const prompt = field.hint
    ? { showInputMessage: true, promptTitle: clip(field.header, 32), prompt: clip(field.hint, 255) }
    : {};
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

export function checkFormula(check: InSheetCheck, col: string, row: number): string {
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

export const TEMPLATE_PRINT: PrintPlan = {
  paper: "A4",
  orientation: "landscape",
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  footer: "&C第 &P 页，共 &N 页",
};

/** The plan of one template sheet named `sheetName` with table `tableName`; long lists go into `lists`. */
export function templateSheetPlan(
  template: TemplateDef,
  sheetName: string,
  tableName: string,
  lists: OptionLists,
  opts: SheetPlanOptions = {},
): SheetPlan {
  const fields = sheetFields(template);
  const given = opts.rows ?? [];
  const emptyRows = Math.max(1, Math.floor(opts.emptyRows ?? DEFAULT_EMPTY_ROWS));
  const dataCount = given.length > 0 ? given.length : emptyRows;
  const firstData = FIRST_DATA_ROW;
  const lastData = FIRST_DATA_ROW + dataCount - 1;

  const columns: ColumnPlan[] = fields.map((f) => {
    const fmt = columnNumberFormat(f);
    return {
      key: f.key,
      header: f.header,
      width: columnWidth(f),
      required: f.required === true,
      ...(fmt ? { numberFormat: fmt } : {}),
      ...(f.hint ? { hint: f.hint } : {}),
    };
  });

  // Cell values by row, then the computed columns' formulas with their cached results (blank in empty rows).
  const rows: PlanCell[][] =
    given.length > 0
      ? given.map((data) => fields.map((f) => data[f.key] ?? null))
      : Array.from({ length: emptyRows }, () => fields.map(() => null));
  applyFormulas(fields, rows, { firstRow: firstData, lastRow: lastData });

  const validations: RangeValidation[] = [];
  fields.forEach((field, i) => {
    if (field.hint) {
      validations.push({
        address: `${columnLetter(i + 1)}${HEADER_ROW}`,
        rule: {
          type: "any",
          showInputMessage: true,
          promptTitle: clip(field.header, 32),
          prompt: clip(field.hint, 255),
        },
      });
    }
  });
  fields.forEach((field, i) => {
    const col = columnLetter(i + 1);
    const rule = fieldValidation(field, template, lists);
    if (rule) validations.push({ address: `${col}${firstData}:${col}${lastData}`, rule });
  });

  // In-sheet checks: required cells left empty in a started row, item scores out of range, the declared checks.
  // A row is started when a cell other than a computed one holds something: COUNTA counts a formula giving "".
  const conditionalFormats: ConditionalFormatPlan[] = [];
  const checks: string[] = [];
  const inputColumns = fields.flatMap((f, i) => (f.formula ? [] : [i]));
  const rowSpan = rowRefs(inputColumns.length > 0 ? inputColumns : [0], firstData, true).join(",");
  const requiredHeaders: string[] = [];
  fields.forEach((field, i) => {
    if (!field.required) return;
    const col = columnLetter(i + 1);
    requiredHeaders.push(field.header);
    conditionalFormats.push({
      address: `${col}${firstData}:${col}${lastData}`,
      formula: `AND(COUNTA(${rowSpan})>0,LEN(TRIM(${col}${firstData}))=0)`,
      style: "required",
    });
  });
  if (requiredHeaders.length > 0) checks.push(`浅橙底纹：该行已填内容，但必填的${requiredHeaders.join("、")}为空`);
  const itemHeaders: string[] = [];
  fields.forEach((field, i) => {
    if (!field.item) return;
    const col = columnLetter(i + 1);
    const a = `${col}${firstData}`;
    conditionalFormats.push({
      address: `${col}${firstData}:${col}${lastData}`,
      formula: `AND(ISNUMBER(${a}),OR(${a}<${field.min ?? 0},${a}>${field.item.max}))`,
      style: "itemRange",
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
    conditionalFormats.push({
      address: `${col}${firstData}:${col}${lastData}`,
      formula: checkFormula(check, col, firstData),
      style: check.kind,
    });
    checks.push(describeCheck(check, field.header));
  }

  return {
    template,
    sheetName,
    tableName,
    title: `${opts.branch ?? ""}${template.title}`,
    titleRow: TITLE_ROW,
    headerRow: HEADER_ROW,
    firstDataRow: firstData,
    lastDataRow: lastData,
    columns,
    rows,
    validations,
    conditionalFormats,
    checks,
    print: TEMPLATE_PRINT,
    tableStyle: TABLE_STYLE,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The 设置 sheet: 项目 | 值 | 说明, one row per setting, defaults filled in.

export const SETTINGS_COLUMNS: ReadonlyArray<{ readonly header: string; readonly width: number }> = [
  { header: "项目", width: 26 },
  { header: "值", width: 22 },
  { header: "说明", width: 60 },
];

export interface SettingRowPlan {
  readonly def: SettingDef;
  readonly value: CellValue;
  /** Number format of the 值 cell (undefined: leave General). */
  readonly numberFormat?: string;
  readonly validation: ValidationPlan | null;
}

/** How a setting's value is written: 100 % and above as text (numbers ≥ 1 read as percentages), fractions as %. */
export function settingCell(def: SettingDef, value: SettingValue): { value: CellValue; numberFormat?: string } {
  if (value === null || value === "")
    return { value: null, ...(def.type === "text" ? { numberFormat: TEXT_FORMAT } : {}) };
  if (isCellDate(value)) return { value, ...(value.d === 0 ? {} : { numberFormat: DATE_FORMAT }) };
  if (def.type === "percent" && typeof value === "number") {
    const pct = Math.round(value * 1e6) / 1e4;
    if (value >= 1) return { value: `${pct}%` };
    return { value, numberFormat: Number.isInteger(pct) ? "0%" : "0.00%" };
  }
  return { value, ...(def.type === "text" || def.type === "semesters" ? { numberFormat: TEXT_FORMAT } : {}) };
}

export function settingValidation(def: SettingDef): ValidationPlan | null {
  const errorTitle = clip(`${def.label}填写有误`, 32);
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    errorTitle,
    showInputMessage: true,
    promptTitle: clip(def.label, 32),
    prompt: clip(def.note, 255),
  };
  switch (def.type) {
    case "date":
      return {
        type: "date",
        operator: "between",
        formulae: [DATE_MIN, DATE_MAX],
        errorStyle: "warning",
        error: "请输入日期，例如 2026-11-21",
        ...base,
      };
    case "year":
      return {
        type: "whole",
        operator: "between",
        formulae: [1900, 2999],
        errorStyle: "stop",
        error: "请输入四位年份，例如 2026",
        ...base,
      };
    case "count":
      return {
        type: "whole",
        operator: "greaterThanOrEqual",
        formulae: [0],
        errorStyle: "stop",
        error: "请输入不小于 0 的整数",
        ...base,
      };
    case "score":
      return {
        type: "decimal",
        operator: "greaterThanOrEqual",
        formulae: [0],
        errorStyle: "stop",
        error: "请输入不小于 0 的数字",
        ...base,
      };
    case "percent":
    case "text":
    case "semesters":
      return { type: "any", showInputMessage: true, promptTitle: base.promptTitle, prompt: base.prompt };
  }
}

/** Rows of a new 设置 sheet (from row 2): every setting with the given value or its default. */
export function settingsPlan(given: Readonly<Record<string, SettingValue | undefined>>): SettingRowPlan[] {
  return SETTING_DEFS.map((def) => {
    const v = given[def.key];
    const cell = settingCell(def, v !== undefined ? v : def.defaultValue);
    return {
      def,
      value: cell.value,
      ...(cell.numberFormat ? { numberFormat: cell.numberFormat } : {}),
      validation: settingValidation(def),
    };
  });
}
