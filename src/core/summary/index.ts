import type { CellDate } from "../types";
import type { Lang } from "../messages/types";
import type { SheetContext } from "../rules/types";
import type { Summarizer } from "./types";
import type { SummaryTable } from "./table";
import { type RosterSummary, rosterSummarizer } from "./roster";
import { rosterTables } from "./roster-tables";
import { type EvaluationSummary, evaluationSummarizer } from "./evaluation";
import { type BallotSummary, ballotSummarizer } from "./ballot";
import { ballotTables, evaluationTables } from "./evaluation-ballot-tables";
import { type ScheduleSummary, scheduleSummarizer } from "./schedule";
import { scheduleTables } from "./schedule-tables";

export const SUMMARIZERS: readonly Summarizer[] = [
  rosterSummarizer,
  scheduleSummarizer,
  evaluationSummarizer,
  ballotSummarizer,
];

/** How each template's summary is laid out as tables, keyed by template id. */
export const SUMMARY_TABLES: Readonly<Record<string, (summary: never, lang?: Lang) => SummaryTable[]>> = {
  roster: (s: RosterSummary, lang?: Lang) => rosterTables(s, lang),
  schedule: (s: ScheduleSummary, lang?: Lang) => scheduleTables(s, lang),
  evaluation: (s: EvaluationSummary, lang?: Lang) => evaluationTables(s, lang),
  ballot: (s: BallotSummary, lang?: Lang) => ballotTables(s, lang),
};

/** A template's summary as tables, labelled in `lang` (Chinese by default, as the CLI and written files are). */
export function summaryTables(templateId: string, summary: unknown, lang: Lang = "zh-CN"): SummaryTable[] {
  const make = SUMMARY_TABLES[templateId] as ((s: unknown, lang?: Lang) => SummaryTable[]) | undefined;
  return make ? make(summary, lang) : [];
}

/** One summary per template present, keyed by template id; several sheets of one template are summed. */
export function summarizeContexts(contexts: readonly SheetContext[], asOf: CellDate): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const summarizer of SUMMARIZERS) {
    const mine = contexts.filter((c) => c.template.id === summarizer.template);
    if (mine.length > 0) out[summarizer.template] = summarizer.summarize(mine, asOf);
  }
  return out;
}
