/**
 * Schedule rules (SPEC §2.2, §3 "Schedule" + its precise readings), the schedule.xlsx sample workbook, the
 * schedule summary and sample rows.
 *
 * These run through the real engine (validateWorkbook), so they need the schedule template and rules in the
 * registries (src/core/templates/index.ts, src/core/rules/index.ts).
 *
 * Layout of the sheets built here (tests/helpers/build-schedule.ts): row 1 merged title, row 2 header, data from
 * row 3; columns A 月份, B 日期, C 活动类型, D 内容, E 负责人, F 参加对象, G 地点, H 应到人数, I 实到人数,
 * J 状态, K 备注. As-of is 2026-11-21 unless a test says otherwise.
 */
import path from "node:path";
import type { CellDate, Issue, Severity } from "../../src/core/types";
import { validateWorkbook } from "../../src/core/engine";
import { readWorkbookFile } from "../../src/xlsx/read";
import { scheduleSummarizer } from "../../src/core/summary/schedule";
import { scheduleTables } from "../../src/core/summary/schedule-tables";
import { minimumScheduleRows, sampleScheduleRows } from "../../src/core/samples/schedule";
import { scheduleZhCN } from "../../src/core/messages/schedule.zh-CN";
import { scheduleEn } from "../../src/core/messages/schedule.en";
import { SCHEDULE_RULE_TITLES } from "../../src/core/messages/schedule.titles";
import { SCHEDULE_RULES } from "../../src/core/rules/schedule";
import { AS_OF, date, ruleIds } from "../helpers/build";
import {
  SCHEDULE_ALIASES,
  SCHEDULE_FIELDS,
  SCHEDULE_RULE_IDS,
  type ScheduleRow,
  baseEvent,
  cleanYear,
  runSchedule,
} from "../helpers/build-schedule";

/** Exactly one issue of `rule`, on the first data row (sheet row 3), with the given severity, cell and field. */
function expectOne(
  rows: ScheduleRow[],
  rule: string,
  severity: Severity,
  cell: string,
  field: string,
  opts: Parameters<typeof runSchedule>[1] = {},
): Issue {
  const run = runSchedule(rows, opts);
  const found = run.of(rule);
  expect({ rule, found: found.length, all: ruleIds(run.issues) }).toEqual({
    rule,
    found: 1,
    all: expect.arrayContaining([rule]),
  });
  const issue = found[0]!;
  expect(issue).toMatchObject({
    rule,
    severity,
    cell,
    row: Number(cell.replace(/^[A-Z]+/, "")),
    field,
    sheet: "月度工作安排",
  });
  return issue;
}

function expectNone(rows: ScheduleRow[], rule: string, opts: Parameters<typeof runSchedule>[1] = {}): void {
  const run = runSchedule(rows, opts);
  expect({ rule, issues: run.of(rule) }).toEqual({ rule, issues: [] });
}

/** The frequency issues as compact (type, period, required, actual) tuples. */
function shortfalls(issues: readonly Issue[]): Array<[unknown, unknown, unknown, unknown]> {
  return issues
    .filter((i) => i.rule === "schedule.frequency")
    .map((i) => [i.params["type"], i.params["period"], i.params["required"], i.params["actual"]]);
}

/** cleanYear without the rows matching `drop`. */
function without(drop: (r: ScheduleRow) => boolean, year = 2026, asOf: CellDate = AS_OF): ScheduleRow[] {
  return cleanYear(year, asOf).filter((r) => !drop(r));
}

const isType = (type: string, m?: number) => (r: ScheduleRow) => r.type === type && (m === undefined || r.month === m);

describe("the schedule template", () => {
  test("a clean year of meetings yields no issue at all", () => {
    const run = runSchedule(cleanYear());
    expect(run.issues).toEqual([]);
    expect(run.result.sheets[0]).toMatchObject({ template: "schedule", headerRow: 2, dataRows: cleanYear().length });
  });

  test("every alias header is recognised (SPEC §2.2)", () => {
    for (let k = 0; k < 4; k++) {
      const headers: Record<string, string> = {};
      for (const key of SCHEDULE_FIELDS) {
        const aliases = SCHEDULE_ALIASES[key];
        if (aliases.length) headers[key] = aliases[k % aliases.length]!;
      }
      const run = runSchedule(cleanYear(), { headers });
      expect({ k, issues: run.issues }).toEqual({ k, issues: [] });
      expect(Object.keys(run.result.sheets[0]!.columns).sort()).toEqual([...SCHEDULE_FIELDS].sort());
    }
  });

  test("type synonyms: 党员大会, 支委会, 主题党日活动 are read as the canonical types", () => {
    const rows = cleanYear().map((r) => ({
      ...r,
      type:
        r.type === "支部党员大会"
          ? "党员大会"
          : r.type === "支部委员会"
            ? "支委会"
            : r.type === "主题党日"
              ? "主题党日活动"
              : r.type,
    }));
    expect(runSchedule(rows).issues).toEqual([]);
  });

  test("an unknown type is cell.enum with a suggestion; an unknown status is cell.enum", () => {
    const run = runSchedule([baseEvent({ type: "支部委员会会", status: "完成了吗" })]);
    const enums = run.of("cell.enum");
    expect(enums.map((i) => i.cell).sort()).toEqual(["C3", "J3"]);
    expect(enums.find((i) => i.cell === "C3")?.params["suggestion"]).toBe("支部委员会");
  });

  test("required headers: 月份, 活动类型, 内容 (cell.required on an empty 内容)", () => {
    const run = runSchedule([baseEvent({ topic: null })]);
    expect(run.of("cell.required").map((i) => i.cell)).toEqual(["D3"]);
  });

  test("应到/实到 are integers ≥ 0", () => {
    const run = runSchedule([baseEvent({ expected: -1, attended: 2.5 })]);
    expect(
      run
        .of("cell.type")
        .map((i) => i.cell)
        .sort(),
    ).toEqual(["H3", "I3"]);
  });
});

