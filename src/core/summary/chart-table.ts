/** Which table of a summary section a chart shows, and which of its columns: the same in Excel and in files. */
import type { SummaryTable } from "./table";

/** The label of a totals column or row, in either language. */
const TOTAL = new Set(["合计", "Total"]);

/** Columns of a table a chart shows: the label column and the count columns after it (no percentages, no 合计). */
export function chartColumns(table: SummaryTable): number {
  let n = 1;
  for (let i = 1; i < table.columns.length; i++) {
    if (table.percentColumns?.includes(i) || TOTAL.has(table.columns[i] ?? "")) break;
    if (!table.rows.every((r) => typeof r[i] === "number")) break;
    n = i + 1;
  }
  return n;
}

/** Rows a chart shows: all but a closing 合计 row. */
export function chartRows(table: SummaryTable): number {
  const last = table.rows[table.rows.length - 1];
  return last && TOTAL.has(String(last[0])) ? table.rows.length - 1 : table.rows.length;
}

/** Index of the table a section's chart shows: the first "按…" count table, else the first with a count column. */
export function chartTableIndex(tables: readonly SummaryTable[]): number {
  const usable = tables.flatMap((t, i) => (chartRows(t) > 0 && chartColumns(t) >= 2 ? [i] : []));
  return usable.find((i) => /^(按|By )/.test(tables[i]?.title ?? "")) ?? usable[0] ?? -1;
}
