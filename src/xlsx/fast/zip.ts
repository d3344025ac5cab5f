/**
 * A minimal read-only ZIP archive over a Buffer, enough for .xlsx/.xlsm packages: the central directory is read
 * once, and an entry is inflated (Node's zlib) only when asked for. Stored (0) and deflated (8) entries only;
 * ZIP64, encrypted entries, other methods and truncated data throw a plain `Error` naming the problem, which the
 * caller turns into its own "corrupt file" error.
 */
import { inflateRawSync } from "node:zlib";

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;

/** Code page 437, bytes 0x80–0xFF (names without the UTF-8 flag). */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

export interface ZipEntryInfo {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

function decodeCp437(buf: Buffer, start: number, end: number): string {
  let out = "";
  for (let i = start; i < end; i++) {
    const b = buf[i] ?? 0;
    out += b < 0x80 ? String.fromCharCode(b) : (CP437_HIGH[b - 0x80] ?? "?");
  }
  return out;
}

/** Part names compare without a leading slash and, as OPC part names do, case-insensitively. */
function normalizeName(name: string): string {
  return (name.startsWith("/") ? name.slice(1) : name).replace(/\\/g, "/");
}

export class ZipReader {
  private readonly buf: Buffer;
  private readonly byName = new Map<string, ZipEntryInfo>();
  private readonly byLowerName = new Map<string, ZipEntryInfo>();
  private readonly list: ZipEntryInfo[] = [];

  constructor(buf: Buffer) {
    this.buf = buf;
    const eocd = findEndOfCentralDirectory(buf);
    const total = buf.readUInt16LE(eocd + 10);
    const cdSize = buf.readUInt32LE(eocd + 12);
    const cdOffset = buf.readUInt32LE(eocd + 16);
    if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      throw new Error("ZIP64 archives are not supported");
    }
    if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0) {
      throw new Error("multi-disk ZIP archives are not supported");
    }
    if (cdOffset + cdSize > eocd) throw new Error("ZIP central directory is truncated or misplaced");
    let p = cdOffset;
    for (let n = 0; n < total; n++) {
      if (p + CENTRAL_SIZE > eocd || buf.readUInt32LE(p) !== CENTRAL_SIG) {
        throw new Error(`ZIP central directory entry ${n} is corrupt`);
      }
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const compressedSize = buf.readUInt32LE(p + 20);
      const size = buf.readUInt32LE(p + 24);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      const localOffset = buf.readUInt32LE(p + 42);
      const nameEnd = p + CENTRAL_SIZE + nameLen;
      if (nameEnd > eocd) throw new Error(`ZIP central directory entry ${n} is truncated`);
      const name =
        flags & 0x800 ? buf.toString("utf8", p + CENTRAL_SIZE, nameEnd) : decodeCp437(buf, p + CENTRAL_SIZE, nameEnd);
      if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
        throw new Error(`ZIP64 entry ${name} is not supported`);
      }
      // An encrypted entry is marked with method -1 and refused on read, so listing such an archive still works.
      const entry: ZipEntryInfo = { name, method: flags & 0x1 ? -1 : method, compressedSize, size, localOffset };
      this.list.push(entry);
      const key = normalizeName(name);
      if (!this.byName.has(key)) this.byName.set(key, entry);
      const lower = key.toLowerCase();
      if (!this.byLowerName.has(lower)) this.byLowerName.set(lower, entry);
      p = nameEnd + extraLen + commentLen;
    }
  }

  /** Entry names in central-directory order. */
  names(): string[] {
    return this.list.map((e) => e.name);
  }

  info(name: string): ZipEntryInfo | null {
    const key = normalizeName(name);
    return this.byName.get(key) ?? this.byLowerName.get(key.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.info(name) !== null;
  }

  /** The uncompressed bytes of an entry (a leading "/" and letter case are ignored); null when there is none. */
  entry(name: string): Buffer | null {
    const e = this.info(name);
    if (!e || e.name.endsWith("/")) return null;
    const buf = this.buf;
    if (e.method === -1) throw new Error(`ZIP entry ${e.name} is encrypted`);
    if (e.method !== 0 && e.method !== 8)
      throw new Error(`ZIP entry ${e.name} uses unsupported compression method ${e.method}`);
    const h = e.localOffset;
    if (h + LOCAL_SIZE > buf.length || buf.readUInt32LE(h) !== LOCAL_SIG) {
      throw new Error(`ZIP local header of ${e.name} is missing or corrupt`);
    }
    const start = h + LOCAL_SIZE + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
    const end = start + e.compressedSize;
    if (end > buf.length) throw new Error(`ZIP entry ${e.name} is truncated`);
    const raw = buf.subarray(start, end);
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw new Error(`ZIP stored entry ${e.name} has inconsistent sizes`);
      return raw;
    }
    // Deflate cannot expand more than about 1032:1; a larger stated size is a lie (or a bomb).
    if (e.size > e.compressedSize * 1100 + 1024) throw new Error(`ZIP entry ${e.name} states an impossible size`);
    let out: Buffer;
    try {
      // One output chunk of the stated size (no concatenation of partial buffers for a large sheet), and no more.
      out = inflateRawSync(raw, { chunkSize: Math.max(64, e.size + 1), maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      throw new Error(`ZIP entry ${e.name} cannot be inflated: ${(err as Error).message}`);
    }
    if (out.length !== e.size)
      throw new Error(`ZIP entry ${e.name} inflated to ${out.length} bytes, expected ${e.size}`);
    return out;
  }
}

function findEndOfCentralDirectory(buf: Buffer): number {
  if (buf.length < EOCD_SIZE) throw new Error("not a ZIP archive: too short");
  const stop = Math.max(0, buf.length - EOCD_SIZE - MAX_COMMENT);
  for (let p = buf.length - EOCD_SIZE; p >= stop; p--) {
    if (buf[p] !== 0x50 || buf[p + 1] !== 0x4b || buf[p + 2] !== 0x05 || buf[p + 3] !== 0x06) continue;
    if (buf.readUInt32LE(p) !== EOCD_SIG) continue;
    // A look-alike inside the archive comment: its fields do not describe a central directory before it.
    const commentLen = buf.readUInt16LE(p + 20);
    if (p + EOCD_SIZE + commentLen > buf.length) continue;
    const total = buf.readUInt16LE(p + 10);
    const cdSize = buf.readUInt32LE(p + 12);
    const cdOffset = buf.readUInt32LE(p + 16);
    const saturated = total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff;
    if (!saturated && cdOffset + cdSize > p) continue;
    if (!saturated && total > 0 && (cdOffset + 4 > buf.length || buf.readUInt32LE(cdOffset) !== CENTRAL_SIG)) continue;
    return p;
  }
  throw new Error("not a ZIP archive or truncated: no end of central directory record");
}
