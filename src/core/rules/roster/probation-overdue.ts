import type { RowRule } from "../types";
import { F } from "./shared";
import { addYears, compareDates, formatDate } from "../../dates";
import { CATEGORY } from "../../templates/roster";

export const probationOverdue: RowRule = {
  id: "roster.probation.overdue",
  severity: "warning",
  templates: ["roster"],
  scope: "row",
  check(row, ctx, report) {
    const admitted = row.date(F.admissionDate);
    if (row.text(F.category) !== CATEGORY.probationary || !admitted || row.filled(F.fullDate)) return;
    const due = addYears(admitted, 1);
    if (compareDates(due, ctx.asOf) <= 0)
      report.cell(row, "admissionDate", { admission: formatDate(admitted), due: formatDate(due) });
  },
};
