import type { Fix, FixInput, FixValue } from "./types";

/** A fix of `field` on `row` from the row's raw cell; null when the sheet lacks the field. */
export function makeFix(
  input: FixInput,
  row: number,
  field: string,
  rule: string,
  to: FixValue,
  format?: string,
): Fix | null {
  const cell = input.cellOf(field, row);
  const data = input.rowAt(row);
  if (cell === null || !data) return null;
  const fix: Fix = {
    sheet: input.ctx.sheet,
    cell,
    row,
    field,
    person: input.ctx.personAt(row),
    rule,
    from: data.raw(field),
    to,
  };
  return format === undefined ? fix : { ...fix, format };
}

/** Fixes for the issues of `rule`, each turned into a value by `to` (null: no certain value). */
export function fixIssues(
  input: FixInput,
  rule: string,
  to: (issue: FixInput["issues"][number]) => FixValue | null,
): Fix[] {
  const out: Fix[] = [];
  for (const issue of input.issues) {
    if (issue.rule !== rule || issue.row === null || issue.field === null) continue;
    const value = to(issue);
    if (value === null) continue;
    const fix = makeFix(input, issue.row, issue.field, rule, value);
    if (fix) out.push(fix);
  }
  return out;
}
