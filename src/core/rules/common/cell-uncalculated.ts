import type { CollectRule, SheetContext } from "../types";
import { columnLetter } from "../../address";

/** Rows of each field whose cell holds a formula without a result, in the order they came. */
type Uncalculated = Map<string, number[]>;

const MAX_RUNS = 4;

/** Rows 3–40 and 45 of column M → "M3:M40, M45"; more than a few runs end in "…". */
function cellList(letter: string, rows: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    runs.push(i === j ? `${letter}${rows[i]}` : `${letter}${rows[i]}:${letter}${rows[j]}`);
    i = j + 1;
  }
  return runs.length > MAX_RUNS ? `${runs.slice(0, MAX_RUNS).join(", ")}, …` : runs.join(", ");
}

export const cellUncalculated: CollectRule<Uncalculated> = {
  id: "cell.uncalculated",
  severity: "warning",
  templates: "*",
  scope: "collect",
  problemsOnly: true,
  start: () => new Map(),
  row(state, row) {
    for (const p of row.problems) {
      if (p.kind !== "uncalculated") continue;
      const rows = state.get(p.field);
      if (rows) rows.push(row.row);
      else state.set(p.field, [row.row]);
    }
  },
  finish(state, ctx: SheetContext, report) {
    for (const [field, rows] of state) {
      const col = ctx.column(field);
      const letter = columnLetter(ctx.originCol + (col?.index ?? 0));
      // On the column's first such cell, so that a click lands on a formula; the params name them all.
      report.cell({ row: rows[0]! }, field, { count: rows.length, cells: cellList(letter, rows) });
    }
  },
};
