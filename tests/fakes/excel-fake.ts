/**
 * A faithful in-memory fake of the Office.js Excel API subset the add-in uses (see addin/office/excel-adapter.ts).
 *
 * Like Office.js:
 * - every proxy method only queues a request; nothing happens until `context.sync()`, which runs the queue in
 *   order (loads, writes, item look-ups, additions) against the grid;
 * - reading a property that no completed sync has loaded throws a PropertyNotLoaded error; loaded values are a
 *   snapshot as of that sync; `isNullObject` is known only after a sync;
 * - `worksheets.getItem` of a missing sheet fails the whole sync with ItemNotFound; adding a sheet whose name is
 *   taken fails with ItemAlreadyExists; a 2-D array whose size differs from its range fails with InvalidArgument;
 *   `Excel.run`'s batch is followed by one more sync when requests are still queued;
 * - APIs newer than the host's requirement set (`apiVersion`, see `isSetSupported`) are missing: using one throws
 *   ApiNotFound at the call;
 * - formula cells show their computed value (tests/fakes/fake-formula.ts); `values` written as "=…" are formulas;
 *   a numeric string becomes a number unless the cell is text-formatted ("@") or the string starts with "'";
 * - value writes raise onChanged for registered handlers only while `runtime.enableEvents` is on, and so do the
 *   user's edits (`userEdit`), delivered after the sync as Office delivers events.
 * It counts syncs, each sync's response payload (UTF-8 bytes of the JSON of every loaded value) and request
 * payload (bytes of the JSON of every value written), and can be told to fail a given sync with a host error.
 * Tables, data validations, conditional formats, frozen rows, widths, fonts, merges, PivotTables, charts, page
 * layout, page breaks and created workbooks are recorded on the grid for tests to inspect.
 */
import ExcelJS from "exceljs";
import type { MergeRange } from "../../src/core/types";
import { cellAddress } from "../../src/core/address";
import { FakeProxy as Proxy } from "./fake-proxy";
import {
  COL_LIMIT,
  FakeOfficeError,
  type Grid,
  type GridCell,
  type GridConditionalFormat,
  type GridFill,
  type GridFont,
  type GridSheet,
  type GridTable,
  type GridValue,
  boundsAddress,
  byPriority,
  cellValue,
  enter,
  gridCell,
  invalidArgument,
  localAddress,
  newConditionalFormatId,
  newGridSheet,
  notFound,
  parseBounds,
  splitProps,
  utf8Bytes,
  writableCell,
} from "./fake-grid";
import { FakeConditionalFormatCollection } from "./fake-conditional-formats";
import { FakeRangeBorders } from "./fake-borders";
import { type SortField, cutsTable, deleteRows, insertRows, sortRows } from "./fake-edits";
import {
  FakeChartCollection,
  FakeDataValidation,
  type FakePageLayout,
  fakePageLayout,
  FakePageBreakCollection,
  FakePivotTableCollection,
  FakeTable,
  FakeTableCollection,
} from "./fake-objects";

export * from "./fake-grid";
export * from "./fake-objects";
export * from "./fake-conditional-formats";
export * from "./fake-borders";
export type { SortField } from "./fake-edits";

export interface FakeStats {
  syncs: number;
  /** Response bytes of each sync, in order. */
  payloads: number[];
  /** Request bytes (values, formulas, formats written) of each sync, in order. */
  requests: number[];
  /** Sheet and address last selected, and the active sheet. */
  selection: { sheet: string; address: string } | null;
  activeSheet: string | null;
}

/** What a queued request returns: response bytes, and request bytes when it wrote data. */
type Op = () => number | { response: number; request: number };

export interface ChangeEvent {
  readonly worksheetId: string;
  readonly address: string;
  readonly changeType: string;
  readonly source: string;
  readonly type: string;
}

interface Registration {
  readonly sheetId: string | null;
  readonly handler: (args: ChangeEvent) => unknown;
  active: boolean;
}

export class FakeContext {
  private ops: Op[] = [];
  readonly workbook: FakeWorkbook;
  private runtimeProxy: FakeRuntime | null = null;

