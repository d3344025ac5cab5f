/** A titled table of a summary, the form every output (text, workbook, pane) lays summaries out in. */
export interface SummaryTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number>>;
  /** Column indexes that hold fractions to show as percentages. */
  readonly percentColumns?: readonly number[];
}

/** A table cell as text: fractions in percent columns as e.g. "73.3%". */
export function formatTableCell(value: string | number, percent: boolean): string {
  if (typeof value === "number" && percent) return `${(value * 100).toFixed(1)}%`;
  return String(value);
}

/** Rows of a count map in the given order first (zeros included), then any other keys. */
export function countRows(counts: Readonly<Record<string, number>>, order: readonly string[], total?: number): (string | number)[][] {
  const keys = [...order, ...Object.keys(counts).filter((k) => !order.includes(k))];
  return keys.map((k) => {
    const n = counts[k] ?? 0;
    return total === undefined ? [k, n] : [k, n, total === 0 ? 0 : n / total];
  });
}
