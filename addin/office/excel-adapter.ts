/**
 * The host port over Office.js (SPEC §6, §7, §8). The only module that talks to Excel; it never touches the
 * `Excel`/`Office` globals itself: the caller passes `run` (e.g. `(batch) => Excel.run(batch)`) and
 * `isSetSupported` (e.g. `(set, v) => Office.context.requirements.isSetSupported(set, v)`).
 *
 * Sync budget:
 * - readWorkbook: 1 sync for the sheet names, 1 for every sheet's used-range size, then the values and number
 *   formats of all sheets in as few syncs as keep each response under `maxPayloadBytes` (one for an ordinary
 *   workbook; a big sheet is read in row blocks). readSheet skips the names sync.
 * - applyMarks: 1 sync; clearMarks: 2, and 1 more when there are marks to delete (see marks.ts).
 * - applyFixes and undoFixes: 1 sync to read the cells, 1 more to write when a cell is to be written (fixes.ts).
 * - insertTemplate ≤ 3 (names; the 选项 lists when needed; the write), writeSettings ≤ 3, writeSummarySheet 2,
 *   openNewWorkbook 1, watchChanges 1 (ExcelApi 1.9) or 2 (1.7) and 1 to stop (see each module).
 * Every write runs with runtime events off (ExcelApi 1.8), so onChanged handlers see only the user's edits.
 * Host errors are never caught here: they reject the returned promise with the host's own error.
 */
import type { CellValue, MergeRange, SheetSnapshot, WorkbookSnapshot } from "../../src/core/types";
import type { ValidationResult } from "../../src/core/engine";
import type { Fix } from "../../src/core/fixes";
import { cellAddress } from "../../src/core/address";
import {
  type ActiveSheetRead,
  type ExcelHost,
  type HostCapabilities,
  HostFeatureUnavailable,
  type InsertTemplateOptions,
  type InsertTemplateResult,
  type SummarySheetOptions,
  type SummarySheetResult,
  type ChangedRange,
  type Mark,
  type MarkRecord,
  type FixGuard,
  type FixOutcome,
  type FixRecord,
  type UndoOutcome,
  distinctMarks,
} from "./port";
import { applyMarks, clearMarks } from "./marks";
import { applyFixes, undoFixes } from "./fixes";
import { dateFormatCache, parseAreasAddress, parseRangeAddress, toCellValue } from "./cells";
import type { PlanFeatures } from "./plan-writer";
import { insertTemplate } from "./insert-template";
import { writeSettings } from "./settings-sheet";
import { writeSummarySheet } from "./summary-sheet";
import { watchCollection, watchEachSheet } from "./watch-changes";

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
  /**
   * `Excel.createWorkbook` (ExcelApi 1.8) when the caller prefers the documented global; without it the adapter
   * uses Application.createWorkbook(base64).open() on its own context.
   */
  readonly createWorkbook?: (base64: string) => Promise<void>;
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

function snapshotRows(
  values: unknown[][],
  formats: unknown[][],
  into: CellValue[][],
  isDate: (f: string) => boolean,
): void {
  for (let r = 0; r < values.length; r++) {
    const vr = values[r] ?? [];
    const fr = formats[r] ?? [];
    const row: CellValue[] = new Array<CellValue>(vr.length);
    for (let c = 0; c < vr.length; c++) row[c] = toCellValue(vr[c], fr[c], isDate);
    into.push(row);
  }
}

export class ExcelAdapter implements ExcelHost {
  private readonly run: ExcelRun;
  private readonly supported: (name: string, minVersion: string) => boolean;
  private readonly maxPayload: number;
  private readonly perCell: number;
  private readonly createWorkbook: ((base64: string) => Promise<void>) | undefined;

  constructor(options: ExcelAdapterOptions) {
    this.createWorkbook = options.createWorkbook;
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
      const sheets = await this.readSheets(
        context,
        worksheets.items.map((ws) => ({ name: ws.name, worksheet: ws })),
      );
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
  private async readSheets(
    context: Excel.RequestContext,
    sheets: ReadonlyArray<{ name: string; worksheet: Excel.Worksheet }>,
  ): Promise<SheetSnapshot[]> {
    const used = sheets.map((s) => {
      const range = s.worksheet.getUsedRangeOrNullObject(true);
      range.load("address, rowCount, columnCount");
      s.worksheet.load("visibility");
      return range;
    });
    await context.sync();
    const hidden = sheets.map((s) => s.worksheet.visibility !== "Visible");

    const shapes: Array<SheetShape | null> = sheets.map((s, i) => {
      const range = used[i] as Excel.Range;
      if (range.isNullObject) return null;
      const corner = parseRangeAddress(range.address);
      if (!corner) throw new Error(`${s.name}: unexpected used range address ${range.address}`);
      return {
        name: s.name,
        worksheet: s.worksheet,
        used: range,
        top: corner.top,
        left: corner.left,
        rows: range.rowCount,
        cols: range.columnCount,
      };
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
          : shape.worksheet.getRange(
              `${cellAddress(shape.top + b.top, shape.left)}:${cellAddress(shape.top + b.top + b.rows - 1, shape.left + shape.cols - 1)}`,
            );
        range.load("values, numberFormat");
        return range;
      });
      await context.sync();
      group.forEach((b, k) => {
        const range = ranges[k] as Excel.Range;
        snapshotRows(
          range.values as unknown[][],
          range.numberFormat as unknown[][],
          rows[b.sheet] as CellValue[][],
          isDate,
        );
      });
      if (g + 1 < groups.length) await loadGroup(g + 1);
    };
    if (groups.length > 0) await loadGroup(0);
    else if (merged.some((m) => m !== null)) await context.sync();

    return sheets.map((s, i) => {
      const shape = shapes[i];
      const flag = hidden[i] ? { hidden: true } : {};
      if (!shape) return { name: s.name, values: [], originRow: 1, originCol: 1, merges: [], ...flag };
      const areas = merged[i];
      const merges: MergeRange[] = areas && !areas.isNullObject ? parseAreasAddress(areas.address) : [];
      return { name: s.name, values: rows[i] ?? [], originRow: shape.top, originCol: shape.left, merges, ...flag };
    });
  }

