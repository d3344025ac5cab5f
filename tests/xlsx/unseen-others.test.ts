/**
 * 月度工作安排, 年终考核 and 民主测评 shaped differently from the shared samples: other sheet names, title rows,
 * alias headers, a school's own items and maxima, mixed month forms. Every expected issue is worked out by hand
 * from the SPEC.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/xlsx/read";
import { validateWorkbook } from "../../src/core/engine";
import { summarizeContexts } from "../../src/core/summary";
import type { CellDate } from "../../src/core/types";
import { runCli, tempDir } from "../helpers/cli";

const AS_OF: CellDate = { kind: "date", y: 2026, m: 2, d: 10 };
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function writeWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();

  const plan = wb.addWorksheet("2026党建工作台账");
  plan.mergeCells("A1:J1");
  plan.getCell("A1").value = "第二小学党支部 2026 年党建工作台账";
  plan.addRow(["序号", "月", "时间", "会议类型", "主题", "责任人", "应到", "实到", "完成情况", "备注"]);
  const planRows: unknown[][] = [
    [1, "1月", utc(2026, 1, 8), "支委会", "研究寒假工作", "书记", 5, 5, "已完成"],
    [2, "一月份", "2026.1.15", "主题党日活动", "寒假安全主题党日", "支部", 30, 22, "已完成"],
    [3, 1, null, "党小组会", "学习交流", "党小组", 10, null, "已完成"],
    [4, "2月", "2026年2月20日", "党课", "专题党课", "书记", null, null, "计划"],
    [5, "二月", utc(2026, 1, 28), "支部党员大会", "通报工作计划", "支部", 30, null, "计划"],
    [6, "３月", "2025-03-05", "其他", "上年遗留事项", "支部", null, null, "已取消"],
    [7, "1月", utc(2026, 1, 8), "支部委员会", "研究寒假工作", "书记", 5, 6, "已完成"],
  ];
  for (const r of planRows) plan.addRow(r);
  plan.getColumn(3).numFmt = "yyyy-mm-dd";

  const evalSheet = wb.addWorksheet("考核汇总");
  evalSheet.mergeCells("A1:M1");
  evalSheet.getCell("A1").value = "第二小学 2026 年度教职工考核";
  evalSheet.mergeCells("A2:M2");
  evalSheet.getCell("A2").value = "（工会）";
  evalSheet.addRow([
    "序号",
    "姓名",
    "年级组",
    "德(25)",
    "能(25)",
    "勤（25）",
    "绩(25)",
    "加分",
    "扣分",
    "总分",
    "排名",
    "等次",
    "一票否决",
  ]);
  // name, group, four scores, bonus, deduction, total as typed, rank as typed, grade
  const people: Array<
    [string, string, number, number, number, number, number | null, number | null, number, number, string]
  > = [
    ["甲", "一年级", 24, 24, 23, 24, 1, null, 96, 1, "优秀"],
    ["乙", "一年级", 23, 23, 23, 22, null, null, 91, 2, "优秀"],
    ["丙", "二年级", 22, 22, 22, 26, null, null, 92, 2, "优秀"],
    ["丁", "二年级", 20, 20, 20, 20, null, null, 80, 4, "合格"],
    ["戊", "三年级", 19, 19, 19, 19, 2, 1, 80, 5, "合格"],
    ["己", "三年级", 18, 18, 18, 18, null, null, 72, 6, "合格"],
    ["庚", "四年级", 17, 17, 17, 17, null, null, 68, 8, "基本合格"],
    ["辛", "四年级", 16, 16, 16, 16, null, null, 64, 9, "基本合格"],
    ["壬", "五年级", 15, 15, 15, 14, null, null, 59, 10, "不合格"],
    ["癸", "五年级", 20, 20, 15, 14, null, 1, 68, 8, "基本合格"],
  ];
  people.forEach((p, i) => evalSheet.addRow([i + 1, ...p, "否"]));

  const ballot = wb.addWorksheet("测评");
  ballot.addRow(["姓名", "发出票数", "优秀票", "合格票", "基本合格票", "不合格票", "评议结果"]);
  ballot.addRow(["甲", 30, 20, 10, 0, 0, "优秀"]);
  ballot.addRow(["乙", 30, 15, 15, 0, 0, "优秀"]);
  ballot.addRow(["丙", 30, 5, 24, 1, 0, "合格"]);
  ballot.addRow(["丁", 30, 5, 25, 0, 0, "合格"]);
  ballot.addRow(["戊", 30, 3, 27, 0, 0, "合格"]);
  ballot.addRow(["己", 30, 2, 28, 0, 0, "合格"]);

  const settings = wb.addWorksheet("设置");
  settings.addRow(["项目", "值"]);
  settings.addRow(["支部名称", "第二小学党支部"]);
  settings.addRow(["年度", 2026]);
  await wb.xlsx.writeFile(file);
}

/** (sheet, rule, cell) for every issue, hand-worked from the SPEC at as-of 2026-02-10. */
const EXPECTED: Array<[string, string, string | null]> = [
  // Schedule (A 序号, B 月, C 时间, D 会议类型, E 主题, F 责任人, G 应到, H 实到, I 完成情况). Only January has
  // ended: it has 支部委员会 ×2 (rows 3 and 9), 主题党日 and 党小组会, so no frequency shortfall.
  ["2026党建工作台账", "schedule.duplicate", "E3"], // same date, type (支委会 = 支部委员会) and topic as row 9
  ["2026党建工作台账", "schedule.attendance.low", "H4"], // 22/30 = 73 % < 80 %
  ["2026党建工作台账", "schedule.attendance.missing", "H5"], // 已完成 without 实到
  ["2026党建工作台账", "schedule.date.month", "C7"], // 二月 but dated 28 January
  ["2026党建工作台账", "schedule.overdue", "I7"], // still 计划 on a date before as-of
  ["2026党建工作台账", "schedule.date.year", "C8"], // 2025 in the 2026 plan
  ["2026党建工作台账", "schedule.duplicate", "E9"],
  ["2026党建工作台账", "schedule.attendance.exceeds", "H9"], // 6 of 5
  // Evaluation (D–G items of 25, H 加分, I 扣分, J 总分, K 排名, L 等次). Three 优秀 of ten graded > floor(2).
  ["考核汇总", "eval.grade.quota", "L3"],
  ["考核汇总", "eval.score.range", "G6"], // 绩 26 > 25
  ["考核汇总", "eval.total.mismatch", "J8"], // 19×4 + 2 − 1 = 77, typed 80
  // Totals as typed: 96, 92, 91, 80, 80, 72, 68, 68, 64, 59 → ranks 1, 2, 3, 4, 4, 6, 7, 7, 9, 10.
  ["考核汇总", "eval.rank.mismatch", "K5"], // 乙 91 is 3rd, typed 2
  ["考核汇总", "eval.rank.mismatch", "K8"], // 戊 80 shares 4th, typed 5
  ["考核汇总", "eval.rank.mismatch", "K10"], // 庚 68 shares 7th, typed 8
  ["考核汇总", "eval.rank.mismatch", "K13"], // 癸 68 shares 7th, typed 8
  // Ballot: 乙 is 优秀 with 15 of 30 (not more than half); two 优秀 of six ≤ floor(6/3) = 2.
  ["测评", "ballot.grade.majority", "G3"],
];

