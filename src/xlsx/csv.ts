import type { CellValue, WorkbookSnapshot } from "../core/types";

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GBK. */
export function decodeCsv(buf: Uint8Array): string {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return new TextDecoder("gbk").decode(buf);
  }
}

/** RFC 4180 fields: quotes, doubled quotes, commas and line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function readCsv(buf: Uint8Array, name: string): WorkbookSnapshot {
  const values: CellValue[][] = parseCsv(decodeCsv(buf)).map((r) => r.map((f) => (f === "" ? null : f)));
  const sheetName = name.replace(/\.csv$/i, "") || "Sheet1";
  return { name, sheets: [{ name: sheetName, values, originRow: 1, originCol: 1 }] };
}
