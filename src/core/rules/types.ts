import type { CellDate, IssueParams, Severity } from "../types";
import type { TemplateDef } from "../templates/types";
import type { ColumnBinding, HeaderMatch } from "../header";
import type { Settings } from "../settings";
import type { DataRow } from "../rows";

/** What a rule sees of one recognised sheet. */
export interface SheetContext {
  readonly sheet: string;
  readonly template: TemplateDef;
  readonly match: HeaderMatch;
  /** 1-based row of the header. */
  readonly headerRow: number;
  /** 1-based sheet column of the snapshot's first column (a column binding's index counts from it). */
  readonly originCol: number;
  /** Rows below the header, empty ones included: the most data rows there can be (to size a rule's tables). */
  readonly rowsBelowHeader: number;
  /** Every data row, read on first use (validation itself streams rows through the rules instead). */
  readonly rows: readonly DataRow[];
  readonly settings: Settings;
  readonly asOf: CellDate;
  column(key: string): ColumnBinding | undefined;
  /** The 姓名 on a sheet row (1-based), null when the sheet has none there: for issues that name other rows. */
  personAt(row: number): string | null;
  /** Computes a value once per sheet (e.g. a rule's list of columns) and hands it to every row. */
  shared<T>(key: string, make: (ctx: SheetContext) => T): T;
}

/** A data row as far as an address needs it. */
export interface RowRef {
  readonly row: number;
}

/** Where a rule reports; the engine fills in rule id, severity, sheet and address. */
export interface Reporter {
  /** The cell of `field` on `row` (the row's first column when the sheet lacks that column). */
  cell(row: RowRef, field: string, params?: IssueParams): void;
  /** The header cell of `field` (or the header row's first cell). */
  header(field: string | null, params?: IssueParams, column?: ColumnBinding): void;
  /** A sheet-level issue with no cell. */
  sheet(field: string | null, params?: IssueParams): void;
}

interface RuleBase {
  readonly id: string;
  readonly severity: Severity;
  /** Template ids the rule applies to; "*" for every template. */
  readonly templates: readonly string[] | "*";
  /** Whether the rule has anything to check on this sheet (asked once per sheet; absent = always). */
  readonly appliesTo?: (ctx: SheetContext) => boolean;
}

export interface RowRule extends RuleBase {
  readonly scope: "row";
  /** The rule reads only `row.problems`: it is not asked about rows read without any. */
  readonly problemsOnly?: boolean;
  check(row: DataRow, ctx: SheetContext, report: Reporter): void;
}

export interface SheetRule extends RuleBase {
  readonly scope: "sheet";
  check(ctx: SheetContext, report: Reporter): void;
}

/** A rule over all rows of a sheet: it sees each row once as it streams past, then reports. */
export interface CollectRule<S = unknown> extends RuleBase {
  readonly scope: "collect";
  /** The rule collects from `row.problems` only: it is not shown rows read without any. */
  readonly problemsOnly?: boolean;
  start(ctx: SheetContext): S;
  row(state: S, row: DataRow, ctx: SheetContext): void;
  finish(state: S, ctx: SheetContext, report: Reporter): void;
}

export type Rule = RowRule | SheetRule | CollectRule;
