import type { RowRule } from "../types";
import { formatDate } from "../../dates";

/** 日期 lies in another month than 月份. */
export const scheduleDateMonth: RowRule = {
  id: "schedule.date.month",
  severity: "error",
  templates: ["schedule"],
  scope: "row",
  check(row, _ctx, report) {
    const date = row.date("date");
    const month = row.num("month");
    if (date && month !== null && date.m !== month) report.cell(row, "date", { date: formatDate(date), month });
  },
};
