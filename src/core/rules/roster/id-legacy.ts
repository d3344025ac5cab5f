import type { RowRule } from "../types";
import { readId } from "./shared";

export const idLegacy: RowRule = {
  id: "roster.id.legacy",
  severity: "warning",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const p = readId(row).parsed;
    if (p?.form === "15") report.cell(row, "idNumber", { value: p.text, upgraded: p.id18 });
  },
};
