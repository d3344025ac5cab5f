/**
 * The Excel fake's tables, data validation, PivotTables, charts and page layout: each call
 * queues its request, applied to the grid (and recorded there for tests) at sync.
 */
import type { FakeContext, FakeRange, FakeWorksheet } from "./excel-fake";
import { FakeProxy } from "./fake-proxy";
import {
  FakeOfficeError,
  type GridPageBreak,
  type GridPivot,
  type GridSheet,
  type GridChart,
  type GridTable,
  type GridValidation,
  boundsAddress,
  invalidArgument,
  localAddress,
  notFound,
  notLoaded,
  parseBounds,
  splitProps,
} from "./fake-grid";

/** Queues `f` to run (against the grid) at sync. */
function queueAtSync(context: FakeContext, f: () => void): void {
  context.queue(() => {
    f();
    return 0;
  });
}

/**
 * Write-only properties as an Office.js proxy has them before `load`: setting one calls its setter (which queues
 * the write), reading one throws like an unloaded property.
 */
function writeOnly<T extends object>(setters: { [K in keyof T]: (value: T[K]) => void }): T {
  const props: PropertyDescriptorMap = {};
  for (const key of Object.keys(setters) as Array<keyof T & string>) {
    props[key] = {
      enumerable: true,
      set: setters[key],
      get: () => {
        throw notLoaded(key);
      },
    };
  }
  return Object.defineProperties({}, props) as T;
}

export class FakeTable extends FakeProxy {
  private table: GridTable | null = null;

  constructor(context: FakeContext, locate: () => GridTable | null, orNull: boolean) {
    super(context, ["name", "style"]);
    this.queueResolve(() => {
      this.table = locate();
      if (!this.table && !orNull) throw notFound();
      return this.table !== null;
    });
  }

  /** The recorded table, at sync time. */
  gridTable(): GridTable | null {
    return this.table;
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.write(() => {
      const t = this.table as GridTable;
      if (this.context.host.allTables().some((x) => x !== t && x.name.toLowerCase() === value.toLowerCase())) {
        throw new FakeOfficeError("InvalidArgument", "A table with the same name already exists.");
      }
      t.name = value;
    });
  }
  set style(value: string) {
    this.write(() => {
      (this.table as GridTable).style = value;
    });
  }

  protected fetch(prop: string): unknown {
    const t = this.table as GridTable;
    return prop === "name" ? t.name : t.style;
  }
}

export class FakeTableCollection extends FakeProxy {
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet | null,
  ) {
    super(context, ["items/name", "items"]);
    this.resolved = true;
  }

  override load(props?: string | string[]): this {
    const list = splitProps(props ?? "items").map((p) => (p.startsWith("items/") ? "items" : p));
    return super.load([...new Set(list)]);
  }

  get items(): Array<{ name: string }> {
    return this.read<string[]>("items").map((name) => ({ name }));
  }

  private scope(): GridTable[] {
    return this.worksheet ? this.worksheet.sheetOrThrow().tables : this.context.host.allTables();
  }

  protected fetch(): unknown {
    return this.scope().map((t) => t.name);
  }

  getItem(name: string): FakeTable {
    return new FakeTable(
      this.context,
      () => this.scope().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null,
      false,
    );
  }

  /** tables.add(address, hasHeaders): a table over the range; a range on another sheet names it ("S!A2:C9"). */
  add(address: string, hasHeaders: boolean): FakeTable {
    const host = this.context.host;
    let created: GridTable | null = null;
    this.context.queue(() => {
      const bang = address.lastIndexOf("!");
      const sheet =
        bang >= 0
          ? host.findSheet(address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'"))
          : this.worksheet?.sheet();
      if (!sheet) throw notFound();
      const bounds = parseBounds(bang >= 0 ? address.slice(bang + 1) : address);
      const overlaps = sheet.tables.some(
        (t) =>
          t.bounds.top <= bounds.bottom &&
          t.bounds.bottom >= bounds.top &&
          t.bounds.left <= bounds.right &&
          t.bounds.right >= bounds.left,
      );
      if (overlaps) throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
      const taken = new Set(host.allTables().map((t) => t.name.toLowerCase()));
      let k = 1;
      while (taken.has(`table${k}`)) k++;
      created = { name: `Table${k}`, bounds, hasHeaders, style: "TableStyleMedium2" };
      sheet.tables.push(created);
      return 0;
    });
    return new FakeTable(this.context, () => created, false);
  }
}

