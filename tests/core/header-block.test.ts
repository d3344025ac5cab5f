/**
 * Issue 9 §1, §4, §5: header blocks of up to three rows (a merged group cell over sub-headers, the other headers
 * merged down the block), item headers 名称(20分) / 名称 20分, and the aliases of the national 汇总表.
 */
import type { CellValue, MergeRange, SheetSnapshot } from "../../src/core/types";
import { AS_OF, basePerson, date, makeId, probationer, validate, workbook, type RosterRow } from "../helpers/build";
import type { SheetReport } from "../../src/core/engine";

/** A1 range → merge. */
function merge(a1: string): MergeRange {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]), left: col(m[1]!), bottom: Number(m[4]), right: col(m[3]!) };
}

/** Roster columns of the two-row form: 入党情况 over the five dates, 党费缴纳 over 基数/月缴. */
const FORM_KEYS = [
  "seq",
  "name",
  "gender",
  "idNumber",
  "category",
  "applicationDate",
  "activistDate",
  "candidateDate",
  "admissionDate",
  "fullDate",
  "duesBase",
  "dues",
] as const;

function formRow(p: RosterRow): CellValue[] {
  return FORM_KEYS.map((k) => p[k] ?? null);
}

const TITLE = ["实验小学党支部党员花名册", ...Array<CellValue>(11).fill(null)];
const TOP = ["序号", "姓名", "性别", "身份证号", "人员类别", "入党情况", null, null, null, null, "党费缴纳", null];
const SUB = [
  null,
  null,
  null,
  null,
  null,
  "申请入党日期",
  "确定积极分子日期",
  "确定发展对象日期",
  "入党日期",
  "转正日期",
  "基数",
  "月缴",
];
/** The two header rows (2 and 3) under a title: singles merged down, the groups merged across. */
const FORM_MERGES = ["A1:L1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:J2", "K2:L2"].map(merge);

function formSheet(people: RosterRow[], extra: CellValue[][] = []): SheetSnapshot {
  return { name: "花名册", values: [TITLE, TOP, SUB, ...people.map(formRow), ...extra], merges: FORM_MERGES };
}

