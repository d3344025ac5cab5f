/** The host port over an in-memory exceljs workbook: the file side of the adapter contract tests. */
import type ExcelJS from "exceljs";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/types";
import { snapshotSheet, snapshotWorkbook } from "../../src/xlsx/read";
import {
  type HostPort,
  type Mark,
  type MarkRecord,
  type MarkedCell,
  MARK_COLORS,
  distinctMarks,
} from "../../addin/office/port";

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Replaces a cell's style object (exceljs may share one between cells) with the given fill or none. */
function setFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | null): void {
  const { fill: _old, ...rest } = cell.style;
  cell.style = fill === null ? rest : { ...rest, fill };
}

export class ExcelJsPort implements HostPort {
  /** Each record's exceljs fills (deep copies), as the file side can restore them exactly. */
  private readonly saved = new WeakMap<MarkRecord, Array<ExcelJS.Fill | null>>();
  selection: { sheet: string; cell: string } | null = null;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly name: string,
  ) {}

  async readWorkbook(): Promise<WorkbookSnapshot> {
    return snapshotWorkbook(this.workbook, this.name, false);
  }

  async readSheet(name: string): Promise<SheetSnapshot> {
    return snapshotSheet(sheetOf(this.workbook, name));
  }

  async applyMarks(marks: readonly Mark[]): Promise<MarkRecord> {
    const cells = distinctMarks(marks);
    const saved: Array<ExcelJS.Fill | null> = [];
    const recorded: MarkedCell[] = [];
    for (const m of cells) {
      const cell = sheetOf(this.workbook, m.sheet).getCell(m.cell);
      const before = cell.style.fill;
      const none = !before || (before.type === "pattern" && before.pattern === "none");
      saved.push(before ? (JSON.parse(JSON.stringify(before)) as ExcelJS.Fill) : null);
      const color = before && before.type === "pattern" ? (before.fgColor?.argb ?? "FF000000").slice(-6) : "000000";
      recorded.push({ sheet: m.sheet, cell: m.cell, previous: none ? null : { color: `#${color.toUpperCase()}` } });
      setFill(cell, { type: "pattern", pattern: "solid", fgColor: { argb: `FF${MARK_COLORS[m.severity].slice(1)}` } });
    }
    const record: MarkRecord = { cells: recorded };
    this.saved.set(record, saved);
    return record;
  }

  async clearMarks(record: MarkRecord): Promise<void> {
    const saved = this.saved.get(record);
    record.cells.forEach((m, i) => {
      const cell = sheetOf(this.workbook, m.sheet).getCell(m.cell);
      setFill(
        cell,
        saved
          ? (saved[i] ?? null)
          : m.previous === null
            ? null
            : { type: "pattern", pattern: "solid", fgColor: { argb: `FF${m.previous.color.slice(1)}` } },
      );
    });
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    sheetOf(this.workbook, sheet).getCell(cell);
    this.selection = { sheet, cell };
  }
}
