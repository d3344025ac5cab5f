/** The 设置 items' names, notes and default values in each language (the sheet itself is always Chinese). */
import type { Lang } from "./types";
import { DEFAULT_SEMESTERS, SETTING_DEFS, type SettingDef, type SettingValue, describeDefault } from "../settings";
import { isCellDate } from "../coerce";
import { formatDate } from "../dates";

const SETTINGS_EN: Readonly<Record<string, { readonly label: string; readonly note: string }>> = {
  branchName: { label: "Branch name", note: "Used in titles and exports" },
  asOf: { label: "As-of date", note: "Empty means today; everything due or overdue is judged on this date" },
  year: {
    label: "Year",
    note: "Empty: the year most dates of the monthly schedule are in, else the year of the as-of date",
  },
  generalMeetingPerQuarter: {
    label: "General meetings per quarter",
    note: "Three meetings and one lecture: at least one a quarter",
  },
  committeePerMonth: { label: "Committee meetings per month", note: "Usually one a month" },
  groupMeetingPerMonth: { label: "Party group meetings per month", note: "Usually one a month" },
  lecturePerQuarter: { label: "Party lectures per quarter", note: "At least one a quarter" },
  generalMeetingPerSemester: {
    label: "General meetings per semester",
    note: "For schools that plan by semester, e.g. 2; empty: not checked",
  },
  lecturePerSemester: {
    label: "Party lectures per semester",
    note: "For schools that plan by semester; empty: not checked",
  },
  semesters: {
    label: "Semesters",
    note: "First and last month of the spring and the autumn semester, e.g. 3–7, 9–1 (autumn may end in January of the next year)",
  },
  partyDayPerMonth: { label: "Theme party days per month", note: "On a fairly fixed day each month" },
  lifeMeetingPerYear: { label: "Organisational life meetings per year", note: "Usually one a year" },
  appraisalPerYear: { label: "Democratic appraisals per year", note: "Usually one a year" },
  attendanceWarn: { label: "Attendance warning line", note: "Write 80%, 0.8 or 80" },
  excellentScore: { label: "Excellent from (total)", note: "A total of at least this is Excellent" },
  passScore: { label: "Competent from (total)", note: "A total of at least this is Competent" },
  basicPassScore: {
    label: "Basically competent from (total)",
    note: "A total of at least this is Basically competent",
  },
  evalExcellentQuota: {
    label: "Evaluation: Excellent quota",
    note: "Excellent for at most the people graded × this share (rounded down)",
  },
  bonusCap: { label: "Bonus cap", note: "Bonus points may not exceed this" },
  ballotExcellentQuota: { label: "Appraisal: Excellent quota", note: "The highest share of members rated Excellent" },
};

export function settingLabel(def: SettingDef, lang: Lang): string {
  return lang === "en" ? (SETTINGS_EN[def.key]?.label ?? def.key) : def.label;
}

export function settingNote(def: SettingDef, lang: Lang): string {
  return lang === "en" ? (SETTINGS_EN[def.key]?.note ?? "") : def.note;
}

/** The 设置 item with this Chinese label (as the sheet and the issue params name it). */
export function settingByLabel(label: string): SettingDef | undefined {
  return SETTING_DEFS.find((d) => d.label === label);
}

/** 学期划分 as read (`3—7月，9月—次年1月`) in `lang`: in English `3–7, 9–1`, which reads back the same. */
export function semestersText(value: string, lang: Lang): string {
  if (lang === "zh-CN") return value;
  const m = value.match(/\d+/g);
  if (!m || m.length !== 4) return value;
  return `${m[0]}–${m[1]}, ${m[2]}–${m[3]}`;
}

/** A setting value as the user would type it: dates yyyy-mm-dd, percentages as 80%, semesters as above. */
export function settingValueText(def: SettingDef, v: SettingValue | undefined, lang: Lang): string {
  if (v === null || v === undefined) return "";
  if (isCellDate(v)) return formatDate(v);
  if (def.type === "percent" && typeof v === "number") return `${Math.round(v * 10000) / 100}%`;
  if (def.type === "semesters" && typeof v === "string") return semestersText(v, lang);
  return String(v);
}

/** What an empty item means, in `lang` (describeDefault in Chinese). */
export function settingDefaultText(def: SettingDef, lang: Lang): string {
  if (lang === "zh-CN") return describeDefault(def);
  const v = def.defaultValue;
  if (v === null) return def.type === "date" ? "today" : def.type === "count" ? "not checked" : "the year of the dates";
  if (def.type === "semesters") return semestersText(DEFAULT_SEMESTERS, lang);
  return describeDefault(def);
}
