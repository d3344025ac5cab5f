import type { RowRule } from "../types";
import { readId } from "./shared";

export const idFormat: RowRule = {
  id: "roster.id.format",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const id = readId(row);
    if (!id.numeric && id.text && !id.parsed) report.cell(row, "idNumber", { value: id.text, length: id.text.length });
  },
};
