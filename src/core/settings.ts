import type { CellDate, CellValue, Issue, SheetSnapshot } from "./types";
import { cellAddress } from "./address";
import { compactText, normalizeHeader } from "./text";
import { isCellDate } from "./coerce";
import { parseNumberDate, parseTextDate } from "./dates";
import { headerText } from "./header";

export type SettingType = "text" | "date" | "year" | "count" | "percent" | "score" | "semesters";
export type SettingValue = string | number | CellDate | null;

export interface SettingDef {
  readonly key: string;
  readonly label: string;
  readonly type: SettingType;
  readonly defaultValue: SettingValue;
  /** Shown beside the value in generated 设置 sheets. */
  readonly note: string;
}

export const SETTINGS_SHEET = "设置";

/** 学期 = 2–7月 (春季) and 8月–次年1月 (秋季) unless 设置 学期划分 says otherwise. */
export const DEFAULT_SEMESTERS = "2—7月，8月—次年1月";

/** The 设置 sheet's items. A null default means "derived" (today, the as-of year), or for a count "not checked". */
export const SETTING_DEFS: readonly SettingDef[] = [
  { key: "branchName", label: "支部名称", type: "text", defaultValue: "", note: "用于标题和导出" },
  {
    key: "asOf",
    label: "统计截止日期",
    type: "date",
    defaultValue: null,
    note: "留空为今天；所有“到期”“逾期”按此日期判断",
  },
  {
    key: "year",
    label: "年度",
    type: "year",
    defaultValue: null,
    note: "留空时取月度工作安排中日期最多的年份，再默认统计截止日期所在年份",
  },
  {
    key: "generalMeetingPerQuarter",
    label: "支部党员大会每季度次数",
    type: "count",
    defaultValue: 1,
    note: "三会一课：每季度至少召开一次",
  },
  { key: "committeePerMonth", label: "支部委员会每月次数", type: "count", defaultValue: 1, note: "一般每月召开一次" },
  { key: "groupMeetingPerMonth", label: "党小组会每月次数", type: "count", defaultValue: 1, note: "一般每月召开一次" },
  { key: "lecturePerQuarter", label: "党课每季度次数", type: "count", defaultValue: 1, note: "每季度至少一次" },
  {
    key: "generalMeetingPerSemester",
    label: "支部党员大会每学期次数",
    type: "count",
    defaultValue: null,
    note: "学校按学期安排时填写，如 2；留空为不检查",
  },
  {
    key: "lecturePerSemester",
    label: "党课每学期次数",
    type: "count",
    defaultValue: null,
    note: "学校按学期安排时填写；留空为不检查",
  },
  {
    key: "semesters",
    label: "学期划分",
    type: "semesters",
    defaultValue: DEFAULT_SEMESTERS,
    note: "春季学期和秋季学期的起止月份，如 3—7月，9月—次年1月",
  },
  { key: "partyDayPerMonth", label: "主题党日每月次数", type: "count", defaultValue: 1, note: "每月相对固定一天" },
  { key: "lifeMeetingPerYear", label: "组织生活会每年次数", type: "count", defaultValue: 1, note: "一般每年一次" },
  { key: "appraisalPerYear", label: "民主评议党员每年次数", type: "count", defaultValue: 1, note: "一般每年一次" },
  { key: "attendanceWarn", label: "到会率预警线", type: "percent", defaultValue: 0.8, note: "可写 80%、0.8 或 80" },
  { key: "excellentScore", label: "优秀分数线", type: "score", defaultValue: 90, note: "总分不低于此分为优秀" },
  { key: "passScore", label: "合格分数线", type: "score", defaultValue: 70, note: "总分不低于此分为合格" },
  { key: "basicPassScore", label: "基本合格分数线", type: "score", defaultValue: 60, note: "总分不低于此分为基本合格" },
  {
    key: "evalExcellentQuota",
    label: "考核优秀比例上限",
    type: "percent",
    defaultValue: 0.2,
    note: "优秀人数不超过参评人数×比例（向下取整）",
  },
  { key: "bonusCap", label: "加分上限", type: "score", defaultValue: 5, note: "加分不得超过此分" },
  {
    key: "ballotExcellentQuota",
    label: "评议优秀比例上限",
    type: "percent",
    defaultValue: 1 / 3,
    note: "评定为优秀的人数比例上限",
  },
];

export interface Settings {
  readonly values: Readonly<Record<string, SettingValue>>;
  /** Keys whose value came from the sheet rather than the default. */
  readonly given: ReadonlySet<string>;
}

const byLabel = new Map(SETTING_DEFS.map((d) => [normalizeHeader(d.label), d]));

export function defaultSettings(): Settings {
  const values: Record<string, SettingValue> = {};
  for (const d of SETTING_DEFS) values[d.key] = d.defaultValue;
  return { values, given: new Set() };
}

/** "20%", "0.2", "20" and "1/5" all mean 0.2: below 1 is a fraction, 1 or more a percentage. */
export function parsePercent(v: CellValue): number | null {
  let n: number | null = null;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    const t = compactText(v);
    let m = /^(\d+(?:\.\d+)?)%$/.exec(t);
    if (m) return Number(m[1]) / 100 <= 1 ? Number(m[1]) / 100 : null;
    m = /^(\d+)\/(\d+)$/.exec(t);
    if (m) {
      const den = Number(m[2]);
      return den > 0 && Number(m[1]) <= den ? Number(m[1]) / den : null;
    }
    if (/^\d+(?:\.\d+)?$/.test(t)) n = Number(t);
  }
  if (n === null || !Number.isFinite(n) || n < 0) return null;
  const f = n < 1 ? n : n / 100;
  return f <= 1 ? f : null;
}