export class FakeDataValidation {
  constructor(private readonly range: FakeRange) {}

  private record(patch: Partial<GridValidation>): void {
    this.range.onSync((sheet, bounds) => {
      let v = sheet.validations.find((x) => localAddress(x.bounds) === localAddress(bounds));
      if (!v) {
        // A new rule over cells that had one replaces theirs (Office keeps one validation per cell).
        for (let i = sheet.validations.length - 1; i >= 0; i--) {
          const b = (sheet.validations[i] as GridValidation).bounds;
          if (b.top >= bounds.top && b.bottom <= bounds.bottom && b.left >= bounds.left && b.right <= bounds.right)
            sheet.validations.splice(i, 1);
        }
        v = { bounds, rule: null, prompt: null, errorAlert: null, ignoreBlanks: null };
        sheet.validations.push(v);
      }
      Object.assign(v, patch);
    });
  }

  set rule(rule: Record<string, unknown>) {
    const kinds = Object.keys(rule);
    if (kinds.length !== 1) throw invalidArgument("a data validation rule has exactly one type");
    this.record({ rule: JSON.parse(JSON.stringify(rule)) as Record<string, unknown> });
  }
  set prompt(prompt: Record<string, unknown>) {
    this.record({ prompt: { ...prompt } });
  }
  set errorAlert(alert: Record<string, unknown>) {
    this.record({ errorAlert: { ...alert } });
  }
  set ignoreBlanks(value: boolean) {
    this.record({ ignoreBlanks: value });
  }

  clear(): void {
    this.range.onSync((sheet, bounds) => {
      for (let i = sheet.validations.length - 1; i >= 0; i--) {
        const b = (sheet.validations[i] as GridValidation).bounds;
        if (b.top <= bounds.bottom && b.bottom >= bounds.top && b.left <= bounds.right && b.right >= bounds.left)
          sheet.validations.splice(i, 1);
      }
    });
  }
}

interface FakeHierarchy {
  readonly name: string;
}

export class FakePivotTable {
  readonly hierarchies: { getItem(name: string): FakeHierarchy };
  readonly rowHierarchies: { add(h: FakeHierarchy): void };
  readonly columnHierarchies: { add(h: FakeHierarchy): void };
  readonly dataHierarchies: { add(h: FakeHierarchy): { summarizeBy: string; name: string } };

  constructor(context: FakeContext, record: () => GridPivot, fields: () => string[]) {
    const queue = (f: () => void): void => queueAtSync(context, f);
    const check = (name: string): void => {
      if (!fields().includes(name)) throw notFound();
    };
    this.hierarchies = { getItem: (name: string) => ({ name }) };
    this.rowHierarchies = { add: (h) => queue(() => (check(h.name), record().rows.push(h.name))) };
    this.columnHierarchies = { add: (h) => queue(() => (check(h.name), record().columns.push(h.name))) };
    this.dataHierarchies = {
      add: (h) => {
        const entry = { field: h.name, summarizeBy: "Sum" };
        queue(() => (check(h.name), record().data.push(entry)));
        return writeOnly<{ summarizeBy: string; name: string }>({
          summarizeBy: (value) => queue(() => (entry.summarizeBy = value)),
          name: () => queue(() => undefined),
        });
      },
    };
  }
}

