import type { CellDate, Issue, IssueParams, SheetSnapshot, Severity, WorkbookSnapshot } from "./types";
import type { TemplateDef } from "./templates/types";
import { TEMPLATES } from "./templates";
import { type ColumnBinding, type HeaderMatch, detectHeader } from "./header";
import { type Settings, defaultSettings, isSettingsSheet, readSettings } from "./settings";
import { forEachDataRow, readDataRows } from "./rows";
import { type SkippedRow, planRows, withSectionColumn } from "./record-rows";
import { cellAddress, columnLetter } from "./address";
import { todayDate } from "./dates";
import { isCellDate } from "./coerce";
import { rulesFor } from "./rules";
import type { CollectRule, Reporter, RowRef, Rule, RowRule, SheetContext } from "./rules/types";
import type { DataRow } from "./rows";
import { personLookup } from "./person";

export interface SheetReport {
  readonly sheet: string;
  readonly template: string | null;
  /** The header block's last row (1-based); data start below it. */
  readonly headerRow: number | null;
  /** The header block's first and last rows (equal for a one-row header). */
  readonly headerRows?: readonly [number, number];
  readonly dataRows: number;
  readonly columns: Readonly<Record<string, string>>;
  /** Rows below the header that are not records (notes, totals, footers, section rows), never validated. */
  readonly skippedRows?: readonly SkippedRow[];
  /** The sheet is hidden in the workbook; a hidden sheet that is no template is not worth listing to the user. */
  readonly hidden?: boolean;
}

export interface ValidationResult {
  readonly asOf: CellDate;
  readonly settings: Settings;
  readonly sheets: readonly SheetReport[];
  readonly issues: readonly Issue[];
  readonly counts: Readonly<Record<Severity, number>>;
  /** Read rows of each recognised sheet, for summaries. */
  readonly contexts: readonly SheetContext[];
}

export interface ValidateOptions {
  /** Overrides 设置's 统计截止日期. */
  readonly asOf?: CellDate;
  /** Only this sheet (by name). */
  readonly sheet?: string;
  readonly templates?: readonly TemplateDef[];
  /** Today, for when neither option nor 设置 gives an as-of date. */
  readonly today?: CellDate;
  /** Polled between sheets and every few thousand rows; return true to stop. */
  readonly cancelled?: () => boolean;
  /** Told every few thousand rows how far the sheet's check has got. */
  readonly progress?: (sheet: string, done: number, total: number) => void;
}

export class ValidationCancelled extends Error {
  constructor() {
    super("validation cancelled");
  }
}

/** Reads settings from the workbook's 设置 sheet (defaults when there is none). */
export function workbookSettings(workbook: WorkbookSnapshot): { settings: Settings; issues: Issue[] } {
  const sheet = workbook.sheets.find((s) => isSettingsSheet(s.name));
  return sheet ? readSettings(sheet) : { settings: defaultSettings(), issues: [] };
}

export function resolveAsOf(settings: Settings, options: ValidateOptions): CellDate {
  if (options.asOf) return options.asOf;
  const given = settings.values["asOf"];
  if (isCellDate(given)) return given;
  return options.today ?? todayDate();
}

function makeReporter(ctx: SheetContext, originCol: number, rule: Rule, out: Issue[]): Reporter {
  const push = (
    field: string | null,
    row: number | null,
    col: number | null,
    params: IssueParams | undefined,
    header?: string,
  ) => {
    const p: IssueParams =
      header !== undefined && params?.["header"] === undefined ? { header, ...params } : (params ?? {});
    out.push({
      rule: rule.id,
      severity: rule.severity,
      sheet: ctx.sheet,
      cell: row !== null && col !== null ? cellAddress(row, col) : null,
      row,
      field,
      params: p,
      person: row !== null ? ctx.personAt(row) : null,
    });
  };
  return {
    cell(row: RowRef, field: string, params?: IssueParams) {
      const col = ctx.column(field);
      push(field, row.row, originCol + (col?.index ?? ctx.match.columns[0]?.index ?? 0), params, col?.header);
    },
    header(field: string | null, params?: IssueParams, column?: ColumnBinding) {
      const col = column ?? (field ? ctx.column(field) : undefined);
      push(field, ctx.headerRow, originCol + (col?.index ?? 0), params, col?.header);
    },
    sheet(field: string | null, params?: IssueParams) {
      push(field, null, null, params);
    },
  };
}

const CANCEL_EVERY = 4096;

