import type { CellDate, CellValue, Issue } from "../types";
import type { SheetContext } from "../rules/types";
import type { DataRow } from "../rows";

/** What a fix writes: text, a number, or a date (written as a date cell in `format`). */
export type FixValue = string | number | CellDate;

/** One cell to change, as plain data: the same list serves the CLI, the standalone copy and Excel. */
export interface Fix {
  readonly sheet: string;
  readonly cell: string;
  readonly row: number;
  readonly field: string;
  readonly person: string | null;
  /** The rule whose issue the fix resolves, or the fix kind's own id (`fix.*`) where no rule fires. */
  readonly rule: string;
  /** The cell's value as validated: a fix applies only while the cell still holds it. */
  readonly from: CellValue;
  readonly to: FixValue;
  /** Number format for the written cell (dates); absent to keep the cell's own. */
  readonly format?: string;
}

/** What a kind of fix sees of one validated sheet. */
export interface FixInput {
  readonly ctx: SheetContext;
  /** The sheet's issues. */
  readonly issues: readonly Issue[];
  /** The data row at a 1-based sheet row. */
  rowAt(row: number): DataRow | undefined;
  /** The A1 address of a field on a row, null when the sheet lacks the field. */
  cellOf(field: string, row: number): string | null;
  /** Whether an issue of `rule` sits on `cell`. */
  hasIssue(rule: string, cell: string): boolean;
}

export interface FixKind {
  /** Names the kind; also the `rule` of fixes that resolve no issue. */
  readonly id: string;
  derive(input: FixInput): Fix[];
}
