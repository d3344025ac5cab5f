import type { ScheduleSummary } from "./schedule";
import type { SummaryTable } from "./table";
import { SCHEDULE_TYPES } from "../templates/schedule";

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

export function scheduleTables(s: ScheduleSummary): SummaryTable[] {
  // Every month of the plan year and only those; events dated in another year are counted in a footnote.
  const months = Array.from({ length: 12 }, (_, i) => `${s.year}-${String(i + 1).padStart(2, "0")}`);
  const outside = Object.entries(s.byMonthType)
    .filter(([key]) => !months.includes(key))
    .map(([key, counts]) => ({ key, n: Object.values(counts).reduce((a, b) => a + b, 0) }))
    .filter((x) => x.n > 0);
  const outsideCount = outside.reduce((a, x) => a + x.n, 0);
  const footnote =
    outsideCount > 0
      ? `另有 ${outsideCount} 项活动的日期不在 ${s.year} 年（${outside.map((x) => `${periodLabel(x.key)} ${x.n} 项`).join("，")}），未列入本表。`
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
    return [periodLabel(key), ...cells, cells.reduce((a, b) => a + b, 0)];
  });
  matrix.push(["合计", ...columnTotals, columnTotals.reduce((a, b) => a + b, 0)]);

  return [
    {
      title: `活动安排（${s.year}年，按月份和类型，不含已取消）`,
      columns: ["月份", ...types, "合计"],
      rows: matrix,
      ...(footnote ? { footnote } : {}),
    },
    {
      title: "完成情况（截至统计截止日期）",
      columns: ["应完成活动", "已完成", "完成率"],
      rows: [[s.dueToDate, s.completed, s.completionRate]],
      percentColumns: [2],
    },
    {
      title: "到会率（已完成的活动，按类型）",
      columns: ["活动类型", "活动次数", "实到人次", "应到人次", "到会率"],
      rows: Object.entries(s.attendanceTotals).map(([t, x]) => [
        t,
        x.events,
        x.attended,
        x.expected,
        s.attendanceRate[t] ?? 0,
      ]),
      percentColumns: [4],
    },
    {
      title: "“三会一课”等活动次数不足",
      columns: ["活动类型", "期间", "应开次数", "实际次数"],
      rows: s.shortfalls.map((x) => [x.type, periodLabel(x.period), x.required, x.actual]),
    },
    {
      title: "活动次数（按学期，不含已取消）",
      columns: ["学期", ...types, "合计"],
      rows: Object.entries(s.bySemesterType).map(([key, counts]) => {
        const cells = types.map((t) => counts[t] ?? 0);
        return [periodLabel(key), ...cells, cells.reduce((a, b) => a + b, 0)];
      }),
    },
    {
      title: `已召开的会议和活动（${s.year}年，状态为已完成）`,
      columns: ["活动类型", "次数"],
      rows: Object.entries(s.heldByType),
    },
  ];
}
