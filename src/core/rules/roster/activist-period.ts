import type { RowRule } from "../types";
import { F } from "./shared";
import { formatDate } from "../../dates";
import { lessThanAYearAfter } from "./year-after";

export const activistPeriod: RowRule = {
  id: "roster.activist.period",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const soon = lessThanAYearAfter(row, F.activistDate, F.candidateDate);
    if (!soon) return;
    report.cell(row, "candidateDate", {
      activist: formatDate(soon.from),
      candidate: formatDate(soon.to),
      earliest: formatDate(soon.earliest),
    });
  },
};
