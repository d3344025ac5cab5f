/**
 * The marked copy's first sheet, 问题清单: built from the samples, read back with exceljs and with SheetJS (an
 * independent reader), and its links followed by LibreOffice (ZHIBU_SKIP_LIBREOFFICE=1 skips that part). exceljs
 * does not read links that have no relationship (the form Excel writes for a place in the workbook), so the links
 * are checked with SheetJS and LibreOffice.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { type ValidationResult, validateWorkbook } from "../../src/core/engine";
import { type Lang, formatIssue } from "../../src/core/messages";
import { ruleTitle } from "../../src/core/messages/titles";
import { personLabel } from "../../src/core/messages/person-label";
import { parseAddress } from "../../src/core/address";
import type { Issue } from "../../src/core/types";
import { MARK_COLORS } from "../../addin/office/port";
import { TEXT } from "../../addin/taskpane/i18n";
import { HEADER_ROW, LEGEND_ROW, issueLink, issueRows } from "../../addin/standalone/issue-sheet";
import { markedCopyBytes } from "../../addin/standalone/marked-copy";

const SAMPLES = path.resolve(__dirname, "../../tests/fixtures/samples");
const AS_OF = { kind: "date", y: 2026, m: 11, d: 21 } as const;
const HAN = /\p{Script=Han}/u;
const SKIP_LIBREOFFICE = process.env["ZHIBU_SKIP_LIBREOFFICE"] === "1";

interface Made {
  readonly result: ValidationResult;
  readonly original: ExcelJS.Workbook;
  readonly bytes: Buffer;
  readonly exceljs: ExcelJS.Workbook;
  readonly sheetjs: XLSX.WorkBook;
}

async function make(sample: string, lang: Lang): Promise<Made> {
  const input = await readFile(path.join(SAMPLES, sample));
  const result = validateWorkbook((await readWorkbookBuffer(input, sample)).snapshot, { asOf: AS_OF });
  const describe = (i: Issue) => personLabel(i, lang) + formatIssue(i, lang);
  const copy = await markedCopyBytes(new Uint8Array(input), result.issues, describe, {}, lang);
  const bytes = Buffer.from(copy.bytes);
  const original = new ExcelJS.Workbook();
  await original.xlsx.load(input as unknown as ArrayBuffer);
  const exceljs = new ExcelJS.Workbook();
  await exceljs.xlsx.load(copy.bytes);
  return { result, original, bytes, exceljs, sheetjs: XLSX.read(bytes, { cellStyles: true }) };
}

/** The issue rows of the list as exceljs reads them: [severity, sheet, cell text, person, rule title, message, rule]. */
function listRows(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push([2, 3, 4, 5, 6, 7, 8].map((c) => row.getCell(c).text));
  }
  return rows;
}

/** `#'花名册'!E8` → sheet and cell. */
function parseLink(target: string): { sheet: string; cell: string } {
  const m = /^#'((?:[^']|'')+)'!([A-Z]+\d+)$/.exec(target);
  if (!m) throw new Error(`not an internal link: ${target}`);
  return { sheet: m[1]!.replace(/''/g, "'"), cell: m[2]! };
}

const argb = (hex: string) => `FF${hex.slice(1)}`;
const sortKey = (row: readonly string[]) => row.join("\u0001");

