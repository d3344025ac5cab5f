import type { CellDate, CellValue, MergeRange, SheetSnapshot } from "./types";
import type { HeaderMatch } from "./header";
import type { FieldDef } from "./templates/types";
import { type CellProblem, type Reading, type Typed, enumLookup, isBlankValue, readCell } from "./coerce";
import { hasWhitespaceProblem } from "./text";
import { isValidDate } from "./dates";
import { planRows } from "./record-rows";

/**
 * A field named once, at module load, by the rules that read it: a row finds it by number instead of by name
 * (the row loop asks for fields millions of times). Plain key strings work too, for fields known only at run time.
 */
export interface FieldRef {
  readonly key: string;
  readonly id: number;
}

export type FieldKey = string | FieldRef;

const fieldRefs = new Map<string, FieldRef>();

export function fieldRef(key: string): FieldRef {
  let ref = fieldRefs.get(key);
  if (!ref) fieldRefs.set(key, (ref = { key, id: fieldRefs.size }));
  return ref;
}

/** A value derived once per row and shared by several rules (e.g. the parsed ID); declare it at module level. */
export interface RowMemo<T> {
  readonly id: number;
  readonly make: (row: DataRow) => T;
}

let memoCount = 0;

export function rowMemo<T>(make: (row: DataRow) => T): RowMemo<T> {
  return { id: memoCount++, make };
}

/** Where each bound field sits: its slot in the typed values and its index in the sheet row. */
export interface RowLayout {
  /** Field key → slot, -1 for a field the sheet lacks; every field of the template is present, in template order. */
  readonly slot: Readonly<Record<string, number>>;
  /** FieldRef id → slot (-1: not in this sheet), for the refs made before the layout. */
  readonly slotByRef: Int32Array;
  readonly cellIndex: readonly number[];
}

function makeLayout(match: RowsMatch): RowLayout {
  // Built in the template's field order so that every sheet of a template shares one object shape.
  const slot: Record<string, number> = {};
  for (const f of match.template.fields) slot[f.key] = -1;
  // Item columns (evaluation) are fields of this sheet only; they come after the template's own.
  match.columns.forEach((c, i) => (slot[c.field.key] = i));
  const slotByRef = new Int32Array(fieldRefs.size).fill(-1);
  for (const ref of fieldRefs.values()) slotByRef[ref.id] = slot[ref.key] ?? -1;
  return { slot, slotByRef, cellIndex: match.columns.map((c) => c.index) };
}

/**
 * One data row of a recognised sheet, read into its template's types. While validation streams a sheet, one
 * DataRow is refilled for every row (see `forEachDataRow`'s `reuse`): a rule must copy what it keeps (`row.row`),
 * never the row itself.
 */
export class DataRow {
  /** Bumped at every refill: a memo stamped with an older generation is stale. */
  private generation = 0;
  private memoStamps: number[] | null = null;
  private memoValues: unknown[] | null = null;

  constructor(
    /** 1-based sheet row. */
    public row: number,
    private readonly layout: RowLayout,
    private typed: Array<Typed | null>,
    private cells: ReadonlyArray<CellValue>,
    public problems: readonly CellProblem[],
  ) {}

  /** The array `forEachDataRow` refills in place when it reuses this row. */
  typedValues(): Array<Typed | null> {
    return this.typed;
  }

  /** Points this row object at the next sheet row (the typed array is refilled by the caller). */
  refill(row: number, cells: ReadonlyArray<CellValue>, problems: readonly CellProblem[]): void {
    this.row = row;
    this.cells = cells;
    this.problems = problems;
    this.generation++;
  }

  /** The field's slot in this sheet, -1 when the sheet has no such column. */
  slotOf(key: FieldKey): number {
    if (typeof key === "string") return this.layout.slot[key] ?? -1;
    const byRef = this.layout.slotByRef;
    return key.id < byRef.length ? byRef[key.id]! : (this.layout.slot[key.key] ?? -1);
  }

