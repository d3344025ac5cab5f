/**
 * `zhibu export FILE --form national -o OUT.xlsx` (SPEC §0 "National form") and the 年度工作总结 paragraph of
 * `zhibu summarize`: the form's columns in order, dates as dates, IDs as text, unmasked with a privacy line on
 * stderr; the exported file validates with the same roster issues as its source (those on the form's columns).
 */
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { RosterSummary } from "../../src/core/summary/roster";
import { expectOneLineFailure, runCli, sample, tempDir, ROOT } from "../helpers/cli";

const dir = tempDir("zhibu-export-");
const NATIONAL_FIXTURE = path.join(ROOT, "tests", "fixtures", "national", "national-form.xlsx");
const HEADERS = [
  "序号",
  "姓名",
  "所在党支部",
  "公民身份证号",
  "性别",
  "民族",
  "出生日期",
  "学历",
  "人员类别",
  "加入党组织日期",
  "转为正式党员日期",
  "工作岗位",
  "手机号",
  "固定电话",
  "家庭住址",
  "党籍状态",
  "是否为失联党员",
  "失去联系日期",
  "是否为流动党员",
  "外出流向",
  "备注",
];
/** The form's columns as roster fields (SPEC §2.1 keys and the national additions). */
const FORM_FIELDS = new Set([
  "seq",
  "name",
  "branch",
  "idNumber",
  "gender",
  "ethnicity",
  "birthDate",
  "education",
  "category",
  "admissionDate",
  "fullDate",
  "post",
  "phone",
  "landline",
  "address",
  "partyStatus",
  "lost",
  "lostDate",
  "mobile",
  "destination",
  "note",
]);

interface JsonIssue {
  rule: string;
  field: string | null;
  severity: string;
  message: string;
}

async function issuesOf(file: string): Promise<JsonIssue[]> {
  const r = await runCli(["validate", file, "--format", "json", "--as-of", "2026-11-21"]);
  expect(r.code === 0 || r.code === 1).toBe(true);
  return (JSON.parse(r.stdout) as { issues: JsonIssue[] }).issues;
}

/** An issue by what it says, not where: the form's rows sit at other sheet rows than the source's. */
const key = (i: JsonIssue) => `${i.rule} ${i.field} ${i.severity} ${i.message.replace(/第 [\d、–]+ 行/g, "第…行")}`;

async function exportTo(source: string, name: string): Promise<{ out: string; stderr: string; stdout: string }> {
  const out = path.join(dir, name);
  const r = await runCli(["export", source, "--form", "national", "-o", out, "--as-of", "2026-11-21"]);
  expect({ code: r.code, stderr: r.stderr.split("\n").length }).toEqual({ code: 0, stderr: 2 });
  return { out, stderr: r.stderr, stdout: r.stdout };
}

describe.each([
  ["roster-messy.xlsx (the team's messy roster)", sample("roster-messy.xlsx")],
  ["roster-clean.xlsx", sample("roster-clean.xlsx")],
  ["a national form written by openpyxl", NATIONAL_FIXTURE],
])("export --form national of %s", (_label, source) => {
  let out = "";
  let stderr = "";
  beforeAll(async () => {
    ({ out, stderr } = await exportTo(source, `${path.basename(source, ".xlsx")}-national.xlsx`));
  });

  test("writes exactly the form's columns in order, one row per person, and says so on stderr", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("党员基本信息汇总表");
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(stderr).toMatch(/^提示：.*含完整的身份证号和手机号（未脱敏）.*\n$/);
  });

  test("round-trips: the export validates with the source's issues on the form's columns, and no others", async () => {
    const before = (await issuesOf(source))
      .filter((i) => i.field === null || FORM_FIELDS.has(i.field))
      .map(key)
      .sort();
    const after = (await issuesOf(out)).map(key).sort();
    if (!source.endsWith("roster-clean.xlsx")) expect(before.length).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });
});