describe.each([
  ["roster-messy.xlsx", "zh-CN"],
  ["schedule.xlsx", "zh-CN"],
  ["schedule.xlsx", "en"],
] as const)("the marked copy of %s (%s) lists every issue first", (sample, lang) => {
  const t = TEXT[lang].issueSheet;
  let made: Made;
  beforeAll(async () => {
    made = await make(sample, lang);
  });

  test("the first sheet is the list; the workbook's own sheets follow in their order, still marked", () => {
    const names = made.exceljs.worksheets.map((w) => w.name);
    expect(names[0]).toBe(t.sheetName);
    expect(names.slice(1)).toEqual(made.original.worksheets.map((w) => w.name));
    expect(made.sheetjs.SheetNames).toEqual(names);
    const marked = made.result.issues.find((i) => i.cell !== null)!;
    const fill = made.exceljs.getWorksheet(marked.sheet)!.getCell(marked.cell!).fill;
    expect(fill?.type === "pattern" ? fill.fgColor?.argb : null).toMatch(/^FF(FFC7CE|FFEB9C|DDEBF7)$/);
  });

  test("one row per issue: the same severities, places, persons, rule titles and messages", () => {
    const rows = listRows(made.exceljs.worksheets[0]!);
    expect(rows).toHaveLength(made.result.issues.length);
    const expected = made.result.issues.map((i) => [
      t.severity[i.severity],
      i.sheet,
      i.cell ?? t.wholeSheet,
      i.person ?? "",
      ruleTitle(i.rule, lang),
      formatIssue(i, lang),
      i.rule,
    ]);
    expect(rows.map(sortKey).sort()).toEqual(expected.map(sortKey).sort());
    // SheetJS reads the same rows.
    const ws = made.sheetjs.Sheets[made.sheetjs.SheetNames[0]!]!;
    const viaSheetJs = XLSX.utils
      .sheet_to_json<string[]>(ws, { header: 1, raw: false, defval: "" })
      .slice(HEADER_ROW)
      .map((r) => r.slice(1, 8).map(String));
    expect(viaSheetJs.map(sortKey).sort()).toEqual(expected.map(sortKey).sort());
  });

  test("rows follow the sheets, a sheet's sheet-level issues first, then row and column", () => {
    const order = made.original.worksheets.map((w) => w.name);
    const ws = made.sheetjs.Sheets[made.sheetjs.SheetNames[0]!]!;
    const places = made.result.issues.map((_, i) => {
      const link = ws[`D${HEADER_ROW + 1 + i}`] as XLSX.CellObject;
      const { sheet, cell } = parseLink(link.l!.Target);
      const whole = link.v === t.wholeSheet;
      const at = parseAddress(cell)!;
      return [order.indexOf(sheet), whole ? -1 : at.row, whole ? -1 : at.col];
    });
    const sorted = [...places].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!);
    expect(places).toEqual(sorted);
    expect(places.every((p) => p[0]! >= 0)).toBe(true);
  });

  test("each 单元格 links to the issue's cell on an existing sheet (A1 for a sheet-level issue)", () => {
    const ws = made.sheetjs.Sheets[made.sheetjs.SheetNames[0]!]!;
    const links: string[] = [];
    for (let i = 0; i < made.result.issues.length; i++) {
      const cell = ws[`D${HEADER_ROW + 1 + i}`] as XLSX.CellObject;
      expect((cell.l as { Rel?: { TargetMode?: string } }).Rel?.TargetMode ?? "Internal").toBe("Internal");
      const { sheet, cell: address } = parseLink(cell.l!.Target);
      expect(made.sheetjs.SheetNames.slice(1)).toContain(sheet);
      links.push(`${sheet}!${address}|${String(cell.v)}`);
    }
    const expected = made.result.issues.map((i) => `${i.sheet}!${i.cell ?? "A1"}|${i.cell ?? t.wholeSheet}`);
    expect(links.sort()).toEqual(expected.sort());
    // No hyperlink relationship: a link to a place in the workbook is a location only.
    const part = made.exceljs.worksheets[0]!;
    expect(part.getCell(`D${HEADER_ROW + 1}`).hyperlink).toBeUndefined();
  });

  test("the legend shows the marks' own fills with their labels, and says the original is unchanged", () => {
    const ws = made.exceljs.worksheets[0]!;
    const sj = made.sheetjs.Sheets[made.sheetjs.SheetNames[0]!]!;
    (["error", "warning", "info"] as const).forEach((s, i) => {
      const cell = ws.getCell(LEGEND_ROW, 2 + i);
      expect(cell.text).toBe(t.severity[s]);
      expect(cell.fill?.type === "pattern" ? cell.fill.fgColor?.argb : null).toBe(argb(MARK_COLORS[s]));
      const viaSheetJs = sj[XLSX.utils.encode_cell({ r: LEGEND_ROW - 1, c: 1 + i })] as XLSX.CellObject;
      expect(viaSheetJs.v).toBe(t.severity[s]);
      expect((viaSheetJs.s as { fgColor?: { rgb?: string } }).fgColor?.rgb).toBe(MARK_COLORS[s].slice(1));
    });
    expect(ws.getCell(LEGEND_ROW + 1, 1).text).toBe(t.unchanged);
    // Each row's severity cell has its mark's fill.
    for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
      const label = ws.getCell(r, 2).text;
      const severity = (["error", "warning", "info"] as const).find((s) => t.severity[s] === label)!;
      const fill = ws.getCell(r, 2).fill;
      expect(fill?.type === "pattern" ? fill.fgColor?.argb : null).toBe(argb(MARK_COLORS[severity]));
    }
  });

  test("header bold and frozen, autofilter over the table, A4 landscape fit to width", () => {
    const ws = made.exceljs.worksheets[0]!;
    const header = ws.getRow(HEADER_ROW);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => header.getCell(c).text)).toEqual(Object.values(t.columns));
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: HEADER_ROW });
    expect(ws.autoFilter).toBe(`A${HEADER_ROW}:H${HEADER_ROW + made.result.issues.length}`);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
    expect(ws.getColumn(7).width).toBeGreaterThan(40);
    expect(made.exceljs.views[0]?.activeTab).toBe(0);
  });

  if (lang === "en") {
    test("in English, everything but the user's data is English", () => {
      const ws = made.exceljs.worksheets[0]!;
      const own = new Set<string>();
      made.original.eachSheet((s) => {
        own.add(s.name);
        s.eachRow((row) => row.eachCell((c) => own.add(c.text)));
      });
      for (let r = 1; r <= ws.rowCount; r++)
        for (const c of [1, 2, 4, 6, 8]) {
          const text = ws.getCell(r, c).text;
          if (!own.has(text)) expect({ r, c, text, han: HAN.test(text) }).toEqual({ r, c, text, han: false });
        }
    });
  }
});

