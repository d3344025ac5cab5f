/**
 * Computes the formula cells a file holds no result for (CellFormula), with fast-formula-parser and the
 * functions of `extraFunctions`, reading other cells from the snapshot. A formula that refers to another
 * uncomputed one waits for it (an explicit stack, not recursion, so a long chain cannot overflow); a cycle, an
 * unknown function or name, an external or missing sheet, or anything the library throws leaves the cell a
 * CellFormula for the core to report. No Node imports: the standalone page loads this as its own chunk.
 */
import FormulaParser, { type CellRef, type RangeRef } from "fast-formula-parser";
import type { CellFormula, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/types";
import { fromExcelSerial, toExcelSerial } from "../../core/dates";
import { extraFunctions } from "./functions";
import { isFormulaCell, sheetHasFormulas } from "./has-formulas";

const { FormulaError } = FormulaParser;

/** Codes that say the library could not compute, not that the formula is wrong (unknown function or name). */
const NOT_COMPUTED = new Set(["#ERROR!", "#NAME?"]);
const COLS = 16384;

/** Thrown from a cell callback: the formula needs these cells computed first. */
class Pending extends Error {
  constructor(readonly keys: readonly number[]) {
    super("pending");
  }
}

/** Thrown from a cell callback: the formula reads something that cannot be computed. */
class Uncomputable extends Error {}

const FAILED = Symbol("failed");
type Result = CellValue | typeof FAILED;

interface SheetState {
  readonly sheet: SheetSnapshot;
  readonly index: number;
  readonly originRow: number;
  readonly originCol: number;
  readonly results: Map<number, Result>;
}

function keyOf(sheet: number, row: number, col: number): number {
  return (sheet * 1048577 + row) * COLS + (col - 1);
}

function toParser(v: CellValue): unknown {
  if (v === null || typeof v !== "object") return v;
  if (v.kind === "date") return toExcelSerial(v.d === 0 ? { ...v, d: 1 } : v);
  if (v.kind === "error") return new FormulaError(v.code);
  throw new Uncomputable();
}

function fromParser(v: unknown, cell: CellFormula): Result {
  if (Array.isArray(v)) return fromParser((v as unknown[][])[0]?.[0], cell);
  if (v instanceof FormulaError) return NOT_COMPUTED.has(v.error) ? FAILED : { kind: "error", code: v.error };
  if (v === null || v === undefined) return 0; // a reference to an empty cell shows 0
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { kind: "error", code: "#NUM!" };
    return (cell.date === true && fromExcelSerial(v)) || v;
  }
  if (typeof v === "string" || typeof v === "boolean") return v;
  return FAILED;
}

class Workbook {
  private readonly sheets: SheetState[];
  private readonly byName = new Map<string, SheetState>();
  private readonly onStack = new Set<number>();
  /** Ranges read whole, by sheet and corners: 排名 =RANK(M3,$M$3:$M$200) reads one range for every row. */
  private readonly ranges = new Map<string, unknown[][]>();
  private readonly parser: FormulaParser;
  /** Why a callback of the formula being computed gave up (the parser wraps what it throws). */
  private signal: Error | null = null;

  constructor(snapshot: WorkbookSnapshot) {
    this.sheets = snapshot.sheets.map((sheet, index) => ({
      sheet,
      index,
      originRow: sheet.originRow ?? 1,
      originCol: sheet.originCol ?? 1,
      results: new Map(),
    }));
    for (const s of this.sheets) this.byName.set(s.sheet.name.toLowerCase(), s);
    this.parser = new FormulaParser({
      functions: extraFunctions(),
      onCell: (ref) => this.cell(ref),
      onRange: (ref) => this.range(ref),
      onVariable: () => null,
    });
  }

  private sheetOf(name: string | undefined): SheetState {
    const s = name === undefined ? undefined : this.byName.get(name.toLowerCase());
    if (!s) throw this.raise(new Uncomputable());
    return s;
  }

  private raise(e: Error): Error {
    this.signal = e;
    return e;
  }

  private raw(s: SheetState, row: number, col: number): CellValue {
    return s.sheet.values[row - s.originRow]?.[col - s.originCol] ?? null;
  }

