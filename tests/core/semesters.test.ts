/**
 * Semesters (学期): 设置 支部党员大会每学期次数 / 党课每学期次数 (empty = not checked) and 学期划分 (default 2–7月 and
 * 8月–次年1月); schedule.frequency reports periods 2026-S1 / 2026-S2; the summary counts by semester.
 */
import { SETTING_DEFS, parseSettingValue, semestersOf, defaultSettings } from "../../src/core/settings";
import { semesterOf } from "../../src/core/rules/schedule/shared";
import { summarizeContexts } from "../../src/core/summary";
import type { ScheduleSummary } from "../../src/core/summary/schedule";
import { formatIssue } from "../../src/core/messages";
import { date } from "../helpers/build";
import { baseEvent, cleanYear, runSchedule, type ScheduleRow } from "../helpers/build-schedule";

const def = (label: string) => SETTING_DEFS.find((d) => d.label === label)!;

describe("设置 学期划分", () => {
  test.each([
    ["2—7月，8月—次年1月", "2—7月，8月—次年1月"],
    ["3-7,9-1", "3—7月，9月—次年1月"],
    ["春季３—７月；秋季９—１２月", "3—7月，9月—12月"],
    ["3-8", "3—8月，9月—次年2月"],
  ])("%s reads as %s", (typed, normalised) => {
    expect(parseSettingValue(def("学期划分"), typed)).toBe(normalised);
  });

  test("a cell Excel turned into a date (2-7 → 7 February) is read as months", () => {
    expect(parseSettingValue(def("学期划分"), date(2026, 2, 7))).toBe("2—7月，8月—次年1月");
  });

  test.each(["7-2", "2-7,5-1", "2-7,8-3", "13-2", "春季", 5])("%s is refused", (typed) => {
    expect(parseSettingValue(def("学期划分"), typed)).toBeUndefined();
  });

  test("the default: spring February–July, autumn August–January; months map to their semester", () => {
    expect(semestersOf(defaultSettings())).toEqual({ spring: { first: 2, last: 7 }, autumn: { first: 8, last: 1 } });
    expect([semesterOf(2026, 2), semesterOf(2026, 7), semesterOf(2026, 8), semesterOf(2027, 1)]).toEqual([
      "2026-S1",
      "2026-S1",
      "2026-S2",
      "2026-S2",
    ]);
    const s = { spring: { first: 3, last: 7 }, autumn: { first: 9, last: 1 } };
    expect([semesterOf(2026, 8, s), semesterOf(2026, 2, s)]).toEqual([null, null]);
  });

  test("the per-semester counts default to empty, meaning not checked", () => {
    expect(def("支部党员大会每学期次数").defaultValue).toBeNull();
    expect(def("党课每学期次数").defaultValue).toBeNull();
    const run = runSchedule(cleanYear(2026));
    expect(run.of("schedule.frequency")).toEqual([]);
  });
});

describe("schedule.frequency by semester", () => {
  const periods = (rows: ScheduleRow[], settings: Array<[string, string | number]>, asOf = date(2026, 11, 21)) =>
    runSchedule(rows, { settings, validate: { asOf } })
      .of("schedule.frequency")
      .map((i) => [i.params["type"], i.params["period"], i.params["required"], i.params["actual"]]);

  test("the clean year (a 党员大会 and a 党课 each quarter) has 2 of each in spring: enough for 2, short of 3", () => {
    expect(
      periods(cleanYear(2026), [
        ["支部党员大会每学期次数", 2],
        ["党课每学期次数", 2],
      ]),
    ).toEqual([]);
    expect(periods(cleanYear(2026), [["支部党员大会每学期次数", 3]])).toEqual([["支部党员大会", "2026-S1", 3, 2]]);
  });

  test("the autumn semester is checked once it has ended, counting January of the next year", () => {
    const settings: Array<[string, string | number]> = [
      ["年度", 2026],
      ["党课每学期次数", 3],
    ];
    const asOf = date(2027, 2, 10);
    // Spring: March and June (2); autumn: September and December (2).
    expect(periods(cleanYear(2026), settings, asOf)).toEqual([
      ["党课", "2026-S1", 3, 2],
      ["党课", "2026-S2", 3, 2],
    ]);
    const january = baseEvent({ month: 1, date: date(2027, 1, 8), type: "党课", topic: "寒假前党课" });
    expect(periods([...cleanYear(2026), january], settings, asOf)).toEqual([["党课", "2026-S1", 3, 2]]);
  });

  test("学期划分 moves the months counted: with 3—6月 spring, the June lecture still counts, July does not", () => {
    const july = baseEvent({ month: 7, date: date(2026, 7, 3), type: "党课", topic: "七月党课" });
    expect(
      periods(
        [...cleanYear(2026), july],
        [
          ["党课每学期次数", 3],
          ["学期划分", "3-6,9-1"],
        ],
      ),
    ).toEqual([["党课", "2026-S1", 3, 2]]);
    expect(periods([...cleanYear(2026), july], [["党课每学期次数", 3]])).toEqual([]);
  });

  test("the message names the semester in both languages", () => {
    const run = runSchedule(cleanYear(2026), { settings: [["支部党员大会每学期次数", 3]] });
    const issue = run.of("schedule.frequency")[0]!;
    expect(formatIssue(issue, "zh-CN")).toBe("2026年春季学期支部党员大会只有 2 次，按设置应每学期至少 3 次");
    expect(formatIssue(issue, "en")).toMatch(/spring semester of 2026.*a semester/);
  });

  test("a bad 学期划分 is a settings.value warning and the default applies", () => {
    const run = runSchedule(cleanYear(2026), {
      settings: [
        ["学期划分", "7-2"],
        ["支部党员大会每学期次数", 3],
      ],
    });
    expect(run.of("settings.value").map((i) => i.field)).toEqual(["semesters"]);
    expect(run.of("schedule.frequency").map((i) => i.params["period"])).toEqual(["2026-S1"]);
  });
});

test("the summary counts by semester too, and the shortfalls carry semester periods", () => {
  const run = runSchedule(
    [...cleanYear(2026), baseEvent({ month: 1, date: date(2026, 1, 9), type: "党课", topic: "一月党课" })],
    {
      settings: [["党课每学期次数", 3]],
    },
  );
  const s = summarizeContexts(run.result.contexts, run.result.asOf)["schedule"] as ScheduleSummary;
  expect(Object.keys(s.bySemesterType)).toEqual(["2025-S2", "2026-S1", "2026-S2"]);
  expect(s.bySemesterType["2025-S2"]).toEqual({ 支部委员会: 1, 党小组会: 1, 党课: 1, 主题党日: 1 });
  expect(s.bySemesterType["2026-S1"]?.["党课"]).toBe(2);
  expect(s.bySemesterType["2026-S2"]?.["支部党员大会"]).toBe(2);
  expect(s.shortfalls).toEqual([{ type: "党课", period: "2026-S1", required: 3, actual: 2 }]);
});
