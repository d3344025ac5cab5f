/** Adds cell styles to a styles part (a date number format on a copy of a cell's style). No Node imports. */

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag);
  return m ? m[1]! : null;
};

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`\\s${name}\\s*=\\s*"[^"]*"`);
  if (re.test(tag)) return tag.replace(re, ` ${name}="${value}"`);
  return tag.replace(/^<(\w+:)?xf\b/, (open) => `${open} ${name}="${value}"`);
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

export class StylesPatch {
  private readonly prefix: string;
  private readonly added: string[] = [];
  private readonly xfs: string[];
  private readonly cache = new Map<string, number>();
  private readonly newFormats: Array<{ id: number; code: string }> = [];
  private readonly formats = new Map<string, number>();
  private nextFormatId = 164;

  constructor(private readonly source: string) {
    this.prefix = /<(\w+:)?styleSheet\b/.exec(source)?.[1] ?? "";
    const p = this.prefix;
    for (const m of source.matchAll(new RegExp(`<${p}numFmt\\b[^>]*>`, "g"))) {
      const id = Number(attr(m[0], "numFmtId"));
      const code = attr(m[0], "formatCode");
      if (code !== null) this.formats.set(code, id);
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
    const cellXfs = new RegExp(`<${p}cellXfs\\b[^>]*>([\\s\\S]*?)</${p}cellXfs>`).exec(source);
    if (!cellXfs) throw new Error("styles part has no cellXfs");
    this.xfs = [...cellXfs[1]!.matchAll(new RegExp(`<${p}xf\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}xf>)`, "g"))].map(
      (m) => m[0],
    );
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  /** The index of a style like `base` (cellXfs index, 0 when none) showing numbers in `formatCode`. */
  withFormat(base: number | null, formatCode: string): number {
    const from = base !== null && base < this.xfs.length + this.added.length ? base : 0;
    const key = `${from} ${formatCode}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    let id = this.formats.get(formatCode);
    if (id === undefined) {
      id = this.nextFormatId++;
      this.formats.set(formatCode, id);
      this.newFormats.push({ id, code: formatCode });
    }
    const xf =
      this.xfs[from] ??
      this.added[from - this.xfs.length] ??
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    let index: number;
    if (attr(xf, "numFmtId") === String(id)) index = from;
    else {
      const open = /^<[^>]*?(?=\/?>)/.exec(xf)![0];
      const patched = setAttr(setAttr(open, "numFmtId", String(id)), "applyNumberFormat", "1");
      this.added.push(patched + xf.slice(open.length));
      index = this.xfs.length + this.added.length - 1;
    }
    this.cache.set(key, index);
    return index;
  }

  xml(): string {
    if (!this.changed) return this.source;
    const p = this.prefix;
    let xml = this.source;
    if (this.newFormats.length) {
      const fmts = this.newFormats
        .map((f) => `<${p}numFmt numFmtId="${f.id}" formatCode="${escapeAttr(f.code)}"/>`)
        .join("");
      const block = new RegExp(`(<${p}numFmts\\b[^>]*?)(/>|>([\\s\\S]*?)</${p}numFmts>)`).exec(xml);
      if (block) {
        const count = (block[3] ?? "").match(new RegExp(`<${p}numFmt\\b`, "g"))?.length ?? 0;
        const open = setCount(block[1]!, count + this.newFormats.length);
        xml =
          xml.slice(0, block.index) +
          `${open}>${block[3] ?? ""}${fmts}</${p}numFmts>` +
          xml.slice(block.index + block[0].length);
      } else {
        const at = xml.search(new RegExp(`<${p}(fonts|fills|borders|cellStyleXfs|cellXfs)\\b`));
        xml = xml.slice(0, at) + `<${p}numFmts count="${this.newFormats.length}">${fmts}</${p}numFmts>` + xml.slice(at);
      }
    }
    const cellXfs = new RegExp(`(<${p}cellXfs\\b[^>]*?)>([\\s\\S]*?)</${p}cellXfs>`).exec(xml)!;
    const open = setCount(cellXfs[1]!, this.xfs.length + this.added.length);
    return (
      xml.slice(0, cellXfs.index) +
      `${open}>${cellXfs[2]}${this.added.join("")}</${p}cellXfs>` +
      xml.slice(cellXfs.index + cellXfs[0].length)
    );
  }
}

function setCount(open: string, count: number): string {
  return /\scount\s*=/.test(open)
    ? open.replace(/\scount\s*=\s*"[^"]*"/, ` count="${count}"`)
    : `${open} count="${count}"`;
}
