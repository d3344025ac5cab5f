import type { Fix, FixKind } from "./types";
import { makeFix } from "./make-fix";
import { eachFieldCell } from "./each-field-cell";
import { DATE_FORMAT } from "../templates/sheet-plan";

/** A date typed as text (`2019.11.01`, `2019年11月1日`) becomes a date cell in the template's date format. */
export const textDateFix: FixKind = {
  id: "fix.text-date",
  derive(input) {
    const out: Fix[] = [];
    eachFieldCell(
      input,
      (f) => f.type === "date",
      (row, field) => {
        const date = row.date(field.key);
        // Month-precision text (2019.11) stays: a date cell would invent a day.
        if (typeof row.raw(field.key) !== "string" || !date || date.d === 0) return;
        const fix = makeFix(input, row.row, field.key, textDateFix.id, date, DATE_FORMAT);
        if (fix) out.push(fix);
      },
    );
    return out;
  },
};
