import type { RowRule } from "../types";

export const cellRequired: RowRule = {
  id: "cell.required",
  severity: "error",
  templates: "*",
  scope: "row",
  check(row, ctx, report) {
    for (const col of ctx.match.columns) {
      if (col.field.required && row.blanks.has(col.field.key)) report.cell(row, col.field.key);
    }
  },
};
