import type { RowRule } from "../types";
import { formatDate } from "../../dates";
import { planYear } from "./shared";

/** 日期 lies outside the plan year (设置 年度, else the year most dates are in, else the as-of year). */
export const scheduleDateYear: RowRule = {
  id: "schedule.date.year",
  severity: "warning",
  templates: ["schedule"],
  scope: "row",
  check(row, ctx, report) {
    const date = row.date("date");
    if (!date) return;
    const year = planYear(ctx);
    if (date.y !== year) report.cell(row, "date", { date: formatDate(date), year });
  },
};
