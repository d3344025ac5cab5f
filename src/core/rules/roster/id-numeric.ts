import type { RowRule } from "../types";
import { F, readId } from "./shared";

export const idNumeric: RowRule = {
  id: "roster.id.numeric",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    if (readId(row).numeric) report.cell(row, "idNumber", { value: String(row.raw(F.idNumber)) });
  },
};
