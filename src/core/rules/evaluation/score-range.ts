import type { RowRule } from "../types";
import { settingNumber } from "../../settings";
import { itemColumns } from "./shared";

export const scoreRange: RowRule = {
  id: "eval.score.range",
  severity: "error",
  templates: ["evaluation"],
  scope: "row",
  check(row, ctx, report) {
    for (const col of itemColumns(ctx)) {
      const v = row.num(col.field.key);
      const max = col.field.item?.max ?? 0;
      if (v !== null && (v < 0 || v > max)) report.cell(row, col.field.key, { value: v, min: 0, max });
    }
    const bonus = row.num("bonus");
    const cap = settingNumber(ctx.settings, "bonusCap");
    if (bonus !== null && (bonus < 0 || bonus > cap)) report.cell(row, "bonus", { value: bonus, min: 0, max: cap });
    const deduction = row.num("deduction");
    if (deduction !== null && deduction < 0) report.cell(row, "deduction", { value: deduction, min: 0, max: "" });
  },
};
