import type { CellDate, CellValue, MergeRange, SheetSnapshot } from "./types";
import type { ColumnBinding } from "./header";
import { type CellProblem, type Reading, type Typed, isBlankValue, isCellDate, readCell } from "./coerce";

/** One data row of a recognised sheet, read into its template's types. */
export class DataRow {
  private memos: Map<string, unknown> | null = null;

  constructor(
    /** 1-based sheet row. */
    readonly row: number,
    readonly values: Readonly<Record<string, Typed | null>>,
    readonly raw: Readonly<Record<string, CellValue>>,
    /** Fields whose cell is present but empty or whitespace-only. */
    readonly blanks: ReadonlySet<string>,
    readonly problems: readonly CellProblem[],
  ) {}

  text(key: string): string | null {
    const v = this.values[key];
    return typeof v === "string" ? v : null;
  }

  num(key: string): number | null {
    const v = this.values[key];
    return typeof v === "number" ? v : null;
  }

  date(key: string): CellDate | null {
    const v = this.values[key];
    return isCellDate(v) ? v : null;
  }

  /** True when the field has a value or an unreadable entry (anything but an empty cell). */
  filled(key: string): boolean {
    return this.values[key] != null || this.problems.some((p) => p.field === key && p.kind !== "whitespace");
  }

  memo<T>(key: string, make: () => T): T {
    if (!this.memos) this.memos = new Map();
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const v = make();
    this.memos.set(key, v);
    return v;
  }
}

const EMPTY_SET: ReadonlySet<string> = new Set();
const NO_PROBLEMS: readonly CellProblem[] = [];

function rowIsEmpty(cells: ReadonlyArray<CellValue> | undefined): boolean {
  if (!cells) return true;
  for (const c of cells) if (!isBlankValue(c)) return false;
  return true;
}

/** Copies the top-left value of merges that start below the header into the cells they cover. */
function fillMerges(sheet: SheetSnapshot, headerIndex: number): ReadonlyArray<ReadonlyArray<CellValue>> {
  const merges: readonly MergeRange[] = sheet.merges ?? [];
  const originRow = sheet.originRow ?? 1;
  const originCol = sheet.originCol ?? 1;
  const relevant = merges.filter((m) => m.top - originRow > headerIndex && m.bottom > m.top);
  if (relevant.length === 0) return sheet.values;
  const values = sheet.values.map((r) => r.slice());
  for (const m of relevant) {
    const top = m.top - originRow;
    const left = m.left - originCol;
    const v = values[top]?.[left] ?? null;
    for (let r = top; r <= m.bottom - originRow; r++) {
      const row = values[r];
      if (!row) continue;
      for (let c = left; c <= m.right - originCol; c++) if (r !== top || c !== left) row[c] = v;
    }
  }
  return values;
}

/** Reads every non-empty row below the header; fully empty rows are skipped, they end nothing. */
export function readDataRows(sheet: SheetSnapshot, headerIndex: number, columns: readonly ColumnBinding[]): DataRow[] {
  const values = fillMerges(sheet, headerIndex);
  const originRow = sheet.originRow ?? 1;
  const rows: DataRow[] = [];
  const reading: Reading = { value: null, blank: true, problem: null, detail: null, whitespace: false };
  for (let r = headerIndex + 1; r < values.length; r++) {
    const cells = values[r];
    if (rowIsEmpty(cells) || !cells) continue;
    const typed: Record<string, Typed | null> = {};
    const raw: Record<string, CellValue> = {};
    let blanks: Set<string> | null = null;
    let problems: CellProblem[] | null = null;
    for (const col of columns) {
      const v = cells[col.index] ?? null;
      const key = col.field.key;
      raw[key] = v;
      readCell(col.field, v, reading);
      typed[key] = reading.value;
      if (reading.blank) (blanks ??= new Set()).add(key);
      if (reading.whitespace) (problems ??= []).push({ field: key, kind: "whitespace", detail: null });
      if (reading.problem) (problems ??= []).push({ field: key, kind: reading.problem, detail: reading.detail });
    }
    rows.push(new DataRow(originRow + r, typed, raw, blanks ?? EMPTY_SET, problems ?? NO_PROBLEMS));
  }
  return rows;
}
