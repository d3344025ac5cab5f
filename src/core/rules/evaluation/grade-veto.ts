import type { RowRule } from "../types";
import { isVetoed } from "./shared";

export const gradeVeto: RowRule = {
  id: "eval.grade.veto",
  severity: "error",
  templates: ["evaluation"],
  scope: "row",
  check(row, _ctx, report) {
    const grade = row.text("grade");
    if (isVetoed(row) && grade !== null && grade !== "不合格") report.cell(row, "grade", { grade });
  },
};
