/**
 * The standalone page's 修正副本: the opened file's bytes with the certain fixes written in, exactly as
 * `zhibu fix` writes them (only the changed worksheets and styles are rewritten; charts, PivotTables and macros
 * are copied byte for byte). The opened file is only read.
 */
import type { ValidationResult } from "../../src/core/engine";
import { deriveFixes } from "../../src/core/fixes";
import { writeFixedWorkbook } from "../../src/xlsx/fix/write-fixed";
import { browserZipCodec } from "./browser-codec";

/**
 * The copy's name: `名册.xlsx` → `名册-修正.xlsx` (the suffix in the pane's language; an .xlsm stays .xlsm); null for
 * a file that is not an OOXML workbook.
 */
export function fixedCopyName(fileName: string, suffix = "修正"): string | null {
  const m = /^(.*)\.(xlsx|xlsm)$/i.exec(fileName);
  return m ? `${m[1] || "工作簿"}-${suffix}.${m[2]!.toLowerCase()}` : null;
}

export async function fixedCopyBytes(
  bytes: Uint8Array,
  result: ValidationResult,
): Promise<{ bytes: Uint8Array; cells: number }> {
  const fixed = await writeFixedWorkbook(bytes, deriveFixes(result), browserZipCodec);
  return { bytes: fixed.bytes, cells: fixed.written.length };
}
