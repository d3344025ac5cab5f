/**
 * The 汇总 sheet in Excel prints like the file `zhibu summarize -o` writes for the same workbook (issue 11): the
 * adapter writes it over the Excel fake in one batch, the real CLI writes its file, and the two are compared —
 * page breaks before the same rows (before every section's heading), the same cells and number formats, column
 * widths, row heights, print titles, print area, A4 fitted to one page wide, margins and footer, and the 年度概况
 * paragraph equal to the one the CLI prints. The file's side is read from its XML (JSZip) and through exceljs.
 */
import path from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { validateWorkbook } from "../../src/core/engine";
import { summaryOf, summaryParagraph, summaryTitles } from "../../src/core/summary/sections";
import { withYearSection } from "../../src/core/summary/year-section";
import { writeSummaryWorkbook } from "../../src/xlsx/write-summary";
import { displayWidth } from "../../src/core/summary/print-layout";
import { columnLetter } from "../../src/core/address";
import { charsToPoints } from "../../addin/office/office-values";
import {
  FakeOfficeError,
  type FakeExcel,
  type GridSheet,
  cellBorders,
  fakeFromXlsx,
  gridFromWorkbook,
} from "../fakes/excel-fake";
import { FakeExcel as FakeHost } from "../fakes/excel-fake";
import { buildTemplateWorkbook } from "../../src/xlsx/write-template";
import { sampleRows } from "../../src/core/samples";
import { roster } from "../../src/core/templates/roster";
import { evaluation } from "../../src/core/templates/evaluation";
import { ballot } from "../../src/core/templates/ballot";
import { runCli, tempDir } from "../helpers/cli";
import { AS_OF } from "../helpers/build";
import { SAMPLES, adapterOver, rowOf } from "./helpers";

const dir = tempDir("zhibu-summary-print-");
const SUMMARY = "汇总";

/** The file's part for a sheet name, through workbook.xml and its relationships. */
async function sheetXml(zip: JSZip, name: string): Promise<string> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target =
    new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  if (!target) throw new Error(`no part for sheet ${name}`);
  return zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
}

interface FileSide {
  readonly breaks: number[];
  readonly grid: GridSheet;
  readonly ws: ExcelJS.Worksheet;
  readonly xml: string;
  readonly definedNames: string;
  readonly printedSheets: string[];
}

async function fileSide(file: string): Promise<FileSide> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await sheetXml(zip, SUMMARY);
  // <brk id="n"/>: the page breaks after row n.
  const breaks = [...xml.matchAll(/<brk [^>]*id="(\d+)"/g)].map((m) => Number(m[1]) + 1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const grid = gridFromWorkbook(wb, path.basename(file)).sheets.find((s) => s.name === SUMMARY)!;
  return {
    breaks,
    grid,
    ws: wb.getWorksheet(SUMMARY)!,
    xml,
    definedNames: await zip.file("xl/workbook.xml")!.async("string"),
    printedSheets: wb.worksheets.map((w) => w.name).filter((n) => n.startsWith(SUMMARY)),
  };
}

/** The paragraph the CLI text ends with (the line after 【年度工作总结用语】). */
function cliParagraph(stdout: string): string {
  const lines = stdout.split("\n");
  return lines[lines.indexOf("【年度工作总结用语】") + 1] ?? "";
}

interface Case {
  readonly fake: FakeExcel;
  readonly syncs: number;
  readonly sheet: GridSheet;
  readonly values: ReturnType<FakeExcel["valuesOf"]>;
  readonly headings: string[];
  readonly file: FileSide;
  readonly paragraph: string;
}

/**
 * The 汇总 sheet written through the adapter, and the file: `zhibu summarize -o`'s, or with `oneSheet` the summary
 * writer's with every section on one landscape 汇总 sheet (what Excel's single sheet is when a section is wide).
 */
async function writeBoth(input: string, oneSheet = false): Promise<Case> {
  const fake = await fakeFromXlsx(input);
  fake.apiVersion = "1.20";
  const adapter = adapterOver(fake);
  const result = validateWorkbook(await adapter.readWorkbook(), { asOf: AS_OF });
  const titles = summaryTitles(result, path.basename(input));
  fake.resetStats();
  await adapter.writeSummarySheet(result, { ...titles, mask: true });
  const syncs = fake.stats.syncs;
  const out = path.join(dir, `${path.basename(input, ".xlsx")}-汇总.xlsx`);
  const cli = await runCli(["summarize", input, "-o", out, "--as-of", "2026-11-21", "--force"]);
  expect(cli.code).toBe(0);
  if (oneSheet) {
    const { summary, sections } = summaryOf(result, true);
    const printed = withYearSection(sections, summaryParagraph(result, summary));
    const bytes = await writeSummaryWorkbook({ ...titles, sections: printed, orientation: "landscape" });
    writeFileSync(out, bytes);
  }
  return {
    fake,
    syncs,
    sheet: fake.sheet(SUMMARY),
    values: fake.valuesOf(SUMMARY),
    headings: ["年度概况", ...summaryOf(result, true).sections.map((s) => s.heading)],
    file: await fileSide(out),
    paragraph: cliParagraph(cli.stdout),
  };
}

