import { problemRule } from "./problem-rule";

/** Not readable as the field's type; `expected` is date, number, integer or month. */
export const cellType = problemRule("cell.type", "error", "type", "expected");
