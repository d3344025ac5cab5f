import type { Severity } from "../../types";
import type { ProblemKind } from "../../coerce";
import { headerText } from "../../header";
import type { RowRule } from "../types";

/** A rule that reports the cells whose reading found a problem of one kind. */
export function problemRule(id: string, severity: Severity, kind: ProblemKind, detailParam: string): RowRule {
  return {
    id,
    severity,
    templates: "*",
    scope: "row",
    problemsOnly: true,
    check(row, _ctx, report) {
      for (const p of row.problems) {
        if (p.kind !== kind) continue;
        const raw = row.raw(p.field);
        report.cell(row, p.field, { value: headerText(raw), [detailParam]: p.detail });
      }
    },
  };
}
