/**
 * What the schedule rules and the schedule summary share: the plan year, the month an event belongs to, its
 * status, quorum, and the 三会一课 frequency count (SPEC §2.2, §3 "Schedule" and its precise readings).
 */
import type { CellDate } from "../../types";
import type { DataRow } from "../../rows";
import type { SheetContext } from "../types";
import { type Semesters, type Settings, defaultSettings, semestersOf, settingNumber } from "../../settings";
import { compareDates, daysInMonth } from "../../dates";
import {
  type FrequencyPeriod,
  QUORUM_TYPES,
  SCHEDULE_FREQUENCY,
  SCHEDULE_STATUS,
  SCHEDULE_STATUSES,
} from "../../templates/schedule";

// ---------------------------------------------------------------------------------------------- plan year

/**
 * The plan year: 设置's 年度, else the most common year among the 日期 values (a tie goes to the as-of year
 * when it is among the tied, else to the latest), else the as-of year.
 */
export function planYearOf(settings: Settings, asOf: CellDate, dateYears: ReadonlyMap<number, number>): number {
  const given = settings.values["year"];
  if (typeof given === "number" && Number.isInteger(given)) return given;
  let best: number | null = null;
  let bestCount = 0;
  for (const [year, count] of dateYears) {
    if (
      count > bestCount ||
      (count === bestCount && best !== null && best !== asOf.y && (year === asOf.y || year > best))
    ) {
      best = year;
      bestCount = count;
    }
  }
  return best ?? asOf.y;
}

/** Adds the years of the readable 日期 values of `rows` to `into`. */
export function countDateYears(rows: Iterable<DataRow>, into: Map<number, number> = new Map()): Map<number, number> {
  for (const row of rows) {
    const d = row.date("date");
    if (d) into.set(d.y, (into.get(d.y) ?? 0) + 1);
  }
  return into;
}

function computePlanYear(ctx: SheetContext): number {
  const given = ctx.settings.values["year"];
  // Only read the rows when 设置 does not name the year.
  if (typeof given === "number" && Number.isInteger(given)) return given;
  return planYearOf(ctx.settings, ctx.asOf, countDateYears(ctx.rows));
}

/** The plan year of a schedule sheet, computed once per sheet. */
export function planYear(ctx: SheetContext): number {
  return ctx.shared("schedule.planYear", computePlanYear);
}

// ---------------------------------------------------------------------------------------------- row readings

/** The row's 状态: 计划 when empty, null when unreadable. */
export function statusOf(row: DataRow): string | null {
  const s = row.text("status");
  if (s !== null && SCHEDULE_STATUSES.includes(s)) return s;
  return row.filled("status") ? null : SCHEDULE_STATUS.planned;
}

/** 状态 is 已完成. */
export function isDone(row: DataRow): boolean {
  return row.text("status") === SCHEDULE_STATUS.done;
}

/** 状态 is 已取消 (an unreadable 状态 is not taken as cancelled). */
export function isCancelled(row: DataRow): boolean {
  return row.text("status") === SCHEDULE_STATUS.cancelled;
}

export interface YearMonth {
  readonly y: number;
  readonly m: number;
}

/**
 * The month an event belongs to: its 日期's, else its 月份 in the plan year (an unreadable 日期 counts as none);
 * null when neither can be read.
 */
export function eventMonth(row: DataRow, year: number): YearMonth | null {
  const d = row.date("date");
  if (d) return { y: d.y, m: d.m };
  const m = row.num("month");
  return m !== null ? { y: year, m } : null;
}

/** The last day of a month. */
export function monthEnd(y: number, m: number): CellDate {
  return { kind: "date", y, m, d: daysInMonth(y, m) };
}

/**
 * The day by which an event should have taken place: its 日期 (the month's last day for a month-precision
 * 日期), else the last day of its 月份 in the plan year; null when neither can be read.
 */
export function eventDay(row: DataRow, year: number): CellDate | null {
  const d = row.date("date");
  if (d) return d.d === 0 ? monthEnd(d.y, d.m) : d;
  const m = row.num("month");
  return m !== null ? monthEnd(year, m) : null;
}

/** 支部党员大会 or 支部委员会 held (已完成) with fewer than half of those expected (attended × 2 < expected). */
export function inquorate(row: DataRow): boolean {
  const type = row.text("type");
  if (type === null || !QUORUM_TYPES.includes(type) || !isDone(row)) return false;
  const attended = row.num("attended");
  const expected = row.num("expected");
  return attended !== null && expected !== null && attended * 2 < expected;
}

// ---------------------------------------------------------------------------------------------- frequency

