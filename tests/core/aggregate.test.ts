import {
  AGGREGATE_TABLES,
  TOTAL_LABEL,
  aggregateTable,
  aggregateTables,
  branchLabels,
  fileStem,
  readFigure,
} from "../../src/core/summary/aggregate";
import type { SummaryTable } from "../../src/core/summary/table";

/** Roster summaries shaped like `summarize --format json` (only the keys aggregation reads matter). */
function roster(
  members: number,
  women: number,
  minorities: number,
  college: number,
  dues: number,
  byCategory: Record<string, number>,
  todo: ("overdue" | "due")[] = [],
) {
  return {
    members,
    women,
    womenRate: women / members,
    minorities,
    minorityRate: minorities / members,
    collegeOrAbove: college,
    collegeRate: college / members,
    duesMonthlyTotal: dues,
    byCategory,
    probationTodo: todo.map((status, i) => ({
      sheet: "党员花名册",
      row: i + 3,
      name: "某",
      idNumber: "110105********002X",
      phone: "138****5678",
      admissionDate: "",
      due: "",
      status,
    })),
  };
}

function schedule(
  byMonthType: Record<string, Record<string, number>>,
  dueToDate: number,
  completed: number,
  attendance: Record<string, [number, number]>,
  shortfalls: number,
) {
  return {
    year: 2026,
    byMonthType,
    dueToDate,
    completed,
    completionRate: dueToDate ? completed / dueToDate : 0,
    attendanceTotals: Object.fromEntries(
      Object.entries(attendance).map(([t, [a, e]]) => [t, { events: 1, attended: a, expected: e }]),
    ),
    shortfalls: Array.from({ length: shortfalls }, () => ({ type: "党课", period: "2026-Q1", required: 1, actual: 0 })),
  };
}

function table(sections: ReturnType<typeof aggregateTables>, heading: string, title: string): SummaryTable {
  const t = sections.find((s) => s.heading === heading)?.tables.find((x) => x.title === title);
  if (!t) throw new Error(`no table ${heading}/${title}`);
  return t;
}

