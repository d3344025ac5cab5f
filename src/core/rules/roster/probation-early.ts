import type { RowRule } from "../types";
import { F } from "./shared";
import { addYears, compareDates, formatDate } from "../../dates";

export const probationEarly: RowRule = {
  id: "roster.probation.early",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const admitted = row.date(F.admissionDate);
    const full = row.date(F.fullDate);
    if (!admitted || !full) return;
    const earliest = addYears(admitted, 1);
    if (compareDates(full, earliest) < 0) {
      report.cell(row, "fullDate", {
        admission: formatDate(admitted),
        full: formatDate(full),
        earliest: formatDate(earliest),
      });
    }
  },
};
