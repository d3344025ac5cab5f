/**
 * Workbooks the .xlsx readers do not take, read with SheetJS (@e965/xlsx, Apache-2.0): legacy .xls (BIFF8), .ods,
 * HTML tables and XML Spreadsheet 2003 saved as .xls by web systems, and Excel's UTF-16 "Unicode 文本". The result is
 * the same plain snapshot the other readers give. Values are taken raw: numbers as numbers, text as text (an ID
 * typed as text stays text), dates from the serial number by arithmetic — never through a JavaScript Date, so no
 * time zone moves a birthday. No Node imports: the standalone page uses it too, with the library loaded on demand.
 */
import type * as SheetJs from "@e965/xlsx";
import type { CellValue, MergeRange, SheetSnapshot, WorkbookSnapshot } from "../../core/types";
import { fromExcelSerial } from "../../core/dates";

export type SheetJsModule = typeof SheetJs;

/** Excel's error codes as BIFF stores them. */
const ERRORS: Readonly<Record<number, string>> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/** Days between the 1904 and the 1900 date systems' day 0. */
const DAYS_1904 = 1462;

function cellValue(X: SheetJsModule, cell: SheetJs.CellObject, date1904: boolean): CellValue {
  const isDate = typeof cell.z === "string" && X.SSF.is_date(cell.z);
  if (cell.f !== undefined && (cell.v === undefined || cell.t === "z")) {
    return isDate ? { kind: "formula", formula: cell.f, date: true } : { kind: "formula", formula: cell.f };
  }
  switch (cell.t) {
    case "n": {
      const v = cell.v as number;
      if (!Number.isFinite(v)) return null;
      if (isDate) return fromExcelSerial(date1904 ? v + DAYS_1904 : v) ?? v;
      return v;
    }
    case "s":
      return typeof cell.v === "string" ? cell.v : String(cell.v ?? "");
    case "b":
      return cell.v === true;
    case "e": {
      const code = typeof cell.w === "string" && cell.w.startsWith("#") ? cell.w : ERRORS[cell.v as number];
      return code ? { kind: "error", code } : null;
    }
    default:
      return null;
  }
}

function readSheet(X: SheetJsModule, ws: SheetJs.WorkSheet, name: string, date1904: boolean): SheetSnapshot {
  const ref = ws["!ref"];
  const values: CellValue[][] = [];
  const merges: MergeRange[] = (ws["!merges"] ?? []).map((m) => ({
    top: m.s.r + 1,
    left: m.s.c + 1,
    bottom: m.e.r + 1,
    right: m.e.c + 1,
  }));
  if (ref) {
    const range = X.utils.decode_range(ref);
    for (let r = 0; r <= range.e.r; r++) {
      const row: CellValue[] = [];
      if (r >= range.s.r) {
        for (let c = 0; c <= range.e.c; c++) {
          const cell =
            c >= range.s.c ? (ws[X.utils.encode_cell({ r, c })] as SheetJs.CellObject | undefined) : undefined;
          row.push(cell ? cellValue(X, cell, date1904) : null);
        }
        while (row.length > 0 && row[row.length - 1] === null) row.pop();
      }
      values.push(row);
    }
  }
  // Only a merge's top-left cell holds its value, as in the other readers.
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++) {
      const row = values[r - 1];
      if (!row) continue;
      for (let c = m.left; c <= m.right; c++)
        if ((r !== m.top || c !== m.left) && c - 1 < row.length) row[c - 1] = null;
    }
  return { name, values, originRow: 1, originCol: 1, merges };
}

/**
 * Bytes of a binary workbook (.xls, .ods) or the text of an HTML table / UTF-16 tab-separated file, as a snapshot.
 * Text is read raw: SheetJS leaves every cell a string (ID numbers keep all their digits), as CSV input is.
 */
export function readWithSheetJs(X: SheetJsModule, input: Uint8Array | string, name: string): WorkbookSnapshot {
  return readAndConvert(X, input, name, false).snapshot;
}

/**
 * Like `readWithSheetJs`, also giving the workbook as .xlsx bytes (values and merges), for the standalone page's
 * marked copy, which exceljs writes from an .xlsx.
 */
export function readWithSheetJsAsXlsx(
  X: SheetJsModule,
  input: Uint8Array | string,
  name: string,
): { snapshot: WorkbookSnapshot; xlsx: Uint8Array } {
  const { snapshot, xlsx } = readAndConvert(X, input, name, true);
  return { snapshot, xlsx: xlsx ?? new Uint8Array() };
}

function readAndConvert(
  X: SheetJsModule,
  input: Uint8Array | string,
  name: string,
  convert: boolean,
): { snapshot: WorkbookSnapshot; xlsx: Uint8Array | null } {
  const options: SheetJs.ParsingOptions = {
    cellDates: false,
    cellNF: true,
    cellFormula: true,
    cellStyles: false,
    dense: false,
  };
  // SheetJS reports what it guesses about some files (ODS number formats) on the console: not for the user's eyes.
  const quiet = console.error;
  console.error = () => undefined;
  let wb: SheetJs.WorkBook;
  try {
    wb =
      typeof input === "string"
        ? X.read(input, { ...options, type: "string", raw: true })
        : X.read(input, { ...options, type: "array" });
  } finally {
    console.error = quiet;
  }
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const sheets = wb.SheetNames.flatMap((sheetName, i) => {
    const ws = wb.Sheets[sheetName];
    if (!ws) return [];
    const sheet = readSheet(X, ws, sheetName, date1904);
    return [(wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) > 0 ? { ...sheet, hidden: true } : sheet];
  });
  const xlsx = convert ? new Uint8Array(X.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer) : null;
  return { snapshot: { name, sheets }, xlsx };
}

/** SheetJS's own wording for a workbook it cannot open because of a password. */
export function isPasswordError(e: unknown): boolean {
  return e instanceof Error && /password/i.test(e.message);
}