test("the schedule's frequency shortfalls, which have no cell, are listed and link to A1 of their sheet", async () => {
  const { result, sheetjs } = await make("schedule.xlsx", "zh-CN");
  const shortfalls = result.issues.filter((i) => i.rule === "schedule.frequency");
  expect(shortfalls.length).toBeGreaterThanOrEqual(3);
  const ws = sheetjs.Sheets[sheetjs.SheetNames[0]!]!;
  const rows = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, raw: false, defval: "" }).slice(HEADER_ROW);
  const listed = rows.flatMap((r, i) => (r[7] === "schedule.frequency" ? [{ r, i }] : []));
  expect(listed.map(({ r }) => r[6]).sort()).toEqual(shortfalls.map((i) => formatIssue(i, "zh-CN")).sort());
  for (const { r, i } of listed) {
    expect(r[3]).toBe("（整表）");
    expect((ws[`D${HEADER_ROW + 1 + i}`] as XLSX.CellObject).l?.Target).toBe(`#'${shortfalls[0]!.sheet}'!A1`);
  }
  // The sheet-level issues of 月度安排 come before its cell issues.
  expect(listed.map(({ i }) => i)).toEqual(shortfalls.map((_, i) => i));
});

test("issueRows puts any list in the pane's order; links quote the sheet name", async () => {
  const { result } = await make("roster-messy.xlsx", "zh-CN");
  const schedule = (await make("schedule.xlsx", "zh-CN")).result;
  const mixed = [...schedule.issues, ...result.issues].reverse();
  const rows = issueRows(mixed, ["花名册", "说明", "设置", "月度安排"], "en");
  const key = (r: { sheet: string; cell: string | null }) => {
    const at = r.cell === null ? { row: -1, col: -1 } : parseAddress(r.cell)!;
    return [r.sheet === "月度安排" ? 1 : 0, at.row, at.col];
  };
  const keys = rows.map(key);
  expect(keys).toEqual([...keys].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!));
  expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
  expect(rows.find((r) => r.rule === "schedule.frequency")?.title).toBe(ruleTitle("schedule.frequency", "en"));
  expect(issueLink("It's 花名册", "E8")).toBe("#'It''s 花名册'!E8");
  expect(issueLink("月度安排", null)).toBe("#'月度安排'!A1");
});

const describeLibreOffice = SKIP_LIBREOFFICE ? describe.skip : describe;

describeLibreOffice("LibreOffice follows the list's links", () => {
  test("every link of the list is a reference into the workbook", async () => {
    const { result, bytes } = await make("roster-messy.xlsx", "zh-CN");
    const dir = mkdtempSync(path.join(os.tmpdir(), "zhibu-marked-"));
    const file = path.join(dir, "marked.xlsx");
    writeFileSync(file, bytes);
    const r = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, "profile")).href}`,
        "--headless",
        "--convert-to",
        "html",
        "--outdir",
        dir,
        file,
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    if (r.error) throw new Error(`soffice: ${r.error.message} (ZHIBU_SKIP_LIBREOFFICE=1 skips this test)`);
    const html = readdirSync(dir).find((f) => f.endsWith(".html"));
    expect(html).toBeDefined();
    const hrefs = [...readFileSync(path.join(dir, html!), "utf8").matchAll(/<a href="([^"]*)"/gi)].map((m) => m[1]!);
    // LibreOffice writes a reference in its own form ('Sheet'.E8), or as it is when it could be read as R1C1 (C11).
    const links = hrefs.filter((h) => !/^#table\d+$/.test(h)).map((h) => h.replace(/'!([A-Z]+\d+)$/, "'.$1"));
    expect(links.sort()).toEqual(result.issues.map((i) => `#'${i.sheet}'.${i.cell ?? "A1"}`).sort());
  });
});
