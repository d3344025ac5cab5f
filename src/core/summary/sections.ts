import type { ValidationResult } from "../engine";
import type { SummaryTable } from "./table";
import { summarizeContexts, summaryTables } from "./index";
import { maskDeep } from "../mask";
import type { Lang } from "../messages/types";
import { templateTitle } from "../messages/vocab";
import { formatDate } from "../dates";
import { type YearParagraphInput, yearParagraph } from "./year-paragraph";

export interface SummarySectionData {
  readonly templateId: string;
  /** e.g. "党员花名册" (Party member roster) */
  readonly heading: string;
  /** A paragraph printed under the heading (the 年度概况 section's 年度工作总结 paragraph). */
  readonly paragraph?: string;
  readonly tables: readonly SummaryTable[];
}

/**
 * The summaries of a validation result (keyed by template id, as `summarize --format json` prints them) and
 * their tables per template, labelled in `lang`; ID numbers and phones are masked before any table is built
 * when `mask`.
 */
export function summaryOf(
  result: ValidationResult,
  mask: boolean,
  lang: Lang = "zh-CN",
): { summary: Record<string, unknown>; sections: SummarySectionData[] } {
  const raw = summarizeContexts(result.contexts, result.asOf);
  const summary = mask ? maskDeep(raw) : raw;
  const sections = Object.entries(summary).map(([id, s]) => ({
    templateId: id,
    heading: templateTitle(id, lang),
    tables: summaryTables(id, s, lang),
  }));
  return { summary, sections };
}

/** Title and subtitle of a summary workbook. */
export function summaryTitles(result: ValidationResult, fileName: string): { title: string; subtitle: string } {
  const branch = String(result.settings.values["branchName"] ?? "");
  return {
    title: `${branch}${branch ? " " : ""}情况汇总`,
    subtitle: `统计截止日期：${formatDate(result.asOf)}　来源：${fileName}`,
  };
}

/** The 年度工作总结 paragraph of a validation result's summary in `lang` (null without a roster). */
export function summaryParagraph(
  result: ValidationResult,
  summary: Record<string, unknown>,
  lang: Lang = "zh-CN",
): string | null {
  const branch = String(result.settings.values["branchName"] ?? "");
  return yearParagraph(summary as YearParagraphInput, result.asOf, branch, lang);
}
