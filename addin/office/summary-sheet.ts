/**
 * The add-in-owned 汇总 sheet (SPEC §4): deleted and made again on every run (no other sheet is touched), with
 * the summary tables of `summaryOf` stacked under a title to print, a chart per section over its first count
 * table, and native PivotTables over the template data (src/core/summary/pivots.ts) where ExcelApi 1.8 has them.
 *
 * Syncs: 1 to read the sheet names and the source sheets' tables, 1 write.
 */
import type { ValidationResult } from "../../src/core/engine";
import { summaryOf } from "../../src/core/summary/sections";
import type { SummaryTable } from "../../src/core/summary/table";
import { type PivotSource, pivotSources } from "../../src/core/summary/pivots";
import { chartColumns, chartRows, chartTableIndex } from "../../src/core/summary/chart-table";
import { PORTRAIT_WIDTH, columnWidths, numberFormatOf } from "../../src/core/summary/print-layout";
import { cellAddress, columnLetter } from "../../src/core/address";
import { quoteSheet } from "../../src/core/templates/sheet-plan";
import type { SummarySheetOptions, SummarySheetResult } from "./port";
import { charsToPoints, officeCell, syncQuietly } from "./office-values";

export const SUMMARY_SHEET = "汇总";

const HEAD_FILL = "#F2DCDB";
const SECTION_COLOR = "#C00000";
const SUBTITLE_COLOR = "#666666";
const CHART_ROWS = 16;
const CHART_COLS = 8;

export interface SummaryFeatures {
  readonly pivotTables: boolean;
  readonly charts: boolean;
  readonly events: boolean;
  /** ExcelApi 1.9: A4, fitted to the page width, title rows on every page, landscape when a table is wide. */
  readonly pageLayout?: boolean;
}

interface Placed {
  readonly table: SummaryTable;
  /** 1-based row of the table's column headers. */
  readonly headerRow: number;
}

/** The table a section's chart shows (src/core/summary/chart-table.ts). */
function chartTable(tables: readonly Placed[]): Placed | null {
  return tables[chartTableIndex(tables.map((p) => p.table))] ?? null;
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
  const { sections } = summaryOf(result, options.mask);
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

  // Layout: title, subtitle, then per section its heading and tables; every cell of the block in one write.
  const width = Math.max(2, ...sections.flatMap((s) => s.tables.map((t) => t.columns.length)));
  const grid: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  const bold: number[] = [];
  const heads: Array<{ row: number; cols: number }> = [];
  const sectionRows: number[] = [];
  const placed: Placed[][] = [];
  const push = (cells: (string | number | boolean)[] = [], fmt: (i: number) => string = () => "General"): number => {
    grid.push(Array.from({ length: width }, (_, i) => cells[i] ?? ""));
    formats.push(Array.from({ length: width }, (_, i) => fmt(i)));
    return grid.length;
  };
  push([options.title]);
  push([options.subtitle]);
  push();
  for (const section of sections) {
    sectionRows.push(push([section.heading]));
    const mine: Placed[] = [];
    for (const table of section.tables) {
      bold.push(push([table.title]));
      const headerRow = push([...table.columns]);
      heads.push({ row: headerRow, cols: table.columns.length });
      if (table.rows.length === 0) push(["（无）"]);
      table.rows.forEach((row, ri) =>
        push(
          row.map((v) => (typeof v === "number" ? v : officeCell(String(v), false))),
          (i) => numberFormatOf(table, ri, i),
        ),
      );
      if (table.footnote) push([officeCell(table.footnote, false)]);
      push();
      mine.push({ table, headerRow });
    }
    placed.push(mine);
  }
  const tablesEnd = grid.length;
  const last = columnLetter(width);

  let pivots = 0;
  let charts = 0;
  await syncQuietly(context, features.events, () => {
    if (existing) worksheets.getItem(SUMMARY_SHEET).delete();
    const ws = worksheets.add(SUMMARY_SHEET);
    const block = ws.getRange(`A1:${last}${grid.length}`);
    block.numberFormat = formats;
    block.values = grid;
    const widths = columnWidths(sections.flatMap((s) => s.tables));
    for (let c = 1; c <= width; c++)
      ws.getRange(`${columnLetter(c)}1`).format.columnWidth = charsToPoints(widths[c - 1] ?? 12);

    if (features.pageLayout) {
      const page = ws.pageLayout;
      const wide = columnWidths(sections.flatMap((s) => s.tables)).reduce((a, b) => a + b, 0) > PORTRAIT_WIDTH;
      page.orientation = wide ? "Landscape" : "Portrait";
      page.paperSize = "A4" as Excel.PaperType;
      page.centerHorizontally = true;
      page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      page.setPrintTitleRows("$1:$2");
    }

    const title = ws.getRange(`A1:${last}1`);
    title.merge(false);
    title.format.font.bold = true;
    title.format.font.size = 16;
    title.format.horizontalAlignment = "Center";
    const subtitle = ws.getRange(`A2:${last}2`);
    subtitle.merge(false);
    subtitle.format.font.color = SUBTITLE_COLOR;
    subtitle.format.horizontalAlignment = "Center";
    for (const r of sectionRows) {
      const heading = ws.getRange(`A${r}`).format.font;
      heading.bold = true;
      heading.size = 13;
      heading.color = SECTION_COLOR;
    }
    for (const r of bold) ws.getRange(`A${r}`).format.font.bold = true;
    for (const h of heads) {
      const range = ws.getRange(`A${h.row}:${columnLetter(h.cols)}${h.row}`);
      range.format.font.bold = true;
      range.format.fill.color = HEAD_FILL;
      range.format.horizontalAlignment = "Center";
    }

    if (features.charts) {
      placed.forEach((mine, s) => {
        const pick = chartTable(mine);
        if (!pick) return;
        const cols = chartColumns(pick.table);
        const data = ws.getRange(`A${pick.headerRow}:${columnLetter(cols)}${pick.headerRow + chartRows(pick.table)}`);
        const chart = ws.charts.add("ColumnClustered" as Excel.ChartType, data, "Columns" as Excel.ChartSeriesBy);
        chart.title.text = `${sections[s]?.heading ?? ""}：${pick.table.title}`;
        const top = 4 + charts * (CHART_ROWS + 2);
        chart.setPosition(cellAddress(top, width + 2), cellAddress(top + CHART_ROWS - 1, width + 1 + CHART_COLS));
        charts++;
      });
    }

    if (sources.length > 0) {
      let row = tablesEnd + 2;
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
