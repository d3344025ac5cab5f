import type { Fix, FixKind } from "./types";
import { fixIssues, makeFix } from "./make-fix";
import { standardDues } from "../dues";

const BASE = "duesBase";
const EMPLOYMENT = "employment";

/**
 * `roster.dues.rate`: the standard dues the rule computed; `roster.dues.missing`: the standard dues of a present
 * base (a member with no base is left alone: the base must come from the payroll).
 */
export const duesFix: FixKind = {
  id: "roster.dues.rate",
  derive(input) {
    const out: Fix[] = fixIssues(input, "roster.dues.rate", (issue) => {
      const expected = issue.params["expected"];
      return typeof expected === "number" && issue.params["base"] !== "" ? expected : null;
    });
    for (const issue of input.issues) {
      if (issue.rule !== "roster.dues.missing" || issue.row === null || issue.field === null) continue;
      const row = input.rowAt(issue.row);
      const base = row?.num(BASE) ?? null;
      if (!row || base === null || base <= 0) continue;
      if (row.text(EMPLOYMENT) === null && row.filled(EMPLOYMENT)) continue;
      const fix = makeFix(
        input,
        issue.row,
        issue.field,
        issue.rule,
        standardDues(base, row.text(EMPLOYMENT) ?? "在职"),
      );
      if (fix) out.push(fix);
    }
    return out;
  },
};
