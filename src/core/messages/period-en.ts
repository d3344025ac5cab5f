/** Months and schedule periods in English, for the messages, the summary tables and the year paragraph. */

export const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/**
 * "2026-03" → March 2026 (Mar 2026 when `short`), "2026-Q1" → Q1 2026, "2026-S1" → the spring semester of 2026
 * (Spring semester 2026 when `short`); anything else as it is.
 */
export function periodEn(period: string, short = false): string {
  let m = /^(\d{4})-(\d{1,2})$/.exec(period);
  if (m) {
    const month = MONTHS_EN[Number(m[2]) - 1];
    return `${month ? (short ? month.slice(0, 3) : month) : m[2]} ${m[1]}`;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return `Q${m[2]} ${m[1]}`;
  m = /^(\d{4})-S([12])$/.exec(period);
  if (m) {
    const season = m[2] === "1" ? "spring" : "autumn";
    return short
      ? `${season[0]!.toUpperCase()}${season.slice(1)} semester ${m[1]}`
      : `the ${season} semester of ${m[1]}`;
  }
  return period;
}
