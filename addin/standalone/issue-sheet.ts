/**
 * The marked copy's first sheet, 问题清单 (Issues in English): every issue, sheet-level ones included, one row
 * each with a link to its cell, under a colour legend that uses the marks' own fills.
 */
import type ExcelJS from "exceljs";
import type { Issue, Severity } from "../../src/core/types";
import { type Lang, formatIssue } from "../../src/core/messages";
import { ruleTitle } from "../../src/core/messages/titles";
import { parseAddress } from "../../src/core/address";
import { quotedSheet } from "../../src/xlsx/ooxml/xml";
import { ZipPackage, type ZipCodec } from "../../src/xlsx/fix/zip-package";
import { MARK_COLORS } from "../office/port";
import { TEXT } from "../taskpane/i18n";
import { a4FitToWidth } from "../../src/xlsx/page-setup";

/** One row of the issue list. */
export interface IssueRow {
  readonly seq: number;
  readonly severity: Severity;
  readonly sheet: string;
  /** The issue's cell, null for a sheet-level issue (its link goes to A1). */
  readonly cell: string | null;
  readonly person: string;
  readonly rule: string;
  readonly title: string;
  readonly message: string;
}

/** Rows of the legend, the table's header and the first issue. */
export const LEGEND_ROW = 1;
export const HEADER_ROW = 3;

/** `#'花名册'!E8`: the link to an issue's cell (A1 of its sheet when it has none). */
export function issueLink(sheet: string, cell: string | null): string {
  return `#${quotedSheet(sheet)}!${cell ?? "A1"}`;
}

/**
 * The issues in the order the pane lists a sheet's issues: sheets in workbook order (any other after them), a
 * sheet's sheet-level issues first, then by row and column; issues at the same place keep their order.
 */
export function issueRows(issues: readonly Issue[], sheetOrder: readonly string[], lang: Lang): IssueRow[] {
  const sheetIndex = (s: string) => {
    const i = sheetOrder.indexOf(s);
    return i < 0 ? sheetOrder.length : i;
  };
  const place = (i: Issue) => {
    const at = i.cell === null ? null : parseAddress(i.cell);
    return at === null ? [-1, -1] : [at.row, at.col];
  };
  const sorted = issues
    .map((issue, index) => ({ issue, index, place: place(issue) }))
    .sort(
      (a, b) =>
        sheetIndex(a.issue.sheet) - sheetIndex(b.issue.sheet) ||
        (a.issue.sheet < b.issue.sheet ? -1 : a.issue.sheet > b.issue.sheet ? 1 : 0) ||
        a.place[0]! - b.place[0]! ||
        a.place[1]! - b.place[1]! ||
        a.index - b.index,
    );
  return sorted.map(({ issue }, i) => ({
    seq: i + 1,
    severity: issue.severity,
    sheet: issue.sheet,
    cell: issue.cell,
    person: issue.person ?? "",
    rule: issue.rule,
    title: ruleTitle(issue.rule, lang),
    message: formatIssue(issue, lang),
  }));
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
const solid = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } });

