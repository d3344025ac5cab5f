import type { RowRule } from "../types";
import { readId } from "./shared";

export const idChecksum: RowRule = {
  id: "roster.id.checksum",
  severity: "error",
  templates: ["roster"],
  scope: "row",
  check(row, _ctx, report) {
    const p = readId(row).parsed;
    if (p && p.form === "18" && !p.checksumOk)
      report.cell(row, "idNumber", { expected: p.expectedCheck, actual: p.text.slice(-1) });
  },
};