/** A (type, period) whose count of events falls short of what 设置 requires. */
export interface Shortfall {
  readonly type: string;
  /** "2026-03", "2026-Q1", "2026-S1" or "2026". */
  readonly period: string;
  readonly required: number;
  readonly actual: number;
}

/**
 * Events per type in each month of the plan year and the next (an autumn semester ends there): counts[m] for
 * m = 1…12 of the plan year, 13…24 of the next (index 0 unused).
 */
export type FrequencyCounts = Map<string, number[]>;

const FREQUENCY_TYPES = new Set(SCHEDULE_FREQUENCY.map((f) => f.type));

/**
 * Counts a row towards frequency: a type with a requirement, not 已取消 (empty = 计划; 延期 and inquorate
 * meetings count), whose month lies in the plan year.
 */
export function countForFrequency(counts: FrequencyCounts, row: DataRow, year: number): void {
  const type = row.text("type");
  if (type === null || !FREQUENCY_TYPES.has(type) || isCancelled(row)) return;
  const at = eventMonth(row, year);
  if (!at || (at.y !== year && at.y !== year + 1)) return;
  let months = counts.get(type);
  if (!months) counts.set(type, (months = new Array<number>(25).fill(0)));
  const i = (at.y - year) * 12 + at.m;
  months[i] = (months[i] ?? 0) + 1;
}

export interface Period {
  /** "2026-03", "2026-Q1", "2026-S1" or "2026". */
  readonly key: string;
  /** Months counted from January of the year (13 = January of the next year). */
  readonly firstMonth: number;
  readonly lastMonth: number;
}

const DEFAULT_SEMESTERS = semestersOf(defaultSettings());

/** The semester a month belongs to, "2026-S1" (spring) or "2026-S2" (autumn, from its start year); null between. */
export function semesterOf(y: number, m: number, semesters: Semesters = DEFAULT_SEMESTERS): string | null {
  const { spring, autumn } = semesters;
  if (m >= spring.first && m <= spring.last) return `${y}-S1`;
  if (m >= autumn.first && (autumn.last < autumn.first || m <= autumn.last)) return `${y}-S2`;
  if (autumn.last < autumn.first && m <= autumn.last) return `${y - 1}-S2`;
  return null;
}

/** Every period of a kind in a year, in order. */
export function periodsOf(per: FrequencyPeriod, year: number, semesters: Semesters = DEFAULT_SEMESTERS): Period[] {
  switch (per) {
    case "month":
      return Array.from({ length: 12 }, (_, i) => ({
        key: `${year}-${String(i + 1).padStart(2, "0")}`,
        firstMonth: i + 1,
        lastMonth: i + 1,
      }));
    case "quarter":
      return [1, 2, 3, 4].map((q) => ({ key: `${year}-Q${q}`, firstMonth: q * 3 - 2, lastMonth: q * 3 }));
    case "semester": {
      const { spring, autumn } = semesters;
      const autumnLast = autumn.last < autumn.first ? autumn.last + 12 : autumn.last;
      return [
        { key: `${year}-S1`, firstMonth: spring.first, lastMonth: spring.last },
        { key: `${year}-S2`, firstMonth: autumn.first, lastMonth: autumnLast },
      ];
    }
    case "year":
      return [{ key: String(year), firstMonth: 1, lastMonth: 12 }];
  }
}

/** The periods of a kind in the plan year that have ended on or before as-of (their last day ≤ as-of). */
export function endedPeriods(
  per: FrequencyPeriod,
  year: number,
  asOf: CellDate,
  semesters: Semesters = DEFAULT_SEMESTERS,
): Period[] {
  return periodsOf(per, year, semesters).filter((p) => {
    const last = p.lastMonth - 1;
    return compareDates(monthEnd(year + Math.floor(last / 12), (last % 12) + 1), asOf) <= 0;
  });
}

/** The (type, period) pairs below the required count, in the order of SCHEDULE_FREQUENCY then of time. */
export function frequencyShortfalls(
  counts: FrequencyCounts,
  year: number,
  asOf: CellDate,
  settings: Settings,
): Shortfall[] {
  const out: Shortfall[] = [];
  const semesters = semestersOf(settings);
  for (const req of SCHEDULE_FREQUENCY) {
    const required = settingNumber(settings, req.setting);
    if (required <= 0) continue;
    const months = counts.get(req.type);
    for (const p of endedPeriods(req.per, year, asOf, semesters)) {
      let actual = 0;
      if (months) for (let m = p.firstMonth; m <= p.lastMonth; m++) actual += months[m] ?? 0;
      if (actual < required) out.push({ type: req.type, period: p.key, required, actual });
    }
  }
  return out;
}
