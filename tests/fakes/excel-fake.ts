/**
 * A faithful in-memory fake of the Office.js Excel API subset the add-in uses (see addin/office/excel-adapter.ts).
 *
 * Like Office.js:
 * - every proxy method only queues a request; nothing happens until `context.sync()`, which runs the queue in
 *   order (loads, writes, item look-ups) against the grid;
 * - reading a property that no completed sync has loaded throws a PropertyNotLoaded error; loaded values are a
 *   snapshot as of that sync; `isNullObject` is known only after a sync;
 * - `worksheets.getItem` of a missing sheet fails the whole sync with ItemNotFound; `Excel.run`'s batch is
 *   followed by one more sync when requests are still queued.
 * It counts syncs and each sync's response payload (UTF-8 bytes of the JSON of every loaded value), and can be
 * told to fail a given sync with a host error. The grid is plain data, built from an .xlsx by `fakeFromXlsx`.
 */
import ExcelJS from "exceljs";
import type { MergeRange } from "../../src/core/types";
import { cellAddress, parseAddress } from "../../src/core/address";

export type GridValue = string | number | boolean;

export interface GridFill {
  readonly color: string;
  readonly pattern: string;
  readonly patternColor: string | null;
}

export interface GridCell {
  value: GridValue;
  format: string;
  fill: GridFill | null;
}

export interface GridSheet {
  readonly name: string;
  /** Cells by `row * COL_LIMIT + col` (1-based); a missing cell is empty, "General", no fill. */
  readonly cells: Map<number, GridCell>;
  readonly merges: MergeRange[];
}

export interface Grid {
  readonly name: string;
  readonly sheets: GridSheet[];
}

export const COL_LIMIT = 16384;

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function gridCell(sheet: GridSheet, row: number, col: number): GridCell | undefined {
  return sheet.cells.get(row * COL_LIMIT + col);
}

function writableCell(sheet: GridSheet, row: number, col: number): GridCell {
  const key = row * COL_LIMIT + col;
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = { value: "", format: "General", fill: null };
    sheet.cells.set(key, cell);
  }
  return cell;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function boundsAddress(sheet: string, b: MergeRange): string {
  const tl = cellAddress(b.top, b.left);
  const br = cellAddress(b.bottom, b.right);
  return `${quoteSheet(sheet)}!${tl === br ? tl : `${tl}:${br}`}`;
}

