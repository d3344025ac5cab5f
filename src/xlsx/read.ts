import path from "node:path";
import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../core/types";
import { readInputFile } from "./input-file";
import { loadXlsxPackage } from "./exceljs-load";
import { snapshotWorkbook } from "./snapshot";
import { InputError } from "./errors";
import { decodeCsv, readCsv } from "./csv";
import { type FileKind, decodeHtml, decodeUtf16, sniffFile } from "./sniff";
import { isPasswordError, readWithSheetJs } from "./sheetjs/read-sheetjs";
import { readXlsx } from "./fast/read-xlsx";
import { hasFormulas } from "./formulas/has-formulas";
import { recalcOnLoad } from "./formulas/recalc-on-load";

export { snapshotSheet, snapshotWorkbook } from "./snapshot";

/** Reads .xlsx/.xlsm (or .csv) bytes into a snapshot; any failure is an InputError with a plain message. */
export interface ReadOptions {
  /** Keep the exceljs workbook (to inspect styles, tables, validations); otherwise it is consumed to save memory. */
  readonly keepWorkbook?: boolean;
}

/** Formulas without a result computed; the formula library is loaded only for a workbook that has them. */
export async function withFormulasComputed(snapshot: WorkbookSnapshot): Promise<WorkbookSnapshot> {
  if (!hasFormulas(snapshot)) return snapshot;
  const { computeFormulas } = await import("./formulas/compute");
  return computeFormulas(snapshot);
}

/** One line per kind of file that is not a spreadsheet: what it really is and what to do. */
const NOT_A_SPREADSHEET: Partial<Record<FileKind, string>> = {
  word: "这是 Word 文档，不是表格。请选择 Excel/WPS 表格文件（.xlsx、.xls）；名单若在 Word 表格里，可复制到 Excel 中另存为 .xlsx 后再试。",
  powerpoint: "这是 PowerPoint 演示文稿，不是表格。请选择 Excel/WPS 表格文件（.xlsx、.xls）。",
  pdf: "这是 PDF 文件，无法读取其中的表格。请使用原始的 Excel/WPS 表格文件，或先用 WPS“PDF 转 Excel”转成 .xlsx 后再试。",
  image: "这是图片，不是表格。请使用原始的 Excel/WPS 表格文件（.xlsx、.xls）。",
  archive: "这是压缩包。请先解压，再选择其中的表格文件（.xlsx、.xls、.ods、.csv）。",
};

/** A workbook SheetJS reads (.xls, .ods, HTML, UTF-16 text), the library loaded only for such a file. */
async function readLegacy(input: Uint8Array | string, name: string, what: string): Promise<WorkbookSnapshot> {
  const X = await import("@e965/xlsx");
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = readWithSheetJs(X, input, name);
  } catch (e) {
    if (isPasswordError(e))
      throw new InputError(
        "encrypted",
        `${name}：工作簿设置了打开密码，无法读取。请在 Excel/WPS 中打开、取消密码并另存后再试。`,
      );
    throw new InputError("corrupt", `${name}：${what}已损坏或无法解析。请用 Excel/WPS 打开后另存为 .xlsx 再试。`);
  }
  if (snapshot.sheets.length === 0) throw new InputError("corrupt", `${name}：${what}中没有工作表。请检查文件后再试。`);
  return withFormulasComputed(snapshot);
}

export async function readWorkbookBuffer(
  buf: Buffer,
  fileName: string,
  options: ReadOptions = {},
): Promise<{ snapshot: WorkbookSnapshot; workbook: ExcelJS.Workbook | null }> {
  const name = path.basename(fileName);
  const ext = path.extname(fileName).toLowerCase();
  const sniffed = sniffFile(buf);
  // A damaged workbook is likelier than an archive named .xlsx: the readers below say it is damaged.
  const kind = sniffed === "archive" && (ext === ".xlsx" || ext === ".xlsm") ? "xlsx" : sniffed;
  switch (kind) {
    case "empty":
      throw new InputError("empty", `${name}：文件是空的（0 字节）。请确认文件已保存完整后再试。`);
    case "encrypted":
      throw new InputError(
        "encrypted",
        `${name}：工作簿设置了打开密码，无法读取。请在 Excel 中打开后“文件 > 信息 > 保护工作簿 > 用密码进行加密”清除密码，另存后再试。`,
      );
    case "biff":
      return { snapshot: await readLegacy(buf, name, "旧版 Excel 97-2003 (.xls) 工作簿"), workbook: null };
    case "ods":
      return { snapshot: await readLegacy(buf, name, "OpenDocument 表格 (.ods)"), workbook: null };
    case "html":
      return { snapshot: await readLegacy(decodeHtml(buf), name, "网页格式的表格"), workbook: null };
    case "utf16-text":
      return { snapshot: await readLegacy(decodeUtf16(buf), name, "Unicode 文本"), workbook: null };
    case "text":
      if (ext === ".csv") return { snapshot: readCsv(buf, name), workbook: null };
      if (ext === ".txt" || ext === ".tsv")
        return { snapshot: await readLegacy(decodeCsv(buf), name, "文本文件"), workbook: null };
      break;
    case "xlsx":
      break;
    default: {
      const line = NOT_A_SPREADSHEET[kind];
      if (line) throw new InputError("not-workbook", `${name}：${line}`);
    }
  }
  if (kind !== "xlsx") {
    throw new InputError(
      "not-workbook",
      `${name}：不是表格文件。请选择 .xlsx、.xls、.ods、.csv 或 .txt（制表符分隔）文件。`,
    );
  }
  const noSheets = () => new InputError("corrupt", `${name}：工作簿中没有工作表。请检查文件后再试。`);
  if (options.keepWorkbook !== true) {
    // The lean reader straight to a snapshot (a 100,000-row roster in about a second and 200 MB, where exceljs
    // takes twenty times as long and 1.4 GB); exceljs remains the fallback for any package it does not take.
    let snapshot: WorkbookSnapshot | null = null;
    try {
      snapshot = readXlsx(buf, name);
    } catch {
      // not a package the lean reader takes
    }
    if (snapshot !== null) {
      if (snapshot.sheets.length === 0) throw noSheets();
      return { snapshot: await withFormulasComputed(snapshot), workbook: null };
    }
  }
  const wb = new ExcelJS.Workbook();
  try {
    await loadXlsxPackage(wb, buf);
  } catch {
    throw new InputError(
      "corrupt",
      `${name}：文件已损坏或不是有效的 .xlsx 工作簿，无法打开。请用 Excel/WPS 打开修复并另存为 .xlsx 后再试。`,
    );
  }
  if (wb.worksheets.length === 0) throw noSheets();
  const keep = options.keepWorkbook === true;
  const snapshot = snapshotWorkbook(wb, name, !keep, { recalc: await recalcOnLoad(buf) });
  return { snapshot: await withFormulasComputed(snapshot), workbook: keep ? wb : null };
}

export async function readWorkbookFile(
  file: string,
  options: ReadOptions = {},
): Promise<{ snapshot: WorkbookSnapshot; workbook: ExcelJS.Workbook | null }> {
  const buf = await readInputFile(file, "不是工作簿。请指定 .xlsx 文件。");
  return readWorkbookBuffer(buf, file, options);
}
