import fs, { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { SAMPLES, SHARED_SAMPLES, runCli, sample, tempDir } from "../helpers/cli";

/** Every issue ../shared/samples/README.md lists, as (rule, cell). */
const ROSTER_MESSY: [string, string][] = [
  ["roster.id.checksum", "E7"],
  ["roster.probation.overdue", "O8"],
  ["roster.category.mismatch", "J9"],
  ["roster.gender.mismatch", "C11"],
  ["cell.enum", "D15"],
  ["roster.dues.rate", "S19"],
  ["cell.whitespace", "B22"],
  ["roster.probation.early", "P23"],
  ["roster.id.duplicate", "E25"],
  ["roster.id.duplicate", "E26"],
  ["roster.phone.format", "Q32"],
  ["roster.id.numeric", "E34"],
  ["roster.birthdate.mismatch", "F36"],
  ["cell.required", "B37"],
];

interface JsonIssue {
  rule: string;
  severity: string;
  sheet: string;
  cell: string | null;
  row: number | null;
  field: string | null;
  message: string;
}

describe("shared samples", () => {
  test("the repository's fixture copies equal ../shared/samples", () => {
    if (!existsSync(SHARED_SAMPLES)) return;
    for (const name of readdirSync(SHARED_SAMPLES)) {
      expect(readFileSync(path.join(SAMPLES, name)).equals(readFileSync(path.join(SHARED_SAMPLES, name)))).toBe(true);
    }
  });

  test("roster-messy.xlsx gives exactly the listed issues and exits 1", async () => {
    const r = await runCli(["validate", sample("roster-messy.xlsx"), "--format", "json", "--as-of", "2026-11-21"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      version: number;
      asOf: string;
      sheets: {
        sheet: string;
        template: string | null;
        headerRow: number | null;
        dataRows: number;
        columns: Record<string, string>;
      }[];
      issues: JsonIssue[];
      counts: Record<string, number>;
    };
    expect(report.version).toBe(1);
    expect(report.asOf).toBe("2026-11-21");
    const roster = report.sheets.find((s) => s.sheet === "花名册");
    expect(roster).toMatchObject({ template: "roster", headerRow: 3, dataRows: 35 });
    expect(roster?.columns["idNumber"]).toBe("E");
    expect(report.sheets.filter((s) => s.sheet !== "花名册").map((s) => [s.sheet, s.template])).toEqual([
      ["说明", null],
      ["设置", null],
    ]);
    expect(report.issues.map((i) => [i.rule, i.cell])).toEqual(ROSTER_MESSY);
    expect(report.counts).toEqual({ error: 9, warning: 5, info: 0 });
    for (const i of report.issues) {
      expect(i.sheet).toBe("花名册");
      expect(i.row).toBe(Number(i.cell?.replace(/^[A-Z]+/, "")));
      expect(i.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(report.issues.find((i) => i.rule === "roster.id.checksum")?.message).toContain("校验位应为 2");
  });

  test("without --as-of the 设置 sheet's 统计截止日期 is used", async () => {
    const r = await runCli(["validate", sample("roster-messy.xlsx"), "--format", "json"]);
    expect(JSON.parse(r.stdout).asOf).toBe("2026-11-21");
  });

  test("roster-clean.xlsx has no issues, exits 0, and its summary has the listed figures", async () => {
    const v = await runCli(["validate", sample("roster-clean.xlsx"), "--format", "json", "--as-of", "2026-11-21"]);
    expect(v.code).toBe(0);
    const report = JSON.parse(v.stdout);
    expect(report.issues).toEqual([]);
    expect(report.sheets[0]).toMatchObject({ sheet: "花名册", template: "roster", headerRow: 3, dataRows: 34 });

    const s = await runCli(["summarize", sample("roster-clean.xlsx"), "--format", "json", "--as-of", "2026-11-21"]);
    expect(s.code).toBe(0);
    const summary = JSON.parse(s.stdout);
    expect(Object.keys(summary)).toEqual(["roster"]);
    const roster = summary.roster;
    expect(roster.members).toBe(30);
    expect(roster.byCategory).toEqual({ 正式党员: 28, 发展对象: 1, 预备党员: 2, 入党积极分子: 2, 入党申请人: 1 });
    expect(roster.women).toBe(22);
    expect(roster.minorities).toBe(5);
    expect(roster.collegeOrAbove).toBe(30);
    expect(roster.ageBands).toEqual({
      "41-45": 8,
      "56-60": 5,
      "51-55": 6,
      "46-50": 3,
      "<=30": 4,
      ">=61": 1,
      "36-40": 3,
    });
    expect(roster.duesMonthlyTotal).toBe(3021);
    expect(roster.womenRate).toBeCloseTo(22 / 30, 4);
    expect(roster.collegeRate).toBe(1);
    const sumOf = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    for (const key of ["byGender", "byEducation", "ageBands", "byGroup", "byEmployment"])
      expect(sumOf(roster[key])).toBe(30);
  });

  test("a generated workbook's hidden 选项 sheet is not listed; 设置 is reported as read", async () => {
    const dir = tempDir();
    const file = path.join(dir, "all.xlsx");
    expect((await runCli(["template", "all", "-o", file, "--sample", "12"])).code).toBe(0);
    const r = await runCli(["validate", file]);
    expect(r.stdout).not.toContain("选项");
    expect(r.stdout).toMatch(/工作表「设置」 {2}已读取：/);
    const json = JSON.parse((await runCli(["validate", file, "--format", "json"])).stdout) as {
      sheets: { sheet: string; template: string | null }[];
    };
    expect(json.sheets.find((s) => s.sheet === "选项")).toMatchObject({ template: null });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("text output groups issues by sheet and rule with counts and cells", async () => {
    const r = await runCli(["validate", sample("roster-messy.xlsx"), "--as-of", "2026-11-21"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("工作表「花名册」");
    expect(r.stdout).toMatch(/错误 身份证号重复 roster\.id\.duplicate ×2 {2}E25 E26/);
    expect(r.stdout).toMatch(/合计：9 个错误，5 个警告，0 个提示/);
    expect(r.stdout).toContain("工作表「设置」  已读取：支部名称 实验小学党支部、统计截止日期 2026-11-21、年度 2026");
    expect(r.stdout).not.toContain("工作表「设置」  未识别为模板");
    expect(r.stdout).not.toMatch(/\u001b\[/);
    const errorsFirst = r.stdout.indexOf("roster.id.checksum") < r.stdout.indexOf("roster.dues.rate");
    expect(errorsFirst).toBe(true);
  });

  test("evaluation.xlsx gives exactly the listed issues and its byGrade", async () => {
    const r = await runCli(["validate", sample("evaluation.xlsx"), "--format", "json", "--as-of", "2026-11-21"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.sheets).toEqual([
      expect.objectContaining({ sheet: "年终考核", template: "evaluation", headerRow: 2, dataRows: 20 }),
    ]);
    expect(report.issues.map((i: JsonIssue) => [i.rule, i.cell])).toEqual([
      ["eval.score.range", "F7"],
      ["eval.score.missing", "J8"],
      ["eval.total.mismatch", "M9"],
      ["eval.grade.threshold", "O10"],
      ["eval.grade.veto", "O11"],
    ]);
    expect(report.counts).toEqual({ error: 5, warning: 0, info: 0 });
    const s = await runCli(["summarize", sample("evaluation.xlsx"), "--format", "json", "--as-of", "2026-11-21"]);
    const summary = JSON.parse(s.stdout).evaluation;
    expect(summary.byGrade).toEqual({ 优秀: 4, 合格: 14, 基本合格: 2 });
    expect(summary.excellentQuota).toEqual({ limit: 4, used: 4 });
    expect(Object.keys(summary.itemAverages)).toEqual([
      "师德师风",
      "出勤考勤",
      "工作量",
      "教学质量",
      "教育科研",
      "特色工作",
    ]);
  });

  test("ballot.xlsx gives exactly the listed issue", async () => {
    const r = await runCli(["validate", sample("ballot.xlsx"), "--format", "json", "--as-of", "2026-11-21"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.sheets).toEqual([
      expect.objectContaining({ sheet: "民主测评", template: "ballot", headerRow: 1, dataRows: 20 }),
    ]);
    expect(report.issues.map((i: JsonIssue) => [i.rule, i.cell])).toEqual([["ballot.votes.exceed", "C7"]]);
    expect(report.counts).toEqual({ error: 1, warning: 0, info: 0 });
    const s = await runCli(["summarize", sample("ballot.xlsx"), "--format", "json"]);
    const byResult = JSON.parse(s.stdout).ballot.byResult as Record<string, number>;
    expect(Object.values(byResult).reduce((a, b) => a + b, 0)).toBe(20);
  });

  test("--lang en gives English messages", async () => {
    const r = await runCli(["validate", sample("roster-messy.xlsx"), "--format", "json", "--lang", "en"]);
    const issues = JSON.parse(r.stdout).issues as JsonIssue[];
    expect(issues.find((i) => i.rule === "roster.id.checksum")?.message).toMatch(/check character should be 2/);
  });

  test("colour only when asked for (FORCE_COLOR) or on a terminal", async () => {
    const r = await runCli(["validate", sample("roster-messy.xlsx")], { env: { NO_COLOR: "", FORCE_COLOR: "1" } });
    expect(r.stdout).toMatch(/\u001b\[31m/);
  });
});
