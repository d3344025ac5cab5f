import type ExcelJS from "exceljs";
import { type SummarySection, type SummaryWorkbookInput, writeSummaryWorkbook } from "./write-summary";
import { a4FitToWidth } from "./page-setup";

export const FILE_LIST_SHEET = "文件清单";

/** One input of `zhibu aggregate` as the 文件清单 sheet lists it. */
export interface AggregateFileRow {
  /** The path as given (or found in a folder). */
  readonly file: string;
  /** The branch's row label in the tables; empty when the file could not be read. */
  readonly branch: string;
  /** Titles of the templates found, e.g. ["党员花名册", "月度工作安排"]. */
  readonly templates: readonly string[];
  readonly asOf: string;
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number } | null;
  /** The one-line read error, or null. */
  readonly error: string | null;
}

const FILE_COLUMNS: readonly { header: string; width: number }[] = [
  { header: "序号", width: 6 },
  { header: "文件", width: 36 },
  { header: "支部", width: 24 },
  { header: "模板", width: 30 },
  { header: "统计截止日期", width: 13 },
  { header: "错误", width: 7 },
  { header: "警告", width: 7 },
  { header: "提示", width: 7 },
  { header: "读取结果", width: 60 },
];

/**
 * The district workbook: the 汇总 sheet of `writeSummaryWorkbook` (landscape, 合计 rows bold), a 文件清单 sheet
 * listing every input, the ones that failed with their error, then the PivotTables over the branches' figures.
 */
export function writeAggregateWorkbook(
  title: string,
  subtitle: string,
  sections: readonly SummarySection[],
  files: readonly AggregateFileRow[],
  data?: SummaryWorkbookInput["data"],
): Promise<Uint8Array> {
  return writeSummaryWorkbook(
    { title, subtitle, sections, orientation: "landscape", ...(data ? { data } : {}) },
    (wb) => addFileList(wb, files),
  );
}

function addFileList(wb: ExcelJS.Workbook, files: readonly AggregateFileRow[]): void {
  const ws = wb.addWorksheet(FILE_LIST_SHEET, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: a4FitToWidth("landscape"),
  });
  ws.columns = FILE_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  files.forEach((f, i) => {
    const row = ws.addRow([
      i + 1,
      f.file,
      f.branch,
      f.templates.join("、"),
      f.asOf,
      f.counts?.error ?? "",
      f.counts?.warning ?? "",
      f.counts?.info ?? "",
      f.error ?? (f.templates.length > 0 ? "已汇总" : "已读取，未找到可汇总的模板工作表"),
    ]);
    if (f.error) row.getCell(9).font = { color: { argb: "FFC00000" } };
    row.getCell(9).alignment = { wrapText: true, vertical: "top" };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FILE_COLUMNS.length } };
}
