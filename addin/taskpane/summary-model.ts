/** What the 汇总 area shows and exports: summary tables per template, built from one validation result. */
import type { ValidationResult } from "../../src/core/engine";
import { type SummarySectionData, summaryOf, summaryTitles } from "../../src/core/summary/sections";
import { pivotDataOf } from "../../src/core/summary/pivot-data";

export type PaneSummarySection = SummarySectionData;

/** One section per template present; ID numbers and phones masked (before any table is built) when `mask`. */
export function summarySections(result: ValidationResult, mask: boolean): PaneSummarySection[] {
  return summaryOf(result, mask).sections;
}

/** `roster.xlsx` → `roster-汇总.xlsx`: the export is always a new file next to, never over, the original. */
export function summaryFileName(fileName: string): string {
  const base = fileName.replace(/\.(xlsx|xlsm|xls)$/i, "") || "工作簿";
  return `${base}-汇总.xlsx`;
}

/**
 * Builds the summary workbook (tables, data sheets, PivotTables, charts) and returns its bytes. write-summary (and
 * exceljs with it) is loaded on demand, so neither is part of the pane's initial bundle.
 */
export async function summaryWorkbookBytes(
  result: ValidationResult,
  fileName: string,
  sections: readonly PaneSummarySection[],
  mask = true,
): Promise<ArrayBuffer> {
  const { writeSummaryWorkbook } = await import(
    /* webpackChunkName: "summary-writer" */ "../../src/xlsx/write-summary"
  );
  const { title, subtitle } = summaryTitles(result, fileName);
  const bytes = await writeSummaryWorkbook({ title, subtitle, sections, data: pivotDataOf(result, mask) });
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
