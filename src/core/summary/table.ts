import type { Lang } from "../messages/types";

/** A titled table of a summary, the form every output (text, workbook, pane) lays summaries out in. */
export interface SummaryTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number>>;
  /** Column indexes that hold fractions to show as percentages. */
  readonly percentColumns?: readonly number[];
  /** Column indexes, and row indexes, whose numbers are amounts of money (two decimals, thousands separated). */
  readonly moneyColumns?: readonly number[];
  readonly moneyRows?: readonly number[];
  /** Per row, where it comes from (e.g. 工作表「花名册」第 18 行): a workbook shows it as a note on the first cell. */
  readonly rowNotes?: readonly string[];
  /** A line printed under the table. */
  readonly footnote?: string;
}

/** A table cell as text: fractions in percent columns as e.g. "73.3%". */
export function formatTableCell(value: string | number, percent: boolean): string {
  if (typeof value === "number" && percent) return `${(value * 100).toFixed(1)}%`;
  return String(value);
}

/** How a workbook formats a number cell of the table: "percent", "money" or null (as is). */
export function cellFormatOf(table: SummaryTable, row: number, column: number): "percent" | "money" | null {
  if (table.percentColumns?.includes(column)) return "percent";
  if (table.moneyColumns?.includes(column) || (column > 0 && table.moneyRows?.includes(row))) return "money";
  return null;
}

/** Where a row of a sheet is, for people: 工作表「花名册」第 18 行. */
export function locationNote(sheet: string, row: number): string {
  return `工作表「${sheet}」第 ${row} 行`;
}

/** locationNote in `lang`: `Sheet "花名册", row 18` in English. */
export function locationText(sheet: string, row: number, lang: Lang): string {
  return lang === "zh-CN" ? locationNote(sheet, row) : `Sheet "${sheet}", row ${row}`;
}

/** A person in the year figures in `lang`: a row without a 姓名 is named by its place (`花名册第37行`, row 37). */
export function personText(name: string, lang: Lang): string {
  const place = lang === "en" ? /^(.*)第(\d+)行$/.exec(name) : null;
  return place ? `${place[1]} row ${place[2]}` : name;
}

/** Rows of a count map in the given order first (zeros included), then any other keys; `label` names each key. */
export function countRows(
  counts: Readonly<Record<string, number>>,
  order: readonly string[],
  total?: number,
  label: (key: string) => string = (k) => k,
): (string | number)[][] {
  const keys = [...order, ...Object.keys(counts).filter((k) => !order.includes(k))];
  return keys.map((k) => {
    const n = counts[k] ?? 0;
    return total === undefined ? [label(k), n] : [label(k), n, total === 0 ? 0 : n / total];
  });
}
