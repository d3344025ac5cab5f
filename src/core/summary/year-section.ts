/** The 年度概况 section every printed summary with a roster opens with: the 年度工作总结 paragraph on its own page. */
import type { SummarySectionData } from "./sections";
import { PRINT_LABELS } from "./print-plan";

export const YEAR_SECTION_ID = "year";

/**
 * The sections to print: 年度概况 with `paragraph` (`summaryParagraph`, the text `summarize` ends with) first, then
 * `sections`. The year's figures it speaks of are already tables of the 党员花名册 and 月度工作安排 sections
 * (本年度发展党员情况, 按党龄, 青年党员和老党员, 政治生日, 已召开的会议和活动), so the section holds the paragraph only.
 */
export function withYearSection(
  sections: readonly SummarySectionData[],
  paragraph: string | null,
): SummarySectionData[] {
  if (!paragraph || sections.some((s) => s.templateId === YEAR_SECTION_ID)) return [...sections];
  return [{ templateId: YEAR_SECTION_ID, heading: PRINT_LABELS.yearSection, paragraph, tables: [] }, ...sections];
}
