import type { SheetContext } from "../rules/types";
import { type Counts, type Summarizer, bump } from "./types";
import { settingNumber } from "../settings";
import { quotaLimit } from "../rules/quota";
import { itemColumns } from "../rules/evaluation/shared";

export interface DepartmentFigures {
  count: number;
  average: number;
  max: number;
  min: number;
}

export interface RankedEntry {
  rank: number;
  name: string;
  department: string;
  total: number;
  grade: string;
}

export interface EvaluationSummary {
  byGrade: Counts;
  excellentQuota: { limit: number; used: number };
  byDepartment: Record<string, DepartmentFigures>;
  itemAverages: Record<string, number>;
  ranked: RankedEntry[];
}

/** The department of a row whose 部门 is empty. */
export const NO_DEPARTMENT = "（未填部门）";

const round2 = (n: number) => Math.round(n * 100) / 100;

export const evaluationSummarizer: Summarizer<EvaluationSummary> = {
  template: "evaluation",
  summarize(contexts: readonly SheetContext[]) {
    const byGrade: Counts = {};
    const departments = new Map<string, number[]>();
    const items = new Map<string, { sum: number; n: number }>();
    const ranked: RankedEntry[] = [];
    let graded = 0;
    let quota = 0;
    for (const ctx of contexts) {
      quota = settingNumber(ctx.settings, "evalExcellentQuota");
      const cols = itemColumns(ctx);
      for (const row of ctx.rows) {
        const grade = row.text("grade");
        if (grade) {
          bump(byGrade, grade);
          graded++;
        }
        const total = row.num("total");
        const department = row.text("department") ?? NO_DEPARTMENT;
        if (total !== null) {
          const list = departments.get(department) ?? [];
          list.push(total);
          departments.set(department, list);
          ranked.push({ rank: 0, name: row.text("name") ?? "", department, total, grade: grade ?? "" });
        }
        for (const col of cols) {
          const v = row.num(col.field.key);
          const name = col.field.item?.name ?? col.header;
          if (v === null) continue;
          const acc = items.get(name) ?? { sum: 0, n: 0 };
          acc.sum += v;
          acc.n++;
          items.set(name, acc);
        }
      }
    }
    ranked.sort((a, b) => b.total - a.total);
    ranked.forEach((e, i) => (e.rank = i > 0 && ranked[i - 1]!.total === e.total ? ranked[i - 1]!.rank : i + 1));
    const byDepartment: Record<string, DepartmentFigures> = {};
    for (const [d, totals] of departments) {
      byDepartment[d] = {
        count: totals.length,
        average: round2(totals.reduce((a, b) => a + b, 0) / totals.length),
        max: Math.max(...totals),
        min: Math.min(...totals),
      };
    }
    const itemAverages: Record<string, number> = {};
    for (const [name, acc] of items) itemAverages[name] = round2(acc.sum / acc.n);
    return {
      byGrade,
      excellentQuota: { limit: quotaLimit(quota, graded), used: byGrade["优秀"] ?? 0 },
      byDepartment,
      itemAverages,
      ranked,
    };
  },
};
