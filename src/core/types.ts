/** A calendar date as read from a cell. `d` is 0 when only the month is known (e.g. "2019.11"). */
export interface CellDate {
  readonly kind: "date";
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** An Excel error value such as #N/A or #REF!. */
export interface CellError {
  readonly kind: "error";
  readonly code: string;
}

/**
 * A formula cell whose file holds no result (written by a script or system and never opened in Excel), and that
 * the file adapter could not compute. `formula` is the formula text without the leading "=".
 */
export interface CellFormula {
  readonly kind: "formula";
  readonly formula: string;
  /** The cell's number format shows a date: a computed serial is a date. */
  readonly date?: boolean;
}

/** What a host adapter hands to the core for one cell. */
export type CellValue = string | number | boolean | CellDate | CellError | CellFormula | null;

/** A merged range, 1-based and inclusive; only its top-left cell holds a value in a snapshot. */
export interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** One sheet as plain data: values[r][c] is the cell at (originRow + r, originCol + c), 1-based. */
export interface SheetSnapshot {
  readonly name: string;
  readonly values: ReadonlyArray<ReadonlyArray<CellValue>>;
  readonly originRow?: number;
  readonly originCol?: number;
  readonly merges?: readonly MergeRange[];
  /** The sheet is hidden in the workbook (such as the 选项 sheet generated templates keep their lists on). */
  readonly hidden?: boolean;
}

export interface WorkbookSnapshot {
  readonly name: string;
  readonly sheets: readonly SheetSnapshot[];
}

export type Severity = "error" | "warning" | "info";

export type IssueParams = Readonly<Record<string, string | number | boolean | null>>;

/** An issue is plain data; its human message is composed at the edge from a catalog. */
export interface Issue {
  readonly rule: string;
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell: string | null;
  readonly row: number | null;
  readonly field: string | null;
  readonly params: IssueParams;
  /** The row's 姓名 (cleaned), null when the sheet has no name column, the name is empty or the issue has no row. */
  readonly person: string | null;
}

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
