import type { SheetContext } from "../rules/types";
import { type Counts, type Summarizer, bump, rate } from "./types";

export interface BallotPerson {
  name: string;
  voters: number | null;
  excellent: number | null;
  pass: number | null;
  basicPass: number | null;
  fail: number | null;
  excellentRate: number | null;
  result: string;
}

export interface BallotSummary {
  byResult: Counts;
  people: BallotPerson[];
}

export const ballotSummarizer: Summarizer<BallotSummary> = {
  template: "ballot",
  summarize(contexts: readonly SheetContext[]) {
    const byResult: Counts = {};
    const people: BallotPerson[] = [];
    for (const ctx of contexts) {
      for (const row of ctx.rows) {
        const result = row.text("result") ?? "";
        if (result) bump(byResult, result);
        const voters = row.num("voters");
        const excellent = row.num("excellent");
        people.push({
          name: row.text("name") ?? "",
          voters,
          excellent,
          pass: row.num("pass"),
          basicPass: row.num("basicPass"),
          fail: row.num("fail"),
          excellentRate: voters && excellent !== null ? rate(excellent, voters) : null,
          result,
        });
      }
    }
    return { byResult, people };
  },
};
