/**
 * The host port: what the task pane asks of a workbook host, whether that is Excel (Office.js, see
 * excel-adapter.ts) or a file opened in the standalone page. Everything crossing it is plain data.
 */
import type { CellDate, CellValue, Issue, Severity, SheetSnapshot, WorkbookSnapshot } from "../../src/core/types";
import type { ValidationResult } from "../../src/core/engine";
import type { Fix } from "../../src/core/fixes";

/** A cell to mark for an issue: `cell` is a single-cell A1 address on `sheet`. */
export interface Mark {
  readonly sheet: string;
  readonly cell: string;
  readonly severity: Severity;
  readonly message: string;
}

/**
 * One mark the add-in made: a conditional format of its own over one cell, never a change to the cell's own
 * formatting. `id` is the host's id of that format when it was made (Excel's ids last one session; clearing
 * finds the add-in's formats by their rule, MARK_FORMULA, so a later session clears them too).
 */
export interface MarkedCell {
  readonly sheet: string;
  readonly cell: string;
  readonly severity: Severity;
  readonly id: string;
}

/** The marks `applyMarks` made (one per distinct cell), as kept in the document's settings. */
export interface MarkRecord {
  readonly cells: readonly MarkedCell[];
}

/**
 * The rule of every mark's conditional format: always true (N of a text is 0) and the add-in's own signature,
 * so clearing removes exactly these formats and nothing the user made.
 */
export const MARK_FORMULA = '=N("zhibu-sheets:mark")=0';

/** Whether a conditional format's rule formula is the add-in's mark (Excel may change case and spacing). */
export function isMarkFormula(formula: string | null | undefined): boolean {
  if (typeof formula !== "string") return false;
  const norm = (f: string): string => f.trim().replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
  return norm(formula) === norm(MARK_FORMULA);
}

/** A cell as Office reports it: its value (numbers, text, booleans, "" when empty) and its number format. */
export interface CellState {
  readonly value: string | number | boolean;
  readonly numberFormat: string;
}

/**
 * A cell that must still hold its validated `value` for the fixes on its `row` to apply: the row's 姓名, so that
 * after rows are inserted, deleted or sorted no fix lands on another person's row, even where the fixed cell
 * itself happens to hold the same value there (an empty cell, a common "汉").
 */
export interface FixGuard {
  readonly sheet: string;
  readonly cell: string;
  readonly row: number;
  readonly value: CellValue;
}

/** One cell a fix changed: what it held before and what Excel reported right after the write. */
export interface FixedCell {
  readonly sheet: string;
  readonly cell: string;
  readonly before: CellState;
  readonly after: CellState;
}

/** The undo record of `applyFixes`, kept in the document's settings like the mark record. */
export interface FixRecord {
  readonly cells: readonly FixedCell[];
}

/**
 * Why a cell was left alone: its value is no longer the one validated (or, for an undo, the one the fix wrote),
 * or it holds a formula (never overwritten).
 */
export type FixRefusal = "changed" | "formula";

export interface RefusedCell {
  readonly sheet: string;
  readonly cell: string;
  readonly reason: FixRefusal;
}

export interface FixOutcome {
  /** The cells written, with their undo data. */
  readonly record: FixRecord;
  readonly refused: readonly RefusedCell[];
}

export interface UndoOutcome {
  /** How many cells got their value and number format back. */
  readonly restored: number;
  readonly refused: readonly RefusedCell[];
}

/**
 * The record after a further fix: one entry per cell, in first-fixed order. A cell fixed again right after an
 * earlier fix (it still held that fix's result) keeps its first `before`, so one undo goes back to the start;
 * one changed by the user in between takes the newer entry (the earlier fix was overwritten by the user anyway).
 */
export function mergeFixRecords(earlier: FixRecord | null, later: FixRecord): FixRecord {
  const byCell = new Map<string, FixedCell>();
  const key = (c: FixedCell) => `${c.sheet}\u0000${c.cell.toUpperCase()}`;
  for (const c of earlier?.cells ?? []) byCell.set(key(c), c);
  for (const c of later.cells) {
    const had = byCell.get(key(c));
    const chained =
      had !== undefined && had.after.value === c.before.value && had.after.numberFormat === c.before.numberFormat;
    byCell.set(key(c), chained ? { ...c, before: had.before } : c);
  }
  return { cells: [...byCell.values()] };
}

/** Host features the pane may use; each is checked (isSetSupported) before use. */
export type HostFeature =
  "insertTemplate" | "conditionalFormats" | "pivotTables" | "charts" | "createWorkbook" | "onChanged";

export type HostCapabilities = Readonly<Record<HostFeature, boolean>>;

/** Thrown (rejected) when the host lacks a feature; `requirement` is e.g. "ExcelApi 1.8". */
export class HostFeatureUnavailable extends Error {
  constructor(
    readonly feature: HostFeature,
    readonly requirement: string,
  ) {
    super(`host lacks ${feature} (${requirement})`);
    this.name = "HostFeatureUnavailable";
  }
}