  constructor(readonly host: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get runtime(): FakeRuntime {
    this.host.requires("1.5", "context.runtime");
    this.runtimeProxy ??= new FakeRuntime(this);
    return this.runtimeProxy;
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
    let response = 0;
    let request = 0;
    for (const op of ops) {
      const r = op();
      if (typeof r === "number") response += r;
      else {
        response += r.response;
        request += r.request;
      }
    }
    host.stats.payloads.push(response);
    host.stats.requests.push(request);
    host.deliverEvents();
  }
}

/** A proxy whose properties are readable only after a sync that loaded them. */
export class FakeRuntime extends Proxy {
  constructor(context: FakeContext) {
    super(context, ["enableEvents"]);
    this.resolved = true;
  }

  get enableEvents(): boolean {
    return this.read("enableEvents");
  }
  set enableEvents(value: boolean) {
    this.context.host.requires("1.8", "runtime.enableEvents");
    this.write(() => {
      this.context.host.eventsEnabled = value;
    });
  }

  protected fetch(): unknown {
    return this.context.host.eventsEnabled;
  }
}

export class FakeApplication {
  constructor(private readonly context: FakeContext) {}

  /** Office.js's Application.createWorkbook: a WorkbookCreated whose open() opens it. */
  createWorkbook(base64?: string): { open(): void } {
    this.context.host.requires("1.8", "application.createWorkbook");
    const host = this.context.host;
    const record = { base64: base64 ?? null, opened: false };
    this.context.queue(() => {
      host.createdWorkbooks.push(record);
      return { response: 0, request: utf8Bytes(base64 ?? "") };
    });
    return {
      open: () => {
        this.context.queue(() => {
          record.opened = true;
          return 0;
        });
      },
    };
  }
}

export class FakeWorkbook extends Proxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;

  constructor(context: FakeContext) {
    super(context, ["name"]);
    this.resolved = true;
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, null);
    this.application = new FakeApplication(context);
  }

  get name(): string {
    return this.read("name");
  }

  protected fetch(): unknown {
    return this.context.host.grid.name;
  }
}

/** Event handlers of onChanged: `add` registers at the next sync, the result's `remove` unregisters at a sync. */
class FakeEventHandlers {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => GridSheet | null,
  ) {}

  add(handler: (args: ChangeEvent) => unknown): { remove(): void } {
    const host = this.context.host;
    const registration: Registration = { sheetId: null, handler, active: false };
    this.context.queue(() => {
      const target = this.sheet();
      (registration as { sheetId: string | null }).sheetId = target ? target.id : null;
      registration.active = true;
      host.registrations.push(registration);
      return 0;
    });
    return {
      remove: () => {
        this.context.queue(() => {
          registration.active = false;
          return 0;
        });
      },
    };
  }
}

export class FakeWorksheetCollection extends Proxy {
  constructor(context: FakeContext) {
    super(context, ["items/name", "items/id", "items"]);
    this.resolved = true;
  }

  get items(): FakeWorksheet[] {
    const sheets = this.read<Array<{ name: string; id: string }>>("items");
    return sheets.map((s) => FakeWorksheet.loaded(this.context, s.name, s.id));
  }

  override load(props?: string | string[]): this {
    const list = splitProps(props ?? "items").map((p) => (p.startsWith("items/") ? "items" : p));
    return super.load([...new Set(list)]);
  }

  protected fetch(): unknown {
    return this.context.host.grid.sheets.map((s) => ({ name: s.name, id: s.id }));
  }

  getItem(name: string): FakeWorksheet {
    return FakeWorksheet.byName(this.context, name, false);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    this.context.host.requires("1.4", "getItemOrNullObject");
    return FakeWorksheet.byName(this.context, name, true);
  }

  getActiveWorksheet(): FakeWorksheet {
    const host = this.context.host;
    return new FakeWorksheet(
      this.context,
      () => host.grid.sheets.find((s) => s.name === host.stats.activeSheet) ?? host.grid.sheets[0] ?? null,
      false,
    );
  }

