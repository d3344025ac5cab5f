import type { Lang } from "../messages/types";
import type { ScheduleSummary } from "./schedule";
import type { SummaryTable } from "./table";
import { SCHEDULE_TYPES } from "../templates/schedule";
import { termText } from "../messages/vocab";
import { periodEn } from "../messages/period-en";

/** "2026-03" → 2026年3月, "2026-Q1" → 2026年第1季度, "2026-S1" → 2026年春季学期, "2026" → 2026年. */
export function periodLabel(period: string): string {
  let m = /^(\d{4})-(\d{1,2})$/.exec(period);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return `${m[1]}年第${m[2]}季度`;
  m = /^(\d{4})-S([12])$/.exec(period);
  if (m) return `${m[1]}年${m[2] === "1" ? "春季" : "秋季"}学期`;
  return /^\d{4}$/.test(period) ? `${period}年` : period;
}

/** periodLabel in `lang`: "2026-03" → Mar 2026, "2026-Q1" → Q1 2026, "2026-S1" → Spring semester 2026 in English. */
export function periodText(period: string, lang: Lang): string {
  return lang === "zh-CN" ? periodLabel(period) : periodEn(period, true);
}

const LABELS = {
  "zh-CN": {
    total: "合计",
    outside: (n: number, year: number, list: string) =>
      `另有 ${n} 项活动的日期不在 ${year} 年（${list}），未列入本表。`,
    outsidePart: (period: string, n: number) => `${period} ${n} 项`,
    outsideSep: "，",
    plan: (year: number) => `活动安排（${year}年，按月份和类型，不含已取消）`,
    month: "月份",
    completion: "完成情况（截至统计截止日期）",
    completionColumns: ["应完成活动", "已完成", "完成率"],
    attendance: "到会率（已完成的活动，按类型）",
    attendanceColumns: ["活动类型", "活动次数", "实到人次", "应到人次", "到会率"],
    shortfalls: "“三会一课”等活动次数不足",
    shortfallColumns: ["活动类型", "期间", "应开次数", "实际次数"],
    bySemester: "活动次数（按学期，不含已取消）",
    semester: "学期",
    held: (year: number) => `已召开的会议和活动（${year}年，状态为已完成）`,
    heldColumns: ["活动类型", "次数"],
  },
  en: {
    total: "Total",
    outside: (n: number, year: number, list: string) =>
      `${n} more event${n === 1 ? " is" : "s are"} dated outside ${year} (${list}) and not in this table.`,
    outsidePart: (period: string, n: number) => `${period}: ${n}`,
    outsideSep: ", ",
    plan: (year: number) => `Events planned (${year}, by month and type, cancelled ones left out)`,
    month: "Month",
    completion: "Completion (up to the as-of date)",
    completionColumns: ["Events due", "Done", "Completion rate"],
    attendance: "Attendance (events done, by type)",
    attendanceColumns: ["Type", "Events", "Attended", "Expected", "Attendance rate"],
    shortfalls: "Too few meetings (three meetings and one lecture, and others)",
    shortfallColumns: ["Type", "Period", "Required", "Held"],
    bySemester: "Events by semester (cancelled ones left out)",
    semester: "Semester",
    held: (year: number) => `Meetings and events held (${year}, status done)`,
    heldColumns: ["Type", "Times"],
  },
} as const;

export function scheduleTables(s: ScheduleSummary, lang: Lang = "zh-CN"): SummaryTable[] {
  const L = LABELS[lang];
  const type = (t: string) => termText(t, lang, true);
  // Every month of the plan year and only those; events dated in another year are counted in a footnote.
  const months = Array.from({ length: 12 }, (_, i) => `${s.year}-${String(i + 1).padStart(2, "0")}`);
  const outside = Object.entries(s.byMonthType)
    .filter(([key]) => !months.includes(key))
    .map(([key, counts]) => ({ key, n: Object.values(counts).reduce((a, b) => a + b, 0) }))
    .filter((x) => x.n > 0);
  const outsideCount = outside.reduce((a, x) => a + x.n, 0);
  const footnote =
    outsideCount > 0
      ? L.outside(
          outsideCount,
          s.year,
          outside.map((x) => L.outsidePart(periodText(x.key, lang), x.n)).join(L.outsideSep),
        )
      : undefined;
  const extraTypes = new Set<string>();
  for (const counts of Object.values(s.byMonthType))
    for (const t of Object.keys(counts)) if (!SCHEDULE_TYPES.includes(t)) extraTypes.add(t);
  const types = [...SCHEDULE_TYPES, ...extraTypes];
  const columnTotals = types.map(() => 0);
  const matrix = months.map((key) => {
    const counts = s.byMonthType[key] ?? {};
    const cells = types.map((t, i) => {
      const n = counts[t] ?? 0;
      columnTotals[i]! += n;
      return n;
    });
    return [periodText(key, lang), ...cells, cells.reduce((a, b) => a + b, 0)];
  });
  matrix.push([L.total, ...columnTotals, columnTotals.reduce((a, b) => a + b, 0)]);

  return [
    {
      title: L.plan(s.year),
      columns: [L.month, ...types.map(type), L.total],
      rows: matrix,
      ...(footnote ? { footnote } : {}),
    },
    {
      title: L.completion,
      columns: L.completionColumns,
      rows: [[s.dueToDate, s.completed, s.completionRate]],
      percentColumns: [2],
    },
    {
      title: L.attendance,
      columns: L.attendanceColumns,
      rows: Object.entries(s.attendanceTotals).map(([t, x]) => [
        type(t),
        x.events,
        x.attended,
        x.expected,
        s.attendanceRate[t] ?? 0,
      ]),
      percentColumns: [4],
    },
    {
      title: L.shortfalls,
      columns: L.shortfallColumns,
      rows: s.shortfalls.map((x) => [type(x.type), periodText(x.period, lang), x.required, x.actual]),
    },
    {
      title: L.bySemester,
      columns: [L.semester, ...types.map(type), L.total],
      rows: Object.entries(s.bySemesterType).map(([key, counts]) => {
        const cells = types.map((t) => counts[t] ?? 0);
        return [periodText(key, lang), ...cells, cells.reduce((a, b) => a + b, 0)];
      }),
    },
    {
      title: L.held(s.year),
      columns: L.heldColumns,
      rows: Object.entries(s.heldByType).map(([t, n]) => [type(t), n]),
    },
  ];
}
