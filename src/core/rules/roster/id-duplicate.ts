import type { SheetRule } from "../types";
import type { DataRow } from "../../rows";
import { readId } from "./shared";

export const idDuplicate: SheetRule = {
  id: "roster.id.duplicate",
  severity: "error",
  templates: ["roster"],
  scope: "sheet",
  check(ctx, report) {
    const seen = new Map<string, DataRow[]>();
    for (const row of ctx.rows) {
      const p = readId(row).parsed;
      if (!p) continue;
      const list = seen.get(p.id18);
      if (list) list.push(row);
      else seen.set(p.id18, [row]);
    }
    for (const rows of seen.values()) {
      if (rows.length < 2) continue;
      const all = rows.map((r) => r.row).join("、");
      for (const row of rows) {
        const others = rows.filter((r) => r !== row).map((r) => r.row).join("、");
        report.cell(row, "idNumber", { rows: all, others, count: rows.length });
      }
    }
  },
};