/** roster + 年终考核 + 民主测评, 20 invented rows each: three sections besides 年度概况, all portrait. */
async function threeTemplates(): Promise<string> {
  const file = path.join(dir, "三种模板.xlsx");
  const templates = [roster, evaluation, ballot];
  const rows = Object.fromEntries(templates.map((t) => [t.id, sampleRows(t.id, 20, { seed: 11, asOf: AS_OF })]));
  await buildTemplateWorkbook({ templates, branch: "第十一中学党支部", rows, asOf: AS_OF }).xlsx.writeFile(file);
  return file;
}

const cases: Record<string, Case> = {};

beforeAll(async () => {
  cases["roster-clean"] = await writeBoth(path.join(SAMPLES, "roster-clean.xlsx"));
  cases["three templates"] = await writeBoth(await threeTemplates());
  const all = path.join(dir, "四种模板.xlsx");
  expect((await runCli(["template", "all", "-o", all, "--sample", "30"])).code).toBe(0);
  cases["all four templates (month matrix: one landscape sheet)"] = await writeBoth(all, true);
});

const NAMES = Object.keys({
  "roster-clean": 0,
  "three templates": 0,
  "all four templates (month matrix: one landscape sheet)": 0,
});

/** The print area's last row, from the file's defined name ('汇总'!$A1:$F93). */
function printAreaOf(c: Case): { last: string; lastRow: number } {
  const m = /_xlnm\.Print_Area" localSheetId="0">[^<]*!\$A\$?1:\$([A-Z]+)\$?(\d+)</.exec(c.file.definedNames);
  if (!m) throw new Error("the file has no print area on 汇总");
  return { last: m[1]!, lastRow: Number(m[2]) };
}