export interface InsertTemplateOptions {
  readonly templateId: string;
  /** 支部名称 for the title row ("" for none). */
  readonly branch: string;
  /** Invented sample rows to fill (0: an empty table). */
  readonly sampleRows: number;
  /** The as-of date the sample rows are invented for (default today). */
  readonly asOf?: CellDate;
  /** Seed of the sample rows (default 1). */
  readonly seed?: number;
}

export interface InsertTemplateResult {
  /** The sheets created, first the template's own (a suffix added when the name was taken), then any 设置. */
  readonly sheets: readonly string[];
  readonly table: string;
  /** Data rows of the table (sample rows, or the empty rows of a blank template). */
  readonly rows?: number;
  /** 1-based row of the table's header. */
  readonly headerRow?: number;
}

export interface SummarySheetOptions {
  readonly title: string;
  readonly subtitle: string;
  /** Mask ID numbers and phones in the sheet (default true in the pane). */
  readonly mask: boolean;
}

export interface SummarySheetResult {
  readonly sheet: string;
  /** Native PivotTables made over the template tables (0 where the host lacks them: plain tables instead). */
  readonly pivotTables: number;
  readonly charts: number;
  /** Summary tables written. */
  readonly tables?: number;
}

/** The active sheet and the sheets read beside it. */
export interface ActiveSheetRead {
  readonly sheet: SheetSnapshot;
  readonly beside: readonly SheetSnapshot[];
}

/** A range the user edited (from Worksheet/Workbook onChanged). */
export interface ChangedRange {
  readonly sheet: string;
  readonly address: string;
}

/** What every host does, Excel or a file opened in the standalone page (one contract suite runs over both). */
export interface HostPort {
  readWorkbook(): Promise<WorkbookSnapshot>;
  /** One sheet by name; rejects with the host's error when there is no such sheet. */
  readSheet(name: string): Promise<SheetSnapshot>;
  /**
   * Marks each mark's cell in its severity's colour with a conditional format the add-in owns (on top, not
   * stopping the user's own rules); the cells' own formatting is neither read nor written.
   */
  applyMarks(marks: readonly Mark[]): Promise<MarkRecord>;
  /**
   * Removes the add-in's marks (those of the record and any other the add-in made), wherever inserted, deleted
   * or sorted rows have moved them; a mark whose cells were deleted is already gone. Nothing else changes.
   */
  clearMarks(record: MarkRecord): Promise<void>;
  /** Activates the sheet and selects the cell (clicking an issue). */
  selectCell(sheet: string, cell: string): Promise<void>;
}

/** What only Excel does in place (the standalone page offers downloads instead). */
export interface ExcelHost extends HostPort {
  /** What this host supports (a sync check of requirement sets, no host round trip). */
  capabilities(): HostCapabilities;
  /** Name of the active sheet. */
  activeSheet(): Promise<string>;
  /**
   * The active sheet read together with the named sheets beside it (in one host batch: ≤ 4 syncs in all); a
   * named sheet that does not exist, or is the active sheet itself, is left out of `beside`.
   */
  readActiveSheet(beside: readonly string[]): Promise<ActiveSheetRead>;
  /** Inserts a template as new sheet(s), never over an existing sheet (adds a suffix). */
  insertTemplate(options: InsertTemplateOptions): Promise<InsertTemplateResult>;
  /** Writes the 设置 sheet's 值 for the given 项目 keys (creating the sheet when missing). */
  writeSettings(values: Readonly<Record<string, string | number>>): Promise<void>;
  /** Builds or rebuilds the add-in-owned 汇总 sheet for a validation result of this workbook. */
  writeSummarySheet(result: ValidationResult, options: SummarySheetOptions): Promise<SummarySheetResult>;
  /**
   * Opens a new workbook from an .xlsx (base64) via Excel.createWorkbook; rejects with HostFeatureUnavailable
   * where the host lacks it (the pane then downloads the file).
   */
  openNewWorkbook(base64: string): Promise<void>;
  /** Calls `handler` with ranges the user edits; resolves to a function that stops watching. */
  watchChanges(handler: (changes: readonly ChangedRange[]) => void): Promise<() => Promise<void>>;
  /**
   * Writes the fixes in one batch after one read of exactly their cells (and the guards'). A cell whose value is
   * no longer the fix's `from` (as validated), on a row whose guard no longer holds, or holding a formula, is
   * refused and left alone; dates are written as date serials in the fix's number format. Resolves to the undo
   * record of what was written.
   */
  applyFixes(fixes: readonly Fix[], guards?: readonly FixGuard[]): Promise<FixOutcome>;
  /**
   * Puts back the value and number format each cell of the record had before the fix, in one batch after one
   * read; a cell changed since the fix (no longer its `after`) is refused and left alone.
   */
  undoFixes(record: FixRecord): Promise<UndoOutcome>;
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
    if (issue.cell !== null)
      out.push({ sheet: issue.sheet, cell: issue.cell, severity: issue.severity, message: message(issue) });
  }
  return out;
}
