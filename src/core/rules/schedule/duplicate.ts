import type { CollectRule } from "../types";
import { formatDate } from "../../dates";
import { compactText } from "../../text";

/** Rows named in each message. */
const MAX_LISTED = 10;

/** Row numbers by date + type + topic; a list is made only on the second sighting. */
type Seen = Map<string, number | number[]>;

/** The same 日期, 活动类型 and 内容 (compared without spaces, half-width) on more than one row; every such row gets it. */
export const scheduleDuplicate: CollectRule<Seen> = {
  id: "schedule.duplicate",
  severity: "warning",
  templates: ["schedule"],
  scope: "collect",
  start: () => new Map(),
  row(seen, row) {
    const date = row.date("date");
    const type = row.text("type");
    const topic = row.text("topic");
    if (!date || type === null || topic === null) return;
    const t = compactText(topic);
    if (t === "") return;
    const key = `${formatDate(date)}\u0000${type}\u0000${t}`;
    const prior = seen.get(key);
    if (prior === undefined) seen.set(key, row.row);
    else if (Array.isArray(prior)) prior.push(row.row);
    else seen.set(key, [prior, row.row]);
  },
  finish(seen, _ctx, report) {
    for (const [key, rows] of seen) {
      if (!Array.isArray(rows)) continue;
      const [date = "", type = ""] = key.split("\u0000");
      const listed = rows.slice(0, MAX_LISTED).join("、") + (rows.length > MAX_LISTED ? " 等" : "");
      for (const row of rows) report.cell({ row }, "topic", { date, type, rows: listed, count: rows.length });
    }
  },
};
