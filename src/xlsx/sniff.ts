/**
 * What a file really is, from its bytes (not its name): the CLI and the standalone page both decide how to read a
 * file, or what to tell the user, from this. No Node imports.
 */
export type FileKind =
  | "empty"
  /** An Office Open XML package (.xlsx/.xlsm) or a zip the xlsx readers should try. */
  | "xlsx"
  | "ods"
  /** A legacy Excel 97-2003 workbook (BIFF in an OLE2 compound file). */
  | "biff"
  /** A password-protected workbook (encrypted OOXML or a BIFF file with a FilePass record). */
  | "encrypted"
  /** An HTML table or an XML Spreadsheet 2003 saved as .xls by a web system. */
  | "html"
  /** Excel's "Unicode 文本": UTF-16, tab-separated. */
  | "utf16-text"
  /** Plain text (UTF-8 or GBK), read as CSV. */
  | "text"
  | "word"
  | "powerpoint"
  | "pdf"
  | "image"
  | "archive"
  | "unknown";

const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buf: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (buf.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[at + i] !== bytes[i]) return false;
  return true;
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function indexOfBytes(buf: Uint8Array, needle: readonly number[], limit = buf.length): number {
  const end = Math.min(limit, buf.length) - needle.length;
  const first = needle[0];
  outer: for (let i = 0; i <= end; i++) {
    if (buf[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (buf[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function utf16(text: string): number[] {
  const out: number[] = [];
  for (const c of text) out.push(c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8);
  return out;
}

/** An OLE2 compound file: which streams its directory names. */
function oleKind(buf: Uint8Array): FileKind {
  const has = (name: string) => indexOfBytes(buf, utf16(name)) >= 0;
  if (has("EncryptedPackage") || has("EncryptionInfo")) return "encrypted";
  if (has("Workbook") || has("Book")) return "biff";
  if (has("WordDocument")) return "word";
  if (has("PowerPoint Document")) return "powerpoint";
  return "unknown";
}

/** A zip: an OOXML workbook, an OpenDocument spreadsheet, another Office document, or an archive of files. */
function zipKind(buf: Uint8Array): FileKind {
  // Entry names are plain bytes in the local headers; the first entries tell (mimetype comes first in ODF).
  const head = Math.min(buf.length, 1 << 20);
  const odf = 1 << 16;
  if (indexOfBytes(buf, ascii("application/vnd.oasis.opendocument.spreadsheet"), odf) >= 0) return "ods";
  if (indexOfBytes(buf, ascii("application/vnd.oasis.opendocument.presentation"), odf) >= 0) return "powerpoint";
  if (indexOfBytes(buf, ascii("application/vnd.oasis.opendocument"), odf) >= 0) return "word";
  if (indexOfBytes(buf, ascii("xl/"), head) >= 0 || indexOfBytes(buf, ascii("[Content_Types].xml"), head) >= 0) {
    if (indexOfBytes(buf, ascii("word/"), head) >= 0) return "word";
    if (indexOfBytes(buf, ascii("ppt/"), head) >= 0) return "powerpoint";
    return "xlsx";
  }
  // An OpenDocument package whose mimetype is compressed: let the spreadsheet reader decide.
  if (
    indexOfBytes(buf, ascii("content.xml"), head) >= 0 &&
    indexOfBytes(buf, ascii("META-INF/manifest.xml"), head) >= 0
  )
    return "ods";
  return "archive";
}

/** The start of a text file, without its BOM, as far as markup sniffing needs it. */
function textHead(buf: Uint8Array): string {
  const n = Math.min(buf.length, 2048);
  let s = "";
  for (let i = startsWith(buf, [0xef, 0xbb, 0xbf]) ? 3 : 0; i < n; i++) s += String.fromCharCode(buf[i]!);
  return s.trimStart().toLowerCase();
}

/** UTF-16 without a BOM: most of the first code units have a zero high byte (ASCII and tabs) or low byte. */
function looksUtf16(buf: Uint8Array): "le" | "be" | null {
  const n = Math.min(buf.length, 512) & ~1;
  if (n < 8) return null;
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i + 1] === 0) zeroOdd++;
    if (buf[i] === 0) zeroEven++;
  }
  const units = n / 2;
  if (zeroOdd > units * 0.4 && zeroEven === 0) return "le";
  if (zeroEven > units * 0.4 && zeroOdd === 0) return "be";
  return null;
}

export function sniffFile(buf: Uint8Array): FileKind {
  if (buf.length === 0) return "empty";
  if (startsWith(buf, OLE)) return oleKind(buf);
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return zipKind(buf);
  if (startsWith(buf, [0x50, 0x4b])) return "xlsx";
  if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff])) return "utf16-text";
  if (startsWith(buf, ascii("%PDF"))) return "pdf";
  if (
    startsWith(buf, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(buf, [0xff, 0xd8, 0xff]) ||
    startsWith(buf, ascii("GIF8")) ||
    (startsWith(buf, ascii("RIFF")) && startsWith(buf, ascii("WEBP"), 8))
  )
    return "image";
  if (
    startsWith(buf, ascii("Rar!")) ||
    startsWith(buf, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) ||
    startsWith(buf, [0x1f, 0x8b])
  )
    return "archive";
  if (startsWith(buf, ascii("{\\rtf"))) return "word";
  if (looksUtf16(buf)) return "utf16-text";
  const head = textHead(buf);
  if (/^(?:<!doctype html|<html|<table|<meta|<head|<body|<!--)/.test(head)) return "html";
  if (head.startsWith("<?xml") && /<(?:ss:)?workbook|urn:schemas-microsoft-com:office:spreadsheet/.test(head))
    return "html";
  if (head.startsWith("<?xml") && head.includes("<html")) return "html";
  return "text";
}

/** UTF-16 text (with or without BOM) as a string. */
export function decodeUtf16(buf: Uint8Array): string {
  const be = startsWith(buf, [0xfe, 0xff]) || (!startsWith(buf, [0xff, 0xfe]) && looksUtf16(buf) === "be");
  const text = new TextDecoder(be ? "utf-16be" : "utf-16le").decode(buf);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** HTML as a web system saved it: the charset its meta tag names (GBK/GB2312/GB18030), else UTF-8. */
export function decodeHtml(buf: Uint8Array): string {
  const head = textHead(buf);
  const charset = /charset\s*=\s*["']?([\w-]+)/.exec(head)?.[1] ?? "";
  const gbk = /^(?:gbk|gb2312|gb18030|x-gbk)$/.test(charset);
  if (!gbk) {
    try {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch {
      // not UTF-8 after all
    }
  }
  return new TextDecoder("gbk").decode(buf);
}
