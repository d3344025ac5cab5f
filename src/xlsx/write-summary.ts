import ExcelJS from "exceljs";
import type { SummaryTable } from "../core/summary/table";

export interface SummarySection {
  /** e.g. "党员花名册" */
  readonly heading: string;
  readonly tables: readonly SummaryTable[];
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF999999" } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2DCDB" } };

/** A workbook with one 汇总 sheet: the tables stacked under a title, laid out to print on A4. */
export function buildSummaryWorkbook(title: string, subtitle: string, sections: readonly SummarySection[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "支部表格助手";
  const ws = wb.addWorksheet("汇总", {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    headerFooter: { oddFooter: "第 &P 页，共 &N 页" },
  });
  const width = Math.max(2, ...sections.flatMap((s) => s.tables.map((t) => t.columns.length)));
  let r = 1;
  ws.mergeCells(r, 1, r, width);
  const titleCell = ws.getCell(r, 1);
  titleCell.value = title;
  titleCell.font = { size: 16, bold: true };
  titleCell.alignment = { horizontal: "center" };
  ws.getRow(r).height = 28;
  r++;
  ws.mergeCells(r, 1, r, width);
  ws.getCell(r, 1).value = subtitle;
  ws.getCell(r, 1).alignment = { horizontal: "center" };
  ws.getCell(r, 1).font = { color: { argb: "FF666666" } };
  r += 2;
  for (const section of sections) {
    ws.mergeCells(r, 1, r, width);
    ws.getCell(r, 1).value = section.heading;
    ws.getCell(r, 1).font = { size: 13, bold: true, color: { argb: "FFC00000" } };
    r++;
    for (const table of section.tables) {
      ws.getCell(r, 1).value = table.title;
      ws.getCell(r, 1).font = { bold: true };
      r++;
      table.columns.forEach((c, i) => {
        const cell = ws.getCell(r, i + 1);
        cell.value = c;
        cell.font = { bold: true };
        cell.fill = HEAD_FILL;
        cell.border = BOX;
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      });
      r++;
      if (table.rows.length === 0) {
        ws.getCell(r, 1).value = "（无）";
        ws.getCell(r, 1).font = { color: { argb: "FF888888" } };
        r++;
      }
      for (const row of table.rows) {
        row.forEach((v, i) => {
          const cell = ws.getCell(r, i + 1);
          cell.value = v;
          cell.border = BOX;
          if (table.percentColumns?.includes(i) && typeof v === "number") cell.numFmt = "0.0%";
        });
        r++;
      }
      r++;
    }
  }
  ws.columns.forEach((col, i) => {
    col.width = i === 0 ? 24 : 16;
  });
  ws.pageSetup.printArea = `A1:${String.fromCharCode(64 + Math.min(width, 26))}${r}`;
  return wb;
}
