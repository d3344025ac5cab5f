import type { RowRule } from "../types";
import { compareDates, formatDate } from "../../dates";

export const futureDate: RowRule = {
  id: "roster.future-date",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, ctx, report) {
    for (const col of ctx.match.columns) {
      if (col.field.type !== "date") continue;
      const d = row.date(col.field.key);
      if (d && compareDates(d, ctx.asOf) > 0) report.cell(row, col.field.key, { date: formatDate(d), asOf: formatDate(ctx.asOf) });
    }
  },
};
