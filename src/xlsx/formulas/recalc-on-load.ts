/**
 * Whether an .xlsx package asks to be recalculated when opened (`<calcPr fullCalcOnLoad="1"/>` in
 * xl/workbook.xml). openpyxl writes formulas without results and XlsxWriter with a placeholder 0, and both set
 * this flag, so their cached results are not to be trusted. exceljs reads the element but drops its attributes,
 * so the exceljs paths look here. No Node imports: the standalone page uses it too (the browser's
 * DecompressionStream inflates the one part).
 */

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const PART = "xl/workbook.xml";

/** `<calcPr … fullCalcOnLoad="1">` (or "true") in a workbook part's text. */
export function asksFullCalcOnLoad(workbookXml: string): boolean {
  const m = /<(?:[A-Za-z_][\w.-]*:)?calcPr\b[^>]*>/.exec(workbookXml);
  return m !== null && /\sfullCalcOnLoad\s*=\s*["'](?:1|true)["']/.test(m[0]);
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The bytes of xl/workbook.xml in a ZIP package, or null when it cannot be found or read. */
async function workbookPart(bytes: Uint8Array): Promise<Uint8Array | null> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  for (let k = 0; k < count && p + 46 <= bytes.length; k++) {
    if (view.getUint32(p, true) !== CENTRAL_SIG) return null;
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)).replace(/^\//, "");
    p += 46 + nameLen + extraLen + commentLen;
    if (name.toLowerCase() !== PART) continue;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_SIG) return null;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, Math.min(bytes.length, start + size));
    if (method === 0) return data;
    return method === 8 ? inflateRaw(data) : null;
  }
  return null;
}

/** Whether the package's workbook part asks for a full recalculation on load; false when it cannot tell. */
export async function recalcOnLoad(bytes: Uint8Array): Promise<boolean> {
  try {
    const part = await workbookPart(bytes);
    return part !== null && asksFullCalcOnLoad(new TextDecoder().decode(part));
  } catch {
    return false;
  }
}
