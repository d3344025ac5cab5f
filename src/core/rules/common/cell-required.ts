import type { RowRule, SheetContext } from "../types";

function requiredColumns(ctx: SheetContext): string[] {
  return ctx.match.columns.filter((c) => c.field.required).map((c) => c.field.key);
}

export const cellRequired: RowRule = {
  id: "cell.required",
  severity: "error",
  templates: "*",
  scope: "row",
  check(row, ctx, report) {
    const required = ctx.shared("requiredKeys", requiredColumns);
    // A read value is never blank: look at the raw cell only when nothing was read.
    for (const key of required) if (row.value(key) === null && row.blank(key)) report.cell(row, key);
  },
};
