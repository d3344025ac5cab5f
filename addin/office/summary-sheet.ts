/**
 * The add-in-owned 汇总 sheet (SPEC §4): deleted and made again on every run (no other sheet is touched). Its
 * rows are the exported file's (src/core/summary/print-plan.ts): 年度概况 with the 年度工作总结 paragraph, then per
 * section its chart and its tables, a page break before every section and where the plan breaks a page (small
 * tables kept whole, long tables' header rows repeated), thin borders on the tables, the same column widths,
 * number formats, print titles, print area, margins and footer; below the print area, native PivotTables over the template data
 * (src/core/summary/pivots.ts) where ExcelApi 1.8 has them.
 *
 * Syncs: 1 to read the sheet names and the source sheets' tables, 1 write.
 */
import type { ValidationResult } from "../../src/core/engine";
import { summaryOf, summaryParagraph } from "../../src/core/summary/sections";
import { withYearSection } from "../../src/core/summary/year-section";
import { type PivotSource, pivotSources } from "../../src/core/summary/pivots";
import {
  PRINT_LABELS,
  PRINT_MARGINS,
  PRINT_TITLE_ROWS,
  SUBTITLE_ROW,
  TITLE_HEIGHT,
  TITLE_ROW,
  isWide,
  planCells,
  printPlan,
} from "../../src/core/summary/print-plan";
import { TOTAL_LABEL } from "../../src/core/summary/aggregate";
import { cellAddress, columnLetter } from "../../src/core/address";
import { quoteSheet } from "../../src/core/templates/sheet-plan";
import type { SummarySheetOptions, SummarySheetResult } from "./port";
import { charsToPoints, officeCell, syncQuietly } from "./office-values";

export const SUMMARY_SHEET = "汇总";

const HEAD_FILL = "#F2DCDB";
const SECTION_COLOR = "#C00000";
const SUBTITLE_COLOR = "#666666";
const POINTS_PER_INCH = 72;
const BORDER_COLOR = "#999999";
const BORDER_EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
] as Excel.BorderIndex[];

export interface SummaryFeatures {
  readonly pivotTables: boolean;
  readonly charts: boolean;
  readonly events: boolean;
  /**
   * ExcelApi 1.9: A4, fitted to the page width, title rows on every page, landscape when a table is wide, the
   * print area, and a page break before every section.
   */
  readonly pageLayout?: boolean;
}

/** Rows the layout reserves for a PivotTable (compact layout: header, items, grand total, filter area). */
function pivotHeight(source: PivotSource): number {
  return source.distinctRows + 5 + (source.columnHeaders.length > 0 ? 1 : 0);
}

