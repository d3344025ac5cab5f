import type { CellDate } from "./types";
import { fromDayNumber, fromExcelSerial, makeDate } from "./dates";

/**
 * Whether a custom number format shows a calendar date: a y, d, e (era year), g (era), b (Buddhist year) or a
 * month `m` outside quoted text, `[...]` sections (colours, conditions, `[$-804]` locales, `[h]`), escaped
 * (`\x`), padding (`_x`) and fill (`*x`) characters. `m` is minutes next to h or s. Time-only formats
 * (h:mm, [h]:mm:ss, mm:ss) and number formats are not dates.
 */
export function isDateFormatCode(code: string): boolean {
  let s = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (ch === '"') {
      const j = code.indexOf('"', i + 1);
      if (j < 0) break;
      i = j;
      s += " ";
    } else if (ch === "[") {
      const j = code.indexOf("]", i + 1);
      if (j < 0) break;
      // [h], [mm], [ss]: elapsed time, still an h/m/s token; anything else in brackets is not a date token.
      const inner = code.slice(i + 1, j);
      s += /^(h+|m+|s+)$/i.test(inner) ? ` ${inner} ` : " ";
      i = j;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i++;
      s += " ";
    } else {
      s += ch;
    }
  }
  s = s
    .replace(/general/gi, " ")
    .replace(/am\/pm|a\/p/gi, " ")
    .replace(/[eE][+-]/g, " ");
  // Runs of date/time letters in order (yyyy → y); separators between them do not matter for m's meaning.
  const runs: string[] = [];
  let prev = "";
  for (const raw of s) {
    const ch = raw.toLowerCase();
    if (!"ydegbhms".includes(ch)) {
      prev = "";
      continue;
    }
    if (ch !== prev) runs.push(ch);
    prev = ch;
  }
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k];
    if (r === "y" || r === "d" || r === "e" || r === "g" || r === "b") return true;
    if (r === "m" && runs[k - 1] !== "h" && runs[k + 1] !== "s") return true;
  }
  return false;
}

export const DAY_MS = 86400000;

/**
 * An Excel serial in a date-formatted cell. From 1900-03-01 on this is exactly exceljs's conversion (rounded to
 * the millisecond, then the UTC day); before that `fromExcelSerial` keeps Excel's phantom 29 February 1900
 * (exceljs is a day off there, and turns 0 into 1899-12-30 where this gives null).
 */
export function serialToDate(v: number, date1904 = false): CellDate | null {
  if (!Number.isFinite(v)) return null;
  const offset = date1904 ? 1462 : 0;
  if (v + offset >= 61) {
    const ms = Math.round((v - 25569 + offset) * DAY_MS);
    const d = fromDayNumber(Math.floor(ms / DAY_MS));
    return makeDate(d.y, d.m, d.d);
  }
  return fromExcelSerial(v + offset);
}
