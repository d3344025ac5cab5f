import type { CellValue as ExcelValue } from "exceljs";
import type { CellValue } from "../core/types";
import { dateFromJs } from "../core/dates";
import { ERROR_CODES } from "../core/error-codes";


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
