import type { RowRule, SheetContext } from "../types";
import { compareDates, formatDate } from "../../dates";
import { type FieldRef, fieldRef } from "../../rows";

function dateColumns(ctx: SheetContext): FieldRef[] {
  return ctx.match.columns.filter((c) => c.field.type === "date").map((c) => fieldRef(c.field.key));
}

export const futureDate: RowRule = {
  id: "roster.future-date",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, ctx, report) {
    const dates = ctx.shared("dateKeys", dateColumns);
    for (const ref of dates) {
      const d = row.date(ref);
      if (d && compareDates(d, ctx.asOf) > 0)
        report.cell(row, ref.key, { date: formatDate(d), asOf: formatDate(ctx.asOf) });
    }
  },
};
