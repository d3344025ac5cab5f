import type { CollectRule } from "../types";
import { type FrequencyCounts, countForFrequency, frequencyShortfalls, planYear } from "./shared";

interface State {
  readonly year: number;
  readonly counts: FrequencyCounts;
}

/**
 * 三会一课 frequency (SPEC §3 schedule.frequency): for every period of the plan year that has ended on or before
 * as-of, the events of each type (not 已取消) must reach the count 设置 requires. Sheet-level, one issue per
 * (type, period); the requirements are data (SCHEDULE_FREQUENCY in templates/schedule.ts).
 */
export const scheduleFrequency: CollectRule<State> = {
  id: "schedule.frequency",
  severity: "warning",
  templates: ["schedule"],
  scope: "collect",
  start: (ctx) => ({ year: planYear(ctx), counts: new Map() }),
  row(state, row) {
    countForFrequency(state.counts, row, state.year);
  },
  finish(state, ctx, report) {
    for (const s of frequencyShortfalls(state.counts, state.year, ctx.asOf, ctx.settings)) {
      report.sheet("type", { type: s.type, period: s.period, required: s.required, actual: s.actual });
    }
  },
};
