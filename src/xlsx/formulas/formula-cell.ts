import type { CellFormula } from "../../core/types";

/**
 * The core's value for a formula cell whose result is not known: the text without a leading "=", and `date` when
 * the cell's number format shows a date (so that a computed serial becomes a date).
 */
export function formulaCell(text: string, date: boolean): CellFormula {
  const formula = text.startsWith("=") ? text.slice(1) : text;
  return date ? { kind: "formula", formula, date: true } : { kind: "formula", formula };
}
