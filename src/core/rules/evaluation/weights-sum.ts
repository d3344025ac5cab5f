import type { SheetRule } from "../types";
import { itemColumns } from "./shared";

export const weightsSum: SheetRule = {
  id: "eval.weights.sum",
  severity: "warning",
  templates: ["evaluation"],
  scope: "sheet",
  check(ctx, report) {
    const items = itemColumns(ctx);
    if (items.length === 0) return;
    const sum = items.reduce((s, c) => s + (c.field.item?.max ?? 0), 0);
    if (Math.abs(sum - 100) > 1e-9) report.header(items[0]!.field.key, { sum, items: items.length }, items[0]);
  },
};
