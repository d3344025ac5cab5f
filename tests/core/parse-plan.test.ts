import { readFileSync } from "node:fs";
import fc from "fast-check";
import path from "node:path";
import {
  type PlanRow,
  findPlanBranch,
  findPlanYear,
  guessOwner,
  guessType,
  parseMonthSpec,
  parsePlan,
} from "../../src/core/plan/parse-plan";
import { TYPE_WORDS } from "../../src/core/plan/type-words";
import { schedule } from "../../src/core/templates/schedule";

const SAMPLE = readFileSync(path.join(__dirname, "..", "fixtures", "samples", "plan-sample.txt"), "utf8");

/** Row counts of months 1–12. */
function perMonth(rows: readonly PlanRow[]): number[] {
  return Array.from({ length: 12 }, (_, i) => rows.filter((r) => r.month === i + 1).length);
}

function withTopic(rows: readonly PlanRow[], words: string): PlanRow[] {
  return rows.filter((r) => r.topic.includes(words));
}

const plan = (lines: readonly string[], opts: Partial<Parameters<typeof parsePlan>[1]> = {}) =>
  parsePlan(lines.join("\n"), { year: 2026, ...opts });

describe("plan-sample.txt (tests/fixtures/samples/README.md)", () => {
  const each = parsePlan(SAMPLE, { year: 2026 });
  const first = parsePlan(SAMPLE, { year: 2026, rangeMode: "first-month" });
  const special = (rows: readonly PlanRow[]) => rows.filter((r) => r.sourceLine >= 40);
  const monthly = (rows: readonly PlanRow[]) => rows.filter((r) => r.sourceLine < 40);

  test("the 月度工作安排 items: 2,2,3,2,2,2,1,1,2,2,2,3 (24)", () => {
    expect(perMonth(monthly(each.rows))).toEqual([2, 2, 3, 2, 2, 2, 1, 1, 2, 2, 2, 3]);
    expect(monthly(each.rows)).toHaveLength(24);
  });

  test("the 专项活动, one row per month of a range by default", () => {
    const rows = special(each.rows);
    expect(rows.map((r) => [r.month, r.owner])).toEqual([
      [5, "支部"],
      [9, "党小组"],
      [10, "党小组"],
      [12, "支部"],
    ]);
    expect(withTopic(rows, "红色教育基地").map((r) => r.month)).toEqual([5]);
    expect(withTopic(rows, "读书分享会").map((r) => r.month)).toEqual([9, 10]);
    expect(withTopic(rows, "走访慰问").map((r) => r.month)).toEqual([12]);
    for (const r of withTopic(rows, "读书分享会")) expect(r.note).toMatch(/9.?10月/);
    expect(each.rows).toHaveLength(28);
    expect(perMonth(each.rows)).toEqual([2, 2, 3, 2, 3, 2, 1, 1, 3, 3, 2, 4]);
  });

  test("first-month mode: the September–October item is one September row with the range in 备注", () => {
    const rows = withTopic(first.rows, "读书分享会");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ month: 9, owner: "党小组" });
    expect(rows[0]?.note).toMatch(/9.?10月/);
    expect(first.rows).toHaveLength(27);
    expect(perMonth(monthly(first.rows))).toEqual([2, 2, 3, 2, 2, 2, 1, 1, 2, 2, 2, 3]);
  });

  test("guessed types", () => {
    const typeOf = (words: string) => withTopic(each.rows, words).map((r) => [r.month, r.type]);
    expect(typeOf("支委会")).toEqual([
      [1, "支部委员会"],
      [4, "支部委员会"],
      [9, "支部委员会"],
    ]);
    expect(typeOf("党员大会")).toEqual([
      [2, "支部党员大会"],
      [6, "支部党员大会"],
    ]);
    expect(typeOf("主题党日")).toEqual([
      [1, "主题党日"],
      [3, "主题党日"],
      [10, "主题党日"],
    ]);
    expect(typeOf("党课")).toEqual([
      [3, "党课"],
      [7, "党课"],
    ]);
    expect(typeOf("党小组会")).toEqual([[11, "党小组会"]]);
    expect(typeOf("组织生活会")).toEqual([[12, "组织生活会"]]);
    // Only the November item is a 党小组会: "党小组开展…交流" names who runs it.
    expect(each.rows.filter((r) => r.type === "党小组会")).toHaveLength(1);
    expect(withTopic(each.rows, "我为群众办实事")[0]).toMatchObject({ month: 5, type: "其他", owner: "党小组" });
  });

  test("topics as written, without numbering or closing punctuation", () => {
    expect(each.rows[0]).toEqual({
      month: 1,
      type: "支部委员会",
      topic: "召开支委会，研究部署寒假期间党员教育管理工作",
      owner: null,
      note: null,
      sourceLine: 5,
    });
    expect(withTopic(each.rows, "庆祝建党纪念日")[0]).toMatchObject({
      month: 7,
      topic: "庆祝建党纪念日专题党课",
      sourceLine: 23,
    });
    expect(withTopic(each.rows, "暑期")[0]).toMatchObject({ month: 8, topic: "布置暑期党员自学任务", sourceLine: 24 });
    expect(withTopic(each.rows, "红色教育基地")[0]?.topic).toBe("组织一次红色教育基地参观学习");
    for (const r of each.rows) {
      expect(r.topic).not.toMatch(/^(?:\d|（|\()|[；。;.，,]$/);
      expect(r.topic).not.toMatch(/支部，|月份/);
    }
  });

  test("headings are not rows, and nothing is left over", () => {
    for (const r of each.rows) expect([1, 3, 4, 39]).not.toContain(r.sourceLine);
    for (const r of each.rows) expect(r.topic).not.toMatch(/^(?:四、月度工作安排|五、专项活动|实验小学党支部)/);
    expect(each.skipped).toEqual([]);
  });

  test("year and branch from the title", () => {
    expect(findPlanYear(SAMPLE)).toBe(2026);
    expect(findPlanBranch(SAMPLE)).toBe("实验小学党支部");
  });
});

