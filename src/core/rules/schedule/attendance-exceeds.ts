import type { RowRule } from "../types";

/** 实到人数 greater than 应到人数. */
export const scheduleAttendanceExceeds: RowRule = {
  id: "schedule.attendance.exceeds",
  severity: "error",
  templates: ["schedule"],
  scope: "row",
  check(row, _ctx, report) {
    const attended = row.num("attended");
    const expected = row.num("expected");
    if (attended !== null && expected !== null && attended > expected)
      report.cell(row, "attended", { attended, expected });
  },
};
