/**
 * Workbooks written by openpyxl and XlsxWriter whose formulas hold no result (tests/fixtures/formulas, made by
 * make_fixtures.py there): validating them gives exactly the issues of the same data with the values typed in,
 * through the fast reader, the exceljs reader and the CLI; a formula that cannot be computed gives one
 * cell.uncalculated per column; LibreOffice's own recalculation of the same file agrees with ours.
 */
import fs from "node:fs";
import path from "node:path";
import type { CellValue, Issue, WorkbookSnapshot } from "../../src/core/types";
import { validateWorkbook } from "../../src/core/engine";
import { readWorkbookFile } from "../../src/xlsx/read";
import { readXlsx } from "../../src/xlsx/fast/read-xlsx";
import { computeFormulas } from "../../src/xlsx/formulas/compute";
import { AS_OF } from "../helpers/build";
import { runCli } from "../helpers/cli";

const DIR = path.join(__dirname, "../fixtures/formulas");
const file = (name: string) => path.join(DIR, name);

type Seen = Pick<Issue, "rule" | "severity" | "sheet" | "cell" | "field" | "params">;

function issuesOf(snapshot: WorkbookSnapshot): Seen[] {
  return validateWorkbook(snapshot, { asOf: AS_OF }).issues.map(({ rule, severity, sheet, cell, field, params }) => ({
    rule,
    severity,
    sheet,
    cell,
    field,
    params,
  }));
}

async function read(name: string, exceljs = false): Promise<WorkbookSnapshot> {
  return (await readWorkbookFile(file(name), { keepWorkbook: exceljs })).snapshot;
}

function hasFormulaCell(snapshot: WorkbookSnapshot): boolean {
  return snapshot.sheets.some((s) =>
    s.values.some((r) => r.some((v) => typeof v === "object" && v?.kind === "formula")),
  );
}

describe.each([
  ["roster", "党员花名册"],
  ["evaluation", "年终考核"],
])("%s with formulas and no results", (kind, sheet) => {
  const typed = `${kind}-typed.xlsx`;

  test("the typed copy has issues to compare (and none about empty cells)", async () => {
    const issues = issuesOf(await read(typed));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.sheet === sheet)).toBe(true);
    expect(
      issues.filter((i) => ["cell.required", "roster.dues.missing", "eval.score.missing"].includes(i.rule)),
    ).toEqual([]);
  });

  test.each([`${kind}-openpyxl.xlsx`, `${kind}-xlsxwriter.xlsx`])(
    "%s: same issues as the typed copy, both readers",
    async (name) => {
      const expected = issuesOf(await read(typed));
      for (const exceljs of [false, true]) {
        const snapshot = await read(name, exceljs);
        expect(hasFormulaCell(snapshot)).toBe(false);
        expect(issuesOf(snapshot)).toEqual(expected);
      }
    },
  );

  test(`${kind}: the computed cells equal the typed ones`, async () => {
    const typedValues = (await read(typed)).sheets[0]!.values;
    for (const name of [`${kind}-openpyxl.xlsx`, `${kind}-xlsxwriter.xlsx`]) {
      const values = (await read(name)).sheets[0]!.values;
      expect(values.slice(2)).toEqual(typedValues.slice(2));
    }
  });
});

describe("what the files hold before computing", () => {
  test("openpyxl: no result; XlsxWriter: a placeholder 0 that fullCalcOnLoad says not to trust", () => {
    for (const name of ["roster-openpyxl.xlsx", "roster-xlsxwriter.xlsx"]) {
      const row = readXlsx(fs.readFileSync(file(name)), name).sheets[0]!.values[2]!;
      expect(row[0]).toEqual({ kind: "formula", formula: "ROW()-2" });
      expect(row[5]).toEqual({ kind: "formula", formula: "DATE(MID(E3,7,4),MID(E3,11,2),MID(E3,13,2))", date: true });
      expect(row[18]).toEqual({ kind: "formula", formula: "ROUND(R3*0.01,2)" });
    }
  });
});

describe("formulas that cannot be computed", () => {
  test("an unknown function and an external link: one cell.uncalculated per column, nothing read as empty", async () => {
    for (const exceljs of [false, true]) {
      const issues = issuesOf(await read("unsupported-openpyxl.xlsx", exceljs));
      const uncalculated = issues.filter((i) => i.rule === "cell.uncalculated");
      expect(uncalculated.map((i) => [i.cell, i.params])).toEqual([
        ["F3", { header: "出生日期", count: 5, cells: "F3:F7" }],
        ["S3", { header: "月缴党费", count: 5, cells: "S3:S7" }],
      ]);
      // The typed copy's issues, less those needing the two unknown values (dues.rate on 月缴党费).
      const typed = issuesOf(await read("roster-typed.xlsx")).filter((i) => i.field !== "dues");
      expect(issues.filter((i) => i.rule !== "cell.uncalculated")).toEqual(typed);
    }
  });

  test("the CLI says so in both languages' catalog and exits 0 on warnings only", async () => {
    const r = await runCli([
      "validate",
      file("unsupported-openpyxl.xlsx"),
      "--format",
      "json",
      "--as-of",
      "2026-11-21",
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { issues: Array<{ rule: string; cell: string; message: string }> };
    const u = json.issues.filter((i) => i.rule === "cell.uncalculated");
    expect(u.map((i) => i.cell)).toEqual(["F3", "S3"]);
    expect(u[1]!.message).toContain("S3:S7");
    expect(u[1]!.message).toMatch(/Excel|WPS/);
  });
});

describe("LibreOffice recalculated the same file", () => {
  test("its cached results are what we compute, and it validates the same", async () => {
    const lo = readXlsx(fs.readFileSync(file("roster-libreoffice.xlsx")), "lo.xlsx");
    expect(hasFormulaCell(lo)).toBe(false);
    const ours = computeFormulas(readXlsx(fs.readFileSync(file("roster-openpyxl.xlsx")), "op.xlsx"));
    const cols = (s: WorkbookSnapshot): CellValue[][] =>
      s.sheets[0]!.values.slice(2).map((r) => [r[0]!, r[5]!, r[18]!]);
    expect(cols(ours)).toEqual(cols(lo));
    expect(issuesOf(lo)).toEqual(issuesOf(await read("roster-typed.xlsx")));
  });
});
