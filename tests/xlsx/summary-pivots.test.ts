/**
 * The summary files of `zhibu summarize -o` and `zhibu aggregate -o`, opened in a real spreadsheet program,
 * LibreOffice headless: their PivotTables compute the summary's own figures (the file holds no pivot output, only
 * the cache and the table definitions, so every number below is LibreOffice's), items come in the template's
 * order, every section has its chart after a round trip, and the PDF prints one section per page, the month
 * matrix in landscape, with no column cut off.
 *
 * Needs `soffice` and poppler's `pdfinfo`/`pdftotext` (CI: libreoffice-calc-nogui, poppler-utils); without them
 * the test fails, unless ZHIBU_SKIP_LIBREOFFICE=1 opts out.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import JSZip from "jszip";
import { readCsv } from "../../src/xlsx/csv";
import { CATEGORY } from "../../src/core/templates/roster";
import { AGE_BANDS, ageBandLabel } from "../../src/core/summary/roster";
import { GRADES } from "../../src/core/templates/evaluation";
import { runCli, sample, tempDir } from "../helpers/cli";
import { describeWithLibreOffice, soffice } from "../helpers/libreoffice";

const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
const AS_OF = "2026-11-21";
const TOTAL = "Total Result";

describeWithLibreOffice("summary workbooks opened in LibreOffice", suite);

type Grid = string[][];

function csvSheet(dir: string, base: string, sheet: string): Grid {
  const file = path.join(dir, `${base}-${sheet}.csv`);
  if (!fs.existsSync(file)) throw new Error(`LibreOffice wrote no ${path.basename(file)}`);
  const snapshot = readCsv(fs.readFileSync(file), `${sheet}.csv`);
  return (snapshot.sheets[0]?.values ?? []).map((row) => row.map((v) => (v === null ? "" : String(v))));
}

/** A PivotTable's output under its title line: column headers (row 2 when there is a column field) and rows. */
interface PivotOut {
  readonly columns: string[];
  readonly rows: Map<string, string[]>;
}

function pivotOutput(grid: Grid, title: string, withColumns: boolean): PivotOut {
  const at = grid.findIndex((r) => (r[0] ?? "").startsWith(`${title}（`));
  if (at < 0) throw new Error(`no PivotTable titled ${title}: ${grid.map((r) => r[0]).join(" | ")}`);
  const head = at + (withColumns ? 2 : 1);
  const columns = (grid[head] ?? []).filter((c) => c !== "");
  const rows = new Map<string, string[]>();
  for (let r = head + 1; r < grid.length && (grid[r]?.[0] ?? "") !== ""; r++) {
    const row = grid[r] ?? [];
    rows.set(row[0] ?? "", row.slice(1, columns.length));
  }
  return { columns, rows };
}

const num = (s: string | undefined) => (s === undefined || s === "" ? 0 : Number(s));

async function summaryJson(file: string): Promise<Record<string, Record<string, unknown>>> {
  const r = await runCli(["summarize", file, "--format", "json", "--as-of", AS_OF]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, Record<string, unknown>>;
}

function pdfPages(pdf: string): { text: string; landscape: boolean }[] {
  const info = spawnSync("pdfinfo", ["-f", "1", "-l", "999", pdf], { encoding: "utf8" }).stdout;
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => Number(m[1]) > Number(m[2]));
  return sizes.map((landscape, i) => ({
    landscape,
    text: spawnSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-layout", pdf, "-"], { encoding: "utf8" })
      .stdout,
  }));
}

