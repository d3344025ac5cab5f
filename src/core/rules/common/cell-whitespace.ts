import { problemRule } from "./problem-rule";

/** Leading/trailing or full-width spaces, or invisible characters. */
export const cellWhitespace = problemRule("cell.whitespace", "warning", "whitespace", "detail");
