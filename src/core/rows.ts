import type { CellDate, CellValue, MergeRange, SheetSnapshot } from "./types";
import type { ColumnBinding } from "./header";
import { type CellProblem, type Reading, type Typed, isBlankValue, isCellDate, readCell } from "./coerce";
import { hasWhitespaceProblem } from "./text";
import { isValidDate } from "./dates";

/** Where each bound field sits: its slot in the typed values and its index in the sheet row. */
export interface RowLayout {
  readonly slot: ReadonlyMap<string, number>;
  readonly cellIndex: readonly number[];
}

/** One data row of a recognised sheet, read into its template's types. */
export class DataRow {
  private memos: Record<string, unknown> | null = null;

  constructor(
    /** 1-based sheet row. */
    readonly row: number,
    private readonly layout: RowLayout,
    private readonly typed: ReadonlyArray<Typed | null>,
    private readonly cells: ReadonlyArray<CellValue>,
    readonly problems: readonly CellProblem[],
  ) {}

  /** The value read for `key`, null when empty, unreadable or the sheet has no such column. */
  value(key: string): Typed | null {
    const i = this.layout.slot.get(key);
    return i === undefined ? null : (this.typed[i] ?? null);
  }

  /** The cell as the host gave it. */
  raw(key: string): CellValue {
    const i = this.layout.slot.get(key);
    return i === undefined ? null : (this.cells[this.layout.cellIndex[i] ?? -1] ?? null);
  }

  text(key: string): string | null {
    const v = this.value(key);
    return typeof v === "string" ? v : null;
  }

  num(key: string): number | null {
    const v = this.value(key);
    return typeof v === "number" ? v : null;
  }

  date(key: string): CellDate | null {
    const v = this.value(key);
    return isCellDate(v) ? v : null;
  }

  /** The sheet has the column and its cell is empty or whitespace-only. */
  blank(key: string): boolean {
    return this.layout.slot.has(key) && isBlankValue(this.raw(key));
  }

  /** True when the field has a value or an unreadable entry (anything but an empty cell). */
  filled(key: string): boolean {
    return this.layout.slot.has(key) && !isBlankValue(this.raw(key));
  }

  /** Computes a derived value once per row (e.g. the parsed ID shared by several rules); pass a module-level function. */
  memo<T>(key: string, make: (row: DataRow) => T): T {
    const memos = (this.memos ??= {});
    if (key in memos) return memos[key] as T;
    const v = make(this);
    memos[key] = v;
    return v;
  }
}

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

/** All data rows at once (for summaries and tests); validation streams them with `forEachDataRow`. */
export function readDataRows(sheet: SheetSnapshot, headerIndex: number, columns: readonly ColumnBinding[]): DataRow[] {
  const rows: DataRow[] = [];
  forEachDataRow(sheet, headerIndex, columns, (row) => rows.push(row));
  return rows;
}

/**
 * Reads every non-empty row below the header and hands it to `visit`; fully empty rows are skipped, they end
 * nothing. Rows are not kept, so a 100,000-row sheet leaves no garbage for the collector to copy. Returns the count.
 */
export function forEachDataRow(
  sheet: SheetSnapshot,
  headerIndex: number,
  columns: readonly ColumnBinding[],
  visit: (row: DataRow, index: number) => void,
): number {
  const values = fillMerges(sheet, headerIndex);
  // Whether a row is a data row is decided on the cells as the file has them, before merges are spread.
  const original = sheet.values;
  const originRow = sheet.originRow ?? 1;
  const slot = new Map(columns.map((c, i) => [c.field.key, i]));
  const layout: RowLayout = { slot, cellIndex: columns.map((c) => c.index) };
  let count = 0;
  const reading: Reading = { value: null, blank: true, problem: null, detail: null, whitespace: false };
  const n = columns.length;
  const cellIndex = layout.cellIndex;
  const fields = columns.map((c) => c.field);
  // Clean text in a text column and typed dates in a date column need no reading: the hot path of big sheets.
  const textColumn = fields.map((f) => f.type === "text");
  const dateColumn = fields.map((f) => f.type === "date");
  for (let r = headerIndex + 1; r < values.length; r++) {
    const cells = values[r];
    if (!cells || rowIsEmpty(original[r])) continue;
    const typed = new Array<Typed | null>(n);
    let problems: CellProblem[] | null = null;
    for (let i = 0; i < n; i++) {
      const v = cells[cellIndex[i]!] ?? null;
      if (v === null) {
        typed[i] = null;
        continue;
      }
      if (typeof v === "string") {
        if (textColumn[i] && v !== "" && !hasWhitespaceProblem(v)) {
          typed[i] = v;
          continue;
        }
      } else if (dateColumn[i] && typeof v === "object" && v.kind === "date" && isValidDate(v.y, v.m, v.d)) {
        typed[i] = v;
        continue;
      }
      const col = columns[i]!;
      readCell(col.field, v, reading);
      typed[i] = reading.value;
      if (reading.whitespace) (problems ??= []).push({ field: col.field.key, kind: "whitespace", detail: null });
      if (reading.problem) (problems ??= []).push({ field: col.field.key, kind: reading.problem, detail: reading.detail });
    }
    visit(new DataRow(originRow + r, layout, typed, cells, problems ?? NO_PROBLEMS), count++);
  }
  return count;
}
