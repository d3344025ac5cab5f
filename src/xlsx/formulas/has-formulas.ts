import type { CellFormula, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/types";

export function isFormulaCell(v: CellValue | undefined): v is CellFormula {
  return typeof v === "object" && v !== null && v.kind === "formula";
}

export function sheetHasFormulas(sheet: SheetSnapshot): boolean {
  for (const row of sheet.values)
    for (const v of row) if (typeof v === "object" && v !== null && v.kind === "formula") return true;
  return false;
}

/** Whether any cell holds a formula without a result (so the formula library is worth loading). */
export function hasFormulas(snapshot: WorkbookSnapshot): boolean {
  return snapshot.sheets.some(sheetHasFormulas);
}
