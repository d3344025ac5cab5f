/**
 * District aggregation (SPEC §5 `zhibu aggregate`): many branches' summaries (the plain objects of
 * `summarize --format json`, §5.2) combined into one table per template with one row per branch and a 合计 row.
 *
 * The tables are data: each column says which figure of a branch's summary it reads (a path, a sum over a map,
 * a count of list items) or which two summed columns it divides. Totals sum the figures; rates in the 合计 row
 * are recomputed from the summed counts, never averaged.
 */
import type { SummaryTable } from "./table";
import type { FilePivot, PivotDataTable } from "./pivot-data";
import { rate } from "./types";
import { templateById } from "../templates";
import { CATEGORY } from "../templates/roster";
import { GRADES } from "../templates/evaluation";
import { BALLOT_RESULTS } from "../templates/ballot";
import { STEP_LABELS } from "./roster-tables";
import { DEVELOPMENT_STEPS, type DevelopmentThisYear, PARTY_AGE_BANDS } from "./roster-year";

/** How one number is read from a branch's summary of one template. */
export type Figure =
  /** The number at a dotted path ("excellentQuota.limit"); 0 when missing. */
  | { readonly value: string }
  /**
   * Every number under the path, however deeply nested ("byMonthType": month → type → n); with `field`, that
   * field of each entry of the map or list at the path ("attendanceTotals" → each type's `attended`).
   */
  | { readonly sum: string; readonly field?: string }
  /** How many entries the list at the path has, optionally only those whose `field` equals `equals`. */
  | { readonly count: string; readonly where?: { readonly field: string; readonly equals: string } };

/** A column of summed figures; `id` (default: the header) is what rate columns refer to. */
export interface SumColumn {
  readonly header: string;
  readonly id?: string;
  readonly figure: Figure;
  /** Decimal places kept (money: 2); sums are exact to that many places. Default 0. */
  readonly decimals?: number;
}

/** A fraction of two sum columns (by id), recomputed for every row including 合计. */
export interface RateColumn {
  readonly header: string;
  readonly part: string;
  readonly whole: string;
}

/**
 * One column per key of a count map (`order` first, zeros included, then any key some branch has), each with
 * id `path.key`, and optionally a column summing them all (id `path`).
 */
export interface KeyColumns {
  readonly keysOf: string;
  /** What the keys are (人员类别): the district data sheet's column of them, which PivotTables put across. */
  readonly keyHeader?: string;
  readonly order: readonly string[];
  readonly total?: string;
}

export type ColumnSpec = SumColumn | RateColumn | KeyColumns;

export interface AggregateTableSpec {
  readonly title: string;
  readonly columns: readonly ColumnSpec[];
}

