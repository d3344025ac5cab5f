import { problemRule } from "./problem-rule";

/** How many allowed values a message lists before it says how many there are in all. */
const LISTED = 8;

/**
 * Not an allowed value or synonym; `suggestion` is the closest allowed value, if any; `allowed` lists the values
 * (the first few of a long list, with `allowedCount`), since the user's own sheet may have no dropdown.
 */
export const cellEnum = problemRule("cell.enum", "error", "enum", "suggestion", (field) => {
  const values = field.values ?? [];
  return { allowed: values.slice(0, LISTED).join("、"), allowedCount: values.length };
});
