/** Plain helpers behind the 校验 area: grouping issues by rule and building the preview of an issue's row. */
import type { CellValue, Issue, Severity, WorkbookSnapshot } from "../../src/core/types";
import type { ValidationResult } from "../../src/core/engine";
import { columnLetter, parseAddress } from "../../src/core/address";
import { formatDate } from "../../src/core/dates";

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

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
  const rank = (s: Severity) => SEVERITY_ORDER.indexOf(s);
  return [...groups.values()].sort((a, b) => rank(a.severity) - rank(b.severity));
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
