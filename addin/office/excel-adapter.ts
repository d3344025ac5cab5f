/**
 * The host port over Office.js (SPEC §6, §7, §8). The only module that talks to Excel; it never touches the
 * `Excel`/`Office` globals itself: the caller passes `run` (e.g. `(batch) => Excel.run(batch)`) and
 * `isSetSupported` (e.g. `(set, v) => Office.context.requirements.isSetSupported(set, v)`).
 *
 * Sync budget:
 * - readWorkbook: 1 sync for the sheet names, 1 for every sheet's used-range size, then the values and number
 *   formats of all sheets in as few syncs as keep each response under `maxPayloadBytes` (one for an ordinary
 *   workbook; a big sheet is read in row blocks). readSheet skips the names sync.
 * - applyMarks: 1 sync to read the current fills of all marked cells, 1 to set them. clearMarks: 1.
 * Host errors are never caught here: they reject the returned promise with the host's own error.
 */
import type { CellValue, MergeRange, SheetSnapshot, WorkbookSnapshot } from "../../src/core/types";
import type { ValidationResult } from "../../src/core/engine";
import { cellAddress } from "../../src/core/address";
import { type CellFill, type ExcelHost, type HostCapabilities, HostFeatureUnavailable, type InsertTemplateOptions, type InsertTemplateResult, type SummarySheetOptions, type SummarySheetResult, type ChangedRange, type Mark, type MarkRecord, type MarkedCell, MARK_COLORS, distinctMarks } from "./port";
import { dateFormatCache, parseAreasAddress, parseRangeAddress, toCellValue } from "./cells";

/** `Excel.run` as the adapter uses it. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelAdapterOptions {
  readonly run: ExcelRun;
  /** `Office.context.requirements.isSetSupported`; without it only ExcelApi 1.1–1.4 features are used. */
  readonly isSetSupported?: (name: string, minVersion: string) => boolean;
  /** Largest estimated response of one sync (default 5 MB, Excel on the web's limit). */
  readonly maxPayloadBytes?: number;
  /** Estimated response bytes per cell for `values` + `numberFormat` (default 24). */
  readonly bytesPerCell?: number;
}

export const MAX_PAYLOAD_BYTES = 5 * 1024 * 1024;
export const BYTES_PER_CELL = 24;

/** One row block of a sheet to load: rows [top, top + rows) of the used range's columns. */
interface Block {
  readonly sheet: number;
  readonly top: number;
  readonly rows: number;
  readonly whole: boolean;
  readonly bytes: number;
}

interface SheetShape {
  readonly name: string;
  readonly worksheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

/** Consecutive blocks packed into syncs whose estimated total stays within `max` (a block never splits). */
function packBlocks(blocks: readonly Block[], max: number): Block[][] {
  const groups: Block[][] = [];
  let current: Block[] = [];
  let bytes = 0;
  for (const b of blocks) {
    if (current.length > 0 && bytes + b.bytes > max) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(b);
    bytes += b.bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function snapshotRows(values: unknown[][], formats: unknown[][], into: CellValue[][], isDate: (f: string) => boolean): void {
  for (let r = 0; r < values.length; r++) {
    const vr = values[r] ?? [];
    const fr = formats[r] ?? [];
    const row: CellValue[] = new Array<CellValue>(vr.length);
    for (let c = 0; c < vr.length; c++) row[c] = toCellValue(vr[c], fr[c], isDate);
    into.push(row);
  }
}

function previousFill(color: string | null | undefined, pattern: string | null | undefined, patternColor: string | null | undefined, hasPattern: boolean): CellFill {
  if (hasPattern) {
    if (pattern === "None" || pattern === null || pattern === undefined) return null;
    const fill: { color: string; pattern: string; patternColor?: string } = { color: color ?? "#FFFFFF", pattern };
    if (pattern !== "Solid" && typeof patternColor === "string") fill.patternColor = patternColor;
    return fill;
  }
  // Before ExcelApi 1.9 "no fill" reads as white; it is taken as no fill (a white fill comes back as none).
  if (color === null || color === undefined || color.toUpperCase() === "#FFFFFF") return null;
  return { color };
}

/** The fill proxy of a cell, one worksheet proxy per sheet name (no sync: proxies only). */
function cellFills(context: Excel.RequestContext): (sheet: string, cell: string) => Excel.RangeFill {
  const worksheets = new Map<string, Excel.Worksheet>();
  return (sheet, cell) => {
    const cached = worksheets.get(sheet);
    const worksheet = cached ?? context.workbook.worksheets.getItem(sheet);
    if (!cached) worksheets.set(sheet, worksheet);
    return worksheet.getRange(cell).format.fill;
  };
}

export class ExcelAdapter implements ExcelHost {
  private readonly run: ExcelRun;
  private readonly supported: (name: string, minVersion: string) => boolean;
  private readonly maxPayload: number;
  private readonly perCell: number;

  constructor(options: ExcelAdapterOptions) {
    this.run = options.run;
    this.supported = options.isSetSupported ?? (() => false);
    this.maxPayload = options.maxPayloadBytes ?? MAX_PAYLOAD_BYTES;
    this.perCell = options.bytesPerCell ?? BYTES_PER_CELL;
  }

  readWorkbook(): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const withName = this.supported("ExcelApi", "1.7");
      if (withName) context.workbook.load("name");
      await context.sync();
      const name = withName ? context.workbook.name : "";
      const sheets = await this.readSheets(context, worksheets.items.map((ws) => ({ name: ws.name, worksheet: ws })));
      return { name, sheets };
    });
  }

