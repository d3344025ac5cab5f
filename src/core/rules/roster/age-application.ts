import type { RowRule } from "../types";
import { ageOn, formatDate } from "../../dates";
import { F, birthOf } from "./shared";

export const MIN_APPLICATION_AGE = 18;

export const ageApplication: RowRule = {
  id: "roster.age.application",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const applied = row.date(F.applicationDate);
    const birth = birthOf(row);
    if (!applied || !birth) return;
    const age = ageOn(birth, applied);
    if (age < MIN_APPLICATION_AGE)
      report.cell(row, "applicationDate", { age, birth: formatDate(birth), date: formatDate(applied) });
  },
};
