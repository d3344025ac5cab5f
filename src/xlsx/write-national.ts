import ExcelJS from "exceljs";
import type { CellValue } from "../core/types";
import { NATIONAL_COLUMNS, NATIONAL_SHEET } from "../core/national-form";
import { roster } from "../core/templates/roster";
import { toExcelValue } from "./write-template";
import { a4FitToWidth } from "./page-setup";

const TEXT_KEYS = new Set(["idNumber", "phone", "landline"]);
const WIDE: Readonly<Record<string, number>> = { idNumber: 21, address: 30, branch: 20, destination: 20, note: 16 };

/**
 * The 党员基本信息汇总表 as a new workbook: the header on row 1 (as the system's import expects), one row per
 * person, dates as dates, ID numbers and phones as text.
 */
export function buildNationalWorkbook(rows: readonly (readonly CellValue[])[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "支部表格助手";
  const ws = wb.addWorksheet(NATIONAL_SHEET, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: a4FitToWidth("landscape", "1:1"),
  });
  ws.columns = NATIONAL_COLUMNS.map(([header, key]) => {
    const field = roster.fields.find((f) => f.key === key);
    const style: Partial<ExcelJS.Style> = TEXT_KEYS.has(key)
      ? { numFmt: "@" }
      : field?.type === "date"
        ? { numFmt: "yyyy-mm-dd" }
        : {};
    return { header, key, width: WIDE[key] ?? Math.max(field?.width ?? 10, header.length * 2 + 2), style };
  });
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v) => toExcelValue(v)));
  return wb;
}
