/**
 * The 月度工作安排 summary (SPEC §4 "Schedule", §5.2): a month × type matrix of counts (excluding 已取消),
 * the completion rate, the attendance rate per type and the 三会一课 frequency shortfalls.
 */
import type { CellDate } from "../types";
import { type Counts, type Summarizer, bump, rate } from "./types";
import { compareDates } from "../dates";
import { SCHEDULE_TYPES } from "../templates/schedule";
import {
  type FrequencyCounts,
  type Shortfall,
  countDateYears,
  countForFrequency,
  eventDay,
  eventMonth,
  frequencyShortfalls,
  isCancelled,
  isDone,
  planYearOf,
  semesterOf,
} from "../rules/schedule/shared";
import { defaultSettings, semestersOf } from "../settings";

export interface AttendanceTotals {
  /** 已完成 events with both 应到人数 (> 0) and 实到人数 (≤ 应到人数). */
  events: number;
  attended: number;
  expected: number;
}

export interface ScheduleSummary {
  /** The plan year (设置 年度, else the year most 日期 are in, else the as-of year). */
  year: number;
  /** "2026-03" → 活动类型 → events that month, excluding 已取消; months in time order. */
  byMonthType: Record<string, Counts>;
  /** "2026-S1" → 活动类型 → events that 学期 (设置 学期划分), excluding 已取消; semesters in time order. */
  bySemesterType: Record<string, Counts>;
  /** 活动类型 → 已完成 events in the plan year: the meetings held, as the 年度工作总结 counts them. */
  heldByType: Counts;
  /** Events (not 已取消) dated on or before as-of, or whose month has ended by as-of when undated. */
  dueToDate: number;
  /** Of those, the 已完成 ones. */
  completed: number;
  /** completed / dueToDate (0 when none is due). */
  completionRate: number;
  /**
   * 活动类型 → Σ 实到人数 / Σ 应到人数 over 已完成 events having both (and no more present than expected);
   * types without such events are left out.
   */
  attendanceRate: Record<string, number>;
  attendanceTotals: Record<string, AttendanceTotals>;
  /** The schedule.frequency shortfalls over all sheets together. */
  shortfalls: Shortfall[];
}

function monthKey(y: number, m: number): string {
  return `${y}-${String(m).padStart(2, "0")}`;
}

function typeOrder(a: string, b: string): number {
  const ia = SCHEDULE_TYPES.indexOf(a);
  const ib = SCHEDULE_TYPES.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
}

/** The counts with their types in SCHEDULE_TYPES order. */
function ordered(types: Counts): Counts {
  const out: Counts = {};
  for (const t of Object.keys(types).sort(typeOrder)) out[t] = types[t] ?? 0;
  return out;
}

export const scheduleSummarizer: Summarizer<ScheduleSummary> = {
  template: "schedule",
  summarize(contexts, asOf: CellDate) {
    const settings = contexts[0]?.settings ?? defaultSettings();
    const years = new Map<number, number>();
    for (const ctx of contexts) countDateYears(ctx.rows, years);
    const year = planYearOf(settings, asOf, years);
    const byMonth: Record<string, Counts> = {};
    const bySemester: Record<string, Counts> = {};
    const held: Counts = {};
    const semesters = semestersOf(settings);
    const totals: Record<string, AttendanceTotals> = {};
    const counts: FrequencyCounts = new Map();
    let dueToDate = 0;
    let completed = 0;
    for (const ctx of contexts) {
      for (const row of ctx.rows) {
        countForFrequency(counts, row, year);
        if (isCancelled(row)) continue;
        const type = row.text("type");
        const at = eventMonth(row, year);
        if (type !== null && at) {
          bump((byMonth[monthKey(at.y, at.m)] ??= {}), type);
          const semester = semesterOf(at.y, at.m, semesters);
          if (semester) bump((bySemester[semester] ??= {}), type);
          if (at.y === year && isDone(row)) bump(held, type);
        }
        const day = eventDay(row, year);
        if (day && compareDates(day, asOf) <= 0) {
          dueToDate++;
          if (isDone(row)) completed++;
        }
        const attended = row.num("attended");
        const expected = row.num("expected");
        // A row with more present than expected is an error (schedule.attendance.exceeds): left out of the rate.
        if (
          type !== null &&
          isDone(row) &&
          attended !== null &&
          expected !== null &&
          expected > 0 &&
          attended <= expected
        ) {
          const t = (totals[type] ??= { events: 0, attended: 0, expected: 0 });
          t.events++;
          t.attended += attended;
          t.expected += expected;
        }
      }
    }
    const byMonthType: Record<string, Counts> = {};
    for (const key of Object.keys(byMonth).sort()) byMonthType[key] = ordered(byMonth[key] ?? {});
    const bySemesterType: Record<string, Counts> = {};
    for (const key of Object.keys(bySemester).sort()) bySemesterType[key] = ordered(bySemester[key] ?? {});
    const attendanceRate: Record<string, number> = {};
    const attendanceTotals: Record<string, AttendanceTotals> = {};
    for (const t of Object.keys(totals).sort(typeOrder)) {
      const x = totals[t]!;
      attendanceTotals[t] = x;
      attendanceRate[t] = rate(x.attended, x.expected);
    }
    return {
      year,
      byMonthType,
      bySemesterType,
      heldByType: ordered(held),
      dueToDate,
      completed,
      completionRate: rate(completed, dueToDate),
      attendanceRate,
      attendanceTotals,
      shortfalls: frequencyShortfalls(counts, year, asOf, settings),
    };
  },
};
