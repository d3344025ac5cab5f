import type { SheetRule } from "../types";
import type { DataRow } from "../../rows";
import { readId } from "./shared";

/** Rows named in each message; a number shared by thousands of rows must not make thousands of long messages. */
const MAX_LISTED = 10;

export const idDuplicate: SheetRule = {
  id: "roster.id.duplicate",
  severity: "error",
  templates: ["roster"],
  scope: "sheet",
  check(ctx, report) {
    // One row per id is the common case: keep it bare and make a list only on the second sighting.
    const seen = new Map<string, DataRow | DataRow[]>();
    for (const row of ctx.rows) {
      const p = readId(row).parsed;
      if (!p) continue;
      const prior = seen.get(p.id18);
      if (prior === undefined) seen.set(p.id18, row);
      else if (Array.isArray(prior)) prior.push(row);
      else seen.set(p.id18, [prior, row]);
    }
    for (const rows of seen.values()) {
      if (!Array.isArray(rows)) continue;
      const listed = rows.slice(0, MAX_LISTED).map((r) => r.row).join("、") + (rows.length > MAX_LISTED ? " 等" : "");
      for (const row of rows) report.cell(row, "idNumber", { rows: listed, count: rows.length });
    }
  },
};
