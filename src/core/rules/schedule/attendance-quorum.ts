import type { RowRule } from "../types";
import { inquorate } from "./shared";

/** 支部党员大会 / 支部委员会 held (已完成) with fewer than half of those expected present. */
export const scheduleAttendanceQuorum: RowRule = {
  id: "schedule.attendance.quorum",
  severity: "error",
  templates: ["schedule"],
  scope: "row",
  check(row, _ctx, report) {
    if (!inquorate(row)) return;
    const expected = row.num("expected") ?? 0;
    report.cell(row, "attended", {
      type: row.text("type") ?? "",
      attended: row.num("attended") ?? 0,
      expected,
      // The fewest present that SPEC §3 accepts (attended × 2 ≥ expected).
      quorum: Math.ceil(expected / 2),
    });
  },
};
