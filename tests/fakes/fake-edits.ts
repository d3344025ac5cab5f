/**
 * The Excel fake's structural edits on the grid, as Excel makes them: inserting cells (shifting down), deleting
 * cells (shifting up), sorting rows and filling cells by hand.
 *
 * - Insert/delete move the cells (values, formulas, formats, fills, fonts) in the range's columns and adjust every
 *   range-based object there: conditional formats, data validations, merges and tables move with their cells,
 *   grow when rows are inserted inside them, shrink when some of their rows are deleted and are gone when all
 *   their rows are. An object spanning only part of the shifted columns is left as it was (Excel splits it;
 *   not modelled). Formulas are not rewritten.
 * - Sorting moves cell contents and direct formats (values, formulas, number formats, fills, fonts) with their
 *   rows; conditional formats, validations and merges stay where they are (they belong to the range, not the
 *   row). Keys compare as Excel does: numbers, then text (pinyin order for Chinese), then FALSE/TRUE, then
 *   errors; blanks last in either direction; stable.
 */
import type { MergeRange } from "../../src/core/types";
import { COL_LIMIT, type GridCell, type GridSheet, type GridValue, cellValue, invalidArgument } from "./fake-grid";

/** Rows [top, bottom] of columns [left, right]. */
type Band = MergeRange;

function withinColumns(b: MergeRange, band: Band): boolean {
  return b.left >= band.left && b.right <= band.right;
}

function overlapsColumns(b: MergeRange, band: Band): boolean {
  return b.left <= band.right && b.right >= band.left;
}

/** `b` after `count` rows are inserted at `band.top` in the band's columns. */
function insertedBounds(b: MergeRange, band: Band, count: number): MergeRange {
  if (!withinColumns(b, band)) return b;
  if (b.top >= band.top) return { ...b, top: b.top + count, bottom: b.bottom + count };
  if (b.bottom >= band.top) return { ...b, bottom: b.bottom + count };
  return b;
}

/** `b` after the band's rows are deleted (shifting up); null when all its rows were deleted. */
function deletedBounds(b: MergeRange, band: Band): MergeRange | null {
  if (!withinColumns(b, band)) return b;
  const count = band.bottom - band.top + 1;
  if (b.bottom < band.top) return b;
  if (b.top > band.bottom) return { ...b, top: b.top - count, bottom: b.bottom - count };
  if (b.top >= band.top && b.bottom <= band.bottom) return null;
  const top = b.top < band.top ? b.top : band.top;
  const bottom = b.bottom > band.bottom ? b.bottom - count : band.top - 1;
  return { ...b, top, bottom };
}

/** Applies `move` to every range-based object of the sheet, dropping those it returns null for. */
function moveObjects(sheet: GridSheet, move: (b: MergeRange) => MergeRange | null): void {
  const keep = <T>(list: T[], get: (x: T) => MergeRange, set: (x: T, b: MergeRange) => void): void => {
    for (let i = list.length - 1; i >= 0; i--) {
      const x = list[i] as T;
      const b = move(get(x));
      if (b === null) list.splice(i, 1);
      else set(x, b);
    }
  };
  keep(
    sheet.conditionalFormats,
    (x) => x.bounds,
    (x, b) => (x.bounds = b),
  );
  keep(
    sheet.validations,
    (x) => x.bounds,
    (x, b) => (x.bounds = b),
  );
  keep(
    sheet.tables,
    (x) => x.bounds,
    (x, b) => (x.bounds = b),
  );
  keep(
    sheet.merges,
    (x) => x,
    (x, b) => Object.assign(x, b),
  );
}

/** Re-keys the cells of the band's columns from row `from` down by `by` rows (negative: up). */
function shiftCells(sheet: GridSheet, band: Band, from: number, by: number): void {
  const moved: Array<[number, GridCell]> = [];
  for (const [key, cell] of sheet.cells) {
    const row = Math.floor(key / COL_LIMIT);
    const col = key % COL_LIMIT;
    if (col < band.left || col > band.right || row < from) continue;
    sheet.cells.delete(key);
    moved.push([(row + by) * COL_LIMIT + col, cell]);
  }
  for (const [key, cell] of moved) if (Math.floor(key / COL_LIMIT) >= 1) sheet.cells.set(key, cell);
}

