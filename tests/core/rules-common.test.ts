/**
 * Common rules (SPEC §3 "Common") exercised on roster sheets, and the 设置 sheet (SPEC §2.5).
 * Layout: row 1 title, row 2 header, data from row 3; columns A..T in SPEC §2.1 order (see rules-roster.test.ts).
 */
import type { CellValue } from "../../src/core/types";
import { validateWorkbook } from "../../src/core/engine";
import { SETTING_DEFS, parsePercent } from "../../src/core/settings";
import {
  AS_OF,
  ROSTER_FIELDS,
  basePerson,
  date,
  makeId,
  ruleIds,
  runRoster,
  settingsSheet,
  validate,
  workbook,
  rosterSheet,
} from "../helpers/build";

const FORMULA_ERRORS = ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!"];

/** GB/T 3304, typed from the standard (not from src). */
const ETHNICITIES_GB3304 =
  "汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族 " +
  "佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 " +
  "塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族";

describe("header.missing", () => {
  test("姓名/性别/身份证号 without 人员类别 → still roster (3 of 4 > half), one error at the header row's first cell", () => {
    const fields = ROSTER_FIELDS.filter((k) => k !== "category");
    const run = runRoster([basePerson()], { fields });
    expect(run.result.sheets[0]).toMatchObject({
      template: "roster",
      headerRow: 2,
      dataRows: 1,
    });
    const missing = run.of("header.missing");
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({
      severity: "error",
      cell: "A2",
      row: 2,
      sheet: "党员花名册",
    });
    expect([null, "category"]).toContain(missing[0]!.field);
    expect(missing[0]!.params["header"]).toBe("人员类别");
    // No row-level complaint about the absent column.
    expect(run.of("cell.required")).toEqual([]);
    expect(ruleIds(run.issues)).toEqual(["header.missing"]);
  });

  test("the header row's first cell follows the header row (header on row 5)", () => {
    const fields = ROSTER_FIELDS.filter((k) => k !== "gender");
    const run = runRoster([basePerson()], {
      fields,
      above: [["说明"], [], ["填表人：", null, "王老师"]],
    });
    expect(run.result.sheets[0]).toMatchObject({
      template: "roster",
      headerRow: 5,
    });
    expect(run.of("header.missing").map((i) => [i.cell, i.row, i.params["header"]])).toEqual([["A5", 5, "性别"]]);
  });

  test("rows are still validated when a required header is missing", () => {
    const fields = ROSTER_FIELDS.filter((k) => k !== "category");
    const run = runRoster([basePerson({ gender: "女" })], { fields });
    expect(run.of("roster.gender.mismatch").map((i) => i.cell)).toEqual(["C3"]);
  });

  test("only two of four required headers → not a roster, no issues", () => {
    const run = runRoster([basePerson()], {
      fields: ["name", "gender", "phone", "note"],
    });
    expect(run.result.sheets[0]).toMatchObject({ template: null });
    expect(run.issues).toEqual([]);
  });

  test("all four present → no header.missing", () => {
    expect(
      runRoster([basePerson()], {
        fields: ["name", "gender", "idNumber", "category"],
      }).of("header.missing"),
    ).toEqual([]);
  });
});

describe("header.duplicate", () => {
  test("both 联系电话 and 手机 → warning on the later column's header cell; only the first is read", () => {
    const fields = [...ROSTER_FIELDS, "mobile"];
    const run = runRoster([basePerson({ mobile: "123" })], {
      fields,
      headers: { mobile: "手机" },
    });
    const dup = run.of("header.duplicate");
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({
      severity: "warning",
      cell: "U2",
      row: 2,
      field: "phone",
    });
    expect(run.result.sheets[0]!.columns["phone"]).toBe("Q");
    // The duplicate column is not read: its bad value raises nothing.
    expect(run.of("roster.phone.format")).toEqual([]);
  });

  test("手机 first, 联系电话 later → the later one is the duplicate", () => {
    const fields = ["name", "gender", "idNumber", "category", "phone", "x"];
    const run = runRoster([basePerson()], {
      fields,
      headers: { phone: "手机", x: "联系电话" },
    });
    expect(run.of("header.duplicate").map((i) => [i.cell, i.field])).toEqual([["F2", "phone"]]);
  });

  test("a canonical header repeated (two 姓名 columns)", () => {
    const fields = ["name", "gender", "idNumber", "category", "name2"];
    const run = runRoster([basePerson({ name2: "李四" })], {
      fields,
      headers: { name2: "姓名" },
    });
    expect(run.of("header.duplicate").map((i) => [i.cell, i.severity])).toEqual([["E2", "warning"]]);
  });

  test("no duplicate in the canonical sheet", () => {
    expect(runRoster([basePerson()]).of("header.duplicate")).toEqual([]);
  });
});

