import ExcelJS from "exceljs";
import type { SummaryTable } from "../core/summary/table";
import { PORTRAIT_WIDTH, columnWidths, displayWidth, numberFormatOf } from "../core/summary/print-layout";
import { TOTAL_LABEL } from "../core/summary/aggregate";
import { chartColumns, chartRows, chartTableIndex } from "../core/summary/chart-table";
import type { FilePivot, PivotDataTable } from "../core/summary/pivot-data";
import type { PivotModel } from "./ooxml/pivot-xml";
import { pivotSize } from "./ooxml/pivot-xml";
import { type PlacedChart, type PlacedPivot, addPivotsAndCharts } from "./ooxml/add-parts";

export interface SummarySection {
  /** e.g. "党员花名册" */
  readonly heading: string;
  readonly tables: readonly SummaryTable[];
}

export interface SummaryWorkbookInput {
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly SummarySection[];
  /** Data sheets and the PivotTables over them; none when absent. */
  readonly data?: { readonly tables: readonly PivotDataTable[]; readonly pivots: readonly FilePivot[] };
  /** Every section on the one 汇总 sheet in this orientation (else each section's width decides, see `sheetsOf`). */
  readonly orientation?: "portrait" | "landscape";
}

export const SUMMARY_SHEET = "汇总";
export const PIVOT_SHEET = "数据透视表";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF999999" } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2DCDB" } };
const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
const CHART_ROWS = 16;

interface PrintSheet {
  readonly name: string;
  readonly orientation: "portrait" | "landscape";
  readonly sections: readonly SummarySection[];
}

/**
 * The printed sheets: every section on 汇总 when an orientation is given or all sections need the same one;
 * otherwise the portrait sections on 汇总 and each section too wide for portrait (the month matrix) on a
 * landscape sheet of its own, 汇总-月度工作安排.
 */
function sheetsOf(input: SummaryWorkbookInput): PrintSheet[] {
  const wide = (s: SummarySection) => columnWidths(s.tables).reduce((a, b) => a + b, 0) > PORTRAIT_WIDTH;
  const sections = input.sections;
  if (input.orientation) return [{ name: SUMMARY_SHEET, orientation: input.orientation, sections }];
  const landscape = sections.filter(wide);
  if (landscape.length === 0 || landscape.length === sections.length)
    return [{ name: SUMMARY_SHEET, orientation: landscape.length > 0 ? "landscape" : "portrait", sections }];
  return [
    { name: SUMMARY_SHEET, orientation: "portrait", sections: sections.filter((s) => !wide(s)) },
    ...landscape.map((s) => ({
      name: `${SUMMARY_SHEET}-${s.heading}`.slice(0, 31),
      orientation: "landscape" as const,
      sections: [s],
    })),
  ];
}

function printSetup(orientation: "portrait" | "landscape"): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: MARGINS,
  };
}