describe("other plan styles", () => {
  test("Arabic month headings, （1） numbering, full-width digits, Windows line endings", () => {
    const text = [
      "2026年党支部工作安排",
      "",
      "3月：",
      "（1）召开支委会；",
      "（2）开展主题党日活动。",
      "",
      "４月：",
      "１．书记讲党课",
      "２．组织理论学习",
      "10月份",
      "(1)召开党员大会",
    ].join("\r\n");
    const { rows, skipped } = parsePlan(text, { year: 2026 });
    expect(rows.map((r) => [r.month, r.type, r.topic, r.sourceLine])).toEqual([
      [3, "支部委员会", "召开支委会", 4],
      [3, "主题党日", "开展主题党日活动", 5],
      [4, "党课", "书记讲党课", 8],
      [4, "专题学习", "组织理论学习", 9],
      [10, "支部党员大会", "召开党员大会", 11],
    ]);
    expect(rows.every((r) => !/\r/.test(r.topic))).toBe(true);
    expect(skipped).toEqual([]);
  });

  test("an inline month range gives one row per month (党小组，4—7月份 → 4 rows)", () => {
    const { rows } = plan(["五、专项活动", "1、开展“书香党小组”读书活动（党小组，4—7月份）"]);
    expect(rows.map((r) => r.month)).toEqual([4, 5, 6, 7]);
    for (const r of rows)
      expect(r).toMatchObject({ owner: "党小组", topic: "开展“书香党小组”读书活动", sourceLine: 2 });
    expect(rows[0]?.note).toMatch(/专项活动/);
    expect(rows[0]?.note).toMatch(/4—7月/);
    const first = plan(["1、开展读书活动（党小组，4—7月份）"], { rangeMode: "first-month" }).rows;
    expect(first.map((r) => [r.month, r.note])).toEqual([[4, "4—7月"]]);
  });

  test.each([
    ["（支部，五月份）", [5], "支部"],
    ["(支部,3月)", [3], "支部"],
    ["(党小组，九—十月份)", [9, 10], "党小组"],
    ["（党小组，9～10月）", [9, 10], "党小组"],
    ["(党小组,9~10月)", [9, 10], "党小组"],
    ["（第一党小组，3月至5月）", [3, 4, 5], "第一党小组"],
    ["（支部，十一月到十二月）", [11, 12], "支部"],
    ["（党支部，6–7月）", [6, 7], "支部"],
    ["（支部，3、9月）", [3, 9], "支部"],
    ["（4月，党小组）", [4], "党小组"],
    ["（负责人：张明，5月）", [5], "张明"],
    ["（３月）", [3], null],
  ])("bracket %s", (bracket, months, owner) => {
    const { rows, skipped } = plan([`1、组织一次活动${bracket}`]);
    expect(skipped).toEqual([]);
    expect(rows.map((r) => r.month)).toEqual(months);
    for (const r of rows) expect(r).toMatchObject({ topic: "组织一次活动", owner });
  });

  test("a bracket that names no month or owner stays in the topic", () => {
    const { rows } = plan(["三月份：", "1、组织观看电影（长津湖）；"]);
    expect(rows).toEqual([
      { month: 3, type: "其他", topic: "组织观看电影（长津湖）", owner: null, note: null, sourceLine: 2 },
    ]);
  });

  test("a bracketed month overrides the heading's; a bracketed owner alone keeps it", () => {
    const { rows } = plan(["三月份：", "1、召开支委会（组织委员）", "2、开展读书活动（党小组，4—5月份）"]);
    expect(rows.map((r) => [r.month, r.owner])).toEqual([
      [3, "组织委员"],
      [4, "党小组"],
      [5, "党小组"],
    ]);
  });

  test("lines that are neither headings nor items are reported with their line numbers", () => {
    const { rows, skipped } = plan([
      "支部工作计划",
      "根据上级党委要求，结合我校实际，制定本计划。",
      "",
      "一月份：",
      "1、召开支委会；",
      "",
      "五、其他工作",
      "召开党员大会，讨论发展对象",
      "2、组织一次志愿服务（支部，3月—13月）",
      "注：以上安排可视情况调整。",
    ]);
    expect(rows.map((r) => [r.month, r.topic])).toEqual([[1, "召开支委会"]]);
    expect(skipped.map((s) => [s.line, s.text])).toEqual([
      [2, "根据上级党委要求，结合我校实际，制定本计划。"],
      [8, "召开党员大会，讨论发展对象"],
      [9, "2、组织一次志愿服务（支部，3月—13月）"],
      [10, "注：以上安排可视情况调整。"],
    ]);
    expect(skipped[1]?.reason).toMatch(/月份/);
    expect(skipped[2]?.reason).toMatch(/3月—13月/);
    for (const s of skipped) expect(s.reason.length).toBeGreaterThan(0);
  });

  test("numbered items outside any month and without a bracketed month are reported", () => {
    const { rows, skipped } = plan([
      "五、专项活动",
      "1、组织一次红色教育基地参观学习；",
      "2、走访慰问困难党员（支部）",
    ]);
    expect(rows).toEqual([]);
    expect(skipped.map((s) => s.line)).toEqual([2, 3]);
  });

  test("a section heading ends the month: its items need their own month", () => {
    const { rows, skipped } = plan([
      "十二月份：",
      "1、召开组织生活会；",
      "六、专项活动",
      "1、走访慰问老党员（支部，十二月份）",
      "2、开展读书活动",
    ]);
    expect(rows.map((r) => [r.month, r.topic])).toEqual([
      [12, "召开组织生活会"],
      [12, "走访慰问老党员"],
    ]);
    expect(skipped.map((s) => s.line)).toEqual([5]);
  });

  test("month headings in other spellings", () => {
    const { rows, skipped } = plan([
      "【一月】",
      "◆召开支委会",
      "二月份工作安排：",
      "① 集中学习",
      "三月份 开展主题党日",
      "2026年4月：",
      "⑴讲党课",
      "一、五月份：",
      "1、召开党员大会",
      "七、八月份：布置暑期自学任务",
      "十一月至十二月：",
      "1、召开民主生活会",
    ]);
    expect(skipped).toEqual([]);
    expect(rows.map((r) => [r.month, r.topic])).toEqual([
      [1, "召开支委会"],
      [2, "集中学习"],
      [3, "开展主题党日"],
      [4, "讲党课"],
      [5, "召开党员大会"],
      [7, "布置暑期自学任务"],
      [8, "布置暑期自学任务"],
      [11, "召开民主生活会"],
      [12, "召开民主生活会"],
    ]);
    expect(rows[5]?.note).toBe("7、8月");
  });

  test("unnumbered items under a month heading; a date is not a heading", () => {
    const { rows } = plan(["十月份：", "10月1日组织升国旗仪式", "召开支委会"]);
    expect(rows.map((r) => [r.month, r.topic])).toEqual([
      [10, "10月1日组织升国旗仪式"],
      [10, "召开支委会"],
    ]);
  });

  test("several numbered items on one line", () => {
    const { rows } = plan(["一月份：1、召开支委会；2、开展主题党日活动。", "二月份：", "1、收缴党费；3.5万元已上缴"]);
    expect(rows.map((r) => [r.month, r.type, r.topic])).toEqual([
      [1, "支部委员会", "召开支委会"],
      [1, "主题党日", "开展主题党日活动"],
      [2, "其他", "收缴党费；3.5万元已上缴"],
    ]);
  });

  test("an item broken over two lines is one item", () => {
    const { rows, skipped } = plan([
      "一月份：",
      "1、召开支委会，研究部署寒假期间",
      "党员教育管理工作；",
      "2、开展主题党日活动。",
    ]);
    expect(skipped).toEqual([]);
    expect(rows.map((r) => [r.topic, r.sourceLine])).toEqual([
      ["召开支委会，研究部署寒假期间党员教育管理工作", 2],
      ["开展主题党日活动", 4],
    ]);
  });

  test("a heading of another year says so in 备注", () => {
    const { rows } = plan(["2025年12月：", "1、召开组织生活会", "2026年1月：", "1、召开支委会"]);
    expect(rows.map((r) => [r.month, r.note])).toEqual([
      [12, "2025年"],
      [1, null],
    ]);
  });

  test("BOM, blank lines, stray spaces, an item without content", () => {
    const { rows, skipped } = plan(["\ufeff一月份：", "", "   1、 召开支委会 ；  ", "\u3000", "2、（支部，1月）"]);
    expect(rows.map((r) => r.topic)).toEqual(["召开支委会"]);
    expect(skipped.map((s) => s.line)).toEqual([5]);
  });

  test("an item on the first line is not taken for the title", () => {
    expect(plan(["组织一次红色教育基地参观（支部，5月）"]).rows.map((r) => r.month)).toEqual([5]);
  });

  test("empty text", () => {
    expect(parsePlan("", { year: 2026 })).toEqual({ rows: [], skipped: [] });
  });
});

