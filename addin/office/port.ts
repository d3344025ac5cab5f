/**
 * The host port: what the task pane asks of a workbook host, whether that is Excel (Office.js, see
 * excel-adapter.ts) or a file opened in the standalone page. Everything crossing it is plain data.
 */
import type { Issue, Severity, SheetSnapshot, WorkbookSnapshot } from "../../src/core/types";

/** A cell to mark for an issue: `cell` is a single-cell A1 address on `sheet`. */
export interface Mark {
  readonly sheet: string;
  readonly cell: string;
  readonly severity: Severity;
  readonly message: string;
}

/** A cell's fill as found: `null` is no fill; `pattern` is the host's fill pattern when it reports one. */
export type CellFill = { readonly color: string; readonly pattern?: string; readonly patternColor?: string } | null;

/** What one marked cell held before it was marked. */
export interface MarkedCell {
  readonly sheet: string;
  readonly cell: string;
  readonly previous: CellFill;
}

/** Exactly what `applyMarks` replaced (one entry per distinct cell), so `clearMarks` can put it back. */
export interface MarkRecord {
  readonly cells: readonly MarkedCell[];
}

export interface HostPort {
  readWorkbook(): Promise<WorkbookSnapshot>;
  /** One sheet by name; rejects with the host's error when there is no such sheet. */
  readSheet(name: string): Promise<SheetSnapshot>;
  /** Fills each mark's cell with its severity's colour, recording what each cell had. */
  applyMarks(marks: readonly Mark[]): Promise<MarkRecord>;
  /** Restores every cell of the record to the fill it had before `applyMarks`. */
  clearMarks(record: MarkRecord): Promise<void>;
  /** Activates the sheet and selects the cell (clicking an issue). */
  selectCell(sheet: string, cell: string): Promise<void>;
}

/** Mark colours by severity (Excel's "bad", "neutral" and a light blue). */
export const MARK_COLORS: Readonly<Record<Severity, string>> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** Severity order for a cell with several issues: the most severe one decides its colour. */
const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * The distinct cells to mark, in first-seen order; a cell named by several marks gets the most severe one's
 * colour and keeps the first message of that severity.
 */
export function distinctMarks(marks: readonly Mark[]): Mark[] {
  const byCell = new Map<string, Mark>();
  for (const m of marks) {
    const key = `${m.sheet}\u0000${m.cell.toUpperCase()}`;
    const seen = byCell.get(key);
    if (!seen || RANK[m.severity] < RANK[seen.severity]) byCell.set(key, seen ? { ...m, cell: seen.cell } : m);
  }
  return [...byCell.values()];
}

/** Marks for the issues that name a cell (sheet-level issues have none); `message` composes the text. */
export function marksFromIssues(issues: readonly Issue[], message: (issue: Issue) => string = (i) => i.rule): Mark[] {
  const out: Mark[] = [];
  for (const issue of issues) {
    if (issue.cell !== null) out.push({ sheet: issue.sheet, cell: issue.cell, severity: issue.severity, message: message(issue) });
  }
  return out;
}