function parseNumber(v: CellValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") {
    const t = compactText(v).replace(/[次分]$/, "");
    return /^\d+(?:\.\d+)?$/.test(t) ? Number(t) : null;
  }
  return null;
}

export function parseSettingValue(def: SettingDef, v: CellValue): SettingValue | undefined {
  switch (def.type) {
    case "text":
      return headerText(v).trim();
    case "date":
      if (isCellDate(v)) return v.d === 0 ? undefined : v;
      if (typeof v === "number") {
        const d = parseNumberDate(v);
        return d && d.d !== 0 ? d : undefined;
      }
      if (typeof v === "string") {
        const d = parseTextDate(v);
        return d && d.d !== 0 ? d : undefined;
      }
      return undefined;
    case "year": {
      const n = parseNumber(typeof v === "string" ? v.replace(/年$/, "") : v);
      return n !== null && Number.isInteger(n) && n >= 1900 && n <= 2999 ? n : undefined;
    }
    case "count": {
      const n = parseNumber(v);
      return n !== null && Number.isInteger(n) && n >= 0 ? n : undefined;
    }
    case "score": {
      const n = parseNumber(v);
      return n !== null && n >= 0 ? n : undefined;
    }
    case "percent":
      return parsePercent(v) ?? undefined;
    case "semesters":
      return parseSemesterText(v);
  }
}

/** The months of the two semesters: spring `first`–`last` within a year, autumn from `first` possibly into the next. */
export interface Semesters {
  readonly spring: { readonly first: number; readonly last: number };
  readonly autumn: { readonly first: number; readonly last: number };
}

/**
 * 学期划分 as written: `2—7月，8月—次年1月`, `3-7,9-1`, or just the spring semester `3-8` (autumn is the rest of the
 * year). A cell Excel turned into a date (`2-7` → 7 February) is read back as months. Normalised to `3—7月，9月—次年1月`.
 */
function parseSemesterText(v: CellValue): string | undefined {
  let months: number[];
  if (isCellDate(v)) months = [v.m, v.d];
  else if (typeof v === "string") months = (compactText(v).match(/\d+/g) ?? []).map(Number);
  else return undefined;
  if (months.length === 2) months = [months[0]!, months[1]!, (months[1]! % 12) + 1, ((months[0]! + 10) % 12) + 1];
  if (months.length !== 4 || months.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) return undefined;
  const [a, b, c, d] = months as [number, number, number, number];
  // Spring lies within one year; autumn begins after it and, when it runs into the next year, ends before spring.
  if (a > b || c <= b || (d < c && d >= a)) return undefined;
  return `${a}—${b}月，${c}月—${d < c ? "次年" : ""}${d}月`;
}

/** The semesters in force (学期划分, else the default). */
export function semestersOf(settings: Settings): Semesters {
  const v = settings.values["semesters"];
  const text = (typeof v === "string" && parseSemesterText(v)) || parseSemesterText(DEFAULT_SEMESTERS)!;
  const [a, b, c, d] = (text.match(/\d+/g) ?? []).map(Number) as [number, number, number, number];
  return { spring: { first: a, last: b }, autumn: { first: c, last: d } };
}

export function isSettingsSheet(name: string): boolean {
  return compactText(name) === SETTINGS_SHEET;
}

/** Reads a two-column 项目 | 值 sheet; unknown items are ignored, unreadable values keep the default. */
export function readSettings(sheet: SheetSnapshot): { settings: Settings; issues: Issue[] } {
  const values: Record<string, SettingValue> = defaultSettings().values as Record<string, SettingValue>;
  const given = new Set<string>();
  const issues: Issue[] = [];
  const originRow = sheet.originRow ?? 1;
  const originCol = sheet.originCol ?? 1;
  sheet.values.forEach((cells, r) => {
    const labelIndex = cells.findIndex((c) => headerText(c).trim() !== "");
    if (labelIndex < 0) return;
    const def = byLabel.get(normalizeHeader(headerText(cells[labelIndex])));
    if (!def) return;
    const raw = cells[labelIndex + 1] ?? null;
    if (raw === null || headerText(raw).trim() === "") return;
    const parsed = parseSettingValue(def, raw);
    if (parsed === undefined || parsed === null) {
      const row = originRow + r;
      issues.push({
        rule: "settings.value",
        severity: "warning",
        sheet: sheet.name,
        cell: cellAddress(row, originCol + labelIndex + 1),
        row,
        field: def.key,
        params: { item: def.label, value: headerText(raw), fallback: describeDefault(def) },
        person: null,
      });
      return;
    }
    values[def.key] = parsed;
    given.add(def.key);
  });
  return { settings: { values, given }, issues };
}

export function describeDefault(def: SettingDef): string {
  const v = def.defaultValue;
  if (v === null) return def.type === "date" ? "今天" : def.type === "count" ? "不检查" : "按日期推断的年份";
  if (def.type === "percent" && typeof v === "number") return `${Math.round(v * 10000) / 100}%`;
  return String(v);
}

export function settingNumber(settings: Settings, key: string): number {
  const v = settings.values[key];
  if (typeof v === "number") return v;
  const def = SETTING_DEFS.find((d) => d.key === key);
  return typeof def?.defaultValue === "number" ? def.defaultValue : 0;
}