const sheetOf = (result: ReturnType<typeof validate>, name: string): SheetReport => {
  const s = result.sheets.find((x) => x.sheet === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

describe("roster with a two-row header block", () => {
  const people = [
    basePerson({ seq: 1, name: "张伟" }),
    probationer(date(2026, 3, 1), {
      seq: 2,
      name: "李娜",
      gender: "女",
      idNumber: makeId("19900302", "124"),
      birthDate: null,
    }),
  ];

  test("every column is mapped from its lowest cell, data start below the block, no issue", () => {
    const result = validate(workbook(formSheet(people)));
    const s = sheetOf(result, "花名册");
    expect(s).toMatchObject({ template: "roster", headerRow: 3, headerRows: [2, 3], dataRows: 2, skippedRows: [] });
    expect(s.columns).toMatchObject({
      name: "B",
      idNumber: "D",
      applicationDate: "F",
      admissionDate: "I",
      fullDate: "J",
      duesBase: "K",
      dues: "L",
    });
    expect(result.issues).toEqual([]);
  });

  test("a group cell is context: 入党情况/入党日期 on the binding, the sub-header as the header", () => {
    const result = validate(workbook(formSheet(people)));
    const binding = result.contexts[0]!.match.columns.find((c) => c.field.key === "admissionDate");
    expect(binding).toMatchObject({ header: "入党日期", group: "入党情况" });
  });

  test("planted defects are found on the right cells of the data rows", () => {
    const result = validate(
      workbook(
        formSheet([
          basePerson({ seq: 1, name: "张伟", admissionDate: date(2006, 9, 1) }),
          basePerson({ seq: 2, name: "王强", idNumber: makeId("19850615", "135"), dues: 30 }),
        ]),
      ),
    );
    expect(result.issues.map((i) => [i.rule, i.cell])).toEqual([
      ["roster.dates.order", "I4"],
      ["roster.dues.rate", "L5"],
    ]);
  });

  test("without the block (one header row) the sub-header row would be a person: not so now", () => {
    const result = validate(workbook(formSheet(people)));
    expect(result.issues.filter((i) => i.row === 3)).toEqual([]);
    expect(result.contexts[0]!.rows.map((r) => r.row)).toEqual([4, 5]);
  });
});

describe("three-row header block", () => {
  test("group over subgroup over sub-headers; data start on row 4", () => {
    const top = ["序号", "姓名", "性别", "身份证号", "人员类别", "党员发展情况", null, null, null, null];
    const mid = [null, null, null, null, null, "发展阶段", null, null, "入党情况", null];
    const low = [
      null,
      null,
      null,
      null,
      null,
      "申请入党日期",
      "确定积极分子日期",
      "确定发展对象日期",
      "入党日期",
      "转正日期",
    ];
    const merges = ["A1:A3", "B1:B3", "C1:C3", "D1:D3", "E1:E3", "F1:J1", "F2:H2", "I2:J2"].map(merge);
    const p = basePerson();
    // The form's columns up to 转正日期 (no 党费 group).
    const row = formRow(p).slice(0, FORM_KEYS.indexOf("fullDate") + 1);
    const result = validate(workbook({ name: "名册", values: [top, mid, low, row], merges }));
    expect(sheetOf(result, "名册")).toMatchObject({ headerRows: [1, 3], headerRow: 3, dataRows: 1 });
    expect(result.contexts[0]!.match.columns.find((c) => c.field.key === "fullDate")).toMatchObject({
      header: "转正日期",
      group: "党员发展情况/入党情况",
    });
    expect(result.issues).toEqual([]);
  });

  test("a title row above a one-row header is not part of the block", () => {
    const p = basePerson();
    const keys = ["name", "gender", "idNumber", "category"] as const;
    const result = validate(
      workbook({
        name: "名册",
        values: [
          ["第一党支部党员名单", null, null, null],
          ["姓名", "性别", "身份证号", "人员类别"],
          keys.map((k) => p[k] ?? null),
        ],
        merges: [merge("A1:D1")],
      }),
    );
    expect(sheetOf(result, "名册")).toMatchObject({ headerRows: [2, 2], headerRow: 2 });
  });
});

describe("evaluation items and the 考核项目 group", () => {
  const items: Array<[string, number]> = [
    ["师德师风（20分）", 20],
    ["出勤考勤(10分)", 10],
    ["工作量 20分", 20],
    ["教学质量（30）", 30],
    ["教育科研(10)", 10],
    ["特色工作10分", 10],
  ];

  test.each([false, true])("all five spellings are items (group cell above: %p); totals are checked", (grouped) => {
    const header = ["姓名", "部门", ...items.map(([h]) => h), "加分", "扣分", "总分", "等次"];
    const scores = [18, 9, 18, 24, 8, 8];
    const rows = [
      ["张伟", "语文组", ...scores, 0, 0, 85, "合格"],
      ["李娜", "数学组", ...scores, 0, 0, 88, "合格"],
    ];
    const values: CellValue[][] = grouped
      ? [
          ["姓名", "部门", "考核项目", null, null, null, null, null, "加分", "扣分", "总分", "等次"],
          [null, null, ...items.map(([h]) => h), null, null, null, null],
          ...rows,
        ]
      : [header, ...rows];
    const merges = grouped ? ["A1:A2", "B1:B2", "C1:H1", "I1:I2", "J1:J2", "K1:K2", "L1:L2"].map(merge) : [];
    const result = validate(workbook({ name: "考核", values, merges }));
    const s = sheetOf(result, "考核");
    expect(s).toMatchObject({ template: "evaluation", headerRows: grouped ? [1, 2] : [1, 1], dataRows: 2 });
    const found = result.contexts[0]!.match.columns.filter((c) => c.field.item).map((c) => [
      c.field.item!.name,
      c.field.item!.max,
    ]);
    expect(found).toEqual([
      ["师德师风", 20],
      ["出勤考勤", 10],
      ["工作量", 20],
      ["教学质量", 30],
      ["教育科研", 10],
      ["特色工作", 10],
    ]);
    const first = grouped ? 3 : 2;
    expect(result.issues.map((i) => [i.rule, i.cell])).toEqual([["eval.total.mismatch", `K${first + 1}`]]);
  });

  test("maxima on their own row under the item names", () => {
    const values: CellValue[][] = [
      ["姓名", "部门", "考核项目", null, "总分", "等次"],
      [null, null, "师德师风", "工作实绩", null, null],
      [null, null, 40, "60分", null, null],
      ["张伟", "语文组", 38, 61, 99, "优秀"],
    ];
    const merges = ["A1:A3", "B1:B3", "C1:D1", "E1:E3", "F1:F3"].map(merge);
    const result = validate(workbook({ name: "考核", values, merges }));
    expect(sheetOf(result, "考核")).toMatchObject({ headerRows: [1, 3], dataRows: 1 });
    expect(
      result.issues
        .filter((i) => i.row !== null && i.rule !== "eval.grade.quota")
        .map((i) => [i.rule, i.cell, i.params["max"]]),
    ).toEqual([["eval.score.range", "D4", 60]]);
  });
});

describe("ballot with 测评票数 over the vote columns", () => {
  test("优秀/合格/基本合格/不合格 under the group are the vote fields", () => {
    const values: CellValue[][] = [
      ["序号", "姓名", "应参评人数", "测评票数", null, null, null, "评议结果"],
      [null, null, null, "优秀", "合格", "基本合格", "不合格", null],
      [1, "张伟", 30, 20, 8, 2, 0, "优秀"],
      [2, "李娜", 30, 10, 15, 4, 1, "合格"],
      [3, "王强", 30, 10, 15, 4, 3, "合格"],
    ];
    const merges = ["A1:A2", "B1:B2", "C1:C2", "D1:G1", "H1:H2"].map(merge);
    const result = validate(workbook({ name: "测评", values, merges }));
    expect(sheetOf(result, "测评")).toMatchObject({ template: "ballot", headerRows: [1, 2], dataRows: 3 });
    expect(result.issues.map((i) => [i.rule, i.cell])).toEqual([["ballot.votes.exceed", "C5"]]);
  });

  test("the bare words are not headers outside a group (a grade table is no ballot)", () => {
    const values: CellValue[][] = [
      ["部门", "优秀", "合格", "基本合格", "不合格"],
      ["语文组", 2, 10, 1, 0],
    ];
    const result = validate(workbook({ name: "等次统计", values }));
    expect(sheetOf(result, "等次统计").template).toBeNull();
  });
});

describe("schedule with a header block", () => {
  test("出席情况 over 应到/实到", () => {
    const values: CellValue[][] = [
      ["月份", "日期", "活动类型", "内容", "出席情况", null, "状态"],
      [null, null, null, null, "应到人数", "实到人数", null],
      [3, date(2026, 3, 10), "支部委员会", "研究发展党员工作", 5, 6, "已完成"],
    ];
    const merges = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1", "G1:G2"].map(merge);
    const result = validate(workbook({ name: "安排", values, merges }), { asOf: date(2026, 3, 31) });
    expect(sheetOf(result, "安排")).toMatchObject({ template: "schedule", headerRows: [1, 2], dataRows: 1 });
    expect(result.issues.filter((i) => i.row !== null).map((i) => [i.rule, i.cell])).toEqual([
      ["schedule.attendance.exceeds", "F3"],
    ]);
  });
});

describe("headers of the national 党员基本信息汇总表 and secretaries' variants", () => {
  const headers = [
    "序号",
    "姓名",
    "所在党支部",
    "公民身份证号",
    "性别",
    "人员类别",
    "加入党组织日期",
    "转为正式党员日期",
    "手机号码",
    "固定电话",
    "每月应交党费",
    "党费计算基数",
  ];
  const keys = [
    "seq",
    "name",
    "branch",
    "idNumber",
    "gender",
    "category",
    "admissionDate",
    "fullDate",
    "phone",
    "landline",
    "dues",
    "duesBase",
  ];

  function sheetWith(over: RosterRow): SheetSnapshot {
    const p = basePerson({ branch: "实验小学党支部", landline: "010-62345678", ...over });
    return { name: "汇总表", values: [headers, keys.map((k) => p[k] ?? null)] };
  }

  test("every header maps to its field; a valid row has no issue", () => {
    const result = validate(workbook(sheetWith({})));
    expect(sheetOf(result, "汇总表").columns).toEqual({
      seq: "A",
      name: "B",
      branch: "C",
      idNumber: "D",
      gender: "E",
      category: "F",
      admissionDate: "G",
      fullDate: "H",
      phone: "I",
      landline: "J",
      dues: "K",
      duesBase: "L",
    });
    expect(result.issues).toEqual([]);
  });

  test("固定电话 is checked like the phone; the mobile stays the phone", () => {
    const result = validate(workbook(sheetWith({ landline: "6234", phone: "13812345678" })));
    expect(result.issues.map((i) => [i.rule, i.cell, i.field])).toEqual([["roster.phone.format", "J2", "landline"]]);
  });

  test("固定电话 and 所在党支部 are read but not written into generated templates", async () => {
    const { sheetFields } = await import("../../src/core/templates/fields");
    const { roster } = await import("../../src/core/templates/roster");
    expect(sheetFields(roster).map((f) => f.key)).not.toEqual(expect.arrayContaining(["landline"]));
    expect(sheetFields(roster).map((f) => f.key)).not.toContain("branch");
  });
});

test("as-of stays the fixture's (sanity)", () => {
  expect(AS_OF).toEqual(date(2026, 11, 21));
});

describe("rows above a complete header row", () => {
  const p = basePerson();
  const keys = ["name", "gender", "idNumber", "category", "admissionDate", "fullDate"] as const;
  const header = ["姓名", "性别", "身份证号", "人员类别", "入党日期", "转正日期"];
  const row = keys.map((k) => p[k] ?? null);

  test("a group cell over some of the columns joins the block", () => {
    const values: CellValue[][] = [[null, null, null, null, "入党情况", null], header, row];
    const result = validate(workbook({ name: "名册", values, merges: [merge("E1:F1")] }));
    expect(sheetOf(result, "名册")).toMatchObject({ headerRows: [1, 2], headerRow: 2, dataRows: 1 });
    expect(result.contexts[0]!.match.columns.find((c) => c.field.key === "fullDate")?.group).toBe("入党情况");
  });

  test("a merged 填报日期 line or a title is not a group", () => {
    for (const [top, range] of [
      ["填报日期：2026年11月", "A1:C1"],
      ["第一党支部党员名册", "A1:F1"],
    ] as const) {
      const values: CellValue[][] = [[top, null, null, null, null, null], header, row];
      const result = validate(workbook({ name: "名册", values, merges: [merge(range)] }));
      expect(sheetOf(result, "名册")).toMatchObject({ headerRows: [2, 2] });
    }
  });
});
