import type { CollectRule } from "../types";
import { settingNumber } from "../../settings";
import { quotaLimit } from "../quota";

interface Tally {
  graded: number;
  excellent: number;
}

export const gradeQuota: CollectRule<Tally> = {
  id: "eval.grade.quota",
  severity: "error",
  templates: ["evaluation"],
  scope: "collect",
  start: () => ({ graded: 0, excellent: 0 }),
  row(t, row) {
    const grade = row.text("grade");
    if (grade === null) return;
    t.graded++;
    if (grade === "优秀") t.excellent++;
  },
  finish(t, ctx, report) {
    const quota = settingNumber(ctx.settings, "evalExcellentQuota");
    const limit = quotaLimit(quota, t.graded);
    if (t.excellent > limit)
      report.header("grade", { used: t.excellent, limit, graded: t.graded, quota: Math.round(quota * 10000) / 100 });
  },
};