/** Lays one printed sheet out: title, subtitle, then each section on a page of its own with its chart. */
function writePrintSheet(
  wb: ExcelJS.Workbook,
  input: SummaryWorkbookInput,
  sheet: PrintSheet,
  charts: PlacedChart[],
): void {
  const ws = wb.addWorksheet(sheet.name, {
    pageSetup: { ...printSetup(sheet.orientation), printTitlesRow: "1:2" },
    headerFooter: { oddFooter: "第 &P 页，共 &N 页" },
  });
  const widths = columnWidths(sheet.sections.flatMap((s) => s.tables));
  const width = Math.max(2, widths.length);
  let r = 1;
  ws.mergeCells(r, 1, r, width);
  const titleCell = ws.getCell(r, 1);
  titleCell.value = input.title;
  titleCell.font = { size: 16, bold: true };
  titleCell.alignment = { horizontal: "center" };
  ws.getRow(r).height = 28;
  r++;
  ws.mergeCells(r, 1, r, width);
  ws.getCell(r, 1).value = input.subtitle;
  ws.getCell(r, 1).alignment = { horizontal: "center" };
  ws.getCell(r, 1).font = { color: { argb: "FF666666" } };
  r += 2;
  sheet.sections.forEach((section, s) => {
    if (s > 0) {
      ws.getRow(r - 1).addPageBreak();
    }
    ws.mergeCells(r, 1, r, width);
    ws.getCell(r, 1).value = section.heading;
    ws.getCell(r, 1).font = { size: 13, bold: true, color: { argb: "FFC00000" } };
    r++;
    const headerRows: number[] = [];
    for (const table of section.tables) {
      ws.getCell(r, 1).value = table.title;
      ws.getCell(r, 1).font = { bold: true };
      r++;
      headerRows.push(r);
      table.columns.forEach((c, i) => {
        const cell = ws.getCell(r, i + 1);
        cell.value = c;
        cell.font = { bold: true };
        cell.fill = HEAD_FILL;
        cell.border = BOX;
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      });
      // LibreOffice and Excel do not grow a row for wrapped text on their own when printing a written file.
      const lines = Math.max(1, ...table.columns.map((c, i) => Math.ceil((displayWidth(c) + 1) / (widths[i] ?? 8))));
      if (lines > 1) ws.getRow(r).height = 15 * Math.min(lines, 3);
      r++;
      if (table.rows.length === 0) {
        ws.getCell(r, 1).value = "（无）";
        ws.getCell(r, 1).font = { color: { argb: "FF888888" } };
        r++;
      }
      table.rows.forEach((row, ri) => {
        row.forEach((v, i) => {
          const cell = ws.getCell(r, i + 1);
          cell.value = v;
          cell.border = BOX;
          const format = numberFormatOf(table, ri, i);
          if (format !== "General") cell.numFmt = format;
        });
        if (row[0] === TOTAL_LABEL) ws.getRow(r).font = { bold: true };
        const note = table.rowNotes?.[ri];
        if (note) ws.getCell(r, 1).note = note;
        r++;
      });
      if (table.footnote) {
        ws.getCell(r, 1).value = table.footnote;
        ws.getCell(r, 1).font = { italic: true, color: { argb: "FF666666" } };
        r++;
      }
      r++;
    }
    const pick = chartTableIndex(section.tables);
    const table = section.tables[pick];
    const headerRow = headerRows[pick];
    if (table && headerRow !== undefined) {
      const n = chartRows(table);
      const cols = chartColumns(table);
      charts.push({
        sheet: sheet.name,
        model: {
          title: `${section.heading}：${table.title}`,
          sheet: sheet.name,
          headerRow,
          categories: table.rows.slice(0, n).map((row) => String(row[0] ?? "")),
          series: Array.from({ length: cols - 1 }, (_, k) => ({
            column: k + 2,
            name: table.columns[k + 1] ?? "",
            values: table.rows.slice(0, n).map((row) => Number(row[k + 1] ?? 0)),
          })),
          from: { row: r - 1, col: 0 },
          to: { row: r - 1 + CHART_ROWS, col: width },
        },
      });
      r += CHART_ROWS + 1;
    }
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.pageSetup.printArea = `A1:${ws.getColumn(width).letter}${r}`;
}

/** A data sheet: the header row (frozen, filtered) and the rows, as the PivotTables read them. */
function writeDataSheet(wb: ExcelJS.Workbook, table: PivotDataTable): void {
  const ws = wb.addWorksheet(table.name, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: printSetup("landscape"),
  });
  ws.addRow([...table.headers]).font = { bold: true };
  for (const row of table.rows) ws.addRow(row.map((v) => v ?? null));
  table.headers.forEach((h, i) => {
    const longest = Math.max(displayWidth(h), ...table.rows.map((row) => displayWidth(String(row[i] ?? ""))));
    ws.getColumn(i + 1).width = Math.min(30, longest + 2);
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
}

/** The 数据透视表 sheet: each PivotTable under its title, one after another. */
function pivotModels(wb: ExcelJS.Workbook, data: NonNullable<SummaryWorkbookInput["data"]>): PlacedPivot[] {
  const placed: PlacedPivot[] = [];
  if (data.pivots.length === 0) return placed;
  const ws = wb.addWorksheet(PIVOT_SHEET, { pageSetup: printSetup("landscape") });
  ws.getCell(1, 1).value = "数据透视表（打开文件时按数据工作表计算；数据改动后：右键 → 刷新）";
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  let r = 3;
  data.pivots.forEach((p, i) => {
    const table = data.tables.find((t) => t.name === p.data);
    if (!table) return;
    const index = (h: string) => table.headers.indexOf(h);
    const model: PivotModel = {
      name: `透视表${i + 1}`,
      cacheId: i + 1,
      sourceSheet: table.name,
      headers: table.headers,
      rows: table.rows,
      orders: table.orders,
      rowFields: p.rows.map(index),
      colFields: p.columns.map(index),
      dataField: index(p.value.header),
      aggregate: p.value.aggregate,
      top: r + 1,
      left: 1,
    };
    ws.getCell(r, 1).value = `${p.title}（${table.name}）`;
    ws.getCell(r, 1).font = { bold: true };
    placed.push({ sheet: PIVOT_SHEET, model });
    r += pivotSize(model).rows + 3;
  });
  ws.getColumn(1).width = 24;
  for (let c = 2; c <= 16; c++) ws.getColumn(c).width = 12;
  return placed;
}

/**
 * The summary workbook: the printed 汇总 sheet(s), then, with `data`, the 数据透视表 sheet and the data sheets;
 * PivotTables and charts are added to the package exceljs writes (src/xlsx/ooxml).
 */
export async function writeSummaryWorkbook(
  input: SummaryWorkbookInput,
  extra?: (wb: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "支部表格助手";
  const charts: PlacedChart[] = [];
  for (const sheet of sheetsOf(input)) writePrintSheet(wb, input, sheet, charts);
  extra?.(wb);
  const pivots = input.data ? pivotModels(wb, input.data) : [];
  for (const table of input.data?.tables ?? []) writeDataSheet(wb, table);
  const bytes = await wb.xlsx.writeBuffer();
  return addPivotsAndCharts(bytes as ArrayBuffer, pivots, charts);
}
