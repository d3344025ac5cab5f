/**
 * Office.js cell data to the core's plain cell values. Office gives `values` (numbers, strings, booleans, ""
 * for empty, error text such as "#N/A") and `numberFormat` per cell; a number in a date format is a date serial.
 * No Office or Node API here: plain functions, shared by the adapter and its tests.
 */
import type { CellValue, MergeRange } from "../../src/core/types";
import { ERROR_CODES } from "../../src/core/error-codes";
import { isDateFormatCode, serialToDate } from "../../src/core/number-format";
import { parseAddress } from "../../src/core/address";

export { serialToDate };

export const isDateFormat = isDateFormatCode;

/** One Office.js cell (value and its number format) as a core cell value. */
export function toCellValue(
  value: unknown,
  numberFormat: unknown,
  isDate: (format: string) => boolean = isDateFormat,
): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") return ERROR_CODES.has(value) ? { kind: "error", code: value } : value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    if (typeof numberFormat === "string" && isDate(numberFormat)) return serialToDate(value) ?? value;
    return value;
  }
  if (typeof value === "boolean") return value;
  return null;
}

/** A cache of `isDateFormat` per format string: a sheet has few distinct formats and many cells. */
export function dateFormatCache(): (format: string) => boolean {
  const cache = new Map<string, boolean>();
  return (format) => {
    let hit = cache.get(format);
    if (hit === undefined) {
      hit = isDateFormat(format);
      cache.set(format, hit);
    }
    return hit;
  };
}

/** "'花名册'!B3:T40" or "Sheet1!A1" → 1-based corners; null when it is not a range address. */
export function parseRangeAddress(address: string): MergeRange | null {
  const bang = address.lastIndexOf("!");
  const local = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "").trim();
  const [a, b] = local.split(":");
  const tl = a ? parseAddress(a) : null;
  const br = b ? parseAddress(b) : tl;
  if (!tl || !br) return null;
  return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
}

/** A RangeAreas address ("S!A1:T1, S!A2:B2") as merge ranges. */
export function parseAreasAddress(address: string): MergeRange[] {
  const out: MergeRange[] = [];
  for (const part of splitOutsideQuotes(address)) {
    const r = parseRangeAddress(part);
    if (r) out.push(r);
  }
  return out;
}

/** Splits at commas that are not inside a quoted sheet name ('a,b'!A1). */
function splitOutsideQuotes(address: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === "," && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts;
}
