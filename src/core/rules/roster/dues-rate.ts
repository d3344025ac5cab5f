import type { RowRule } from "../types";
import { DUES_TOLERANCE, standardDues } from "../../dues";
import { F, employmentOf, isMember } from "./shared";

export const duesRate: RowRule = {
  id: "roster.dues.rate",
  severity: "warning",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const dues = row.num(F.dues);
    if (dues === null || !isMember(row)) return;
    const base = row.num(F.duesBase);
    if (base === null && row.filled(F.duesBase)) return;
    if (row.text(F.employment) === null && row.filled(F.employment)) return;
    const employment = employmentOf(row);
    const expected = standardDues(base, employment);
    if (Math.abs(dues - expected) > DUES_TOLERANCE) {
      report.cell(row, "dues", { dues, expected, base: base ?? "", employment });
    }
  },
};
