import type { RowRule } from "../types";
import { F } from "./shared";
import { addYears, compareYearsLater, formatDate } from "../../dates";

export const activistPeriod: RowRule = {
  id: "roster.activist.period",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const activist = row.date(F.activistDate);
    const candidate = row.date(F.candidateDate);
    if (!activist || !candidate) return;
    if (compareYearsLater(activist, 1, candidate) > 0) {
      const earliest = addYears(activist, 1);
      report.cell(row, "candidateDate", {
        activist: formatDate(activist),
        candidate: formatDate(candidate),
        earliest: formatDate(earliest),
      });
    }
  },
};