function parseBounds(address: string): MergeRange {
  const local = address.replace(/\$/g, "").toUpperCase();
  const [a, b] = local.split(":");
  const tl = a ? parseAddress(a) : null;
  const br = b ? parseAddress(b) : tl;
  if (!tl || !br) throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${address})`);
  return { top: Math.min(tl.row, br.row), left: Math.min(tl.col, br.col), bottom: Math.max(tl.row, br.row), right: Math.max(tl.col, br.col) };
}

function splitProps(props: string | string[]): string[] {
  const list = Array.isArray(props) ? props : props.split(",");
  return list.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Host counters shared by every context `run` creates. */
export interface FakeStats {
  syncs: number;
  /** Response bytes of each sync, in order. */
  payloads: number[];
  /** Sheet and address last selected, and the active sheet. */
  selection: { sheet: string; address: string } | null;
  activeSheet: string | null;
}

type Op = () => number;

export class FakeContext {
  private ops: Op[] = [];
  readonly workbook: FakeWorkbook;

  constructor(readonly host: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  queue(op: Op): void {
    this.ops.push(op);
  }

  get pending(): number {
    return this.ops.length;
  }

  async sync(): Promise<void> {
    const host = this.host;
    host.stats.syncs++;
    const ops = this.ops;
    this.ops = [];
    await Promise.resolve();
    const failure = host.failures.get(host.stats.syncs);
    if (failure) throw failure;
    let bytes = 0;
    for (const op of ops) bytes += op();
    host.stats.payloads.push(bytes);
  }
}

/** A proxy whose properties are readable only after a sync that loaded them. */
abstract class Proxy {
  private readonly loaded = new Map<string, unknown>();
  protected resolved = false;
  protected isNull = false;

  constructor(
    protected readonly context: FakeContext,
    private readonly loadable: readonly string[],
  ) {}

  /** Queues the proxy's own resolution (existence); runs at sync before later requests on it. */
  protected queueResolve(resolve: () => boolean): void {
    this.context.queue(() => {
      this.isNull = !resolve();
      this.resolved = true;
      return 0;
    });
  }

  get isNullObject(): boolean {
    if (!this.resolved) throw notLoaded("isNullObject");
    return this.isNull;
  }

  load(props?: string | string[]): this {
    const list = splitProps(props ?? this.loadable.join(","));
    for (const p of list) if (!this.loadable.includes(p)) throw new FakeOfficeError("InvalidArgument", `Unknown property '${p}'.`);
    this.context.queue(() => {
      if (this.isNull) return 0;
      let bytes = 0;
      for (const p of list) {
        const v = this.fetch(p);
        this.loaded.set(p, v);
        bytes += Buffer.byteLength(JSON.stringify(v) ?? "null", "utf8");
      }
      return bytes;
    });
    return this;
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop) || this.isNull) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  protected abstract fetch(prop: string): unknown;
}

export class FakeWorkbook extends Proxy {
  readonly worksheets: FakeWorksheetCollection;

  constructor(context: FakeContext) {
    super(context, ["name"]);
    this.resolved = true;
    this.worksheets = new FakeWorksheetCollection(context);
  }

  get name(): string {
    return this.read("name");
  }

  protected fetch(): unknown {
    return this.context.host.grid.name;
  }
}

export class FakeWorksheetCollection extends Proxy {
  constructor(context: FakeContext) {
    super(context, ["items/name", "items"]);
    this.resolved = true;
  }

  get items(): FakeWorksheet[] {
    const names = this.read<string[]>("items");
    return names.map((n) => FakeWorksheet.loaded(this.context, n));
  }

  override load(props?: string | string[]): this {
    const list = splitProps(props ?? "items").map((p) => (p === "items/name" ? "items" : p));
    return super.load(list);
  }

  protected fetch(): unknown {
    return this.context.host.grid.sheets.map((s) => s.name);
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, name, false);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, name, true);
  }
}

export class FakeWorksheet extends Proxy {
  private knownName: string | null = null;

  constructor(
    context: FakeContext,
    readonly sheetName: string,
    orNull: boolean,
    queue = true,
  ) {
    super(context, ["name"]);
    if (!queue) return;
    this.queueResolve(() => {
      if (this.sheet()) return true;
      if (orNull) return false;
      throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    });
  }

  /** A worksheet from a loaded collection: known to exist, name loaded. */
  static loaded(context: FakeContext, name: string): FakeWorksheet {
    const ws = new FakeWorksheet(context, name, false, false);
    ws.resolved = true;
    ws.knownName = name;
    return ws;
  }

  get name(): string {
    return this.knownName ?? this.read<string>("name");
  }

  sheet(): GridSheet | undefined {
    return this.context.host.grid.sheets.find((s) => s.name === this.sheetName);
  }

  protected fetch(): unknown {
    return this.sheetName;
  }

  getRange(address: string): FakeRange {
    const bounds = parseBounds(address);
    return new FakeRange(this.context, this, () => bounds);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this, () => this.usedBounds(valuesOnly), true);
  }

  activate(): void {
    this.context.queue(() => {
      this.context.host.stats.activeSheet = this.sheetName;
      return 0;
    });
  }

  private usedBounds(valuesOnly: boolean): MergeRange | null {
    const sheet = this.sheet();
    if (!sheet) return null;
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [key, cell] of sheet.cells) {
      if (valuesOnly ? cell.value === "" : cell.value === "" && cell.fill === null && cell.format === "General") continue;
      const row = Math.floor(key / COL_LIMIT);
      const col = key % COL_LIMIT;
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }
}

export class FakeRange extends Proxy {
  private bounds: MergeRange | null = null;
  readonly format: { readonly fill: FakeRangeFill };

  constructor(
    context: FakeContext,
    readonly worksheet: FakeWorksheet,
    locate: () => MergeRange | null,
    orNull = false,
  ) {
    super(context, ["address", "rowCount", "columnCount", "values", "numberFormat"]);
    this.queueResolve(() => {
      if (!worksheet.sheet()) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      this.bounds = locate();
      if (this.bounds === null && !orNull) throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      return this.bounds !== null;
    });
    this.format = { fill: new FakeRangeFill(context, this) };
  }

  /** The range's cells, at sync time. */
  located(): { sheet: GridSheet; bounds: MergeRange } {
    const sheet = this.worksheet.sheet();
    if (!sheet || !this.bounds) throw new FakeOfficeError("InvalidObjectPath", "The object path is not valid.");
    return { sheet, bounds: this.bounds };
  }

  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): GridValue[][] {
    return this.read("values");
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }

  protected fetch(prop: string): unknown {
    const { sheet, bounds } = this.located();
    switch (prop) {
      case "address":
        return boundsAddress(sheet.name, bounds);
      case "rowCount":
        return bounds.bottom - bounds.top + 1;
      case "columnCount":
        return bounds.right - bounds.left + 1;
      default: {
        const out: Array<Array<GridValue | string>> = [];
        for (let r = bounds.top; r <= bounds.bottom; r++) {
          const row: Array<GridValue | string> = [];
          for (let c = bounds.left; c <= bounds.right; c++) {
            const cell = gridCell(sheet, r, c);
            row.push(prop === "values" ? (cell?.value ?? "") : (cell?.format ?? "General"));
          }
          out.push(row);
        }
        return out;
      }
    }
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this);
  }

  select(): void {
    this.context.queue(() => {
      const { sheet, bounds } = this.located();
      this.context.host.stats.selection = { sheet: sheet.name, address: boundsAddress(sheet.name, bounds) };
      return 0;
    });
  }

  /** Runs `f` on every cell of the range at sync time. */
  eachCell(f: (cell: GridCell) => void): void {
    const { sheet, bounds } = this.located();
    for (let r = bounds.top; r <= bounds.bottom; r++) for (let c = bounds.left; c <= bounds.right; c++) f(writableCell(sheet, r, c));
  }
}

export class FakeRangeAreas extends Proxy {
  private areas: MergeRange[] = [];

  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(context, ["address", "areaCount"]);
    this.queueResolve(() => {
      const { sheet, bounds } = range.located();
      this.areas = sheet.merges.filter((m) => m.top <= bounds.bottom && m.bottom >= bounds.top && m.left <= bounds.right && m.right >= bounds.left);
      return this.areas.length > 0;
    });
  }

  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }

  protected fetch(prop: string): unknown {
    const name = this.range.located().sheet.name;
    return prop === "areaCount" ? this.areas.length : this.areas.map((m) => boundsAddress(name, m)).join(", ");
  }
}

export class FakeRangeFill extends Proxy {
  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(context, ["color", "pattern", "patternColor"]);
    this.resolved = true;
  }

  get color(): string | null {
    return this.read("color");
  }
  set color(value: string | null) {
    this.write((cell) => {
      cell.fill = value === null ? null : { color: value.toUpperCase(), pattern: "Solid", patternColor: null };
    });
  }
  get pattern(): string | null {
    return this.read("pattern");
  }
  set pattern(value: string | null) {
    this.write((cell) => {
      if (value === null || value === "None") cell.fill = null;
      else cell.fill = { color: cell.fill?.color ?? "#FFFFFF", pattern: value, patternColor: cell.fill?.patternColor ?? null };
    });
  }
  get patternColor(): string | null {
    return this.read("patternColor");
  }
  set patternColor(value: string | null) {
    this.write((cell) => {
      if (cell.fill) cell.fill = { ...cell.fill, patternColor: value === null ? null : value.toUpperCase() };
    });
  }

  clear(): void {
    this.write((cell) => {
      cell.fill = null;
    });
  }

  private write(f: (cell: GridCell) => void): void {
    this.context.queue(() => {
      this.range.eachCell(f);
      return 0;
    });
  }

  /** Office reports one value for a range: the cells' common one, else null; "no fill" reads as white, "None". */
  protected fetch(prop: string): unknown {
    const seen = new Set<string | null>();
    this.range.eachCell((cell) => {
      const f = cell.fill;
      seen.add(prop === "color" ? (f?.color ?? "#FFFFFF") : prop === "pattern" ? (f?.pattern ?? "None") : (f?.patternColor ?? null));
    });
    return seen.size === 1 ? [...seen][0] : null;
  }
}

/** The fake host: a grid, counters, and `run` standing in for `Excel.run`. */
export class FakeExcel {
  readonly stats: FakeStats = { syncs: 0, payloads: [], selection: null, activeSheet: null };
  /** Host errors to throw at the given (1-based, counted across runs) sync. */
  readonly failures = new Map<number, Error>();

  constructor(readonly grid: Grid) {}

  /** Like `Excel.run`: a fresh context, the batch, then a final sync when requests are still queued. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending > 0) await context.sync();
    return result;
  };

  failAtSync(n: number, error: Error): void {
    this.failures.set(n, error);
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.payloads = [];
    this.failures.clear();
  }

  /** Every cell's fill, keyed "sheet!A1", for before/after comparisons. */
  fills(): Map<string, GridFill | null> {
    const out = new Map<string, GridFill | null>();
    for (const s of this.grid.sheets) {
      for (const [key, cell] of s.cells) {
        if (cell.fill) out.set(`${s.name}!${cellAddress(Math.floor(key / COL_LIMIT), key % COL_LIMIT)}`, { ...cell.fill });
      }
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Building the grid from an .xlsx (through exceljs, as Excel would show the file).

const DAY_MS = 86400000;

function officeValue(v: ExcelJS.CellValue | undefined): GridValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.getTime() / DAY_MS + 25569;
  const o = v as unknown as Record<string, unknown>;
  if (typeof o["error"] === "string") return o["error"];
  if (Array.isArray(o["richText"])) return (o["richText"] as Array<{ text?: string }>).map((r) => r.text ?? "").join("");
  if ("formula" in o || "sharedFormula" in o) return officeValue(o["result"] as ExcelJS.CellValue | undefined);
  if ("text" in o) return officeValue(o["text"] as ExcelJS.CellValue);
  return "";
}

function argbColor(c: Partial<ExcelJS.Color> | undefined): string | null {
  if (!c) return null;
  if (typeof c.argb === "string") return `#${c.argb.slice(-6).toUpperCase()}`;
  if (typeof c.theme === "number") return `#THEME${c.theme}`;
  return null;
}