  add(name: string): FakeWorksheet {
    const host = this.context.host;
    let created: GridSheet | null = null;
    this.context.queue(() => {
      if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw invalidArgument(`sheet name ${name}`);
      if (host.findSheet(name))
        throw new FakeOfficeError("ItemAlreadyExists", "A resource with the same name or identifier already exists.");
      created = newGridSheet(name);
      host.grid.sheets.push(created);
      return 0;
    });
    const ws = new FakeWorksheet(this.context, () => created, false, false);
    ws.markResolved();
    return ws;
  }

  get onChanged(): FakeEventHandlers {
    this.context.host.requires("1.9", "worksheets.onChanged");
    return new FakeEventHandlers(this.context, () => null);
  }
}

export class FakeWorksheet extends Proxy {
  private target: GridSheet | null = null;
  private knownName: string | null = null;
  private knownId: string | null = null;

  constructor(
    context: FakeContext,
    private readonly locate: () => GridSheet | null,
    orNull: boolean,
    queue = true,
  ) {
    super(context, ["name", "id", "visibility"]);
    if (!queue) return;
    this.queueResolve(() => {
      this.target = this.locate();
      if (this.target) return true;
      if (orNull) return false;
      throw notFound();
    });
  }

  static byName(context: FakeContext, name: string, orNull: boolean): FakeWorksheet {
    return new FakeWorksheet(context, () => context.host.findSheet(name) ?? null, orNull);
  }

  /** A worksheet from a loaded collection: known to exist, name and id loaded. */
  static loaded(context: FakeContext, name: string, id: string): FakeWorksheet {
    const ws = new FakeWorksheet(
      context,
      () => context.host.grid.sheets.find((s) => s.id === id) ?? null,
      false,
      false,
    );
    ws.resolved = true;
    ws.knownName = name;
    ws.knownId = id;
    ws.target = context.host.grid.sheets.find((s) => s.id === id) ?? null;
    return ws;
  }

  markResolved(): void {
    this.resolved = true;
  }

  get name(): string {
    return this.knownName ?? this.read<string>("name");
  }
  get id(): string {
    return this.knownId ?? this.read<string>("id");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this.write(() => {
      this.sheetOrThrow().visibility = value;
    });
  }

  /** The grid sheet, at sync time (undefined when missing or deleted). */
  sheet(): GridSheet | undefined {
    const t = this.target ?? this.locate();
    return t && this.context.host.grid.sheets.includes(t) ? t : undefined;
  }

  sheetOrThrow(): GridSheet {
    const s = this.sheet();
    if (!s) throw notFound();
    return s;
  }

  protected fetch(prop: string): unknown {
    const s = this.sheetOrThrow();
    return prop === "id" ? s.id : prop === "visibility" ? s.visibility : s.name;
  }

