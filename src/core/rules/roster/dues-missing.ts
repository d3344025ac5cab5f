import type { RowRule } from "../types";
import { F, isMember } from "./shared";

export const duesMissing: RowRule = {
  id: "roster.dues.missing",
  severity: "warning",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    if (row.has(F.dues) && isMember(row) && !row.filled(F.dues))
      report.cell(row, "dues", { category: row.text(F.category) ?? "" });
  },
};
