import type { DataRow } from "../../rows";
import type { Reporter } from "../types";

/**
 * A 是/否 column and the detail that goes with 是 (失联 + 失去联系日期, 流动 + 外出流向): 是 without the detail is
 * reported on the detail's cell, a detail without 是 on the 是/否 cell (each on the other when the sheet lacks the
 * column). An unreadable 是/否 is left to cell.enum.
 */
export function checkFlagDetail(row: DataRow, flag: string, detail: string, report: Reporter): void {
  const answer = row.text(flag);
  if (answer === null && row.filled(flag)) return;
  const yes = answer === "是";
  const given = row.filled(detail);
  if (yes && !given) report.cell(row, row.has(detail) ? detail : flag, { reason: "missingDetail" });
  else if (!yes && given && row.has(flag))
    report.cell(row, flag, { reason: answer === "否" ? "answeredNo" : "notAnswered" });
}
