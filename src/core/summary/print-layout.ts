/** How summary tables are laid out to print, the same on the add-in's 汇总 sheet and in exported files. */
import { type SummaryTable, cellFormatOf } from "./table";

/** Number formats of table cells (see `cellFormatOf`). */
export const NUMBER_FORMATS = { percent: "0.0%", money: "#,##0.00" } as const;

/** The number format of a table cell, "General" when it has none. */
export function numberFormatOf(table: SummaryTable, row: number, column: number): string {
  const v = table.rows[row]?.[column];
  const format = typeof v === "number" ? cellFormatOf(table, row, column) : null;
  return format ? NUMBER_FORMATS[format] : "General";
}

const MAX_COLUMN = 40;

/** Column widths (characters) that fit A4 portrait between 0.4" margins; wider tables print landscape. */
export const PORTRAIT_WIDTH = 95;

/** Columns a text takes in a sheet: 2 for each CJK (full-width) character, 1 for others. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uFFFF]/.test(ch) ? 2 : 1;
  return w;
}

/** A cell as it prints: 73.3%, 4,615.50. */
export function printedText(table: SummaryTable, row: number, col: number, v: string | number): string {
  const format = typeof v === "number" ? cellFormatOf(table, row, col) : null;
  if (format === "percent") return `${((v as number) * 100).toFixed(1)}%`;
  if (format === "money") return (v as number).toLocaleString("en-US", { minimumFractionDigits: 2 });
  return String(v);
}

/** Characters each column needs (masked IDs and phones in full); headers may wrap onto two lines. */
export function columnWidths(tables: readonly SummaryTable[]): number[] {
  const widths: number[] = [];
  const need = (i: number, w: number) => (widths[i] = Math.min(MAX_COLUMN, Math.max(widths[i] ?? 6, w + 2)));
  for (const t of tables) {
    t.columns.forEach((c, i) => {
      const w = displayWidth(c);
      need(i, w > 8 ? Math.ceil(w / 2) + 1 : w);
    });
    t.rows.forEach((r, ri) => r.forEach((v, i) => need(i, displayWidth(printedText(t, ri, i, v)))));
  }
  return widths;
}
