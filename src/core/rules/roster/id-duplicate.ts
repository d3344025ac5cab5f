import type { CollectRule } from "../types";
import { readId } from "./shared";

/** Rows named in each message; a number shared by thousands of rows must not make thousands of long messages. */
const MAX_LISTED = 10;

/**
 * Each row's normalised id as two 31-bit numbers (digits 1–9; digits 10–17 with the check character) and its row,
 * appended to one typed array while the sheet streams past. The ids are compared only at the end, in a hash table
 * small enough to stay in cache: no strings hashed, no map entries, no cache misses interleaved with reading.
 */
interface Seen {
  entries: Int32Array;
  count: number;
}

/** Numbers per entry: hi, lo, row. */
const STRIDE = 3;

function append(seen: Seen, hi: number, lo: number, row: number): void {
  let entries = seen.entries;
  const at = seen.count * STRIDE;
  if (at + STRIDE > entries.length) {
    const grown = new Int32Array(entries.length * 2);
    grown.set(entries);
    seen.entries = entries = grown;
  }
  entries[at] = hi;
  entries[at + 1] = lo;
  entries[at + 2] = row;
  seen.count++;
}

/** Rows of each id met more than once, in row order, keyed by its first entry. */
function repeatedIds(seen: Seen): Map<number, number[]> {
  const { entries, count } = seen;
  let capacity = 1024;
  while (capacity < 2 * count) capacity *= 2;
  const mask = capacity - 1;
  // Slot → first entry index + 1 (0: free).
  const slots = new Int32Array(capacity);
  const repeated = new Map<number, number[]>();
  for (let e = 0; e < count; e++) {
    const hi = entries[e * STRIDE]!;
    const lo = entries[e * STRIDE + 1]!;
    let i = (Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo, 0x85ebca77)) >>> 0;
    for (;;) {
      i &= mask;
      const first = slots[i]! - 1;
      if (first < 0) {
        slots[i] = e + 1;
        break;
      }
      if (entries[first * STRIDE] === hi && entries[first * STRIDE + 1] === lo) {
        const row = entries[e * STRIDE + 2]!;
        const rows = repeated.get(first);
        if (rows) rows.push(row);
        else repeated.set(first, [entries[first * STRIDE + 2]!, row]);
        break;
      }
      i++;
    }
  }
  return repeated;
}

export const idDuplicate: CollectRule<Seen> = {
  id: "roster.id.duplicate",
  severity: "error",
  templates: ["roster"],
  scope: "collect",
  start: (ctx) => ({ entries: new Int32Array(Math.max(64, ctx.rowsBelowHeader) * STRIDE), count: 0 }),
  row(seen, row) {
    const p = readId(row).parsed;
    if (!p) return;
    // id18 is 17 ASCII digits and a digit or X.
    const id = p.id18;
    let hi = 0;
    for (let i = 0; i < 9; i++) hi = hi * 10 + id.charCodeAt(i) - 48;
    let lo = 0;
    for (let i = 9; i < 17; i++) lo = lo * 10 + id.charCodeAt(i) - 48;
    const last = id.charCodeAt(17);
    append(seen, hi, lo * 11 + (last === 88 ? 10 : last - 48), row.row);
  },
  finish(seen, ctx, report) {
    for (const rows of repeatedIds(seen).values()) {
      const listed = rows.slice(0, MAX_LISTED).join("、") + (rows.length > MAX_LISTED ? " 等" : "");
      const names = rows.slice(0, MAX_LISTED + 1).map((r) => ctx.personAt(r) ?? "");
      for (const row of rows) {
        // The other rows of the same number, with their names (parallel lists joined by 、, a name "" when empty).
        const others = rows
          .slice(0, MAX_LISTED + 1)
          .flatMap((r, i) => (r === row ? [] : [i]))
          .slice(0, MAX_LISTED);
        report.cell({ row }, "idNumber", {
          rows: listed,
          count: rows.length,
          otherRows: others.map((i) => rows[i]).join("、"),
          otherNames: others.map((i) => names[i]).join("、"),
        });
      }
    }
  },
};
