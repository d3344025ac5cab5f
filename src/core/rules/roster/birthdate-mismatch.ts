import type { RowRule } from "../types";
import { compareDates, formatDate } from "../../dates";
import { F, readId } from "./shared";

export const birthdateMismatch: RowRule = {
  id: "roster.birthdate.mismatch",
  severity: "warning",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const given = row.date(F.birthDate);
    const fromId = readId(row).parsed?.birth;
    if (given && fromId && compareDates(given, fromId) !== 0) {
      report.cell(row, "birthDate", {
        given: formatDate(given),
        fromId: formatDate(given.d === 0 ? { ...fromId, d: 0 } : fromId),
      });
    }
  },
};