function sortExpected(list: Array<[string, string, string | null]>) {
  const order = ["2026党建工作台账", "考核汇总", "测评"];
  const key = (cell: string | null) => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell ?? "");
    return m ? Number(m[2]) * 100 + (m[1] ?? "A").charCodeAt(0) : -1;
  };
  return [...list].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]) || key(a[2]) - key(b[2]));
}

describe("schedule, evaluation and ballot workbooks the team never saw", () => {
  const dir = tempDir();
  const file = path.join(dir, "第二小学.xlsx");

  beforeAll(() => writeWorkbook(file));

  test("recognised by their headers, with the hand-worked issues exactly", async () => {
    const { snapshot } = await readWorkbookFile(file);
    const result = validateWorkbook(snapshot, { asOf: AS_OF });
    expect(result.sheets.map((s) => [s.sheet, s.template, s.headerRow, s.dataRows])).toEqual([
      ["2026党建工作台账", "schedule", 2, 7],
      ["考核汇总", "evaluation", 3, 10],
      ["测评", "ballot", 1, 6],
      ["设置", null, null, 0],
    ]);
    expect(result.issues.map((i) => [i.sheet, i.rule, i.cell])).toEqual(sortExpected(EXPECTED));
    const summary = summarizeContexts(result.contexts, result.asOf) as Record<string, Record<string, unknown>>;
    expect(summary["evaluation"]?.["byGrade"]).toEqual({ 优秀: 3, 合格: 3, 基本合格: 3, 不合格: 1 });
    expect(summary["evaluation"]?.["excellentQuota"]).toEqual({ limit: 2, used: 3 });
    expect(Object.keys(summary["evaluation"]?.["itemAverages"] as object)).toEqual(["德", "能", "勤", "绩"]);
    expect(summary["ballot"]?.["byResult"]).toEqual({ 优秀: 2, 合格: 4 });
    expect((summary["schedule"]?.["byMonthType"] as Record<string, Record<string, number>>)["2026-01"]).toEqual({
      支部委员会: 2,
      主题党日: 1,
      党小组会: 1,
      支部党员大会: 1,
    });
  });

  test("the CLI reports the same and exits 1", async () => {
    const r = await runCli(["validate", file, "--format", "json", "--as-of", "2026-02-10"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { issues: Array<{ sheet: string; rule: string; cell: string | null }> };
    expect(report.issues.map((i) => [i.sheet, i.rule, i.cell])).toEqual(sortExpected(EXPECTED));
  });
});
