import type { RowRule } from "../types";
import { computedTotal } from "./shared";

export const totalMismatch: RowRule = {
  id: "eval.total.mismatch",
  severity: "error",
  templates: ["evaluation"],
  scope: "row",
  check(row, ctx, report) {
    const total = row.num("total");
    if (total === null) return;
    const expected = computedTotal(row, ctx);
    if (expected !== null && Math.abs(total - expected) > 0.005) report.cell(row, "total", { total, expected });
  },
};
