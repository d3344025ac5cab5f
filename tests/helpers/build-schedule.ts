/**
 * Builders for in-memory 月度工作安排 (schedule) workbooks, written from SPEC §2.2 / §3 independently of src/:
 * headers and aliases are copied from the SPEC's table, and the "clean year" of meetings below is laid out here
 * from the SPEC's default frequencies (支部党员大会 and 党课 each quarter; 支部委员会, 党小组会 and 主题党日 each
 * month; 组织生活会 and 民主评议党员 once a year), not taken from the implementation.
 */
import type { CellDate, CellValue, Issue, SheetSnapshot } from "../../src/core/types";
import type { ValidateOptions, ValidationResult } from "../../src/core/engine";
import { AS_OF, type BuiltSheet, columnLetter, date, settingsSheet, validate, workbook } from "./build";

/** SPEC §3 schedule rule ids. */
export const SCHEDULE_RULE_IDS = [
  "schedule.date.month",
  "schedule.date.year",
  "schedule.attendance.exceeds",
  "schedule.attendance.missing",
  "schedule.attendance.quorum",
  "schedule.attendance.low",
  "schedule.overdue",
  "schedule.duplicate",
  "schedule.frequency",
] as const;

/** SPEC §2.2 field keys in table order: A 月份, B 日期, C 活动类型, D 内容, E 负责人, F 参加对象, G 地点, H 应到人数, I 实到人数, J 状态, K 备注. */
export const SCHEDULE_FIELDS = [
  "month",
  "date",
  "type",
  "topic",
  "owner",
  "participants",
  "location",
  "expected",
  "attended",
  "status",
  "note",
] as const;

export type ScheduleKey = (typeof SCHEDULE_FIELDS)[number];

export const SCHEDULE_CANONICAL: Readonly<Record<ScheduleKey, string>> = {
  month: "月份",
  date: "日期",
  type: "活动类型",
  topic: "内容",
  owner: "负责人",
  participants: "参加对象",
  location: "地点",
  expected: "应到人数",
  attended: "实到人数",
  status: "状态",
  note: "备注",
};

export const SCHEDULE_ALIASES: Readonly<Record<ScheduleKey, readonly string[]>> = {
  month: ["月"],
  date: ["时间", "活动日期"],
  type: ["类型", "会议类型", "类别"],
  topic: ["主题", "工作内容", "活动内容", "议题"],
  owner: ["责任人", "负责部门", "组织者", "主持人"],
  participants: ["参加人员"],
  location: [],
  expected: ["应到"],
  attended: ["实到"],
  status: ["完成情况"],
  note: [],
};

export type ScheduleRow = Partial<Record<ScheduleKey, CellValue>> & Record<string, CellValue | undefined>;

/** A held 支部委员会 of 5 committee members, all present, on 2026-03-05. */
export function baseEvent(over: ScheduleRow = {}): ScheduleRow {
  return {
    month: 3,
    date: date(2026, 3, 5),
    type: "支部委员会",
    topic: "研究3月份党建工作",
    owner: "支部书记",
    participants: "支委委员",
    location: "党员活动室",
    expected: 5,
    attended: 5,
    status: "已完成",
    note: null,
    ...over,
  };
}

function dayNumber(d: CellDate): number {
  return Date.UTC(d.y, d.m - 1, d.d === 0 ? 1 : d.d) / 86400000;
}

/**
 * Every meeting the default 设置 requires in `year`, one row each: 支部委员会 on the 5th, 党小组会 on the 12th,
 * 主题党日 on the 20th of every month; 支部党员大会 on the 25th and 党课 on the 26th of each quarter's last
 * month; 组织生活会 on 15 December and 民主评议党员 on 18 December. Events before `asOf` are 已完成 with full
 * attendance, the others 计划. Rows are in date order, so row i of the result is sheet row 3 + i.
 */
