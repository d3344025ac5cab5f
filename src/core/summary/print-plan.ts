/**
 * Where everything of a printed summary sheet goes, row by row. The file writer (src/xlsx/write-summary.ts) and
 * the add-in's 汇总 sheet (addin/office/summary-sheet.ts) both follow this plan, so for the same sections they put
 * every section on the same rows, break pages before the same rows and print the same widths, heights and formats.
 *
 * A section is its heading, then the paragraph (年度概况), then its chart, then its tables: the chart sits under
 * the heading, on the section's first page, so a long section never splits it across a page break.
 *
 * Within a section the plan counts row heights against the page (A4, its margins, unscaled): a table of at most
 * KEEP_TOGETHER_ROWS rows that would cross the page end starts a new page, and a longer table gets its header row
 * written again, after a manual page break, wherever it runs onto a new page (the sheet's one print-title range
 * holds the title rows). Every page thus starts at a manual break.
 */
import type { SummaryTable } from "./table";
import { chartColumns, chartRows, chartTableIndex } from "./chart-table";
import { PORTRAIT_WIDTH, columnWidths, displayWidth, numberFormatOf, printedText } from "./print-layout";

/** A section as it prints. */
export interface PrintSection {
  /** e.g. "党员花名册" */
  readonly heading: string;
  /** Printed whole under the heading in one merged, wrapped cell across the tables' width (年度概况). */
  readonly paragraph?: string;
  readonly tables: readonly SummaryTable[];
}

export interface PlacedTable {
  readonly table: SummaryTable;
  readonly titleRow: number;
  readonly headerRow: number;
  /** Height (points) of the header row when its headers wrap, else null. */
  readonly headerHeight: number | null;
  /** The row of the first data row, or of （无） when the table has none. */
  readonly firstRow: number;
  /** Per data row, its row on the sheet (consecutive from `firstRow` but for the repeated header rows). */
  readonly dataRows: readonly number[];
  /**
   * Rows that repeat the header where a long table runs onto the next page; a page break goes before each (a
   * sheet has one print-title range, and several tables share it).
   */
  readonly repeatedHeaderRows: readonly number[];
  /** Per data row, its height (points) when a cell wraps onto more lines, else null. */
  readonly rowHeights: readonly (number | null)[];
  /** Per data row, the columns (0-based) whose text wraps. */
  readonly wrapColumns: readonly (readonly number[])[];
  readonly footnoteRow: number | null;
}

export interface PlacedChart {
  /** e.g. "党员花名册：按人员类别（全部人员）" */
  readonly title: string;
  readonly table: PlacedTable;
  /** Categories (the table's rows without 合计) and label + series columns it shows. */
  readonly rows: number;
  readonly columns: number;
  /** Rows the chart covers (inclusive), across columns 1 … width. */
  readonly fromRow: number;
  readonly toRow: number;
}

export interface PlacedSection {
  readonly heading: string;
  readonly headingRow: number;
  readonly paragraph: { readonly row: number; readonly height: number; readonly text: string } | null;
  readonly chart: PlacedChart | null;
  readonly tables: readonly PlacedTable[];
}

export interface PrintPlan {
  /** Characters per column, 1-based column = index + 1. */
  readonly widths: readonly number[];
  /** Columns the title, headings and charts span (at least 2). */
  readonly width: number;
  readonly sections: readonly PlacedSection[];
  /**
   * Rows a manual page break goes before, in order: every section's heading row but the first, the title row of a
   * small table that would otherwise cross the page end, and every repeated header row.
   */
  readonly breaksBefore: readonly number[];
  /** The last row of the print area. */
  readonly lastRow: number;
}

export const TITLE_ROW = 1;
export const SUBTITLE_ROW = 2;
/** Rows repeated at the top of every printed page. */
export const PRINT_TITLE_ROWS = { first: TITLE_ROW, last: SUBTITLE_ROW } as const;
export const TITLE_HEIGHT = 28;
/** Rows a section's chart covers. */
export const CHART_ROWS = 16;
/** Page margins in inches (PORTRAIT_WIDTH assumes these). */
export const PRINT_MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;
/** Points a wrapped line takes; CJK fonts in Excel, WPS and LibreOffice stay within it at 11 pt. */
export const LINE_POINTS = 16;
const MAX_ROW_POINTS = 409;
const MAX_HEADER_LINES = 3;
const MIN_COLUMN = 8;
/** A4 in points. */
const A4 = { width: 595.3, height: 841.9 } as const;
/**
 * Points the plan counts for a row it leaves at the default height: at least what Excel and WPS (14.25 for 11 pt
 * 等线 or 宋体) and LibreOffice give such a row, so a page holds the rows the plan puts on it, even unscaled.
 */