describe("schedule.date.month", () => {
  test.each([
    ["3", 3],
    ["'3' (text)", "3"],
    ["03", "03"],
    ["3月", "3月"],
    ["三月", "三月"],
    ["三月份", "三月份"],
    ["full-width ３月", "３月"],
    ["full-width ３", "３"],
    ["a date in 月份", date(2026, 3, 1)],
    ["a text date in 月份", "2026-03-15"],
  ])("月份 %s with a March 日期: no issue; with an April 日期: error on 日期", (_label, month) => {
    expectNone([baseEvent({ month })], "schedule.date.month");
    expectNone([baseEvent({ month })], "cell.type");
    const issue = expectOne(
      [baseEvent({ month, date: date(2026, 4, 1) })],
      "schedule.date.month",
      "error",
      "B3",
      "date",
    );
    expect(issue.params).toMatchObject({ date: "2026-04-01", month: 3 });
  });

  test("十二月份 / 12月 with a December date are fine; 十月 with 2026.11.2 is not", () => {
    expectNone([baseEvent({ month: "十二月份", date: date(2026, 12, 1) })], "schedule.date.month");
    expectNone([baseEvent({ month: "12月", date: "2026年12月31日" })], "schedule.date.month");
    expectOne([baseEvent({ month: "十月", date: "2026.11.2" })], "schedule.date.month", "error", "B3", "date");
  });

  test("month ends: 3 with 2026-03-31 fine, with 2026-04-01 not; text dates and full-width digits", () => {
    expectNone([baseEvent({ date: date(2026, 3, 31) })], "schedule.date.month");
    expectNone([baseEvent({ date: "２０２６年３月３１日" })], "schedule.date.month");
    expectNone([baseEvent({ date: "２０２６年３月３１日" })], "cell.type");
    expectOne([baseEvent({ date: "２０２６．４．１" })], "schedule.date.month", "error", "B3", "date");
  });

  test("a month-precision 日期 compares by month", () => {
    expectNone([baseEvent({ date: "2026.3" })], "schedule.date.month");
    expectOne([baseEvent({ date: "2026年4月" })], "schedule.date.month", "error", "B3", "date");
  });

  test("no issue when 月份 or 日期 is empty or unreadable", () => {
    expectNone([baseEvent({ date: null })], "schedule.date.month");
    expectNone([baseEvent({ date: "下旬" })], "schedule.date.month");
    expectNone([baseEvent({ month: "十三月", date: date(2026, 4, 1) })], "schedule.date.month");
    expect(
      runSchedule([baseEvent({ month: "十三月" })])
        .of("cell.type")
        .map((i) => i.cell),
    ).toEqual(["A3"]);
  });
});

describe("schedule.date.year", () => {
  test("年度 from 设置: a date of another year → warning on 日期", () => {
    const issue = expectOne(
      [baseEvent({ month: 12, date: date(2025, 12, 30) })],
      "schedule.date.year",
      "warning",
      "B3",
      "date",
      {
        settings: [["年度", 2026]],
      },
    );
    expect(issue.params).toMatchObject({ date: "2025-12-30", year: 2026 });
    expectNone([baseEvent()], "schedule.date.year", { settings: [["年度", 2026]] });
    expectOne([baseEvent()], "schedule.date.year", "warning", "B3", "date", { settings: [["年度", "2027年"]] });
  });

  test("without 年度 the plan year is the year most dates are in (not the as-of year)", () => {
    const rows = [
      baseEvent({ date: date(2025, 3, 5) }),
      baseEvent({ date: date(2025, 3, 6), topic: "b" }),
      baseEvent({ date: date(2026, 3, 7), topic: "c" }),
    ];
    const run = runSchedule(rows);
    expect(run.of("schedule.date.year").map((i) => [i.cell, i.params["year"]])).toEqual([["B5", 2025]]);
  });

  test("a tie between years goes to the as-of year", () => {
    const rows = [baseEvent({ date: date(2025, 3, 5) }), baseEvent({ date: date(2026, 3, 6), topic: "b" })];
    expect(
      runSchedule(rows)
        .of("schedule.date.year")
        .map((i) => i.cell),
    ).toEqual(["B3"]);
  });

  test("without 年度 and dates, nothing to compare; undated rows never get it", () => {
    expectNone([baseEvent({ date: null })], "schedule.date.year");
  });
});

