import type { RowRule } from "../types";
import type { CellDate } from "../../types";
import { compareDates, formatDate } from "../../dates";
import { fieldRef } from "../../rows";

/** The 发展党员 chain, in the order the dates must follow. */
export const DATE_CHAIN = ["applicationDate", "activistDate", "candidateDate", "admissionDate", "fullDate"] as const;

const CHAIN_REFS = DATE_CHAIN.map(fieldRef);

export const datesOrder: RowRule = {
  id: "roster.dates.order",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, ctx, report) {
    let prevKey = "";
    let prevDate: CellDate | null = null;
    for (const ref of CHAIN_REFS) {
      const date = row.date(ref);
      if (!date) continue;
      if (prevDate && compareDates(prevDate, date) > 0) {
        report.cell(row, ref.key, {
          earlierField: prevKey,
          earlierHeader: ctx.column(prevKey)?.header ?? null,
          earlier: formatDate(prevDate),
          later: formatDate(date),
        });
      }
      prevKey = ref.key;
      prevDate = date;
    }
  },
};