/** The district tables of each template, in output order. */
export const AGGREGATE_TABLES: Readonly<Record<string, readonly AggregateTableSpec[]>> = {
  roster: [
    {
      title: "党员基本情况",
      columns: [
        { header: "党员总数", id: "members", figure: { value: "members" } },
        { header: "女党员", id: "women", figure: { value: "women" } },
        { header: "女党员比例", part: "women", whole: "members" },
        { header: "少数民族党员", id: "minorities", figure: { value: "minorities" } },
        { header: "少数民族比例", part: "minorities", whole: "members" },
        { header: "大专及以上", id: "college", figure: { value: "collegeOrAbove" } },
        { header: "大专及以上比例", part: "college", whole: "members" },
        { header: "月缴党费合计（元）", figure: { value: "duesMonthlyTotal" }, decimals: 2 },
        { header: "预备期满未转正", figure: { count: "probationTodo", where: { field: "status", equals: "overdue" } } },
        { header: "30天内到期转正", figure: { count: "probationTodo", where: { field: "status", equals: "due" } } },
      ],
    },
    {
      title: "按人员类别（全部人员）",
      columns: [{ keysOf: "byCategory", keyHeader: "人员类别", order: Object.values(CATEGORY), total: "合计" }],
    },
    // The year's figures (roster-year.ts), under the roster section's own titles and labels.
    {
      title: "本年度发展党员情况",
      columns: STEP_LABELS.map(([key, label]) => ({
        header: label,
        figure: { value: `developmentThisYear.${key}.count` },
      })),
    },
    { title: "按党龄（年）", columns: [{ keysOf: "partyAgeBands", order: PARTY_AGE_BANDS, total: "合计" }] },
    {
      title: "青年党员和老党员",
      columns: [
        { header: "党员总数", id: "members", figure: { value: "members" } },
        { header: "35岁及以下党员", id: "upTo35", figure: { value: "upTo35.count" } },
        { header: "35岁及以下比例", part: "upTo35", whole: "members" },
        { header: "党龄50年及以上（光荣在党50年）", id: "fiftyYears", figure: { value: "fiftyYears.count" } },
      ],
    },
  ],
  schedule: [
    {
      title: "活动完成情况（截至统计截止日期）",
      columns: [
        { header: "活动次数（不含已取消）", figure: { sum: "byMonthType" } },
        { header: "应完成", id: "due", figure: { value: "dueToDate" } },
        { header: "已完成", id: "completed", figure: { value: "completed" } },
        { header: "完成率", part: "completed", whole: "due" },
        { header: "实到人次", id: "attended", figure: { sum: "attendanceTotals", field: "attended" } },
        { header: "应到人次", id: "expected", figure: { sum: "attendanceTotals", field: "expected" } },
        { header: "到会率", part: "attended", whole: "expected" },
        { header: "次数不足（项）", figure: { count: "shortfalls" } },
      ],
    },
  ],
  evaluation: [
    {
      title: "考核等次",
      columns: [
        { keysOf: "byGrade", keyHeader: "考核等次", order: GRADES, total: "参评人数" },
        { header: "优秀比例", part: "byGrade.优秀", whole: "byGrade" },
        { header: "优秀上限", figure: { value: "excellentQuota.limit" } },
        { header: "已评优秀", figure: { value: "excellentQuota.used" } },
      ],
    },
  ],
  ballot: [
    {
      title: "民主评议结果",
      columns: [{ keysOf: "byResult", keyHeader: "评议结果", order: BALLOT_RESULTS, total: "合计" }],
    },
  ],
};

export const BRANCH_HEADER = "支部";
export const TOTAL_LABEL = "合计";

export interface BranchSummary {
  /** Display name (设置 支部名称, else the file name). */
  readonly branch: string;
  /** The file's name, used to tell apart branches of the same name. */
  readonly file: string;
  /** Summaries by template id, as `summarizeContexts` (or `summarize --format json`) gives them. */
  readonly summary: Readonly<Record<string, unknown>>;
}

