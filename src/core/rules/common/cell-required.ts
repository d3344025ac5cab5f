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
    for (const key of required) if (row.blank(key)) report.cell(row, key);
  },
};
