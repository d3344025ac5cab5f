import type { CollectRule } from "../types";
import { settingNumber } from "../../settings";
import { quotaLimit } from "../quota";

interface Tally {
  rated: number;
  excellent: number;
}

export const ballotGradeQuota: CollectRule<Tally> = {
  id: "ballot.grade.quota",
  severity: "error",
  templates: ["ballot"],
  scope: "collect",
  start: () => ({ rated: 0, excellent: 0 }),
  row(t, row) {
    const result = row.text("result");
    if (result === null || result === "不评定等次") return;
    t.rated++;
    if (result === "优秀") t.excellent++;
  },
  finish(t, ctx, report) {
    const quota = settingNumber(ctx.settings, "ballotExcellentQuota");
    const limit = quotaLimit(quota, t.rated);
    if (t.excellent > limit)
      report.header("result", { used: t.excellent, limit, rated: t.rated, quota: Math.round(quota * 10000) / 100 });
  },
};
