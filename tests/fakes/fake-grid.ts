/**
 * The Excel fake's workbook as plain data (cells with values, formulas, formats, fills, fonts; sheets with their
 * tables, validations, conditional formats, PivotTables, charts, page layout), its host errors, addresses, and
 * how a cell shows and takes a value. See excel-fake.ts for the Office.js proxies over it.
 */
import type { MergeRange } from "../../src/core/types";
import { cellAddress, parseAddress } from "../../src/core/address";
import { type Scalar, evaluateFormula } from "./fake-formula";

export type GridValue = string | number | boolean;

export interface GridFill {
  readonly color: string;
  readonly pattern: string;
  readonly patternColor: string | null;
}

export interface GridFont {
  bold?: boolean;
  color?: string;
  size?: number;
}

export interface GridCell {
  value: GridValue;
  format: string;
  fill: GridFill | null;
  /** "=…" when the cell holds a formula; `value` is then ignored (computed on read). */
  formula?: string;
  font?: GridFont;
}

export interface GridTable {
  name: string;
  bounds: MergeRange;
  hasHeaders: boolean;
  style: string;
}

export interface GridValidation {
  bounds: MergeRange;
  rule: Record<string, unknown> | null;
  prompt: Record<string, unknown> | null;
  errorAlert: Record<string, unknown> | null;
  ignoreBlanks: boolean | null;
}

/** A cell-value rule of a CellValue conditional format, as Office.js takes it. */
export interface GridCellValueRule {
  formula1: string;
  formula2?: string;
  operator: string;
}

/**
 * A conditional format: its cells (`bounds`, which move when rows are inserted or deleted above or inside them,
 * but not when the cells are sorted), its rule (Custom `formula`, or a CellValue `rule`) and format.
 */
export interface GridConditionalFormat {
  /** Office's id within the session (FakeExcel.reopen gives every one a new id, as a new session would). */
  id: string;
  bounds: MergeRange;
  type: string;
  formula: string | null;
  rule?: GridCellValueRule | null;
  fill: string | null;
  font: string | null;
  stopIfTrue: boolean;
  /** Lower is evaluated first: Office's priority is the place in the sheet's formats ordered by rank. */
  rank: number;
}

/** A sheet's conditional formats by priority (0 first, on top). */
export function byPriority(sheet: GridSheet): GridConditionalFormat[] {
  return sheet.conditionalFormats
    .map((cf, i) => ({ cf, i }))
    .sort((a, b) => a.cf.rank - b.cf.rank || a.i - b.i)
    .map((x) => x.cf);
}

let conditionalFormatIds = 0;

/** A fresh conditional-format id, like Office's "{…}" ids. */
export function newConditionalFormatId(): string {
  conditionalFormatIds++;
  return `{CF000000-0000-0000-0000-${String(conditionalFormatIds).padStart(12, "0")}}`;
}

export interface GridPivot {
  name: string;
  /** "Sheet!A2:T32", or the table's name for a table source. */
  source: string;
  destination: string;
  rows: string[];
  columns: string[];
  data: Array<{ field: string; summarizeBy: string }>;
}

export interface GridChart {
  type: string;
  source: string;
  seriesBy: string;
  title: string | null;
  position: string | null;
}

/** A manual horizontal page break, by the first cell after it (1-based). */
export interface GridPageBreak {
  row: number;
  column: number;
}

export interface GridSheet {
  /** Changed only by the user (`userRenameSheet`). */
  name: string;
  readonly id: string;
  /** Cells by `row * COL_LIMIT + col` (1-based); a missing cell is empty, "General", no fill. */
  readonly cells: Map<number, GridCell>;
  readonly merges: MergeRange[];
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** Column widths in points by 1-based column. */
  readonly columnWidths: Map<number, number>;
  readonly rowHeights: Map<number, number>;
  frozenRows: number;
  readonly tables: GridTable[];
  readonly validations: GridValidation[];
  /** In the order they were added (see `byPriority` for Office's order). */
  readonly conditionalFormats: GridConditionalFormat[];
  readonly pivots: GridPivot[];
  readonly charts: GridChart[];
  readonly pageLayout: Record<string, unknown>;
  /** Manual horizontal page breaks in the order they were added. */
  readonly pageBreaks: GridPageBreak[];
}

export interface Grid {
  readonly name: string;
  readonly sheets: GridSheet[];
}

