/**
 * Native PivotTables of the in-Excel 汇总 sheet (SPEC §4), as data: which template's field goes to rows (and
 * columns) and what is counted or averaged. `pivotSources` places each definition on the sheets of a validation
 * result (sheet, header row, data rows, the header texts as the sheet has them); hosts without PivotTables skip them.
 */
import type { ValidationResult } from "../engine";
import { parseAddress } from "../address";

export type PivotAggregation = "Count" | "Sum" | "Average";

export interface PivotDef {
  readonly template: string;
  readonly title: string;
  /** Field keys on the pivot's rows, then on its columns. */
  readonly rows: readonly string[];
  readonly columns?: readonly string[];
  readonly value: { readonly field: string; readonly aggregate: PivotAggregation };
}

/** Counts count a field every counted row has (the one grouped by), so a row without 姓名 still counts as the summary does. */
/** Counts count a field every counted row has (one grouped by), so a row without 姓名 counts as in the summary. */
export const PIVOT_DEFS: readonly PivotDef[] = [
  {
    template: "roster",
    title: "按人员类别统计人数",
    rows: ["category"],
    value: { field: "category", aggregate: "Count" },
  },
  {
    template: "roster",
    title: "按党小组与人员类别统计人数",
    rows: ["group"],
    columns: ["category"],
    value: { field: "category", aggregate: "Count" },
  },
  {
    template: "roster",
    title: "按年龄段统计党员人数",
    rows: ["ageBand"],
    value: { field: "ageBand", aggregate: "Count" },
  },
  {
    template: "roster",
    title: "按学历统计人数",
    rows: ["education"],
    value: { field: "education", aggregate: "Count" },
  },
  {
    template: "schedule",
    title: "各月活动次数（按活动类型）",
    rows: ["month"],
    columns: ["type"],
    value: { field: "type", aggregate: "Count" },
  },
  { template: "schedule", title: "按状态统计活动", rows: ["status"], value: { field: "status", aggregate: "Count" } },
  {
    template: "evaluation",
    title: "按考核等次统计人数",
    rows: ["grade"],
    value: { field: "grade", aggregate: "Count" },
  },
  {
    template: "evaluation",
    title: "按部门与考核等次统计人数",
    rows: ["department"],
    columns: ["grade"],
    value: { field: "grade", aggregate: "Count" },
  },
  {
    template: "evaluation",
    title: "各部门平均总分",
    rows: ["department"],
    value: { field: "total", aggregate: "Average" },
  },
  { template: "ballot", title: "按评议结果统计人数", rows: ["result"], value: { field: "result", aggregate: "Count" } },
];

/** A pivot definition placed on a sheet of the workbook. */
export interface PivotSource {
  readonly def: PivotDef;
  readonly sheet: string;
  /** 1-based rows of the header and the last data row; 1-based first and last columns of the header. */
  readonly headerRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  /** Header texts as the sheet has them, for the row, column and value fields. */
  readonly rowHeaders: readonly string[];
  readonly columnHeaders: readonly string[];
  readonly valueHeader: string;
  /** Distinct values on the pivot's rows (to reserve space for it). */
  readonly distinctRows: number;
}

function columnNumber(letter: string): number {
  return parseAddress(`${letter}1`)?.col ?? 0;
}

/** The pivots that fit the result's recognised sheets with data (a definition needs every field it names). */
export function pivotSources(result: ValidationResult, defs: readonly PivotDef[] = PIVOT_DEFS): PivotSource[] {
  const out: PivotSource[] = [];
  for (const context of result.contexts) {
    const report = result.sheets.find((s) => s.sheet === context.sheet);
    if (!report || report.dataRows === 0) continue;
    const headerOf = new Map(context.match.columns.map((c) => [c.field.key, c.header]));
    const cols = Object.values(report.columns).map(columnNumber);
    const lastRow = context.rows.reduce((m, r) => Math.max(m, r.row), context.headerRow);
    for (const def of defs) {
      if (def.template !== context.template.id) continue;
      const keys = [...def.rows, ...(def.columns ?? []), def.value.field];
      if (!keys.every((k) => headerOf.has(k))) continue;
      const distinct = new Set(context.rows.map((r) => def.rows.map((k) => String(r.value(k) ?? "")).join("\u0000")));
      out.push({
        def,
        sheet: context.sheet,
        headerRow: context.headerRow,
        lastRow,
        firstCol: Math.min(...cols),
        lastCol: Math.max(...cols),
        rowHeaders: def.rows.map((k) => headerOf.get(k) ?? k),
        columnHeaders: (def.columns ?? []).map((k) => headerOf.get(k) ?? k),
        valueHeader: headerOf.get(def.value.field) ?? def.value.field,
        distinctRows: distinct.size,
      });
    }
  }
  return out;
}
