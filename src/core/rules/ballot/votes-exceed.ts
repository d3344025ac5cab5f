import type { RowRule } from "../types";

export const VOTE_FIELDS = ["excellent", "pass", "basicPass", "fail"] as const;

export const votesExceed: RowRule = {
  id: "ballot.votes.exceed",
  severity: "error",
  templates: ["ballot"],
  scope: "row",
  check(row, _ctx, report) {
    const voters = row.num("voters");
    if (voters === null) return;
    let sum = 0;
    for (const key of VOTE_FIELDS) sum += row.num(key) ?? 0;
    if (sum > voters) report.cell(row, "voters", { votes: sum, voters });
  },
};