export class FakePivotTableCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {}

  /** pivotTables.add(name, source (range or table or address), destination (range or address)). */
  add(name: string, source: FakeRange | FakeTable | string, destination: FakeRange | string): FakePivotTable {
    this.context.host.requires("1.8", "pivotTables.add");
    const host = this.context.host;
    let record: GridPivot | null = null;
    let headers: string[] = [];
    this.context.queue(() => {
      const sheet = this.worksheet.sheetOrThrow();
      if (host.grid.sheets.some((s) => s.pivots.some((p) => p.name.toLowerCase() === name.toLowerCase()))) {
        throw new FakeOfficeError("InvalidArgument", "A PivotTable with the same name already exists.");
      }
      const src = host.resolveSource(source);
      headers = src.headers;
      if (headers.some((h) => h === ""))
        throw new FakeOfficeError("InvalidArgument", "The PivotTable field name is not valid.");
      const dest = typeof destination === "string" ? destination : localAddress(destination.located().bounds);
      record = { name, source: src.address, destination: dest, rows: [], columns: [], data: [] };
      sheet.pivots.push(record);
      return 0;
    });
    return new FakePivotTable(
      this.context,
      () => record as GridPivot,
      () => headers,
    );
  }
}

export class FakeChartCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {}

  add(
    type: string,
    source: FakeRange,
    seriesBy = "Auto",
  ): { title: { text: string }; setPosition(start: string, end?: string): void } {
    const record: GridChart = { type, source: "", seriesBy, title: null, position: null };
    const queue = (f: () => void): void => queueAtSync(this.context, f);
    queue(() => {
      const { sheet, bounds } = source.located();
      record.source = boundsAddress(sheet.name, bounds);
      this.worksheet.sheetOrThrow().charts.push(record);
    });
    return {
      title: writeOnly<{ text: string }>({ text: (value) => queue(() => (record.title = value)) }),
      setPosition: (start: string, end?: string) => queue(() => (record.position = end ? `${start}:${end}` : start)),
    };
  }
}

/** What the fake's `worksheet.pageLayout` takes: the properties the adapter sets, print titles, area and footer. */
export type FakePageLayout = {
  orientation: string;
  paperSize: string;
  centerHorizontally: boolean;
  zoom: Record<string, unknown>;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
} & {
  setPrintTitleRows(rows: string): void;
  /** Recorded as the address given ("A1:F120"), or the range's local address. */
  setPrintArea(area: string | FakeRange): void;
  /** `headersFooters.defaultForAllPages.centerFooter` etc., recorded under the property's name. */
  readonly headersFooters: { readonly defaultForAllPages: FakeHeaderFooter };
};

const HEADER_FOOTER_PROPS = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
] as const;

export type FakeHeaderFooter = Record<(typeof HEADER_FOOTER_PROPS)[number], string>;

const PAGE_LAYOUT_PROPS = [
  "orientation",
  "paperSize",
  "centerHorizontally",
  "zoom",
  "leftMargin",
  "rightMargin",
  "topMargin",
  "bottomMargin",
  "headerMargin",
  "footerMargin",
] as const;

export function fakePageLayout(context: FakeContext, worksheet: FakeWorksheet): FakePageLayout {
  const set = (key: string, value: unknown): void =>
    queueAtSync(context, () => {
      worksheet.sheetOrThrow().pageLayout[key] = value;
    });
  const layout = writeOnly<Omit<FakePageLayout, "setPrintTitleRows" | "setPrintArea" | "headersFooters">>(
    Object.fromEntries(
      PAGE_LAYOUT_PROPS.map((key) => [
        key,
        (value: unknown) => set(key, key === "zoom" ? { ...(value as Record<string, unknown>) } : value),
      ]),
    ) as { [K in (typeof PAGE_LAYOUT_PROPS)[number]]: (value: FakePageLayout[K]) => void },
  );
  const footer = writeOnly<FakeHeaderFooter>(
    Object.fromEntries(HEADER_FOOTER_PROPS.map((key) => [key, (value: string) => set(key, value)])) as {
      [K in (typeof HEADER_FOOTER_PROPS)[number]]: (value: string) => void;
    },
  );
  return Object.assign(layout, {
    setPrintTitleRows: (rows: string) => set("printTitleRows", rows),
    setPrintArea: (area: string | FakeRange) => {
      if (typeof area === "string") {
        parseBounds(area);
        set("printArea", area);
      } else
        queueAtSync(
          context,
          () => (worksheet.sheetOrThrow().pageLayout["printArea"] = localAddress(area.located().bounds)),
        );
    },
    headersFooters: { defaultForAllPages: footer },
  });
}

