import type { IssueParams, Severity } from "../../types";
import type { FieldDef } from "../../templates/types";
import type { ProblemKind } from "../../coerce";
import { headerText } from "../../header";
import type { RowRule } from "../types";

/** A rule that reports the cells whose reading found a problem of one kind; `extra` adds params from the field. */
export function problemRule(
  id: string,
  severity: Severity,
  kind: ProblemKind,
  detailParam: string,
  extra?: (field: FieldDef) => IssueParams,
): RowRule {
  return {
    id,
    severity,
    templates: "*",
    scope: "row",
    problemsOnly: true,
    check(row, ctx, report) {
      for (const p of row.problems) {
        if (p.kind !== kind) continue;
        const raw = row.raw(p.field);
        const field = extra ? ctx.column(p.field)?.field : undefined;
        report.cell(row, p.field, {
          value: headerText(raw),
          [detailParam]: p.detail,
          ...(field && extra ? extra(field) : {}),
        });
      }
    },
  };
}
