import type { RowRule, SheetContext } from "../types";
import { type FieldRef, fieldRef } from "../../rows";

function requiredColumns(ctx: SheetContext): FieldRef[] {
  return ctx.match.columns.filter((c) => c.field.required).map((c) => fieldRef(c.field.key));
}

export const cellRequired: RowRule = {
  id: "cell.required",
  severity: "error",
  templates: "*",
  scope: "row",
  check(row, ctx, report) {
    const required = ctx.shared("requiredKeys", requiredColumns);
    // A read value is never blank: look at the raw cell only when nothing was read.
    for (const ref of required) if (row.value(ref) === null && row.blank(ref)) report.cell(row, ref.key);
  },
};
