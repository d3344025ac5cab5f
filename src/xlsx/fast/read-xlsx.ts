/**
 * A lean .xlsx/.xlsm reader: package bytes straight to a WorkbookSnapshot, without exceljs's object model.
 *
 * It gives what `snapshotWorkbook` (src/xlsx/read.ts) gives for the same file after exceljs's `xlsx.load`:
 * - sheets in workbook order (worksheets only; chart sheets and parts that are missing are skipped);
 * - `values[r][c]` for row r+1, column c+1; one array per row up to the last row element or merged range;
 *   each row as long as its last cell that holds something (a value, a formula, or a hyperlink);
 * - shared strings (rich text joined, phonetic runs left out), inline strings, numbers, booleans, errors,
 *   a formula's cached result (null when it has none), numbers in a date style as CellDate;
 * - merged ranges listed, and every cell of a range but its top-left one null (present up to the range's right edge).
 * Where exceljs is plainly wrong the reader is right instead (see `readXlsx`).
 *
 * The worksheet parts, which can hold millions of cells, are scanned as bytes: markup is ASCII, so a text run
 * between two tags is always whole UTF-8 characters and is decoded on its own into a fresh string, and numbers and
 * shared-string indexes are read from the digits without making strings. No document string is kept, so no cell
 * string can pin one in memory.
 */
import type { CellDate, CellValue, MergeRange, SheetSnapshot, WorkbookSnapshot } from "../../core/types";
import { fromDayNumber, makeDate } from "../../core/dates";
import { ZipReader } from "./zip";
import { ERROR_CODES } from "../../core/error-codes";
import { DAY_MS, isDateFormatCode, serialToDate } from "../../core/number-format";

export { isDateFormatCode, serialToDate };
import { attr, decodeOoxmlEscapes, decodeUtf8Text, parseAttributes, tags } from "./xml";
import { formulaCell } from "../formulas/formula-cell";
import { shiftFormula } from "../formulas/shift";

function isErrorCode(s: string): boolean {
  return s.charCodeAt(0) === 0x23 && ERROR_CODES.has(s);
}

// ---------------------------------------------------------------------------------------------------------------
// Number formats

