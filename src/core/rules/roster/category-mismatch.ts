import type { RowRule } from "../types";
import { F } from "./shared";
import { CATEGORY } from "../../templates/roster";

export const categoryMismatch: RowRule = {
  id: "roster.category.mismatch",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const category = row.text(F.category);
    if (!category) return;
    const admitted = row.filled(F.admissionDate);
    const full = row.filled(F.fullDate);
    // A date whose column the sheet lacks is unknown, not missing (roster.category.unchecked says so once).
    let reason: string | null = null;
    if (category === CATEGORY.full && !full && row.has(F.fullDate)) reason = "fullWithoutFullDate";
    else if (category === CATEGORY.probationary && full) reason = "probationaryWithFullDate";
    else if (category === CATEGORY.probationary && !admitted && row.has(F.admissionDate))
      reason = "probationaryWithoutAdmission";
    else if (category !== CATEGORY.full && category !== CATEGORY.probationary && (admitted || full))
      reason = "nonMemberWithDates";
    if (reason) report.cell(row, "category", { category, reason });
  },
};
