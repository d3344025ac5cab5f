import type { FixKind } from "./types";
import { fixIssues } from "./make-fix";
import { closestEnum } from "../coerce";

/** `cell.enum`: the allowed value closest to the entry, when no other value is as close (汉 → 汉族). */
export const enumFix: FixKind = {
  id: "cell.enum",
  derive: (input) =>
    fixIssues(input, "cell.enum", (issue) => {
      const field = input.ctx.column(issue.field ?? "")?.field;
      const raw = input.rowAt(issue.row ?? 0)?.raw(issue.field ?? "");
      if (!field || typeof raw !== "string") return null;
      const closest = closestEnum(field, raw);
      return closest?.unique ? closest.value : null;
    }),
};
