import type { Fix, FixKind } from "./types";
import { makeFix } from "./make-fix";
import { readId } from "../rules/roster/shared";
import { DATE_FORMAT } from "../templates/sheet-plan";
import { compareDates } from "../dates";

const ID = "idNumber";
const BIRTH = "birthDate";
const GENDER = "gender";

/** Empty 出生日期 and 性别 filled from a valid ID (right check character, a real date of birth not after as-of). */
export const fromIdFix: FixKind = {
  id: "fix.from-id",
  derive(input) {
    const out: Fix[] = [];
    if (!input.ctx.column(ID)) return out;
    for (const row of input.ctx.rows) {
      const blankBirth = row.blank(BIRTH);
      const blankGender = row.blank(GENDER);
      if (!blankBirth && !blankGender) continue;
      const id = readId(row).parsed;
      if (!id || !id.checksumOk || !id.birth || compareDates(id.birth, input.ctx.asOf) > 0) continue;
      const ruleOf = (field: string) => {
        const cell = input.cellOf(field, row.row);
        return cell !== null && input.hasIssue("cell.required", cell) ? "cell.required" : fromIdFix.id;
      };
      const birth = blankBirth ? makeFix(input, row.row, BIRTH, ruleOf(BIRTH), id.birth, DATE_FORMAT) : null;
      const gender = blankGender ? makeFix(input, row.row, GENDER, ruleOf(GENDER), id.gender) : null;
      if (birth) out.push(birth);
      if (gender) out.push(gender);
    }
    return out;
  },
};