describe("schedule.attendance.exceeds", () => {
  test("实到 > 应到 → error on 实到人数, whatever the status", () => {
    const issue = expectOne([baseEvent({ attended: 6 })], "schedule.attendance.exceeds", "error", "I3", "attended");
    expect(issue.params).toMatchObject({ attended: 6, expected: 5 });
    expectOne(
      [baseEvent({ attended: 6, status: "计划", date: date(2026, 12, 1), month: 12 })],
      "schedule.attendance.exceeds",
      "error",
      "I3",
      "attended",
    );
  });

  test("equal, fewer, or either empty → none", () => {
    expectNone([baseEvent({ attended: 5 })], "schedule.attendance.exceeds");
    expectNone([baseEvent({ attended: 4 })], "schedule.attendance.exceeds");
    expectNone([baseEvent({ expected: null })], "schedule.attendance.exceeds");
    expectNone([baseEvent({ attended: "六" })], "schedule.attendance.exceeds");
  });
});

describe("schedule.attendance.missing", () => {
  test("已完成 with 实到 empty → warning on 实到人数", () => {
    expectOne([baseEvent({ attended: null })], "schedule.attendance.missing", "warning", "I3", "attended");
    expectOne([baseEvent({ attended: "  " })], "schedule.attendance.missing", "warning", "I3", "attended");
    expectOne(
      [baseEvent({ attended: null, status: "完成" })],
      "schedule.attendance.missing",
      "warning",
      "I3",
      "attended",
    );
  });

  test("not for 计划/延期/已取消/empty status, nor for an unreadable 实到 (cell.type instead), nor without the column", () => {
    for (const status of ["计划", "延期", "已取消", null])
      expectNone([baseEvent({ attended: null, status })], "schedule.attendance.missing");
    expectNone([baseEvent({ attended: "五人" })], "schedule.attendance.missing");
    expectNone([baseEvent({ attended: null })], "schedule.attendance.missing", {
      fields: SCHEDULE_FIELDS.filter((k) => k !== "attended"),
    });
  });
});

describe("schedule.attendance.quorum", () => {
  const general = (attended: number, expected = 30, over: ScheduleRow = {}) =>
    baseEvent({ type: "支部党员大会", topic: "支部党员大会", expected, attended, ...over });

  test("支部党员大会 14 of 30 (14 × 2 < 30) → error on 实到人数, and no attendance.low", () => {
    const issue = expectOne([general(14)], "schedule.attendance.quorum", "error", "I3", "attended");
    expect(issue.params).toMatchObject({ attended: 14, expected: 30, type: "支部党员大会", quorum: 15 });
    expectNone([general(14)], "schedule.attendance.low");
  });

  test("exactly half is a quorum (15 of 30): no quorum error, but below 80 % it is attendance.low", () => {
    expectNone([general(15)], "schedule.attendance.quorum");
    expectOne([general(15)], "schedule.attendance.low", "warning", "I3", "attended");
    expectOne([general(3, 7)], "schedule.attendance.quorum", "error", "I3", "attended");
    expectNone([general(4, 7)], "schedule.attendance.quorum");
  });

  test("支部委员会 2 of 5 → error; 支委会 (synonym) too", () => {
    expectOne([baseEvent({ attended: 2 })], "schedule.attendance.quorum", "error", "I3", "attended");
    expectOne([baseEvent({ type: "支委会", attended: 2 })], "schedule.attendance.quorum", "error", "I3", "attended");
  });

  test("other types, or not 已完成 → no quorum error", () => {
    expectNone([baseEvent({ type: "党小组会", expected: 10, attended: 3 })], "schedule.attendance.quorum");
    expectOne(
      [baseEvent({ type: "党小组会", expected: 10, attended: 3 })],
      "schedule.attendance.low",
      "warning",
      "I3",
      "attended",
    );
    for (const status of ["计划", "延期", "已取消", null])
      expectNone([general(5, 30, { status })], "schedule.attendance.quorum");
  });
});

