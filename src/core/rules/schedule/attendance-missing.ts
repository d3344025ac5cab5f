import type { RowRule } from "../types";
import { isDone } from "./shared";

/** 已完成 with an empty 实到人数 (not raised when the sheet has no 实到人数 column at all). */
export const scheduleAttendanceMissing: RowRule = {
  id: "schedule.attendance.missing",
  severity: "warning",
  templates: ["schedule"],
  scope: "row",
  check(row, _ctx, report) {
    if (isDone(row) && row.blank("attended")) report.cell(row, "attended", { type: row.text("type") ?? "" });
  },
};
