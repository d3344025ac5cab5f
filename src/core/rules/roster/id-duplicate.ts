import type { CollectRule } from "../types";
import { readId } from "./shared";

/** Rows named in each message; a number shared by thousands of rows must not make thousands of long messages. */
const MAX_LISTED = 10;

/**
 * Normalised ids seen so far, as an open-addressing table of two 31-bit numbers per id (digits 1–9; digits 10–17
 * with the check character), so that 100,000 ids cost no strings hashed and no map entries. A list of rows is
 * made only on an id's second sighting.
 */
interface Seen {
  keys: Int32Array;
  firstRow: Int32Array;
  size: number;
  repeated: Map<number, number[]>;
}

const EMPTY = 0;

function table(capacity: number): Pick<Seen, "keys" | "firstRow"> {
  return { keys: new Int32Array(capacity * 2), firstRow: new Int32Array(capacity) };
}

function slotFor(keys: Int32Array, hi: number, lo: number, mask: number, firstRow: Int32Array): number {
  let i = (Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo, 0x85ebca77)) >>> 0;
  for (;;) {
    i &= mask;
    if (firstRow[i] === EMPTY || (keys[2 * i] === hi && keys[2 * i + 1] === lo)) return i;
    i++;
  }
}

function grow(seen: Seen): void {
  const { keys, firstRow } = seen;
  const next = table(firstRow.length * 2);
  const mask = next.firstRow.length - 1;
  const moved = new Map<number, number[]>();
  for (let i = 0; i < firstRow.length; i++) {
    if (firstRow[i] === EMPTY) continue;
    const hi = keys[2 * i]!;
    const lo = keys[2 * i + 1]!;
    const j = slotFor(next.keys, hi, lo, mask, next.firstRow);
    next.keys[2 * j] = hi;
    next.keys[2 * j + 1] = lo;
    next.firstRow[j] = firstRow[i]!;
    const rows = seen.repeated.get(i);
    if (rows) moved.set(j, rows);
  }
  seen.keys = next.keys;
  seen.firstRow = next.firstRow;
  seen.repeated = moved;
}

export const idDuplicate: CollectRule<Seen> = {
  id: "roster.id.duplicate",
  severity: "error",
  templates: ["roster"],
  scope: "collect",
  start: () => ({ ...table(1024), size: 0, repeated: new Map() }),
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
    const i = slotFor(seen.keys, hi, lo, seen.firstRow.length - 1, seen.firstRow);
    const first = seen.firstRow[i]!;
    if (first === EMPTY) {
      seen.keys[2 * i] = hi;
      seen.keys[2 * i + 1] = lo;
      seen.firstRow[i] = row.row;
      if (++seen.size * 2 > seen.firstRow.length) grow(seen);
      return;
    }
    const rows = seen.repeated.get(i);
    if (rows) rows.push(row.row);
    else seen.repeated.set(i, [first, row.row]);
  },
  finish(seen, _ctx, report) {
    for (const rows of seen.repeated.values()) {
      const listed = rows.slice(0, MAX_LISTED).join("、") + (rows.length > MAX_LISTED ? " 等" : "");
      for (const row of rows) report.cell({ row }, "idNumber", { rows: listed, count: rows.length });
    }
  },
};
