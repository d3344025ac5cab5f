import type { CellDate, CellValue } from "./types";
import type { FieldDef } from "./templates/types";
import { cleanText, compactText, hasWhitespaceProblem, levenshtein, toHalfWidth } from "./text";
import { formatDate, isValidDate, parseNumberDate, parseTextDate } from "./dates";

export type Typed = string | number | CellDate;

/** `uncalculated`: a formula the file holds no result for (and the adapter could not compute): not empty, no value. */
export type ProblemKind = "type" | "enum" | "formula" | "whitespace" | "uncalculated";

export interface CellProblem {
  readonly field: string;
  readonly kind: ProblemKind;
  readonly detail: string | null;
}

/** The outcome of reading one cell for one field. `blank` is true for empty and whitespace-only cells. */
export interface Reading {
  value: Typed | null;
  blank: boolean;
  problem: ProblemKind | null;
  detail: string | null;
  whitespace: boolean;
}

export function isCellDate(v: unknown): v is CellDate {
  return typeof v === "object" && v !== null && (v as { kind?: string }).kind === "date";
}

export function isBlankValue(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "string") return cleanText(v) === "";
  return false;
}

const lookups = new WeakMap<FieldDef, Map<string, string>>();

/** Normalised spelling → canonical value, for an enumerated field. */
export function enumLookup(field: FieldDef): Map<string, string> {
  let map = lookups.get(field);
  if (!map) {
    map = new Map();
    for (const v of field.values ?? []) map.set(compactText(v), v);
    for (const [syn, v] of Object.entries(field.synonyms ?? {})) map.set(compactText(syn), v);
    lookups.set(field, map);
  }
  return map;
}

/** The allowed value closest to what was typed, for the message of `cell.enum`. */
export function suggestEnum(field: FieldDef, typed: string): string | null {
  return closestEnum(field, typed)?.value ?? null;
}

/** The closest allowed value and whether no other value is as close (then a fix may apply it). */
export function closestEnum(field: FieldDef, typed: string): { value: string; unique: boolean } | null {
  const t = compactText(typed);
  if (!t) return null;
  let best: string | null = null;
  let bestScore = Infinity;
  let unique = true;
  for (const [spelling, value] of enumLookup(field)) {
    let score: number;
    if (spelling.startsWith(t) || t.startsWith(spelling)) score = Math.abs(spelling.length - t.length) * 0.5;
    else if (spelling.includes(t) || t.includes(spelling)) score = 1 + Math.abs(spelling.length - t.length) * 0.5;
    else score = levenshtein(spelling, t) + 1;
    if (score < bestScore) {
      bestScore = score;
      best = value;
      unique = true;
    } else if (score === bestScore && value !== best) unique = false;
  }
  return best !== null && bestScore <= Math.max(2, t.length / 2) ? { value: best, unique } : null;
}

const NUM = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** "三" → 3, "十二" → 12, "十" → 10; null for anything else. */
export function chineseNumber(text: string): number | null {
  if (!text) return null;
  if (text === "十") return 10;
  if (text.length === 1) return CN_DIGITS[text] ?? null;
  if (text.length === 2 && text[0] === "十") {
    const u = CN_DIGITS[text[1] ?? ""];
    return u !== undefined && u < 10 ? 10 + u : null;
  }
  if (text.length === 2 && text[1] === "十") {
    const t = CN_DIGITS[text[0] ?? ""];
    return t !== undefined && t < 10 ? t * 10 : null;
  }
  return null;
}

/** A month cell: 3, "3月", "03", "三月", "三月份", or a date. */
export function parseMonth(value: CellValue): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1 && value <= 12 ? value : null;
  if (isCellDate(value)) return value.m;
  if (typeof value !== "string") return null;
  const v = cleanText(value);
  const t = compactText(v).replace(/份$/, "").replace(/月$/, "");
  if (/^\d{1,2}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 12 ? n : null;
  }
  const cn = chineseNumber(t);
  if (cn !== null) return cn >= 1 && cn <= 12 ? cn : null;
  const d = parseTextDate(v);
  return d ? d.m : null;
}

