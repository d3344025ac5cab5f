import type { RowRule } from "../types";
import { compareDates, formatDate } from "../../dates";
import { SCHEDULE_STATUS } from "../../templates/schedule";
import { eventDay, planYear, statusOf } from "./shared";

/**
 * Still 计划 (or 状态 empty) although its 日期 (or, without one, the last day of its 月份 in the plan year)
 * is before as-of.
 */
export const scheduleOverdue: RowRule = {
  id: "schedule.overdue",
  severity: "warning",
  templates: ["schedule"],
  scope: "row",
  check(row, ctx, report) {
    if (statusOf(row) !== SCHEDULE_STATUS.planned) return;
    const day = eventDay(row, planYear(ctx));
    if (day && compareDates(day, ctx.asOf) < 0) {
      report.cell(row, "status", {
        date: formatDate(day),
        asOf: formatDate(ctx.asOf),
        status: SCHEDULE_STATUS.planned,
      });
    }
  },
};
