/**
 * 修正 and 撤销修正 over Office.js (ExcelApi 1.1 ranges; events off while writing where ExcelApi 1.8 allows).
 *
 * applyFixes: 1 sync loads the value, number format and formula of exactly the fixed cells and the guards (one
 * single-cell range each, grouped by sheet); each cell whose value, read as the validation read it, is still the
 * fix's `from`, on a row whose guard still holds, is written in 1 more sync, which also loads the written cells
 * back, so the undo record holds what Excel really keeps. undoFixes: 1 sync to read the record's cells, 1 to
 * restore those still holding the fix's result.
 * Nothing is written, and no second sync made, when every cell is refused. A sheet deleted or renamed since
 * costs one or two more read syncs, and its cells are refused as changed.
 */
import type { CellValue } from "../../src/core/types";
import type { Fix } from "../../src/core/fixes";
import { isCellDate } from "../../src/core/coerce";
import { toExcelSerial } from "../../src/core/dates";
import type { CellState, FixGuard, FixOutcome, FixRecord, FixedCell, RefusedCell, UndoOutcome } from "./port";
import { toCellValue } from "./cells";
import { officeCell, syncQuietly } from "./office-values";

/** Excel's text number format: what is typed stays text. */
const TEXT_FORMAT = "@";

/**
 * Text Excel might read as something else when typed, beyond what `officeCell` already quotes: anything starting
 * with a digit (also full-width, after brackets or a currency sign: amounts, 1e5, 3/4). Quoting text that Excel
 * would have kept anyway changes nothing in its value. Error names (#N/A) are written as they are: Office
 * reports an error cell by its name, so that restores the error.
 */
const TYPED_AS_OTHER = /^[\s(（]*[-+]?[¥$€￥]?[\d０-９.．]/;

/** A text value as written through `range.values` so that Excel keeps it as the same text. */
function textCell(text: string, numberFormat: string): string {
  if (numberFormat === TEXT_FORMAT || text === "") return text;
  const written = officeCell(text);
  return written === text && TYPED_AS_OTHER.test(text) ? `'${text}` : (written as string);
}

/** A cell state's value as written back (text kept as text, numbers and booleans as they are). */
function stateCell(state: CellState): string | number | boolean {
  return typeof state.value === "string" ? textCell(state.value, state.numberFormat) : state.value;
}

/** Whether two core cell values are the same (dates by day, errors by code). */
export function sameCellValue(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (isCellDate(a) && isCellDate(b)) return a.y === b.y && a.m === b.m && a.d === b.d;
  if (a.kind === "error" && b.kind === "error") return a.code === b.code;
  return false;
}

function sameState(a: CellState, b: CellState): boolean {
  return a.value === b.value && a.numberFormat === b.numberFormat;
}

/** One cell queued for loading: its range and, after the sync, what it holds. */
interface LoadedCell {
  readonly sheet: string;
  readonly cell: string;
  readonly range: Excel.Range;
}

/** Queues a load of value, number format and formula for each (sheet, cell), one worksheet proxy per sheet. */
function loadCells(context: Excel.RequestContext, cells: ReadonlyArray<{ sheet: string; cell: string }>): LoadedCell[] {
  const sheets = new Map<string, Excel.Worksheet>();
  return cells.map(({ sheet, cell }) => {
    let ws = sheets.get(sheet);
    if (!ws) sheets.set(sheet, (ws = context.workbook.worksheets.getItem(sheet)));
    const range = ws.getRange(cell);
    range.load("values, numberFormat, formulas");
    return { sheet, cell, range };
  });
}

function isItemNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "ItemNotFound";
}

/**
 * Loads the cells in one sync. When a sheet was deleted or renamed since validation (the sync fails with
 * ItemNotFound), one more sync reads the sheet names and the cells on sheets still there are loaded again;
 * cells on the missing sheets come back as null.
 */
async function loadExisting(
  context: Excel.RequestContext,
  cells: ReadonlyArray<{ sheet: string; cell: string }>,
): Promise<Array<LoadedCell | null>> {
  try {
    const loaded = loadCells(context, cells);
    await context.sync();
    return loaded;
  } catch (error) {
    if (!isItemNotFound(error)) throw error;
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const names = new Set(worksheets.items.map((ws) => ws.name));
    const present = cells.filter((c) => names.has(c.sheet));
    if (present.length === cells.length) throw error;
    const loaded = loadCells(context, present);
    if (present.length > 0) await context.sync();
    let next = 0;
    return cells.map((c) => (names.has(c.sheet) ? (loaded[next++] ?? null) : null));
  }
}

