import type { RowRule } from "../types";

export const cellRequired: RowRule = {
  id: "cell.required",
  severity: "error",
  templates: "*",
  scope: "row",
  check(row, ctx, report) {
    const required = ctx.shared("requiredKeys", () => ctx.match.columns.filter((c) => c.field.required).map((c) => c.field.key));
    for (const key of required) if (row.blank(key)) report.cell(row, key);
  },
};
