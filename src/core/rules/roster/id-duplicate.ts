import type { CollectRule } from "../types";
import { readId } from "./shared";

/** Rows named in each message; a number shared by thousands of rows must not make thousands of long messages. */
const MAX_LISTED = 10;

/** Row numbers by normalised id; one row per id is the common case, so a list is made only on the second sighting. */
type Seen = Map<string, number | number[]>;

export const idDuplicate: CollectRule<Seen> = {
  id: "roster.id.duplicate",
  severity: "error",
  templates: ["roster"],
  scope: "collect",
  start: () => new Map(),
  row(seen, row) {
    const p = readId(row).parsed;
    if (!p) return;
    const prior = seen.get(p.id18);
    if (prior === undefined) seen.set(p.id18, row.row);
    else if (Array.isArray(prior)) prior.push(row.row);
    else seen.set(p.id18, [prior, row.row]);
  },
  finish(seen, _ctx, report) {
    for (const rows of seen.values()) {
      if (!Array.isArray(rows)) continue;
      const listed = rows.slice(0, MAX_LISTED).join("、") + (rows.length > MAX_LISTED ? " 等" : "");
      for (const row of rows) report.cell({ row }, "idNumber", { rows: listed, count: rows.length });
    }
  },
};
