/**
 * Reading messy workbooks (SPEC §1, §2, §2.1, §3 "A data row is …"): header recognition, date and number
 * reading, error values, merged cells.
 */
import type { CellDate, CellValue, SheetSnapshot } from "../../src/core/types";
import type { DataRow } from "../../src/core/rows";
import {
  ALIASES,
  CANONICAL,
  ROSTER_FIELDS,
  basePerson,
  columnLetter,
  date,
  makeId,
  ruleIds,
  rosterSheet,
  runRoster,
  validate,
  workbook,
  type RosterKey,
} from "../helpers/build";

/** The first data row as the engine read it. */
function firstRow(run: ReturnType<typeof runRoster>): DataRow {
  const ctx = run.result.contexts[0];
  if (!ctx) throw new Error(`no recognised sheet: ${JSON.stringify(run.result.sheets)}`);
  return ctx.rows[0]!;
}

/** Excel 1900-system serial of a date, computed from the JS epoch (valid after 1900-03-01). */
function excelSerial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

const filler = (n: number): CellValue[][] =>
  Array.from({ length: n }, (_, i) => [`填表说明第${i + 1}行`, null, i === 0 ? "单位：人" : null]);

describe("header recognition", () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])(
    "header on row %d is found; data and issues keep their sheet rows",
    (n) => {
      const run = runRoster([basePerson({ gender: "女" })], {
        title: null,
        above: filler(n - 1),
      });
      expect(run.result.sheets[0]).toMatchObject({
        template: "roster",
        headerRow: n,
        dataRows: 1,
      });
      expect(run.issues.map((i) => [i.rule, i.cell, i.row])).toEqual([["roster.gender.mismatch", `C${n + 1}`, n + 1]]);
    },
  );

  test("header on row 11 is not found → template null, no issues", () => {
    const run = runRoster([basePerson({ gender: "女" })], {
      title: null,
      above: filler(10),
    });
    expect(run.result.sheets[0]).toMatchObject({
      template: null,
      headerRow: null,
    });
    expect(run.issues).toEqual([]);
  });

  // The header must sit in the sheet's first 10 rows, whatever row the snapshot starts at.
  test("header beyond sheet row 10 is not found even when the snapshot starts lower (originRow 3)", () => {
    const run = runRoster([basePerson()], {
      title: null,
      above: filler(9),
      originRow: 3,
    });
    expect(run.built.headerRow).toBe(12);
    expect(run.result.sheets[0]).toMatchObject({ template: null });
  });

  test("merged two-line title above the header", () => {
    const run = runRoster([basePerson()], {
      above: [["（2026年11月）", ...Array(19).fill(null)]],
      merges: [{ top: 2, left: 1, bottom: 2, right: 20 }],
    });
    expect(run.result.sheets[0]).toMatchObject({
      template: "roster",
      headerRow: 3,
      dataRows: 1,
    });
    expect(run.issues).toEqual([]);
  });

  test("a title merged over two rows (value in the top-left only)", () => {
    const run = runRoster([basePerson({ phone: "123" })], {
      above: [Array(20).fill(null)],
      merges: [{ top: 1, left: 1, bottom: 2, right: 20 }],
    });
    expect(run.result.sheets[0]).toMatchObject({
      template: "roster",
      headerRow: 3,
    });
    expect(run.issues.map((i) => i.cell)).toEqual(["Q4"]);
  });

  test("alias headers in shuffled order are mapped by header, not position", () => {
    // Every field that has an alias uses its last alias; order reversed and interleaved.
    const order: RosterKey[] = [...ROSTER_FIELDS].reverse();
    const shuffled = [...order.filter((_, i) => i % 2 === 0), ...order.filter((_, i) => i % 2 === 1)];
    const headers: Record<string, string> = {};
    for (const k of shuffled) headers[k] = ALIASES[k].at(-1) ?? CANONICAL[k];
    const run = runRoster([basePerson(), basePerson({ idNumber: makeId("19850615", "135"), dues: 44 })], {
      fields: shuffled,
      headers,
    });
    const expected: Record<string, string> = {};
    shuffled.forEach((k, i) => (expected[k] = columnLetter(i + 1)));
    expect(run.result.sheets[0]).toMatchObject({
      template: "roster",
      headerRow: 2,
      dataRows: 2,
      columns: expected,
    });
    expect(run.issues.map((i) => [i.rule, i.cell])).toEqual([["roster.dues.rate", `${expected["dues"]}4`]]);
  });

  test.each(ROSTER_FIELDS.flatMap((k) => ALIASES[k].map((a) => [k, a] as const)))("alias %s ← %s", (key, alias) => {
    const run = runRoster([basePerson()], { headers: { [key]: alias } });
    expect(run.result.sheets[0]!.columns[key]).toBe(columnLetter(ROSTER_FIELDS.indexOf(key) + 1));
    expect(run.issues).toEqual([]);
  });

  test("extra unknown columns are kept and ignored", () => {
    const fields = [
      "工号",
      "name",
      "gender",
      "籍贯",
      "idNumber",
      "category",
      "dues",
      "duesBase",
      "fullDate",
      "admissionDate",
      "考核结果",
    ];
    const run = runRoster(
      [
        basePerson({
          工号: "T001",
          籍贯: " 某路\u30001号 ",
          考核结果: { kind: "error", code: "#N/A" },
        }),
      ],
      { fields },
    );
    expect(run.result.sheets[0]).toMatchObject({
      template: "roster",
      columns: {
        name: "B",
        gender: "C",
        idNumber: "E",
        category: "F",
        dues: "G",
        duesBase: "H",
        fullDate: "I",
        admissionDate: "J",
      },
    });
    expect(Object.keys(run.result.sheets[0]!.columns).sort()).toEqual([
      "admissionDate",
      "category",
      "dues",
      "duesBase",
      "fullDate",
      "gender",
      "idNumber",
      "name",
    ]);
    expect(run.issues).toEqual([]);
  });

  test.each<[RosterKey, string]>([
    ["name", "姓 名"],
    ["name", "姓\u3000名"],
    ["name", " 姓名 *"],
    ["name", "*姓名"],
    ["gender", "性别*"],
    ["gender", "性别＊"],
    ["idNumber", "身份证号\n码"],
    ["idNumber", "身份证号码（18位）"],
    ["idNumber", "公民身份\r\n号码"],
    ["birthDate", "出生\n年月"],
    ["category", "人员类别 *"],
    ["category", "人员类别（必填）*"],
    ["duesBase", "党费基数（元）"],
    ["duesBase", "党费基数(元/月)"],
    ["dues", "月缴党费（元）"],
    ["dues", "月缴党费 (元)"],
    ["phone", "联系电话\u3000"],
    ["employment", "在职／退休"],
  ])("%s ← header %p", (key, header) => {
    const run = runRoster([basePerson()], { headers: { [key]: header } });
    expect(run.result.sheets[0]!.columns[key]).toBe(columnLetter(ROSTER_FIELDS.indexOf(key) + 1));
    expect(run.issues).toEqual([]);
  });

  test("blank rows in the middle are skipped; row numbers are preserved", () => {
    const run = runRoster([
      basePerson(),
      null,
      null,
      basePerson({ idNumber: makeId("19850615", "135"), phone: "123" }),
      null,
    ]);
    expect(run.result.sheets[0]!.dataRows).toBe(2);
    expect(run.result.contexts[0]!.rows.map((r) => r.row)).toEqual([3, 6]);
    expect(run.issues.map((i) => i.cell)).toEqual(["Q6"]);
  });

  test("a row of only whitespace cells is blank (not a data row)", () => {
    const run = runRoster([
      basePerson(),
      { name: "  ", note: "\u3000" },
      basePerson({ idNumber: makeId("19850615", "135") }),
    ]);
    expect(run.result.contexts[0]!.rows.map((r) => r.row)).toEqual([3, 5]);
    expect(run.issues).toEqual([]);
  });

  test("a sheet named 设置 is never a template", () => {
    const result = validate(workbook(rosterSheet([basePerson({ phone: "1" })], { name: "设置" }).sheet));
    expect(result.sheets).toEqual([expect.objectContaining({ template: null })]);
    expect(result.issues.filter((i) => i.rule !== "settings.value")).toEqual([]);
  });

  test("sheet name does not matter; another sheet name is still a roster", () => {
    const result = validate(
      workbook(
        rosterSheet([basePerson()], { name: "Sheet1" }).sheet,
        rosterSheet([basePerson({ phone: "1" })], { name: "2025年名册" }).sheet,
      ),
    );
    expect(result.sheets.map((s) => [s.sheet, s.template])).toEqual([
      ["Sheet1", "roster"],
      ["2025年名册", "roster"],
    ]);
    expect(result.issues.map((i) => [i.sheet, i.rule])).toEqual([["2025年名册", "roster.phone.format"]]);
  });

  test("too few required headers → template null", () => {
    const run = runRoster([basePerson()], {
      fields: ["name", "idNumber", "phone", "dues", "duesBase", "admissionDate"],
    });
    expect(run.result.sheets[0]).toMatchObject({ template: null, dataRows: 0 });
  });

  test("an empty sheet and a sheet of unrelated data → template null", () => {
    const result = validate(
      workbook(
        { name: "空", values: [] },
        {
          name: "成绩",
          values: [
            ["学号", "语文", "数学"],
            ["1", 90, 80],
          ],
        },
      ),
    );
    expect(result.sheets.map((s) => s.template)).toEqual([null, null]);
    expect(result.issues).toEqual([]);
  });

  test("options.sheet validates only that sheet", () => {
    const wb = workbook(
      rosterSheet([basePerson({ phone: "1" })], { name: "A" }).sheet,
      rosterSheet([basePerson({ phone: "2" })], { name: "B" }).sheet,
    );
    const result = validate(wb, { sheet: "B" });
    expect(result.sheets.map((s) => s.sheet)).toEqual(["B"]);
    expect(result.issues.map((i) => [i.sheet, i.params["value"]])).toEqual([["B", "2"]]);
  });

  test("a snapshot with an origin (values start at C5) reports sheet addresses", () => {
    const run = runRoster([basePerson({ gender: "女" })], {
      originRow: 5,
      originCol: 3,
    });
    expect(run.result.sheets[0]).toMatchObject({
      template: "roster",
      headerRow: 6,
    });
    expect(run.result.sheets[0]!.columns["name"]).toBe("D");
    expect(run.issues.map((i) => [i.cell, i.row])).toEqual([["E7", 7]]);
  });
});