describe.each(NAMES)("汇总 in Excel and in the file: %s", (name) => {
  const c = () => cases[name]!;

  test("the file prints every section on its one 汇总 sheet (the comparison below is like for like)", () => {
    expect(c().file.printedSheets).toEqual([SUMMARY]);
  });

  test("the whole sheet is written in one batch: 2 syncs (read names and tables, write)", () => {
    expect(c().syncs).toBe(2);
  });

  test("a page break before every section's heading but the first, all at the rows where the file breaks", () => {
    const { sheet, values, headings, file } = c();
    const headingRows = headings.map((h) => rowOf(values, h) + 1);
    expect(headingRows.every((r) => r > 0)).toBe(true);
    expect(headingRows).toEqual([...headingRows].sort((a, b) => a - b));
    const breaks = sheet.pageBreaks.map((b) => b.row);
    // Besides the sections', breaks before small tables kept on one page and repeated header rows (print-plan.ts).
    expect(breaks).toEqual(expect.arrayContaining(headingRows.slice(1)));
    expect(breaks).not.toContain(headingRows[0]);
    expect(sheet.pageBreaks.every((b) => b.column === 1)).toBe(true);
    expect(file.breaks).toEqual(breaks);
  });

  test("the same cells, number formats and merges as the file's 汇总 sheet, up to the end of its print area", () => {
    const { sheet, values, file } = c();
    const { last, lastRow } = printAreaOf(c());
    const cols = columnLetter(values[0]?.length ?? 0);
    expect(cols).toBe(last);
    const width = values[0]?.length ?? 0;
    const upTo = (grid: ReturnType<FakeExcel["valuesOf"]>) =>
      Array.from({ length: lastRow }, (_, r) => Array.from({ length: width }, (_, k) => grid[r]?.[k] ?? ""));
    const theirs = new FakeHost({ name: "f.xlsx", sheets: [file.grid] }).valuesOf(SUMMARY);
    expect(upTo(values)).toEqual(upTo(theirs));
    const format = (s: GridSheet, r: number, col: number) => s.cells.get(r * 16384 + col)?.format ?? "General";
    for (let r = 1; r <= lastRow; r++)
      for (let col = 1; col <= (values[0]?.length ?? 0); col++)
        expect([r, col, format(sheet, r, col)]).toEqual([r, col, format(file.grid, r, col)]);
    const key = (m: { top: number; left: number; bottom: number; right: number }) =>
      `${m.top},${m.left},${m.bottom},${m.right}`;
    expect(sheet.merges.map(key).sort()).toEqual(file.grid.merges.map(key).sort());
  });

  test("thin grey lines on every side of the same cells as the file's: each table's header and rows", () => {
    const { sheet, file } = c();
    const { lastRow } = printAreaOf(c());
    const width = sheet.columnWidths.size;
    const inExcel: string[] = [];
    const inFile: string[] = [];
    for (let r = 1; r <= lastRow; r++)
      for (let col = 1; col <= width; col++) {
        const cell = sheet.cells.get(r * 16384 + col);
        const lines = cell ? cellBorders(cell) : {};
        const sides = (["top", "left", "bottom", "right"] as const).filter(
          (s) => lines[s]?.style === "Continuous" && lines[s]?.weight === "Thin" && lines[s]?.color === "#999999",
        );
        if (sides.length > 0) inExcel.push(`${r},${col}:${sides.join(" ")}`);
        const border = file.ws.getCell(r, col).border ?? {};
        const drawn = (["top", "left", "bottom", "right"] as const).filter(
          (s) => border[s]?.style === "thin" && border[s]?.color?.argb === "FF999999",
        );
        if (drawn.length > 0) inFile.push(`${r},${col}:${drawn.join(" ")}`);
      }
    expect(inFile.length).toBeGreaterThan(20);
    expect(inExcel).toEqual(inFile);
  });

  test("column widths and row heights as the file's", () => {
    const { sheet, file } = c();
    const { lastRow } = printAreaOf(c());
    const widths = [...sheet.columnWidths.entries()].sort((a, b) => a[0] - b[0]);
    expect(widths.length).toBeGreaterThan(1);
    for (const [col, points] of widths)
      expect([col, points]).toEqual([col, charsToPoints(file.ws.getColumn(col).width!)]);
    const heights = new Map<number, number>();
    for (let r = 1; r <= lastRow; r++) {
      const h = file.ws.getRow(r).height;
      if (h) heights.set(r, h);
    }
    expect(heights.size).toBeGreaterThan(1);
    expect(new Map([...sheet.rowHeights].filter(([r]) => r <= lastRow))).toEqual(heights);
  });

  test("print setup as the file's: A4, orientation, one page wide, title rows, print area, margins, footer", () => {
    const { sheet, file } = c();
    const page = sheet.pageLayout;
    const setup = /<pageSetup [^>]*>/.exec(file.xml)?.[0] ?? "";
    expect(setup).toContain('paperSize="9"');
    expect(page["paperSize"]).toBe("A4");
    expect(`orientation="${String(page["orientation"]).toLowerCase()}"`).toBe(/orientation="\w+"/.exec(setup)?.[0]);
    expect(setup).toMatch(/fitToWidth="1"/);
    expect(setup).toMatch(/fitToHeight="0"/);
    expect(page["zoom"]).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(file.definedNames).toMatch(/_xlnm\.Print_Titles" localSheetId="0">[^<]*!\$1:\$2</);
    expect(page["printTitleRows"]).toBe("$1:$2");
    const { last, lastRow } = printAreaOf(c());
    expect(page["printArea"]).toBe(`A1:${last}${lastRow}`);
    const margins = /<pageMargins ([^>]*)\/>/.exec(file.xml)?.[1] ?? "";
    for (const side of ["left", "right", "top", "bottom", "header", "footer"]) {
      const inches = Number(new RegExp(`${side}="([\\d.]+)"`).exec(margins)?.[1]);
      expect(page[`${side}Margin`]).toBeCloseTo(inches * 72, 6);
    }
    const footer = /<oddFooter>([^<]*)<\/oddFooter>/.exec(file.xml)?.[1]?.replace(/&amp;/g, "&");
    expect(footer).toMatch(/&P.*&N/);
    expect(page["centerFooter"]).toBe(footer);
  });

  test("年度概况 opens the sheet: the CLI's paragraph, merged across the tables and tall enough to print whole", () => {
    const { sheet, values, paragraph } = c();
    expect(paragraph).toMatch(/^截至2026年11月21日，.*现有党员\d+名/);
    const at = rowOf(values, "年度概况");
    expect(at).toBe(3);
    const row = at + 2;
    expect(values[row - 1]?.[0]).toBe(paragraph);
    const cols = values[0]?.length ?? 0;
    expect(sheet.merges).toContainEqual({ top: row, bottom: row, left: 1, right: cols });
    // Characters across the merged cell; Excel's character unit fits one CJK character in two.
    let chars = 0;
    for (let col = 1; col <= cols; col++) chars += ((sheet.columnWidths.get(col) ?? 0) / 0.75 - 5) / 7;
    const lines = Math.ceil(displayWidth(paragraph) / chars);
    expect(sheet.rowHeights.get(row)).toBeGreaterThanOrEqual(15 * lines);
    // The next section starts on a new page.
    expect(sheet.pageBreaks[0]?.row).toBeGreaterThan(row);
  });

  test("each chart lies under its section's heading, across the sheet's columns, before the next page break", () => {
    const { sheet, values } = c();
    const cols = columnLetter(values[0]?.length ?? 0);
    expect(sheet.charts.length).toBeGreaterThan(0);
    const breaks = sheet.pageBreaks.map((b) => b.row);
    for (const chart of sheet.charts) {
      const m = /^A(\d+):([A-Z]+)(\d+)$/.exec(chart.position ?? "");
      expect(m).not.toBeNull();
      const [from, to] = [Number(m![1]), Number(m![3])];
      expect(m![2]).toBe(cols);
      const heading = String(values[from - 2]?.[0] ?? "");
      expect(chart.title?.startsWith(`${heading}：`)).toBe(true);
      const next = breaks.find((b) => b > from) ?? Infinity;
      expect(to).toBeLessThan(next);
    }
  });
});

describe("the fake's borders", () => {
  test("a border reads only after load and sync: the common line of its cells, else null", async () => {
    const { fake } = cases["roster-clean"]!;
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(SUMMARY);
      const range = ws.getRange("H300:I302");
      range.format.borders.getItem("InsideVertical").style = "Continuous";
      range.format.borders.getItem("EdgeTop").color = "#ff0000";
      const inside = range.format.borders.getItem("InsideVertical");
      const top = range.format.borders.getItem("EdgeTop");
      const bottom = range.format.borders.getItem("EdgeBottom");
      inside.load("style");
      top.load("color,style");
      bottom.load("style");
      expect(() => inside.style).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(inside.style).toBe("Continuous");
      expect([top.color, top.style]).toEqual(["#FF0000", "Continuous"]);
      expect(bottom.style).toBe("None");
      expect(() => range.format.borders.getItem("DiagonalUp")).toThrow(FakeOfficeError);
    });
    const grid = fake.sheet(SUMMARY);
    const sides = (r: number, col: number) => Object.keys(cellBorders(grid.cells.get(r * 16384 + col)!)).sort();
    expect([sides(300, 8), sides(300, 9), sides(301, 8), sides(302, 9)]).toEqual([
      ["right", "top"],
      ["left", "top"],
      ["right"],
      ["left"],
    ]);
  });
});