describe("guessing", () => {
  test.each([
    ["召开年度组织生活会，开展民主评议党员", "组织生活会"],
    ["召开专题民主生活会", "组织生活会"],
    ["开展民主评议党员工作", "民主评议党员"],
    ["召开支部委员会会议", "支部委员会"],
    ["召开支委扩大会", "支部委员会"],
    ["召开支部大会，表决接收预备党员", "支部党员大会"],
    ["召开党小组会议", "党小组会"],
    ["党小组开展交流", "其他"],
    ["书记讲专题党课", "党课"],
    ["开展主题党日活动", "主题党日"],
    ["组织专题学习", "专题学习"],
    ["集中学习党章", "专题学习"],
    ["检查党员学习笔记", "其他"],
    ["党员教师示范课展示", "其他"],
    ["重阳节慰问离退休老党员", "其他"],
  ])("%s → %s", (text, type) => {
    expect(guessType(text)).toBe(type);
  });

  test("every guessed type is a value of the schedule template's 活动类型", () => {
    const values = schedule.fields.find((f) => f.key === "type")?.values ?? [];
    for (const entry of TYPE_WORDS) expect(values).toContain(entry.type);
    expect(values).toContain(guessType("没有关键词"));
  });

  test.each([
    ["党小组开展交流", "党小组"],
    ["各党小组组织学习", "党小组"],
    ["第二党小组开展读书活动", "第二党小组"],
    ["书记讲专题党课", "书记"],
    ["支部书记讲党课", "书记"],
    ["支部组织参观", "支部"],
    ["召开支委会", null],
    ["做好支部年度工作总结", null],
  ])("owner of %s → %s", (text, owner) => {
    expect(guessOwner(text)).toBe(owner);
  });

  test.each([
    ["二〇二六年工作计划", 2026],
    ["2025年党建工作要点", 2025],
    ["２０２７年计划", 2027],
    ["二零二四年", 2024],
    ["本学期工作安排", null],
  ])("year of %s", (text, year) => {
    expect(findPlanYear(text)).toBe(year);
  });

  test.each([
    ["五月份", [5], "5月"],
    ["4—7月份", [4, 5, 6, 7], "4—7月"],
    ["9月—10月", [9, 10], "9—10月"],
    ["十二月", [12], "12月"],
    ["七、八月份", [7, 8], "7、8月"],
    ["每月", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], "每月"],
  ])("month spec %s", (text, months, label) => {
    expect(parseMonthSpec(text)).toEqual({ months, label });
  });

  test.each(["13月", "10—3月", "3", "三", "支部", "3月5日"])("not a month spec: %s", (text) => {
    expect(parseMonthSpec(text)).toBeNull();
  });
});

