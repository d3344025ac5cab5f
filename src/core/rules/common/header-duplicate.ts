import type { SheetRule } from "../types";

export const headerDuplicate: SheetRule = {
  id: "header.duplicate",
  severity: "warning",
  templates: "*",
  scope: "sheet",
  check(ctx, report) {
    for (const dup of ctx.match.duplicates) {
      const first = ctx.column(dup.field.key);
      report.header(dup.field.key, { header: dup.header, first: first?.header ?? "" }, dup);
    }
  },
};
