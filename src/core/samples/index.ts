import type { CellDate, CellValue } from "../types";
import { sampleRosterRows } from "./roster";
import { sampleEvaluationRows } from "./evaluation";
import { sampleBallotRows } from "./ballot";
import { sampleScheduleRows } from "./schedule";

export { sampleRosterRows } from "./roster";
export { type Random, createRandom, mulberry32 } from "./random";

export interface SampleRowsOptions {
  readonly seed?: number;
  readonly asOf: CellDate;
}

export type SampleGenerator = (n: number, options: SampleRowsOptions) => Record<string, CellValue>[];

/** Sample-row generators by template id; templates without one get no sample rows. */
export const SAMPLE_GENERATORS: Readonly<Record<string, SampleGenerator>> = {
  roster: sampleRosterRows,
  schedule: sampleScheduleRows,
  evaluation: sampleEvaluationRows,
  ballot: sampleBallotRows,
};

export function hasSampleRows(templateId: string): boolean {
  return Object.prototype.hasOwnProperty.call(SAMPLE_GENERATORS, templateId);
}

/** `n` invented, valid rows for the template (keyed by field key); [] when the template has no generator. */
export function sampleRows(templateId: string, n: number, options: SampleRowsOptions): Record<string, CellValue>[] {
  const generate = hasSampleRows(templateId) ? SAMPLE_GENERATORS[templateId] : undefined;
  return generate ? generate(n, options) : [];
}