  /** The sheet has the field's column. */
  has(key: FieldKey): boolean {
    return this.slotOf(key) >= 0;
  }

  /** The value read for `key`, null when empty, unreadable or the sheet has no such column. */
  value(key: FieldKey): Typed | null {
    const i = this.slotOf(key);
    return i < 0 ? null : (this.typed[i] ?? null);
  }

  /** The cell as the host gave it. */
  raw(key: FieldKey): CellValue {
    const i = this.slotOf(key);
    return i < 0 ? null : (this.cells[this.layout.cellIndex[i] ?? -1] ?? null);
  }

  text(key: FieldKey): string | null {
    const v = this.value(key);
    return typeof v === "string" ? v : null;
  }

  num(key: FieldKey): number | null {
    const v = this.value(key);
    return typeof v === "number" ? v : null;
  }

  date(key: FieldKey): CellDate | null {
    const v = this.value(key);
    return typeof v === "object" && v !== null ? v : null;
  }

  /** The sheet has the column and its cell is empty or whitespace-only. */
  blank(key: FieldKey): boolean {
    const i = this.slotOf(key);
    return i >= 0 && isBlankValue(this.cells[this.layout.cellIndex[i] ?? -1] ?? null);
  }

  /** True when the field has a value or an unreadable entry (anything but an empty cell). */
  filled(key: FieldKey): boolean {
    const i = this.slotOf(key);
    if (i < 0) return false;
    // A read value is never blank: look at the cell only when nothing was read.
    return this.typed[i] != null || !isBlankValue(this.cells[this.layout.cellIndex[i] ?? -1] ?? null);
  }

  /** Computes a derived value once per row. */
  memo<T>(m: RowMemo<T>): T {
    let stamps = this.memoStamps;
    let values = this.memoValues;
    if (stamps === null || values === null) {
      stamps = this.memoStamps = new Array<number>(memoCount).fill(-1);
      values = this.memoValues = new Array<unknown>(memoCount).fill(null);
    }
    if (m.id < stamps.length && stamps[m.id] === this.generation) return values[m.id] as T;
    const v = m.make(this);
    while (stamps.length <= m.id) {
      stamps.push(-1);
      values.push(null);
    }
    stamps[m.id] = this.generation;
    values[m.id] = v;
    return v;
  }
}

const NO_PROBLEMS: readonly CellProblem[] = [];
const EMPTY_LOOKUP: ReadonlyMap<string, string> = new Map();
const TEXT = 0;
const ENUM = 1;
const NUMBER = 2;
const DATE = 3;
const OTHER = 4;

function rowIsEmpty(cells: ReadonlyArray<CellValue> | undefined): boolean {
  if (!cells) return true;
  for (const c of cells) if (!isBlankValue(c)) return false;
  return true;
}

const cleanLookups = new WeakMap<FieldDef, ReadonlyMap<string, string>>();

