/**
 * The standalone page's 标注副本: a NEW workbook made from the opened file's bytes with each issue cell filled in
 * its severity's colour and a note holding the message, plus the 设置 edits made in the pane. The original file
 * is never written (SPEC §7); exceljs drops charts and pivot tables, which the pane says next to the button.
 */
import { loadXlsxPackage } from "../../src/xlsx/exceljs-load";
import type ExcelJS from "exceljs";
import type { Issue } from "../../src/core/types";
import { SETTINGS_SHEET, SETTING_DEFS, isSettingsSheet } from "../../src/core/settings";
import { normalizeHeader } from "../../src/core/text";
import { MARK_COLORS, distinctMarks, marksFromIssues } from "../office/port";
import { cellValueFor } from "../taskpane/settings-model";
import { loadExcelJs } from "./read-workbook";
import type { Lang } from "../../src/core/messages";
import { addIssueSheet, internalLinks } from "./issue-sheet";
import { browserZipCodec } from "./browser-codec";

/** Replaces the cell's style object (exceljs may share one between cells) with the given fill. */
function setFill(cell: ExcelJS.Cell, argb: string): void {
  cell.style = { ...cell.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb } } };
}

/** The cell's note as plain text ("" when none). */
function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as ExcelJS.Cell["note"] | undefined;
  if (!note) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  return typeof v === "object" ? "" : String(v);
}

/** Writes `edits` (typed values by setting key) into the 设置 sheet, adding rows or the sheet as needed. */
export function writeSettingsSheet(wb: ExcelJS.Workbook, edits: Readonly<Record<string, string>>): void {
  const keys = Object.keys(edits);
  if (keys.length === 0) return;
  let ws = wb.worksheets.find((w) => isSettingsSheet(w.name));
  if (!ws) {
    ws = wb.addWorksheet(SETTINGS_SHEET);
    ws.addRow(["项目", "值"]);
  }
  const rows = new Map<string, { row: number; col: number }>();
  ws.eachRow((row, r) => {
    let label: { text: string; col: number } | null = null;
    row.eachCell((cell, c) => {
      const t = cellText(cell.value).trim();
      if (!label && t !== "") label = { text: t, col: c };
    });
    const found = label as { text: string; col: number } | null;
    if (!found) return;
    const def = SETTING_DEFS.find((d) => normalizeHeader(d.label) === normalizeHeader(found.text));
    if (def && !rows.has(def.key)) rows.set(def.key, { row: r, col: found.col + 1 });
  });
  for (const def of SETTING_DEFS) {
    const typed = edits[def.key];
    if (typed === undefined) continue;
    const value = cellValueFor(def, typed);
    const at = rows.get(def.key) ?? (value === "" ? null : { row: ws.rowCount + 1, col: 2 });
    if (!at) continue;
    if (!rows.has(def.key)) ws.getCell(at.row, at.col - 1).value = def.label;
    const cell = ws.getCell(at.row, at.col);
    if (def.type === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const [y, m, d] = value.split("-").map(Number) as [number, number, number];
      cell.value = new Date(Date.UTC(y, m - 1, d));
      cell.numFmt = "yyyy-mm-dd";
    } else {
      cell.value = value === "" ? null : value;
    }
  }
}

/**
 * The marked copy's bytes, in `lang`: first the 问题清单 (Issues) sheet listing every issue, then the workbook's
 * own sheets with the marks; `bytes` (the opened file) is only read.
 */
export async function markedCopyBytes(
  bytes: Uint8Array,
  issues: readonly Issue[],
  message: (issue: Issue) => string,
  settingEdits: Readonly<Record<string, string>> = {},
  lang: Lang = "zh-CN",
): Promise<{ bytes: ArrayBuffer; cells: number }> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  await loadXlsxPackage(wb, bytes);
  const marks = distinctMarks(marksFromIssues(issues, message));
  let cells = 0;
  for (const m of marks) {
    const ws = wb.getWorksheet(m.sheet);
    if (!ws) continue;
    const cell = ws.getCell(m.cell);
    setFill(cell, `FF${MARK_COLORS[m.severity].slice(1)}`);
    const old = noteText(cell);
    cell.note = old ? `${old}\n${m.message}` : m.message;
    cells++;
  }
  writeSettingsSheet(wb, settingEdits);
  const list = addIssueSheet(wb, issues, lang);
  const written = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const linked = await internalLinks(written, list, browserZipCodec);
  return { bytes: linked.buffer.slice(linked.byteOffset, linked.byteOffset + linked.byteLength) as ArrayBuffer, cells };
}