  getRange(address?: string): FakeRange {
    if (address === undefined)
      return new FakeRange(this.context, this, () => ({ top: 1, left: 1, bottom: 1048576, right: COL_LIMIT }));
    const bounds = parseBounds(address);
    return new FakeRange(this.context, this, () => bounds);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, this, () => this.usedBounds(valuesOnly), true);
  }

  activate(): void {
    this.context.queue(() => {
      this.context.host.stats.activeSheet = this.sheetOrThrow().name;
      return 0;
    });
  }

  delete(): void {
    this.write(() => {
      const host = this.context.host;
      const s = this.sheetOrThrow();
      if (host.grid.sheets.length === 1)
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      host.grid.sheets.splice(host.grid.sheets.indexOf(s), 1);
      if (host.stats.activeSheet === s.name) host.stats.activeSheet = host.grid.sheets[0]?.name ?? null;
    });
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, this);
  }

  get freezePanes(): { freezeRows(count: number): void } {
    this.context.host.requires("1.7", "freezePanes");
    return {
      freezeRows: (count: number) =>
        this.write(() => {
          this.sheetOrThrow().frozenRows = count;
        }),
    };
  }

  get pivotTables(): FakePivotTableCollection {
    return new FakePivotTableCollection(this.context, this);
  }

  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.context, this);
  }

  get pageLayout(): FakePageLayout {
    this.context.host.requires("1.9", "pageLayout");
    return fakePageLayout(this.context, this);
  }

  get horizontalPageBreaks(): FakePageBreakCollection {
    this.context.host.requires("1.9", "horizontalPageBreaks");
    return new FakePageBreakCollection(this.context, this);
  }

  get onChanged(): FakeEventHandlers {
    this.context.host.requires("1.7", "worksheet.onChanged");
    return new FakeEventHandlers(this.context, () => this.sheet() ?? null);
  }

  private usedBounds(valuesOnly: boolean): MergeRange | null {
    const sheet = this.sheet();
    if (!sheet) return null;
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [key, cell] of sheet.cells) {
      const empty = cell.value === "" && cell.formula === undefined;
      if (valuesOnly ? empty : empty && cell.fill === null && cell.format === "General") continue;
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

/** A cell's value as Office reports it: a formula's computed result ("" for blank, error text for errors). */
export class FakeRange extends Proxy {
  private bounds: MergeRange | null = null;
  readonly format: FakeRangeFormat;

  constructor(
    context: FakeContext,
    readonly worksheet: FakeWorksheet,
    locate: () => MergeRange | null,
    orNull = false,
  ) {
    super(context, ["address", "rowCount", "columnCount", "values", "numberFormat", "formulas"]);
    this.queueResolve(() => {
      if (!worksheet.sheet()) throw notFound();
      this.bounds = locate();
      if (this.bounds === null && !orNull) throw invalidArgument("range");
      return this.bounds !== null;
    });
    this.format = new FakeRangeFormat(context, this);
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
  set values(values: unknown[][]) {
    this.writeGrid(values, enter);
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(values: unknown[][]) {
    this.writeGrid(values, enter);
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(values: unknown[][]) {
    this.writeGrid(values, (cell, v) => {
      if (typeof v !== "string") throw invalidArgument("numberFormat");
      cell.format = v;
    });
  }

  /** Queues a 2-D write; its size must match the range's (checked at sync, like Office). */
  private writeGrid(values: unknown[][], apply: (cell: GridCell, v: unknown) => void): void {
    if (!Array.isArray(values) || !values.every(Array.isArray)) throw invalidArgument("expected a 2-D array");
    const bytes = utf8Bytes(JSON.stringify(values));
    const isValueWrite = apply === enter;
    this.write(() => {
      const { sheet, bounds } = this.located();
      const rows = bounds.bottom - bounds.top + 1;
      const cols = bounds.right - bounds.left + 1;
      if (values.length !== rows || values.some((r) => r.length !== cols)) {
        throw invalidArgument(
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
        );
      }
      values.forEach((row, r) => row.forEach((v, c) => apply(writableCell(sheet, bounds.top + r, bounds.left + c), v)));
      if (isValueWrite) this.context.host.changed(sheet, localAddress(bounds));
    }, bytes);
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
            if (prop === "values") row.push(cellValue(sheet, r, c));
            else if (prop === "formulas") row.push(cell?.formula ?? cell?.value ?? "");
            else row.push(cell?.format ?? "General");
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

  merge(across = false): void {
    this.context.host.requires("1.2", "merge");
    this.write(() => {
      const { sheet, bounds } = this.located();
      if (across) for (let r = bounds.top; r <= bounds.bottom; r++) sheet.merges.push({ ...bounds, top: r, bottom: r });
      else sheet.merges.push({ ...bounds });
    });
  }

  get dataValidation(): FakeDataValidation {
    this.context.host.requires("1.8", "dataValidation");
    return new FakeDataValidation(this);
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    this.context.host.requires("1.6", "conditionalFormats");
    return new FakeConditionalFormatCollection(this.context, this);
  }

  /** Another range on this range's worksheet (what a conditional format's getRange gives). */
  sibling(locate: () => MergeRange | null, orNull: boolean): FakeRange {
    return new FakeRange(this.context, this.worksheet, locate, orNull);
  }

  /** Range.insert(Down): inserts as many rows of cells as the range has, shifting the cells below down. */
  insert(shift: string): FakeRange {
    if (shift !== "Down") throw invalidArgument(`the fake models insert shift Down, not ${shift}`);
    let inserted: MergeRange | null = null;
    this.write(() => {
      const { sheet, bounds } = this.located();
      if (cutsTable(sheet, bounds))
        throw new FakeOfficeError("InvalidOperation", "This operation would shift cells in a table.");
      insertRows(sheet, bounds);
      inserted = { ...bounds };
      this.context.host.changed(sheet, localAddress(bounds));
    });
    return this.sibling(() => inserted, false);
  }

  /** Range.delete(Up): deletes the range's cells, shifting the cells below up. */
  delete(shift: string): void {
    if (shift !== "Up") throw invalidArgument(`the fake models delete shift Up, not ${shift}`);
    this.write(() => {
      const { sheet, bounds } = this.located();
      if (cutsTable(sheet, bounds))
        throw new FakeOfficeError("InvalidOperation", "This operation would shift cells in a table.");
      deleteRows(sheet, bounds);
      this.context.host.changed(sheet, localAddress(bounds));
    });
  }

  /** Range.sort (ExcelApi 1.2): apply(fields, matchCase, hasHeaders) sorts the range's rows. */
  get sort(): { apply(fields: SortField[], matchCase?: boolean, hasHeaders?: boolean, orientation?: string): void } {
    this.context.host.requires("1.2", "range.sort");
    return {
      apply: (fields, matchCase = false, hasHeaders = false, orientation = "Rows") => {
        if (orientation !== "Rows") throw invalidArgument(`the fake sorts rows, not ${orientation}`);
        const copy = fields.map((f) => ({ ...f }));
        this.write(() => {
          const { sheet, bounds } = this.located();
          sortRows(sheet, bounds, copy, hasHeaders, matchCase);
          this.context.host.changed(sheet, localAddress(bounds));
        });
      },
    };
  }

  /** Runs `f` on every cell of the range at sync time. */
  eachCell(f: (cell: GridCell) => void): void {
    const { sheet, bounds } = this.located();
    for (let r = bounds.top; r <= bounds.bottom; r++)
      for (let c = bounds.left; c <= bounds.right; c++) f(writableCell(sheet, r, c));
  }

  /** Queues `f` with the located range (for child objects' writes). */
  onSync(f: (sheet: GridSheet, bounds: MergeRange) => void): void {
    this.context.queue(() => {
      const { sheet, bounds } = this.located();
      f(sheet, bounds);
      return 0;
    });
  }
}

export class FakeRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly borders: FakeRangeBorders;

  constructor(
    private readonly context: FakeContext,
    private readonly range: FakeRange,
  ) {
    this.fill = new FakeRangeFill(context, range);
    this.font = new FakeRangeFont(range);
    this.borders = new FakeRangeBorders(context, range);
  }

  set columnWidth(points: number) {
    this.context.host.requires("1.2", "format.columnWidth");
    this.range.onSync((sheet, b) => {
      for (let c = b.left; c <= b.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  set rowHeight(points: number) {
    this.context.host.requires("1.2", "format.rowHeight");
    this.range.onSync((sheet, b) => {
      for (let r = b.top; r <= b.bottom; r++) sheet.rowHeights.set(r, points);
    });
  }
  set horizontalAlignment(_value: string) {
    this.range.onSync(() => undefined);
  }
  set verticalAlignment(_value: string) {
    this.range.onSync(() => undefined);
  }
  set wrapText(_value: boolean) {
    this.range.onSync(() => undefined);
  }
}

export class FakeRangeFont {
  constructor(private readonly range: FakeRange) {}

  private set(patch: GridFont): void {
    this.range.onSync(() => this.range.eachCell((cell) => (cell.font = { ...cell.font, ...patch })));
  }
  set bold(value: boolean) {
    this.set({ bold: value });
  }
  set color(value: string) {
    this.set({ color: value.toUpperCase() });
  }
  set size(value: number) {
    this.set({ size: value });
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
      this.areas = sheet.merges.filter(
        (m) => m.top <= bounds.bottom && m.bottom >= bounds.top && m.left <= bounds.right && m.right >= bounds.left,
      );
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
    this.fillWrite((cell) => {
      cell.fill = value === null ? null : { color: value.toUpperCase(), pattern: "Solid", patternColor: null };
    });
  }
  get pattern(): string | null {
    return this.read("pattern");
  }
  set pattern(value: string | null) {
    this.fillWrite((cell) => {
      if (value === null || value === "None") cell.fill = null;
      else
        cell.fill = {
          color: cell.fill?.color ?? "#FFFFFF",
          pattern: value,
          patternColor: cell.fill?.patternColor ?? null,
        };
    });
  }
  get patternColor(): string | null {
    return this.read("patternColor");
  }
  set patternColor(value: string | null) {
    this.fillWrite((cell) => {
      if (cell.fill) cell.fill = { ...cell.fill, patternColor: value === null ? null : value.toUpperCase() };
    });
  }

  clear(): void {
    this.fillWrite((cell) => {
      cell.fill = null;
    });
  }

  private fillWrite(f: (cell: GridCell) => void): void {
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
      seen.add(
        prop === "color"
          ? (f?.color ?? "#FFFFFF")
          : prop === "pattern"
            ? (f?.pattern ?? "None")
            : (f?.patternColor ?? null),
      );
    });
    return seen.size === 1 ? [...seen][0] : null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The host.

/** "1.8" ≥ "1.10"? Compares requirement-set versions numerically. */
function versionAtLeast(have: string, need: string): boolean {
  const [a1 = 0, a2 = 0] = have.split(".").map(Number);
  const [b1 = 0, b2 = 0] = need.split(".").map(Number);
  return a1 !== b1 ? a1 > b1 : a2 >= b2;
}

/** The fake host: a grid, counters, and `run` standing in for `Excel.run`. */
export class FakeExcel {
  readonly stats: FakeStats = { syncs: 0, payloads: [], requests: [], selection: null, activeSheet: null };
  /** Host errors to throw at the given (1-based, counted across runs) sync. */
  readonly failures = new Map<number, Error>();
  /** The ExcelApi version the host supports (APIs of later sets are missing). */
  apiVersion = "1.20";
  /** Context.runtime.enableEvents as the add-in last set it. */
  eventsEnabled = true;
  /** Workbooks made by application.createWorkbook (base64 given, opened or not). */
  readonly createdWorkbooks: Array<{ base64: string | null; opened: boolean }> = [];
  readonly registrations: Registration[] = [];
  private pendingEvents: Array<{ sheet: GridSheet; address: string; source: "Local" | "Remote" }> = [];

  constructor(readonly grid: Grid) {}

  /** Like `Excel.run`: a fresh context, the batch, then a final sync when requests are still queued. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending > 0) await context.sync();
    return result;
  };

  /** `Office.context.requirements.isSetSupported` for this host. */
  readonly isSetSupported = (name: string, minVersion: string): boolean =>
    name === "ExcelApi" && versionAtLeast(this.apiVersion, minVersion);

  requires(version: string, api: string): void {
    if (!versionAtLeast(this.apiVersion, version))
      throw new FakeOfficeError("ApiNotFound", `${api} needs ExcelApi ${version}; this host has ${this.apiVersion}.`);
  }

  findSheet(name: string): GridSheet | undefined {
    return this.grid.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase() || s.id === name);
  }

  sheet(name: string): GridSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  allTables(): GridTable[] {
    return this.grid.sheets.flatMap((s) => s.tables);
  }

  /** A PivotTable source as an address and its header texts. */
  resolveSource(source: FakeRange | FakeTable | string): { address: string; headers: string[] } {
    let sheet: GridSheet | undefined;
    let bounds: MergeRange;
    let label: string | null = null;
    if (typeof source === "string") {
      const table = this.allTables().find((t) => t.name === source);
      if (table) {
        sheet = this.grid.sheets.find((s) => s.tables.includes(table));
        bounds = table.bounds;
        label = table.name;
      } else {
        const bang = source.lastIndexOf("!");
        sheet = this.findSheet(source.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'"));
        bounds = parseBounds(source.slice(bang + 1));
      }
    } else if (source instanceof FakeTable) {
      return this.resolveSource(source.gridTable()?.name ?? "");
    } else {
      ({ sheet, bounds } = source.located());
    }
    if (!sheet) throw notFound();
    const headers: string[] = [];
    for (let c = bounds.left; c <= bounds.right; c++) headers.push(String(cellValue(sheet, bounds.top, c)));
    return { address: label ?? boundsAddress(sheet.name, bounds), headers };
  }

  /** Notes a change for onChanged handlers when events are on (delivered after the sync). */
  changed(sheet: GridSheet, address: string, source: "Local" | "Remote" = "Local"): void {
    if (this.eventsEnabled) this.pendingEvents.push({ sheet, address, source });
  }

  deliverEvents(): void {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    for (const e of events) {
      const args: ChangeEvent = {
        worksheetId: e.sheet.id,
        address: e.address,
        changeType: "RangeEdited",
        source: e.source,
        type: "WorksheetChanged",
      };
      for (const r of this.registrations) {
        if (r.active && (r.sheetId === null || r.sheetId === e.sheet.id)) void r.handler(args);
      }
    }
  }

  /** The user types `value` into `address` of `sheet` (onChanged fires when the add-in has events on). */
  userEdit(sheet: string, address: string, value: GridValue): void {
    const s = this.sheet(sheet);
    const b = parseBounds(address);
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) enter(writableCell(s, r, c), value);
    this.changed(s, localAddress(b));
    this.deliverEvents();
  }

  /** The user renames a sheet (double-click on its tab); no change event. */
  userRenameSheet(sheet: string, name: string): void {
    this.sheet(sheet).name = name;
  }

  /** The user inserts `count` whole rows above `row` (Home › Insert › Insert Sheet Rows). */
  userInsertRows(sheet: string, row: number, count = 1): void {
    const s = this.sheet(sheet);
    insertRows(s, { top: row, bottom: row + count - 1, left: 1, right: COL_LIMIT });
    this.changed(s, `${row}:${row + count - 1}`);
    this.deliverEvents();
  }

  /** The user deletes `count` whole rows from `row` (Home › Delete › Delete Sheet Rows). */
  userDeleteRows(sheet: string, row: number, count = 1): void {
    const s = this.sheet(sheet);
    deleteRows(s, { top: row, bottom: row + count - 1, left: 1, right: COL_LIMIT });
    this.changed(s, `${row}:${row + count - 1}`);
    this.deliverEvents();
  }

  /** The user sorts `address` (Data › Sort) by the fields, the first row kept as headers when asked. */
  userSort(sheet: string, address: string, fields: readonly SortField[], hasHeaders = false): void {
    const s = this.sheet(sheet);
    sortRows(s, parseBounds(address), fields, hasHeaders, false);
    this.changed(s, address);
    this.deliverEvents();
  }

  /** The user sets (or, with null, removes) the fill of `address` (Home › Fill Color); no change event. */
  userFill(sheet: string, address: string, color: string | null): void {
    const s = this.sheet(sheet);
    const b = parseBounds(address);
    for (let r = b.top; r <= b.bottom; r++)
      for (let c = b.left; c <= b.right; c++)
        writableCell(s, r, c).fill =
          color === null ? null : { color: color.toUpperCase(), pattern: "Solid", patternColor: null };
  }

  /** The user adds a conditional format of their own (Home › Conditional Formatting › New Rule). */
  userConditionalFormat(sheet: string, address: string, formula: string, fill: string): GridConditionalFormat {
    const s = this.sheet(sheet);
    const cf: GridConditionalFormat = {
      id: newConditionalFormatId(),
      bounds: parseBounds(address),
      type: "Custom",
      formula,
      rule: null,
      fill: fill.toUpperCase(),
      font: null,
      stopIfTrue: false,
      rank: Math.min(0, ...s.conditionalFormats.map((x) => x.rank)) - 1,
    };
    s.conditionalFormats.push(cf);
    return cf;
  }

  /** The workbook closed and opened again: every conditional format gets a new id, as in a new session. */
  reopen(): void {
    for (const s of this.grid.sheets) for (const cf of s.conditionalFormats) cf.id = newConditionalFormatId();
  }

  /** Every conditional format as "sheet!A1:B2 type formula fill", by sheet and priority, for comparisons. */
  conditionalFormatList(): string[] {
    return this.grid.sheets.flatMap((s) =>
      byPriority(s).map(
        (cf) => `${s.name}!${localAddress(cf.bounds)} ${cf.type} ${cf.formula ?? JSON.stringify(cf.rule)} ${cf.fill}`,
      ),
    );
  }

  /** The conditional-format fills over a cell, top priority first (what Excel shows when their rules hold). */
  conditionalFillsAt(sheet: string, cell: string): string[] {
    const s = this.sheet(sheet);
    const b = parseBounds(cell);
    return byPriority(s)
      .filter(
        (cf) =>
          cf.bounds.top <= b.top && cf.bounds.bottom >= b.top && cf.bounds.left <= b.left && cf.bounds.right >= b.left,
      )
      .map((cf) => cf.fill ?? "");
  }

  failAtSync(n: number, error: Error): void {
    this.failures.set(n, error);
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.payloads = [];
    this.stats.requests = [];
    this.failures.clear();
  }

  /** Every cell's fill, keyed "sheet!A1", for before/after comparisons. */
  fills(): Map<string, GridFill | null> {
    const out = new Map<string, GridFill | null>();
    for (const s of this.grid.sheets) {
      for (const [key, cell] of s.cells) {
        if (cell.fill)
          out.set(`${s.name}!${cellAddress(Math.floor(key / COL_LIMIT), key % COL_LIMIT)}`, { ...cell.fill });
      }
    }
    return out;
  }

  /** A sheet's values as Office reports them, rows × columns from A1 to the last used cell. */
  valuesOf(sheet: string): GridValue[][] {
    const s = this.sheet(sheet);
    let rows = 0;
    let cols = 0;
    for (const [key, cell] of s.cells) {
      if (cell.value === "" && cell.formula === undefined) continue;
      rows = Math.max(rows, Math.floor(key / COL_LIMIT));
      cols = Math.max(cols, key % COL_LIMIT);
    }
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cellValue(s, r + 1, c + 1)));
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
  if (Array.isArray(o["richText"]))
    return (o["richText"] as Array<{ text?: string }>).map((r) => r.text ?? "").join("");
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
  return {
    color: argbColor(fill.fgColor) ?? "#000000",
    pattern,
    patternColor: fill.pattern === "solid" ? null : argbColor(fill.bgColor),
  };
}

function parseMerge(range: string): MergeRange | null {
  try {
    return parseBounds(range);
  } catch {
    return null;
  }
}

/** The file's expression rules as Custom conditional formats, in the file's priority order. */
function fileConditionalFormats(ws: ExcelJS.Worksheet): GridConditionalFormat[] {
  const out: GridConditionalFormat[] = [];
  const list = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
  for (const cf of list ?? []) {
    const bounds = parseMerge(cf.ref.split(" ")[0] ?? "");
    if (!bounds) continue;
    for (const rule of cf.rules) {
      if (rule.type !== "expression") continue;
      const fill = rule.style?.fill;
      const color = fill && fill.type === "pattern" ? argbColor(fill.bgColor ?? fill.fgColor) : null;
      out.push({
        id: newConditionalFormatId(),
        bounds,
        type: "Custom",
        formula: `=${rule.formulae?.[0] ?? ""}`,
        rule: null,
        fill: color,
        font: argbColor(rule.style?.font?.color),
        stopIfTrue: false,
        rank: rule.priority ?? out.length,
      });
    }
  }
  return out;
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
    const merges = ((ws.model as { merges?: string[] }).merges ?? [])
      .map(parseMerge)
      .filter((m): m is MergeRange => m !== null);
    const sheet = newGridSheet(ws.name, cells, merges);
    sheet.visibility = ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
    sheet.conditionalFormats.push(...fileConditionalFormats(ws));
    return sheet;
  });
  return { name, sheets };
}

export async function fakeFromXlsx(file: string): Promise<FakeExcel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const base = file.split(/[\\/]/).pop() ?? file;
  return new FakeExcel(gridFromWorkbook(wb, base));
}
