import type { RowRule } from "../types";

export const gradeMajority: RowRule = {
  id: "ballot.grade.majority",
  severity: "warning",
  templates: ["ballot"],
  scope: "row",
  check(row, _ctx, report) {
    const voters = row.num("voters");
    const excellent = row.num("excellent");
    if (row.text("result") === "优秀" && voters !== null && excellent !== null && excellent * 2 <= voters) {
      report.cell(row, "result", { excellent, voters });
    }
  },
};
