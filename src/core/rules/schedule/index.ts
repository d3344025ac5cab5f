import type { Rule } from "../types";
import { scheduleDateMonth } from "./date-month";
import { scheduleDateYear } from "./date-year";
import { scheduleAttendanceExceeds } from "./attendance-exceeds";
import { scheduleAttendanceMissing } from "./attendance-missing";
import { scheduleAttendanceQuorum } from "./attendance-quorum";
import { scheduleAttendanceLow } from "./attendance-low";
import { scheduleOverdue } from "./overdue";
import { scheduleDuplicate } from "./duplicate";
import { scheduleFrequency } from "./frequency";

/** The schedule rules in SPEC §3 order, for the registry in src/core/rules/index.ts. */
export const SCHEDULE_RULES: readonly Rule[] = [
  scheduleDateMonth,
  scheduleDateYear,
  scheduleAttendanceExceeds,
  scheduleAttendanceMissing,
  scheduleAttendanceQuorum,
  scheduleAttendanceLow,
  scheduleOverdue,
  scheduleDuplicate,
  scheduleFrequency,
];
