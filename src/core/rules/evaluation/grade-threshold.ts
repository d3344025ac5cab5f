import type { RowRule } from "../types";
import { gradeFor, isVetoed } from "./shared";

export const gradeThreshold: RowRule = {
  id: "eval.grade.threshold",
  severity: "error",
  templates: ["evaluation"],
  scope: "row",
  check(row, ctx, report) {
    const grade = row.text("grade");
    const total = row.num("total");
    if (grade === null || total === null || isVetoed(row)) return;
    const expected = gradeFor(total, ctx);
    if (grade !== expected) report.cell(row, "grade", { grade, expected, total });
  },
};