/** A manual page break (ExcelApi 1.9); `rowIndex`/`columnIndex` are 0-based, of the first cell after it. */
export class FakePageBreak extends FakeProxy {
  private found: { sheet: GridSheet; brk: GridPageBreak } | null = null;

  constructor(context: FakeContext, locate: () => { sheet: GridSheet; brk: GridPageBreak } | null) {
    super(context, ["rowIndex", "columnIndex"]);
    this.queueResolve(() => {
      this.found = locate();
      if (!this.found) throw notFound();
      return true;
    });
  }

  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }

  delete(): void {
    this.write(() => {
      const f = this.found;
      if (f) f.sheet.pageBreaks.splice(f.sheet.pageBreaks.indexOf(f.brk), 1);
    });
  }

  protected fetch(prop: string): unknown {
    const brk = (this.found as { brk: GridPageBreak }).brk;
    return prop === "rowIndex" ? brk.row - 1 : brk.column - 1;
  }
}

/**
 * `worksheet.horizontalPageBreaks` (ExcelApi 1.9): `add(range)` breaks the page before the range's top row (one
 * break per row); `getCount()`, `getItem(index)` and `load("items")` are readable after a sync, like Office's.
 */
export class FakePageBreakCollection extends FakeProxy {
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context, ["items"]);
    this.resolved = true;
  }

  override load(props?: string | string[]): this {
    return super.load(
      splitProps(props ?? "items").some((p) => p === "items" || p.startsWith("items/")) ? "items" : props,
    );
  }

  private scope(): GridSheet {
    return this.worksheet.sheetOrThrow();
  }

  add(pageBreakRange: FakeRange | string): FakePageBreak {
    if (typeof pageBreakRange === "string") parseBounds(pageBreakRange);
    let added: GridPageBreak | null = null;
    this.context.queue(() => {
      const sheet = this.scope();
      let bounds;
      if (typeof pageBreakRange === "string") bounds = parseBounds(pageBreakRange);
      else {
        const located = pageBreakRange.located();
        if (located.sheet !== sheet) throw invalidArgument("the range is on another worksheet");
        bounds = located.bounds;
      }
      added = sheet.pageBreaks.find((b) => b.row === bounds.top) ?? null;
      if (!added) {
        added = { row: bounds.top, column: bounds.left };
        sheet.pageBreaks.push(added);
      }
      return 0;
    });
    return new FakePageBreak(this.context, () => (added ? { sheet: this.scope(), brk: added } : null));
  }

  getItem(index: number): FakePageBreak {
    return new FakePageBreak(this.context, () => {
      const sheet = this.scope();
      const brk = sheet.pageBreaks[index];
      return brk ? { sheet, brk } : null;
    });
  }

  getCount(): { value: number } {
    let count: number | null = null;
    this.context.queue(() => {
      count = this.scope().pageBreaks.length;
      return 8;
    });
    return {
      get value(): number {
        if (count === null)
          throw new FakeOfficeError("PropertyNotLoaded", "The value of the result object has not been loaded yet.");
        return count;
      },
    };
  }

  get items(): FakePageBreak[] {
    return this.read<GridPageBreak[]>("items").map((brk) =>
      new FakePageBreak(this.context, () => ({ sheet: this.scope(), brk })).preset({
        rowIndex: brk.row - 1,
        columnIndex: brk.column - 1,
      }),
    );
  }

  removePageBreaks(): void {
    queueAtSync(this.context, () => this.scope().pageBreaks.splice(0));
  }

  protected fetch(): unknown {
    return this.scope().pageBreaks.map((b) => ({ ...b }));
  }
}
