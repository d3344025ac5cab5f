import { problemRule } from "./problem-rule";

/** Not an allowed value or synonym; `suggestion` is the closest allowed value, if any. */
export const cellEnum = problemRule("cell.enum", "error", "enum", "suggestion");
