import type { CellDate } from "../types";
import type { SheetContext } from "../rules/types";

/** Turns the read rows of every sheet of one template into a plain summary object. */
export interface Summarizer<T = unknown> {
  readonly template: string;
  summarize(contexts: readonly SheetContext[], asOf: CellDate): T;
}

export type Counts = Record<string, number>;

export function bump(counts: Counts, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

export function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10000) / 10000;
}
