/** Issues name the person (issue 10): the row's 姓名, null where there is none; duplicates name the others. */
import { formatIssue } from "../../src/core/messages";
import { basePerson, date, makeId, runRoster } from "../helpers/build";
import { check, sheetOf } from "../helpers/build-sheet";

describe("person on issues", () => {
  test("a row issue carries the row's cleaned 姓名; a row without a name gives null", () => {
    const run = runRoster([
      basePerson({ name: " 邱筠 ", ethnicity: "汉" }),
      basePerson({ name: null, idNumber: makeId("19850615", "133") }),
    ]);
    expect(run.of("cell.enum").map((i) => i.person)).toEqual(["邱筠"]);
    expect(run.of("cell.whitespace").map((i) => i.person)).toEqual(["邱筠"]);
    expect(run.of("cell.required").map((i) => i.person)).toEqual([null]);
  });

  test("header and sheet-level issues have no person", () => {
    const run = runRoster([basePerson()], { fields: ["name", "gender", "ethnicity", "category"] });
    expect(run.of("header.missing").length).toBeGreaterThan(0);
    for (const i of run.of("header.missing")) expect(i.person).toBeNull();
  });

  test("a sheet without a 姓名 column gives null", () => {
    const { issues } = check([
      sheetOf(
        "月度安排",
        ["月份", "日期", "活动类型", "内容", "状态"],
        [{ 月份: 3, 日期: date(2026, 4, 2), 活动类型: "党课", 内容: "学习", 状态: "计划" }],
      ),
    ]);
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(i.person).toBeNull();
  });

  test("duplicate IDs name the other people with their rows", () => {
    const id = makeId("19800101", "011");
    const run = runRoster([
      basePerson({ name: "邱筠", idNumber: id, birthDate: date(1980, 1, 1) }),
      basePerson({ idNumber: makeId("19850615", "133") }),
      basePerson({ name: "夏明超", idNumber: id, birthDate: date(1980, 1, 1) }),
    ]);
    const [first, second] = run.of("roster.id.duplicate");
    expect(first!.person).toBe("邱筠");
    expect(first!.params).toMatchObject({ otherRows: "5", otherNames: "夏明超" });
    expect(formatIssue(first!, "zh-CN")).toBe("身份证号与夏明超（第 5 行）重复，请核对是否重复登记");
    expect(formatIssue(second!, "zh-CN")).toBe("身份证号与邱筠（第 3 行）重复，请核对是否重复登记");
    expect(formatIssue(second!, "en")).toBe("Same ID number as 邱筠 (row 3)");
  });
});