export const ROW_POINTS = LINE_POINTS;
/** A table of at most this many rows is kept on one page. */
export const KEEP_TOGETHER_ROWS = 25;
/** A table starts a new page unless its title, header and this many rows fit on the current one. */
const MIN_FIRST_ROWS = 3;

/** Words the printed summary adds around the tables (one place, for the translations). */
export const PRINT_LABELS = {
  /** The first section of a summary with a roster: the 年度工作总结 paragraph. */
  yearSection: "年度概况",
  /** Under a table without rows. */
  none: "（无）",
  /** Page footer (&P page, &N pages: Excel's and LibreOffice's header/footer codes). */
  pageFooter: "第 &P 页，共 &N 页",
} as const;

function heightOf(lines: number): number {
  return Math.min(MAX_ROW_POINTS, LINE_POINTS * lines);
}

/** Lines a text takes in a column `chars` wide (a character's space kept free at each side). */
function linesIn(text: string, chars: number): number {
  return Math.max(1, Math.ceil(displayWidth(text) / Math.max(1, chars - 2)));
}

/** Lines the paragraph takes across `chars` characters, with a tenth to spare for where the lines break. */
function paragraphLines(text: string, chars: number): number {
  return Math.ceil((displayWidth(text) * 1.1) / Math.max(1, chars - 2)) + 1;
}

/** Whether a section's tables are too wide for A4 portrait (the month matrix); it then prints landscape. */
export function isWide(section: PrintSection): boolean {
  return columnWidths(section.tables).reduce((a, b) => a + b, 0) > PORTRAIT_WIDTH;
}

/** Points a printed page holds below the print titles (rows 1–2), with the plan's margins and no scaling. */
export function pagePoints(orientation: "portrait" | "landscape"): number {
  const paper = orientation === "portrait" ? A4.height : A4.width;
  return paper - (PRINT_MARGINS.top + PRINT_MARGINS.bottom) * 72 - TITLE_HEIGHT - ROW_POINTS;
}

/**
 * The points a page has used so far. Where a row does not fit, the plan breaks the page before it: every page
 * starts at a manual break, none where the printer would estimate otherwise.
 */
class PageFill {
  used = 0;
  constructor(
    readonly page: number,
    private readonly breaks: number[],
  ) {}
  fits(points: number): boolean {
    return this.used + points <= this.page;
  }
  newPage(row: number): void {
    this.breaks.push(row);
    this.used = 0;
  }
  /** Adds the row; true when it starts a new page. */
  add(points: number, row: number): boolean {
    const full = this.used > 0 && !this.fits(points);
    if (full) this.newPage(row);
    this.used += points;
    return full;
  }
  /** An empty row between blocks: at a page end it takes what is left there. */
  gap(): void {
    this.used = Math.min(this.page, this.used + ROW_POINTS);
  }
}

/**
 * `orientation` is the page the sheet prints on (default: landscape when a section is too wide for portrait); the
 * plan counts row heights against it to keep small tables on one page and repeat long tables' headers.
 */
