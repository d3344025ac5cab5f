import type { RowRule } from "../types";
import { F } from "./shared";
import { addYears, compareYearsLater, formatDate } from "../../dates";

/** One year of probation plus the longest extension (one year). */
export const MAX_PROBATION_YEARS = 2;

export const probationLong: RowRule = {
  id: "roster.probation.long",
  severity: "warning",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const admitted = row.date(F.admissionDate);
    const full = row.date(F.fullDate);
    if (!admitted || !full) return;
    if (compareYearsLater(admitted, MAX_PROBATION_YEARS, full) < 0) {
      const latest = addYears(admitted, MAX_PROBATION_YEARS);
      report.cell(row, "fullDate", {
        admission: formatDate(admitted),
        full: formatDate(full),
        latest: formatDate(latest),
      });
    }
  },
};
