const WIDE = /[\u3000\uFF01-\uFF5E]/;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;
const ALL_SPACE = /[\s\u3000\u00A0\u200B-\u200D\u2060\uFEFF\u00AD]+/g;

/** Full-width ASCII forms and the ideographic space become their half-width twins. */
export function toHalfWidth(text: string): string {
  if (!WIDE.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3000) out += " ";
    else if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else out += text[i];
  }
  return out;
}

function isSpaceCode(c: number): boolean {
  return (
    c <= 32 ||
    c === 0xa0 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x1680
  );
}

/** True when text has leading/trailing spaces, a full-width space anywhere, or an invisible character. */
export function hasWhitespaceProblem(text: string): boolean {
  const n = text.length;
  if (n === 0) return false;
  if (isSpaceCode(text.charCodeAt(0)) || isSpaceCode(text.charCodeAt(n - 1))) return true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // Ordinary CJK (U+3400 and up, but for U+3000 and U+FEFF) and ASCII are rejected by the first comparisons.
    if (c < 0xad || (c > 0x3000 && c !== 0xfeff)) continue;
    if (c === 0xad || c === 0x3000 || c === 0xfeff || (c >= 0x200b && c <= 0x200d) || c === 0x2060) return true;
  }
  return false;
}

/** Trim every kind of space (half/full width, nbsp) and drop invisible characters. */
export function cleanText(text: string): string {
  if (!hasWhitespaceProblem(text)) return text;
  let t = text;
  if (INVISIBLE.test(t)) t = t.replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "");
  return t.replace(/^[\s\u3000\u00A0]+|[\s\u3000\u00A0]+$/g, "");
}

/** Half-width, without any spaces or invisible characters: the form values are compared in. */
export function compactText(text: string): string {
  return toHalfWidth(text).replace(ALL_SPACE, "");
}

/**
 * The form headers are compared in: half-width, no spaces or line breaks, no trailing `*`,
 * and without a parenthesised unit suffix unless `keepSuffix`.
 */
export function normalizeHeader(text: string, keepSuffix = false): string {
  let t = compactText(text).replace(/\*+$/, "").replace(/^\*+/, "");
  if (!keepSuffix) t = t.replace(/\([^()]*\)$/, "").replace(/\*+$/, "");
  return t;
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