/** The enum's spellings that need no cleaning: a cell that is exactly one of them reads as it is. */
function cleanSpellings(field: FieldDef): ReadonlyMap<string, string> {
  let map = cleanLookups.get(field);
  if (!map) {
    map = new Map([...enumLookup(field)].filter(([spelling]) => spelling !== "" && !hasWhitespaceProblem(spelling)));
    cleanLookups.set(field, map);
  }
  return map;
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

/** What reading rows needs of a header match. */
export type RowsMatch = Pick<HeaderMatch, "template" | "headerIndex" | "columns">;

/** All data rows at once (for summaries and tests); validation streams them with `forEachDataRow`. */
export function readDataRows(sheet: SheetSnapshot, match: RowsMatch): DataRow[] {
  const rows: DataRow[] = [];
  forEachDataRow(sheet, match, (row) => rows.push(row));
  return rows;
}

/**
 * Reads every non-empty row below the header and hands it to `visit`; fully empty rows are skipped, they end
 * nothing. Rows are not kept, so a 100,000-row sheet leaves no garbage for the collector to copy. Returns the count.
 */
export function forEachDataRow(
  sheet: SheetSnapshot,
  match: RowsMatch,
  visit: (row: DataRow, index: number) => void,
  /** Refill one DataRow for every row instead of making a new one: the visitor must not keep it. */
  reuse = false,
): number {
  const { headerIndex, columns } = match;
  const plan = planRows(sheet, match.template, headerIndex, columns);
  const skip = plan.skip;
  const sections = plan.sections;
  const virtual = sections ? columns.find((c) => c.virtual) : undefined;
  const values = fillMerges(sheet, headerIndex);
  // Whether a row is a data row is decided on the cells as the file has them, before merges are spread.
  const original = sheet.values;
  const originRow = sheet.originRow ?? 1;
  const layout = makeLayout(match);
  let count = 0;
  const reading: Reading = { value: null, blank: true, problem: null, detail: null, whitespace: false };
  const n = columns.length;
  const cellIndex = layout.cellIndex;
  const fields = columns.map((c) => c.field);
  // Clean text, known enum spellings, numbers within bounds and typed dates need no reading: the hot path of big
  // sheets. Each column's kind and bounds are looked up here once, not on its field for every cell.
  const kind = fields.map((f) =>
    f.type === "text"
      ? TEXT
      : f.type === "enum"
        ? ENUM
        : f.type === "number" || f.type === "integer"
          ? NUMBER
          : f.type === "date"
            ? DATE
            : OTHER,
  );
  const spellings = fields.map((f) => (f.type === "enum" ? cleanSpellings(f) : EMPTY_LOOKUP));
  const least = fields.map((f) => f.min ?? -Infinity);
  const most = fields.map((f) => f.max ?? Infinity);
  const whole = fields.map((f) => f.type === "integer");
  const shared = reuse ? new DataRow(0, layout, new Array<Typed | null>(n).fill(null), [], NO_PROBLEMS) : null;
  for (let r = headerIndex + 1; r < values.length; r++) {
    let cells = values[r];
    if (!cells || skip[r] !== 0 || rowIsEmpty(original[r])) continue;
    if (virtual && sections) {
      const withSection = cells.slice();
      withSection[virtual.index] = sections[r] ?? null;
      cells = withSection;
    }
    const typed = shared ? shared.typedValues() : new Array<Typed | null>(n);
    let problems: CellProblem[] | null = null;
    for (let i = 0; i < n; i++) {
      const v = cells[cellIndex[i]!];
      if (v === null || v === undefined) {
        typed[i] = null;
        continue;
      }
      switch (kind[i]) {
        case TEXT:
          if (typeof v === "string" && v !== "" && !hasWhitespaceProblem(v)) {
            typed[i] = v;
            continue;
          }
          break;
        case ENUM:
          if (typeof v === "string") {
            const canonical = spellings[i]!.get(v);
            if (canonical !== undefined) {
              typed[i] = canonical;
              continue;
            }
          }
          break;
        case NUMBER:
          // v - v is 0 for finite numbers only.
          if (
            typeof v === "number" &&
            v - v === 0 &&
            v >= least[i]! &&
            v <= most[i]! &&
            (!whole[i] || Number.isInteger(v))
          ) {
            typed[i] = v;
            continue;
          }
          break;
        case DATE:
          if (typeof v === "object" && v.kind === "date" && isValidDate(v.y, v.m, v.d)) {
            typed[i] = v;
            continue;
          }
          break;
      }
      const col = columns[i]!;
      readCell(col.field, v, reading);
      typed[i] = reading.value;
      if (reading.whitespace) (problems ??= []).push({ field: col.field.key, kind: "whitespace", detail: null });
      if (reading.problem)
        (problems ??= []).push({ field: col.field.key, kind: reading.problem, detail: reading.detail });
    }
    if (shared) {
      shared.refill(originRow + r, cells, problems ?? NO_PROBLEMS);
      visit(shared, count++);
    } else visit(new DataRow(originRow + r, layout, typed, cells, problems ?? NO_PROBLEMS), count++);
  }
  return count;
}
