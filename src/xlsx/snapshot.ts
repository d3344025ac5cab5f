/**
 * exceljs workbook → plain snapshot. No Node imports (exceljs only as a type), so the standalone page uses it too,
 * with the exceljs library loaded on demand.
 */
import type ExcelJS from "exceljs";
import type { CellValue, MergeRange, SheetSnapshot, WorkbookSnapshot } from "../core/types";
import { parseAddress } from "../core/address";
import { formulaValue, fromExcelValue } from "./cell-value";

function parseRange(range: string): MergeRange | null {
  const [a, b] = range.split(":");
  const tl = a ? parseAddress(a) : null;
  const br = b ? parseAddress(b) : tl;
  if (!tl || !br) return null;
  return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
}

/** exceljs internals released while a sheet is consumed; both are plain fields of its Worksheet. */
interface WorksheetInternals {
  _rows?: unknown[];
  dataValidations?: { model?: Record<string, unknown> };
}

/**
 * One exceljs worksheet as a plain snapshot; merged cells keep their value only in the top-left cell.
 * With `consume`, each exceljs row is dropped as soon as it is copied (and the per-cell validation model first),
 * so a 100,000-row sheet never exists twice in memory; the worksheet is unusable afterwards.
 */
export function snapshotSheet(ws: ExcelJS.Worksheet, consume = false, options: SnapshotOptions = {}): SheetSnapshot {
  const internals = ws as unknown as WorksheetInternals;
  if (consume && internals.dataValidations) internals.dataValidations.model = {};
  const merges = ((ws.model as { merges?: string[] }).merges ?? [])
    .map(parseRange)
    .filter((m): m is MergeRange => m !== null);
  const values: CellValue[][] = [];
  const sharedMasters = new Map<string, string>();
  const recalc = options.recalc === true;
  const rowCount = ws.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const excelRow = ws.findRow(r);
    const cells: CellValue[] = [];
    if (excelRow) {
      const rowValues = excelRow.values as ExcelJS.CellValue[];
      for (let c = 1; c < rowValues.length; c++) {
        const v = rowValues[c];
        cells.push(
          typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v)
            ? formulaValue(excelRow.getCell(c), sharedMasters, recalc)
            : fromExcelValue(v),
        );
      }
      if (consume && internals._rows) internals._rows[r - 1] = undefined;
    }
    values.push(cells);
  }
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = values[r - 1];
      if (!row) continue;
      for (let c = m.left; c <= m.right; c++)
        if ((r !== m.top || c !== m.left) && c - 1 < row.length) row[c - 1] = null;
    }
  }
  const hidden = ws.state === "hidden" || ws.state === "veryHidden";
  return hidden
    ? { name: ws.name, values, originRow: 1, originCol: 1, merges, hidden }
    : { name: ws.name, values, originRow: 1, originCol: 1, merges };
}

export interface SnapshotOptions {
  /**
   * The workbook asks to be recalculated on load (`<calcPr fullCalcOnLoad="1">`, as openpyxl and XlsxWriter
   * write it with placeholder results): every formula cell is taken as having no result. exceljs does not keep
   * the flag; see `recalcOnLoad`.
   */
  readonly recalc?: boolean;
}

export function snapshotWorkbook(
  wb: ExcelJS.Workbook,
  name: string,
  consume = false,
  options: SnapshotOptions = {},
): WorkbookSnapshot {
  return { name, sheets: wb.worksheets.map((ws) => snapshotSheet(ws, consume, options)) };
}
