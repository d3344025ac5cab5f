/**
 * Rewrites a ZIP package with some entries replaced, everything else copied byte for byte (local header,
 * compressed data and data descriptor as they are; central records with their offsets moved). No Node imports:
 * the browser page uses it with its own deflate/inflate.
 */

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const EOCD_SIG = 0x06054b50;
const DESCRIPTOR_SIG = 0x08074b50;

export interface ZipCodec {
  inflateRaw(data: Uint8Array): Promise<Uint8Array> | Uint8Array;
  deflateRaw(data: Uint8Array): Promise<Uint8Array> | Uint8Array;
}

interface Entry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  /** The central record as it is (fixed part, name, extra, comment). */
  readonly central: Uint8Array;
}

const u16 = (b: Uint8Array, p: number) => b[p]! | (b[p + 1]! << 8);
const u32 = (b: Uint8Array, p: number) => (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;

function put16(b: Uint8Array, p: number, v: number): void {
  b[p] = v & 0xff;
  b[p + 1] = (v >>> 8) & 0xff;
}
function put32(b: Uint8Array, p: number, v: number): void {
  put16(b, p, v & 0xffff);
  put16(b, p + 2, (v >>> 16) & 0xffff);
}

let crcTable: Uint32Array | null = null;

export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function findEocd(b: Uint8Array): number {
  for (let p = b.length - 22; p >= Math.max(0, b.length - 22 - 0xffff); p--) if (u32(b, p) === EOCD_SIG) return p;
  throw new Error("not a ZIP archive: no end of central directory record");
}

const decoder = new TextDecoder();

export class ZipPackage {
  private readonly entries: Entry[] = [];
  private readonly byName = new Map<string, Entry>();

  constructor(private readonly bytes: Uint8Array) {
    const eocd = findEocd(bytes);
    const total = u16(bytes, eocd + 10);
    let p = u32(bytes, eocd + 16);
    if (total === 0xffff || p === 0xffffffff) throw new Error("ZIP64 archives are not supported");
    for (let n = 0; n < total; n++) {
      if (u32(bytes, p) !== CENTRAL_SIG) throw new Error(`ZIP central directory entry ${n} is corrupt`);
      const nameLen = u16(bytes, p + 28);
      const end = p + 46 + nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
      const entry: Entry = {
        name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
        flags: u16(bytes, p + 8),
        method: u16(bytes, p + 10),
        compressedSize: u32(bytes, p + 20),
        size: u32(bytes, p + 24),
        localOffset: u32(bytes, p + 42),
        central: bytes.subarray(p, end),
      };
      if (entry.size === 0xffffffff || entry.localOffset === 0xffffffff)
        throw new Error("ZIP64 entries are not supported");
      this.entries.push(entry);
      this.byName.set(entry.name.replace(/^\//, ""), entry);
      p = end;
    }
  }

  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  private dataStart(e: Entry): number {
    const h = e.localOffset;
    if (u32(this.bytes, h) !== LOCAL_SIG) throw new Error(`ZIP local header of ${e.name} is corrupt`);
    return h + 30 + u16(this.bytes, h + 26) + u16(this.bytes, h + 28);
  }

  /** The uncompressed bytes of an entry, null when there is none. */
  async read(name: string, codec: ZipCodec): Promise<Uint8Array | null> {
    const e = this.byName.get(name);
    if (!e) return null;
    if (e.flags & 1) throw new Error(`ZIP entry ${e.name} is encrypted`);
    const start = this.dataStart(e);
    const raw = this.bytes.subarray(start, start + e.compressedSize);
    if (e.method === 0) return raw;
    if (e.method !== 8) throw new Error(`ZIP entry ${e.name} uses compression method ${e.method}`);
    return await codec.inflateRaw(raw);
  }

  /** The package with `replaced` entries (by name) written anew and every other entry copied as it is. */
  async rewrite(replaced: ReadonlyMap<string, Uint8Array>, codec: ZipCodec): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    const centrals: Uint8Array[] = [];
    let offset = 0;
    for (const e of this.entries) {
      const data = replaced.get(e.name.replace(/^\//, ""));
      if (data === undefined) {
        // Local header, data and (when flagged) the data descriptor, verbatim.
        const start = this.dataStart(e);
        let end = start + e.compressedSize;
        if (e.flags & 0x8) end += u32(this.bytes, end) === DESCRIPTOR_SIG ? 16 : 12;
        chunks.push(this.bytes.subarray(e.localOffset, end));
        const central = e.central.slice();
        put32(central, 42, offset);
        centrals.push(central);
        offset += end - e.localOffset;
        continue;
      }
      const compressed = await codec.deflateRaw(data);
      const crc = crc32(data);
      const nameBytes = e.central.subarray(46, 46 + u16(e.central, 28));
      const flags = e.flags & 0x800;
      const local = new Uint8Array(30 + nameBytes.length);
      put32(local, 0, LOCAL_SIG);
      put16(local, 4, 20);
      put16(local, 6, flags);
      put16(local, 8, 8);
      local.set(e.central.subarray(12, 16), 10); // modification time and date
      put32(local, 14, crc);
      put32(local, 18, compressed.length);
      put32(local, 22, data.length);
      put16(local, 26, nameBytes.length);
      put16(local, 28, 0);
      local.set(nameBytes, 30);
      chunks.push(local, compressed);
      const central = e.central.slice();
      put16(central, 8, flags);
      put16(central, 10, 8);
      put32(central, 16, crc);
      put32(central, 20, compressed.length);
      put32(central, 24, data.length);
      put32(central, 42, offset);
      centrals.push(central);
      offset += local.length + compressed.length;
    }
    const cdStart = offset;
    let cdSize = 0;
    for (const c of centrals) cdSize += c.length;
    const eocd = new Uint8Array(22);
    put32(eocd, 0, EOCD_SIG);
    put16(eocd, 8, centrals.length);
    put16(eocd, 10, centrals.length);
    put32(eocd, 12, cdSize);
    put32(eocd, 16, cdStart);
    const out = new Uint8Array(cdStart + cdSize + 22);
    let p = 0;
    for (const c of [...chunks, ...centrals, eocd]) {
      out.set(c, p);
      p += c.length;
    }
    return out;
  }
}