function gridFill(fill: ExcelJS.Fill | undefined): GridFill | null {
  if (!fill || fill.type !== "pattern" || fill.pattern === "none") return null;
  const pattern = fill.pattern === "solid" ? "Solid" : fill.pattern.charAt(0).toUpperCase() + fill.pattern.slice(1);
  return { color: argbColor(fill.fgColor) ?? "#000000", pattern, patternColor: fill.pattern === "solid" ? null : argbColor(fill.bgColor) };
}

function parseMerge(range: string): MergeRange | null {
  try {
    return parseBounds(range);
  } catch {
    return null;
  }
}

/** An exceljs workbook as a fake host grid: values as Office.js reports them, number formats, fills, merges. */
export function gridFromWorkbook(wb: ExcelJS.Workbook, name: string): Grid {
  const sheets: GridSheet[] = wb.worksheets.map((ws) => {
    const cells = new Map<number, GridCell>();
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const merged = cell.isMerged && cell.master !== cell;
        const value = merged ? "" : officeValue(cell.value);
        const format = cell.numFmt ?? (cell.value instanceof Date ? "yyyy-mm-dd" : "General");
        const fill = gridFill(cell.fill);
        if (value === "" && fill === null && format === "General") return;
        cells.set(r * COL_LIMIT + c, { value, format, fill });
      });
    });
    const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseMerge).filter((m): m is MergeRange => m !== null);
    return { name: ws.name, cells, merges };
  });
  return { name, sheets };
}

export async function fakeFromXlsx(file: string): Promise<FakeExcel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const base = file.split(/[\\/]/).pop() ?? file;
  return new FakeExcel(gridFromWorkbook(wb, base));
}