describe("cell.required", () => {
  test.each<[string, string]>([
    ["name", "B3"],
    ["gender", "C3"],
    ["idNumber", "E3"],
    ["category", "J3"],
  ])("empty %s → error at %s", (field, cell) => {
    const run = runRoster([basePerson({ [field]: null })]);
    const req = run.of("cell.required");
    expect(req).toHaveLength(1);
    expect(req[0]).toMatchObject({ severity: "error", cell, row: 3, field });
  });

  test("empty string counts as empty", () => {
    expect(
      runRoster([basePerson({ name: "" })])
        .of("cell.required")
        .map((i) => i.cell),
    ).toEqual(["B3"]);
  });

  test.each([
    ["spaces", "   "],
    ["full-width space", "\u3000"],
    ["tab and newline", "\t\n"],
    ["zero-width", "\u200B"],
  ])("whitespace-only 姓名 (%s) → cell.required AND cell.whitespace", (_label, v) => {
    const run = runRoster([basePerson({ name: v })]);
    expect(run.of("cell.required").map((i) => [i.cell, i.field])).toEqual([["B3", "name"]]);
    expect(run.of("cell.whitespace").map((i) => [i.cell, i.field, i.severity])).toEqual([["B3", "name", "warning"]]);
  });

  test("optional fields may be empty", () => {
    const run = runRoster([
      basePerson({
        seq: null,
        ethnicity: null,
        birthDate: null,
        education: null,
        post: null,
        group: null,
        employment: null,
        phone: null,
        note: null,
      }),
    ]);
    expect(run.issues).toEqual([]);
  });

  test("a row with only a 备注 is a data row with all four required cells empty", () => {
    const run = runRoster([basePerson(), { note: "调出" }]);
    expect(run.of("cell.required").map((i) => i.cell)).toEqual(["B4", "C4", "E4", "J4"]);
  });

  test("a formula error in a required cell is a formula error, not an empty cell", () => {
    const run = runRoster([basePerson({ name: { kind: "error", code: "#REF!" } })]);
    expect(run.of("cell.required")).toEqual([]);
    expect(run.of("cell.formula-error").map((i) => i.cell)).toEqual(["B3"]);
  });
});

describe("cell.type", () => {
  test.each<[string, CellValue, string, string]>([
    ["applicationDate", "2019-13-01", "L3", "date"],
    ["applicationDate", "2019-02-30", "L3", "date"],
    ["birthDate", "abc", "F3", "date"],
    ["admissionDate", true, "O3", "date"],
    ["duesBase", "abc", "R3", "number"],
    ["dues", "四十五", "S3", "number"],
    ["dues", -5, "S3", "number"],
    ["seq", "1.5", "A3", "integer"],
    ["seq", "第一", "A3", "integer"],
  ])("%s = %p → error at %s (expected %s)", (field, value, cell, expected) => {
    const run = runRoster([basePerson({ [field]: value })]);
    const t = run.of("cell.type");
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ severity: "error", cell, row: 3, field });
    expect(t[0]!.params["expected"]).toBe(expected);
  });

  test("an unreadable date takes part in no date rule", () => {
    const run = runRoster([basePerson({ fullDate: "2008-06-31" })]);
    expect(ruleIds(run.issues)).toEqual(["cell.type"]);
  });

  test("readable numbers and dates give no cell.type", () => {
    const run = runRoster([
      basePerson({
        seq: "3",
        duesBase: "4500.00",
        dues: " 45 ",
        applicationDate: "2005年3月1日",
      }),
    ]);
    expect(run.of("cell.type")).toEqual([]);
  });
});