describe("date reading (SPEC §2.1)", () => {
  const read = (v: CellValue): CellDate | null => {
    const run = runRoster([basePerson({ note: null, applicationDate: v })]);
    return firstRow(run).date("applicationDate");
  };
  const typeIssue = (v: CellValue) =>
    runRoster([basePerson({ applicationDate: v })])
      .of("cell.type")
      .map((i) => i.cell);

  test.each<[CellValue, CellDate]>([
    ["2019-11-01", date(2019, 11, 1)],
    ["2019-11-1", date(2019, 11, 1)],
    ["2019/11/1", date(2019, 11, 1)],
    ["2019/11/01", date(2019, 11, 1)],
    ["2019.11.1", date(2019, 11, 1)],
    ["2019.11.01", date(2019, 11, 1)],
    ["2019年11月1日", date(2019, 11, 1)],
    ["2019年11月01日", date(2019, 11, 1)],
    ["20191101", date(2019, 11, 1)],
    ["１９９３年６月２８日", date(1993, 6, 28)],
    ["２０１９－１１－０１", date(2019, 11, 1)],
    ["２０１９．１１．１", date(2019, 11, 1)],
    [20191101, date(2019, 11, 1)],
    [excelSerial(2019, 11, 1), date(2019, 11, 1)],
    [excelSerial(2019, 11, 1) + 0.75, date(2019, 11, 1)],
    [excelSerial(2000, 2, 29), date(2000, 2, 29)],
    [excelSerial(1985, 6, 15), date(1985, 6, 15)],
    [date(2019, 11, 1), date(2019, 11, 1)],
    ["2000-02-29", date(2000, 2, 29)],
    ["1980-03-15 00:00:00", date(1980, 3, 15)],
    ["2001/3/1 0:00:00", date(2001, 3, 1)],
    ["2001/3/1 0:00", date(2001, 3, 1)],
    ["2019-11-01T00:00:00.000Z", date(2019, 11, 1)],
    ["2019年11月1日 08:30", date(2019, 11, 1)],
    ["2019-11-01 2:05:09 PM", date(2019, 11, 1)],
  ])("%p → full date", (v, expected) => {
    const d = read(v);
    expect(d).toMatchObject({ y: expected.y, m: expected.m, d: expected.d });
    expect(typeIssue(v)).toEqual([]);
  });

  test("Excel serial 43770 is 2019-11-01", () => {
    expect(excelSerial(2019, 11, 1)).toBe(43770);
    expect(read(43770)).toMatchObject({ y: 2019, m: 11, d: 1 });
  });

  test.each<[CellValue, number, number]>([
    ["2019.11", 2019, 11],
    ["2019年11月", 2019, 11],
    ["2019-11", 2019, 11],
    ["2019/3", 2019, 3],
    ["２０１９年１１月", 2019, 11],
    [2019.11, 2019, 11],
  ])("%p → month precision (%d-%d, day unknown)", (v, y, m) => {
    const d = read(v);
    expect(d).toMatchObject({ y, m });
    expect(d!.d).toBe(0);
    expect(typeIssue(v)).toEqual([]);
  });

  test("month precision behaves as a month: 2026.11 is not after as-of 2026-11-21, 2026.12 is", () => {
    expect(
      runRoster([
        basePerson({
          note: "2026.11",
          fullDate: "2026.11",
          admissionDate: "2025.11",
        }),
      ]).of("roster.future-date"),
    ).toEqual([]);
    expect(
      runRoster([basePerson({ fullDate: "2026.12", admissionDate: "2025.11" })])
        .of("roster.future-date")
        .map((i) => i.cell),
    ).toEqual(["P3"]);
  });

  test.each<[CellValue]>([
    ["2019-02-30"],
    ["2019-13-01"],
    ["2019-00-10"],
    ["2019-11-32"],
    ["1900-02-29"],
    ["abc"],
    ["2019"],
    ["2019-11-01-02"],
    ["2019-02-30 00:00:00"],
    ["2019-11-01 午后"],
    ["十一月"],
    [true],
    [20191332],
    [2019],
  ])("%p → cell.type on the date cell", (v) => {
    expect(typeIssue(v)).toEqual(["L3"]);
    expect(read(v)).toBeNull();
  });

  test("a CellDate that is not a real day → cell.type", () => {
    expect(typeIssue(date(2019, 2, 30))).toEqual(["L3"]);
  });
});