function suite(): void {
  const dir = tempDir("zhibu-pivots-");
  const profile = pathToFileURL(path.join(dir, "lo-profile")).href;
  const csvDir = path.join(dir, "csv");
  const roundDir = path.join(dir, "roundtrip");
  const pdfDir = path.join(dir, "pdf");
  const SAMPLES = ["roster-clean", "roster-messy", "schedule", "evaluation", "ballot"];
  const out = (name: string) => path.join(dir, `${name}-汇总.xlsx`);
  const json = new Map<string, Record<string, Record<string, unknown>>>();
  const all = path.join(dir, "all.xlsx");

  beforeAll(async () => {
    // Every template in one workbook (roster portrait, schedule landscape), besides the samples one by one.
    expect((await runCli(["template", "all", "-o", all, "--sample", "40"])).code).toBe(0);
    for (const name of [...SAMPLES, "all"]) {
      const input = name === "all" ? all : sample(`${name}.xlsx`);
      const r = await runCli(["summarize", input, "-o", out(name), "--as-of", AS_OF]);
      expect(r.code).toBe(0);
      json.set(name, await summaryJson(input));
    }
    const district = await runCli([
      "aggregate",
      sample("roster-clean.xlsx"),
      sample("roster-messy.xlsx"),
      "-o",
      out("district"),
      "--as-of",
      AS_OF,
    ]);
    expect(district.code).toBe(0);
    const files = [...SAMPLES, "all", "district"].map(out);
    soffice(profile, CSV_FILTER, csvDir, files);
    soffice(profile, "xlsx", roundDir, files);
    soffice(profile, "pdf", pdfDir, [out("all"), out("schedule")]);
  });

  const pivots = (name: string) => csvSheet(csvDir, `${name}-汇总`, "数据透视表");

  test("the file itself holds the PivotTables' definitions and caches, no output, and refreshes on load", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(out("roster-clean")));
    const tables = zip.file(/^xl\/pivotTables\/pivotTable\d+\.xml$/);
    expect(tables.length).toBeGreaterThanOrEqual(4);
    const definition = await zip.file("xl/pivotCache/pivotCacheDefinition1.xml")!.async("string");
    expect(definition).toContain('refreshOnLoad="1"');
    // The cache lists 人员类别 in the template's order, not by code point.
    const category =
      /<cacheField name="人员类别"[^>]*><sharedItems[^>]*>(.*?)<\/sharedItems>/.exec(definition)?.[1] ?? "";
    const items = [...category.matchAll(/<s v="([^"]*)"/g)].map((m) => m[1]);
    expect(items).toEqual(Object.values(CATEGORY).filter((c) => items.includes(c)));
    expect(items.length).toBeGreaterThan(2);
  });

  test.each(["roster-clean", "roster-messy", "all"])("%s: roster PivotTables compute the summary's figures", (name) => {
    const roster = json.get(name)!["roster"] as {
      byCategory: Record<string, number>;
      byGroup: Record<string, number>;
      ageBands: Record<string, number>;
    };
    const grid = pivots(name);
    const byCategory = pivotOutput(grid, "按人员类别统计人数", false);
    const categories = [...byCategory.rows.keys()].filter((k) => k !== TOTAL);
    expect(categories).toEqual(Object.values(CATEGORY).filter((c) => (roster.byCategory[c] ?? 0) > 0));
    for (const c of categories) expect(num(byCategory.rows.get(c)?.[0])).toBe(roster.byCategory[c]);
    const everyone = Object.values(roster.byCategory).reduce((a, b) => a + b, 0);
    expect(num(byCategory.rows.get(TOTAL)?.[0])).toBe(everyone);

    const groups = pivotOutput(grid, "按党小组与人员类别统计人数", true);
    const col = (c: string) => groups.columns.indexOf(c) - 1;
    for (const c of categories) expect(num(groups.rows.get(TOTAL)?.[col(c)])).toBe(roster.byCategory[c]);
    for (const [group, n] of Object.entries(roster.byGroup)) {
      const row = groups.rows.get(group) ?? [];
      expect(num(row[col(CATEGORY.full)]) + num(row[col(CATEGORY.probationary)])).toBe(n);
    }

    const ages = pivotOutput(grid, "按年龄段统计党员人数", false);
    const bands = AGE_BANDS.filter((b) => (roster.ageBands[b] ?? 0) > 0);
    expect([...ages.rows.keys()]).toEqual([...bands.map(ageBandLabel), TOTAL]);
    for (const b of bands) expect(num(ages.rows.get(ageBandLabel(b))?.[0])).toBe(roster.ageBands[b]);
  });

  test.each(["schedule", "all"])("%s: the month × type PivotTable computes byMonthType for the plan year", (name) => {
    const schedule = json.get(name)!["schedule"] as {
      year: number;
      byMonthType: Record<string, Record<string, number>>;
    };
    const t = pivotOutput(pivots(name), "各月活动次数（按活动类型）", true);
    const months = [...t.rows.keys()].filter((k) => k !== TOTAL);
    expect(months).toEqual([...months].sort((a, b) => parseInt(a) - parseInt(b)));
    let total = 0;
    for (let m = 1; m <= 12; m++) {
      const counts = schedule.byMonthType[`${schedule.year}-${String(m).padStart(2, "0")}`] ?? {};
      const row = t.rows.get(`${m}月`);
      for (const [type, n] of Object.entries(counts)) {
        expect(num(row?.[t.columns.indexOf(type) - 1])).toBe(n);
        total += n;
      }
    }
    expect(num(t.rows.get(TOTAL)?.[t.columns.length - 2])).toBe(total);
  });

  test.each(["evaluation", "all"])("%s: grade × department and average total PivotTables", (name) => {
    const evaluation = json.get(name)!["evaluation"] as {
      byGrade: Record<string, number>;
      byDepartment: Record<string, { count: number; average: number }>;
    };
    const grid = pivots(name);
    const t = pivotOutput(grid, "按部门与考核等次统计人数", true);
    const grades = t.columns.slice(1, -1);
    expect(grades).toEqual(GRADES.filter((g) => (evaluation.byGrade[g] ?? 0) > 0));
    for (const g of grades) expect(num(t.rows.get(TOTAL)?.[t.columns.indexOf(g) - 1])).toBe(evaluation.byGrade[g]);
    const avg = pivotOutput(grid, "各部门平均总分", false);
    for (const [d, f] of Object.entries(evaluation.byDepartment))
      expect(num(avg.rows.get(d)?.[0])).toBeCloseTo(f.average, 2);
  });

  test("ballot: results PivotTable", () => {
    const ballot = json.get("ballot")!["ballot"] as { byResult: Record<string, number> };
    const t = pivotOutput(pivots("ballot"), "按评议结果统计人数", false);
    for (const [r, n] of Object.entries(ballot.byResult)) expect(num(t.rows.get(r)?.[0])).toBe(n);
  });

  test("district: branch × category sums every branch's byCategory", () => {
    const t = pivotOutput(pivots("district"), "按人员类别（全部人员）（按支部）", true);
    const branches = [...t.rows.keys()].filter((k) => k !== TOTAL);
    expect(branches).toHaveLength(2);
    const expected = ["roster-clean", "roster-messy"].map(
      (n) => (json.get(n)!["roster"] as { byCategory: Record<string, number> }).byCategory,
    );
    branches.forEach((b, i) => {
      for (const [c, n] of Object.entries(expected[i]!)) expect(num(t.rows.get(b)?.[t.columns.indexOf(c) - 1])).toBe(n);
    });
  });

  test.each([
    ["roster-clean", 1],
    ["schedule", 1],
    ["all", 4],
    ["district", 1],
  ] as const)("%s: one chart per section, PivotTables kept, after LibreOffice saves it again", async (name, charts) => {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(roundDir, `${name}-汇总.xlsx`)));
    expect(zip.file(/^xl\/charts\/chart\d+\.xml$/)).toHaveLength(charts);
    expect(zip.file(/^xl\/pivotTables\/pivotTable\d+\.xml$/).length).toBeGreaterThan(0);
  });

  test("PDF: one section per page, the month matrix landscape, every column of each table printed", () => {
    const pages = pdfPages(path.join(pdfDir, "all-汇总.pdf"));
    const headings = ["党员花名册", "月度工作安排", "教职工年终考核量化表", "民主评议党员测评统计表"];
    const startsOn = headings.map((h) => pages.findIndex((p) => p.text.split("\n").some((l) => l.trim() === h)));
    expect(startsOn.every((i) => i >= 0)).toBe(true);
    expect(new Set(startsOn).size).toBe(headings.length);
    for (const [i, h] of headings.entries()) expect(pages[startsOn[i]!]!.landscape).toBe(h === "月度工作安排");
    // No column cut off onto another page: the first and last header of a table print on the same page.
    // A section's pages (a small table that would cross the page end starts the next one).
    const sectionText = (k: number) =>
      pages
        .slice(startsOn[k]!, Math.min(...startsOn.filter((i) => i > startsOn[k]!), pages.length))
        .map((p) => p.text)
        .join("\n");
    const roster = sectionText(0);
    expect(roster).toMatch(/人员类别\s+人数/);
    expect(roster).toContain("30岁及以下");
    expect(roster).not.toContain("<=30");
    const matrix = sectionText(1);
    expect(matrix).toMatch(/月份[\s\S]*合计/);
    expect(matrix).not.toMatch(/\d{4}年12月[\s\S]*\d{4}年1月/);
    expect(spawnSync("pdfinfo", [path.join(pdfDir, "schedule-汇总.pdf")], { encoding: "utf8" }).stdout).toMatch(
      /Page size:\s+841\.\d+ x 595/,
    );
  });
}