function first<T>(grid: T[][]): T | undefined {
  return grid[0]?.[0];
}

/** What a loaded range holds: its state, and whether it is a formula. */
function stateOf(range: Excel.Range): { state: CellState; formula: boolean } {
  const value = first(range.values as unknown[][]);
  const numberFormat = first(range.numberFormat as unknown[][]);
  const formula = first(range.formulas as unknown[][]);
  return {
    state: {
      value: typeof value === "number" || typeof value === "boolean" || typeof value === "string" ? value : "",
      numberFormat: typeof numberFormat === "string" ? numberFormat : "General",
    },
    formula: typeof formula === "string" && formula.startsWith("="),
  };
}

const keyOf = (sheet: string, cell: string) => `${sheet}\u0000${cell.toUpperCase()}`;

export async function applyFixes(
  context: Excel.RequestContext,
  events: boolean,
  fixes: readonly Fix[],
  guards: readonly FixGuard[] = [],
): Promise<FixOutcome> {
  const seen = new Set<string>();
  const unique = fixes.filter((f) => {
    const key = keyOf(f.sheet, f.cell);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // One read for the fixed cells and the guards together.
  const loaded = await loadExisting(context, [...unique, ...guards]);

  const rowKey = (sheet: string, row: number) => `${sheet}\u0000${row}`;
  const movedRows = new Set<string>();
  guards.forEach((g, i) => {
    const at = loaded[unique.length + i];
    const state = at ? stateOf(at.range).state : null;
    if (!state || !sameCellValue(toCellValue(state.value, state.numberFormat), g.value))
      movedRows.add(rowKey(g.sheet, g.row));
  });
  const refused: RefusedCell[] = [];
  const writes: Array<{ fix: Fix; at: LoadedCell; before: CellState }> = [];
  unique.forEach((fix, i) => {
    const at = loaded[i];
    if (!at) {
      refused.push({ sheet: fix.sheet, cell: fix.cell, reason: "changed" });
      return;
    }
    const { state, formula } = stateOf(at.range);
    if (formula) refused.push({ sheet: fix.sheet, cell: fix.cell, reason: "formula" });
    else if (
      movedRows.has(rowKey(fix.sheet, fix.row)) ||
      !sameCellValue(toCellValue(state.value, state.numberFormat), fix.from)
    )
      refused.push({ sheet: fix.sheet, cell: fix.cell, reason: "changed" });
    else writes.push({ fix, at, before: state });
  });
  if (writes.length === 0) return { record: { cells: [] }, refused };

  await syncQuietly(context, events, () => {
    for (const { fix, at, before } of writes) {
      const to = fix.to;
      let format = fix.format;
      // A number typed into a text-formatted cell would stay text.
      if (format === undefined && typeof to === "number" && before.numberFormat === TEXT_FORMAT) format = "General";
      if (format !== undefined) at.range.numberFormat = [[format]];
      const value = isCellDate(to)
        ? toExcelSerial(to)
        : typeof to === "string"
          ? textCell(to, format ?? before.numberFormat)
          : to;
      at.range.values = [[value]];
      at.range.load("values, numberFormat, formulas");
    }
  });
  const cells: FixedCell[] = writes.map(({ at, before }) => ({
    sheet: at.sheet,
    cell: at.cell,
    before,
    after: stateOf(at.range).state,
  }));
  return { record: { cells }, refused };
}

export async function undoFixes(
  context: Excel.RequestContext,
  events: boolean,
  record: FixRecord,
): Promise<UndoOutcome> {
  const loaded = await loadExisting(context, record.cells);
  const refused: RefusedCell[] = [];
  const restore: Array<{ at: LoadedCell; before: CellState }> = [];
  record.cells.forEach((entry, i) => {
    const at = loaded[i];
    const read = at ? stateOf(at.range) : null;
    if (!at || !read || read.formula || !sameState(read.state, entry.after))
      refused.push({ sheet: entry.sheet, cell: entry.cell, reason: "changed" });
    else restore.push({ at, before: entry.before });
  });
  if (restore.length > 0) {
    await syncQuietly(context, events, () => {
      for (const { at, before } of restore) {
        at.range.numberFormat = [[before.numberFormat]];
        at.range.values = [[stateCell(before)]];
      }
    });
  }
  return { restored: restore.length, refused };
}
