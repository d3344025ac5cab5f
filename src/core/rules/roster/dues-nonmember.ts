import type { RowRule } from "../types";
import { F, isMember } from "./shared";

export const duesNonmember: RowRule = {
  id: "roster.dues.nonmember",
  severity: "warning",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const category = row.text(F.category);
    const dues = row.num(F.dues);
    if (category && !isMember(row) && dues !== null && dues !== 0) report.cell(row, "dues", { category, dues });
  },
};
