import type { RowRule } from "../types";
import { itemColumns } from "./shared";

export const scoreMissing: RowRule = {
  id: "eval.score.missing",
  severity: "error",
  templates: ["evaluation"],
  scope: "row",
  check(row, ctx, report) {
    if (row.text("name") === null) return;
    for (const col of itemColumns(ctx))
      if (row.blank(col.field.key)) report.cell(row, col.field.key, { item: col.field.item?.name ?? "" });
  },
};
