import type { CellDate } from "../../types";
import type { DataRow, FieldKey } from "../../rows";
import { addYears, compareYearsLater } from "../../dates";

export interface TooSoon {
  readonly from: CellDate;
  readonly to: CellDate;
  /** One year after `from`: the earliest `to` may be. */
  readonly earliest: CellDate;
}

/** Both dates given and `to` less than a year after `from`: the two dates and the earliest allowed; else null. */
export function lessThanAYearAfter(row: DataRow, from: FieldKey, to: FieldKey): TooSoon | null {
  const start = row.date(from);
  const end = row.date(to);
  if (!start || !end || compareYearsLater(start, 1, end) <= 0) return null;
  return { from: start, to: end, earliest: addYears(start, 1) };
}
