import type { RowRule, SheetContext } from "../types";
import { compareDates, formatDate } from "../../dates";

function dateColumns(ctx: SheetContext): string[] {
  return ctx.match.columns.filter((c) => c.field.type === "date").map((c) => c.field.key);
}

export const futureDate: RowRule = {
  id: "roster.future-date",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, ctx, report) {
    const dateKeys = ctx.shared("dateKeys", dateColumns);
    for (const key of dateKeys) {
      const d = row.date(key);
      if (d && compareDates(d, ctx.asOf) > 0) report.cell(row, key, { date: formatDate(d), asOf: formatDate(ctx.asOf) });
    }
  },
};
