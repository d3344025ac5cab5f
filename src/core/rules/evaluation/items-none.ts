import type { SheetRule } from "../types";
import { itemColumns } from "./shared";

export const itemsNone: SheetRule = {
  id: "eval.items.none",
  severity: "error",
  templates: ["evaluation"],
  scope: "sheet",
  check(ctx, report) {
    if (itemColumns(ctx).length === 0) report.header(null, { example: "师德师风(20)" });
  },
};
