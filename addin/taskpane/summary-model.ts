/** What the 汇总 area shows and exports: summary tables per template, built from one validation result. */
import type { ValidationResult } from "../../src/core/engine";
import type { Lang } from "../../src/core/messages";
import { type SummarySectionData, summaryOf, summaryParagraph, summaryTitles } from "../../src/core/summary/sections";
import { nationalRows } from "../../src/core/national-form";
import { pivotDataOf } from "../../src/core/summary/pivot-data";
import { withYearSection } from "../../src/core/summary/year-section";

export type PaneSummarySection = SummarySectionData;

/**
 * One section per template present, labelled in `lang` (the summary workbook is always Chinese); ID numbers and
 * phones masked (before any table is built) when `mask`.
 */
export function summarySections(result: ValidationResult, mask: boolean, lang: Lang = "zh-CN"): PaneSummarySection[] {
  return summaryOf(result, mask, lang).sections;
}

/** `roster.xlsx` → `roster-汇总.xlsx`: the export is always a new file next to, never over, the original. */
export function summaryFileName(fileName: string): string {
  const base = fileName.replace(/\.(xlsx|xlsm|xls)$/i, "") || "工作簿";
  return `${base}-汇总.xlsx`;
}

/**
 * Builds the summary workbook (年度概况, tables, data sheets, PivotTables, charts) and returns its bytes. write-summary (and
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
  const printed = withYearSection(sections, yearParagraphOf(result));
  const bytes = await writeSummaryWorkbook({ title, subtitle, sections: printed, data: pivotDataOf(result, mask) });
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** The 年度工作总结 paragraph (its numbers are the summary's; masking does not touch them); null without a roster. */
export function yearParagraphOf(result: ValidationResult, lang: Lang = "zh-CN"): string | null {
  return summaryParagraph(result, summaryOf(result, false).summary, lang);
}

/** People on the national form: every row of every roster sheet. */
export function nationalCount(result: ValidationResult): number {
  return result.contexts.filter((c) => c.template.id === "roster").reduce((n, c) => n + c.rows.length, 0);
}

/** `roster.xlsx` → `roster-党员基本信息汇总表.xlsx`. */
export function nationalFileName(fileName: string): string {
  const base = fileName.replace(/\.(xlsx|xlsm|xls)$/i, "") || "工作簿";
  return `${base}-党员基本信息汇总表.xlsx`;
}

/** The national 党员基本信息汇总表 workbook's bytes (unmasked); the writer loads on demand. */
export async function nationalWorkbookBytes(result: ValidationResult): Promise<ArrayBuffer> {
  const { buildNationalWorkbook } = await import(
    /* webpackChunkName: "national-writer" */ "../../src/xlsx/write-national"
  );
  return (await buildNationalWorkbook(nationalRows(result)).xlsx.writeBuffer()) as ArrayBuffer;
}
