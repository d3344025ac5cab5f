/**
 * Issue 9 §2, §7: rows that are not records (notes and column numbers under the header, totals, footers, section
 * rows) are listed as skippedRows and never validated; a section gives the 党小组 when the sheet has no such column.
 * Also: the scientific-notation ID message and category checks against missing columns.
 */
import type { CellValue } from "../../src/core/types";
import { summarizeContexts } from "../../src/core/summary";
import {
  ROSTER_FIELDS,
  basePerson,
  makeId,
  probationer,
  date,
  rosterSheet,
  runRoster,
  validate,
  workbook,
  type RosterRow,
} from "../helpers/build";

const WIDTH = ROSTER_FIELDS.length;

/** A row with `text` in column `at` (0-based) and nothing else. */
function lone(text: CellValue, at = 0): CellValue[] {
  const row = Array<CellValue>(WIDTH).fill(null);
  row[at] = text;
  return row;
}

/** Rows placed right after the data rows, as full sheet rows. */
function withTail(people: RosterRow[], tail: CellValue[][], over: { fields?: readonly string[] } = {}) {
  const built = rosterSheet(people, over);
  const sheet = { ...built.sheet, values: [...built.sheet.values, ...tail] };
  return { built, result: validate(workbook(sheet)) };
}

const people = [
  basePerson({ seq: 1, name: "张伟" }),
  basePerson({ seq: 2, name: "李娜", gender: "女", idNumber: makeId("19800512", "124"), birthDate: date(1980, 5, 12) }),
];

describe("rows that are not records", () => {
  test("a note row and a column-number row under the header", () => {
    const built = rosterSheet(people);
    const [title, header, ...data] = built.sheet.values;
    const values = [
      title!,
      header!,
      lone("填表说明：日期一律填写为 2019-11-01 格式。"),
      ROSTER_FIELDS.map((_, i) => i + 1),
      ...data,
    ];
    const result = validate(workbook({ ...built.sheet, values }));
    expect(result.sheets[0]).toMatchObject({
      headerRow: 2,
      dataRows: 2,
      skippedRows: [
        { row: 3, kind: "note" },
        { row: 4, kind: "note" },
      ],
    });
    expect(result.issues).toEqual([]);
  });

  test("合计/小计/总计 rows, in the 序号 or the 姓名 column, with sums beside them", () => {
    const total = lone("合计");
    total[17] = 9000;
    total[18] = 90;
    const subtotal = lone("小 计", 1);
    subtotal[18] = 45;
    const grand = lone("总计：2人");
    const { built, result } = withTail(people, [subtotal, total, grand]);
    const first = built.rowOf(2);
    expect(result.sheets[0]!.skippedRows).toEqual([
      { row: first, kind: "total" },
      { row: first + 1, kind: "total" },
      { row: first + 2, kind: "total" },
    ]);
    expect(result.sheets[0]!.dataRows).toBe(2);
    expect(result.issues).toEqual([]);
  });

  test("footer rows: 填表人、审核人、填表日期、单位（盖章）", () => {
    const signer = lone("填表人：王老师");
    signer[6] = "审核人：李书记";
    signer[12] = "填表日期：2026年11月20日";
    const { built, result } = withTail(people, [signer, lone("单位（盖章）"), lone("注：本表一式两份。")]);
    const first = built.rowOf(2);
    expect(result.sheets[0]!.skippedRows).toEqual([
      { row: first, kind: "footer" },
      { row: first + 1, kind: "footer" },
      { row: first + 2, kind: "note" },
    ]);
    expect(result.issues).toEqual([]);
  });

  test("section rows give the 党小组 of the rows below them when the sheet has no 党小组 column", () => {
    const fields = ROSTER_FIELDS.filter((k) => k !== "group");
    const base = rosterSheet([], { fields });
    const row = (p: RosterRow) => fields.map((k) => p[k] ?? null);
    const section = (t: string) => [t, ...Array<CellValue>(fields.length - 1).fill(null)];
    const values = [
      ...base.sheet.values,
      section("一、第一党小组"),
      row(people[0]!),
      row(people[1]!),
      section("二、第二党小组"),
      row(basePerson({ seq: 3, name: "王强", idNumber: makeId("19790101", "135"), birthDate: date(1979, 1, 1) })),
    ];
    const result = validate(
      workbook({
        ...base.sheet,
        values,
        merges: [...(base.sheet.merges ?? []), { top: 3, left: 1, bottom: 3, right: fields.length }],
      }),
    );
    expect(result.sheets[0]).toMatchObject({
      dataRows: 3,
      skippedRows: [
        { row: 3, kind: "section" },
        { row: 6, kind: "section" },
      ],
    });
    expect(result.sheets[0]!.columns["group"]).toBeUndefined();
    expect(result.issues).toEqual([]);
    expect(result.contexts[0]!.rows.map((r) => r.text("group"))).toEqual(["第一党小组", "第一党小组", "第二党小组"]);
    const summary = summarizeContexts(result.contexts, result.asOf)["roster"] as { byGroup: Record<string, number> };
    expect(summary.byGroup).toEqual({ 第一党小组: 2, 第二党小组: 1 });
  });

  test("with a 党小组 column, section rows are skipped and the column is kept", () => {
    const { built, result } = withTail(people, [lone("第三党小组")]);
    expect(result.sheets[0]!.skippedRows).toEqual([{ row: built.rowOf(2), kind: "section" }]);
    expect(result.contexts[0]!.rows.map((r) => r.text("group"))).toEqual(["第一党小组", "第一党小组"]);
  });

  test("a row with a name and an ID number is always a record, whatever its other cells say", () => {
    const run = runRoster([
      basePerson({ note: "合计" }),
      basePerson({ seq: 2, name: "合计", idNumber: makeId("19880512", "135") }),
    ]);
    expect(run.result.sheets[0]!.skippedRows).toEqual([]);
    expect(run.result.sheets[0]!.dataRows).toBe(2);
  });

  test("a row with only a name is a record with its missing fields reported (not a section)", () => {
    const run = runRoster([basePerson(), { name: "孙丽" }]);
    expect(run.result.sheets[0]!.skippedRows).toEqual([]);
    expect(run.at("cell.required", 1).map((i) => i.field)).toEqual(["gender", "idNumber", "category"]);
  });

  test("an evaluation's 平均分 and 合计 rows are not people", () => {
    const values: CellValue[][] = [
      ["姓名", "部门", "师德师风(50)", "工作实绩(50)", "总分", "等次"],
      ["张伟", "语文组", 40, 40, 80, "合格"],
      ["李娜", "数学组", 45, 40, 85, "合格"],
      ["平均分", null, 42.5, 40, 82.5, null],
    ];
    const result = validate(workbook({ name: "考核", values }));
    expect(result.sheets[0]).toMatchObject({ dataRows: 2, skippedRows: [{ row: 4, kind: "total" }] });
    expect(result.issues).toEqual([]);
  });
});

