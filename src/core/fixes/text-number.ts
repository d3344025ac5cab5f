import type { Fix, FixKind } from "./types";
import { makeFix } from "./make-fix";
import { eachFieldCell } from "./each-field-cell";

/** A number stored as text in a number column becomes a number; text-kept columns (ID, phone) are never touched. */
export const textNumberFix: FixKind = {
  id: "fix.text-number",
  derive(input) {
    const out: Fix[] = [];
    eachFieldCell(
      input,
      (f) => (f.type === "number" || f.type === "integer") && f.textFormat !== true,
      (row, field) => {
        const n = row.num(field.key);
        if (typeof row.raw(field.key) !== "string" || n === null) return;
        const fix = makeFix(input, row.row, field.key, textNumberFix.id, n);
        if (fix) out.push(fix);
      },
    );
    return out;
  },
};
