import ExcelJS from "exceljs";
import { displayWidth } from "../core/summary/print-layout";
import {
  PRINT_LABELS,
  PRINT_MARGINS,
  PRINT_TITLE_ROWS,
  type PrintSection,
  SUBTITLE_ROW,
  TITLE_HEIGHT,
  TITLE_ROW,
  isWide,
  planCells,
  printPlan,
} from "../core/summary/print-plan";
import { TOTAL_LABEL } from "../core/summary/aggregate";
import type { FilePivot, PivotDataTable } from "../core/summary/pivot-data";
import type { PivotModel } from "./ooxml/pivot-xml";
import { pivotSize } from "./ooxml/pivot-xml";
import { type PlacedChart, type PlacedPivot, addPivotsAndCharts } from "./ooxml/add-parts";
import { a4FitToWidth } from "./page-setup";

export type SummarySection = PrintSection;

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

interface PrintSheet {
  readonly name: string;
  readonly orientation: "portrait" | "landscape";
  readonly sections: readonly SummarySection[];
}

/**
 * The printed sheets: every section on 汇总 when an orientation is given or all sections with tables need the
 * same one; otherwise the portrait sections on 汇总 and each section too wide for portrait (the month matrix) on a
 * landscape sheet of its own, 汇总-月度工作安排. A section without tables (年度概况) stays on 汇总.
 */
function sheetsOf(input: SummaryWorkbookInput): PrintSheet[] {
  const sections = input.sections;
  if (input.orientation) return [{ name: SUMMARY_SHEET, orientation: input.orientation, sections }];
  const landscape = sections.filter(isWide);
  const portrait = sections.filter((s) => !isWide(s) && s.tables.length > 0);
  if (landscape.length === 0 || portrait.length === 0)
    return [{ name: SUMMARY_SHEET, orientation: landscape.length > 0 ? "landscape" : "portrait", sections }];
  return [
    { name: SUMMARY_SHEET, orientation: "portrait", sections: sections.filter((s) => !isWide(s)) },
    ...landscape.map((s) => ({
      name: `${SUMMARY_SHEET}-${s.heading}`.slice(0, 31),
      orientation: "landscape" as const,
      sections: [s],
    })),
  ];
}

function printSetup(orientation: "portrait" | "landscape"): Partial<ExcelJS.PageSetup> {
  return {
    ...a4FitToWidth(orientation),
    horizontalCentered: true,
    margins: { ...PRINT_MARGINS },
  };
}

/** Lays one printed sheet out as `printPlan` places it: title, subtitle, then each section on a page of its own. */
function writePrintSheet(
  wb: ExcelJS.Workbook,
  input: SummaryWorkbookInput,
  sheet: PrintSheet,
  charts: PlacedChart[],
): void {
  const ws = wb.addWorksheet(sheet.name, {
    pageSetup: {
      ...printSetup(sheet.orientation),
      printTitlesRow: `${PRINT_TITLE_ROWS.first}:${PRINT_TITLE_ROWS.last}`,
    },
    headerFooter: { oddFooter: PRINT_LABELS.pageFooter },
  });
  const plan = printPlan(sheet.sections, sheet.orientation);
  const width = plan.width;
  for (const [r, line] of planCells(plan, input.title, input.subtitle)) {
    for (const [c, { value, format }] of line) {
      const cell = ws.getCell(r, c);
      cell.value = value;
      if (format !== "General") cell.numFmt = format;
    }
  }
  ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, width);
  const titleCell = ws.getCell(TITLE_ROW, 1);
  titleCell.font = { size: 16, bold: true };
  titleCell.alignment = { horizontal: "center" };
  ws.getRow(TITLE_ROW).height = TITLE_HEIGHT;
  ws.mergeCells(SUBTITLE_ROW, 1, SUBTITLE_ROW, width);
  ws.getCell(SUBTITLE_ROW, 1).alignment = { horizontal: "center" };
  ws.getCell(SUBTITLE_ROW, 1).font = { color: { argb: "FF666666" } };
  for (const row of plan.breaksBefore) ws.getRow(row - 1).addPageBreak();
  for (const section of plan.sections) {
    ws.mergeCells(section.headingRow, 1, section.headingRow, width);
    ws.getCell(section.headingRow, 1).font = { size: 13, bold: true, color: { argb: "FFC00000" } };
    if (section.paragraph) {
      const { row, height } = section.paragraph;
      ws.mergeCells(row, 1, row, width);
      ws.getCell(row, 1).alignment = { wrapText: true, vertical: "top", horizontal: "left" };
      ws.getRow(row).height = height;
    }
    for (const t of section.tables) {
      ws.getCell(t.titleRow, 1).font = { bold: true };
      for (const headerRow of [t.headerRow, ...t.repeatedHeaderRows]) {
        t.table.columns.forEach((_, i) => {
          const cell = ws.getCell(headerRow, i + 1);
          cell.font = { bold: true };
          cell.fill = HEAD_FILL;
          cell.border = BOX;
          cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
        });
        // LibreOffice and Excel do not grow a row for wrapped text on their own when printing a written file.
        if (t.headerHeight !== null) ws.getRow(headerRow).height = t.headerHeight;
      }
      if (t.table.rows.length === 0) ws.getCell(t.firstRow, 1).font = { color: { argb: "FF888888" } };
      t.table.rows.forEach((row, ri) => {
        const r = t.dataRows[ri] ?? t.firstRow + ri;
        const height = t.rowHeights[ri];
        row.forEach((_, i) => {
          const cell = ws.getCell(r, i + 1);
          cell.border = BOX;
          // A row grown for wrapped text reads from the top, every cell of it.
          if (height) cell.alignment = { vertical: "top", wrapText: t.wrapColumns[ri]?.includes(i) ?? false };
        });
        if (height) ws.getRow(r).height = height;
        if (row[0] === TOTAL_LABEL) ws.getRow(r).font = { bold: true };
        const note = t.table.rowNotes?.[ri];
        if (note) ws.getCell(r, 1).note = note;
      });
      if (t.footnoteRow !== null) ws.getCell(t.footnoteRow, 1).font = { italic: true, color: { argb: "FF666666" } };
    }
    const chart = section.chart;
    if (chart) {
      const { table, headerRow } = chart.table;
      charts.push({
        sheet: sheet.name,
        model: {
          title: chart.title,
          sheet: sheet.name,
          headerRow,
          categories: table.rows.slice(0, chart.rows).map((row) => String(row[0] ?? "")),
          series: Array.from({ length: chart.columns - 1 }, (_, k) => ({
            column: k + 2,
            name: table.columns[k + 1] ?? "",
            values: table.rows.slice(0, chart.rows).map((row) => Number(row[k + 1] ?? 0)),
          })),
          // Anchors are 0-based; `to` is the cell the chart ends before.
          from: { row: chart.fromRow - 1, col: 0 },
          to: { row: chart.toRow, col: width },
        },
      });
    }
  }
  plan.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.pageSetup.printArea = `A1:${ws.getColumn(width).letter}${plan.lastRow}`;
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
