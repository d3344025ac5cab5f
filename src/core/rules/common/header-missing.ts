import type { SheetRule } from "../types";

export const headerMissing: SheetRule = {
  id: "header.missing",
  severity: "error",
  templates: "*",
  scope: "sheet",
  check(ctx, report) {
    for (const field of ctx.match.missing) report.header(null, { field: field.key, header: field.header });
  },
};