describe("schedule.attendance.low", () => {
  const group = (attended: number, expected = 10, over: ScheduleRow = {}) =>
    baseEvent({ type: "党小组会", topic: "党小组学习", expected, attended, ...over });

  test("exactly at the 预警线 (8 of 10, 4 of 5 = 80 %) → none; just below (7 of 10, 23 of 29) → warning", () => {
    expectNone([group(8)], "schedule.attendance.low");
    expectNone([group(4, 5)], "schedule.attendance.low");
    const issue = expectOne([group(7)], "schedule.attendance.low", "warning", "I3", "attended");
    expect(issue.params).toMatchObject({ attended: 7, expected: 10, rate: 0.7, threshold: 0.8 });
    expectOne([group(23, 29)], "schedule.attendance.low", "warning", "I3", "attended");
  });

  test("the 预警线 comes from 设置 (70%, 0.9, 90)", () => {
    expectNone([group(7)], "schedule.attendance.low", { settings: [["到会率预警线", "70%"]] });
    expectOne([group(6)], "schedule.attendance.low", "warning", "I3", "attended", {
      settings: [["到会率预警线", "70%"]],
    });
    expectOne([group(8)], "schedule.attendance.low", "warning", "I3", "attended", {
      settings: [["到会率预警线", 0.9]],
    });
    expectNone([group(9)], "schedule.attendance.low", { settings: [["到会率预警线", 90]] });
  });

  test("only for 已完成, and not when 应到 is 0 or a count is missing", () => {
    for (const status of ["计划", "延期", "已取消", null])
      expectNone([group(1, 10, { status })], "schedule.attendance.low");
    expectNone([group(0, 0)], "schedule.attendance.low");
    expectNone([group(3, 10, { expected: null })], "schedule.attendance.low");
  });
});

describe("schedule.overdue", () => {
  const planned = (over: ScheduleRow) => baseEvent({ status: "计划", attended: null, ...over });

  test("计划 dated before as-of → warning on 状态", () => {
    const issue = expectOne(
      [planned({ month: 11, date: date(2026, 11, 20) })],
      "schedule.overdue",
      "warning",
      "J3",
      "status",
    );
    expect(issue.params).toMatchObject({ date: "2026-11-20" });
  });

  test("dated on as-of or later → none", () => {
    expectNone([planned({ month: 11, date: date(2026, 11, 21) })], "schedule.overdue");
    expectNone([planned({ month: 12, date: date(2026, 12, 1) })], "schedule.overdue");
  });

  test("an empty 状态 means 计划 (the issue still points at 状态)", () => {
    expectOne(
      [planned({ status: null, month: 11, date: date(2026, 11, 20) })],
      "schedule.overdue",
      "warning",
      "J3",
      "status",
    );
  });

  test("undated: the month's last day decides (October ended → warning; November has not)", () => {
    expectOne([planned({ month: 10, date: null })], "schedule.overdue", "warning", "J3", "status");
    expectNone([planned({ month: 11, date: null })], "schedule.overdue");
    expectNone([planned({ month: 11, date: null })], "schedule.overdue", { validate: { asOf: date(2026, 11, 30) } });
    expectOne([planned({ month: 11, date: null })], "schedule.overdue", "warning", "J3", "status", {
      validate: { asOf: date(2026, 12, 1) },
    });
  });

  test("undated rows take the plan year: 年度 2027 → not yet; 年度 2025 → overdue", () => {
    expectNone([planned({ month: 3, date: null })], "schedule.overdue", { settings: [["年度", 2027]] });
    expectOne([planned({ month: 3, date: null })], "schedule.overdue", "warning", "J3", "status", {
      settings: [["年度", 2025]],
    });
  });

  test("a month-precision 日期 counts to its month's last day", () => {
    expectNone([planned({ month: 11, date: "2026.11" })], "schedule.overdue");
    expectOne([planned({ month: 10, date: "2026.10" })], "schedule.overdue", "warning", "J3", "status");
  });

  test("已完成 / 延期 / 已取消 in the past → none", () => {
    for (const status of ["已完成", "延期", "已取消"]) expectNone([baseEvent({ status })], "schedule.overdue");
  });
});

describe("schedule.duplicate", () => {
  test("same date, type and topic on two rows → warning on 内容 of both rows", () => {
    const run = runSchedule([baseEvent(), baseEvent({ owner: "组织委员" }), baseEvent({ topic: "其他议题" })]);
    const found = run.of("schedule.duplicate");
    expect(found.map((i) => [i.cell, i.severity, i.field])).toEqual([
      ["D3", "warning", "topic"],
      ["D4", "warning", "topic"],
    ]);
    expect(found[0]!.params).toMatchObject({ count: 2, rows: "3、4" });
  });

  test("topics compared without spaces and full-width forms; the same date typed two ways", () => {
    const run = runSchedule([baseEvent(), baseEvent({ topic: "研究３月份 党建工作", date: "2026.3.5" })]);
    expect(run.of("schedule.duplicate").map((i) => i.cell)).toEqual(["D3", "D4"]);
  });

  test("another date, type or topic, or no date → none", () => {
    expectNone([baseEvent(), baseEvent({ date: date(2026, 3, 6) })], "schedule.duplicate");
    expectNone([baseEvent(), baseEvent({ type: "党小组会" })], "schedule.duplicate");
    expectNone([baseEvent(), baseEvent({ topic: "研究4月份党建工作" })], "schedule.duplicate");
    expectNone([baseEvent({ date: null }), baseEvent({ date: null })], "schedule.duplicate");
  });
});

