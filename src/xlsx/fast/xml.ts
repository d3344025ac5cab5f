/**
 * Tiny XML helpers for the fast .xlsx reader: entity decoding, attributes of a start tag, a tag iterator for the
 * small package parts (workbook, rels, styles) and byte-level text decoding for the large ones. Element and
 * attribute names are matched by local name, so `<x:row>` is a `row`. Text is always kept exactly as written
 * (as if `xml:space="preserve"` were everywhere), which is also what exceljs does.
 */

const NAMED: ReadonlyMap<string, string> = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
]);

/** `x:row` → `row`. */
export function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

function codePoint(ref: string): string | null {
  const hex = ref[1] === "x" || ref[1] === "X";
  const digits = ref.slice(hex ? 2 : 1);
  if (digits.length === 0 || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return null;
  const cp = parseInt(digits, hex ? 16 : 10);
  if (!(cp >= 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return String.fromCodePoint(cp);
}

/** Decodes `&amp; &lt; &gt; &quot; &apos; &#123; &#x1F600;`; anything else (an unknown entity, a stray `&`) is kept. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let last = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0) break;
    let rep: string | null = null;
    if (semi - amp <= 12) {
      const ref = s.slice(amp + 1, semi);
      rep = ref[0] === "#" ? codePoint(ref) : (NAMED.get(ref) ?? null);
    }
    if (rep !== null) {
      out += s.slice(last, amp) + rep;
      last = semi + 1;
      amp = s.indexOf("&", last);
    } else {
      amp = s.indexOf("&", amp + 1);
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** XML end-of-line handling (CRLF and lone CR become LF), then entities: the text content as a parser reports it. */
export function decodeXmlText(raw: string): string {
  const t = raw.indexOf("\r") >= 0 ? raw.replace(/\r\n?/g, "\n") : raw;
  return decodeEntities(t);
}

const ESCAPE = /_x([0-9A-F]{4})_/g;

/**
 * OOXML's `_xHHHH_` escapes in string items (`_x000D_` for a carriage return; `_x005F_` escapes the underscore).
 * Upper-case hex only, as exceljs reads them.
 */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The attributes of a start tag (`<c r="A1" s="2">` or just its inside), keyed by name as written. */
export function parseAttributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  const n = tag.length;
  if (tag[0] === "<") {
    while (i < n && !isSpace(tag.charCodeAt(i)) && tag[i] !== ">" && tag[i] !== "/") i++;
  }
  while (i < n) {
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < n && tag[i] !== "=" && !isSpace(tag.charCodeAt(i)) && tag[i] !== ">" && tag[i] !== "/") i++;
    const name = tag.slice(nameStart, i);
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    if (tag[i] !== "=") {
      if (i === nameStart) i++;
      continue;
    }
    i++;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const q = tag[i];
    if (q !== '"' && q !== "'") continue;
    const end = tag.indexOf(q, i + 1);
    if (end < 0) break;
    if (name) out[name] = decodeXmlText(tag.slice(i + 1, end));
    i = end + 1;
  }
  return out;
}

/** An attribute by local name: `attr(a, "id")` finds `r:id` (or any other prefix) as well as a plain `id`. */
export function attr(attrs: Readonly<Record<string, string>>, local: string): string | undefined {
  const direct = attrs[local];
  if (direct !== undefined) return direct;
  for (const key of Object.keys(attrs)) {
    const i = key.indexOf(":");
    if (i >= 0 && key.slice(i + 1) === local && key.slice(0, i) !== "xmlns") return attrs[key];
  }
  return undefined;
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** One markup item of a document: a start tag, an end tag or an empty-element tag. */
export interface Tag {
  /** Local name, without any namespace prefix. */
  readonly name: string;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  /** The whole tag text, from `<` to `>`, for `parseAttributes`. */
  readonly raw: string;
  /** Offsets of `<` and just after `>`. */
  readonly start: number;
  readonly end: number;
}

/** The end of a tag starting at `lt` (index just after its `>`), skipping `>` inside quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let q = 0;
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (q !== 0) {
      if (c === q) q = 0;
    } else if (c === 0x22 || c === 0x27) {
      q = c;
    } else if (c === 0x3e) {
      return i + 1;
    }
  }
  return -1;
}

/** Start/end tags of a (small) document in order; comments, processing instructions, DOCTYPE and CDATA are skipped. */
export function* tags(xml: string): Generator<Tag> {
  let i = xml.indexOf("<");
  while (i >= 0 && i < xml.length) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x21 /* ! */) {
      const end = xml.startsWith("<!--", i)
        ? xml.indexOf("-->", i + 4) + 3
        : xml.startsWith("<![CDATA[", i)
          ? xml.indexOf("]]>", i + 9) + 3
          : xml.indexOf(">", i) + 1;
      if (end <= 2) return;
      i = xml.indexOf("<", end);
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf("?>", i + 2);
      if (end < 0) return;
      i = xml.indexOf("<", end + 2);
      continue;
    }
    const end = tagEnd(xml, i);
    if (end < 0) return;
    const closing = next === 0x2f;
    let j = closing ? i + 2 : i + 1;
    const nameStart = j;
    while (j < end) {
      const c = xml.charCodeAt(j);
      if (isSpace(c) || c === 0x2f || c === 0x3e) break;
      j++;
    }
    const name = localName(xml.slice(nameStart, j));
    const selfClosing = !closing && xml.charCodeAt(end - 2) === 0x2f;
    yield { name, closing, selfClosing, raw: xml.slice(i, end), start: i, end };
    i = xml.indexOf("<", end);
  }
}

/**
 * UTF-8 text between two byte offsets of a part (always whole characters: the offsets sit at ASCII markup),
 * decoded as a parser would report it. `toString` gives a fresh flat string, so no big document string is kept.
 */
export function decodeUtf8Text(buf: Buffer, start: number, end: number): string {
  return decodeXmlText(utf8(buf, start, end));
}

/** Buffer's own UTF-8 slice, without `toString`'s argument handling (a third of the cost for short strings). */
const nativeUtf8Slice = (
  Buffer.prototype as unknown as { utf8Slice?: (this: Buffer, start: number, end: number) => string }
).utf8Slice;

/** The UTF-8 bytes [start, end) of a buffer as a fresh string. */
export function utf8(buf: Buffer, start: number, end: number): string {
  return nativeUtf8Slice !== undefined ? nativeUtf8Slice.call(buf, start, end) : buf.toString("utf8", start, end);
}
