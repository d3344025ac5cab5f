import type { Catalog } from "./types";
import { termValue } from "./vocab";
import { periodEn } from "./period-en";

const s = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
/** A 活动类型 of the template in English, capitalised (a user's own type stays as it is). */
const type = (v: unknown): string => termValue(s(v), "en");

const pct = (v: unknown): string => (typeof v === "number" ? `${Math.round(v * 10000) / 100}%` : s(v));

const periodOf = (period: unknown): string => periodEn(s(period));

function perOf(period: unknown): string {
  const p = s(period);
  if (/^\d{4}-\d{1,2}$/.test(p)) return "a month";
  if (/-Q\d$/.test(p)) return "a quarter";
  if (/-S\d$/.test(p)) return "a semester";
  return "a year";
}

/** Messages of the schedule rules (SPEC §3 "Schedule"), merged into the en catalog. */
export const scheduleEn: Catalog = {
  "schedule.date.month": (p) => `Date ${s(p["date"])} is not in month ${s(p["month"])}; check the month or the date`,
  "schedule.date.year": (p) => `Date ${s(p["date"])} is outside the plan year ${s(p["year"])}`,
  "schedule.attendance.exceeds": (p) => `${s(p["attended"])} attended but only ${s(p["expected"])} were expected`,
  "schedule.attendance.missing": (p) =>
    `${p["type"] ? `${type(p["type"])} marked as done` : "Marked as done"} but the attendance is empty`,
  "schedule.attendance.quorum": (p) =>
    `${type(p["type"])}: ${s(p["attended"])} of ${s(p["expected"])} attended, less than half (at least ${s(p["quorum"])} needed), so it cannot take decisions`,
  "schedule.attendance.low": (p) =>
    `Attendance ${pct(p["rate"])} (${s(p["attended"])} of ${s(p["expected"])}) is below the warning line ${pct(p["threshold"])}`,
  "schedule.overdue": (p) =>
    `The date ${s(p["date"])} has passed (as of ${s(p["asOf"])}) but the status is still "planned"; mark it done, cancelled or postponed`,
  "schedule.duplicate": (p) =>
    `Same date (${s(p["date"])}), type and content on ${s(p["count"])} rows (${s(p["rows"]).split("、").join(", ")})`,
  "schedule.frequency": (p) =>
    `${type(p["type"])}: ${p["actual"] === 0 ? "none" : s(p["actual"])} in ${periodOf(p["period"])}, but the settings require at least ${s(p["required"])} ${perOf(p["period"])}`,
};