function column(t: SummaryTable, header: string): (string | number)[] {
  const i = t.columns.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${t.columns.join(",")}`);
  return t.rows.map((r) => r[i] ?? "");
}

const A = roster(10, 5, 1, 8, 100.1, { 正式党员: 9, 预备党员: 1, 入党申请人: 2 }, ["overdue", "due"]);
const B = roster(30, 9, 0, 30, 200.2, { 正式党员: 30, 发展对象: 1 }, ["due"]);
const C = roster(3, 3, 3, 0, 0.1, { 正式党员: 3, 其他类别: 4 });

describe("aggregateTables", () => {
  const sections = aggregateTables([
    {
      branch: "一支部",
      file: "a.xlsx",
      summary: {
        roster: A,
        schedule: schedule(
          { "2026-01": { 支部委员会: 2, 党课: 1 }, "2026-02": { 支部委员会: 1 } },
          4,
          3,
          { 支部委员会: [9, 10] },
          2,
        ),
      },
    },
    { branch: "二支部", file: "b.xlsx", summary: { roster: B } },
    {
      branch: "三支部",
      file: "c.xlsx",
      summary: {
        roster: C,
        schedule: schedule({ "2026-03": { 党小组会: 5 } }, 6, 6, { 党小组会: [10, 40], 党课: [30, 30] }, 0),
      },
    },
  ]);

  test("a section per template present, in template order, a row per branch having it plus 合计", () => {
    expect(sections.map((s) => s.heading)).toEqual(["党员花名册", "月度工作安排"]);
    const basic = table(sections, "党员花名册", "党员基本情况");
    expect(column(basic, "支部")).toEqual(["一支部", "二支部", "三支部", TOTAL_LABEL]);
    const done = table(sections, "月度工作安排", "活动完成情况（截至统计截止日期）");
    expect(column(done, "支部")).toEqual(["一支部", "三支部", TOTAL_LABEL]);
  });

  test("roster counts are summed; rates in 合计 come from the summed counts, not the average of rates", () => {
    const t = table(sections, "党员花名册", "党员基本情况");
    expect(column(t, "党员总数")).toEqual([10, 30, 3, 43]);
    expect(column(t, "女党员")).toEqual([5, 9, 3, 17]);
    // 17/43 = 0.3953…, whereas the mean of 0.5, 0.3, 1 would be 0.6.
    expect(column(t, "女党员比例")).toEqual([0.5, 0.3, 1, 0.3953]);
    expect(column(t, "少数民族党员")).toEqual([1, 0, 3, 4]);
    expect(column(t, "少数民族比例")).toEqual([0.1, 0, 1, 0.093]);
    expect(column(t, "大专及以上")).toEqual([8, 30, 0, 38]);
    expect(column(t, "大专及以上比例")).toEqual([0.8, 1, 0, 0.8837]);
    // Money is summed exactly to the cent (0.1 + 0.2 style float noise must not show).
    expect(column(t, "月缴党费合计（元）")).toEqual([100.1, 200.2, 0.1, 300.4]);
    expect(column(t, "预备期满未转正")).toEqual([1, 0, 0, 1]);
    expect(column(t, "30天内到期转正")).toEqual([1, 1, 0, 2]);
    expect(t.percentColumns).toEqual([3, 5, 7]);
  });

  test("every category gets a column (the five in order, zeros included, then others), with a 合计 column", () => {
    const t = table(sections, "党员花名册", "按人员类别（全部人员）");
    expect(t.columns).toEqual([
      "支部",
      "正式党员",
      "预备党员",
      "发展对象",
      "入党积极分子",
      "入党申请人",
      "其他类别",
      "合计",
    ]);
    expect(t.rows).toEqual([
      ["一支部", 9, 1, 0, 0, 2, 0, 12],
      ["二支部", 30, 0, 1, 0, 0, 0, 31],
      ["三支部", 3, 0, 0, 0, 0, 4, 7],
      [TOTAL_LABEL, 42, 1, 1, 0, 2, 4, 50],
    ]);
    expect(t.percentColumns).toBeUndefined();
  });

  test("schedule: events summed over the month × type matrix; completion and attendance rates recomputed", () => {
    const t = table(sections, "月度工作安排", "活动完成情况（截至统计截止日期）");
    expect(column(t, "活动次数（不含已取消）")).toEqual([4, 5, 9]);
    expect(column(t, "应完成")).toEqual([4, 6, 10]);
    expect(column(t, "已完成")).toEqual([3, 6, 9]);
    // 9/10, not (0.75 + 1) / 2.
    expect(column(t, "完成率")).toEqual([0.75, 1, 0.9]);
    expect(column(t, "实到人次")).toEqual([9, 40, 49]);
    expect(column(t, "应到人次")).toEqual([10, 70, 80]);
    expect(column(t, "到会率")).toEqual([0.9, 0.5714, 0.6125]);
    expect(column(t, "次数不足（项）")).toEqual([2, 0, 2]);
  });

  test("evaluation and ballot: by grade / by result, 优秀 limit and used, 优秀比例 from the sums", () => {
    const s = aggregateTables([
      {
        branch: "甲",
        file: "a.xlsx",
        summary: {
          evaluation: { byGrade: { 优秀: 2, 合格: 8 }, excellentQuota: { limit: 2, used: 2 } },
          ballot: { byResult: { 优秀: 3, 合格: 7 } },
        },
      },
      {
        branch: "乙",
        file: "b.xlsx",
        summary: {
          evaluation: { byGrade: { 优秀: 1, 不合格: 1, 合格: 1 }, excellentQuota: { limit: 0, used: 1 } },
          ballot: { byResult: { 不评定等次: 1 } },
        },
      },
    ]);
    expect(s.map((x) => x.heading)).toEqual(["教职工年终考核量化表", "民主评议党员测评统计表"]);
    const e = s[0]!.tables[0]!;
    expect(e.columns).toEqual([
      "支部",
      "优秀",
      "合格",
      "基本合格",
      "不合格",
      "参评人数",
      "优秀比例",
      "优秀上限",
      "已评优秀",
    ]);
    expect(e.rows).toEqual([
      ["甲", 2, 8, 0, 0, 10, 0.2, 2, 2],
      ["乙", 1, 1, 0, 1, 3, 0.3333, 0, 1],
      [TOTAL_LABEL, 3, 9, 0, 1, 13, 0.2308, 2, 3],
    ]);
    const b = s[1]!.tables[0]!;
    expect(b.rows).toEqual([
      ["甲", 3, 7, 0, 0, 0, 10],
      ["乙", 0, 0, 0, 0, 1, 1],
      [TOTAL_LABEL, 3, 7, 0, 0, 1, 11],
    ]);
  });

  test("nothing to aggregate: no sections; unknown templates and malformed figures are ignored", () => {
    expect(aggregateTables([])).toEqual([]);
    expect(aggregateTables([{ branch: "x", file: "x.xlsx", summary: { other: { members: 3 } } }])).toEqual([]);
    const s = aggregateTables([
      { branch: "x", file: "x.xlsx", summary: { roster: { members: "many", byCategory: null } } },
    ]);
    expect(s[0]!.tables[0]!.rows[0]).toEqual(["x", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  test("every column of every table reads a figure or divides two summed columns that exist", () => {
    for (const specs of Object.values(AGGREGATE_TABLES)) {
      for (const spec of specs) {
        const t = aggregateTable(spec, [{ branch: "x", summary: {} }]);
        expect(t.rows).toHaveLength(2);
        for (const c of spec.columns) {
          if (!("part" in c)) continue;
          const ids = spec.columns.flatMap((x) =>
            "figure" in x
              ? [x.id ?? x.header]
              : "keysOf" in x
                ? [x.keysOf, ...x.order.map((k) => `${x.keysOf}.${k}`)]
                : [],
          );
          expect(ids).toEqual(expect.arrayContaining([c.part, c.whole]));
        }
      }
    }
  });
});

describe("figures", () => {
  test("value, deep sum, field sum, list count with and without a condition", () => {
    const s = { a: { b: 4 }, m: { x: { p: 1, q: 2 }, y: { p: 3 } }, list: [{ k: "u" }, { k: "v" }, { k: "u" }] };
    expect(readFigure(s, { value: "a.b" })).toBe(4);
    expect(readFigure(s, { value: "a.c" })).toBe(0);
    expect(readFigure(s, { sum: "m" })).toBe(6);
    expect(readFigure(s, { sum: "m", field: "p" })).toBe(4);
    expect(readFigure(s, { count: "list" })).toBe(3);
    expect(readFigure(s, { count: "list", where: { field: "k", equals: "u" } })).toBe(2);
    expect(readFigure(s, { count: "missing" })).toBe(0);
  });
});

describe("branch labels", () => {
  test("unique names stay; shared names get the file name; an empty name falls back to the file name", () => {
    expect(
      branchLabels([
        { branch: "一支部", file: "a.xlsx" },
        { branch: "二支部", file: "b.xlsx" },
        { branch: "二支部", file: "c.xlsx" },
        { branch: " ", file: "三支部花名册.xlsx" },
        { branch: "合计", file: "d.xlsx" },
      ]),
    ).toEqual(["一支部", "二支部（b.xlsx）", "二支部（c.xlsx）", "三支部花名册", "合计（d.xlsx）"]);
  });

  test("the same file twice is still told apart", () => {
    expect(
      branchLabels([
        { branch: "一支部", file: "a.xlsx" },
        { branch: "一支部", file: "a.xlsx" },
      ]),
    ).toEqual(["一支部（a.xlsx）", "一支部（a.xlsx） #2"]);
  });

  test("file stems", () => {
    expect(fileStem("dir/sub/一支部.xlsx")).toBe("一支部");
    expect(fileStem("C:\\x\\b.v2.csv")).toBe("b.v2");
    expect(fileStem(".hidden")).toBe(".hidden");
  });

  test("aggregateTables disambiguates too", () => {
    const s = aggregateTables([
      { branch: "一支部", file: "a.xlsx", summary: { ballot: { byResult: { 优秀: 1 } } } },
      { branch: "一支部", file: "b.xlsx", summary: { ballot: { byResult: { 合格: 1 } } } },
    ]);
    expect(s[0]!.tables[0]!.rows.map((r) => r[0])).toEqual(["一支部（a.xlsx）", "一支部（b.xlsx）", TOTAL_LABEL]);
  });
});
