/**
 * Builders for in-memory workbook snapshots used by the core tests.
 *
 * Everything here is written from SPEC.md, independently of src/: the headers and aliases are copied from the
 * SPEC's tables, and the ID check character (ISO 7064 MOD 11-2) is computed here rather than imported, so the
 * tests check the implementation instead of echoing it.
 */
import type { CellDate, CellValue, Issue, MergeRange, SheetSnapshot, WorkbookSnapshot } from "../../src/core/types";
import { type ValidateOptions, type ValidationResult, validateWorkbook } from "../../src/core/engine";

/** The fixed 统计截止日期 of every test: 2026-11-21. */
export const AS_OF: CellDate = { kind: "date", y: 2026, m: 11, d: 21 };

export function date(y: number, m: number, d: number): CellDate {
  return { kind: "date", y, m, d };
}

/** SPEC §2.1 field keys in table order. */
export const ROSTER_FIELDS = [
  "seq",
  "name",
  "gender",
  "ethnicity",
  "idNumber",
  "birthDate",
  "education",
  "post",
  "group",
  "category",
  "employment",
  "applicationDate",
  "activistDate",
  "candidateDate",
  "admissionDate",
  "fullDate",
  "phone",
  "duesBase",
  "dues",
  "note",
] as const;

export type RosterKey = (typeof ROSTER_FIELDS)[number];

/** Canonical headers (SPEC §2.1, without the " *" marker). */
export const CANONICAL: Readonly<Record<RosterKey, string>> = {
  seq: "序号",
  name: "姓名",
  gender: "性别",
  ethnicity: "民族",
  idNumber: "身份证号",
  birthDate: "出生日期",
  education: "学历",
  post: "工作岗位",
  group: "党小组",
  category: "人员类别",
  employment: "在职状态",
  applicationDate: "申请入党日期",
  activistDate: "确定积极分子日期",
  candidateDate: "确定发展对象日期",
  admissionDate: "入党日期",
  fullDate: "转正日期",
  phone: "联系电话",
  duesBase: "党费基数",
  dues: "月缴党费",
  note: "备注",
};

/** Aliases (SPEC §2.1). */
export const ALIASES: Readonly<Record<RosterKey, readonly string[]>> = {
  seq: ["编号"],
  name: ["党员姓名"],
  gender: [],
  ethnicity: [],
  idNumber: ["身份证号码", "公民身份号码", "身份证"],
  birthDate: ["出生年月"],
  education: ["文化程度", "最高学历"],
  post: ["岗位", "职务", "职称"],
  group: ["所在党小组"],
  category: ["类别", "党员类别", "政治面貌"],
  employment: ["人员状态", "在职/退休"],
  applicationDate: ["递交入党申请书日期", "申请入党时间"],
  activistDate: ["确定为入党积极分子时间", "积极分子日期"],
  candidateDate: ["确定为发展对象时间", "发展对象日期"],
  admissionDate: ["入党时间", "接收预备党员日期"],
  fullDate: ["转正时间"],
  phone: ["手机", "手机号", "电话"],
  duesBase: ["月收入", "计算基数", "党费计算基数"],
  dues: ["每月党费", "党费", "月党费"],
  note: [],
};

export const REQUIRED_KEYS: readonly RosterKey[] = ["name", "gender", "idNumber", "category"];

// ---------------------------------------------------------------------------------------------- ID numbers

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"];

