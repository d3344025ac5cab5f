import type { RowRule } from "../types";
import { F } from "./shared";
import { formatDate } from "../../dates";
import { lessThanAYearAfter } from "./year-after";

export const probationEarly: RowRule = {
  id: "roster.probation.early",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const soon = lessThanAYearAfter(row, F.admissionDate, F.fullDate);
    if (!soon) return;
    report.cell(row, "fullDate", {
      admission: formatDate(soon.from),
      full: formatDate(soon.to),
      earliest: formatDate(soon.earliest),
    });
  },
};
