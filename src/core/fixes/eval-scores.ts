import type { Fix, FixKind } from "./types";
import { makeFix } from "./make-fix";
import { computedTotal, gradeFor, isVetoed } from "../rules/evaluation/shared";

const TOTAL = "total";
const RANK = "rank";
const GRADE = "grade";

/**
 * 总分 recomputed as Σ items + 加分 − 扣分 where every item is present, then 等次 from the (fixed) 总分 under the 设置
 * thresholds (veto rows left alone) and 排名 as the competition rank of the fixed totals: the rules' own arithmetic,
 * so validating the result raises none of eval.total.mismatch, eval.grade.threshold and eval.rank.mismatch.
 */
export const evalScoresFix: FixKind = {
  id: "eval.total.mismatch",
  derive(input) {
    const { ctx } = input;
    const out: Fix[] = [];
    if (!ctx.column(TOTAL)) return out;
    const totals: Array<{ row: number; total: number }> = [];
    for (const row of ctx.rows) {
      let total = row.num(TOTAL);
      const expected = total === null ? null : computedTotal(row, ctx);
      if (total !== null && expected !== null && Math.abs(total - expected) > 0.005) {
        const fix = makeFix(input, row.row, TOTAL, "eval.total.mismatch", expected);
        if (fix) out.push(fix);
        total = expected;
      }
      if (total === null) continue;
      totals.push({ row: row.row, total });
      const grade = row.text(GRADE);
      if (grade === null || isVetoed(row)) continue;
      const want = gradeFor(total, ctx);
      if (grade !== want) {
        const fix = makeFix(input, row.row, GRADE, "eval.grade.threshold", want);
        if (fix) out.push(fix);
      }
    }
    if (!ctx.column(RANK)) return out;
    const sorted = totals.map((t) => t.total).sort((a, b) => b - a);
    for (const t of totals) {
      const rank = input.rowAt(t.row)?.num(RANK) ?? null;
      const expected = 1 + sorted.findIndex((s) => s <= t.total + 1e-9);
      if (rank !== null && rank !== expected) {
        const fix = makeFix(input, t.row, RANK, "eval.rank.mismatch", expected);
        if (fix) out.push(fix);
      }
    }
    return out;
  },
};
