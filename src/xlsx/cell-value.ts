import type { Cell, CellValue as ExcelValue } from "exceljs";
import type { CellValue } from "../core/types";
import { dateFromJs } from "../core/dates";
import { parseAddress } from "../core/address";
import { ERROR_CODES } from "../core/error-codes";
import { isDateFormatCode } from "../core/number-format";
import { formulaCell } from "./formulas/formula-cell";
import { shiftFormula } from "./formulas/shift";

/** exceljs's value of a cell as the core's plain cell value. */
export function fromExcelValue(v: ExcelValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case "string":
      return ERROR_CODES.has(v) ? { kind: "error", code: v } : v;
    case "number":
      return Number.isFinite(v) ? v : null;
    case "boolean":
      return v;
  }
  if (v instanceof Date) return dateFromJs(v);
  const o = v as unknown as Record<string, unknown>;
  if ("error" in o && typeof o["error"] === "string") return { kind: "error", code: o["error"] };
  if ("richText" in o && Array.isArray(o["richText"])) {
    return (o["richText"] as { text?: string }[]).map((r) => r.text ?? "").join("");
  }
  if ("formula" in o || "sharedFormula" in o) return fromExcelValue(o["result"] as ExcelValue | undefined);
  if ("text" in o) {
    const t = o["text"];
    if (typeof t === "string") return t;
    return fromExcelValue(t as ExcelValue);
  }
  return null;
}

/** What exceljs keeps of a formula cell's model (its `value` drops a falsy result; the model has it). */
interface FormulaModel {
  formula?: string;
  sharedFormula?: string;
  shareType?: string;
  ref?: string;
  result?: ExcelValue;
}

/**
 * A formula cell: its cached result, or, when it has none (or `recalc`), the formula as a CellFormula. A shared
 * formula's dependent gets its master's text moved to its own cell, with the same `shiftFormula` the fast
 * reader uses; `masters` collects the masters' texts by address as the sheet is read top to bottom.
 */
export function formulaValue(cell: Cell, masters: Map<string, string>, recalc: boolean): CellValue {
  const model = (cell as unknown as { _value: { model: FormulaModel } })._value.model;
  let text: string | undefined = model.formula;
  if (text !== undefined && model.shareType === "shared" && model.ref !== undefined) masters.set(cell.address, text);
  if (text === undefined && model.sharedFormula !== undefined) {
    const master = masters.get(model.sharedFormula);
    const at = parseAddress(model.sharedFormula);
    if (master !== undefined && at) text = shiftFormula(master, Number(cell.row) - at.row, Number(cell.col) - at.col);
  }
  const result = model.result;
  if ((recalc || result === undefined || result === null) && text !== undefined && text.trim() !== "") {
    const numFmt = cell.numFmt;
    return formulaCell(text, typeof numFmt === "string" && isDateFormatCode(numFmt));
  }
  return fromExcelValue(result);
}
