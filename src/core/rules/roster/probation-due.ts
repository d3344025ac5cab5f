import type { RowRule } from "../types";
import { F } from "./shared";
import { addDays, addYears, compareDates, formatDate } from "../../dates";
import { CATEGORY } from "../../templates/roster";

/** How far ahead a coming 转正 is announced. */
export const DUE_WINDOW_DAYS = 30;

export const probationDue: RowRule = {
  id: "roster.probation.due",
  severity: "info",
  templates: ["roster"],
  scope: "row",
  check(row, ctx, report) {
    const admitted = row.date(F.admissionDate);
    if (row.text(F.category) !== CATEGORY.probationary || !admitted || row.filled(F.fullDate)) return;
    const due = addYears(admitted, 1);
    if (compareDates(due, ctx.asOf) > 0 && compareDates(due, addDays(ctx.asOf, DUE_WINDOW_DAYS)) <= 0) {
      report.cell(row, "admissionDate", { admission: formatDate(admitted), due: formatDate(due) });
    }
  },
};