  readSheet(name: string): Promise<SheetSnapshot> {
    return this.run(async (context) => {
      // getItem: a missing sheet is the host's ItemNotFound error at the first sync, surfaced as is.
      const worksheet = context.workbook.worksheets.getItem(name);
      const [sheet] = await this.readSheets(context, [{ name, worksheet }]);
      if (!sheet) throw new Error(`no sheet ${name}`);
      return sheet;
    });
  }

  /** Sizes of all used ranges in one sync, then values + formats (+ merges) in payload-bounded syncs. */
  private async readSheets(context: Excel.RequestContext, sheets: ReadonlyArray<{ name: string; worksheet: Excel.Worksheet }>): Promise<SheetSnapshot[]> {
    const used = sheets.map((s) => {
      const range = s.worksheet.getUsedRangeOrNullObject(true);
      range.load("address, rowCount, columnCount");
      return range;
    });
    await context.sync();

    const shapes: Array<SheetShape | null> = sheets.map((s, i) => {
      const range = used[i] as Excel.Range;
      if (range.isNullObject) return null;
      const corner = parseRangeAddress(range.address);
      if (!corner) throw new Error(`${s.name}: unexpected used range address ${range.address}`);
      return { name: s.name, worksheet: s.worksheet, used: range, top: corner.top, left: corner.left, rows: range.rowCount, cols: range.columnCount };
    });

    const blocks: Block[] = [];
    shapes.forEach((shape, i) => {
      if (!shape) return;
      const rowBytes = Math.max(1, shape.cols * this.perCell);
      const step = Math.max(1, Math.floor(this.maxPayload / rowBytes));
      for (let top = 0; top < shape.rows; top += step) {
        const rows = Math.min(step, shape.rows - top);
        blocks.push({ sheet: i, top, rows, whole: rows === shape.rows, bytes: rows * rowBytes });
      }
    });
    const groups = packBlocks(blocks, this.maxPayload);

    const withMerges = this.supported("ExcelApi", "1.13");
    const merged: Array<Excel.RangeAreas | null> = shapes.map((shape) => {
      if (!shape || !withMerges) return null;
      const areas = shape.used.getMergedAreasOrNullObject();
      areas.load("address");
      return areas;
    });

    const rows: CellValue[][][] = shapes.map(() => []);
    const isDate = dateFormatCache();
    // One sync per payload-bounded group of row blocks (a handful at most, never one per row). The merged areas
    // queued above go out with the first group; with no data at all they still need their own sync.
    const loadGroup = async (g: number): Promise<void> => {
      const group = groups[g] ?? [];
      const ranges = group.map((b) => {
        const shape = shapes[b.sheet] as SheetShape;
        const range = b.whole
          ? shape.used
          : shape.worksheet.getRange(`${cellAddress(shape.top + b.top, shape.left)}:${cellAddress(shape.top + b.top + b.rows - 1, shape.left + shape.cols - 1)}`);
        range.load("values, numberFormat");
        return range;
      });
      await context.sync();
      group.forEach((b, k) => {
        const range = ranges[k] as Excel.Range;
        snapshotRows(range.values as unknown[][], range.numberFormat as unknown[][], rows[b.sheet] as CellValue[][], isDate);
      });
      if (g + 1 < groups.length) await loadGroup(g + 1);
    };
    if (groups.length > 0) await loadGroup(0);
    else if (merged.some((m) => m !== null)) await context.sync();

    return sheets.map((s, i) => {
      const shape = shapes[i];
      if (!shape) return { name: s.name, values: [], originRow: 1, originCol: 1, merges: [] };
      const areas = merged[i];
      const merges: MergeRange[] = areas && !areas.isNullObject ? parseAreasAddress(areas.address) : [];
      return { name: s.name, values: rows[i] ?? [], originRow: shape.top, originCol: shape.left, merges };
    });
  }

