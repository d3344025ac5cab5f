import type { CollectRule } from "../types";

type Seen = Map<string, number[]>;

export const evalDuplicate: CollectRule<Seen> = {
  id: "eval.duplicate",
  severity: "warning",
  templates: ["evaluation"],
  scope: "collect",
  start: () => new Map(),
  row(seen, row) {
    const name = row.text("name");
    if (name === null) return;
    const key = `${name}\u0000${row.text("department") ?? ""}`;
    const rows = seen.get(key);
    if (rows) rows.push(row.row);
    else seen.set(key, [row.row]);
  },
  finish(seen, _ctx, report) {
    for (const rows of seen.values()) {
      if (rows.length < 2) continue;
      for (const row of rows) report.cell({ row }, "name", { rows: rows.join("、"), count: rows.length });
    }
  },
};
