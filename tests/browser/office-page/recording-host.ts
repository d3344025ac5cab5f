/**
 * An ExcelHost test double for the Office-mode page test: an in-page exceljs workbook stands in for Excel, and
 * every call is recorded so the test can check what the pane asked for. Failures can be injected per method.
 */
import type ExcelJS from "exceljs";
import type { SheetSnapshot, WorkbookSnapshot } from "../../../src/core/types";
import type { ValidationResult } from "../../../src/core/engine";
import type { Fix } from "../../../src/core/fixes";
import { toExcelSerial } from "../../../src/core/dates";
import { SheetNames } from "../../../src/core/templates/sheet-plan";
import { templateById } from "../../../src/core/templates";
import { snapshotSheet, snapshotWorkbook } from "../../../src/xlsx/snapshot";
import {
  type ActiveSheetRead,
  type ChangedRange,
  type ExcelHost,
  type HostCapabilities,
  HostFeatureUnavailable,
  type InsertTemplateOptions,
  type InsertTemplateResult,
  type Mark,
  type MarkRecord,
  type CellState,
  type FixOutcome,
  type FixRecord,
  type UndoOutcome,
  type SummarySheetOptions,
  type SummarySheetResult,
  isMarkFormula,
} from "../../../addin/office/port";
import { addMarks, formattingList, removeMarks } from "../../fakes/exceljs-marks";
import { writeSettingsSheet } from "../../../addin/standalone/marked-copy";

export interface Call {
  readonly method: string;
  readonly args: unknown;
}

/** An exceljs cell as Office reports it (dates as serial numbers, "" when empty). */
function cellState(cell: ExcelJS.Cell): CellState {
  const v = cell.value;
  const value =
    v instanceof Date
      ? v.getTime() / 86400000 + 25569
      : typeof v === "string" || typeof v === "number" || typeof v === "boolean"
        ? v
        : v === null || v === undefined
          ? ""
          : cell.text;
  return { value, numberFormat: cell.numFmt ?? "General" };
}

function notFound(name: string): Error {
  return Object.assign(new Error(`The requested resource doesn't exist. (${name})`), { code: "ItemNotFound" });
}