export async function writeSummarySheet(
  context: Excel.RequestContext,
  features: SummaryFeatures,
  result: ValidationResult,
  options: SummarySheetOptions,
): Promise<SummarySheetResult> {
  const { summary, sections: tableSections } = summaryOf(result, options.mask);
  const sections = withYearSection(tableSections, summaryParagraph(result, summary));
  const sources = features.pivotTables ? pivotSources(result) : [];

  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const sourceSheets = [...new Set(sources.map((s) => s.sheet))];
  const tablesOf = new Map(
    sourceSheets.map((name) => {
      const tables = worksheets.getItem(name).tables;
      tables.load("items/name");
      return [name, tables] as const;
    }),
  );
  await context.sync();
  const existing = worksheets.items.find((w) => w.name === SUMMARY_SHEET);

  // The rows of the exported file's 汇总 sheet (print-plan.ts): every cell of the block in one write.
  // One sheet, one orientation: landscape when a section needs it (the file prints that one on its own sheet).
  const orientation = sections.some(isWide) ? "landscape" : "portrait";
  const plan = printPlan(sections, orientation);
  const width = plan.width;
  const last = columnLetter(width);
  const cells = planCells(plan, options.title, options.subtitle);
  const grid: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  for (let r = 1; r <= plan.lastRow; r++) {
    const line = cells.get(r);
    grid.push(
      Array.from({ length: width }, (_, i) => {
        const v = line?.get(i + 1)?.value ?? "";
        return typeof v === "number" ? v : officeCell(v, false);
      }),
    );
    formats.push(Array.from({ length: width }, (_, i) => line?.get(i + 1)?.format ?? "General"));
  }

  let pivots = 0;
  let charts = 0;
  await syncQuietly(context, features.events, () => {
    if (existing) worksheets.getItem(SUMMARY_SHEET).delete();
    const ws = worksheets.add(SUMMARY_SHEET);
    const block = ws.getRange(`A1:${last}${plan.lastRow}`);
    block.numberFormat = formats;
    block.values = grid;
    plan.widths.forEach((w, i) => (ws.getRange(`${columnLetter(i + 1)}1`).format.columnWidth = charsToPoints(w)));

    if (features.pageLayout) {
      const page = ws.pageLayout;
      page.orientation = orientation === "landscape" ? "Landscape" : "Portrait";
      page.paperSize = "A4" as Excel.PaperType;
      page.centerHorizontally = true;
      page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      page.leftMargin = PRINT_MARGINS.left * POINTS_PER_INCH;
      page.rightMargin = PRINT_MARGINS.right * POINTS_PER_INCH;
      page.topMargin = PRINT_MARGINS.top * POINTS_PER_INCH;
      page.bottomMargin = PRINT_MARGINS.bottom * POINTS_PER_INCH;
      page.headerMargin = PRINT_MARGINS.header * POINTS_PER_INCH;
      page.footerMargin = PRINT_MARGINS.footer * POINTS_PER_INCH;
      page.setPrintTitleRows(`$${PRINT_TITLE_ROWS.first}:$${PRINT_TITLE_ROWS.last}`);
      page.setPrintArea(`A1:${last}${plan.lastRow}`);
      page.headersFooters.defaultForAllPages.centerFooter = PRINT_LABELS.pageFooter;
      for (const row of plan.breaksBefore) ws.horizontalPageBreaks.add(`A${row}`);
    }

    const title = ws.getRange(`A${TITLE_ROW}:${last}${TITLE_ROW}`);
    title.merge(false);
    title.format.font.bold = true;
    title.format.font.size = 16;
    title.format.horizontalAlignment = "Center";
    title.format.rowHeight = TITLE_HEIGHT;
    const subtitle = ws.getRange(`A${SUBTITLE_ROW}:${last}${SUBTITLE_ROW}`);
    subtitle.merge(false);
    subtitle.format.font.color = SUBTITLE_COLOR;
    subtitle.format.horizontalAlignment = "Center";
    for (const section of plan.sections) {
      const heading = ws.getRange(`A${section.headingRow}:${last}${section.headingRow}`);
      heading.merge(false);
      heading.format.font.bold = true;
      heading.format.font.size = 13;
      heading.format.font.color = SECTION_COLOR;
      if (section.paragraph) {
        const cell = ws.getRange(`A${section.paragraph.row}:${last}${section.paragraph.row}`);
        cell.merge(false);
        cell.format.wrapText = true;
        cell.format.verticalAlignment = "Top";
        cell.format.rowHeight = section.paragraph.height;
      }
      for (const t of section.tables) {
        ws.getRange(`A${t.titleRow}`).format.font.bold = true;
        const right = columnLetter(t.table.columns.length);
        for (const headerRow of [t.headerRow, ...t.repeatedHeaderRows]) {
          const head = ws.getRange(`A${headerRow}:${right}${headerRow}`);
          head.format.font.bold = true;
          head.format.fill.color = HEAD_FILL;
          head.format.horizontalAlignment = "Center";
          head.format.wrapText = true;
          if (t.headerHeight !== null) head.format.rowHeight = t.headerHeight;
        }
        // Thin grey lines around and inside the header and the rows, as the file's cells have.
        const lastRow = t.table.rows.length > 0 ? (t.dataRows.at(-1) ?? t.headerRow) : t.headerRow;
        const borders = ws.getRange(`A${t.headerRow}:${right}${lastRow}`).format.borders;
        for (const edge of BORDER_EDGES) {
          const border = borders.getItem(edge);
          border.style = "Continuous";
          border.weight = "Thin";
          border.color = BORDER_COLOR;
        }
        t.table.rows.forEach((row, ri) => {
          const r = t.dataRows[ri] ?? t.firstRow + ri;
          for (const i of t.wrapColumns[ri] ?? []) ws.getRange(cellAddress(r, i + 1)).format.wrapText = true;
          const height = t.rowHeights[ri];
          if (height) {
            const line = ws.getRange(`A${r}:${columnLetter(row.length)}${r}`).format;
            line.rowHeight = height;
            line.verticalAlignment = "Top";
          }
          if (row[0] === TOTAL_LABEL) ws.getRange(`A${r}:${columnLetter(row.length)}${r}`).format.font.bold = true;
        });
      }
    }

    if (features.charts) {
      for (const section of plan.sections) {
        const shown = section.chart;
        if (!shown) continue;
        const header = shown.table.headerRow;
        const data = ws.getRange(`A${header}:${columnLetter(shown.columns)}${header + shown.rows}`);
        const chart = ws.charts.add("ColumnClustered" as Excel.ChartType, data, "Columns" as Excel.ChartSeriesBy);
        chart.title.text = shown.title;
        chart.setPosition(`A${shown.fromRow}`, `${last}${shown.toRow}`);
        charts++;
      }
    }

    if (sources.length > 0) {
      let row = plan.lastRow + 2;
      ws.getRange(`A${row}`).values = [["数据透视表（随源数据刷新：右键 → 刷新）"]];
      ws.getRange(`A${row}`).format.font.bold = true;
      row += 2;
      for (const source of sources) {
        const tables = tablesOf.get(source.sheet)?.items ?? [];
        const sheet = worksheets.getItem(source.sheet);
        const data =
          tables.length === 1 && tables[0]
            ? sheet.tables.getItem(tables[0].name)
            : sheet.getRange(
                `${columnLetter(source.firstCol)}${source.headerRow}:${columnLetter(source.lastCol)}${source.lastRow}`,
              );
        ws.getRange(`A${row}`).values = [[`${source.def.title}（${quoteSheet(source.sheet)}）`]];
        ws.getRange(`A${row}`).format.font.bold = true;
        const pivot = ws.pivotTables.add(`汇总透视${pivots + 1}`, data, ws.getRange(`A${row + 1}`));
        for (const h of source.rowHeaders) pivot.rowHierarchies.add(pivot.hierarchies.getItem(h));
        for (const h of source.columnHeaders) pivot.columnHierarchies.add(pivot.hierarchies.getItem(h));
        const value = pivot.dataHierarchies.add(pivot.hierarchies.getItem(source.valueHeader));
        value.summarizeBy = source.def.value.aggregate as Excel.AggregationFunction;
        pivots++;
        row += pivotHeight(source) + 2;
      }
    }
    ws.activate();
  });
  return {
    sheet: SUMMARY_SHEET,
    pivotTables: pivots,
    charts,
    tables: sections.reduce((n, s) => n + s.tables.length, 0),
  };
}
