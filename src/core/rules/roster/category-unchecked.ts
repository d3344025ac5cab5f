import type { CollectRule } from "../types";
import { F } from "./shared";
import { CATEGORY } from "../../templates/roster";

interface Counts {
  full: number;
  probationary: number;
}

/**
 * A roster without a 转正日期 (or 入党日期) column cannot have its categories checked against that date: said once,
 * for the sheet, instead of a `roster.category.mismatch` on every member.
 */
export const categoryUnchecked: CollectRule<Counts> = {
  id: "roster.category.unchecked",
  severity: "info",
  templates: ["roster"],
  scope: "collect",
  appliesTo: (ctx) => ctx.column("category") !== undefined && (!ctx.column("fullDate") || !ctx.column("admissionDate")),
  start: () => ({ full: 0, probationary: 0 }),
  row(state, row) {
    const category = row.text(F.category);
    if (category === CATEGORY.full) state.full++;
    else if (category === CATEGORY.probationary) state.probationary++;
  },
  finish(state, ctx, report) {
    const missing = (key: string) => (ctx.column(key) ? null : ctx.template.fields.find((f) => f.key === key));
    const fullDate = missing("fullDate");
    if (fullDate && state.full > 0)
      report.sheet("fullDate", { header: fullDate.header, category: CATEGORY.full, count: state.full });
    const admission = missing("admissionDate");
    if (admission && state.probationary > 0)
      report.sheet("admissionDate", {
        header: admission.header,
        category: CATEGORY.probationary,
        count: state.probationary,
      });
  },
};
