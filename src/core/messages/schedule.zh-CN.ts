import type { Catalog } from "./types";

const s = (v: unknown): string => (v === null || v === undefined ? "" : String(v));

/** 0.7 → "70%" (at most two decimals). */
export const percentText = (v: unknown): string => (typeof v === "number" ? `${Math.round(v * 10000) / 100}%` : s(v));

/** "2026-03" → 2026年3月, "2026-Q1" → 2026年第一季度, "2026" → 2026年. */
function periodZh(period: unknown): string {
  const p = s(period);
  let m = /^(\d{4})-(\d{1,2})$/.exec(p);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  m = /^(\d{4})-Q([1-4])$/.exec(p);
  if (m) return `${m[1]}年第${"一二三四"[Number(m[2]) - 1]}季度`;
  m = /^(\d{4})-S([12])$/.exec(p);
  if (m) return `${m[1]}年${m[2] === "1" ? "春季" : "秋季"}学期`;
  return /^\d{4}$/.test(p) ? `${p}年` : p;
}

const PER: Readonly<Record<string, string>> = { month: "每月", quarter: "每季度", semester: "每学期", year: "每年" };

function perOf(period: unknown): string {
  const p = s(period);
  if (/^\d{4}-\d{1,2}$/.test(p)) return PER["month"]!;
  if (/-Q\d$/.test(p)) return PER["quarter"]!;
  if (/-S\d$/.test(p)) return PER["semester"]!;
  return PER["year"]!;
}

/** Messages of the schedule rules (SPEC §3 "Schedule"), merged into the zh-CN catalog. */
export const scheduleZhCN: Catalog = {
  "schedule.date.month": (p) => `日期 ${s(p["date"])} 不在月份“${s(p["month"])}月”内，请核对月份或日期`,
  "schedule.date.year": (p) => `日期 ${s(p["date"])} 不在计划年度 ${s(p["year"])} 年内，请核对年份`,
  "schedule.attendance.exceeds": (p) => `实到人数 ${s(p["attended"])} 多于应到人数 ${s(p["expected"])}，请核对`,
  "schedule.attendance.missing": (p) => `${p["type"] ? `${s(p["type"])}已完成` : "活动已完成"}，但未填写实到人数`,
  "schedule.attendance.quorum": (p) =>
    `${s(p["type"])}应到 ${s(p["expected"])} 人、实到 ${s(p["attended"])} 人，不足半数（至少应有 ${s(p["quorum"])} 人到会），不能作出决定，请核对人数或另行召开`,
  "schedule.attendance.low": (p) =>
    `到会率 ${percentText(p["rate"])}（实到 ${s(p["attended"])} / 应到 ${s(p["expected"])}）低于预警线 ${percentText(p["threshold"])}`,
  "schedule.overdue": (p) =>
    `活动日期 ${s(p["date"])} 已过（统计截止 ${s(p["asOf"])}），状态仍为“计划”，请更新为已完成、已取消或延期`,
  "schedule.duplicate": (p) =>
    `同一天（${s(p["date"])}）同一类型、同一内容的活动重复：第 ${s(p["rows"])} 行共 ${s(p["count"])} 行，请核对是否重复登记`,
  "schedule.frequency": (p) =>
    (p["actual"] === 0
      ? `${periodZh(p["period"])}没有${s(p["type"])}`
      : `${periodZh(p["period"])}${s(p["type"])}只有 ${s(p["actual"])} 次`) +
    `，按设置应${perOf(p["period"])}至少 ${s(p["required"])} 次`,
};
