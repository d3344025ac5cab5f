import type { ValidationResult } from "../engine";
import type { Issue } from "../types";
import type { DataRow } from "../rows";
import type { Fix, FixInput, FixKind } from "./types";
import { enumFix } from "./enum-value";
import { idLegacyFix } from "./id-legacy";
import { duesFix } from "./dues";
import { evalScoresFix } from "./eval-scores";
import { fromIdFix } from "./from-id";
import { textDateFix } from "./text-date";
import { textNumberFix } from "./text-number";
import { whitespaceFix } from "./whitespace";

export type { Fix, FixValue, FixKind } from "./types";

/** Every kind of fix; where two would change one cell, the earlier one wins (it also cleans what the later would). */
export const FIX_KINDS: readonly FixKind[] = [
  enumFix,
  idLegacyFix,
  duesFix,
  evalScoresFix,
  fromIdFix,
  textDateFix,
  textNumberFix,
  whitespaceFix,
];

/** Rule ids a fix can carry: the rules some fix resolves and the `fix.*` ids of fixes that resolve no issue. */
export const FIX_RULES: readonly string[] = [
  "cell.enum",
  "cell.whitespace",
  "cell.required",
  "roster.id.legacy",
  "roster.dues.rate",
  "roster.dues.missing",
  "eval.total.mismatch",
  "eval.grade.threshold",
  "eval.rank.mismatch",
  textDateFix.id,
  textNumberFix.id,
  fromIdFix.id,
];

export interface FixOptions {
  /** Only fixes carrying one of these rule ids. */
  readonly only?: readonly string[];
}

function columnNumber(cell: string): number {
  let col = 0;
  for (let i = 0; i < cell.length && cell.charCodeAt(i) >= 65; i++) col = col * 26 + cell.charCodeAt(i) - 64;
  return col;
}

/**
 * The fixes whose right value is certain, for the sheets of a validation result: at most one per cell, in sheet,
 * row and column order. Nothing that needs the paper record (check characters, gender against the ID, date
 * order, duplicates) is ever fixed.
 */
export function deriveFixes(result: ValidationResult, options: FixOptions = {}): Fix[] {
  const only = options.only;
  const out: Fix[] = [];
  for (const ctx of result.contexts) {
    const report = result.sheets.find((s) => s.sheet === ctx.sheet);
    const letters = report?.columns ?? {};
    const issues = result.issues.filter((i) => i.sheet === ctx.sheet);
    const issueKeys = new Set(issues.map((i: Issue) => `${i.rule} ${i.cell ?? ""}`));
    let byRow: Map<number, DataRow> | null = null;
    const input: FixInput = {
      ctx,
      issues,
      rowAt: (row) => (byRow ??= new Map(ctx.rows.map((r) => [r.row, r]))).get(row),
      cellOf: (field, row) => (letters[field] !== undefined ? `${letters[field]}${row}` : null),
      hasIssue: (rule, cell) => issueKeys.has(`${rule} ${cell}`),
    };
    const seen = new Set<string>();
    const sheetFixes: Fix[] = [];
    for (const kind of FIX_KINDS) {
      for (const fix of kind.derive(input)) {
        if (seen.has(fix.cell) || (only && !only.includes(fix.rule))) continue;
        seen.add(fix.cell);
        sheetFixes.push(fix);
      }
    }
    sheetFixes.sort((a, b) => a.row - b.row || columnNumber(a.cell) - columnNumber(b.cell));
    out.push(...sheetFixes);
  }
  return out;
}
