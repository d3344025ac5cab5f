/**
 * Loads an .xlsx package into exceljs. exceljs resolves only relative relationship targets, so a package whose
 * worksheet relationships point at parts by absolute path (openpyxl writes `Target="/xl/tables/table1.xml"`) makes it
 * fail; such targets are made relative first. No Node imports: the standalone page loads packages the same way.
 */
import type ExcelJS from "exceljs";
import JSZip from "jszip";

const ABSOLUTE_TARGET = /Target="\/xl\/([^"]*)"/g;

/** The package with every `/xl/...` target of a part under xl/ made relative to it; null when there is none. */
async function withRelativeTargets(bytes: Uint8Array): Promise<Uint8Array | null> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    // xl/_rels/workbook.xml.rels targets are relative to xl/, xl/worksheets/_rels/* to xl/worksheets/, …
    const m = /^xl\/(?:(.+)\/)?_rels\/[^/]+\.rels$/.exec(name);
    if (!m) continue;
    const file = zip.file(name);
    if (!file) continue;
    const xml = await file.async("string");
    if (!xml.includes('Target="/xl/')) continue;
    const up = m[1] ? "../".repeat(m[1].split("/").length) : "";
    zip.file(
      name,
      xml.replace(ABSOLUTE_TARGET, (_all, rest: string) => `Target="${up}${rest}"`),
    );
    changed = true;
  }
  return changed ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : null;
}

export async function loadXlsxPackage(wb: ExcelJS.Workbook, bytes: Uint8Array): Promise<void> {
  const relative = await withRelativeTargets(bytes);
  const input = relative ?? bytes;
  await wb.xlsx.load(input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength) as ArrayBuffer);
}
