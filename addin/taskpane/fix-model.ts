/** Plain helpers behind 修正: which fixes an issue or a rule group has, the rows' guards, the texts of a change. */
import type { Issue } from "../../src/core/types";
import type { ValidationResult } from "../../src/core/engine";
import type { Fix } from "../../src/core/fixes";
import type { DataRow } from "../../src/core/rows";
import type { FixGuard, RefusedCell } from "../office/port";
import type { RuleGroup } from "./validation-model";
import { displayValue } from "./validation-model";

/** The field whose value names a row's person: it guards the row's fixes. */
const NAME_FIELD = "name";

const cellKey = (sheet: string, cell: string) => `${sheet}\u0000${cell.toUpperCase()}`;

/** The fix that resolves this issue (same cell and rule), as a list of zero or one. */
export function fixesOfIssue(fixes: readonly Fix[], issue: Issue): Fix[] {
  if (issue.cell === null) return [];
  const key = cellKey(issue.sheet, issue.cell);
  return fixes.filter((f) => f.rule === issue.rule && cellKey(f.sheet, f.cell) === key);
}

/** The fixes resolving issues of a rule group. */
export function fixesOfGroup(fixes: readonly Fix[], group: RuleGroup): Fix[] {
  const cells = new Set(
    group.entries.flatMap((e) => (e.issue.cell === null ? [] : [cellKey(e.issue.sheet, e.issue.cell)])),
  );
  return fixes.filter((f) => f.rule === group.rule && cells.has(cellKey(f.sheet, f.cell)));
}

/** One guard per fixed row: the row's 姓名 cell as validated (none where the sheet has no 姓名 column). */
export function rowGuards(result: ValidationResult, fixes: readonly Fix[]): FixGuard[] {
  const rowsOf = new Map<string, { letter: string | undefined; rows: Map<number, DataRow> }>();
  const sheetRows = (sheet: string) => {
    let entry = rowsOf.get(sheet);
    if (!entry) {
      const rows = result.contexts.find((c) => c.sheet === sheet)?.rows ?? [];
      entry = {
        letter: result.sheets.find((s) => s.sheet === sheet)?.columns[NAME_FIELD],
        rows: new Map(rows.map((r) => [r.row, r])),
      };
      rowsOf.set(sheet, entry);
    }
    return entry;
  };
  const out: FixGuard[] = [];
  const seen = new Set<string>();
  for (const fix of fixes) {
    const key = `${fix.sheet}\u0000${fix.row}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { letter, rows } = sheetRows(fix.sheet);
    const row = rows.get(fix.row);
    if (letter === undefined || !row) continue;
    out.push({ sheet: fix.sheet, cell: `${letter}${fix.row}`, row: fix.row, value: row.raw(NAME_FIELD) });
  }
  return out;
}

/** A value in the preview: text quoted (spaces show), dates as YYYY-MM-DD, `empty` for an empty cell. */
export function shownValue(v: Fix["from"] | Fix["to"], empty: string, quote: (text: string) => string): string {
  if (v === null || v === "") return empty;
  return typeof v === "string" ? quote(v) : displayValue(v);
}

/** The sheets a list of fixes (or refused cells) is on, each once. */
export function sheetsOf(cells: ReadonlyArray<{ readonly sheet: string }>): string[] {
  return [...new Set(cells.map((c) => c.sheet))];
}

/** How many cells a list names before "…": enough to find them, short enough for a message bar. */
export const LISTED_CELLS = 10;

/**
 * The refused cells as a list for a message (`E8、E9…` in Chinese, `E8, E9, …` in English): with the sheet when
 * they are on more than one sheet.
 */
export function cellList(cells: readonly RefusedCell[], separator: string, more: string): string {
  const named = sheetsOf(cells).length > 1;
  const shown = cells.slice(0, LISTED_CELLS).map((c) => (named ? `${c.sheet}!${c.cell}` : c.cell));
  return shown.join(separator) + (cells.length > LISTED_CELLS ? more : "");
}