/** Validates one sheet against the template its headers match. */
export function validateSheet(
  sheet: SheetSnapshot,
  detected: HeaderMatch,
  settings: Settings,
  asOf: CellDate,
  options: Pick<ValidateOptions, "cancelled" | "progress"> = {},
): { context: SheetContext; issues: Issue[]; dataRows: number; skippedRows: readonly SkippedRow[] } {
  const { cancelled, progress } = options;
  const plan = planRows(sheet, detected.template, detected.headerIndex, detected.columns);
  const match = withSectionColumn(sheet, detected, plan);
  const originRow = sheet.originRow ?? 1;
  const originCol = sheet.originCol ?? 1;
  const byKey = new Map(match.columns.map((c) => [c.field.key, c]));
  const sharedKeys: string[] = [];
  const sharedValues: unknown[] = [];
  let rows: DataRow[] | null = null;
  const context: SheetContext = {
    sheet: sheet.name,
    template: match.template,
    match,
    headerRow: originRow + match.headerIndex,
    originCol,
    rowsBelowHeader: Math.max(0, sheet.values.length - match.headerIndex - 1),
    get rows() {
      return (rows ??= readDataRows(sheet, match));
    },
    settings,
    asOf,
    column: (key) => byKey.get(key),
    personAt: personLookup(sheet, match),
    shared<T>(key: string, make: (ctx: SheetContext) => T): T {
      // Asked for by rules on every row, with a handful of keys per sheet: a scan beats hashing the key.
      for (let i = 0; i < sharedKeys.length; i++) if (sharedKeys[i] === key) return sharedValues[i] as T;
      const v = make(context);
      sharedKeys.push(key);
      sharedValues.push(v);
      return v;
    },
  };
  const issues: Issue[] = [];
  const rules = rulesFor(match.template.id).filter((r) => !r.appliesTo || r.appliesTo(context));
  for (const rule of rules)
    if (rule.scope === "sheet") rule.check(context, makeReporter(context, originCol, rule, issues));
  // Every row rule for rows with reading problems; the clean rows, most of a big sheet, skip the problem rules.
  const rowRules: RowRule[] = [];
  const rowReporters: Reporter[] = [];
  const cleanRules: RowRule[] = [];
  const cleanReporters: Reporter[] = [];
  for (const rule of rules) {
    if (rule.scope !== "row") continue;
    const reporter = makeReporter(context, originCol, rule, issues);
    rowRules.push(rule);
    rowReporters.push(reporter);
    if (rule.problemsOnly) continue;
    cleanRules.push(rule);
    cleanReporters.push(reporter);
  }
  const collectors = rules
    .filter((r): r is CollectRule => r.scope === "collect")
    .map((rule) => ({ rule, state: rule.start(context) }));
  const cleanCollectors = collectors.filter((c) => !c.rule.problemsOnly);
  const upTo = context.rowsBelowHeader;
  const dataRows = forEachDataRow(
    sheet,
    match,
    (row, i) => {
      if (i % CANCEL_EVERY === 0) {
        if (cancelled?.()) throw new ValidationCancelled();
        progress?.(sheet.name, i, upTo);
      }
      const list = row.problems.length ? rowRules : cleanRules;
      const reporters = row.problems.length ? rowReporters : cleanReporters;
      for (let k = 0; k < list.length; k++) list[k]!.check(row, context, reporters[k]!);
      for (const c of row.problems.length ? collectors : cleanCollectors) c.rule.row(c.state, row, context);
    },
    true,
  );
  for (const c of collectors) c.rule.finish(c.state, context, makeReporter(context, originCol, c.rule, issues));
  return { context, issues, dataRows, skippedRows: plan.skipped };
}

function addressOrder(issue: Issue): number {
  if (issue.row === null || issue.cell === null) return -1;
  let col = 0;
  for (let i = 0; i < issue.cell.length; i++) {
    const c = issue.cell.charCodeAt(i);
    if (c < 65) break;
    col = col * 26 + c - 64;
  }
  return issue.row * 20000 + col;
}

/** Sheet-level issues first, then by row and column; stable for issues on one cell. */
function sortByAddress(issues: Issue[]): Issue[] {
  const keyed = issues.map((issue, i) => ({ issue, key: addressOrder(issue), i }));
  keyed.sort((a, b) => a.key - b.key || a.i - b.i);
  return keyed.map((k) => k.issue);
}

/** Validates every sheet of a workbook (or one, by name). */
export function validateWorkbook(workbook: WorkbookSnapshot, options: ValidateOptions = {}): ValidationResult {
  const templates = options.templates ?? TEMPLATES;
  const { settings, issues: settingIssues } = workbookSettings(workbook);
  const asOf = resolveAsOf(settings, options);
  const sheets: SheetReport[] = [];
  const contexts: SheetContext[] = [];
  const perSheet: Issue[][] = [];
  for (const sheet of workbook.sheets) {
    if (options.sheet !== undefined && sheet.name !== options.sheet) continue;
    if (options.cancelled?.()) throw new ValidationCancelled();
    if (isSettingsSheet(sheet.name)) {
      sheets.push({ sheet: sheet.name, template: null, headerRow: null, dataRows: 0, columns: {} });
      perSheet.push(settingIssues);
      continue;
    }
    const match = detectHeader(sheet, templates);
    if (!match) {
      const report: SheetReport = { sheet: sheet.name, template: null, headerRow: null, dataRows: 0, columns: {} };
      sheets.push(sheet.hidden ? { ...report, hidden: true } : report);
      continue;
    }
    const { context, issues, dataRows, skippedRows } = validateSheet(sheet, match, settings, asOf, options);
    const originCol = sheet.originCol ?? 1;
    const originRow = sheet.originRow ?? 1;
    const columns: Record<string, string> = {};
    for (const c of match.columns) columns[c.field.key] = columnLetter(originCol + c.index);
    sheets.push({
      sheet: sheet.name,
      template: match.template.id,
      headerRow: context.headerRow,
      headerRows: [originRow + match.firstHeaderIndex, context.headerRow],
      dataRows,
      columns,
      skippedRows,
    });
    contexts.push(context);
    perSheet.push(sortByAddress(issues));
  }
  const issues = perSheet.flat();
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return { asOf, settings, sheets, issues, counts, contexts };
}
