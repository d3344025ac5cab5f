import type { RowRule } from "../types";
import { F, readId } from "./shared";

export const genderMismatch: RowRule = {
  id: "roster.gender.mismatch",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const gender = row.text(F.gender);
    const p = readId(row).parsed;
    if (gender && p && p.gender !== gender) report.cell(row, "gender", { given: gender, fromId: p.gender });
  },
};
