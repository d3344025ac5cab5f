import type { FixKind } from "./types";
import { fixIssues } from "./make-fix";
import { cleanText, hasWhitespaceProblem } from "../text";

/** `cell.whitespace`: trims spaces and drops invisible characters, unless a space inside the text remains. */
export const whitespaceFix: FixKind = {
  id: "cell.whitespace",
  derive: (input) =>
    fixIssues(input, "cell.whitespace", (issue) => {
      const raw = input.rowAt(issue.row ?? 0)?.raw(issue.field ?? "");
      if (typeof raw !== "string") return null;
      const clean = cleanText(raw);
      return clean === "" || clean === raw || hasWhitespaceProblem(clean) ? null : clean;
    }),
};
