/**
 * A loaded exceljs workbook to a plain snapshot, with the package's fullCalcOnLoad flag honoured. Fetched
 * alongside exceljs as its own chunk, so none of it weighs on the pane's initial JavaScript.
 */
import type ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../src/core/types";
import { snapshotWorkbook } from "../../src/xlsx/snapshot";
import { recalcOnLoad } from "../../src/xlsx/formulas/recalc-on-load";

export async function snapshotOfXlsx(wb: ExcelJS.Workbook, name: string, bytes: Uint8Array): Promise<WorkbookSnapshot> {
  return snapshotWorkbook(wb, name, false, { recalc: await recalcOnLoad(bytes) });
}
