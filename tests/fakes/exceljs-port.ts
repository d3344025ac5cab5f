/** The host port over an in-memory exceljs workbook: the file side of the adapter contract tests. */
import type ExcelJS from "exceljs";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/types";
import { snapshotSheet, snapshotWorkbook } from "../../src/xlsx/read";
import type { HostPort, Mark, MarkRecord } from "../../addin/office/port";
import { addMarks, removeMarks } from "./exceljs-marks";

function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

export class ExcelJsPort implements HostPort {
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
    return addMarks(this.workbook, marks);
  }

  async clearMarks(record: MarkRecord): Promise<void> {
    if (record.cells.length > 0) removeMarks(this.workbook);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    sheetOf(this.workbook, sheet).getCell(cell);
    this.selection = { sheet, cell };
  }
}