  applyMarks(marks: readonly Mark[]): Promise<MarkRecord> {
    const cells = distinctMarks(marks);
    if (cells.length === 0) return Promise.resolve({ cells: [] });
    const withPattern = this.supported("ExcelApi", "1.9");
    return this.run(async (context) => {
      const fillOf = cellFills(context);
      const fills = cells.map((m) => {
        const fill = fillOf(m.sheet, m.cell);
        fill.load(withPattern ? "color, pattern, patternColor" : "color");
        return fill;
      });
      await context.sync();
      const record: MarkedCell[] = cells.map((m, i) => {
        const fill = fills[i] as Excel.RangeFill;
        const previous = withPattern ? previousFill(fill.color, fill.pattern, fill.patternColor, true) : previousFill(fill.color, null, null, false);
        return { sheet: m.sheet, cell: m.cell, previous };
      });
      cells.forEach((m, i) => {
        (fills[i] as Excel.RangeFill).color = MARK_COLORS[m.severity];
      });
      await context.sync();
      return { cells: record };
    });
  }

  clearMarks(record: MarkRecord): Promise<void> {
    if (record.cells.length === 0) return Promise.resolve();
    return this.run(async (context) => {
      const fillOf = cellFills(context);
      for (const m of record.cells) {
        const fill = fillOf(m.sheet, m.cell);
        const previous = m.previous;
        if (previous === null) {
          fill.clear();
          continue;
        }
        fill.color = previous.color;
        if (previous.pattern !== undefined && previous.pattern !== "Solid") {
          fill.pattern = previous.pattern as Excel.FillPattern;
          if (previous.patternColor !== undefined) fill.patternColor = previous.patternColor;
        }
      }
      await context.sync();
    });
  }

  capabilities(): HostCapabilities {
    const v18 = this.supported("ExcelApi", "1.8");
    return {
      insertTemplate: v18,
      conditionalFormats: this.supported("ExcelApi", "1.6"),
      pivotTables: v18,
      charts: this.supported("ExcelApi", "1.1"),
      createWorkbook: this.supported("ExcelApi", "1.8"),
      onChanged: this.supported("ExcelApi", "1.7"),
    };
  }

  activeSheet(): Promise<string> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      await context.sync();
      return ws.name;
    });
  }

  insertTemplate(_options: InsertTemplateOptions): Promise<InsertTemplateResult> {
    return Promise.reject(new HostFeatureUnavailable("insertTemplate", "not built yet"));
  }

  writeSettings(_values: Readonly<Record<string, string | number>>): Promise<void> {
    return Promise.reject(new HostFeatureUnavailable("insertTemplate", "not built yet"));
  }

  writeSummarySheet(_result: ValidationResult, _options: SummarySheetOptions): Promise<SummarySheetResult> {
    return Promise.reject(new HostFeatureUnavailable("pivotTables", "not built yet"));
  }

  openNewWorkbook(_base64: string): Promise<void> {
    return Promise.reject(new HostFeatureUnavailable("createWorkbook", "not built yet"));
  }

  watchChanges(_handler: (changes: readonly ChangedRange[]) => void): Promise<() => Promise<void>> {
    return Promise.reject(new HostFeatureUnavailable("onChanged", "not built yet"));
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(cell).select();
      await context.sync();
    });
  }
}

export function createExcelAdapter(options: ExcelAdapterOptions): ExcelHost {
  return new ExcelAdapter(options);
}