export interface AggregateSection {
  /** The template's title, e.g. 党员花名册. */
  readonly heading: string;
  readonly tables: SummaryTable[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function at(obj: unknown, path: string): unknown {
  let v = obj;
  for (const key of path.split(".")) {
    if (!isRecord(v)) return undefined;
    v = v[key];
  }
  return v;
}

function num(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}

function deepSum(v: unknown): number {
  if (typeof v === "number") return num(v);
  if (Array.isArray(v)) return v.reduce((a: number, x) => a + deepSum(x), 0);
  if (isRecord(v)) return Object.values(v).reduce((a: number, x) => a + deepSum(x), 0);
  return 0;
}

function entries(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  return isRecord(v) ? Object.values(v) : [];
}

export function readFigure(summary: unknown, figure: Figure): number {
  if ("value" in figure) return num(at(summary, figure.value));
  if ("sum" in figure) {
    const v = at(summary, figure.sum);
    const field = figure.field;
    return field === undefined ? deepSum(v) : entries(v).reduce((a: number, e) => a + num(at(e, field)), 0);
  }
  const list = entries(at(summary, figure.count));
  const where = figure.where;
  return where ? list.filter((e) => isRecord(e) && e[where.field] === where.equals).length : list.length;
}

/** A column after key columns are expanded against the branches at hand. */
type Resolved =
  | {
      readonly kind: "sum";
      readonly header: string;
      readonly id: string;
      readonly read: (s: unknown) => number;
      readonly decimals: number;
    }
  | { readonly kind: "rate"; readonly header: string; readonly part: string; readonly whole: string };

function resolveColumns(spec: AggregateTableSpec, summaries: readonly unknown[]): Resolved[] {
  const out: Resolved[] = [];
  for (const c of spec.columns) {
    if ("keysOf" in c) {
      const seen = new Set<string>(c.order);
      for (const s of summaries) {
        const map = at(s, c.keysOf);
        if (isRecord(map)) for (const k of Object.keys(map)) seen.add(k);
      }
      for (const key of seen) {
        out.push({
          kind: "sum",
          header: key,
          id: `${c.keysOf}.${key}`,
          read: (s) => num(at(at(s, c.keysOf), key)),
          decimals: 0,
        });
      }
      if (c.total !== undefined)
        out.push({ kind: "sum", header: c.total, id: c.keysOf, read: (s) => deepSum(at(s, c.keysOf)), decimals: 0 });
    } else if ("figure" in c) {
      const figure = c.figure;
      out.push({
        kind: "sum",
        header: c.header,
        id: c.id ?? c.header,
        read: (s) => readFigure(s, figure),
        decimals: c.decimals ?? 0,
      });
    } else {
      out.push({ kind: "rate", header: c.header, part: c.part, whole: c.whole });
    }
  }
  return out;
}

function roundTo(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

/** One row of figures; sums are first kept in units of the column's last decimal place so totals stay exact. */
function rowOf(columns: readonly Resolved[], units: ReadonlyMap<string, number>): (string | number)[] {
  return columns.map((c) => {
    if (c.kind === "sum") return (units.get(c.id) ?? 0) / 10 ** c.decimals;
    const whole = columns.find((x) => x.kind === "sum" && x.id === c.whole);
    const part = columns.find((x) => x.kind === "sum" && x.id === c.part);
    const value = (x: Resolved | undefined) => (x && x.kind === "sum" ? (units.get(x.id) ?? 0) / 10 ** x.decimals : 0);
    return rate(value(part), value(whole));
  });
}

/** One table: a row per branch having the template, then 合计. */
export function aggregateTable(
  spec: AggregateTableSpec,
  rows: readonly { branch: string; summary: unknown }[],
): SummaryTable {
  const columns = resolveColumns(
    spec,
    rows.map((r) => r.summary),
  );
  const totals = new Map<string, number>();
  const body = rows.map((r) => {
    const units = new Map<string, number>();
    for (const c of columns) {
      if (c.kind !== "sum") continue;
      const u = Math.round(roundTo(c.read(r.summary), c.decimals) * 10 ** c.decimals);
      units.set(c.id, u);
      totals.set(c.id, (totals.get(c.id) ?? 0) + u);
    }
    return [r.branch, ...rowOf(columns, units)];
  });
  body.push([TOTAL_LABEL, ...rowOf(columns, totals)]);
  const percentColumns = columns.flatMap((c, i) => (c.kind === "rate" ? [i + 1] : []));
  const moneyColumns = columns.flatMap((c, i) => (c.kind === "sum" && c.decimals === 2 ? [i + 1] : []));
  return {
    title: spec.title,
    columns: [BRANCH_HEADER, ...columns.map((c) => c.header)],
    rows: body,
    ...(percentColumns.length > 0 ? { percentColumns } : {}),
    ...(moneyColumns.length > 0 ? { moneyColumns } : {}),
  };
}

/** "一支部.xlsx" → "一支部". */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

/**
 * Names that tell every branch apart: a name used by more than one file (or equal to 合计) gets its file name
 * added, "一支部（a.xlsx）"; a name still shared after that (the same file twice) gets "#2", "#3" ….
 */
export function branchLabels(branches: readonly { branch: string; file: string }[]): string[] {
  const base = branches.map((b) => b.branch.trim() || fileStem(b.file));
  const uses = new Map<string, number>();
  for (const n of base) uses.set(n, (uses.get(n) ?? 0) + 1);
  const first = base.map((n, i) =>
    (uses.get(n) ?? 0) > 1 || n === TOTAL_LABEL ? `${n}（${branches[i]?.file.split(/[\\/]/).pop() ?? ""}）` : n,
  );
  const seen = new Map<string, number>();
  const again = new Map<string, number>();
  for (const n of first) again.set(n, (again.get(n) ?? 0) + 1);
  return first.map((n) => {
    if ((again.get(n) ?? 0) === 1) return n;
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n} #${k}`;
  });
}

/**
 * The district tables: for each template some branch has (in AGGREGATE_TABLES order), its tables with one row
 * per branch having it, plus 合计. Branch names are made unique first (see `branchLabels`).
 */
export function aggregateTables(branches: readonly BranchSummary[]): AggregateSection[] {
  const labels = branchLabels(branches);
  const sections: AggregateSection[] = [];
  for (const [id, specs] of Object.entries(AGGREGATE_TABLES)) {
    const rows = branches.flatMap((b, i) =>
      isRecord(b.summary[id]) ? [{ branch: labels[i] ?? b.branch, summary: b.summary[id] }] : [],
    );
    if (rows.length === 0) continue;
    sections.push({ heading: templateById(id)?.title ?? id, tables: specs.map((spec) => aggregateTable(spec, rows)) });
  }
  return sections;
}

export const COUNT_HEADER = "人数";

/**
 * The district data the PivotTables read: per template with a key column spec (人员类别, 考核等次, 评议结果), a
 * table of (支部, key, 人数) rows and a PivotTable of branches × keys summing 人数, keys in the template's order.
 */
export function aggregatePivotData(branches: readonly BranchSummary[]): {
  tables: PivotDataTable[];
  pivots: FilePivot[];
} {
  const labels = branchLabels(branches);
  const tables: PivotDataTable[] = [];
  const pivots: FilePivot[] = [];
  for (const [id, specs] of Object.entries(AGGREGATE_TABLES)) {
    for (const spec of specs) {
      for (const c of spec.columns) {
        if (!("keysOf" in c) || c.keyHeader === undefined) continue;
        const rows: (string | number)[][] = [];
        branches.forEach((b, i) => {
          const map = at(b.summary[id], c.keysOf);
          if (!isRecord(map)) return;
          for (const [key, n] of Object.entries(map)) if (num(n) > 0) rows.push([labels[i] ?? b.branch, key, num(n)]);
        });
        if (rows.length === 0) continue;
        const name = `数据-${templateById(id)?.title ?? id}`.slice(0, 31);
        tables.push({
          name,
          headers: [BRANCH_HEADER, c.keyHeader, COUNT_HEADER],
          rows,
          orders: { [BRANCH_HEADER]: labels, [c.keyHeader]: c.order },
        });
        pivots.push({
          title: `${spec.title}（按支部）`,
          data: name,
          rows: [BRANCH_HEADER],
          columns: [c.keyHeader],
          value: { header: COUNT_HEADER, aggregate: "Sum" },
        });
      }
    }
  }
  return { tables, pivots };
}

/** The year's figures `aggregate` sums, under the roster summary's own keys (counts only, no names). */
export interface AggregateYearFigures {
  members: number;
  developmentThisYear: Record<keyof DevelopmentThisYear, { count: number }>;
  partyAgeBands: Record<string, number>;
  /** Members aged 35 or less; the rate is of `members` (recomputed from the sums in a total, never averaged). */
  upTo35: { count: number; rate: number };
  fiftyYears: { count: number };
}

function yearFigures(
  members: number,
  steps: (key: keyof DevelopmentThisYear) => number,
  bands: Record<string, number>,
  upTo35: number,
  fifty: number,
): AggregateYearFigures {
  const development = Object.fromEntries(DEVELOPMENT_STEPS.map(([key]) => [key, { count: steps(key) }]));
  return {
    members,
    developmentThisYear: development as AggregateYearFigures["developmentThisYear"],
    partyAgeBands: bands,
    upTo35: { count: upTo35, rate: rate(upTo35, members) },
    fiftyYears: { count: fifty },
  };
}

/** One branch's year figures, read from its roster summary (`summarize --format json`'s `roster`). */
export function yearFiguresOf(roster: unknown): AggregateYearFigures {
  const bands: Record<string, number> = {};
  const map = at(roster, "partyAgeBands");
  for (const key of [...PARTY_AGE_BANDS, ...(isRecord(map) ? Object.keys(map) : [])]) bands[key] = num(at(map, key));
  return yearFigures(
    num(at(roster, "members")),
    (key) => num(at(roster, `developmentThisYear.${key}.count`)),
    bands,
    num(at(roster, "upTo35.count")),
    num(at(roster, "fiftyYears.count")),
  );
}

/** The sum of branches' year figures; the rate is recomputed from the summed counts. */
export function sumYearFigures(list: readonly AggregateYearFigures[]): AggregateYearFigures {
  const total = (f: (x: AggregateYearFigures) => number) => list.reduce((a, x) => a + f(x), 0);
  const bands: Record<string, number> = {};
  for (const x of list) for (const [k, n] of Object.entries(x.partyAgeBands)) bands[k] = (bands[k] ?? 0) + n;
  return yearFigures(
    total((x) => x.members),
    (key) => total((x) => x.developmentThisYear[key].count),
    bands,
    total((x) => x.upTo35.count),
    total((x) => x.fiftyYears.count),
  );
}