export const COL_LIMIT = 16384;

let sheetIds = 0;

export function newGridSheet(
  name: string,
  cells: Map<number, GridCell> = new Map(),
  merges: MergeRange[] = [],
): GridSheet {
  sheetIds++;
  return {
    name,
    id: `{00000000-0001-0000-0000-${String(sheetIds).padStart(12, "0")}}`,
    cells,
    merges,
    visibility: "Visible",
    columnWidths: new Map(),
    rowHeights: new Map(),
    frozenRows: 0,
    tables: [],
    validations: [],
    conditionalFormats: [],
    pivots: [],
    charts: [],
    pageLayout: {},
    pageBreaks: [],
  };
}

const encoder = new TextEncoder();

/** UTF-8 byte length (TextEncoder rather than Node's Buffer, so the fake also runs in a browser page). */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export const invalidArgument = (detail: string): FakeOfficeError =>
  new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${detail})`);
export const notFound = (): FakeOfficeError =>
  new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");

export function gridCell(sheet: GridSheet, row: number, col: number): GridCell | undefined {
  return sheet.cells.get(row * COL_LIMIT + col);
}

export function writableCell(sheet: GridSheet, row: number, col: number): GridCell {
  const key = row * COL_LIMIT + col;
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = { value: "", format: "General", fill: null };
    sheet.cells.set(key, cell);
  }
  return cell;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function boundsAddress(sheet: string, b: MergeRange): string {
  const tl = cellAddress(b.top, b.left);
  const br = cellAddress(b.bottom, b.right);
  return `${quoteSheet(sheet)}!${tl === br ? tl : `${tl}:${br}`}`;
}

export function localAddress(b: MergeRange): string {
  const tl = cellAddress(b.top, b.left);
  const br = cellAddress(b.bottom, b.right);
  return tl === br ? tl : `${tl}:${br}`;
}

export function parseBounds(address: string): MergeRange {
  const local = address.replace(/\$/g, "").toUpperCase();
  const rows = /^(\d+):(\d+)$/.exec(local);
  if (rows) {
    const [a, b] = [Number(rows[1]), Number(rows[2])];
    if (a < 1 || b < 1) throw invalidArgument(address);
    return { top: Math.min(a, b), left: 1, bottom: Math.max(a, b), right: COL_LIMIT };
  }
  const [a, b] = local.split(":");
  const tl = a ? parseAddress(a) : null;
  const br = b ? parseAddress(b) : tl;
  if (!tl || !br) throw invalidArgument(address);
  return {
    top: Math.min(tl.row, br.row),
    left: Math.min(tl.col, br.col),
    bottom: Math.max(tl.row, br.row),
    right: Math.max(tl.col, br.col),
  };
}

export function splitProps(props: string | string[]): string[] {
  const list = Array.isArray(props) ? props : props.split(",");
  return list.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Host counters shared by every context `run` creates. */
export function cellValue(sheet: GridSheet, row: number, col: number, seen = new Set<number>()): GridValue {
  const cell = gridCell(sheet, row, col);
  if (!cell) return "";
  if (cell.formula === undefined) return cell.value;
  const key = row * COL_LIMIT + col;
  if (seen.has(key)) return 0; // a circular reference shows 0, as Excel does
  seen.add(key);
  const result = evaluateFormula(cell.formula, (r, c) => {
    const v = cellValue(sheet, r, c, seen);
    return v === "" && gridCell(sheet, r, c)?.formula === undefined ? null : (v as Scalar);
  });
  seen.delete(key);
  if (result === null) return 0;
  if (typeof result === "object") return result.error;
  return result;
}

/** Applies a written value to a cell as Excel does when a value is entered. */
export function enter(cell: GridCell, v: unknown): void {
  delete cell.formula;
  if (typeof v === "string" && v.startsWith("=") && v.length > 1) {
    cell.formula = v;
    cell.value = "";
    return;
  }
  if (typeof v === "string" && v.startsWith("'")) {
    cell.value = v.slice(1);
    return;
  }
  if (typeof v === "string" && cell.format !== "@" && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) {
    cell.value = Number(v);
    return;
  }
  if (v === null || v === undefined) {
    cell.value = "";
    return;
  }
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") cell.value = v;
  else throw invalidArgument(`cell value ${JSON.stringify(v)}`);
}
