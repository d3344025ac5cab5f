import type { RowRule } from "../types";
import { settingNumber } from "../../settings";
import { inquorate, isDone } from "./shared";

/** Rounding noise allowed when comparing a rate with the 预警线 (8/10 is exactly 80 %). */
const EPSILON = 1e-9;

/** 已完成 with 实到/应到 below 到会率预警线, unless schedule.attendance.quorum already reports the row. */
export const scheduleAttendanceLow: RowRule = {
  id: "schedule.attendance.low",
  severity: "warning",
  templates: ["schedule"],
  scope: "row",
  check(row, ctx, report) {
    if (!isDone(row)) return;
    const attended = row.num("attended");
    const expected = row.num("expected");
    if (attended === null || expected === null || expected <= 0) return;
    const threshold = settingNumber(ctx.settings, "attendanceWarn");
    const rate = attended / expected;
    if (rate < threshold - EPSILON && !inquorate(row)) {
      report.cell(row, "attended", { attended, expected, rate: Math.round(rate * 10000) / 10000, threshold });
    }
  },
};