describe("cell.enum", () => {
  test("汉 → error with suggestion 汉族", () => {
    const run = runRoster([basePerson({ ethnicity: "汉" })]);
    const e = run.of("cell.enum");
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({
      severity: "error",
      cell: "D3",
      row: 3,
      field: "ethnicity",
    });
    expect(e[0]!.params["suggestion"]).toBe("汉族");
  });

  test("女性 → error with suggestion 女", () => {
    const run = runRoster([basePerson({ gender: "女性", idNumber: makeId("19850615", "124") })]);
    const e = run.of("cell.enum");
    expect(e.map((i) => [i.cell, i.params["suggestion"]])).toEqual([["C3", "女"]]);
  });

  test("回 → suggests 回族; 维吾尔 → 维吾尔族", () => {
    const run = runRoster([
      basePerson({ ethnicity: "回" }),
      basePerson({ ethnicity: "维吾尔", idNumber: makeId("19850615", "133") }),
    ]);
    expect(run.of("cell.enum").map((i) => i.params["suggestion"])).toEqual(["回族", "维吾尔族"]);
  });

  test("人员类别 not in the list → error on J", () => {
    const run = runRoster([basePerson({ category: "群众" })]);
    expect(run.of("cell.enum").map((i) => [i.cell, i.field])).toEqual([["J3", "category"]]);
  });

  test.each(ETHNICITIES_GB3304.split(" "))("%s is allowed", (ethnicity) => {
    expect(runRoster([basePerson({ ethnicity })]).of("cell.enum")).toEqual([]);
  });

  test("the list has 56 names", () => {
    expect(new Set(ETHNICITIES_GB3304.split(" ")).size).toBe(56);
  });

  test.each<[string, string, string]>([
    ["education", "本科", "大学本科"],
    ["education", "大专", "大学专科"],
    ["education", "专科", "大学专科"],
    ["education", "硕士", "研究生"],
    ["education", "博士", "研究生"],
    ["education", "中技", "中专"],
    ["education", "中等专科", "中专"],
    ["education", "研究生", "研究生"],
    ["education", "初中及以下", "初中及以下"],
    ["category", "中共党员", "正式党员"],
    ["category", "中共预备党员", "预备党员"],
    ["gender", "男", "男"],
    ["employment", "离退休", "离退休"],
    ["employment", "学生", "学生"],
  ])("%s: %s is accepted and read as %s", (field, typed, canonical) => {
    const over: Record<string, CellValue> = { [field]: typed };
    if (typed === "中共预备党员") Object.assign(over, { fullDate: null, admissionDate: date(2026, 3, 1) });
    const run = runRoster([basePerson(over)]);
    expect(run.of("cell.enum")).toEqual([]);
    expect(run.result.contexts[0]!.rows[0]!.text(field)).toBe(canonical);
  });

  test("spaces and full-width letters around an allowed value are not an enum error", () => {
    const run = runRoster([basePerson({ gender: " 男 ", education: "\u3000本科" })]);
    expect(run.of("cell.enum")).toEqual([]);
    expect(run.result.contexts[0]!.rows[0]!.text("gender")).toBe("男");
  });
});

describe("cell.formula-error", () => {
  test.each(FORMULA_ERRORS)("%s → error with the code", (code) => {
    const run = runRoster([basePerson({ note: { kind: "error", code } })]);
    const f = run.of("cell.formula-error");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      severity: "error",
      cell: "T3",
      row: 3,
      field: "note",
    });
    expect(f[0]!.params["code"]).toBe(code);
  });

  test.each<[string, string]>([
    ["dues", "S3"],
    ["admissionDate", "O3"],
    ["category", "J3"],
  ])("in %s: formula error only, no cell.type / cell.enum, and dependent rules stay quiet", (field, cell) => {
    const run = runRoster([basePerson({ [field]: { kind: "error", code: "#DIV/0!" } })]);
    expect(run.issues.map((i) => [i.rule, i.cell])).toEqual([["cell.formula-error", cell]]);
  });
});

describe("cell.whitespace", () => {
  test.each([
    ["leading space", " 张伟"],
    ["trailing space", "张伟 "],
    ["full-width space inside", "张\u3000伟"],
    ["full-width space trailing", "张伟\u3000"],
    ["zero-width space", "张\u200B伟"],
    ["BOM", "\uFEFF张伟"],
    ["no-break space leading", "\u00A0张伟"],
  ])("%s → warning", (_label, name) => {
    const run = runRoster([basePerson({ name })]);
    const w = run.of("cell.whitespace");
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({
      severity: "warning",
      cell: "B3",
      row: 3,
      field: "name",
    });
    expect(run.of("cell.required")).toEqual([]);
    expect(run.result.contexts[0]!.rows[0]!.text("name")).not.toMatch(/^\s|\s$|\u200B|\uFEFF/);
  });

  test("a half-width space inside text is fine", () => {
    expect(runRoster([basePerson({ name: "阿依古丽 买买提" })]).of("cell.whitespace")).toEqual([]);
  });

  test("spaces around an id / number / date are flagged but the value still reads", () => {
    const run = runRoster([
      basePerson({
        idNumber: " " + makeId() + " ",
        duesBase: "4500\u3000",
        applicationDate: " 2005-03-01\u3000",
      }),
    ]);
    expect(run.of("cell.whitespace").map((i) => i.cell)).toEqual(["E3", "L3", "R3"]);
    expect(ruleIds(run.issues)).toEqual(["cell.whitespace"]);
  });

  test("an invisible character in an id is flagged but the id still reads", () => {
    const run = runRoster([basePerson({ idNumber: makeId() + "\u200B" })]);
    expect(run.issues.map((i) => [i.rule, i.cell])).toEqual([["cell.whitespace", "E3"]]);
  });

  // Invisible characters are a cell.whitespace warning; the value itself is still read.
  test("an invisible character in a date or number is flagged but the value still reads", () => {
    const run = runRoster([
      basePerson({
        duesBase: "4500\u200B",
        applicationDate: "\u200B2005-03-01",
      }),
    ]);
    expect(run.issues.map((i) => [i.rule, i.cell])).toEqual([
      ["cell.whitespace", "L3"],
      ["cell.whitespace", "R3"],
    ]);
  });
});

