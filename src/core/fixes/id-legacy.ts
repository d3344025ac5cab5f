import type { FixKind } from "./types";
import { fixIssues } from "./make-fix";

/** `roster.id.legacy`: a 15-digit id becomes its 18-digit form (its check character computed). */
export const idLegacyFix: FixKind = {
  id: "roster.id.legacy",
  derive: (input) =>
    fixIssues(input, "roster.id.legacy", (issue) => {
      const upgraded = issue.params["upgraded"];
      const raw = input.rowAt(issue.row ?? 0)?.raw(issue.field ?? "");
      return typeof raw === "string" && typeof upgraded === "string" && upgraded.length === 18 ? upgraded : null;
    }),
};
