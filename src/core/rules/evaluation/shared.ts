import type { ColumnBinding } from "../../header";
import type { DataRow } from "../../rows";
import type { SheetContext } from "../types";
import { settingNumber } from "../../settings";

/** The sheet's item columns (`名称(分值)`), in column order. */
export function itemColumns(ctx: SheetContext): ColumnBinding[] {
  return ctx.shared("itemColumns", (c) => c.match.columns.filter((col) => col.field.item !== undefined));
}

/** The grade 总分 earns under the 设置 thresholds. */
export function gradeFor(total: number, ctx: SheetContext): string {
  if (total >= settingNumber(ctx.settings, "excellentScore")) return "优秀";
  if (total >= settingNumber(ctx.settings, "passScore")) return "合格";
  if (total >= settingNumber(ctx.settings, "basicPassScore")) return "基本合格";
  return "不合格";
}

export function isVetoed(row: DataRow): boolean {
  return row.text("veto") === "是";
}

/** Σ items + 加分 − 扣分, or null without items or when one is empty or unreadable (empty 加分/扣分 count as 0). */
export function computedTotal(row: DataRow, ctx: SheetContext): number | null {
  const items = itemColumns(ctx);
  if (items.length === 0) return null;
  let sum = 0;
  for (const col of items) {
    const v = row.num(col.field.key);
    if (v === null) return null;
    sum += v;
  }
  for (const [key, sign] of [
    ["bonus", 1],
    ["deduction", -1],
  ] as const) {
    const v = row.num(key);
    if (v === null && row.filled(key)) return null;
    sum += sign * (v ?? 0);
  }
  return Math.round(sum * 1e6) / 1e6;
}
