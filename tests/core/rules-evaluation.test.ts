import type { CellValue } from "../../src/core/types";
import { EVALUATION_HEADERS, check, pairs, settingsOf, sheetOf } from "../helpers/build-sheet";

const HEADERS = EVALUATION_HEADERS;
// Columns: A 序号 … E–J items, K 加分, L 扣分, M 总分, N 排名, O 等次, P 否决.

function person(scores: number[], extra: Record<string, CellValue> = {}): Record<string, CellValue> {
  const items = ["师德师风(20)", "出勤考勤（10）", "工作量(20)", "教学质量(30)", "教育科研(10)", "特色工作(10)"];
  const row: Record<string, CellValue> = { 序号: 1, 姓名: "王芳", 部门: "一年级组", 岗位: "教师" };
  items.forEach((h, i) => (row[h] = scores[i] ?? null));
  const total = scores.reduce((a, b) => a + b, 0) + Number(extra["加分"] ?? 0) - Number(extra["扣分"] ?? 0);
  const grade = total >= 90 ? "优秀" : total >= 70 ? "合格" : total >= 60 ? "基本合格" : "不合格";
  return { ...row, 总分: total, 排名: 1, 等次: grade, 师德一票否决: "否", ...extra };
}

const GOOD = [18, 9, 17, 26, 8, 8]; // 86 → 合格

function run(rows: Array<Record<string, CellValue>>, headers = HEADERS, settings?: Record<string, CellValue>) {
  const sheets = [sheetOf("年终考核", headers, rows)];
  if (settings) sheets.push(settingsOf(settings));
  return check(sheets);
}

describe("evaluation template recognition", () => {
  test("item columns come from `名称(分值)` headers, half- or full-width brackets, any names", () => {
    const { result, issues } = run([person(GOOD)]);
    expect(issues).toEqual([]);
    const sheet = result.sheets[0]!;
    expect(sheet.template).toBe("evaluation");
    expect(sheet.columns).toMatchObject({
      "item:师德师风": "E",
      "item:出勤考勤": "F",
      "item:特色工作": "J",
      total: "M",
      grade: "O",
    });
  });

  test("a school's own items and maxima work without configuration", () => {
    const headers = ["姓名", "年级组", "德(30)", "能(30)", "勤(20)", "绩（20）", "总分", "等次"];
    // One graded row allows floor(20 % × 1) = 0 优秀, so these rows stay 合格.
    const ok = run(
      [
        {
          姓名: "李明",
          年级组: "高一",
          "德(30)": 25,
          "能(30)": 25,
          "勤(20)": 18,
          "绩（20）": 17,
          总分: 85,
          等次: "合格",
        },
      ],
      headers,
    );
    expect(ok.issues).toEqual([]);
    const bad = run(
      [
        {
          姓名: "李明",
          年级组: "高一",
          "德(30)": 31,
          "能(30)": 20,
          "勤(20)": 18,
          "绩（20）": 17,
          总分: 86,
          等次: "合格",
        },
      ],
      headers,
    );
    expect(pairs(bad.issues)).toEqual([["eval.score.range", "C3"]]);
  });
});