export function printPlan(
  sections: readonly PrintSection[],
  orientation: "portrait" | "landscape" = sections.some(isWide) ? "landscape" : "portrait",
): PrintPlan {
  const tables = sections.flatMap((s) => s.tables);
  // A sheet of paragraphs only is as wide as a portrait page.
  const measured = tables.length > 0 ? columnWidths(tables) : [PORTRAIT_WIDTH / 2, PORTRAIT_WIDTH / 2];
  const width = Math.max(2, measured.length);
  const widths = Array.from({ length: width }, (_, i) => measured[i] ?? MIN_COLUMN);
  const across = widths.reduce((a, b) => a + b, 0);
  const placed: PlacedSection[] = [];
  const breaks: number[] = [];
  const fill = new PageFill(pagePoints(orientation), breaks);
  let r = SUBTITLE_ROW + 2;
  fill.gap();
  for (const [si, section] of sections.entries()) {
    if (si > 0) fill.newPage(r);
    const headingRow = r++;
    fill.add(ROW_POINTS, headingRow);
    let paragraph: PlacedSection["paragraph"] = null;
    if (section.paragraph) {
      paragraph = {
        row: r,
        height: heightOf(paragraphLines(section.paragraph, across)),
        text: section.paragraph,
      };
      r += 2;
      fill.add(paragraph.height, paragraph.row);
      fill.gap();
    }
    const pick = chartTableIndex(section.tables);
    const chartFrom = pick >= 0 ? r : -1;
    if (pick >= 0) {
      r += CHART_ROWS + 1;
      fill.add(CHART_ROWS * ROW_POINTS, chartFrom);
      fill.gap();
    }
    const mine: PlacedTable[] = [];
    for (const [ti, table] of section.tables.entries()) {
      const wrapColumns = table.rows.map((row, ri) =>
        row.flatMap((v, i) =>
          typeof v === "string" && linesIn(printedText(table, ri, i, v), widths[i] ?? MIN_COLUMN) > 1 ? [i] : [],
        ),
      );
      const rowHeights = table.rows.map((row, ri) => {
        const lines = Math.max(
          1,
          ...(wrapColumns[ri] ?? []).map((i) => linesIn(String(row[i] ?? ""), widths[i] ?? MIN_COLUMN)),
        );
        return lines > 1 ? heightOf(lines) : null;
      });
      const headerLines = Math.max(
        1,
        ...table.columns.map((c, i) => Math.ceil((displayWidth(c) + 1) / (widths[i] ?? MIN_COLUMN))),
      );
      const headerHeight = headerLines > 1 ? heightOf(Math.min(headerLines, MAX_HEADER_LINES)) : null;
      const head = ROW_POINTS + (headerHeight ?? ROW_POINTS);
      const rowPoints = table.rows.length > 0 ? rowHeights.map((h) => h ?? ROW_POINTS) : [ROW_POINTS];
      const whole = head + rowPoints.reduce((a, b) => a + b, 0) + (table.footnote ? ROW_POINTS : 0);
      const opening = head + rowPoints.slice(0, MIN_FIRST_ROWS).reduce((a, b) => a + b, 0);
      const small = table.rows.length <= KEEP_TOGETHER_ROWS && whole <= fill.page;
      // A small table that would cross the page end, or a long one whose first rows would not fit, starts a page.
      if (fill.used > 0 && !fill.fits(small ? whole : opening)) fill.newPage(r);
      const titleRow = r;
      const headerRow = r + 1;
      fill.add(ROW_POINTS, titleRow);
      fill.add(headerHeight ?? ROW_POINTS, headerRow);
      r = headerRow + 1;
      const firstRow = r;
      // The chart reads its table's rows as one block: its table never gets a header row in between.
      const repeats = ti !== pick;
      const dataRows: number[] = [];
      const repeatedHeaderRows: number[] = [];
      rowPoints.forEach((points, ri) => {
        if (repeats && !fill.fits(points)) {
          fill.add(headerHeight ?? ROW_POINTS, r);
          repeatedHeaderRows.push(r++);
        }
        fill.add(points, r);
        if (ri < table.rows.length) dataRows.push(r);
        r++;
      });
      const footnoteRow = table.footnote ? r++ : null;
      if (footnoteRow !== null) fill.add(ROW_POINTS, footnoteRow);
      r++;
      fill.gap();
      mine.push({
        table,
        titleRow,
        headerRow,
        headerHeight,
        firstRow,
        dataRows,
        repeatedHeaderRows,
        rowHeights,
        wrapColumns,
        footnoteRow,
      });
    }
    const shown = mine[pick];
    const chart: PlacedChart | null = shown
      ? {
          title: `${section.heading}：${shown.table.title}`,
          table: shown,
          rows: chartRows(shown.table),
          columns: chartColumns(shown.table),
          fromRow: chartFrom,
          toRow: chartFrom + CHART_ROWS - 1,
        }
      : null;
    placed.push({ heading: section.heading, headingRow, paragraph, chart, tables: mine });
  }
  return {
    widths,
    width,
    sections: placed,
    breaksBefore: breaks,
    lastRow: Math.max(SUBTITLE_ROW, r - 1),
  };
}

/** A cell of the plan: its value and number format ("General" when it has none). */
export interface PlanCell {
  readonly value: string | number;
  readonly format: string;
}

/** The plan's cells by 1-based row and column, as both writers put them on the sheet. */
export function planCells(plan: PrintPlan, title: string, subtitle: string): Map<number, Map<number, PlanCell>> {
  const cells = new Map<number, Map<number, PlanCell>>();
  const put = (row: number, col: number, value: string | number, format = "General") => {
    let line = cells.get(row);
    if (!line) cells.set(row, (line = new Map()));
    line.set(col, { value, format });
  };
  put(TITLE_ROW, 1, title);
  put(SUBTITLE_ROW, 1, subtitle);
  for (const s of plan.sections) {
    put(s.headingRow, 1, s.heading);
    if (s.paragraph) put(s.paragraph.row, 1, s.paragraph.text);
    for (const t of s.tables) {
      put(t.titleRow, 1, t.table.title);
      for (const headerRow of [t.headerRow, ...t.repeatedHeaderRows])
        t.table.columns.forEach((c, i) => put(headerRow, i + 1, c));
      if (t.table.rows.length === 0) put(t.firstRow, 1, PRINT_LABELS.none);
      t.table.rows.forEach((row, ri) =>
        row.forEach((v, i) => put(t.dataRows[ri] ?? t.firstRow + ri, i + 1, v, numberFormatOf(t.table, ri, i))),
      );
      if (t.footnoteRow !== null && t.table.footnote) put(t.footnoteRow, 1, t.table.footnote);
    }
  }
  return cells;
}
