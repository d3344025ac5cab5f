/**
 * Formulas that really compute (SPEC §2.3 总分/排名, §2.4 优秀率): generated workbooks are recalculated by a real
 * spreadsheet engine, LibreOffice headless, and every formula cell it computes must equal the cached result the
 * writer stored, which is what the engine reads, and the engine's own figures (Σ items + 加分 − 扣分,
 * competition rank, 优秀票 ÷ 应参评人数).
 *
 * How: a throwaway LibreOffice profile whose registrymodifications.xcu sets Calc's OOXMLRecalcMode to 0 (always
 * recalculate; by default LibreOffice keeps the cached values of an .xlsx), then `--convert-to csv` with the
 * UTF-8 filter (token 3 = 76; without it Chinese comes out as "?"), raw values rather than as shown (token 9 =
 * false) and every sheet to its own file (token 12 = -1, LibreOffice 7.2 or later).
 *
 * Needs `soffice` (or `libreoffice`) on PATH: CI installs libreoffice-calc-nogui (.ci/run). Without it the test
 * fails, unless ZHIBU_SKIP_LIBREOFFICE=1 opts out.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/types";
import { validateWorkbook, type SheetReport } from "../../src/core/engine";
import { parseAddress } from "../../src/core/address";
import { readWorkbookFile } from "../../src/xlsx/read";
import { readCsv } from "../../src/xlsx/csv";
import { templateById } from "../../src/core/templates";
import { sheetFields } from "../../src/core/templates/fields";
import { runCli, tempDir } from "../helpers/cli";

const SKIP = process.env["ZHIBU_SKIP_LIBREOFFICE"] === "1";
const SOFFICE = findOnPath(["soffice", "libreoffice"]);
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
const SAMPLE_ROWS = 60;
/** A cached result no formula here can give: the recalculated workbook must not show it anywhere. */
const STALE = -12345;

function findOnPath(names: readonly string[]): string | null {
  for (const dir of (process.env["PATH"] ?? "").split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        fs.accessSync(file, fs.constants.X_OK);
        if (fs.statSync(file).isFile()) return file;
      } catch {
        // not here
      }
    }
  }
  return null;
}

const MISSING_MESSAGE =
  "LibreOffice (soffice) is not on PATH, so the generated workbooks' formulas cannot be recalculated by a real " +
  "spreadsheet engine. Install it (Debian: apt-get install -y libreoffice-calc-nogui) or set " +
  "ZHIBU_SKIP_LIBREOFFICE=1 to skip this test on purpose.";

if (SKIP) {
  describe.skip("LibreOffice recalculation (skipped: ZHIBU_SKIP_LIBREOFFICE=1)", () => {
    test("skipped", () => undefined);
  });
} else if (!SOFFICE) {
  describe("LibreOffice recalculation", () => {
    test("LibreOffice is installed", () => {
      throw new Error(MISSING_MESSAGE);
    });
  });
} else {
  describe("generated workbooks recalculated by LibreOffice", () => recalcSuite(SOFFICE));
}

/** `LibreOffice 7.4.7.2 40(Build:2)` → [7, 4]. */
function libreOfficeVersion(soffice: string): { text: string; major: number; minor: number } {
  const r = spawnSync(soffice, ["--version"], { encoding: "utf8", timeout: 60_000 });
  const text = (r.stdout ?? "").trim();
  const m = /LibreOffice\s+(\d+)\.(\d+)/.exec(text);
  if (!m) throw new Error(`Cannot read the LibreOffice version from \`${soffice} --version\`: ${text || r.stderr}`);
  return { text, major: Number(m[1]), minor: Number(m[2]) };
}

/** A LibreOffice user profile that recalculates every formula of an .xlsx on load. */
function recalcProfile(dir: string): string {
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return pathToFileURL(dir).href;
}

/**
 * Recalculates the workbooks with LibreOffice and returns each workbook's sheets as CSV rows (strings, "" for
 * empty), keyed by sheet name. One LibreOffice run converts them all.
 */