/** A sheet name not yet taken in the workbook: `问题清单`, else `问题清单 (2)`… */
function freeName(wb: ExcelJS.Workbook, name: string): string {
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})`;
  return candidate;
}

/**
 * Adds the issue list as the workbook's first sheet, selected when the file opens; the other sheets keep their
 * order and content (only their tab selection is cleared, so that Excel does not open them grouped). Returns the
 * sheet's name.
 */
export function addIssueSheet(wb: ExcelJS.Workbook, issues: readonly Issue[], lang: Lang): string {
  const t = TEXT[lang].issueSheet;
  const others = wb.worksheets;
  const rows = issueRows(
    issues,
    others.map((w) => w.name),
    lang,
  );
  const ws = wb.addWorksheet(freeName(wb, t.sheetName), {
    views: [{ state: "frozen", xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: "A1" }],
    pageSetup: a4FitToWidth("landscape", `${HEADER_ROW}:${HEADER_ROW}`),
  });
  // exceljs orders sheets by this (untyped) field and has no call to move a sheet.
  const order = (w: ExcelJS.Worksheet) => w as unknown as { orderNo: number };
  order(ws).orderNo = Math.min(0, ...others.map((w) => order(w).orderNo)) - 1;
  // exceljs leaves `views` null on a sheet the file gives none.
  for (const other of others) other.views = (other.views ?? []).map((v) => ({ ...v, tabSelected: false }));
  ws.views = ws.views.map((v) => ({ ...v, tabSelected: true }));
  const book = wb.views?.[0] ?? { x: 0, y: 0, width: 12000, height: 24000, visibility: "visible" as const };
  wb.views = [{ ...book, firstSheet: 0, activeTab: 0 }];

  const c = t.columns;
  const columns: ReadonlyArray<readonly [string, number]> = [
    [c.seq, 6],
    [c.severity, 9],
    [c.sheet, 16],
    [c.cell, 11],
    [c.person, 12],
    [c.rule, 24],
    [c.message, 64],
    [c.ruleId, 26],
  ];
  columns.forEach(([, width], i) => (ws.getColumn(i + 1).width = width));

  const legend = ws.getRow(LEGEND_ROW);
  legend.getCell(1).value = t.legend;
  legend.getCell(1).font = { bold: true };
  (["error", "warning", "info"] as const).forEach((s, i) => {
    const cell = legend.getCell(2 + i);
    cell.value = t.severity[s];
    cell.fill = solid(MARK_COLORS[s]);
    cell.alignment = { horizontal: "center" };
  });
  legend.getCell(5).value = t.legendHint;
  ws.getCell(LEGEND_ROW + 1, 1).value = t.unchanged;
  ws.getCell(LEGEND_ROW + 1, 1).font = { italic: true };

  const header = ws.getRow(HEADER_ROW);
  header.values = columns.map(([name]) => name);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
    cell.border = { bottom: { style: "thin" } };
  });

  rows.forEach((r, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    row.values = [r.seq, t.severity[r.severity], r.sheet, null, r.person, r.title, r.message, r.rule];
    row.getCell(2).fill = solid(MARK_COLORS[r.severity]);
    const link = row.getCell(4);
    link.value = { text: r.cell ?? t.wholeSheet, hyperlink: issueLink(r.sheet, r.cell) };
    link.font = { color: { argb: "FF0563C1" }, underline: true };
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.alignment = col === 7 ? { wrapText: true, vertical: "top" } : { vertical: "top" };
    });
  });
  if (rows.length === 0) ws.getCell(HEADER_ROW + 1, 1).value = t.none;
  ws.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW + Math.max(rows.length, 1), column: columns.length },
  };
  return ws.name;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function attr(tag: string, name: string): string | null {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels` */
function relsOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/**
 * exceljs writes an internal link as an external relationship to `#Sheet!A1` plus a `#`-prefixed location
 * (exceljs#3027), which LibreOffice follows as a link to a file; this rewrites the links of one sheet of an
 * exceljs-written package to the form Excel writes, a `location` (`'花名册'!E8`) and no relationship. Every other
 * entry is copied as it is.
 */
export async function internalLinks(bytes: Uint8Array, sheet: string, codec: ZipCodec): Promise<Uint8Array> {
  const zip = new ZipPackage(bytes);
  const read = async (name: string) => {
    const b = await zip.read(name, codec);
    return b === null ? null : decoder.decode(b);
  };
  const workbook = (await read("xl/workbook.xml")) ?? "";
  const wbRels = (await read("xl/_rels/workbook.xml.rels")) ?? "";
  const escaped = sheet.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const sheetTag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((s) => attr(s, "name") === escaped);
  const rid = sheetTag ? attr(sheetTag, "r:id") : null;
  const rel = [...wbRels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => attr(r, "Id") === rid);
  const target = rel ? attr(rel, "Target") : null;
  if (!target) return bytes;
  const part = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  const xml = await read(part);
  const rels = await read(relsOf(part));
  if (xml === null || rels === null) return bytes;

  const dropped = new Set<string>();
  const fixed = xml.replace(/<hyperlink\b[^>]*\/>/g, (tag) => {
    const location = attr(tag, "location");
    const id = attr(tag, "r:id");
    if (location === null || !location.startsWith("#") || id === null) return tag;
    dropped.add(id);
    return `<hyperlink ref="${attr(tag, "ref") ?? ""}" location="${location.slice(1)}"/>`;
  });
  const keptRels = rels.replace(/<Relationship\b[^>]*\/>/g, (r) => (dropped.has(attr(r, "Id") ?? "") ? "" : r));
  return zip.rewrite(
    new Map([
      [part, encoder.encode(fixed)],
      [relsOf(part), encoder.encode(keptRels)],
    ]),
    codec,
  );
}