/** Inserts as many rows as the band has at its top (Excel's Range.insert(Down)); the new cells are empty. */
export function insertRows(sheet: GridSheet, band: Band): void {
  const count = band.bottom - band.top + 1;
  shiftCells(sheet, band, band.top, count);
  moveObjects(sheet, (b) => insertedBounds(b, band, count));
  if (band.left === 1 && band.right >= COL_LIMIT - 1) shiftHeights(sheet, band.top, count);
}

/** Deletes the band's cells, shifting those below up (Excel's Range.delete(Up)). */
export function deleteRows(sheet: GridSheet, band: Band): void {
  const count = band.bottom - band.top + 1;
  for (const key of [...sheet.cells.keys()]) {
    const row = Math.floor(key / COL_LIMIT);
    const col = key % COL_LIMIT;
    if (row >= band.top && row <= band.bottom && col >= band.left && col <= band.right) sheet.cells.delete(key);
  }
  shiftCells(sheet, band, band.bottom + 1, -count);
  moveObjects(sheet, (b) => deletedBounds(b, band));
  if (band.left === 1 && band.right >= COL_LIMIT - 1) {
    for (let r = band.top; r <= band.bottom; r++) sheet.rowHeights.delete(r);
    shiftHeights(sheet, band.bottom + 1, -count);
  }
}

function shiftHeights(sheet: GridSheet, from: number, by: number): void {
  const moved = [...sheet.rowHeights].filter(([r]) => r >= from);
  for (const [r] of moved) sheet.rowHeights.delete(r);
  for (const [r, h] of moved) sheet.rowHeights.set(r + by, h);
}

/** Whether an object of the sheet would be cut by shifting the band (Excel refuses to shift part of a table). */
export function cutsTable(sheet: GridSheet, band: Band): boolean {
  return sheet.tables.some((t) => overlapsColumns(t.bounds, band) && !withinColumns(t.bounds, band));
}

/** One sort key as Office.js's SortField gives it (`key` is the column offset within the range). */
export interface SortField {
  readonly key: number;
  readonly ascending?: boolean;
}

/** Excel's order of value kinds in an ascending sort; blanks are handled apart (always last). */
function kindRank(v: GridValue): number {
  if (typeof v === "number") return 0;
  if (typeof v === "boolean") return 2;
  if (typeof v === "string" && /^#[A-Z0-9/!?]+[!?0-9A-Z]*$/.test(v) && v.length <= 8) return 3;
  return 1;
}

function compareValues(a: GridValue, b: GridValue, matchCase: boolean): number {
  const ka = kindRank(a);
  const kb = kindRank(b);
  if (ka !== kb) return ka - kb;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  const sa = matchCase ? String(a) : String(a).toLowerCase();
  const sb = matchCase ? String(b) : String(b).toLowerCase();
  return sa.localeCompare(sb, "zh-CN");
}

/** Sorts the range's rows (all of its columns move together) by the fields; `hasHeaders` keeps the first row. */
export function sortRows(
  sheet: GridSheet,
  range: MergeRange,
  fields: readonly SortField[],
  hasHeaders: boolean,
  matchCase: boolean,
): void {
  const width = range.right - range.left + 1;
  if (fields.length === 0 || fields.some((f) => !Number.isInteger(f.key) || f.key < 0 || f.key >= width))
    throw invalidArgument("sort fields");
  const top = hasHeaders ? range.top + 1 : range.top;
  const rows: Array<{ keys: GridValue[]; cells: Array<GridCell | undefined> }> = [];
  for (let r = top; r <= range.bottom; r++) {
    const cells: Array<GridCell | undefined> = [];
    for (let c = range.left; c <= range.right; c++) cells.push(sheet.cells.get(r * COL_LIMIT + c));
    rows.push({ keys: fields.map((f) => cellValue(sheet, r, range.left + f.key)), cells });
  }
  rows.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const x = a.keys[i] as GridValue;
      const y = b.keys[i] as GridValue;
      if (x === "" || y === "") {
        if (x !== y) return x === "" ? 1 : -1;
        continue;
      }
      const d = compareValues(x, y, matchCase);
      if (d !== 0) return (fields[i]?.ascending ?? true) ? d : -d;
    }
    return 0;
  });
  rows.forEach((row, i) => {
    row.cells.forEach((cell, k) => {
      const key = (top + i) * COL_LIMIT + range.left + k;
      if (cell) sheet.cells.set(key, cell);
      else sheet.cells.delete(key);
    });
  });
}
