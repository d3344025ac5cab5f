import type { CellDate } from "./types";
import { toHalfWidth } from "./text";

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** A real calendar date (d = 0: month precision) in years 1000–9999. */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1000 || y > 9999 || m < 1 || m > 12) return false;
  return d === 0 || (d >= 1 && d <= daysInMonth(y, m));
}

export function makeDate(y: number, m: number, d: number): CellDate | null {
  return isValidDate(y, m, d) ? { kind: "date", y, m, d } : null;
}

export function monthOf(y: number, m: number): CellDate | null {
  return makeDate(y, m, 0);
}

export function isMonthPrecision(date: CellDate): boolean {
  return date.d === 0;
}

/** Compare two dates; by month when either has month precision. */
export function compareDates(a: CellDate, b: CellDate): number {
  if (a.y !== b.y) return a.y - b.y;
  if (a.m !== b.m) return a.m - b.m;
  if (a.d === 0 || b.d === 0) return 0;
  return a.d - b.d;
}

/** Same month and day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: CellDate, years: number): CellDate {
  const y = date.y + years;
  const d = date.d === 0 ? 0 : Math.min(date.d, daysInMonth(y, date.m));
  return { kind: "date", y, m: date.m, d };
}

/** `compareDates(addYears(date, years), other)` without making the shifted date (the row rules' hot path). */
export function compareYearsLater(date: CellDate, years: number, other: CellDate): number {
  const y = date.y + years;
  if (y !== other.y) return y - other.y;
  if (date.m !== other.m) return date.m - other.m;
  if (date.d === 0 || other.d === 0) return 0;
  return Math.min(date.d, daysInMonth(y, date.m)) - other.d;
}

/** Days since 1970-01-01 (proleptic Gregorian); a month-precision date counts as its first day. */
export function dayNumber(date: CellDate): number {
  const d = date.d === 0 ? 1 : date.d;
  const y = date.m <= 2 ? date.y - 1 : date.y;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (date.m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(days: number): CellDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return { kind: "date", y, m, d };
}

export function addDays(date: CellDate, days: number): CellDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole years from `birth` to `on`: birthdays fall as `addYears` says (29 Feb → 28 Feb), by month when a day is unknown. */
export function ageOn(birth: CellDate, on: CellDate): number {
  const years = on.y - birth.y;
  return compareYearsLater(birth, years, on) > 0 ? years - 1 : years;
}

/** Excel serial (1900 date system, with its phantom 29 Feb 1900) to a date; fractions are dropped. */
export function fromExcelSerial(serial: number): CellDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  const days = whole > 59 ? whole - 25569 : whole - 25568;
  return fromDayNumber(days);
}

export function toExcelSerial(date: CellDate): number {
  const days = dayNumber(date) + 25569;
  return days > 60 ? days : days - 1;
}

export function formatDate(date: CellDate): string {
  const mm = String(date.m).padStart(2, "0");
  if (date.d === 0) return `${date.y}-${mm}`;
  return `${date.y}-${mm}-${String(date.d).padStart(2, "0")}`;
}

export function todayDate(now: Date = new Date()): CellDate {
  return { kind: "date", y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
}

const FULL = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:份)?$/;
const COMPACT_MONTH = /^(\d{4})(\d{2})$/;
/** A time of day after a date, as systems export dates: `1980-03-15 00:00:00`, `2001/3/1 0:00`, `…T08:00:00.000Z`. */
const TIME_PART =
  /^(\S+?)(?:[ T]|\s+)\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?(?:\s*(?:Z|[AaPp][Mm]|[+-]\d{2}:?\d{2}))?$/;

/** Reads the text date forms a secretary types: 2019-11-01, 2019/11/1, 2019.11.1, 2019年11月1日, 20191101, 2019.11, 2019年11月. */
export function parseTextDate(text: string): CellDate | null {
  let t = toHalfWidth(text).trim();
  if (t.length > 16) {
    const timed = TIME_PART.exec(t);
    if (!timed || !timed[1]) return null;
    t = timed[1];
  } else if (t.includes(":")) {
    const timed = TIME_PART.exec(t);
    if (timed?.[1]) t = timed[1];
  }
  if (t.length < 6 || t.length > 16) return null;
  let m = FULL.exec(t) ?? COMPACT.exec(t);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = MONTH.exec(t) ?? COMPACT_MONTH.exec(t);
  if (m) return monthOf(Number(m[1]), Number(m[2]));
  return null;
}

/**
 * A number in a date column: an 8-digit yyyymmdd, a yyyy.mm typed into a General cell
 * (Excel keeps 2019.11 as a number), or an Excel serial.
 */
export function parseNumberDate(value: number): CellDate | null {
  if (Number.isInteger(value) && value >= 10000101 && value <= 99991231) {
    return makeDate(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
  }
  if (!Number.isInteger(value) && value >= 1000 && value < 10000) {
    const y = Math.floor(value);
    const month = Math.round((value - y) * 100);
    const tenths = Math.round((value - y) * 10);
    if (Math.abs((value - y) * 10 - tenths) < 1e-9) return monthOf(y, tenths);
    return monthOf(y, month);
  }
  // Smaller General-format numbers are more likely a bare year or a typo than a serial.
  if (value >= 10000 && value < 2958466) return fromExcelSerial(value);
  return null;
}

export function dateFromJs(value: Date): CellDate | null {
  if (Number.isNaN(value.getTime())) return null;
  return makeDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
}