describe("settings.value (设置 sheet)", () => {
  const labelKey = (label: string) => SETTING_DEFS.find((d) => d.label === label)!.key;

  test("bad 统计截止日期 → warning at its value cell; as-of falls back", () => {
    const wb = workbook(
      rosterSheet([basePerson()]).sheet,
      settingsSheet([
        ["支部名称", "第一党支部"],
        ["统计截止日期", "2026-13-45"],
      ]),
    );
    const result = validateWorkbook(wb, { today: date(2026, 1, 5) });
    const s = result.issues.filter((i) => i.rule === "settings.value");
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({
      severity: "warning",
      sheet: "设置",
      cell: "B3",
      row: 3,
    });
    expect(s[0]!.params["item"]).toBe("统计截止日期");
    expect(result.asOf).toEqual(date(2026, 1, 5));
  });

  test("a good 统计截止日期 is the as-of; the option overrides it", () => {
    const wb = workbook(rosterSheet([basePerson()]).sheet, settingsSheet([["统计截止日期", "2026年6月30日"]]));
    expect(validateWorkbook(wb, { today: date(2026, 1, 5) }).asOf).toEqual(date(2026, 6, 30));
    expect(validate(wb).asOf).toEqual(AS_OF);
    expect(validate(wb).issues).toEqual([]);
  });

  test.each(["abc", "150%", "-5", "120"])("bad percent %p for 到会率预警线 → warning, default 80%% kept", (v) => {
    const wb = workbook(settingsSheet([["到会率预警线", v]]));
    const result = validate(wb);
    const s = result.issues.filter((i) => i.rule === "settings.value");
    expect(s.map((i) => [i.cell, i.severity, i.params["value"]])).toEqual([["B2", "warning", v]]);
    expect(result.settings.values[labelKey("到会率预警线")]).toBeCloseTo(0.8, 10);
  });

  test.each<[CellValue]>([["20%"], ["0.2"], ["20"], ["1/5"], [0.2], [20], ["２０％"], [" 20% "]])(
    "percent %p → 0.2",
    (v) => {
      const result = validate(workbook(settingsSheet([["考核优秀比例上限", v]])));
      expect(result.issues).toEqual([]);
      expect(result.settings.values[labelKey("考核优秀比例上限")]).toBeCloseTo(0.2, 10);
      expect(parsePercent(v)).toBeCloseTo(0.2, 10);
    },
  );

  test("percent: 1 or more is a percentage, below 1 a fraction", () => {
    expect(parsePercent(1)).toBeCloseTo(0.01, 10);
    expect(parsePercent(0.5)).toBeCloseTo(0.5, 10);
    expect(parsePercent(80)).toBeCloseTo(0.8, 10);
    expect(parsePercent("33.33%")).toBeCloseTo(0.3333, 10);
    expect(parsePercent("1/3")).toBeCloseTo(1 / 3, 10);
  });

  test("unknown items are ignored; empty values keep the default without an issue", () => {
    const result = validate(
      workbook(
        settingsSheet([
          ["随便什么", "xyz"],
          ["加分上限", null],
          ["优秀分数线", ""],
        ]),
      ),
    );
    expect(result.issues).toEqual([]);
    expect(result.settings.values[labelKey("加分上限")]).toBe(5);
    expect(result.settings.values[labelKey("优秀分数线")]).toBe(90);
  });

  test("defaults when there is no 设置 sheet", () => {
    const result = validate(workbook(rosterSheet([basePerson()]).sheet));
    expect(result.settings.values[labelKey("到会率预警线")]).toBeCloseTo(0.8, 10);
    expect(result.settings.values[labelKey("考核优秀比例上限")]).toBeCloseTo(0.2, 10);
    expect(result.settings.values[labelKey("评议优秀比例上限")]).toBeCloseTo(1 / 3, 10);
    expect(result.settings.values[labelKey("加分上限")]).toBe(5);
    expect(result.settings.values[labelKey("优秀分数线")]).toBe(90);
    expect(result.settings.values[labelKey("合格分数线")]).toBe(70);
    expect(result.settings.values[labelKey("基本合格分数线")]).toBe(60);
    expect(result.settings.values[labelKey("支部党员大会每季度次数")]).toBe(1);
  });

  test("the 设置 sheet is listed with template null even when it holds roster headers", () => {
    const built = rosterSheet([basePerson({ gender: "女" })], { name: "设置" });
    const result = validate(workbook(built.sheet));
    expect(result.sheets).toEqual([expect.objectContaining({ sheet: "设置", template: null })]);
    expect(result.issues.filter((i) => i.rule.startsWith("roster."))).toEqual([]);
  });
});