function numberFromText(text: string): number | null {
  const t = toHalfWidth(text).replace(/[\s,，¥￥]|元$/g, "");
  return NUM.test(t) ? Number(t) : null;
}

function textOf(v: CellValue): string {
  if (typeof v === "string") return cleanText(v);
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isCellDate(v)) return formatDate(v);
  return "";
}

/** A number that a number/integer field takes as it is (finite, whole where needed, within bounds). */
export function fieldAccepts(field: FieldDef, n: number): boolean {
  if (!Number.isFinite(n)) return false;
  if (field.type === "integer" && !Number.isInteger(n)) return false;
  return (field.min === undefined || n >= field.min) && (field.max === undefined || n <= field.max);
}

/** Reads `v` as `field`'s type into `out` (reused to avoid allocation in the row loop). */
export function readCell(field: FieldDef, v: CellValue, out: Reading): Reading {
  // Fast paths for the overwhelmingly common clean cells: plain text, and dates the host already typed.
  if (typeof v === "string" && field.type === "text" && v !== "" && !hasWhitespaceProblem(v)) {
    out.value = v;
    out.blank = false;
    out.problem = null;
    out.whitespace = false;
    return out;
  }
  if (isCellDate(v) && field.type === "date" && isValidDate(v.y, v.m, v.d)) {
    out.value = v;
    out.blank = false;
    out.problem = null;
    out.whitespace = false;
    return out;
  }
  out.value = null;
  out.problem = null;
  out.detail = null;
  out.whitespace = false;
  out.blank = false;
  if (v === null || v === undefined) {
    out.blank = true;
    return out;
  }
  if (typeof v === "string") {
    out.whitespace = hasWhitespaceProblem(v);
    if (out.whitespace && cleanText(v) === "") {
      out.blank = true;
      return out;
    }
    if (v === "") {
      out.blank = true;
      return out;
    }
  } else if (typeof v === "object" && v.kind === "error") {
    out.problem = "formula";
    out.detail = v.code;
    return out;
  } else if (typeof v === "object" && v.kind === "formula") {
    out.problem = "uncalculated";
    return out;
  }
  switch (field.type) {
    case "text":
      out.value = textOf(v);
      return out;
    case "enum": {
      const spelled = textOf(v);
      const lookup = enumLookup(field);
      const hit = lookup.get(spelled) ?? lookup.get(compactText(spelled));
      if (hit !== undefined) out.value = hit;
      else {
        out.problem = "enum";
        out.detail = suggestEnum(field, spelled);
      }
      return out;
    }
    case "integer":
    case "number": {
      let n: number | null = null;
      if (typeof v === "number") n = v;
      else if (typeof v === "string") n = numberFromText(cleanText(v));
      const isInt = field.type === "integer";
      if (n !== null && isInt && Math.abs(n - Math.round(n)) > 1e-9) n = null;
      if (n !== null && isInt) n = Math.round(n);
      if (n !== null && field.min !== undefined && n < field.min) n = null;
      if (n !== null && field.max !== undefined && n > field.max) n = null;
      if (n === null) {
        out.problem = "type";
        out.detail = field.type;
      } else out.value = n;
      return out;
    }
    case "date": {
      let d: CellDate | null = null;
      if (typeof v === "number") d = parseNumberDate(v);
      else if (typeof v === "string") d = parseTextDate(cleanText(v));
      else if (isCellDate(v)) d = isValidDate(v.y, v.m, v.d) ? v : null;
      if (d === null) {
        out.problem = "type";
        out.detail = "date";
      } else out.value = d;
      return out;
    }
    case "month": {
      const m = parseMonth(v);
      if (m === null) {
        out.problem = "type";
        out.detail = "month";
      } else out.value = m;
      return out;
    }
  }
}
