import { problemRule } from "./problem-rule";

export const cellFormulaError = problemRule("cell.formula-error", "error", "formula", "code");
