import type { CellValue, SheetSnapshot } from "./types";
import type { HeaderMatch } from "./header";
import { cleanText } from "./text";

/** The field whose value names the person a row is about. */
export const PERSON_FIELD = "name";

/** A name as it should be shown: trimmed, invisible characters dropped; null when empty or not text/number. */
export function personName(value: CellValue | undefined): string | null {
  if (typeof value === "string") {
    const t = cleanText(value);
    return t === "" ? null : t;
  }
  if (typeof value === "number") return String(value);
  return null;
}

/** Looks up the person of a sheet row (1-based) straight in the snapshot: cheap, read only for rows with issues. */
export function personLookup(sheet: SheetSnapshot, match: HeaderMatch): (row: number) => string | null {
  const column = match.columns.find((c) => c.field.key === PERSON_FIELD);
  if (!column) return () => null;
  const originRow = sheet.originRow ?? 1;
  const headerRow = originRow + match.headerIndex;
  const index = column.index;
  return (row) => (row > headerRow ? personName(sheet.values[row - originRow]?.[index]) : null);
}
