import type { RowRule } from "../types";
import { addYears, compareDates, formatDate } from "../../dates";
import { CATEGORY } from "../../templates/roster";

export const probationOverdue: RowRule = {
  id: "roster.probation.overdue",
  severity: "warning",
  templates: ["roster"],
  scope: "row",
  check(row, ctx, report) {
    const admitted = row.date("admissionDate");
    if (row.text("category") !== CATEGORY.probationary || !admitted || row.filled("fullDate")) return;
    const due = addYears(admitted, 1);
    if (compareDates(due, ctx.asOf) <= 0) report.cell(row, "admissionDate", { admission: formatDate(admitted), due: formatDate(due) });
  },
};