describe("numbers and text", () => {
  test.each<[CellValue]>([["4500"], ["４５００"], ["4,500"], ["4500.00"], [" 4500 "], [4500]])(
    "党费基数 %p reads as 4500",
    (v) => {
      const run = runRoster([basePerson({ duesBase: v })]);
      expect(firstRow(run).num("duesBase")).toBe(4500);
      expect(run.of("cell.type")).toEqual([]);
      expect(run.of("roster.dues.rate")).toEqual([]);
    },
  );

  test("月缴党费 as text '45.00' reads as 45", () => {
    const run = runRoster([basePerson({ dues: "45.00" })]);
    expect(firstRow(run).num("dues")).toBe(45);
    expect(run.issues).toEqual([]);
  });

  test("序号 as text reads as an integer", () => {
    expect(firstRow(runRoster([basePerson({ seq: "12" })])).num("seq")).toBe(12);
  });

  test("a phone held as a number reads as its digits (valid mobile)", () => {
    const run = runRoster([basePerson({ phone: 13812345678 })]);
    expect(firstRow(run).text("phone")).toBe("13812345678");
    expect(run.issues).toEqual([]);
  });

  test("text fields take numbers and dates as text", () => {
    const run = runRoster([basePerson({ post: 2020, group: 3, note: date(2020, 1, 2) })]);
    const row = firstRow(run);
    expect(row.text("post")).toBe("2020");
    expect(row.text("group")).toBe("3");
    expect(run.issues).toEqual([]);
  });

  test("error values are formula errors and read as empty values", () => {
    const run = runRoster([
      basePerson({
        duesBase: { kind: "error", code: "#VALUE!" },
        phone: { kind: "error", code: "#N/A" },
      }),
    ]);
    const row = firstRow(run);
    expect(row.num("duesBase")).toBeNull();
    expect(row.text("phone")).toBeNull();
    expect(run.issues.map((i) => [i.rule, i.cell, i.params["code"]])).toEqual([
      ["cell.formula-error", "Q3", "#N/A"],
      ["cell.formula-error", "R3", "#VALUE!"],
    ]);
  });
});

