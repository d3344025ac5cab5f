import type { CollectRule } from "../types";
import { readId } from "./shared";

/** Rows named in each message; a number shared by thousands of rows must not make thousands of long messages. */
const MAX_LISTED = 10;

/**
 * Normalised ids seen so far, as an open-addressing table of (digits 1–9, digits 10–17 with the check character,
 * first row) triples in one typed array, sized from the sheet's rows: 100,000 ids cost no strings hashed, no map
 * entries and one memory access each. A list of rows is made only on an id's second sighting.
 */
interface Seen {
  table: Int32Array;
  size: number;
  repeated: Map<number, number[]>;
}

/** Slots per table entry: hi, lo, first row (0: free). */
const STRIDE = 3;
const MAX_PRESIZE = 1 << 20;

function capacityFor(ids: number): number {
  let capacity = 1024;
  while (capacity < 2 * ids && capacity < MAX_PRESIZE) capacity *= 2;
  return capacity;
}

/** Index of the id's entry, or of the free entry where it belongs. */
function find(table: Int32Array, hi: number, lo: number): number {
  const mask = table.length / STRIDE - 1;
  let i = (Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo, 0x85ebca77)) >>> 0;
  for (;;) {
    i &= mask;
    const at = i * STRIDE;
    if (table[at + 2] === 0 || (table[at] === hi && table[at + 1] === lo)) return at;
    i++;
  }
}

function grow(seen: Seen): void {
  const old = seen.table;
  const table = new Int32Array(old.length * 2);
  const repeated = new Map<number, number[]>();
  for (let at = 0; at < old.length; at += STRIDE) {
    if (old[at + 2] === 0) continue;
    const to = find(table, old[at]!, old[at + 1]!);
    table[to] = old[at]!;
    table[to + 1] = old[at + 1]!;
    table[to + 2] = old[at + 2]!;
    const rows = seen.repeated.get(at);
    if (rows) repeated.set(to, rows);
  }
  seen.table = table;
  seen.repeated = repeated;
}

export const idDuplicate: CollectRule<Seen> = {
  id: "roster.id.duplicate",
  severity: "error",
  templates: ["roster"],
  scope: "collect",
  start: (ctx) => ({ table: new Int32Array(capacityFor(ctx.rowsBelowHeader) * STRIDE), size: 0, repeated: new Map() }),
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
    lo = lo * 11 + (last === 88 ? 10 : last - 48);
    const table = seen.table;
    const at = find(table, hi, lo);
    const first = table[at + 2]!;
    if (first === 0) {
      table[at] = hi;
      table[at + 1] = lo;
      table[at + 2] = row.row;
      if (++seen.size * 2 * STRIDE > table.length) grow(seen);
      return;
    }
    const rows = seen.repeated.get(at);
    if (rows) rows.push(row.row);
    else seen.repeated.set(at, [first, row.row]);
  },
  finish(seen, _ctx, report) {
    for (const rows of seen.repeated.values()) {
      const listed = rows.slice(0, MAX_LISTED).join("、") + (rows.length > MAX_LISTED ? " 等" : "");
      for (const row of rows) report.cell({ row }, "idNumber", { rows: listed, count: rows.length });
    }
  },
};
