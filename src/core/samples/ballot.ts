/** Invented 民主测评 tallies: votes never exceed the voters, 优秀 only with a majority and within the 1/3 quota. */
import type { CellValue } from "../types";
import { quotaLimit } from "../rules/quota";
import { createRandom } from "./random";
import { sampleName } from "./roster";
import type { SampleRowsOptions } from "./index";

export function sampleBallotRows(n: number, options: Omit<SampleRowsOptions, "asOf">): Record<string, CellValue>[] {
  const r = createRandom(options.seed ?? 1);
  const voters = r.int(20, 60);
  let excellentLeft = quotaLimit(1 / 3, n);
  return Array.from({ length: n }, (_, i) => {
    const cast = voters - r.int(0, 2);
    const fail = r.chance(0.1) ? 1 : 0;
    const basicPass = r.int(0, 2);
    const excellent = r.int(Math.floor(cast * 0.3), cast - fail - basicPass);
    const pass = cast - fail - basicPass - excellent;
    let result = "合格";
    if (excellent * 2 > voters && excellentLeft > 0) {
      result = "优秀";
      excellentLeft--;
    }
    return { seq: i + 1, name: sampleName(r, r.chance(0.4)), voters, excellent, pass, basicPass, fail, result };
  });
}
