import type { Issue } from "../types";
import type { Lang } from "./types";

/** `邱筠（第 8 行）` (`邱筠 (row 8) `) before an issue's cell or message; "" when the issue names no person. */
export function personLabel(issue: Issue, lang: Lang): string {
  if (issue.person === null || issue.row === null) return "";
  return lang === "zh-CN" ? `${issue.person}（第 ${issue.row} 行）` : `${issue.person} (row ${issue.row}) `;
}
