/**
 * Writes fixes into a copy of an .xlsx/.xlsm package: only the worksheets with fixes and, for a text date made a
 * date, the styles part are rewritten; every other entry (charts, PivotTables, drawings, macros…) is copied byte
 * for byte. Text is written as inline strings, so the shared strings part is left as it is. No Node imports: the
 * CLI passes zlib, the standalone page the browser's compression streams.
 */
import type { Fix } from "../../core/fixes";
import type { CellDate } from "../../core/types";
import { toExcelSerial } from "../../core/dates";
import { type ZipCodec, ZipPackage } from "./zip-package";
import { type CellWrite, patchSheetXml } from "./patch-sheet";
import { StylesPatch } from "./patch-styles";

export type { ZipCodec } from "./zip-package";

export type SkipReason = "formula" | "no-sheet";

export interface FixedWorkbook {
  readonly bytes: Uint8Array;
  readonly written: readonly Fix[];
  readonly skipped: ReadonlyArray<{ readonly fix: Fix; readonly reason: SkipReason }>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function decodeXmlAttr(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function escapeText(text: string): string {
  return text.replace(XML_ILLEGAL, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Resolves a relationship target against the folder of the part that owns the relationships. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

function relsPath(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function relationships(xml: string | null): Array<{ id: string; type: string; target: string }> {
  if (xml === null) return [];
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => ({
    id: /\sId\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? "",
    type: /\sType\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? "",
    target: decodeXmlAttr(/\sTarget\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? ""),
  }));
}

function isDate(v: Fix["to"]): v is CellDate {
  return typeof v === "object";
}

export async function writeFixedWorkbook(
  bytes: Uint8Array,
  fixes: readonly Fix[],
  codec: ZipCodec,
): Promise<FixedWorkbook> {
  const zip = new ZipPackage(bytes);
  const text = async (name: string) => {
    const b = await zip.read(name, codec);
    return b === null ? null : decoder.decode(b);
  };
  const rootRels = relationships(await text("_rels/.rels"));
  const workbookPath =
    rootRels.find((r) => r.type.endsWith("/officeDocument"))?.target.replace(/^\//, "") ?? "xl/workbook.xml";
  const workbookXml = (await text(workbookPath)) ?? "";
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\sdate1904\s*=\s*"(1|true)"/.test(workbookXml);
  const wbRels = relationships(await text(relsPath(workbookPath)));
  const sheetPaths = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\sname\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    const rid = /\s\w+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    const rel = wbRels.find((r) => r.id === rid);
    if (name !== undefined && rel) sheetPaths.set(decodeXmlAttr(name), resolveTarget(workbookPath, rel.target));
  }
  const stylesRel = wbRels.find((r) => r.type.endsWith("/styles"));
  const stylesPath = stylesRel ? resolveTarget(workbookPath, stylesRel.target) : null;
  let styles: StylesPatch | null = null;
  if (stylesPath && fixes.some((f) => isDate(f.to))) {
    const xml = await text(stylesPath);
    if (xml !== null) styles = new StylesPatch(xml);
  }

  const replaced = new Map<string, Uint8Array>();
  const written: Fix[] = [];
  const skipped: Array<{ fix: Fix; reason: SkipReason }> = [];
  const bySheet = new Map<string, Fix[]>();
  for (const f of fixes) {
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  for (const [sheet, list] of bySheet) {
    const path = sheetPaths.get(sheet);
    const xml = path ? await text(path) : null;
    if (!path || xml === null) {
      for (const fix of list) skipped.push({ fix, reason: "no-sheet" });
      continue;
    }
    const writes: CellWrite[] = list.map((fix) => ({
      ref: fix.cell,
      make(existing) {
        if (existing.hasFormula) return null;
        const style = (s: number | null) => (s === null ? "" : ` s="${s}"`);
        const to = fix.to;
        if (typeof to === "string") {
          const space = /^\s|\s$/.test(to) ? ' xml:space="preserve"' : "";
          return {
            attrs: `${style(existing.style)} t="inlineStr"`,
            content: `<is><t${space}>${escapeText(to)}</t></is>`,
          };
        }
        if (typeof to === "number") return { attrs: style(existing.style), content: `<v>${to}</v>` };
        const serial = toExcelSerial(to) - (date1904 ? 1462 : 0);
        const s = styles ? styles.withFormat(existing.style, fix.format ?? "yyyy-mm-dd") : existing.style;
        return { attrs: style(s), content: `<v>${serial}</v>` };
      },
    }));
    const patched = patchSheetXml(xml, writes);
    for (const fix of list) {
      if (patched.written.has(fix.cell)) written.push(fix);
      else skipped.push({ fix, reason: "formula" });
    }
    if (patched.written.size > 0) replaced.set(path, encoder.encode(patched.xml));
  }
  if (styles?.changed && stylesPath) replaced.set(stylesPath, encoder.encode(styles.xml()));
  return { bytes: await zip.rewrite(replaced, codec), written, skipped };
}
