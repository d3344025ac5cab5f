import type { CollectRule } from "../types";

/** Each row's entered 总分 and 排名, to rank once every total is known. */
type Entries = Array<{ row: number; total: number; rank: number | null }> & { unknown?: boolean };

export const rankMismatch: CollectRule<Entries> = {
  id: "eval.rank.mismatch",
  severity: "warning",
  templates: ["evaluation"],
  scope: "collect",
  start: () => [],
  row(entries, row) {
    const total = row.num("total");
    if (total !== null) entries.push({ row: row.row, total, rank: row.num("rank") });
    // A formula without a result is a total not known yet: no rank can be checked against the others.
    else if (row.problems.some((p) => p.kind === "uncalculated" && p.field === "total")) entries.unknown = true;
  },
  finish(entries, _ctx, report) {
    if (entries.unknown) return;
    const totals = entries.map((e) => e.total).sort((a, b) => b - a);
    for (const e of entries) {
      // Competition ranking: 1 + the number of strictly higher totals (ties share a rank: 1, 2, 2, 4).
      const expected = 1 + totals.findIndex((t) => t <= e.total + 1e-9);
      if (e.rank !== null && e.rank !== expected) report.cell({ row: e.row }, "rank", { rank: e.rank, expected });
    }
  },
};