function recalculate(
  soffice: string,
  profileUrl: string,
  files: readonly string[],
  sheetNames: readonly string[],
  outDir: string,
) {
  const r = spawnSync(
    soffice,
    [
      `-env:UserInstallation=${profileUrl}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      CSV_FILTER,
      "--outdir",
      outDir,
      ...files,
    ],
    { encoding: "utf8", timeout: 300_000 },
  );
  const log = `exit ${r.status}${r.error ? ` (${r.error.message})` : ""}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;
  if (r.status !== 0) throw new Error(`LibreOffice failed:\n${log}`);
  const result = new Map<string, Map<string, string[][]>>();
  for (const file of files) {
    const base = path.basename(file, path.extname(file));
    const sheets = new Map<string, string[][]>();
    for (const sheet of sheetNames) {
      const csv = path.join(outDir, `${base}-${sheet}.csv`);
      if (!fs.existsSync(csv)) throw new Error(`LibreOffice wrote no ${path.basename(csv)}:\n${log}`);
      const snapshot = readCsv(fs.readFileSync(csv), `${sheet}.csv`);
      sheets.set(
        sheet,
        (snapshot.sheets[0]?.values ?? []).map((row) => row.map((v) => (typeof v === "string" ? v : ""))),
      );
    }
    result.set(file, sheets);
  }
  return result;
}

/** LibreOffice's raw CSV text of a number ("80", "66.6666666666667%") or "" for an empty result. */
function csvNumber(text: string): number | "" | string {
  if (text === "") return "";
  const pct = text.endsWith("%");
  const n = Number(pct ? text.slice(0, -1) : text);
  if (!Number.isFinite(n)) return text;
  return pct ? n / 100 : n;
}

/** A cached formula result as the engine reads it: a number, or "" for an empty result. */
function cachedOf(v: ExcelJS.CellFormulaValue["result"]): number | "" | string {
  if (v === undefined || v === null || v === "") return "";
  if (typeof v === "number") return v;
  return JSON.stringify(v);
}

function expectSame(actual: number | "" | string, expected: number | "" | string, where: string): void {
  if (typeof actual === "number" && typeof expected === "number") {
    if (Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected))) return;
  } else if (actual === expected) return;
  throw new Error(`${where}: LibreOffice gives ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

interface FormulaCellRef {
  sheet: string;
  address: string;
  row: number;
  col: number;
  formula: string;
  cached: number | "" | string;
}

/** Every formula cell of the workbook with its cached result. */
async function formulaCells(file: string): Promise<FormulaCellRef[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells: FormulaCellRef[] = [];
  wb.eachSheet((ws) => {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        // cell.result, not cell.value: exceljs's value leaves out a falsy result such as 0.
        if (cell.type === ExcelJS.ValueType.Formula) {
          cells.push({
            sheet: ws.name,
            address: cell.address,
            row: Number(cell.row),
            col: Number(cell.col),
            formula: cell.formula,
            cached: cachedOf(cell.result),
          });
        }
      });
    });
  });
  return cells;
}

function csvCell(sheets: Map<string, string[][]> | undefined, sheet: string, row: number, col: number): string {
  return sheets?.get(sheet)?.[row - 1]?.[col - 1] ?? "";
}

function snapshotCell(sheet: SheetSnapshot, row: number, col: number): CellValue {
  return sheet.values[row - (sheet.originRow ?? 1)]?.[col - (sheet.originCol ?? 1)] ?? null;
}

function colOf(report: SheetReport, key: string): number {
  const letter = report.columns[key];
  const at = letter ? parseAddress(`${letter}1`) : null;
  if (!at) throw new Error(`${report.sheet} has no column ${key}`);
  return at.col;
}

function num(v: CellValue): number | null {
  return typeof v === "number" ? v : null;
}

/** The engine's figures for the computed columns, from the inputs the engine reads: field key → row → value. */
function engineFigures(snapshot: WorkbookSnapshot, report: SheetReport): Map<string, Map<number, number | "">> {
  const sheet = snapshot.sheets.find((s) => s.name === report.sheet)!;
  const first = (report.headerRow ?? 0) + 1;
  const rows = Array.from({ length: sheet.values.length - first + (sheet.originRow ?? 1) }, (_, i) => first + i);
  const at = (key: string, row: number) => num(snapshotCell(sheet, row, colOf(report, key)));
  const figures = new Map<string, Map<number, number | "">>();
  if (report.template === "evaluation") {
    const items = Object.keys(report.columns).filter((k) => k.startsWith("item:"));
    const total = new Map<number, number | "">();
    for (const row of rows) {
      const scores = items.map((k) => at(k, row));
      total.set(
        row,
        scores.every((s) => s === null)
          ? ""
          : scores.reduce<number>((a, s) => a + (s ?? 0), 0) + (at("bonus", row) ?? 0) - (at("deduction", row) ?? 0),
      );
    }
    const numbers = [...total.values()].filter((t): t is number => t !== "");
    const rank = new Map<number, number | "">();
    // Competition rank: 1 + how many totals are higher (1, 2, 2, 4).
    for (const [row, t] of total) rank.set(row, t === "" ? "" : 1 + numbers.filter((x) => x > t).length);
    figures.set("total", total);
    figures.set("rank", rank);
  }
  if (report.template === "ballot") {
    const rate = new Map<number, number | "">();
    for (const row of rows) {
      const excellent = at("excellent", row);
      const voters = at("voters", row);
      rate.set(row, excellent === null || voters === null || voters === 0 ? "" : excellent / voters);
    }
    figures.set("excellentRate", rate);
  }
  return figures;
}

/** The formula with its relative row numbers moved by `dr` (string literals left alone), as a cell `dr` rows down sees it. */
function shiftRows(formula: string, dr: number): string {
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(\$?[A-Z]{1,3})(\$?)(\d+)/g,
            (_, col: string, abs: string, row: string) => `${col}${abs}${abs ? row : Number(row) + dr}`,
          ),
    )
    .join('"');
}

/** A conditional format's formula evaluated in a cell beside the table, for one row. */
interface Probe {
  sheet: string;
  row: number;
  col: number;
  /** The conditional format's own column. */
  formatCol: number;
  formula: string;
}

function recalcSuite(soffice: string): void {
  let dir: string;
  let version: ReturnType<typeof libreOfficeVersion>;
  const files = { sample: "", stale: "", empty: "", partial: "" };
  let sheetNames: string[];
  let lo: Map<string, Map<string, string[][]>>;
  let sample: { snapshot: WorkbookSnapshot; reports: readonly SheetReport[]; cells: FormulaCellRef[] };
  let empty: { reports: readonly SheetReport[]; cells: FormulaCellRef[] };
  /** Inputs typed into the empty template by the test, and the figures they must give. */
  const typed: { sheet: string; row: number; key: string; value: number }[] = [];
  let partialReports: readonly SheetReport[];
  let partialSnapshot: WorkbookSnapshot;
  const probes: Probe[] = [];

  beforeAll(async () => {
    version = libreOfficeVersion(soffice);
    if (version.major < 7 || (version.major === 7 && version.minor < 2)) {
      throw new Error(`${version.text}: the CSV filter's sheet option (all sheets, -1) needs LibreOffice 7.2 or later`);
    }
    dir = tempDir("zhibu-recalc-");
    for (const k of Object.keys(files) as (keyof typeof files)[]) files[k] = path.join(dir, `${k}.xlsx`);

    // The CLI's own workbooks: every template with sample rows, and every template empty.
    const made = await runCli([
      "template",
      "all",
      "--sample",
      String(SAMPLE_ROWS),
      "--as-of",
      "2026-11-21",
      "-o",
      files.sample,
    ]);
    expect(made.stderr).toBe("");
    expect((await runCli(["template", "all", "--as-of", "2026-11-21", "-o", files.empty])).stderr).toBe("");

    const read = await readWorkbookFile(files.sample);
    const result = validateWorkbook(read.snapshot, { asOf: { kind: "date", y: 2026, m: 11, d: 21 } });
    expect(result.issues.slice(0, 5)).toEqual([]);
    sample = { snapshot: read.snapshot, reports: result.sheets, cells: await formulaCells(files.sample) };
    sheetNames = read.snapshot.sheets.map((s) => s.name);

    // The same workbook with every cached result replaced: only a real recalculation can give the figures back.
    const stale = new ExcelJS.Workbook();
    await stale.xlsx.readFile(files.sample);
    stale.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) cell.value = { formula: cell.formula, result: STALE };
        }),
      ),
    );
    await stale.xlsx.writeFile(files.stale);

    const emptyRead = await readWorkbookFile(files.empty);
    empty = { reports: validateWorkbook(emptyRead.snapshot, {}).sheets, cells: await formulaCells(files.empty) };

    // The empty template with a few inputs typed in (cached results still blank): partial rows, a tie, a 0 voters.
    const partial = new ExcelJS.Workbook();
    await partial.xlsx.readFile(files.empty);
    const evaluation = empty.reports.find((r) => r.template === "evaluation")!;
    const ballot = empty.reports.find((r) => r.template === "ballot")!;
    const items = Object.keys(evaluation.columns).filter((k) => k.startsWith("item:"));
    const type = (report: SheetReport, row: number, key: string, value: number) => {
      typed.push({ sheet: report.sheet, row, key, value });
      partial.getWorksheet(report.sheet)!.getCell(row, colOf(report, key)).value = value;
    };
    const scores = [18, 9, 17, 26, 8, 9, 7, 7, 7, 7];
    items.forEach((k, i) => type(evaluation, 3, k, scores[i] ?? 5));
    type(evaluation, 3, "bonus", 2);
    type(evaluation, 3, "deduction", 1);
    type(evaluation, 4, items[0]!, 15); // one item only
    const row3 = items.reduce((a, _, i) => a + (scores[i] ?? 5), 0) + 1;
    type(evaluation, 5, items[0]!, row3); // ties with row 3 (over the item's maximum: conditional format, not a formula matter)
    type(evaluation, 6, "bonus", 3); // no item: total and rank stay blank
    type(ballot, 3, "voters", 40);
    type(ballot, 3, "excellent", 30);
    type(ballot, 4, "voters", 0);
    type(ballot, 4, "excellent", 0); // 0 voters: blank, not #DIV/0!
    type(ballot, 5, "excellent", 10); // no voters: blank
    type(ballot, 6, "voters", 45);
    type(ballot, 6, "excellent", 15);
    type(ballot, 7, "voters", 30);
    type(ballot, 7, "excellent", 0); // 0 %, not blank
    // The in-sheet checks (conditional formats) of both sheets, evaluated as cell formulas right of the table.
    for (const report of [evaluation, ballot]) {
      const ws = partial.getWorksheet(report.sheet)!;
      const formats = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] })
        .conditionalFormattings;
      let col = Object.keys(report.columns).length + 3;
      for (const format of formats) {
        const top = parseAddress(format.ref.split(":")[0]!)!;
        for (const rule of format.rules) {
          const formula = rule.formulae?.[0];
          if (!formula) continue;
          for (let row = 3; row <= 8; row++) {
            ws.getCell(row, col).value = { formula: shiftRows(formula, row - top.row) };
            probes.push({ sheet: report.sheet, row, col, formatCol: top.col, formula });
          }
          col++;
        }
      }
    }
    await partial.xlsx.writeFile(files.partial);
    partialSnapshot = (await readWorkbookFile(files.partial)).snapshot;
    partialReports = validateWorkbook(partialSnapshot, {}).sheets;

    lo = recalculate(
      soffice,
      recalcProfile(path.join(dir, "profile")),
      Object.values(files),
      sheetNames,
      path.join(dir, "out"),
    );
  }, 600_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test(`LibreOffice is 7.2 or later (${SOFFICE ?? ""})`, () => {
    expect(version.major * 100 + version.minor).toBeGreaterThanOrEqual(702);
  });

  test("the templates write formulas in 总分, 排名 and 优秀率, and nowhere else", () => {
    const columns = new Set(
      sample.cells.map((c) => {
        const report = sample.reports.find((r) => r.sheet === c.sheet)!;
        const key = Object.entries(report.columns).find(([, letter]) => c.address.replace(/\d+$/, "") === letter)?.[0];
        return `${report.template}.${key ?? c.address}`;
      }),
    );
    expect([...columns].sort()).toEqual(["ballot.excellentRate", "evaluation.rank", "evaluation.total"]);
    expect(sample.cells).toHaveLength(SAMPLE_ROWS * 3);
    expect(sample.cells.find((c) => c.sheet === "年终考核" && c.address === "M3")?.formula).toBe(
      'IF(COUNT(E3:J3)=0,"",SUM(E3:K3)-SUM(L3))',
    );
    expect(sample.cells.find((c) => c.sheet === "年终考核" && c.address === "N3")?.formula).toBe(
      `IF(ISNUMBER(M3),RANK(M3,$M$3:$M$${SAMPLE_ROWS + 2}),"")`,
    );
    expect(sample.cells.find((c) => c.sheet === "民主测评" && c.address === "H3")?.formula).toBe(
      'IF(OR(COUNT(D3,C3)<2,C3=0),"",D3/C3)',
    );
  });

  test("every formula's cached result (what the engine reads) is the engine's own figure", () => {
    let compared = 0;
    for (const report of sample.reports) {
      for (const [key, byRow] of engineFigures(sample.snapshot, report)) {
        const col = colOf(report, key);
        for (const [row, expected] of byRow) {
          const cell = sample.cells.find((c) => c.sheet === report.sheet && c.row === row && c.col === col);
          expect(cell).toBeDefined();
          expectSame(cell!.cached, expected, `${report.sheet}!${report.columns[key]}${row} cached`);
          compared++;
        }
      }
    }
    expect(compared).toBe(SAMPLE_ROWS * 3);
  });

  test("LibreOffice's recalculated values equal the cached results and the engine's figures, cell by cell", () => {
    const recalculated = lo.get(files.sample);
    for (const c of sample.cells)
      expectSame(
        csvNumber(csvCell(recalculated, c.sheet, c.row, c.col)),
        c.cached,
        `${c.sheet}!${c.address} ${c.formula}`,
      );
    let compared = 0;
    for (const report of sample.reports) {
      for (const [key, byRow] of engineFigures(sample.snapshot, report)) {
        const col = colOf(report, key);
        for (const [row, expected] of byRow) {
          expectSame(
            csvNumber(csvCell(recalculated, report.sheet, row, col)),
            expected,
            `${report.sheet}!${report.columns[key]}${row}`,
          );
          compared++;
        }
      }
    }
    expect(compared).toBe(SAMPLE_ROWS * 3);
  });

  test("LibreOffice really recalculates: stale cached results come back right", () => {
    const recalculated = lo.get(files.stale);
    for (const c of sample.cells)
      expectSame(
        csvNumber(csvCell(recalculated, c.sheet, c.row, c.col)),
        c.cached,
        `${c.sheet}!${c.address} (stale cache)`,
      );
  });

  test("the engine finds nothing wrong in LibreOffice's 年终考核 and 民主测评 (total and rank rules agree)", () => {
    for (const report of sample.reports.filter((r) => r.template === "evaluation" || r.template === "ballot")) {
      const csv = path.join(dir, "out", `sample-${report.sheet}.csv`);
      const result = validateWorkbook(readCsv(fs.readFileSync(csv), `${report.sheet}.csv`), {});
      expect(result.sheets[0]).toMatchObject({ template: report.template, headerRow: 2, dataRows: SAMPLE_ROWS });
      expect(result.issues).toEqual([]);
    }
  });

  test("an empty template's formulas give blanks in LibreOffice", () => {
    expect(empty.cells.length).toBeGreaterThanOrEqual(3 * 50);
    const recalculated = lo.get(files.empty);
    for (const c of empty.cells) {
      expect(c.cached).toBe("");
      expectSame(csvCell(recalculated, c.sheet, c.row, c.col), "", `${c.sheet}!${c.address} ${c.formula}`);
    }
    // And the engine reads the empty rows as empty: no data rows.
    for (const report of empty.reports.filter((r) => r.template === "evaluation" || r.template === "ballot"))
      expect(report.dataRows).toBe(0);
  });

  test("values typed into an empty template compute as the engine would (partial rows, ties, 0 voters)", () => {
    expect(typed.length).toBeGreaterThan(10);
    const recalculated = lo.get(files.partial);
    let nonBlank = 0;
    for (const report of partialReports.filter((r) => r.template === "evaluation" || r.template === "ballot")) {
      for (const [key, byRow] of engineFigures(partialSnapshot, report)) {
        const col = colOf(report, key);
        for (const [row, expected] of byRow) {
          if (expected !== "") nonBlank++;
          expectSame(
            csvNumber(csvCell(recalculated, report.sheet, row, col)),
            expected,
            `${report.sheet}!${report.columns[key]}${row}`,
          );
        }
      }
    }
    // 总分 and 排名 of rows 3–5, 优秀率 of rows 3, 6 and 7.
    expect(nonBlank).toBe(9);
    const evaluation = partialReports.find((r) => r.template === "evaluation")!;
    const rank = (row: number) => csvCell(recalculated, evaluation.sheet, row, colOf(evaluation, "rank"));
    expect([3, 4, 5, 6].map(rank)).toEqual(["1", "3", "1", ""]);
    const ballot = partialReports.find((r) => r.template === "ballot")!;
    const rate = (row: number) => csvNumber(csvCell(recalculated, ballot.sheet, row, colOf(ballot, "excellentRate")));
    expect([3, 4, 5, 7].map(rate)).toEqual([0.75, "", "", 0]);
    expect(rate(6)).toBeCloseTo(1 / 3, 12);
  });

  test("the in-sheet checks (required cells, item scores over their maximum) evaluate right in LibreOffice", () => {
    const recalculated = lo.get(files.partial);
    const seen = { required: { true: 0, false: 0 }, itemRange: { true: 0, false: 0 } };
    for (const p of probes) {
      const report = partialReports.find((r) => r.sheet === p.sheet)!;
      const key = Object.keys(report.columns).find((k) => colOf(report, k) === p.formatCol)!;
      const field = sheetFields(templateById(report.template!)!).find((f) => f.key === key)!;
      const typedAt = (k: string) => typed.find((t) => t.sheet === p.sheet && t.row === p.row && t.key === k)?.value;
      let expected: boolean;
      let kind: keyof typeof seen;
      if (p.formula.includes("COUNTA")) {
        // A row counts as started by what was typed, never by a computed column's formula.
        const started = typed.some((t) => t.sheet === p.sheet && t.row === p.row);
        const blank = field.formula
          ? engineFigures(partialSnapshot, report).get(key)?.get(p.row) === ""
          : typedAt(key) === undefined;
        expected = started && blank;
        kind = "required";
      } else if (field.item) {
        const v = typedAt(key);
        expected = v !== undefined && (v < 0 || v > field.item.max);
        kind = "itemRange";
      } else throw new Error(`unexpected conditional format on ${p.sheet} ${key}: ${p.formula}`);
      const text = csvCell(recalculated, p.sheet, p.row, p.col).toUpperCase();
      expect(["TRUE", "FALSE"]).toContain(text);
      if ((text === "TRUE") !== expected) {
        throw new Error(
          `${p.sheet} row ${p.row} ${field.header}: ${shiftRows(p.formula, p.row - 3)} gives ${text}, expected ${expected}`,
        );
      }
      seen[kind][expected ? "true" : "false"]++;
    }
    // Both kinds seen both ways: 姓名 missing in started rows; 师德师风 88 > 20 in row 5.
    expect(
      Object.values(seen)
        .flatMap((n) => [n.true, n.false])
        .every((n) => n > 0),
    ).toBe(true);
  });
}