describe("evaluation rules", () => {
  test("eval.items.none: 姓名 and 总分 but no item column", () => {
    const { issues } = run([{ 姓名: "王芳", 总分: 80 }], ["姓名", "部门", "总分", "等次"]);
    expect(pairs(issues)).toEqual([["eval.items.none", "A2"]]);
  });

  test("eval.weights.sum: maxima adding up to 100 pass, 95 warns on the first item header", () => {
    expect(pairs(run([person(GOOD)]).issues, "eval.weights.sum")).toEqual([]);
    const headers = ["姓名", "德(30)", "能(30)", "勤(20)", "绩(15)", "总分"];
    const { issues } = run(
      [{ 姓名: "李明", "德(30)": 28, "能(30)": 27, "勤(20)": 18, "绩(15)": 12, 总分: 85 }],
      headers,
    );
    expect(issues.map((i) => [i.rule, i.severity, i.cell, i.row])).toEqual([["eval.weights.sum", "warning", "B2", 2]]);
  });

  test("eval.score.range: item above its maximum or negative, 加分 above the cap, negative 扣分", () => {
    expect(pairs(run([person([20, 10, 20, 30, 10, 10])]).issues, "eval.score.range")).toEqual([]);
    expect(pairs(run([person([21, 9, 17, 26, 8, 8])]).issues, "eval.score.range")).toEqual([
      ["eval.score.range", "E3"],
    ]);
    expect(pairs(run([person([18, -1, 17, 26, 8, 8])]).issues, "eval.score.range")).toEqual([
      ["eval.score.range", "F3"],
    ]);
    expect(pairs(run([person(GOOD, { 加分: 5 })]).issues, "eval.score.range")).toEqual([]);
    expect(pairs(run([person(GOOD, { 加分: 6 })]).issues, "eval.score.range")).toEqual([["eval.score.range", "K3"]]);
    expect(pairs(run([person(GOOD, { 加分: 6 })], HEADERS, { 加分上限: 8 }).issues, "eval.score.range")).toEqual([]);
    expect(pairs(run([person(GOOD, { 扣分: -2 })]).issues, "eval.score.range")).toEqual([["eval.score.range", "L3"]]);
  });

  test("eval.score.missing: an empty item on a named row; no total mismatch then", () => {
    const row = person(GOOD);
    row["教育科研(10)"] = null;
    expect(pairs(run([row]).issues)).toEqual([["eval.score.missing", "I3"]]);
    const nameless = { ...row, 姓名: null };
    expect(pairs(run([nameless]).issues, "eval.score.missing")).toEqual([]);
  });

  test("eval.total.mismatch: beyond 0.005 only; empty 加分/扣分 count as 0", () => {
    expect(pairs(run([person(GOOD, { 加分: 2, 扣分: 1 })]).issues)).toEqual([]);
    expect(pairs(run([{ ...person(GOOD), 总分: 86.004 }]).issues, "eval.total.mismatch")).toEqual([]);
    expect(pairs(run([{ ...person(GOOD), 总分: 86.01 }]).issues, "eval.total.mismatch")).toEqual([
      ["eval.total.mismatch", "M3"],
    ]);
  });

  test("eval.grade.threshold at the boundaries, thresholds from 设置", () => {
    const at = (total: number, grade: string, settings?: Record<string, CellValue>) =>
      pairs(
        run([{ ...person(GOOD), 总分: total, 等次: grade, 师德师风: null }], HEADERS, settings).issues,
        "eval.grade.threshold",
      );
    expect(at(90, "优秀")).toEqual([]);
    expect(at(89.5, "优秀")).toEqual([["eval.grade.threshold", "O3"]]);
    expect(at(70, "合格")).toEqual([]);
    expect(at(69, "合格")).toEqual([["eval.grade.threshold", "O3"]]);
    expect(at(60, "基本合格")).toEqual([]);
    expect(at(59, "基本合格")).toEqual([["eval.grade.threshold", "O3"]]);
    expect(at(88, "优秀", { 优秀分数线: 85 })).toEqual([]);
  });

  test("eval.grade.veto: 是 needs 不合格; 不合格 by veto is not a threshold error", () => {
    expect(pairs(run([person(GOOD, { 师德一票否决: "是", 等次: "不合格" })]).issues)).toEqual([]);
    expect(pairs(run([person(GOOD, { 师德一票否决: "是" })]).issues)).toEqual([["eval.grade.veto", "O3"]]);
  });

  test("eval.grade.quota: floor(20 % × graded); 4 of 20 pass, 3 of 15 pass, 4 of 19 fail on the 等次 header", () => {
    const make = (n: number, excellent: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...person(i < excellent ? [20, 10, 19, 28, 9, 9] : GOOD),
        序号: i + 1,
        姓名: `人${i}`,
        排名: i < excellent ? 1 : excellent + 1,
      }));
    expect(pairs(run(make(20, 4)).issues)).toEqual([]);
    expect(pairs(run(make(15, 3)).issues)).toEqual([]);
    expect(pairs(run(make(19, 4)).issues)).toEqual([["eval.grade.quota", "O2"]]);
    expect(pairs(run(make(19, 4), HEADERS, { 考核优秀比例上限: "25%" }).issues)).toEqual([]);
  });

  test("eval.rank.mismatch: competition ranks from 总分 as entered, ties share (1, 2, 2, 4)", () => {
    const rows = [95, 90, 90, 80].map((t, i) => ({
      ...person(GOOD),
      姓名: `人${i}`,
      总分: t,
      师德师风: null,
      等次: t >= 90 ? "优秀" : "合格",
    }));
    const ranks = (r: number[]) => rows.map((row, i) => ({ ...row, 排名: r[i] ?? null, "师德师风(20)": null }));
    const checkRanks = (r: number[]) =>
      pairs(run(ranks(r), HEADERS, { 考核优秀比例上限: "100%" }).issues, "eval.rank.mismatch");
    expect(checkRanks([1, 2, 2, 4])).toEqual([]);
    expect(checkRanks([1, 2, 3, 4])).toEqual([["eval.rank.mismatch", "N5"]]);
  });

  test("eval.duplicate: same 姓名 + 部门 on two rows; same name in another department is fine", () => {
    const a = person(GOOD);
    expect(pairs(run([a, { ...a, 部门: "二年级组" }]).issues, "eval.duplicate")).toEqual([]);
    expect(pairs(run([a, { ...a, 序号: 2 }]).issues, "eval.duplicate")).toEqual([
      ["eval.duplicate", "B3"],
      ["eval.duplicate", "B4"],
    ]);
  });
});