describe("the fake's horizontalPageBreaks", () => {
  test("count, items and each break are readable only after a sync, like Office's", async () => {
    const { fake, sheet } = cases["roster-clean"]!;
    const rows = sheet.pageBreaks.map((b) => b.row);
    await fake.run(async (context) => {
      const breaks = context.workbook.worksheets.getItem(SUMMARY).horizontalPageBreaks;
      const count = breaks.getCount();
      const first = breaks.getItem(0);
      first.load("rowIndex");
      breaks.load("items/rowIndex");
      expect(() => count.value).toThrow(/not been loaded/);
      expect(() => breaks.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => first.rowIndex).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(count.value).toBe(rows.length);
      expect(first.rowIndex + 1).toBe(rows[0]);
      expect(breaks.items.map((b) => b.rowIndex + 1)).toEqual(rows);
    });
  });

  test("a break added twice on a row is one break; getItem past the end fails the sync", async () => {
    const { fake } = cases["roster-clean"]!;
    const before = fake.sheet(SUMMARY).pageBreaks.length;
    await fake.run(async (context) => {
      const breaks = context.workbook.worksheets.getItem(SUMMARY).horizontalPageBreaks;
      breaks.add("A200");
      breaks.add("C200");
      await context.sync();
    });
    expect(fake.sheet(SUMMARY).pageBreaks).toHaveLength(before + 1);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets
          .getItem(SUMMARY)
          .horizontalPageBreaks.getItem(before + 5)
          .load("rowIndex");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("ExcelApi 1.8: no page layout and no page breaks (not on the host), the sheet is still written", async () => {
    const fake = await fakeFromXlsx(path.join(SAMPLES, "roster-clean.xlsx"));
    fake.apiVersion = "1.8";
    const adapter = adapterOver(fake);
    const result = validateWorkbook(await adapter.readWorkbook(), { asOf: AS_OF });
    await adapter.writeSummarySheet(result, { title: "t", subtitle: "s", mask: true });
    expect(fake.sheet(SUMMARY).pageBreaks).toEqual([]);
    expect(fake.sheet(SUMMARY).pageLayout).toEqual({});
    expect(rowOf(fake.valuesOf(SUMMARY), "年度概况")).toBe(3);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem(SUMMARY).horizontalPageBreaks.add("A5");
        await context.sync();
      }),
    ).rejects.toBeInstanceOf(FakeOfficeError);
  });
});
