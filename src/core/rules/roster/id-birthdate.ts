import type { RowRule } from "../types";
import { compareDates, formatDate } from "../../dates";
import { readId } from "./shared";

export const idBirthdate: RowRule = {
  id: "roster.id.birthdate",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, ctx, report) {
    const p = readId(row).parsed;
    if (!p) return;
    const digits = p.form === "18" ? p.text.slice(6, 14) : "19" + p.text.slice(6, 12);
    if (!p.birth) report.cell(row, "idNumber", { digits, reason: "invalid" });
    else if (compareDates(p.birth, ctx.asOf) > 0)
      report.cell(row, "idNumber", { digits, reason: "future", asOf: formatDate(ctx.asOf) });
  },
};
