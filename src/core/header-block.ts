import type { CellValue, MergeRange, SheetSnapshot } from "./types";
import { compactText } from "./text";

/** A header may span this many rows (a group cell over sub-headers, up to two levels). */
export const MAX_HEADER_ROWS = 3;

/** One column's header as a block of rows shows it. */
export interface BlockColumn {
  /** 0-based index into the snapshot row. */
  readonly index: number;
  /** The lowest non-empty header cell's text. */
  readonly text: string;
  /** The distinct group cells above it, outermost first (`入党情况`). */
  readonly groups: readonly string[];
  /** The text of the cell right above `text` when `text` is a bare number such as `20` or `20分` (an item's maximum). */
  readonly above: string | null;
}

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return "";
}

/** Merges that reach into rows [first, last] (0-based snapshot indexes), in snapshot coordinates. */
function blockMerges(sheet: SheetSnapshot, first: number, last: number): MergeRange[] {
  const originRow = sheet.originRow ?? 1;
  const originCol = sheet.originCol ?? 1;
  const out: MergeRange[] = [];
  for (const m of sheet.merges ?? []) {
    const top = m.top - originRow;
    const bottom = m.bottom - originRow;
    if (bottom < first || top > last) continue;
    out.push({ top, bottom, left: m.left - originCol, right: m.right - originCol });
  }
  return out;
}

function mergeAt(merges: readonly MergeRange[], r: number, c: number): MergeRange | undefined {
  for (const m of merges) if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right) return m;
  return undefined;
}

const BARE_NUMBER = /^\d+(?:\.\d+)?分?$/;

/** 1, 2, 3 … (or (1), ①) across a row: the column numbers official forms print under the header. */
export function isColumnNumberRow(cells: ReadonlyArray<CellValue> | undefined): boolean {
  if (!cells) return false;
  let expected = -1;
  let count = 0;
  for (const v of cells) {
    if (v === null || v === undefined || v === "") continue;
    let n: number;
    if (typeof v === "number") n = v;
    else if (typeof v === "string") {
      const t = compactText(v).replace(/^\((\d+)\)$/, "$1");
      const circled = t.length === 1 ? t.charCodeAt(0) - 0x245f : 0;
      n = circled >= 1 && circled <= 20 ? circled : /^\d+$/.test(t) ? Number(t) : NaN;
    } else return false;
    if (!Number.isInteger(n)) return false;
    if (expected !== -1 && n !== expected) return false;
    expected = n + 1;
    count++;
  }
  return count >= 3;
}

/**
 * The columns of a header block spanning rows [first, last] (0-based): each column's lowest non-empty cell, a cell
 * merged down the block counting at every row it covers, and a merged group cell above giving the columns it spans
 * their group. A cell merged across columns in the lowest row belongs to its leftmost column only.
 */
export function readHeaderBlock(sheet: SheetSnapshot, first: number, last: number): BlockColumn[] {
  const merges = first === last && !(sheet.merges?.length ?? 0) ? [] : blockMerges(sheet, first, last);
  let width = 0;
  for (let r = first; r <= last; r++) width = Math.max(width, sheet.values[r]?.length ?? 0);
  for (const m of merges) width = Math.max(width, m.right + 1);
  const valueAt = (r: number, c: number): { text: string; merge: MergeRange | undefined } => {
    const m = merges.length ? mergeAt(merges, r, c) : undefined;
    if (!m) return { text: cellText(sheet.values[r]?.[c]), merge: undefined };
    return { text: cellText(sheet.values[m.top]?.[m.left]), merge: m };
  };
  const out: BlockColumn[] = [];
  for (let c = 0; c < width; c++) {
    let text = "";
    let lowestRow = -1;
    let lowestMerge: MergeRange | undefined;
    for (let r = last; r >= first; r--) {
      const { text: t, merge } = valueAt(r, c);
      if (!t) continue;
      // A cell spread across columns labels its leftmost column; to the others it is a group, not their own header.
      if (merge && merge.left !== c) break;
      text = t;
      lowestRow = r;
      lowestMerge = merge;
      break;
    }
    if (!text) continue;
    const groups: string[] = [];
    let above: string | null = null;
    let seen: MergeRange | undefined = lowestMerge;
    for (let r = (lowestMerge ? lowestMerge.top : lowestRow) - 1; r >= first; r--) {
      const { text: t, merge } = valueAt(r, c);
      if (!t || (merge && merge === seen)) continue;
      seen = merge;
      if (above === null && BARE_NUMBER.test(compactText(text)) && (!merge || merge.left === merge.right)) {
        above = t;
        continue;
      }
      if (groups[0] !== t) groups.unshift(t);
    }
    out.push({ index: c, text, groups, above });
  }
  return out;
}
