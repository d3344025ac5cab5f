/**
 * For the English-mode tests: the texts a workbook itself holds (cell texts, sheet names, its file name), which stay
 * as the user wrote them in any language, and what is left of a text once they are taken out.
 */
import type ExcelJS from "exceljs";
import type { CellValue, WorkbookSnapshot } from "../../src/core/types";
import { formatDate } from "../../src/core/dates";

export const HAN = /\p{Script=Han}/u;

/**
 * A text and its forms without line breaks and without any white space (as headers are read), and the name of an
 * item header `师德师风(20)` (the engine names the item by it).
 */
function variants(text: string): string[] {
  const t = text.trim();
  if (t === "") return [];
  const item = /^(.+?)\s*[(（]\s*\d+(?:\.\d+)?\s*分?\s*[)）]$/.exec(t.replace(/\s+/g, ""))?.[1];
  return [t, t.replace(/\s+/g, " "), t.replace(/\s+/g, ""), ...(item ? [item] : [])];
}

function snapshotValue(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "object") return v.kind === "date" ? formatDate(v) : v.kind === "formula" ? "" : v.code;
  return String(v);
}

/** Every cell text and sheet name of a snapshot, with `extra` (e.g. the file name). */
export function snapshotTexts(snapshot: WorkbookSnapshot, extra: readonly string[] = []): Set<string> {
  const out = new Set<string>();
  for (const s of [...extra, ...snapshot.sheets.map((x) => x.name)]) for (const v of variants(s)) out.add(v);
  for (const sheet of snapshot.sheets)
    for (const row of sheet.values) for (const cell of row) for (const v of variants(snapshotValue(cell))) out.add(v);
  return out;
}

/** Every cell text (as shown and as stored) and sheet name of an exceljs workbook, with `extra`. */
export function workbookTexts(wb: ExcelJS.Workbook, extra: readonly string[] = []): Set<string> {
  const out = new Set<string>();
  const add = (s: string) => variants(s).forEach((v) => out.add(v));
  extra.forEach(add);
  wb.eachSheet((ws) => {
    add(ws.name);
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        add(cell.text);
        const v = cell.value;
        if (typeof v === "string") add(v);
        else if (v && typeof v === "object" && "richText" in v) add(v.richText.map((r) => r.text).join(""));
      }),
    );
  });
  return out;
}

/** `text` with every occurrence of the user's own texts removed, longest first. */
export function withoutUserData(text: string, data: Iterable<string>): string {
  let out = text;
  for (const d of [...data].filter((x) => HAN.test(x)).sort((a, b) => b.length - a.length)) out = out.split(d).join("");
  return out;
}

/** The lines of `text` that still hold a Han character once the user's own texts are removed. */
export function hanLines(text: string, data: Iterable<string>): string[] {
  const list = [...data];
  return text
    .split("\n")
    .filter((line) => HAN.test(withoutUserData(line, list)))
    .map(
      (line) =>
        `${line}  ⟶  left: ${withoutUserData(line, list)
          .replace(/[^\p{Script=Han}]+/gu, " ")
          .trim()}`,
    );
}