/** Built-in number formats that show a date (zh-CN meaning for the East Asian ids 27–36, 50–58). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);

/** For each cell style index (cellXfs), 1 when its number format shows a date. */
function readDateStyles(xml: string | null): Uint8Array {
  if (xml === null) return new Uint8Array(0);
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  for (const t of tags(xml)) {
    if (t.name === "numFmts") inNumFmts = !t.closing && !t.selfClosing;
    else if (t.name === "cellXfs") inCellXfs = !t.closing && !t.selfClosing;
    else if (t.closing) continue;
    else if (t.name === "numFmt" && inNumFmts) {
      const a = parseAttributes(t.raw);
      const id = parseInt(attr(a, "numFmtId") ?? "", 10);
      const code = attr(a, "formatCode");
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    } else if (t.name === "xf" && inCellXfs) {
      const id = parseInt(attr(parseAttributes(t.raw), "numFmtId") ?? "0", 10);
      xfFormats.push(Number.isInteger(id) ? id : 0);
    }
  }
  const out = new Uint8Array(xfFormats.length);
  const cache = new Map<number, boolean>();
  xfFormats.forEach((id, i) => {
    let isDate = cache.get(id);
    if (isDate === undefined) {
      const code = custom.get(id);
      isDate = code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_IDS.has(id);
      cache.set(id, isDate);
    }
    out[i] = isDate ? 1 : 0;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

/** A `t="d"` cell: an ISO 8601 date, optionally with a time, read by its calendar components. */
function isoDate(s: string): CellDate | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]|\s*$)/.exec(s);
  return m ? makeDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Byte scanning

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const COLON = 0x3a;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;

function isSpaceByte(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Index just after the `>` closing the tag whose `<` is at or before p, past quoted attribute values. */
function skipTag(b: Uint8Array, p: number, n: number): number {
  let q = 0;
  for (; p < n; p++) {
    const c = b[p] as number;
    if (q !== 0) {
      if (c === q) q = 0;
    } else if (c === GT) {
      return p + 1;
    } else if (c === QUOT || c === APOS) {
      q = c;
    }
  }
  return n;
}

function nextLt(b: Uint8Array, p: number, n: number): number {
  while (p < n && b[p] !== LT) p++;
  return p;
}

/** End (exclusive) of the tag name starting at p. */
function nameEnd(b: Uint8Array, p: number, n: number): number {
  while (p < n) {
    const c = b[p] as number;
    if (c === GT || c === SLASH || isSpaceByte(c)) break;
    p++;
  }
  return p;
}

/** Start of the local part of the name [p, e): after the last colon. */
function localStart(b: Uint8Array, p: number, e: number): number {
  for (let i = e - 1; i >= p; i--) if (b[i] === COLON) return i + 1;
  return p;
}

function nameIs(b: Uint8Array, p: number, e: number, name: string): boolean {
  if (e - p !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (b[p + i] !== name.charCodeAt(i)) return false;
  return true;
}

function bytesAt(b: Uint8Array, p: number, s: string): boolean {
  if (p + s.length > b.length) return false;
  for (let i = 0; i < s.length; i++) if (b[p + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** Whether the start tag whose `>` is just before `end` is an empty-element tag (`/>`). */
function selfClosed(b: Uint8Array, end: number): boolean {
  return b[end - 2] === SLASH;
}

/**
 * Text content from p (just after a start tag) to the next tag, with CDATA sections; entities decoded.
 * Returns the text; `textEnd` is left at the `<` of the tag that ends it.
 */
let textEnd = 0;
function readText(buf: Buffer, p: number, n: number): string {
  let lt = nextLt(buf, p, n);
  if (lt + 1 >= n || buf[lt + 1] !== BANG) {
    textEnd = lt;
    return decodeUtf8Text(buf, p, lt);
  }
  let out = "";
  for (;;) {
    out += decodeUtf8Text(buf, p, lt);
    if (lt + 8 < n && buf.toString("latin1", lt, lt + 9) === "<![CDATA[") {
      const close = buf.indexOf("]]>", lt + 9);
      const stop = close < 0 ? n : close;
      out += buf.toString("utf8", lt + 9, stop);
      p = close < 0 ? n : close + 3;
    } else if (lt + 3 < n && buf.toString("latin1", lt, lt + 4) === "<!--") {
      const close = buf.indexOf("-->", lt + 4);
      p = close < 0 ? n : close + 3;
    } else {
      break;
    }
    lt = nextLt(buf, p, n);
    if (lt >= n || buf[lt + 1] !== BANG) {
      out += decodeUtf8Text(buf, p, lt);
      break;
    }
  }
  textEnd = lt;
  return out;
}

/** A non-negative integer written in `s` (surrounding spaces allowed); -1 when it is not one. */
function readUintText(s: string): number {
  const t = s.trim();
  return /^\d{1,15}$/.test(t) ? Number(t) : -1;
}

/** A non-negative integer written in [p, e) (surrounding spaces allowed); -1 when it is not one. */
function readUint(b: Uint8Array, p: number, e: number): number {
  while (p < e && isSpaceByte(b[p] as number)) p++;
  while (e > p && isSpaceByte(b[e - 1] as number)) e--;
  if (p === e || e - p > 15) return -1;
  let v = 0;
  for (; p < e; p++) {
    const d = (b[p] as number) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];

/**
 * The number written in [p, e), exactly as `parseFloat` reads it. Plain decimals of up to 15 digits are computed
 * directly (an integer below 2^53 divided by an exact power of ten is correctly rounded); anything else goes to
 * parseFloat.
 */
function readNumber(buf: Buffer, p: number, e: number): number {
  let i = p;
  let neg = false;
  if (buf[i] === 0x2d) {
    neg = true;
    i++;
  }
  let v = 0;
  let digits = 0;
  let scale = -1;
  for (; i < e; i++) {
    const c = buf[i] as number;
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      v = v * 10 + d;
      digits++;
      if (scale >= 0) scale++;
    } else if (c === 0x2e && scale < 0) {
      scale = 0;
    } else {
      return parseFloat(buf.toString("latin1", p, e));
    }
  }
  if (digits === 0 || digits > 15) return parseFloat(buf.toString("latin1", p, e));
  if (scale > 0) v = v / (POW10[scale] as number);
  return neg ? -v : v;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared strings

/** Each shared string as a plain cell would show it (a string, an error for "#N/A" & co. unless rich text, null for an empty item). */
interface SharedStrings {
  readonly values: CellValue[];
}

function readSharedStrings(buf: Buffer | null): SharedStrings {
  const values: CellValue[] = [];
  if (buf === null) return { values };
  const n = buf.length;
  let p = 0;
  let inSi = false;
  let text = "";
  let hasText = false;
  let rich = false;
  while (p < n) {
    const lt = nextLt(buf, p, n);
    if (lt >= n) break;
    const c1 = buf[lt + 1];
    if (c1 === BANG || c1 === 0x3f) {
      p = skipMarkup(buf, lt, n);
      continue;
    }
    const closing = c1 === SLASH;
    const ns = closing ? lt + 2 : lt + 1;
    const ne = nameEnd(buf, ns, n);
    const ls = localStart(buf, ns, ne);
    const end = skipTag(buf, ne, n);
    p = end;
    if (nameIs(buf, ls, ne, "si")) {
      if (closing || selfClosed(buf, end)) {
        if (closing) values.push(!hasText ? null : !rich && isErrorCode(text) ? { kind: "error", code: text } : text);
        else values.push(null);
        inSi = false;
      } else {
        // The usual shape, <si><t>…</t></si> (or <t xml:space="preserve">), read without the general loop.
        if (buf[end] === LT && buf[end + 1] === 0x74 && (buf[end + 2] === GT || isSpaceByte(buf[end + 2] as number))) {
          const tEnd = skipTag(buf, end + 2, n);
          const tl = nextLt(buf, tEnd, n);
          if (!selfClosed(buf, tEnd) && bytesAt(buf, tl, "</t></si>")) {
            const t = decodeOoxmlEscapes(decodeUtf8Text(buf, tEnd, tl));
            values.push(isErrorCode(t) ? { kind: "error", code: t } : t);
            p = tl + 9;
            continue;
          }
        }
        inSi = true;
        text = "";
        hasText = false;
        rich = false;
      }
    } else if (!inSi || closing) {
      continue;
    } else if (nameIs(buf, ls, ne, "rPh")) {
      if (!selfClosed(buf, end)) p = skipPast(buf, end, n, "rPh");
    } else if (nameIs(buf, ls, ne, "r")) {
      rich = true;
      hasText = true;
    } else if (nameIs(buf, ls, ne, "t")) {
      hasText = true;
      if (!selfClosed(buf, end)) {
        text += decodeOoxmlEscapes(readText(buf, end, n));
        p = textEnd;
      }
    }
  }
  return { values };
}

/** Index just after a comment, processing instruction, CDATA section or DOCTYPE starting at lt. */
function skipMarkup(buf: Buffer, lt: number, n: number): number {
  const head = buf.toString("latin1", lt, Math.min(n, lt + 9));
  const close = head.startsWith("<!--")
    ? "-->"
    : head.startsWith("<![CDATA[")
      ? "]]>"
      : head.startsWith("<?")
        ? "?>"
        : ">";
  const i = buf.indexOf(close, lt + 2);
  return i < 0 ? n : i + close.length;
}

/** Index just after the end tag of the element `local` (not nested in itself) whose content starts at p. */
function skipPast(buf: Buffer, p: number, n: number, local: string): number {
  while (p < n) {
    const lt = nextLt(buf, p, n);
    if (lt >= n) return n;
    if (buf[lt + 1] === BANG) {
      p = skipMarkup(buf, lt, n);
      continue;
    }
    const end = skipTag(buf, lt, n);
    if (buf[lt + 1] === SLASH) {
      const ne = nameEnd(buf, lt + 2, n);
      if (nameIs(buf, localStart(buf, lt + 2, ne), ne, local)) return end;
    }
    p = end;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------------------------
// Worksheets

interface SheetContext {
  readonly shared: SharedStrings;
  readonly dateStyles: Uint8Array;
  /** A serial in a date style as a date; one CellDate object per day for the whole workbook (they are read-only). */
  readonly dateOf: (serial: number) => CellDate | null;
  /** The workbook asks to be recalculated on load (`fullCalcOnLoad`): no cached formula result is trusted. */
  readonly recalc: boolean;
}

function dateReader(date1904: boolean): (serial: number) => CellDate | null {
  const offset = date1904 ? 1462 : 0;
  // Serial days 0–109,572 (to 2199-12-31) in an array, later ones in a map.
  const DENSE = 109573;
  const dense: (CellDate | null | undefined)[] = [];
  const sparse = new Map<number, CellDate | null>();
  return (v) => {
    if (!(v + offset >= 61)) return serialToDate(v, date1904);
    const day = Math.floor(Math.round((v - 25569 + offset) * DAY_MS) / DAY_MS);
    const key = day + 25569;
    let d = key < DENSE ? dense[key] : sparse.get(key);
    if (d === undefined) {
      const c = fromDayNumber(day);
      d = makeDate(c.y, c.m, c.d);
      if (key < DENSE) {
        while (dense.length < key) dense.push(undefined);
        dense[key] = d;
      } else sparse.set(key, d);
    }
    return d;
  };
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

const T_N = 0;
const T_S = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_B = 4;
const T_E = 5;
const T_D = 6;

function cellType(b: Uint8Array, p: number, e: number): number {
  const len = e - p;
  const c = b[p];
  if (len === 1) {
    if (c === 0x73) return T_S;
    if (c === 0x62) return T_B;
    if (c === 0x65) return T_E;
    if (c === 0x64) return T_D;
    return T_N;
  }
  if (len === 3 && nameIs(b, p, e, "str")) return T_STR;
  if (len === 9 && nameIs(b, p, e, "inlineStr")) return T_INLINE;
  return T_N;
}

/** "B3" → 2 (letters only; 0 when there are none). */
function refColumn(b: Uint8Array, p: number, e: number): number {
  let col = 0;
  for (; p < e; p++) {
    const c = b[p] as number;
    if (c >= 0x41 && c <= 0x5a) col = col * 26 + (c - 0x40);
    else if (c >= 0x61 && c <= 0x7a) col = col * 26 + (c - 0x60);
    else if (c === 0x24 && col === 0) continue;
    else break;
  }
  return col;
}

function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m || !m[1] || !m[2]) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function parseRange(ref: string): MergeRange | null {
  const [a, b] = ref.split(":");
  const tl = a ? parseRef(a) : null;
  const br = b ? parseRef(b) : tl;
  if (!tl || !br) return null;
  const inside = (x: { row: number; col: number }) =>
    x.row >= 1 && x.row <= MAX_ROWS && x.col >= 1 && x.col <= MAX_COLS;
  if (!inside(tl) || !inside(br)) return null;
  return {
    top: Math.min(tl.row, br.row),
    left: Math.min(tl.col, br.col),
    bottom: Math.max(tl.row, br.row),
    right: Math.max(tl.col, br.col),
  };
}

/** Merged ranges and the addresses of linked cells (hyperlinks with a relationship), from the markup after sheetData. */
function readSheetTail(xml: string): { merges: MergeRange[]; linked: Set<string> } {
  const merges: MergeRange[] = [];
  const linked = new Set<string>();
  for (const t of tags(xml)) {
    if (t.closing) continue;
    if (t.name === "mergeCell") {
      const ref = attr(parseAttributes(t.raw), "ref");
      const m = ref ? parseRange(ref) : null;
      if (m) merges.push(m);
    } else if (t.name === "hyperlink") {
      const a = parseAttributes(t.raw);
      const ref = a["ref"];
      if (ref !== undefined && attr(a, "id") !== undefined) linked.add(ref);
    }
  }
  return { merges, linked };
}

function locate(buf: Buffer, word: string, from: number, last: boolean): number {
  // The tag name (possibly prefixed) followed by a delimiter.
  let i = last ? buf.lastIndexOf(word) : buf.indexOf(word, from);
  while (i >= 0) {
    const before = buf[i - 1];
    const after = buf[i + word.length];
    if (
      (before === LT || before === COLON || before === SLASH) &&
      (after === GT || after === SLASH || (after !== undefined && isSpaceByte(after)))
    )
      return i;
    i = last ? buf.lastIndexOf(word, i - 1) : buf.indexOf(word, i + 1);
  }
  return -1;
}

function readSheet(buf: Buffer, name: string, ctx: SheetContext): SheetSnapshot {
  const n = buf.length;
  const open = locate(buf, "sheetData", 0, false);
  const close = open < 0 ? -1 : locate(buf, "sheetData", 0, true);
  let dataStart = n;
  let dataEnd = n;
  let tailStart = 0;
  if (open >= 0) {
    const openEnd = skipTag(buf, open, n);
    dataStart = selfClosed(buf, openEnd) ? n : openEnd;
    dataEnd = close > open ? close : dataStart;
    tailStart = close > open ? skipTag(buf, close, n) : openEnd;
    if (dataStart === n) dataEnd = n;
  }
  const tail = readSheetTail(buf.toString("utf8", tailStart));
  const { linked } = tail;
  const anyLinks = linked.size > 0;
  const shared = ctx.shared.values;
  const dateStyles = ctx.dateStyles;

  const values: CellValue[][] = [];
  /** Shared formulas by `si`: the master's text and cell, to move into the cells that share it. */
  const sharedFormulas = new Map<string, { formula: string; row: number; col: number }>();
  let row: CellValue[] | null = null;
  let prevRow = 0;
  let prevCol = 0;
  let p = dataStart;
  const b = buf;
  while (p < dataEnd) {
    const lt = nextLt(b, p, dataEnd);
    if (lt >= dataEnd) break;
    const c1 = b[lt + 1] as number;
    if (c1 === SLASH) {
      p = skipTag(b, lt, n);
      continue;
    }
    if (c1 === BANG || c1 === 0x3f) {
      p = skipMarkup(buf, lt, n);
      continue;
    }
    const ns = lt + 1;
    const ne = nameEnd(b, ns, n);
    const ls = localStart(b, ns, ne);
    const isCell = ne - ls === 1 && b[ls] === 0x63;
    const isRow = !isCell && ne - ls === 3 && b[ls] === 0x72 && b[ls + 1] === 0x6f && b[ls + 2] === 0x77;
    if (!isCell && !isRow) {
      p = skipTag(b, ne, n);
      continue;
    }
    // Attributes: r, s, t (cells) or r (rows).
    let q = ne;
    let rS = -1;
    let rE = -1;
    let sS = -1;
    let sE = -1;
    let tS = -1;
    let tE = -1;
    let empty = false;
    for (;;) {
      while (q < n && isSpaceByte(b[q] as number)) q++;
      const c = b[q];
      if (c === GT || c === undefined) {
        q++;
        break;
      }
      if (c === SLASH) {
        empty = true;
        q = skipTag(b, q, n);
        break;
      }
      if (b[q + 1] === EQ && b[q + 2] === QUOT) {
        // The usual one-letter name="value".
        const vs = q + 3;
        let ve = vs;
        while (ve < n && b[ve] !== QUOT) ve++;
        if (c === 0x72) {
          rS = vs;
          rE = ve;
        } else if (c === 0x73) {
          sS = vs;
          sE = ve;
        } else if (c === 0x74) {
          tS = vs;
          tE = ve;
        }
        q = ve + 1;
        continue;
      }
      const as = q;
      while (q < n && b[q] !== EQ && !isSpaceByte(b[q] as number) && b[q] !== GT && b[q] !== SLASH) q++;
      const ae = q;
      while (q < n && isSpaceByte(b[q] as number)) q++;
      if (b[q] !== EQ) continue;
      q++;
      while (q < n && isSpaceByte(b[q] as number)) q++;
      const quote = b[q];
      if (quote !== QUOT && quote !== APOS) continue;
      const vs = q + 1;
      q = vs;
      while (q < n && b[q] !== quote) q++;
      const ve = q;
      q++;
      if (ae - as === 1) {
        const an = b[as];
        if (an === 0x72) {
          rS = vs;
          rE = ve;
        } else if (an === 0x73) {
          sS = vs;
          sE = ve;
        } else if (an === 0x74) {
          tS = vs;
          tE = ve;
        }
      }
    }

    if (isRow) {
      let r = rS >= 0 ? readUint(b, rS, rE) : -1;
      if (r < 1) r = prevRow + 1;
      if (r > MAX_ROWS) throw new Error(`worksheet ${name}: row ${r} is beyond Excel's ${MAX_ROWS} rows`);
      prevRow = r;
      prevCol = 0;
      const cells: CellValue[] = [];
      if (r > values.length) {
        while (values.length < r - 1) values.push([]);
        values.push(cells);
      } else {
        values[r - 1] = cells;
      }
      row = cells;
      p = q;
      continue;
    }

    // A cell.
    let col = rS >= 0 ? refColumn(b, rS, rE) : 0;
    if (col < 1) col = prevCol + 1;
    if (col > MAX_COLS) throw new Error(`worksheet ${name}: column ${col} is beyond Excel's ${MAX_COLS} columns`);
    prevCol = col;
    const type = tS >= 0 ? cellType(b, tS, tE) : T_N;
    let vS = -1;
    let vE = -1;
    let vText: string | null = null; // the <v> text when it needed the slow path (CDATA)
    let vElement = false;
    let formula = false;
    let fS = -1; // the <f> start tag's attributes [fS, fE) and its text [ftS, ftE)
    let fE = -1;
    let ftS = -1;
    let ftE = -1;
    let inline: string | null = null;
    let inlineRich = false;
    p = q;
    if (!empty && b[p] === LT && b[p + 1] === 0x76 && b[p + 2] === GT) {
      // The usual shape, <v>…</v></c>, read without the general loop.
      let e = p + 3;
      while (e < n && b[e] !== LT) e++;
      if (
        b[e + 1] === SLASH &&
        b[e + 2] === 0x76 &&
        b[e + 3] === GT &&
        b[e + 4] === LT &&
        b[e + 5] === SLASH &&
        b[e + 6] === 0x63 &&
        b[e + 7] === GT
      ) {
        vS = p + 3;
        vE = e;
        vElement = true;
        p = e + 8;
        empty = true;
      }
    }
    if (!empty) {
      // Children up to </c>.
      while (p < n) {
        const lt2 = nextLt(b, p, n);
        if (lt2 >= n) {
          p = n;
          break;
        }
        const d1 = b[lt2 + 1] as number;
        if (d1 === SLASH) {
          const cs = lt2 + 2;
          const ce = nameEnd(b, cs, n);
          p = skipTag(b, ce, n);
          const cl = localStart(b, cs, ce);
          if (ce - cl === 1 && b[cl] === 0x63) break;
          continue;
        }
        if (d1 === BANG || d1 === 0x3f) {
          p = skipMarkup(buf, lt2, n);
          continue;
        }
        const cs = lt2 + 1;
        const ce = nameEnd(b, cs, n);
        const cl = localStart(b, cs, ce);
        const end = skipTag(b, ce, n);
        const len = ce - cl;
        const ch = b[cl];
        if (len === 1 && ch === 0x76) {
          // <v>
          vElement = true;
          if (selfClosed(b, end)) {
            p = end;
            continue;
          }
          const vl = nextLt(b, end, n);
          if (b[vl + 1] === BANG) {
            vText = readText(buf, end, n);
            p = textEnd;
          } else {
            vS = end;
            vE = vl;
            p = vl;
          }
        } else if (len === 1 && ch === 0x66) {
          // <f>: a formula when it has text or a t (shared/array) attribute, as exceljs decides
          fS = ce;
          fE = end;
          if (hasTypeAttribute(b, ce, end)) formula = true;
          if (selfClosed(b, end)) {
            p = end;
            continue;
          }
          const fl = nextLt(b, end, n);
          if (fl > end) {
            formula = true;
            ftS = end;
            ftE = fl;
          }
          p = skipPast(buf, end, n, "f");
        } else if (len === 2 && ch === 0x69 && b[cl + 1] === 0x73) {
          // <is>: inline string, the <t> texts outside phonetic runs
          if (selfClosed(b, end)) {
            p = end;
            continue;
          }
          p = end;
          let text = "";
          let has = false;
          while (p < n) {
            const l3 = nextLt(b, p, n);
            if (l3 >= n) {
              p = n;
              break;
            }
            const e1 = b[l3 + 1];
            if (e1 === BANG || e1 === 0x3f) {
              p = skipMarkup(buf, l3, n);
              continue;
            }
            const isClose = e1 === SLASH;
            const s3 = isClose ? l3 + 2 : l3 + 1;
            const e3 = nameEnd(b, s3, n);
            const ls3 = localStart(b, s3, e3);
            const end3 = skipTag(b, e3, n);
            p = end3;
            if (isClose) {
              if (nameIs(b, ls3, e3, "is")) break;
              continue;
            }
            if (nameIs(b, ls3, e3, "rPh")) {
              if (!selfClosed(b, end3)) p = skipPast(buf, end3, n, "rPh");
            } else if (nameIs(b, ls3, e3, "r")) {
              inlineRich = true;
              has = true;
            } else if (nameIs(b, ls3, e3, "t") && !selfClosed(b, end3)) {
              const t = readText(buf, end3, n);
              p = textEnd;
              if (t.length > 0) has = true;
              text += decodeOoxmlEscapes(t);
            }
          }
          if (has) inline = text;
        } else {
          p = end;
        }
      }
    }

    const hasV = vText !== null || vE > vS;
    let value: CellValue = null;
    let include = true;
    if (formula && ftE > ftS && fE - fS > 2) {
      // Attributes and text: a shared formula's master (or an array formula's).
      const f = formulaTag(buf, fS, fE);
      if (f.shared && f.si !== undefined && f.ref !== undefined)
        sharedFormulas.set(f.si, { formula: decodeUtf8Text(buf, ftS, ftE), row: prevRow, col });
    }
    // A formula without a trustworthy cached result (an empty <v> of a text result is the empty string).
    const uncached =
      formula && (ctx.recalc || (!hasV && !(type === T_STR && vElement)))
        ? uncachedFormula(
            buf,
            ftS,
            ftE,
            fS,
            fE,
            prevRow,
            col,
            sharedFormulas,
            sS >= 0 && dateStyles[readUint(b, sS, sE)] === 1,
          )
        : null;
    if (uncached !== null) {
      value = uncached;
    } else if (formula && !hasV) {
      value = type === T_STR && vElement ? "" : null;
    } else if (hasV && type === T_S && !formula) {
      const idx = vText !== null ? readUintText(vText) : readUint(b, vS, vE);
      const sv = idx >= 0 ? shared[idx] : undefined;
      value = sv === undefined ? null : sv;
      if (
        anyLinks &&
        value !== null &&
        typeof value === "object" &&
        value.kind === "error" &&
        isLinked(buf, rS, rE, linked)
      ) {
        value = value.code; // exceljs reads a linked cell's text as it is
      }
    } else if (!formula && (type === T_INLINE || (!hasV && inline !== null))) {
      const s = inline ?? (hasV ? (vText ?? decodeUtf8Text(buf, vS, vE)) : null);
      value = s;
      if (s !== null && !inlineRich && isErrorCode(s) && !(anyLinks && isLinked(buf, rS, rE, linked)))
        value = { kind: "error", code: s };
      if (s === null) include = anyLinks && isLinked(buf, rS, rE, linked);
    } else if (!hasV) {
      include = anyLinks && isLinked(buf, rS, rE, linked);
    } else if (type === T_STR) {
      const s = vText ?? decodeUtf8Text(buf, vS, vE);
      value = isErrorCode(s) && !(anyLinks && isLinked(buf, rS, rE, linked)) ? { kind: "error", code: s } : s;
    } else if (type === T_B) {
      const t = (vText ?? buf.toString("latin1", vS, vE)).trim();
      value = t === "false" || t === "FALSE" ? false : parseInt(t, 10) !== 0;
    } else if (type === T_E) {
      value = { kind: "error", code: vText ?? decodeUtf8Text(buf, vS, vE) };
    } else if (type === T_D) {
      value = isoDate(vText ?? buf.toString("latin1", vS, vE));
    } else {
      const num = vText !== null ? parseFloat(vText) : readNumber(buf, vS, vE);
      const st = sS >= 0 ? readUint(b, sS, sE) : -1;
      if (st >= 0 && dateStyles[st] === 1) value = ctx.dateOf(num);
      else value = Number.isFinite(num) ? num : null;
    }
    if (include && row !== null) {
      const i = col - 1;
      if (i === row.length) row.push(value);
      else if (i > row.length) {
        while (row.length < i) row.push(null);
        row.push(value);
      } else row[i] = value;
    }
  }

  const merges = tail.merges;
  for (const m of merges) {
    while (values.length < m.bottom) values.push([]);
    for (let r = m.top; r <= m.bottom; r++) {
      const cells = values[r - 1] as CellValue[];
      const right = r === m.top && m.right === m.left ? 0 : m.right;
      while (cells.length < right) cells.push(null);
      for (let c = m.left; c <= m.right; c++)
        if ((r !== m.top || c !== m.left) && c - 1 < cells.length) cells[c - 1] = null;
    }
  }
  return { name, values, originRow: 1, originCol: 1, merges };
}

/** The `t`, `si` and `ref` attributes of an <f> start tag whose attributes are [p, end). */
function formulaTag(buf: Buffer, p: number, end: number): { shared: boolean; si?: string; ref?: string } {
  const a = parseAttributes(buf.toString("latin1", p, end).replace(/\/?>$/, ""));
  return { shared: attr(a, "t") === "shared", si: attr(a, "si"), ref: attr(a, "ref") };
}

/**
 * A formula cell as the core takes it when its result is not known: the formula's text (a shared formula's
 * dependent gets its master's, moved to this cell); null when there is no text to give.
 */
function uncachedFormula(
  buf: Buffer,
  ftS: number,
  ftE: number,
  fS: number,
  fE: number,
  row: number,
  col: number,
  shared: ReadonlyMap<string, { formula: string; row: number; col: number }>,
  date: boolean,
): CellValue {
  let text: string | null = null;
  if (ftE > ftS) text = decodeUtf8Text(buf, ftS, ftE);
  else if (fE - fS > 2) {
    const f = formulaTag(buf, fS, fE);
    const master = f.shared && f.si !== undefined ? shared.get(f.si) : undefined;
    if (master) text = shiftFormula(master.formula, row - master.row, col - master.col);
  }
  if (text === null || text.trim() === "") return null;
  return formulaCell(text, date);
}

/** Whether the start tag attributes in [p, end) include a `t` (a shared or array formula's type). */
function hasTypeAttribute(b: Uint8Array, p: number, end: number): boolean {
  let q = 0;
  for (; p < end; p++) {
    const c = b[p] as number;
    if (q !== 0) {
      if (c === q) q = 0;
    } else if (c === QUOT || c === APOS) {
      q = c;
    } else if (c === 0x74 && isSpaceByte(b[p - 1] as number)) {
      let k = p + 1;
      while (k < end && isSpaceByte(b[k] as number)) k++;
      if (b[k] === EQ) return true;
    }
  }
  return false;
}

function isLinked(buf: Buffer, rS: number, rE: number, linked: ReadonlySet<string>): boolean {
  return rS >= 0 && linked.has(buf.toString("latin1", rS, rE));
}

// ---------------------------------------------------------------------------------------------------------------
// Workbook

function partText(zip: ZipReader, name: string): string | null {
  const buf = zip.entry(name);
  return buf === null ? null : buf.toString("utf8");
}

/** "worksheets/sheet1.xml" from "xl/workbook.xml" → "xl/worksheets/sheet1.xml"; "/xl/..." is absolute. */
function resolveTarget(baseDir: string, target: string): string {
  const t = target.trim().replace(/\\/g, "/");
  const parts = (t.startsWith("/") ? t.slice(1) : baseDir + t).split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

interface Relationship {
  readonly target: string;
  readonly type: string;
}

function readRels(xml: string | null, baseDir: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (xml === null) return out;
  for (const t of tags(xml)) {
    if (t.closing || t.name !== "Relationship") continue;
    const a = parseAttributes(t.raw);
    const id = attr(a, "Id");
    const target = attr(a, "Target");
    if (id === undefined || target === undefined || attr(a, "TargetMode") === "External") continue;
    out.set(id, { target: resolveTarget(baseDir, target), type: attr(a, "Type") ?? "" });
  }
  return out;
}

/**
 * Reads .xlsx/.xlsm bytes into a snapshot equal to `snapshotWorkbook` after exceljs's `xlsx.load`, except where
 * exceljs is wrong: time-only formats (h:mm, [h]:mm:ss) give the number, not 1899-12-30; the East Asian built-in
 * date formats (ids 27–31, 36, 50–54, 57, 58) give dates, not numbers; a formula's text/boolean/error result in a
 * date-formatted cell is kept (exceljs makes it null or a date); `t="d"` cells are dates; `&amp;lt;` in a formula's
 * text result stays `&lt;`; namespace-prefixed elements and cells or rows without an `r` are read.
 * Throws a plain Error on a corrupt package (bad ZIP, no xl/workbook.xml).
 */
export function readXlsx(buf: Buffer, name: string): WorkbookSnapshot {
  const zip = new ZipReader(buf);
  const workbookPath = "xl/workbook.xml";
  const workbookXml = partText(zip, workbookPath);
  if (workbookXml === null) throw new Error("not an Excel workbook: the package has no xl/workbook.xml");
  const baseDir = "xl/";
  const rels = readRels(partText(zip, "xl/_rels/workbook.xml.rels"), baseDir);

  const sheetDefs: { name: string; rid: string; hidden: boolean }[] = [];
  let date1904 = false;
  let recalc = false;
  for (const t of tags(workbookXml)) {
    if (t.closing) continue;
    if (t.name === "sheet") {
      const a = parseAttributes(t.raw);
      const sheetName = attr(a, "name");
      const rid = attr(a, "id");
      const state = attr(a, "state");
      if (sheetName !== undefined && rid !== undefined)
        sheetDefs.push({ name: sheetName, rid, hidden: state === "hidden" || state === "veryHidden" });
    } else if (t.name === "workbookPr") {
      const v = attr(parseAttributes(t.raw), "date1904");
      date1904 = v === "1" || v === "true";
    } else if (t.name === "calcPr") {
      const v = attr(parseAttributes(t.raw), "fullCalcOnLoad");
      recalc = v === "1" || v === "true";
    }
  }

  const relOfType = (suffix: string, fallback: string): string => {
    for (const rel of rels.values()) if (rel.type.endsWith(suffix)) return rel.target;
    return fallback;
  };
  const dateStyles = readDateStyles(partText(zip, relOfType("/styles", "xl/styles.xml")));
  const shared = readSharedStrings(zip.entry(relOfType("/sharedStrings", "xl/sharedStrings.xml")));
  const ctx: SheetContext = { shared, dateStyles, dateOf: dateReader(date1904), recalc };

  const sheets: SheetSnapshot[] = [];
  for (const def of sheetDefs) {
    const rel = rels.get(def.rid);
    if (!rel) continue;
    if (rel.type !== "" && !rel.type.endsWith("/worksheet")) continue; // chart sheets, dialog and macro sheets
    const part = zip.entry(rel.target);
    if (part === null) continue;
    const sheet = readSheet(part, def.name, ctx);
    sheets.push(def.hidden ? { ...sheet, hidden: true } : sheet);
  }
  return { name, sheets };
}
