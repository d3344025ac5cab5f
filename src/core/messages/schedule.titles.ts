import type { Lang } from "./types";

/** Short titles of the schedule rules, merged into RULE_TITLES (src/core/messages/titles.ts). */
export const SCHEDULE_RULE_TITLES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  "zh-CN": {
    "schedule.date.month": "日期与月份不符",
    "schedule.date.year": "日期不在计划年度",
    "schedule.attendance.exceeds": "实到多于应到",
    "schedule.attendance.missing": "已完成未填实到人数",
    "schedule.attendance.quorum": "到会不足半数",
    "schedule.attendance.low": "到会率偏低",
    "schedule.overdue": "已过期仍为计划",
    "schedule.duplicate": "活动重复登记",
    "schedule.frequency": "活动次数不足",
  },
  en: {
    "schedule.date.month": "Date not in its month",
    "schedule.date.year": "Date outside the plan year",
    "schedule.attendance.exceeds": "More attended than expected",
    "schedule.attendance.missing": "Done without attendance",
    "schedule.attendance.quorum": "Less than half attended",
    "schedule.attendance.low": "Low attendance",
    "schedule.overdue": "Past date still planned",
    "schedule.duplicate": "Duplicate event",
    "schedule.frequency": "Too few meetings",
  },
};
