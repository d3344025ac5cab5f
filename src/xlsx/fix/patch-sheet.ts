/** Rewrites chosen cells of a worksheet part's XML; every other byte of the part stays as it was. No Node imports. */

/** What a cell holds before it is written. */
export interface ExistingCell {
  /** Its `s` (cell style index) attribute, null when it has none. */
  readonly style: number | null;
  readonly hasFormula: boolean;
}

/** A cell to write: `make` returns the new `<c>` element's inner part (attributes after r, and content), or null to leave the cell. */
export interface CellWrite {
  readonly ref: string;
  make(existing: ExistingCell): { attrs: string; content: string } | null;
}

export function splitRef(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad cell reference ${ref}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

const attrOf = (attrs: string, name: string): string | null => {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[2] ?? m[3] ?? "") : null;
};

/** The cells of `writes` rewritten (or inserted in row and column order); `written` names those actually written. */
export function patchSheetXml(xml: string, writes: readonly CellWrite[]): { xml: string; written: Set<string> } {
  const written = new Set<string>();
  const head = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!head) throw new Error("worksheet has no sheetData");
  const p = head[1] ?? "";
  const byRow = new Map<number, Map<number, CellWrite>>();
  for (const w of writes) {
    const { row, col } = splitRef(w.ref);
    let cols = byRow.get(row);
    if (!cols) byRow.set(row, (cols = new Map()));
    cols.set(col, w);
  }
  const makeCell = (ref: string, w: CellWrite, existing: ExistingCell, original: string): string => {
    const made = w.make(existing);
    if (!made) return original;
    written.add(ref);
    return `<${p}c r="${ref}"${made.attrs}>${made.content}</${p}c>`;
  };
  const newCells = (cols: Map<number, CellWrite>, minCol: number, maxCol: number): string => {
    let out = "";
    for (const col of [...cols.keys()].sort((a, b) => a - b)) {
      if (col < minCol || col > maxCol) continue;
      const w = cols.get(col)!;
      out += makeCell(w.ref, w, { style: null, hasFormula: false }, "");
    }
    return out;
  };
  const patchRow = (body: string, cols: Map<number, CellWrite>): string => {
    const cellRe = new RegExp(`<${p}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}c>)`, "g");
    let out = "";
    let last = 0;
    let prevCol = 0;
    let m: RegExpExecArray | null;
    while ((m = cellRe.exec(body))) {
      const attrs = m[1] ?? "";
      const r = attrOf(attrs, "r");
      const col = r ? splitRef(r).col : prevCol + 1;
      out += body.slice(last, m.index) + newCells(cols, prevCol + 1, col - 1);
      const w = cols.get(col);
      if (w) {
        const s = attrOf(attrs, "s");
        const existing = { style: s === null ? null : Number(s), hasFormula: new RegExp(`<${p}f\\b`).test(m[2] ?? "") };
        out += makeCell(w.ref, w, existing, m[0]);
      } else out += m[0];
      last = m.index + m[0].length;
      prevCol = col;
    }
    // New cells after the last one, before whatever follows the cells (e.g. extLst).
    const tail = body.slice(last);
    return out + newCells(cols, prevCol + 1, Number.MAX_SAFE_INTEGER) + tail;
  };
  const newRow = (rowNum: number, cols: Map<number, CellWrite>) => {
    const cells = newCells(cols, 1, Number.MAX_SAFE_INTEGER);
    return cells ? `<${p}row r="${rowNum}">${cells}</${p}row>` : "";
  };

  const start = head.index + head[0].length;
  if (head[2] === "/") {
    const rows = [...byRow.keys()]
      .sort((a, b) => a - b)
      .map((r) => newRow(r, byRow.get(r)!))
      .join("");
    return { xml: xml.slice(0, head.index) + `<${p}sheetData>${rows}</${p}sheetData>` + xml.slice(start), written };
  }
  const end = xml.indexOf(`</${p}sheetData>`, start);
  if (end < 0) throw new Error("worksheet sheetData is not closed");
  const data = xml.slice(start, end);
  const rowRe = new RegExp(`<${p}row\\b([^>]*?)(/>|>([\\s\\S]*?)</${p}row>)`, "g");
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  let k = 0;
  let out = "";
  let last = 0;
  let prevRow = 0;
  let m: RegExpExecArray | null;
  while ((m = rowRe.exec(data))) {
    const attrs = m[1] ?? "";
    const r = attrOf(attrs, "r");
    const rowNum = r ? Number(r) : prevRow + 1;
    out += data.slice(last, m.index);
    while (k < pending.length && pending[k]! < rowNum) out += newRow(pending[k]!, byRow.get(pending[k++]!)!);
    const cols = byRow.get(rowNum);
    if (cols) {
      k++;
      const body = m[2] === "/>" ? "" : (m[3] ?? "");
      // `spans` is only a hint, and a new cell may lie outside it.
      out += `<${p}row${attrs.replace(/\s+spans\s*=\s*"[^"]*"/, "")}>${patchRow(body, cols)}</${p}row>`;
    } else out += m[0];
    last = m.index + m[0].length;
    prevRow = rowNum;
  }
  out += data.slice(last);
  while (k < pending.length) out += newRow(pending[k]!, byRow.get(pending[k++]!)!);
  return { xml: xml.slice(0, start) + out + xml.slice(end), written };
}