test("the national fixture: dates are dates, IDs and phones text, unmasked, accepted spellings written as the system's values", async () => {
  const { out } = await exportTo(NATIONAL_FIXTURE, "fixture-values.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.worksheets[0]!;
  const col = (h: string) => HEADERS.indexOf(h) + 1;
  const zhang = ws.getRow(4);
  expect(zhang.getCell(col("姓名")).value).toBe("张伟");
  expect(zhang.getCell(col("出生日期")).value).toEqual(new Date(Date.UTC(1990, 0, 1)));
  expect(zhang.getCell(col("加入党组织日期")).value).toEqual(new Date(Date.UTC(2015, 5, 1)));
  expect(zhang.getCell(col("学历")).value).toBe("大学本科");
  expect(zhang.getCell(col("人员类别")).value).toBe("正式党员");
  const id = zhang.getCell(col("公民身份证号"));
  expect(typeof id.value).toBe("string");
  expect(id.value).toMatch(/^110108199001011\d{2}[\dX]$/);
  expect(id.numFmt).toBe("@");
  const li = ws.getRow(3);
  expect(li.getCell(col("手机号")).value).toBe("13812345678");
  expect(li.getCell(col("外出流向")).value).toBe("广东省深圳市");
  expect(ws.getRow(6).getCell(col("党籍状态")).value).toBe("停止党籍");
});

test("所在党支部 comes from 设置 支部名称 when the roster has no such column", async () => {
  const { out } = await exportTo(sample("roster-clean.xlsx"), "branch.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const branches = new Set<unknown>();
  wb.worksheets[0]!.eachRow((row, n) => n > 1 && branches.add(row.getCell(3).value));
  expect([...branches]).toEqual(["实验小学党支部"]);
});

describe("export refuses, one line, exit 2", () => {
  test("to write over its input", async () => {
    const copy = path.join(dir, "input.xlsx");
    copyFileSync(sample("roster-clean.xlsx"), copy);
    const before = readFileSync(copy);
    const r = await runCli(["export", copy, "--form", "national", "-o", copy, "--force"]);
    expectOneLineFailure(r, /输入文件/);
    expect(readFileSync(copy).equals(before)).toBe(true);
  });

  test("to overwrite an existing output without --force (and does with it)", async () => {
    const out = path.join(dir, "exists.xlsx");
    writeFileSync(out, "keep");
    expectOneLineFailure(
      await runCli(["export", sample("roster-clean.xlsx"), "--form", "national", "-o", out]),
      /已存在.*--force/,
    );
    expect(readFileSync(out, "utf8")).toBe("keep");
    const r = await runCli(["export", sample("roster-clean.xlsx"), "--form", "national", "-o", out, "--force"]);
    expect(r.code).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(1000);
  });

  test("an unknown form, a missing -o, a workbook without a roster", async () => {
    expectOneLineFailure(
      await runCli(["export", sample("roster-clean.xlsx"), "--form", "county", "-o", path.join(dir, "x.xlsx")]),
      /--form county/,
    );
    expectOneLineFailure(await runCli(["export", sample("roster-clean.xlsx"), "--form", "national"]), /-o/);
    const out = path.join(dir, "none.xlsx");
    expectOneLineFailure(
      await runCli(["export", sample("ballot.xlsx"), "--form", "national", "-o", out]),
      /ballot\.xlsx.*党员花名册/,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe("summarize: the year's figures and the paragraph", () => {
  test("the text ends with the paragraph, and its numbers are the JSON's", async () => {
    const text = await runCli(["summarize", sample("roster-clean.xlsx"), "--as-of", "2026-11-21"]);
    const json = await runCli(["summarize", sample("roster-clean.xlsx"), "--as-of", "2026-11-21", "--format", "json"]);
    const r = (JSON.parse(json.stdout) as { roster: RosterSummary }).roster;
    const lines = text.stdout.trimEnd().split("\n");
    expect(lines[lines.length - 2]).toBe("【年度工作总结用语】");
    const p = lines[lines.length - 1]!;
    const n = (re: RegExp) => Number(re.exec(p)?.[1]);
    expect([
      n(/现有党员(\d+)名/),
      n(/正式党员(\d+)名/),
      n(/预备党员(\d+)名）/),
      n(/女党员(\d+)名/),
      n(/少数民族党员(\d+)名/),
      n(/大专及以上学历(\d+)名/),
    ]).toEqual([
      r.members,
      r.byCategory["正式党员"],
      r.byCategory["预备党员"],
      r.women,
      r.minorities,
      r.collegeOrAbove,
    ]);
    const dev = r["developmentThisYear"];
    expect([
      n(/收到入党申请(\d+)份/),
      n(/发展入党积极分子(\d+)名/),
      n(/确定发展对象(\d+)名/),
      n(/接收预备党员(\d+)名/),
      n(/预备党员转正(\d+)名/),
    ]).toEqual([
      dev.applications.count,
      dev.activists.count,
      dev.candidates.count,
      dev.admissions.count,
      dev.fullMemberships.count,
    ]);
    for (const k of ["developmentThisYear", "partyAgeBands", "upTo35", "fiftyYears", "politicalBirthdays"])
      expect(r).toHaveProperty(k);
  });
});
