import type { RowRule } from "../types";
import { F } from "./shared";
import { addYears, compareYearsLater, formatDate } from "../../dates";

export const probationEarly: RowRule = {
  id: "roster.probation.early",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const admitted = row.date(F.admissionDate);
    const full = row.date(F.fullDate);
    if (!admitted || !full) return;
    if (compareYearsLater(admitted, 1, full) > 0) {
      const earliest = addYears(admitted, 1);
      report.cell(row, "fullDate", {
        admission: formatDate(admitted),
        full: formatDate(full),
        earliest: formatDate(earliest),
      });
    }
  },
};
