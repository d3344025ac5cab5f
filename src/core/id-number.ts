import type { CellDate } from "./types";
import { makeDate } from "./dates";
import { compactText } from "./text";

const WEIGHTS = Int32Array.of(7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2);
const CHECK_CHARS = "10X98765432";
/** Char codes of CHECK_CHARS, to compare without making one-character strings. */
const CHECK_CODES = Int32Array.from(CHECK_CHARS, (c) => c.charCodeAt(0));

function checkIndex(first17: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return sum % 11;
}

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  return CHECK_CHARS[checkIndex(first17)] ?? "";
}

/** A 15-digit legacy id upgraded to 18 digits (19 inserted before the year, check character appended). */
export function upgradeLegacyId(id15: string): string {
  const first17 = id15.slice(0, 6) + "19" + id15.slice(6);
  return first17 + idCheckChar(first17);
}

export interface ParsedId {
  readonly form: "18" | "15";
  /** Normalised 18-character id (upper-case X; legacy ids upgraded). */
  readonly id18: string;
  readonly text: string;
  /** The embedded date of birth, null when digits 7–14 are not a real date. */
  readonly birth: CellDate | null;
  /** "男" or "女" from the gender digit. */
  readonly gender: "男" | "女";
  readonly checksumOk: boolean;
  readonly expectedCheck: string;
}

const ID15 = /^\d{15}$/;

/** The number written by `count` ASCII digits of `t` from `from`. */
function digitsAt(t: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) n = n * 10 + t.charCodeAt(i) - 48;
  return n;
}

/**
 * 17 digits and a digit or upper-case X, read in one pass with the check sum (this runs once per roster row,
 * so no regular expression and no intermediate strings); null for anything else.
 */
function parseCanonicalId18(t: string): ParsedId | null {
  if (t.length !== 18) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const digit = t.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    sum += digit * WEIGHTS[i]!;
  }
  const last = t.charCodeAt(17);
  if (!((last >= 48 && last <= 57) || last === 88)) return null;
  const check = sum % 11;
  const birth = makeDate(digitsAt(t, 6, 4), digitsAt(t, 10, 2), digitsAt(t, 12, 2));
  const gender = (t.charCodeAt(16) - 48) % 2 === 1 ? "男" : "女";
  return {
    form: "18",
    id18: t,
    text: t,
    birth,
    gender,
    checksumOk: last === CHECK_CODES[check],
    expectedCheck: CHECK_CHARS[check] ?? "",
  };
}

/** Parses id text (half-width, no spaces, lower-case x accepted); null when it is neither 18 nor 15 digits. */
export function parseIdNumber(text: string): ParsedId | null {
  const canonical = parseCanonicalId18(text);
  if (canonical) return canonical;
  const t = compactText(text).toUpperCase();
  const cleaned = t === text ? null : parseCanonicalId18(t);
  if (cleaned) return cleaned;
  if (ID15.test(t)) {
    const birth = makeDate(1900 + digitsAt(t, 6, 2), digitsAt(t, 8, 2), digitsAt(t, 10, 2));
    const gender = (t.charCodeAt(14) - 48) % 2 === 1 ? "男" : "女";
    const id18 = upgradeLegacyId(t);
    return { form: "15", id18, text: t, birth, gender, checksumOk: true, expectedCheck: id18[17] ?? "" };
  }
  return null;
}

/** 110105********002X: the region code and the last four characters stay. */
export function maskIdNumber(text: string): string {
  const t = compactText(text);
  if (t.length < 10) return "*".repeat(t.length);
  return t.slice(0, 6) + "*".repeat(t.length - 10) + t.slice(-4);
}

/** 138****5678 for mobiles; landlines keep the area code and the last four digits. */
export function maskPhone(text: string): string {
  const t = compactText(text);
  const digits = t.replace(/\D/g, "");
  if (/^1\d{10}$/.test(digits)) return digits.slice(0, 3) + "****" + digits.slice(7);
  if (digits.length >= 7) {
    const keep = t.indexOf("-") > 0 ? t.slice(0, t.indexOf("-") + 1) : "";
    return keep + "*".repeat(Math.max(0, digits.length - keep.replace(/\D/g, "").length - 4)) + digits.slice(-4);
  }
  return "*".repeat(t.length);
}