describe("issue 9 §7 messages", () => {
  test("an ID turned into 1.10105E+17 says scientific notation", () => {
    const run = runRoster([basePerson({ idNumber: "1.10105E+17" })]);
    const [issue] = run.of("roster.id.format");
    expect(issue?.params["scientific"]).toBe(true);
    expect(run.issues.map((i) => i.rule)).toEqual(["roster.id.format"]);
  });

  test("a plain malformed ID does not mention it", () => {
    const run = runRoster([basePerson({ idNumber: "11010519850615" })]);
    expect(run.of("roster.id.format")[0]?.params["scientific"]).toBeUndefined();
  });

  test("no 转正日期 column: no category mismatch per member, one sheet-level hint", () => {
    const fields = ROSTER_FIELDS.filter((k) => k !== "fullDate");
    const run = runRoster(
      [basePerson(), basePerson({ seq: 2, idNumber: makeId("19800512", "135"), birthDate: date(1980, 5, 12) })],
      { fields },
    );
    expect(run.of("roster.category.mismatch")).toEqual([]);
    expect(run.issues.map((i) => [i.rule, i.severity, i.cell, i.params["count"]])).toEqual([
      ["roster.category.unchecked", "info", null, 2],
    ]);
  });

  test("with the column, an empty 转正日期 of a 正式党员 is still a mismatch and there is no hint", () => {
    const run = runRoster([basePerson({ fullDate: null })]);
    expect(run.of("roster.category.mismatch").map((i) => i.cell)).toEqual(["J3"]);
    expect(run.of("roster.category.unchecked")).toEqual([]);
  });

  test("no 入党日期 column: 预备党员 are not flagged for it", () => {
    const fields = ROSTER_FIELDS.filter((k) => k !== "admissionDate");
    const run = runRoster([probationer(date(2026, 3, 1))], { fields });
    expect(run.of("roster.category.mismatch")).toEqual([]);
    expect(run.of("roster.category.unchecked").map((i) => i.field)).toEqual(["admissionDate"]);
  });
});

describe("issue 10 §5 messages that read on their own", () => {
  test("an enum message lists the allowed values and assumes no dropdown", async () => {
    const { formatIssue } = await import("../../src/core/messages");
    const run = runRoster([basePerson({ gender: "未知", education: "本科生" })]);
    const [gender, education] = run.of("cell.enum");
    expect(formatIssue(gender!, "zh-CN")).toBe("「性别」的值“未知”不是可选项。可填：男、女");
    expect(formatIssue(education!, "zh-CN")).toContain("是否应为“大学本科”？可填：研究生、大学本科、大学专科");
    for (const lang of ["zh-CN", "en"] as const) expect(formatIssue(gender!, lang)).not.toMatch(/下拉|list/);
    expect(formatIssue(gender!, "en")).toContain("Allowed: Male, Female");
    const ethnicity = runRoster([basePerson({ ethnicity: "汉人族" })]).of("cell.enum")[0]!;
    expect(formatIssue(ethnicity, "zh-CN")).toMatch(/等 56 项（须写全称）$/);
  });

  test("roster.dates.order names both steps with their dates", async () => {
    const { formatIssue } = await import("../../src/core/messages");
    const run = runRoster([
      basePerson({ candidateDate: date(2007, 10, 17), admissionDate: date(2007, 7, 17), fullDate: date(2008, 7, 17) }),
    ]);
    const [order] = run.of("roster.dates.order");
    expect(formatIssue(order!, "zh-CN")).toBe(
      "入党日期 2007-07-17 早于确定发展对象日期 2007-10-17，发展党员各环节日期顺序不对",
    );
    expect(formatIssue(order!, "en")).toContain('"入党日期" 2007-07-17 is before "确定发展对象日期" 2007-10-17');
  });
});