describe("any text", () => {
  const FRAGMENTS = [
    "三月份：",
    "3月",
    "十二月份",
    "七、八月份：",
    "1、",
    "（1）",
    "①",
    "一、",
    "（一）",
    "召开支委会",
    "党课",
    "（支部，五月份）",
    "(党小组,4—7月份)",
    "（",
    "）",
    "；",
    "。",
    "：",
    "—",
    "月",
    "份",
    "13",
    "\u3000",
    " ",
    "\ufeff",
    "学习",
    "专项活动",
    "2026年",
  ];
  const LINE = fc
    .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })), { maxLength: 6 })
    .map((parts) => parts.join(""));
  const TEXT = fc
    .tuple(fc.array(LINE, { maxLength: 12 }), fc.constantFrom("\n", "\r\n", "\r"))
    .map(([lines, eol]) => lines.join(eol));

  test("never throws; rows have a month 1–12, a topic and a source line; skipped lines are real lines", () => {
    fc.assert(
      fc.property(TEXT, fc.constantFrom("each-month" as const, "first-month" as const), (text, rangeMode) => {
        const lineCount = text.split(/\r\n|\r|\n/).length;
        const { rows, skipped } = parsePlan(text, { year: 2026, rangeMode });
        for (const r of rows) {
          expect(r.month).toBeGreaterThanOrEqual(1);
          expect(r.month).toBeLessThanOrEqual(12);
          expect(r.topic.trim()).not.toBe("");
          expect(r.sourceLine).toBeGreaterThanOrEqual(1);
          expect(r.sourceLine).toBeLessThanOrEqual(lineCount);
        }
        for (const s of skipped) {
          expect(s.line).toBeGreaterThanOrEqual(1);
          expect(s.line).toBeLessThanOrEqual(lineCount);
          expect(s.reason).not.toBe("");
        }
      }),
      { numRuns: 500 },
    );
  });
});