  /** The value of a cell as the parser takes it; a formula cell only once computed. */
  private read(s: SheetState, row: number, col: number, pending: number[] | null): unknown {
    const v = this.raw(s, row, col);
    if (!isFormulaCell(v)) return toParser(v);
    const key = keyOf(s.index, row, col);
    const r = s.results.get(key);
    if (r === FAILED) throw this.raise(new Uncomputable());
    if (r !== undefined) return toParser(r);
    if (this.onStack.has(key)) throw this.raise(new Uncomputable()); // a cycle
    if (pending === null) throw this.raise(new Pending([key]));
    pending.push(key);
    return null;
  }

  private cell(ref: CellRef): unknown {
    return this.read(this.sheetOf(ref.sheet), ref.row, ref.col, null);
  }

  private range(ref: RangeRef): unknown[][] {
    const s = this.sheetOf(ref.sheet);
    const key = `${s.index}:${ref.from.row}:${ref.from.col}:${ref.to.row}:${ref.to.col}`;
    const known = this.ranges.get(key);
    if (known) return known;
    const lastRow = Math.min(ref.to.row, s.originRow + s.sheet.values.length - 1);
    let width = 0;
    for (let r = Math.max(ref.from.row, s.originRow); r <= lastRow; r++)
      width = Math.max(width, s.sheet.values[r - s.originRow]?.length ?? 0);
    const lastCol = Math.min(ref.to.col, s.originCol + width - 1);
    const pending: number[] = [];
    const out: unknown[][] = [];
    for (let r = ref.from.row; r <= Math.max(lastRow, ref.from.row); r++) {
      const row: unknown[] = [];
      for (let c = ref.from.col; c <= Math.max(lastCol, ref.from.col); c++) row.push(this.read(s, r, c, pending));
      out.push(row);
    }
    if (pending.length > 0) throw this.raise(new Pending(pending));
    this.ranges.set(key, out);
    return out;
  }

  /** Computes the formula at (row, col) of sheet `s` and every uncomputed formula it reads, first. */
  compute(s: SheetState, row: number, col: number): Result {
    const stack: { s: SheetState; row: number; col: number; key: number }[] = [
      { s, row, col, key: keyOf(s.index, row, col) },
    ];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.s.results.has(top.key)) {
        stack.pop();
        this.onStack.delete(top.key);
        continue;
      }
      this.onStack.add(top.key);
      const cell = this.raw(top.s, top.row, top.col) as CellFormula;
      this.signal = null;
      let result: Result;
      try {
        const position = { sheet: top.s.sheet.name, row: top.row, col: top.col };
        result = fromParser(this.parser.parse(cell.formula, position), cell);
      } catch {
        result = FAILED;
      }
      // Whatever the parser made of it, a callback that could not give a cell's value decides.
      const signal = this.signal as Error | null;
      if (signal instanceof Pending) {
        for (const key of signal.keys) stack.push(this.locate(key));
        continue;
      }
      if (signal !== null) result = FAILED;
      top.s.results.set(top.key, result);
      this.onStack.delete(top.key);
      stack.pop();
    }
    return s.results.get(keyOf(s.index, row, col)) ?? FAILED;
  }

  private locate(key: number): { s: SheetState; row: number; col: number; key: number } {
    const col = (key % COLS) + 1;
    const rest = Math.floor(key / COLS);
    const row = rest % 1048577;
    const s = this.sheets[Math.floor(rest / 1048577)]!;
    return { s, row, col, key };
  }

  /** The sheet with every computable formula replaced by its value. */
  sheet(index: number): SheetSnapshot {
    const s = this.sheets[index]!;
    const values = s.sheet.values.map((cells, r) => {
      if (!cells.some(isFormulaCell)) return cells;
      return cells.map((v, c) => {
        if (!isFormulaCell(v)) return v;
        const result = this.compute(s, s.originRow + r, s.originCol + c);
        return result === FAILED ? v : result;
      });
    });
    return { ...s.sheet, values };
  }
}

/**
 * The snapshot with each CellFormula whose value can be computed replaced by that value (a number, text,
 * boolean, error, or a CellDate where the cell is date-formatted). Sheets without one are handed back as they are.
 */
export function computeFormulas(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const touched = snapshot.sheets.map(sheetHasFormulas);
  if (!touched.includes(true)) return snapshot;
  const book = new Workbook(snapshot);
  return { ...snapshot, sheets: snapshot.sheets.map((sheet, i) => (touched[i] ? book.sheet(i) : sheet)) };
}