describe("merged cells spanning data rows", () => {
  const three = () => [
    basePerson({ group: "第二党小组", category: "正式党员" }),
    basePerson({
      idNumber: makeId("19850615", "135"),
      group: null,
      category: null,
    }),
    basePerson({
      idNumber: makeId("19850615", "145"),
      group: null,
      category: null,
    }),
  ];

  test("the top-left value applies to every covered row", () => {
    // 党小组 (I) and 人员类别 (J) merged over rows 3–5.
    const run = runRoster(three(), {
      merges: [
        { top: 3, left: 9, bottom: 5, right: 9 },
        { top: 3, left: 10, bottom: 5, right: 10 },
      ],
    });
    const rows = run.result.contexts[0]!.rows;
    expect(rows.map((r) => [r.row, r.text("group"), r.text("category")])).toEqual([
      [3, "第二党小组", "正式党员"],
      [4, "第二党小组", "正式党员"],
      [5, "第二党小组", "正式党员"],
    ]);
    expect(run.issues).toEqual([]);
  });

  test("without the merge the empty cells are empty (cell.required on 人员类别)", () => {
    const run = runRoster(three());
    expect(run.of("cell.required").map((i) => i.cell)).toEqual(["J4", "J5"]);
  });

  test("a merged value is validated on every covered row (bad category → issue per row)", () => {
    const rows = three();
    rows[0]!.category = "群众";
    const run = runRoster(rows, {
      merges: [{ top: 3, left: 10, bottom: 5, right: 10 }],
    });
    expect(run.of("cell.enum").map((i) => i.cell)).toEqual(["J3", "J4", "J5"]);
  });

  test("merges in a snapshot with an origin", () => {
    const run = runRoster(three(), {
      originRow: 4,
      originCol: 2,
      merges: [{ top: 6, left: 11, bottom: 8, right: 11 }],
    });
    // origin B4: title row 4, header row 5, data rows 6–8; 人员类别 is the 10th field → column 2+9 = K.
    expect(run.result.sheets[0]).toMatchObject({ headerRow: 5 });
    expect(run.result.sheets[0]!.columns["category"]).toBe("K");
    expect(run.result.contexts[0]!.rows.map((r) => r.text("category"))).toEqual(["正式党员", "正式党员", "正式党员"]);
    expect(run.of("cell.required")).toEqual([]);
  });

  // A cell covered by a merge is empty in the file, so it does not make a row a data row (SPEC §3).
  test("a row covered only by a merge (otherwise blank) is not a data row", () => {
    const run = runRoster([basePerson({ group: "第二党小组" }), null], {
      merges: [{ top: 3, left: 9, bottom: 4, right: 9 }],
    });
    expect(run.result.contexts[0]!.rows.map((r) => r.row)).toEqual([3]);
    expect(run.issues).toEqual([]);
  });

  test("merges that do not fit the sheet do not throw", () => {
    const sheet: SheetSnapshot = {
      ...rosterSheet(three()).sheet,
      merges: [
        { top: 3, left: 30, bottom: 50, right: 40 },
        { top: 0, left: 0, bottom: 0, right: 0 },
        { top: 5, left: 1, bottom: 3, right: 1 },
      ],
    };
    expect(() => validate(workbook(sheet))).not.toThrow();
    expect(ruleIds(validate(workbook(sheet)).issues)).toEqual(["cell.required"]);
  });
});