  applyMarks(marks: readonly Mark[]): Promise<MarkRecord> {
    if (!this.supported("ExcelApi", "1.6"))
      return Promise.reject(new HostFeatureUnavailable("conditionalFormats", "ExcelApi 1.6"));
    if (distinctMarks(marks).length === 0) return Promise.resolve({ cells: [] });
    return this.run((context) => applyMarks(context, this.events, marks));
  }

  async clearMarks(record: MarkRecord): Promise<void> {
    if (!this.supported("ExcelApi", "1.6")) throw new HostFeatureUnavailable("conditionalFormats", "ExcelApi 1.6");
    if (record.cells.length === 0) return;
    await this.run((context) => clearMarks(context, this.events));
  }

  applyFixes(fixes: readonly Fix[], guards: readonly FixGuard[] = []): Promise<FixOutcome> {
    if (fixes.length === 0) return Promise.resolve({ record: { cells: [] }, refused: [] });
    return this.run((context) => applyFixes(context, this.events, fixes, guards));
  }

  undoFixes(record: FixRecord): Promise<UndoOutcome> {
    if (record.cells.length === 0) return Promise.resolve({ restored: 0, refused: [] });
    return this.run((context) => undoFixes(context, this.events, record));
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

  readActiveSheet(beside: readonly string[]): Promise<ActiveSheetRead> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const active = worksheets.getActiveWorksheet();
      active.load("name");
      const others = beside.map((name) => ({ name, worksheet: worksheets.getItemOrNullObject(name) }));
      await context.sync();
      const same = active.name.toLowerCase();
      const found = others.filter((o) => !o.worksheet.isNullObject && o.name.toLowerCase() !== same);
      const [sheet, ...rest] = await this.readSheets(context, [{ name: active.name, worksheet: active }, ...found]);
      if (!sheet) throw new Error(`no sheet ${active.name}`);
      return { sheet, beside: rest };
    });
  }

  activeSheet(): Promise<string> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      await context.sync();
      return ws.name;
    });
  }

  /** What plan writing may use here. */
  private planFeatures(): PlanFeatures {
    return {
      dataValidation: this.supported("ExcelApi", "1.8"),
      conditionalFormats: this.supported("ExcelApi", "1.6"),
      freezePanes: this.supported("ExcelApi", "1.7"),
      pageLayout: this.supported("ExcelApi", "1.9"),
    };
  }

  private get events(): boolean {
    return this.supported("ExcelApi", "1.8");
  }

  insertTemplate(options: InsertTemplateOptions): Promise<InsertTemplateResult> {
    if (!this.supported("ExcelApi", "1.8"))
      return Promise.reject(new HostFeatureUnavailable("insertTemplate", "ExcelApi 1.8"));
    return this.run((context) =>
      insertTemplate(
        { context, features: this.planFeatures(), events: true, maxPayloadBytes: this.maxPayload },
        options,
      ),
    );
  }

  writeSettings(values: Readonly<Record<string, string | number>>): Promise<void> {
    if (!this.supported("ExcelApi", "1.4"))
      return Promise.reject(new HostFeatureUnavailable("insertTemplate", "ExcelApi 1.4"));
    return this.run((context) => writeSettings(context, this.events, this.planFeatures(), values));
  }

  writeSummarySheet(result: ValidationResult, options: SummarySheetOptions): Promise<SummarySheetResult> {
    const caps = this.capabilities();
    return this.run((context) =>
      writeSummarySheet(
        context,
        {
          pivotTables: caps.pivotTables,
          charts: caps.charts,
          events: this.events,
          pageLayout: this.planFeatures().pageLayout,
        },
        result,
        options,
      ),
    );
  }

  openNewWorkbook(base64: string): Promise<void> {
    if (!this.supported("ExcelApi", "1.8"))
      return Promise.reject(new HostFeatureUnavailable("createWorkbook", "ExcelApi 1.8"));
    const create = this.createWorkbook;
    if (create) return create(base64);
    return this.run(async (context) => {
      // Application.createWorkbook gives a WorkbookCreated; open() shows it (what Excel.createWorkbook does).
      const application = context.workbook.application as unknown as {
        createWorkbook(base64: string): { open(): void };
      };
      application.createWorkbook(base64).open();
      await context.sync();
    });
  }

  watchChanges(handler: (changes: readonly ChangedRange[]) => void): Promise<() => Promise<void>> {
    if (this.supported("ExcelApi", "1.9")) {
      const lookup = (id: string): Promise<string | null> =>
        this.run(async (context) => {
          const ws = context.workbook.worksheets.getItemOrNullObject(id);
          ws.load("name");
          await context.sync();
          return ws.isNullObject ? null : ws.name;
        });
      return this.run((context) => watchCollection(context, handler, lookup));
    }
    if (this.supported("ExcelApi", "1.7")) return this.run((context) => watchEachSheet(context, handler));
    return Promise.reject(new HostFeatureUnavailable("onChanged", "ExcelApi 1.7"));
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
