import type { RowRule } from "../types";
import type { CellDate } from "../../types";
import { compareDates, formatDate } from "../../dates";

/** The 发展党员 chain, in the order the dates must follow. */
export const DATE_CHAIN = ["applicationDate", "activistDate", "candidateDate", "admissionDate", "fullDate"] as const;

export const datesOrder: RowRule = {
  id: "roster.dates.order",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    let prev: { key: string; date: CellDate } | null = null;
    for (const key of DATE_CHAIN) {
      const date = row.date(key);
      if (!date) continue;
      if (prev && compareDates(prev.date, date) > 0) {
        report.cell(row, key, { earlierField: prev.key, earlier: formatDate(prev.date), later: formatDate(date) });
      }
      prev = { key, date };
    }
  },
};
