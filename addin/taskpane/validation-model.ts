/** Plain helpers behind the 校验 area: grouping issues by rule or by person and building the preview of an issue's row. */
import type { CellValue, Issue, Severity, WorkbookSnapshot } from "../../src/core/types";
import type { ValidationResult } from "../../src/core/engine";
import { columnLetter, parseAddress } from "../../src/core/address";
import { formatDate } from "../../src/core/dates";

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];
const rank = (s: Severity) => SEVERITY_ORDER.indexOf(s);

export interface IssueEntry {
  /** Position in result.issues: a stable key. */
  readonly index: number;
  readonly issue: Issue;
}

export interface RuleGroup {
  readonly rule: string;
  readonly severity: Severity;
  readonly entries: readonly IssueEntry[];
}

/** Issues grouped by rule: errors first, then warnings, then info; within a severity, in order of first issue. */
export function groupByRule(issues: readonly Issue[], show: ReadonlySet<Severity>): RuleGroup[] {
  const groups = new Map<string, { rule: string; severity: Severity; entries: IssueEntry[] }>();
  issues.forEach((issue, index) => {
    if (!show.has(issue.severity)) return;
    let g = groups.get(issue.rule);
    if (!g) groups.set(issue.rule, (g = { rule: issue.rule, severity: issue.severity, entries: [] }));
    g.entries.push({ index, issue });
  });
  return [...groups.values()].sort((a, b) => rank(a.severity) - rank(b.severity));
}

/** One entry of the 按人员 view: a person's row with all its issues (person null: the entry of issues tied to no one). */
export interface PersonGroup {
  /** Sheet, row and name: two people of one name on different rows, or in different sheets, stay apart. */
  readonly key: string;
  readonly person: string | null;
  readonly sheet: string | null;
  readonly row: number | null;
  /** The worst severity among the entries. */
  readonly severity: Severity;
  readonly entries: readonly IssueEntry[];
}

/** The key of the last 按人员 entry, for sheet-level issues and rows without a name. */
export const UNATTRIBUTED = "";

/**
 * Issues grouped by person: one entry per (sheet, row, name), in sheet order (`sheetOrder`, the workbook's; sheets
 * not listed follow in order of first issue) then row, each with its issues worst first. Issues without a person
 * (sheet-level ones, rows without a name) form one last entry, ordered by sheet and row.
 */
export function groupByPerson(
  issues: readonly Issue[],
  show: ReadonlySet<Severity>,
  sheetOrder: readonly string[] = [],
): PersonGroup[] {
  const sheetRank = new Map(sheetOrder.map((s, i) => [s, i]));
  const rankOf = (sheet: string) => {
    let r = sheetRank.get(sheet);
    if (r === undefined) sheetRank.set(sheet, (r = sheetRank.size));
    return r;
  };
  const people = new Map<string, { person: string; sheet: string; row: number; entries: IssueEntry[] }>();
  const rest: IssueEntry[] = [];
  issues.forEach((issue, index) => {
    if (!show.has(issue.severity)) return;
    rankOf(issue.sheet);
    if (issue.person === null || issue.row === null) {
      rest.push({ index, issue });
      return;
    }
    const key = JSON.stringify([issue.sheet, issue.row, issue.person]);
    let p = people.get(key);
    if (!p) people.set(key, (p = { person: issue.person, sheet: issue.sheet, row: issue.row, entries: [] }));
    p.entries.push({ index, issue });
  });
  const worst = (entries: readonly IssueEntry[]): Severity =>
    entries.reduce<Severity>((w, e) => (rank(e.issue.severity) < rank(w) ? e.issue.severity : w), "info");
  const groups: PersonGroup[] = [...people]
    .map(([key, p]) => ({
      key,
      ...p,
      severity: worst(p.entries),
      entries: p.entries.sort((a, b) => rank(a.issue.severity) - rank(b.issue.severity) || a.index - b.index),
    }))
    .sort((a, b) => rankOf(a.sheet) - rankOf(b.sheet) || a.row - b.row);
  if (rest.length > 0) {
    rest.sort(
      (a, b) =>
        rankOf(a.issue.sheet) - rankOf(b.issue.sheet) || (a.issue.row ?? 0) - (b.issue.row ?? 0) || a.index - b.index,
    );
    groups.push({ key: UNATTRIBUTED, person: null, sheet: null, row: null, severity: worst(rest), entries: rest });
  }
  return groups;
}

/** How many sheets were read as templates: with more than one, the list names the sheet beside a row or cell. */
export function dataSheetCount(sheets: ReadonlyArray<{ readonly template: string | null }>): number {
  return sheets.filter((s) => s.template !== null).length;
}

/** The cell as the list shows it: `E8`, or `花名册!E8` when the sheet is needed; the sheet for sheet-level issues. */
export function cellLabel(issue: Issue, withSheet: boolean): string {
  if (issue.cell === null) return issue.sheet;
  return withSheet ? issueLocation(issue) : issue.cell;
}

/** Where an issue is, as the user would type it: 花名册!E25 (or just the sheet for sheet-level issues). */
export function issueLocation(issue: Issue): string {
  return issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
}

export function displayValue(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v.kind === "formula") return `=${v.formula}`;
  return v.kind === "date" ? formatDate(v) : v.code;
}

export interface PreviewCell {
  readonly column: string;
  readonly header: string;
  readonly value: string;
  readonly highlighted: boolean;
}

export interface RowPreview {
  readonly sheet: string;
  readonly row: number;
  readonly headerRow: number | null;
  readonly cells: readonly PreviewCell[];
}

/**
 * The issue's row as read-only cells under the sheet's header, with the issue's cell highlighted; null for
 * sheet-level issues. (The standalone page cannot select a cell in the user's Excel, so it shows where it is.)
 */
export function rowPreview(snapshot: WorkbookSnapshot, result: ValidationResult, issue: Issue): RowPreview | null {
  if (issue.row === null || issue.cell === null) return null;
  const sheet = snapshot.sheets.find((s) => s.name === issue.sheet);
  if (!sheet) return null;
  const at = parseAddress(issue.cell);
  const originRow = sheet.originRow ?? 1;
  const originCol = sheet.originCol ?? 1;
  const headerRow = result.sheets.find((s) => s.sheet === issue.sheet)?.headerRow ?? null;
  const values = sheet.values[issue.row - originRow] ?? [];
  const headers = headerRow !== null ? (sheet.values[headerRow - originRow] ?? []) : [];
  const width = Math.max(values.length, headers.length, at ? at.col - originCol + 1 : 0);
  const cells: PreviewCell[] = [];
  for (let i = 0; i < width; i++) {
    const col = originCol + i;
    cells.push({
      column: columnLetter(col),
      header: displayValue(headers[i]).replace(/\s+/g, " ").trim(),
      value: displayValue(values[i]),
      highlighted: at !== null && at.col === col,
    });
  }
  return { sheet: issue.sheet, row: issue.row, headerRow, cells };
}