/** ISO 7064 MOD 11-2 check character of 17 digits (GB 11643), computed independently of src/. */
export function mod112(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`mod112 needs 17 digits, got ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** A valid 18-digit id: region (6 digits) + birth yyyymmdd + 3-digit sequence (odd last digit = 男) + check. */
export function makeId(birth = "19850615", seq = "123", region = "110105"): string {
  const first17 = region + birth + seq;
  return first17 + mod112(first17);
}

/** The same id with a wrong check character. */
export function badCheck(id: string): string {
  const right = id.slice(-1).toUpperCase();
  const wrong = right === "1" ? "2" : "1";
  return id.slice(0, 17) + wrong;
}

/** 15-digit legacy id upgraded per GB 11643: "19" inserted before the year, check character appended. */
export function upgrade15(id15: string): string {
  const first17 = id15.slice(0, 6) + "19" + id15.slice(6);
  return first17 + mod112(first17);
}

/** A published example id (born 1949-12-31, female, check X). */
export const EXAMPLE_ID = "11010519491231002X";

// ---------------------------------------------------------------------------------------------- rows

export type RosterRow = Partial<Record<RosterKey, CellValue>> & Record<string, CellValue | undefined>;

/**
 * A valid 正式党员, 在职, base 4500 → dues 45 (1 %): born 1985-06-15 (male, id digit 17 = 3), applied at 19,
 * activist → candidate 13 months, admitted 2007-06-01, full exactly a year later.
 */
export function basePerson(over: RosterRow = {}): RosterRow {
  return {
    seq: 1,
    name: "张伟",
    gender: "男",
    ethnicity: "汉族",
    idNumber: makeId("19850615", "123"),
    birthDate: date(1985, 6, 15),
    education: "大学本科",
    post: "语文教师",
    group: "第一党小组",
    category: "正式党员",
    employment: "在职",
    applicationDate: date(2005, 3, 1),
    activistDate: date(2005, 9, 1),
    candidateDate: date(2006, 10, 1),
    admissionDate: date(2007, 6, 1),
    fullDate: date(2008, 6, 1),
    phone: "13812345678",
    duesBase: 4500,
    dues: 45,
    note: null,
    ...over,
  };
}

/** A valid 预备党员 (no 转正日期) admitted on `admission`. */
export function probationer(admission: CellValue, over: RosterRow = {}): RosterRow {
  return basePerson({
    category: "预备党员",
    applicationDate: date(2021, 3, 1),
    activistDate: date(2021, 9, 1),
    candidateDate: date(2022, 10, 1),
    admissionDate: admission,
    fullDate: null,
    ...over,
  });
}

// ---------------------------------------------------------------------------------------------- sheets

export function columnLetter(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export interface RosterOptions {
  name?: string;
  /** Field keys in column order (default: all, SPEC order). Unknown strings become extra columns. */
  fields?: readonly string[];
  /** Header text per field key (default canonical); for an extra column, the key itself is the header. */
  headers?: Readonly<Record<string, string>>;
  /** A merged title row above the header (default "第一党支部党员花名册"); null for none. */
  title?: string | null;
  /** Rows placed above the header (after the title). */
  above?: ReadonlyArray<ReadonlyArray<CellValue>>;
  merges?: readonly MergeRange[];
  originRow?: number;
  originCol?: number;
}

export interface BuiltSheet {
  readonly sheet: SheetSnapshot;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  /** 1-based sheet row of data row i (0-based, counting blank `null` rows too). */
  rowOf(i: number): number;
  /** Column letter of a field. */
  col(key: string): string;
  /** A1 address of field `key` on data row i. */
  cell(key: string, i: number): string;
}

/**
 * A roster sheet: optional title row (value in A1, merged across), optional `above` rows, header row, then
 * the rows (a `null` row is a fully blank row).
 */
export function rosterSheet(rows: ReadonlyArray<RosterRow | null>, opts: RosterOptions = {}): BuiltSheet {
  const fields = opts.fields ?? ROSTER_FIELDS;
  const originRow = opts.originRow ?? 1;
  const originCol = opts.originCol ?? 1;
  const values: CellValue[][] = [];
  const merges: MergeRange[] = [];
  const title = opts.title === undefined ? "第一党支部党员花名册" : opts.title;
  if (title !== null) {
    values.push([title, ...fields.slice(1).map(() => null)]);
    merges.push({
      top: originRow,
      left: originCol,
      bottom: originRow,
      right: originCol + fields.length - 1,
    });
  }
  for (const r of opts.above ?? []) values.push([...r]);
  const headerIndex = values.length;
  values.push(fields.map((k) => opts.headers?.[k] ?? (CANONICAL as Record<string, string>)[k] ?? k));
  for (const r of rows) values.push(fields.map((k) => (r ? (r[k] ?? null) : null)));
  const headerRow = originRow + headerIndex;
  const col = (key: string): string => {
    const i = fields.indexOf(key);
    if (i < 0) throw new Error(`no column for ${key}`);
    return columnLetter(originCol + i);
  };
  return {
    sheet: {
      name: opts.name ?? "党员花名册",
      values,
      originRow,
      originCol,
      merges: [...merges, ...(opts.merges ?? [])],
    },
    headerRow,
    rowOf: (i) => headerRow + 1 + i,
    col,
    cell: (key, i) => col(key) + String(headerRow + 1 + i),
  };
}

/** A 设置 sheet: 项目 | 值 header then one row per item. */
export function settingsSheet(items: ReadonlyArray<readonly [string, CellValue]>, name = "设置"): SheetSnapshot {
  return { name, values: [["项目", "值"], ...items.map(([k, v]) => [k, v])] };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { name: "test.xlsx", sheets };
}

/** validateWorkbook with as-of fixed to 2026-11-21 unless given. */
export function validate(wb: WorkbookSnapshot, opts: ValidateOptions = {}): ValidationResult {
  return validateWorkbook(wb, { asOf: AS_OF, ...opts });
}

export interface RosterRun {
  readonly result: ValidationResult;
  readonly built: BuiltSheet;
  readonly issues: readonly Issue[];
  /** Issues of one rule. */
  of(rule: string): Issue[];
  /** Issues of one rule on data row i. */
  at(rule: string, i: number): Issue[];
}

/** Builds a one-sheet roster workbook (plus optional extra sheets) and validates it. */
export function runRoster(
  rows: ReadonlyArray<RosterRow | null>,
  opts: RosterOptions & {
    validate?: ValidateOptions;
    extraSheets?: SheetSnapshot[];
  } = {},
): RosterRun {
  const built = rosterSheet(rows, opts);
  const result = validate(workbook(built.sheet, ...(opts.extraSheets ?? [])), opts.validate);
  const of = (rule: string) => result.issues.filter((i) => i.rule === rule);
  return {
    result,
    built,
    issues: result.issues,
    of,
    at: (rule, i) => of(rule).filter((x) => x.row === built.rowOf(i)),
  };
}

/** Rule ids of issues, sorted, for readable failure messages. */
export function ruleIds(issues: readonly Issue[]): string[] {
  return [...new Set(issues.map((i) => i.rule))].sort();
}