describe("schedule.frequency", () => {
  test("a missing month of 支部委员会 → one sheet-level warning with type, period, required, actual", () => {
    const run = runSchedule(without(isType("支部委员会", 5)));
    const found = run.of("schedule.frequency");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: "schedule.frequency",
      severity: "warning",
      sheet: "月度工作安排",
      cell: null,
      row: null,
      field: "type",
      params: { type: "支部委员会", period: "2026-05", required: 1, actual: 0 },
    });
    expect(ruleIds(run.issues)).toEqual(["schedule.frequency"]);
  });

  test("one issue per (type, period), in type then time order; quarters as 2026-Q1", () => {
    const rows = without(
      (r) =>
        (r.type === "党课" && (r.month === 3 || r.month === 9)) ||
        (r.type === "主题党日" && (r.month === 1 || r.month === 2)),
    );
    expect(shortfalls(runSchedule(rows).issues)).toEqual([
      ["党课", "2026-Q1", 1, 0],
      ["党课", "2026-Q3", 1, 0],
      ["主题党日", "2026-01", 1, 0],
      ["主题党日", "2026-02", 1, 0],
    ]);
  });

  test("a month counts once it has ended on or before as-of (October's end = as-of counts; the day before does not)", () => {
    const asOf1031 = date(2026, 10, 31);
    const rows = without(isType("支部委员会", 10), 2026, asOf1031);
    expect(shortfalls(runSchedule(rows, { validate: { asOf: asOf1031 } }).issues)).toEqual([
      ["支部委员会", "2026-10", 1, 0],
    ]);
    const asOf1030 = date(2026, 10, 30);
    expect(
      shortfalls(
        runSchedule(without(isType("支部委员会", 10), 2026, asOf1030), { validate: { asOf: asOf1030 } }).issues,
      ),
    ).toEqual([]);
  });

  test("a quarter counts once its last day is on or before as-of", () => {
    const rows = (asOf: CellDate) => without(isType("支部党员大会", 9), 2026, asOf);
    expect(shortfalls(runSchedule(rows(date(2026, 9, 30)), { validate: { asOf: date(2026, 9, 30) } }).issues)).toEqual([
      ["支部党员大会", "2026-Q3", 1, 0],
    ]);
    expect(shortfalls(runSchedule(rows(date(2026, 9, 29)), { validate: { asOf: date(2026, 9, 29) } }).issues)).toEqual(
      [],
    );
  });

  test("quarter boundaries: 31 March is Q1, 1 April is Q2", () => {
    const moved = (d: CellDate) =>
      cleanYear().map((r) => (r.type === "支部党员大会" && r.month === 3 ? { ...r, month: d.m, date: d } : r));
    expect(shortfalls(runSchedule(moved(date(2026, 3, 31))).issues)).toEqual([]);
    expect(shortfalls(runSchedule(moved(date(2026, 4, 1))).issues)).toEqual([["支部党员大会", "2026-Q1", 1, 0]]);
    // Moved into Q2 the meeting also gives Q2 two: no Q2 issue either way.
  });

  test("the year counts only once it has ended: no 组织生活会 is fine in November, not on 31 December", () => {
    expect(shortfalls(runSchedule(without(isType("组织生活会"))).issues)).toEqual([]);
    const dec31 = date(2026, 12, 31);
    expect(
      shortfalls(runSchedule(without(isType("组织生活会"), 2026, dec31), { validate: { asOf: dec31 } }).issues),
    ).toEqual([["组织生活会", "2026", 1, 0]]);
    const dec30 = date(2026, 12, 30);
    expect(
      shortfalls(runSchedule(without(isType("组织生活会"), 2026, dec30), { validate: { asOf: dec30 } }).issues),
    ).toEqual([]);
  });

  test("a past plan year is judged whole (年度 2026, as-of 2027-01-05)", () => {
    const asOf = date(2027, 1, 5);
    const rows = without((r) => r.type === "民主评议党员" || isType("党小组会", 12)(r), 2026, asOf);
    expect(shortfalls(runSchedule(rows, { validate: { asOf }, settings: [["年度", 2026]] }).issues)).toEqual([
      ["党小组会", "2026-12", 1, 0],
      ["民主评议党员", "2026", 1, 0],
    ]);
    // Without 年度 the plan year comes from the dates (2026), not from as-of (2027).
    expect(shortfalls(runSchedule(rows, { validate: { asOf } }).issues)).toHaveLength(2);
  });

  test("a future plan year has no ended period", () => {
    const rows = [baseEvent({ date: date(2027, 3, 5), status: "计划", attended: null })];
    expect(shortfalls(runSchedule(rows, { settings: [["年度", 2027]] }).issues)).toEqual([]);
  });

  test("已取消 does not count; 延期 and an empty 状态 count", () => {
    const withStatus = (status: string | null) =>
      cleanYear().map((r) => (isType("支部委员会", 5)(r) ? { ...r, status, attended: null } : r));
    expect(shortfalls(runSchedule(withStatus("已取消")).issues)).toEqual([["支部委员会", "2026-05", 1, 0]]);
    expect(shortfalls(runSchedule(withStatus("延期")).issues)).toEqual([]);
    expect(shortfalls(runSchedule(withStatus("取消")).issues)).toEqual([["支部委员会", "2026-05", 1, 0]]);
  });

  test("an inquorate meeting still counts", () => {
    const rows = cleanYear().map((r) => (isType("支部委员会", 5)(r) ? { ...r, attended: 2 } : r));
    const run = runSchedule(rows);
    expect(shortfalls(run.issues)).toEqual([]);
    expect(run.of("schedule.attendance.quorum")).toHaveLength(1);
  });

  test("an event belongs to its 日期's month, else to its 月份 (any month form, no date)", () => {
    // 月份 5 but dated in June: May is short (and the row gets schedule.date.month).
    const movedToJune = cleanYear().map((r) => (isType("支部委员会", 5)(r) ? { ...r, date: date(2026, 6, 2) } : r));
    const run = runSchedule(movedToJune);
    expect(shortfalls(run.issues)).toEqual([["支部委员会", "2026-05", 1, 0]]);
    expect(run.of("schedule.date.month")).toHaveLength(1);
    for (const month of [5, "5月", "五月", "五月份", "５月"]) {
      const undated = cleanYear().map((r) => (isType("支部委员会", 5)(r) ? { ...r, month, date: null } : r));
      expect({ month, s: shortfalls(runSchedule(undated).issues) }).toEqual({ month, s: [] });
    }
  });

  test("a dated event outside the plan year does not count", () => {
    const lastYear = cleanYear().map((r) => (isType("支部委员会", 5)(r) ? { ...r, date: date(2025, 5, 5) } : r));
    const run = runSchedule(lastYear, { settings: [["年度", 2026]] });
    expect(shortfalls(run.issues)).toEqual([["支部委员会", "2026-05", 1, 0]]);
    expect(run.of("schedule.date.year").map((i) => i.params["date"])).toEqual(["2025-05-05"]);
  });

  test("设置 alone changes the requirement: 支部委员会每月次数 = 2 → every ended month is short; 0 → never", () => {
    const two = runSchedule(cleanYear(), { settings: [["支部委员会每月次数", 2]] });
    expect(shortfalls(two.issues)).toEqual(
      Array.from({ length: 10 }, (_, i) => ["支部委员会", `2026-${String(i + 1).padStart(2, "0")}`, 2, 1]),
    );
    expect(
      shortfalls(runSchedule(without(isType("支部委员会")), { settings: [["支部委员会每月次数", 0]] }).issues),
    ).toEqual([]);
    expect(
      shortfalls(
        runSchedule(cleanYear(), {
          settings: [
            ["主题党日每月次数", "2次"],
            ["组织生活会每年次数", 2],
          ],
        }).issues,
      ),
    ).toHaveLength(10);
    expect(shortfalls(runSchedule(cleanYear(), { settings: [["党课每季度次数", 2]] }).issues)).toEqual([
      ["党课", "2026-Q1", 2, 1],
      ["党课", "2026-Q2", 2, 1],
      ["党课", "2026-Q3", 2, 1],
    ]);
  });

  test("an empty sheet of a past year lists every shortfall (7 types)", () => {
    const run = runSchedule([baseEvent({ type: "其他", date: date(2025, 6, 1), month: 6, topic: "x" })], {
      validate: { asOf: date(2026, 2, 1) },
    });
    const byType = new Map<unknown, number>();
    for (const [type] of shortfalls(run.issues)) byType.set(type, (byType.get(type) ?? 0) + 1);
    expect(Object.fromEntries(byType)).toEqual({
      支部党员大会: 4,
      支部委员会: 12,
      党小组会: 12,
      党课: 4,
      主题党日: 12,
      组织生活会: 1,
      民主评议党员: 1,
    });
  });
});

