/**
 * Plain data to what Office.js writes: cell values for `range.formulas`, data validation rules, column widths,
 * and the quiet write (runtime events off while the add-in writes, so its own changes never reach onChanged
 * handlers). No Office globals: only the request context the adapter is given.
 */
import type { CellValue } from "../../src/core/types";
import type { PlanCell, ValidationPlan } from "../../src/core/templates/sheet-plan";
import { formatDate, toExcelSerial } from "../../src/core/dates";
import { isCellDate } from "../../src/core/coerce";

/** Text Excel would turn into something else when entered (a number, date, formula or boolean). */
const REINTERPRETED = /^[=+\-@']|^[\s\d.,/:%年月日-]+$|^(true|false)$/i;

/**
 * A cell as written through `range.formulas`: formulas as "=…", dates as serial numbers (the column carries a
 * date format), month-precision dates and text Excel would reinterpret as text ("'…"), unless the column is
 * text-formatted ("@"), where text stays text anyway.
 */
export function officeCell(cell: PlanCell | undefined, textColumn = false): string | number | boolean {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number" || typeof cell === "boolean") return cell;
  if (typeof cell === "string") return !textColumn && REINTERPRETED.test(cell) ? `'${cell}` : cell;
  if (isCellDate(cell)) return cell.d === 0 ? `'${formatDate(cell)}` : toExcelSerial(cell);
  if ("formula" in cell) return `=${cell.formula}`;
  return `=${(cell as Extract<CellValue, { kind: "error" }>).code}`;
}

const OPERATORS: Readonly<Record<NonNullable<ValidationPlan["operator"]>, string>> = {
  between: "Between",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
};

const ERROR_STYLES: Readonly<Record<NonNullable<ValidationPlan["errorStyle"]>, string>> = {
  stop: "Stop",
  warning: "Warning",
  information: "Information",
};

function operand(v: number | string | { y: number; m: number; d: number } | undefined): string | number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "object") return formatDate({ kind: "date", ...v });
  return v;
}

/** The Office.js DataValidationRule of a planned validation; null for "any" (a prompt only). */
export function officeRule(rule: ValidationPlan): Excel.DataValidationRule | null {
  const [f1, f2] = rule.formulae ?? [];
  const basic = (): Excel.BasicDataValidation => {
    const out: Record<string, unknown> = { formula1: operand(f1), operator: OPERATORS[rule.operator ?? "between"] };
    if (rule.operator === "between" || rule.operator === undefined) out["formula2"] = operand(f2);
    return out as unknown as Excel.BasicDataValidation;
  };
  switch (rule.type) {
    case "any":
      return null;
    case "list": {
      const source = String(f1 ?? "");
      // An inline list is written quoted ("a,b"); a range reference needs its "=".
      const inline = /^".*"$/.test(source);
      return { list: { inCellDropDown: true, source: inline ? source.slice(1, -1) : `=${source}` } };
    }
    case "whole":
      return { wholeNumber: basic() };
    case "decimal":
      return { decimal: basic() };
    case "date":
      return { date: basic() as unknown as Excel.DateTimeDataValidation };
  }
}

/** Sets a planned validation on `range` (rule, blanks, prompt, error alert). */
export function applyValidation(range: Excel.Range, rule: ValidationPlan): void {
  const dv = range.dataValidation;
  const officeRuleValue = officeRule(rule);
  if (officeRuleValue) {
    dv.rule = officeRuleValue;
    dv.ignoreBlanks = rule.allowBlank ?? true;
  }
  if (rule.showInputMessage)
    dv.prompt = { showPrompt: true, title: rule.promptTitle ?? "", message: rule.prompt ?? "" };
  if (rule.showErrorMessage) {
    dv.errorAlert = {
      showAlert: true,
      style: (ERROR_STYLES[rule.errorStyle ?? "stop"] ?? "Stop") as Excel.DataValidationAlertStyle,
      title: rule.errorTitle ?? "",
      message: rule.error ?? "",
    };
  }
}

/** Excel's column width in points for a width in characters of the default font (7 px a character + 5 px padding). */
export function charsToPoints(chars: number): number {
  return Math.round(Math.trunc(chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Queues `write` with runtime events off (ExcelApi 1.8) and syncs; events are switched back on in the same batch,
 * and again in a batch of their own when the write fails (the write's error is the one that rejects).
 */
export async function syncQuietly(context: Excel.RequestContext, events: boolean, write: () => void): Promise<void> {
  if (events) context.runtime.enableEvents = false;
  write();
  if (events) context.runtime.enableEvents = true;
  try {
    await context.sync();
  } catch (error) {
    if (events) {
      context.runtime.enableEvents = true;
      await context.sync().catch(() => undefined);
    }
    throw error;
  }
}
