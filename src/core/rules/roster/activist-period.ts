import type { RowRule } from "../types";
import { F } from "./shared";
import { addYears, compareDates, formatDate } from "../../dates";

export const activistPeriod: RowRule = {
  id: "roster.activist.period",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const activist = row.date(F.activistDate);
    const candidate = row.date(F.candidateDate);
    if (!activist || !candidate) return;
    const earliest = addYears(activist, 1);
    if (compareDates(candidate, earliest) < 0) {
      report.cell(row, "candidateDate", {
        activist: formatDate(activist),
        candidate: formatDate(candidate),
        earliest: formatDate(earliest),
      });
    }
  },
};