// ------------------------------------------------------------------------------------------------ fixture

const FIXTURE = path.join(__dirname, "../fixtures/samples/schedule.xlsx");
const FIXTURE_AS_OF = date(2026, 11, 21);

describe("tests/fixtures/samples/schedule.xlsx (as-of 2026-11-21)", () => {
  test("gives exactly the issues listed in the samples README", async () => {
    const { snapshot } = await readWorkbookFile(FIXTURE);
    const result = validateWorkbook(snapshot, { asOf: FIXTURE_AS_OF });
    const sheet = result.sheets.find((s) => s.sheet === "月度安排");
    expect(sheet).toMatchObject({ template: "schedule", headerRow: 2, dataRows: 43 });
    expect(result.sheets.find((s) => s.sheet === "设置")?.template).toBeNull();
    const got = result.issues.map((i) =>
      i.cell === null
        ? `${i.rule} ${i.severity} ${String(i.params["type"])} ${String(i.params["period"])}`
        : `${i.rule} ${i.severity} ${i.cell}`,
    );
    expect(got).toEqual([
      "schedule.frequency warning 支部党员大会 2026-Q2",
      "schedule.frequency warning 支部委员会 2026-05",
      "schedule.frequency warning 主题党日 2026-09",
      "schedule.attendance.exceeds error I12",
      "schedule.date.month error B18",
      "schedule.attendance.low warning I24",
      "schedule.overdue warning J40",
    ]);
    expect(result.counts).toEqual({ error: 2, warning: 5, info: 0 });
  });

  test("the summary is sane", async () => {
    const { snapshot } = await readWorkbookFile(FIXTURE);
    const result = validateWorkbook(snapshot, { asOf: FIXTURE_AS_OF });
    const s = scheduleSummarizer.summarize(
      result.contexts.filter((c) => c.template.id === "schedule"),
      FIXTURE_AS_OF,
    );
    expect(s.year).toBe(2026);
    // 43 rows, 1 已取消, 6 计划 of which one (11-10) is due: 36 已完成 of 37 due.
    expect(s.dueToDate).toBe(37);
    expect(s.completed).toBe(36);
    expect(s.completionRate).toBeCloseTo(36 / 37, 4);
    expect(s.byMonthType["2026-09"]).toEqual({ 支部委员会: 1, 党小组会: 2, 党课: 1 });
    expect(s.byMonthType["2026-05"]).toEqual({ 党小组会: 1, 主题党日: 1, 专题学习: 1 });
    expect(s.byMonthType["2026-12"]).toEqual({ 组织生活会: 1, 民主评议党员: 1 });
    const total = Object.values(s.byMonthType).reduce((n, c) => n + Object.values(c).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(42);
    expect(Object.keys(s.byMonthType)).toEqual([...Object.keys(s.byMonthType)].sort());
    expect(s.attendanceRate["支部委员会"]).toBe(1);
    expect(s.attendanceRate["党小组会"]).toBeCloseTo(97 / 100, 4);
    for (const r of Object.values(s.attendanceRate)) {
      expect(r).toBeGreaterThan(0);
    }
    expect(s.shortfalls).toEqual([
      { type: "支部党员大会", period: "2026-Q2", required: 1, actual: 0 },
      { type: "支部委员会", period: "2026-05", required: 1, actual: 0 },
      { type: "主题党日", period: "2026-09", required: 1, actual: 0 },
    ]);
    const tables = scheduleTables(s);
    expect(tables.map((t) => t.title)).toHaveLength(6);
    const matrix = tables[0]!;
    expect(matrix.rows).toHaveLength(13);
    expect(matrix.rows[12]![0]).toBe("合计");
    expect(matrix.rows[12]![matrix.columns.length - 1]).toBe(42);
    for (const t of tables) for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
    expect(tables[3]!.rows).toEqual([
      ["支部党员大会", "2026年第2季度", 1, 0],
      ["支部委员会", "2026年5月", 1, 0],
      ["主题党日", "2026年9月", 1, 0],
    ]);
  });
});

// ------------------------------------------------------------------------------------------------ messages

describe("schedule messages", () => {
  test("catalogs and titles cover exactly the schedule rule ids (SPEC §3), and the rule list matches", () => {
    const ids = [...SCHEDULE_RULE_IDS].sort();
    expect(SCHEDULE_RULES.map((r) => r.id).sort()).toEqual(ids);
    expect(Object.keys(scheduleZhCN).sort()).toEqual(ids);
    expect(Object.keys(scheduleEn).sort()).toEqual(ids);
    expect(Object.keys(SCHEDULE_RULE_TITLES["zh-CN"]).sort()).toEqual(ids);
    expect(Object.keys(SCHEDULE_RULE_TITLES.en).sort()).toEqual(ids);
  });

  test("every issue of a messy schedule formats to a clean message in both languages", () => {
    const rows = [
      baseEvent({ date: date(2026, 4, 1) }),
      baseEvent({ date: date(2025, 3, 1), topic: "a" }),
      baseEvent({ attended: 6, topic: "b" }),
      baseEvent({ attended: null, topic: "c", type: null }),
      baseEvent({ attended: 2, topic: "d" }),
      baseEvent({ type: "党小组会", expected: 10, attended: 7, topic: "e" }),
      baseEvent({ status: "计划", attended: null, topic: "f" }),
      baseEvent({ topic: "g" }),
      baseEvent({ topic: "g" }),
    ];
    const run = runSchedule(rows, { settings: [["年度", 2026]] });
    expect(new Set(run.issues.map((i) => i.rule))).toEqual(new Set([...SCHEDULE_RULE_IDS, "cell.required"]));
    for (const issue of run.issues) {
      if (!issue.rule.startsWith("schedule.")) continue;
      for (const catalog of [scheduleZhCN, scheduleEn]) {
        const text = catalog[issue.rule]!({ header: "", ...issue.params });
        expect({ rule: issue.rule, text }).not.toEqual({
          rule: issue.rule,
          text: expect.stringMatching(/undefined|null|\[object|NaN|「」|""|“”/),
        });
        expect(text.trim().length).toBeGreaterThan(5);
      }
      expect(scheduleZhCN[issue.rule]!({ header: "", ...issue.params })).toMatch(/[\u4e00-\u9fff]/);
    }
    const freq = run.of("schedule.frequency").find((i) => i.params["period"] === "2026-Q1")!;
    expect(scheduleZhCN["schedule.frequency"]!({ header: "", ...freq.params })).toContain("2026年第一季度");
    const low = run.of("schedule.attendance.low")[0]!;
    expect(scheduleZhCN["schedule.attendance.low"]!({ header: "", ...low.params })).toContain("70%");
    expect(scheduleEn["schedule.attendance.low"]!({ header: "", ...low.params })).toContain("80%");
  });
});

// ------------------------------------------------------------------------------------------------ samples

describe("sampleScheduleRows", () => {
  test("minimumScheduleRows: 36 at 2026-11-21, 46 on 31 December, 0 on 1 January", () => {
    expect(minimumScheduleRows(AS_OF)).toBe(36);
    expect(minimumScheduleRows(date(2026, 12, 31))).toBe(46);
    expect(minimumScheduleRows(date(2026, 1, 1))).toBe(0);
    expect(minimumScheduleRows(date(2026, 3, 31))).toBe(3 * 3 + 2);
  });

  test.each([
    [60, AS_OF, 1],
    [200, AS_OF, 1],
    [60, date(2026, 12, 31), 7],
    [46, date(2026, 12, 31), 3],
    [36, AS_OF, 5],
    [60, date(2026, 1, 1), 2],
    [60, date(2026, 3, 31), 9],
    [120, date(2027, 6, 15), 20261121],
    [400, date(2026, 7, 1), 11],
  ])("%i rows at %o (seed %i) validate with no issue at that as-of", (n, asOf, seed) => {
    const rows = sampleScheduleRows(n, { seed, asOf });
    expect(rows).toHaveLength(n);
    const run = runSchedule(rows as ScheduleRow[], { validate: { asOf } });
    expect(run.issues.slice(0, 10)).toEqual([]);
    expect(run.result.sheets[0]).toMatchObject({ template: "schedule", dataRows: n });
  });

  test("rows are realistic: months 1–12 as numbers, dates in the as-of year and month, canonical values", () => {
    const rows = sampleScheduleRows(200, { seed: 3, asOf: AS_OF });
    const types = new Set<unknown>();
    for (const r of rows) {
      expect(typeof r["month"]).toBe("number");
      const d = r["date"] as CellDate | null;
      if (d) expect([d.y, d.m]).toEqual([2026, r["month"]]);
      types.add(r["type"]);
      expect(["计划", "已完成", "已取消", "延期"]).toContain(r["status"]);
      if (r["status"] === "已完成") expect(r["attended"]).not.toBeNull();
    }
    expect(types.size).toBeGreaterThanOrEqual(8);
    // Sorted by month.
    const months = rows.map((r) => r["month"] as number);
    expect(months).toEqual([...months].sort((a, b) => a - b));
  });

  test("deterministic for a seed; another seed differs", () => {
    const a = sampleScheduleRows(80, { seed: 5, asOf: AS_OF });
    expect(sampleScheduleRows(80, { seed: 5, asOf: AS_OF })).toEqual(a);
    expect(sampleScheduleRows(80, { seed: 6, asOf: AS_OF })).not.toEqual(a);
  });

  test("below the minimum the rows are the next year's plan (all 计划) and validate clean; 0 rows is empty", () => {
    expect(sampleScheduleRows(0, { asOf: AS_OF })).toEqual([]);
    for (const n of [1, 12, 20, 35]) {
      const rows = sampleScheduleRows(n, { seed: n, asOf: AS_OF });
      expect(rows).toHaveLength(n);
      expect(rows.some((r) => r["date"] !== null)).toBe(true);
      for (const r of rows) {
        expect(r["status"]).toBe("计划");
        if (r["date"]) expect((r["date"] as CellDate).y).toBe(2027);
      }
      expect(ruleIds(runSchedule(rows as ScheduleRow[], { validate: { asOf: AS_OF } }).issues)).toEqual([]);
    }
    expect((sampleScheduleRows(36, { seed: 1, asOf: AS_OF })[0]?.["date"] as CellDate).y).toBe(2026);
  });

  test("large n stays valid (no duplicates among thousands of rows)", () => {
    const rows = sampleScheduleRows(3000, { seed: 2, asOf: AS_OF });
    expect(runSchedule(rows as ScheduleRow[]).issues.slice(0, 5)).toEqual([]);
  });
});