export function cleanYear(year = 2026, asOf: CellDate = AS_OF): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  const add = (m: number, d: number, type: string, topic: string, expected: number) => {
    const on = date(year, m, d);
    const held = dayNumber(on) < dayNumber(asOf);
    rows.push({
      month: m,
      date: on,
      type,
      topic,
      owner: "支部",
      participants: "全体党员",
      location: "会议室",
      expected,
      attended: held ? expected : null,
      status: held ? "已完成" : "计划",
      note: null,
    });
  };
  for (let m = 1; m <= 12; m++) {
    add(m, 5, "支部委员会", `研究${m}月份党建工作`, 5);
    add(m, 12, "党小组会", `${m}月党小组学习`, 9);
    add(m, 20, "主题党日", `${m}月主题党日`, 27);
    if (m % 3 === 0) {
      add(m, 25, "支部党员大会", `第${m / 3}季度支部党员大会`, 27);
      add(m, 26, "党课", `第${m / 3}季度党课`, 27);
    }
  }
  add(12, 15, "组织生活会", "年度组织生活会", 27);
  add(12, 18, "民主评议党员", "年度民主评议党员", 27);
  return rows.sort((a, b) => dayNumber(a.date as CellDate) - dayNumber(b.date as CellDate));
}

export interface ScheduleSheetOptions {
  name?: string;
  /** Field keys in column order (default: all, SPEC order). */
  fields?: readonly string[];
  /** Header text per field key (default canonical). */
  headers?: Readonly<Record<string, string>>;
  /** A merged title row above the header (default "第一党支部月度工作安排"); null for none. */
  title?: string | null;
}

/** A schedule sheet: title row 1 (merged), header row 2, data from row 3 (a `null` row is blank). */
export function scheduleSheet(rows: ReadonlyArray<ScheduleRow | null>, opts: ScheduleSheetOptions = {}): BuiltSheet {
  const fields = opts.fields ?? SCHEDULE_FIELDS;
  const values: CellValue[][] = [];
  const title = opts.title === undefined ? "第一党支部月度工作安排" : opts.title;
  const merges = [];
  if (title !== null) {
    values.push([title, ...fields.slice(1).map(() => null)]);
    merges.push({ top: 1, left: 1, bottom: 1, right: fields.length });
  }
  const headerIndex = values.length;
  values.push(fields.map((k) => opts.headers?.[k] ?? (SCHEDULE_CANONICAL as Record<string, string>)[k] ?? k));
  for (const r of rows) values.push(fields.map((k) => (r ? (r[k] ?? null) : null)));
  const headerRow = 1 + headerIndex;
  const col = (key: string): string => {
    const i = fields.indexOf(key);
    if (i < 0) throw new Error(`no column for ${key}`);
    return columnLetter(1 + i);
  };
  return {
    sheet: { name: opts.name ?? "月度工作安排", values, merges },
    headerRow,
    rowOf: (i) => headerRow + 1 + i,
    col,
    cell: (key, i) => col(key) + String(headerRow + 1 + i),
  };
}

export interface ScheduleRun {
  readonly result: ValidationResult;
  readonly built: BuiltSheet;
  readonly issues: readonly Issue[];
  of(rule: string): Issue[];
  at(rule: string, i: number): Issue[];
}

/**
 * Builds a one-sheet schedule workbook (plus a 设置 sheet when `settings` is given) and validates it
 * (as-of 2026-11-21 unless `validate.asOf` says otherwise).
 */
export function runSchedule(
  rows: ReadonlyArray<ScheduleRow | null>,
  opts: ScheduleSheetOptions & {
    settings?: ReadonlyArray<readonly [string, CellValue]>;
    validate?: ValidateOptions;
    extraSheets?: SheetSnapshot[];
  } = {},
): ScheduleRun {
  const built = scheduleSheet(rows, opts);
  const sheets = [built.sheet, ...(opts.settings ? [settingsSheet(opts.settings)] : []), ...(opts.extraSheets ?? [])];
  const result = validate(workbook(...sheets), opts.validate);
  const of = (rule: string) => result.issues.filter((i) => i.rule === rule);
  return {
    result,
    built,
    issues: result.issues,
    of,
    at: (rule, i) => of(rule).filter((x) => x.row === built.rowOf(i)),
  };
}
