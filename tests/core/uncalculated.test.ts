/**
 * A formula the file holds no result for (CellFormula, SPEC §0): never read as empty, no value for the rules that
 * need one, no cell.type, and one cell.uncalculated warning per sheet and column on the column's first such cell.
 * Roster layout as in rules-common.test.ts (row 2 header, data from row 3, 月缴党费 in S); evaluation as in
 * rules-evaluation.test.ts (总分 M, 排名 N).
 */
import type { CellFormula, CellValue } from "../../src/core/types";
import { type Reading, readCell } from "../../src/core/coerce";
import { basePerson, makeId, runRoster } from "../helpers/build";
import { EVALUATION_HEADERS, check, pairs, sheetOf } from "../helpers/build-sheet";

const fx = (formula: string): CellFormula => ({ kind: "formula", formula });

describe("reading a formula without a result", () => {
  test.each(["text", "number", "integer", "date", "enum", "month"] as const)(
    "as a %s field: not blank, no value, no type problem",
    (type) => {
      const out: Reading = { value: "x", blank: true, problem: null, detail: null, whitespace: false };
      readCell({ key: "k", header: "K", type, values: ["甲"] }, fx("ROW()-1"), out);
      expect(out).toMatchObject({ value: null, blank: false, problem: "uncalculated", whitespace: false });
    },
  );
});

describe("cell.uncalculated on a roster", () => {
  test("passing: typed values raise no cell.uncalculated", () => {
    expect(runRoster([basePerson(), basePerson({ seq: 2 })]).of("cell.uncalculated")).toEqual([]);
  });

  test("uncalculated 月缴党费 on three members: one warning on the first such cell, no dues or required issue", () => {
    const run = runRoster(
      [1, 2, 3].map((i) =>
        basePerson({ seq: i, idNumber: makeId("19850615", `${i}23`), dues: fx(`ROUND(R${i + 2}*0.01,2)`) }),
      ),
    );
    const warnings = run.of("cell.uncalculated");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      severity: "warning",
      cell: "S3",
      row: 3,
      field: "dues",
      params: { header: "月缴党费", count: 3, cells: "S3:S5" },
    });
    expect(run.issues.map((i) => i.rule)).toEqual(["cell.uncalculated"]);
  });

  test("a required field (姓名) holding a formula is not empty; each column gets its own warning", () => {
    const run = runRoster([
      basePerson({ name: fx("FOOBAR(1)"), seq: fx("ROW()-2") }),
      basePerson({ seq: 2 }),
      basePerson({ name: fx("FOOBAR(3)"), seq: fx("ROW()-2") }),
    ]);
    expect(run.of("cell.required")).toEqual([]);
    expect(run.of("cell.type")).toEqual([]);
    expect(run.of("cell.uncalculated").map((i) => [i.cell, i.params["cells"], i.params["count"]])).toEqual([
      ["A3", "A3, A5", 2],
      ["B3", "B3, B5", 2],
    ]);
  });

  test("a row whose only filled cell is an uncalculated formula is a data row", () => {
    const run = runRoster([basePerson(), { seq: fx("ROW()-2") }]);
    expect(run.result.sheets[0]!.dataRows).toBe(2);
    expect(run.of("cell.uncalculated")).toHaveLength(1);
  });

  test("many runs of rows are listed briefly", () => {
    const rows = Array.from({ length: 12 }, (_, i) => basePerson({ seq: i + 1, dues: i % 2 === 0 ? fx("X()") : 45 }));
    const [w] = runRoster(rows).of("cell.uncalculated");
    expect(w!.params).toMatchObject({ count: 6, cells: "S3, S5, S7, S9, …" });
  });
});

describe("cell.uncalculated on an evaluation", () => {
  const HEADERS = EVALUATION_HEADERS;
  const ITEMS = ["师德师风(20)", "出勤考勤（10）", "工作量(20)", "教学质量(30)", "教育科研(10)", "特色工作(10)"];
  function person(name: string, scores: number[], total: CellValue, rank: CellValue): Record<string, CellValue> {
    const row: Record<string, CellValue> = { 序号: 1, 姓名: name, 部门: "一年级组", 岗位: "教师", 加分: 0, 扣分: 0 };
    ITEMS.forEach((h, i) => (row[h] = scores[i] ?? null));
    return { ...row, 总分: total, 排名: rank, 等次: "合格", 师德一票否决: "否" };
  }

  test("uncalculated 总分 and 排名: no total or rank mismatch, one warning per column", () => {
    const { issues } = check([
      sheetOf("年终考核", HEADERS, [
        person("王芳", [18, 9, 17, 26, 8, 8], fx("SUM(E3:J3)+K3-L3"), fx("RANK(M3,$M$3:$M$4)")),
        person("李明", [17, 9, 17, 26, 8, 8], 85, 2),
      ]),
    ]);
    expect(pairs(issues)).toEqual([
      ["cell.uncalculated", "M3"],
      ["cell.uncalculated", "N3"],
    ]);
  });

  test("failing the other way: a wrong typed total next to it is still reported", () => {
    const { issues } = check([
      sheetOf("年终考核", HEADERS, [
        person("王芳", [18, 9, 17, 26, 8, 8], fx("SUM(E3:J3)+K3-L3"), 1),
        person("李明", [17, 9, 17, 26, 8, 8], 80, 2),
      ]),
    ]);
    expect(pairs(issues)).toEqual([
      ["cell.uncalculated", "M3"],
      ["eval.total.mismatch", "M4"],
    ]);
  });
});