export class RecordingHost implements ExcelHost {
  readonly calls: Call[] = [];
  active: string;
  private handler: ((changes: readonly ChangedRange[]) => void) | null = null;
  private failures = new Map<string, unknown>();
  private held: { method: string; release: () => void; gate: Promise<void> } | null = null;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly name: string,
    readonly caps: HostCapabilities,
  ) {
    this.active = workbook.worksheets[0]?.name ?? "";
  }

  /** The next call of `method` rejects with `error`. */
  failNext(method: string, error: unknown): void {
    this.failures.set(method, error);
  }

  /** The next call of `method` waits until `release()` (a slow Excel, to test cancel). */
  holdNext(method: string): void {
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.held = { method, release, gate };
  }

  release(): void {
    this.held?.release();
    this.held = null;
  }

  private async gate(method: string): Promise<void> {
    if (this.held?.method === method) await this.held.gate;
  }

  /** Simulates the user editing cells: calls the watch handler when one is registered. */
  emit(changes: readonly ChangedRange[]): boolean {
    this.handler?.(changes);
    return this.handler !== null;
  }

  private record(method: string, args: unknown): void {
    this.calls.push({ method, args });
    const failure = this.failures.get(method);
    if (failure !== undefined) {
      this.failures.delete(method);
      throw failure;
    }
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw notFound(name);
    return ws;
  }

  capabilities(): HostCapabilities {
    return this.caps;
  }

  async activeSheet(): Promise<string> {
    this.record("activeSheet", null);
    await this.gate("activeSheet");
    return this.active;
  }

  async readActiveSheet(beside: readonly string[]): Promise<ActiveSheetRead> {
    this.record("readActiveSheet", beside);
    await this.gate("readActiveSheet");
    const others = beside
      .filter((name) => name.toLowerCase() !== this.active.toLowerCase())
      .map((name) => this.workbook.getWorksheet(name))
      .filter((ws): ws is ExcelJS.Worksheet => ws !== undefined);
    return { sheet: snapshotSheet(this.sheet(this.active)), beside: others.map((ws) => snapshotSheet(ws)) };
  }

  async readWorkbook(): Promise<WorkbookSnapshot> {
    this.record("readWorkbook", null);
    return snapshotWorkbook(this.workbook, this.name);
  }

  async readSheet(name: string): Promise<SheetSnapshot> {
    this.record("readSheet", name);
    return snapshotSheet(this.sheet(name));
  }

  async applyMarks(marks: readonly Mark[]): Promise<MarkRecord> {
    this.record("applyMarks", marks.length);
    for (const m of marks) this.sheet(m.sheet);
    return addMarks(this.workbook, marks);
  }

  async clearMarks(record: MarkRecord): Promise<void> {
    this.record("clearMarks", record.cells.length);
    removeMarks(this.workbook);
  }

  /** Writes every fix (no refusal: the adapter's refusals are tested against the Excel fake). */
  async applyFixes(fixes: readonly Fix[]): Promise<FixOutcome> {
    this.record("applyFixes", fixes.length);
    const cells = fixes.map((f) => {
      const cell = this.sheet(f.sheet).getCell(f.cell);
      const before = cellState(cell);
      if (typeof f.to === "object") {
        cell.value = toExcelSerial(f.to);
        cell.numFmt = f.format ?? "yyyy-mm-dd";
      } else cell.value = f.to;
      return { sheet: f.sheet, cell: f.cell, before, after: cellState(cell) };
    });
    return { record: { cells }, refused: [] };
  }

  async undoFixes(record: FixRecord): Promise<UndoOutcome> {
    this.record("undoFixes", record.cells.length);
    for (const c of record.cells) {
      const cell = this.sheet(c.sheet).getCell(c.cell);
      cell.numFmt = c.before.numberFormat;
      cell.value = c.before.value === "" ? null : c.before.value;
    }
    return { restored: record.cells.length, refused: [] };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.record("selectCell", `${sheet}!${cell}`);
    this.sheet(sheet);
    this.active = sheet;
  }

  async insertTemplate(options: InsertTemplateOptions): Promise<InsertTemplateResult> {
    this.record("insertTemplate", options);
    const names = new SheetNames(this.workbook.worksheets.map((ws) => ws.name));
    const name = names.take(templateById(options.templateId)?.sheetName ?? options.templateId);
    this.workbook.addWorksheet(name);
    return { sheets: [name], table: `${options.templateId}Table` };
  }

  async writeSettings(values: Readonly<Record<string, string | number>>): Promise<void> {
    this.record("writeSettings", values);
    writeSettingsSheet(this.workbook, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])));
  }

  async writeSummarySheet(result: ValidationResult, options: SummarySheetOptions): Promise<SummarySheetResult> {
    this.record("writeSummarySheet", { ...options, counts: result.counts });
    return { sheet: "汇总", pivotTables: this.caps.pivotTables ? 2 : 0, charts: this.caps.charts ? 1 : 0 };
  }

  async openNewWorkbook(base64: string): Promise<void> {
    this.record("openNewWorkbook", base64.length);
    if (!this.caps.createWorkbook) throw new HostFeatureUnavailable("createWorkbook", "ExcelApi 1.8");
  }

  async watchChanges(handler: (changes: readonly ChangedRange[]) => void): Promise<() => Promise<void>> {
    this.record("watchChanges", null);
    this.handler = handler;
    return async () => {
      this.calls.push({ method: "stopWatching", args: null });
      this.handler = null;
    };
  }

  /** Fills of every cell of a sheet that has one, as sheet!A1 → colour. */
  fills(sheetName: string): Record<string, string> {
    const out: Record<string, string> = {};
    this.sheet(sheetName).eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const f = cell.style.fill;
        if (f && f.type === "pattern" && f.pattern !== "none")
          out[cell.address] = `#${(f.fgColor?.argb ?? "FF000000").slice(-6).toUpperCase()}`;
      }),
    );
    return out;
  }

  /** The add-in's marks on a sheet (its conditional formats), as A1 → colour. */
  marks(sheetName: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const line of formattingList(this.workbook)) {
      const m = /^(.*)!(\S+) (\S+) (\S*)$/.exec(line);
      if (m && m[1] === sheetName && isMarkFormula(m[3])) out[m[2] as string] = `#${m[4]}`;
    }
    return out;
  }

  setCell(sheet: string, address: string, value: ExcelJS.CellValue): void {
    this.sheet(sheet).getCell(address).value = value;
  }
}
