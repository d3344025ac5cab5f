import type { CellValue } from "../../src/core/types";
import { check, pairs, settingsOf, sheetOf } from "../helpers/build-sheet";

const HEADERS = ["序号", "姓名", "发出票数", "优秀票", "合格票", "基本合格票", "不合格票", "评议结果", "备注"];

function member(votes: [number, number, number, number], result: string, voters = 25): Record<string, CellValue> {
  const [e, p, b, f] = votes;
  return {
    序号: 1,
    姓名: "王芳",
    发出票数: voters,
    优秀票: e,
    合格票: p,
    基本合格票: b,
    不合格票: f,
    评议结果: result,
  };
}

const run = (rows: Array<Record<string, CellValue>>, settings?: Record<string, CellValue>) =>
  check(settings ? [sheetOf("民主测评", HEADERS, rows), settingsOf(settings)] : [sheetOf("民主测评", HEADERS, rows)]);

describe("ballot rules", () => {
  test("recognised with the alias 发出票数; a clean sheet has no issue", () => {
    const { result, issues } = run([
      member([20, 5, 0, 0], "优秀"),
      member([10, 15, 0, 0], "合格"),
      member([5, 20, 0, 0], "合格"),
    ]);
    expect(result.sheets[0]).toMatchObject({ template: "ballot", headerRow: 2, dataRows: 3 });
    expect(issues).toEqual([]);
  });

  test("ballot.votes.exceed: the four counts may add up to 应参评人数, not more", () => {
    expect(pairs(run([member([20, 5, 0, 0], "合格")]).issues)).toEqual([]);
    expect(pairs(run([member([20, 5, 1, 0], "合格")]).issues)).toEqual([["ballot.votes.exceed", "C3"]]);
  });

  test("ballot.grade.majority: 优秀 needs more than half of the ballots", () => {
    expect(pairs(run([member([13, 12, 0, 0], "优秀")]).issues, "ballot.grade.majority")).toEqual([]);
    expect(pairs(run([member([12, 12, 0, 0], "优秀", 24)]).issues, "ballot.grade.majority")).toEqual([
      ["ballot.grade.majority", "H3"],
    ]);
  });

  test("ballot.grade.quota: floor(1/3 × rated rows); 不评定等次 rows are not rated", () => {
    const rows = (excellent: number, others: string[]) => [
      ...Array.from({ length: excellent }, () => member([20, 5, 0, 0], "优秀")),
      ...others.map((r) => member([5, 20, 0, 0], r)),
    ];
    expect(pairs(run(rows(1, ["合格", "合格"])).issues)).toEqual([]);
    expect(pairs(run(rows(2, ["合格", "合格", "合格"])).issues)).toEqual([["ballot.grade.quota", "H2"]]);
    expect(pairs(run(rows(2, ["合格", "合格", "合格", "合格"])).issues)).toEqual([]);
    expect(pairs(run(rows(1, ["合格", "不评定等次"])).issues)).toEqual([["ballot.grade.quota", "H2"]]);
    expect(pairs(run(rows(2, ["合格", "合格", "合格"]), { 评议优秀比例上限: "50%" }).issues)).toEqual([]);
  });
});
