/**
 * Invented year-end evaluation rows: item scores within each item's maximum, 总分 = Σ items + 加分 − 扣分,
 * 等次 by the default thresholds with 优秀 kept within the default 20 % quota, and competition ranks.
 */
import type { CellValue } from "../types";
import { evaluation } from "../templates/evaluation";
import { quotaLimit } from "../rules/quota";
import { createRandom } from "./random";
import { sampleName } from "./roster";
import type { SampleRowsOptions } from "./index";

const DEPARTMENTS = ["一年级组", "二年级组", "三年级组", "四年级组", "五年级组", "六年级组", "行政后勤"];
const POSTS = ["教师", "班主任", "教研组长", "行政"];

/** The item key a sheet reading the default header `名称(分值)` gives the item. */
export function itemKey(name: string): string {
  return `item:${name}`;
}

export function sampleEvaluationRows(n: number, options: Omit<SampleRowsOptions, "asOf">): Record<string, CellValue>[] {
  const r = createRandom(options.seed ?? 1);
  const items = evaluation.itemColumns?.defaults ?? [];
  const rows = Array.from({ length: n }, (_, i) => {
    const row: Record<string, CellValue> = {
      seq: i + 1,
      name: sampleName(r, r.chance(0.4)),
      department: r.pick(DEPARTMENTS),
      post: r.pick(POSTS),
    };
    // A strength per person keeps the item scores of one person alike, as real scores are.
    const strength = 0.6 + r.next() * 0.4;
    let sum = 0;
    for (const [name, max] of items) {
      const score = Math.min(max, Math.max(0, Math.round(max * (strength + (r.next() - 0.5) * 0.15))));
      row[itemKey(name)] = score;
      sum += score;
    }
    const bonus = r.chance(0.3) ? r.int(1, 3) : null;
    const deduction = r.chance(0.15) ? r.int(1, 2) : null;
    row["bonus"] = bonus;
    row["deduction"] = deduction;
    row["total"] = sum + (bonus ?? 0) - (deduction ?? 0);
    row["veto"] = "否";
    return row;
  });
  const totals = rows.map((row) => row["total"] as number).sort((a, b) => b - a);
  let excellentLeft = quotaLimit(0.2, n);
  const byTotal = [...rows].sort((a, b) => (b["total"] as number) - (a["total"] as number));
  for (const row of byTotal) {
    const total = row["total"] as number;
    row["rank"] = 1 + totals.findIndex((t) => t <= total);
    let grade = total >= 90 ? "优秀" : total >= 70 ? "合格" : total >= 60 ? "基本合格" : "不合格";
    if (grade === "优秀") {
      if (excellentLeft > 0) excellentLeft--;
      else {
        // Over the quota: the score is lowered into 合格, as a school's committee would decide.
        const cut = total - 89;
        let left = cut;
        for (const [name] of items) {
          const score = row[itemKey(name)] as number;
          const take = Math.min(left, score);
          row[itemKey(name)] = score - take;
          left -= take;
        }
        row["total"] = total - cut + left;
        grade = "合格";
      }
    }
    row["grade"] = grade;
  }
  // Lowered totals change the order: rank again on the final totals.
  const finalTotals = rows.map((row) => row["total"] as number).sort((a, b) => b - a);
  for (const row of rows) row["rank"] = 1 + finalTotals.findIndex((t) => t <= (row["total"] as number));
  return rows;
}
