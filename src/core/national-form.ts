/**
 * The national 党员基本信息汇总表 (the 16-item collection of the 全国党员管理信息系统): its columns in order and
 * the rows of every roster sheet laid out in them. Cells keep what the roster holds, so the exported form
 * validates with the same issues (a value is only re-typed where the form needs it: readable dates as dates,
 * phones as text, accepted spellings of a choice as the choice); ID numbers and phones are never masked, the
 * system needs them.
 */
import type { CellValue } from "./types";
import type { ValidationResult } from "./engine";
import type { DataRow } from "./rows";
import { isCellDate } from "./coerce";

/** Header → roster field key, in the form's order. */
export const NATIONAL_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ["序号", "seq"],
  ["姓名", "name"],
  ["所在党支部", "branch"],
  ["公民身份证号", "idNumber"],
  ["性别", "gender"],
  ["民族", "ethnicity"],
  ["出生日期", "birthDate"],
  ["学历", "education"],
  ["人员类别", "category"],
  ["加入党组织日期", "admissionDate"],
  ["转为正式党员日期", "fullDate"],
  ["工作岗位", "post"],
  ["手机号", "phone"],
  ["固定电话", "landline"],
  ["家庭住址", "address"],
  ["党籍状态", "partyStatus"],
  ["是否为失联党员", "lost"],
  ["失去联系日期", "lostDate"],
  ["是否为流动党员", "mobile"],
  ["外出流向", "destination"],
  ["备注", "note"],
];

/** Fields written as text even when the cell holds a number. */
const TEXT_FIELDS = new Set(["phone", "landline"]);

/** A cell with no stray spaces or invisible characters (cell.whitespace would report those, so they are kept). */
const CLEAN = /^[^\s\u3000\u200b-\u200d\ufeff]+$/;

export const NATIONAL_SHEET = "党员基本信息汇总表";

function cellFor(row: DataRow, key: string, enumKeys: ReadonlySet<string>): CellValue {
  const raw = row.raw(key);
  const typed = row.value(key);
  if (isCellDate(typed)) return typed;
  // An accepted spelling (本科, 中共党员) is written as the system's value (大学本科, 正式党员).
  if (enumKeys.has(key) && typeof typed === "string" && typeof raw === "string" && CLEAN.test(raw)) return typed;
  if (raw !== null && typeof raw === "object" && !isCellDate(raw) && raw.kind === "formula")
    return typed === null ? null : typed;
  if (TEXT_FIELDS.has(key) && typeof raw === "number") return String(raw);
  return raw;
}

/**
 * The form's rows from every roster sheet of `result`, in sheet and row order: 所在党支部 from 设置 支部名称 when
 * the roster has no such column, 序号 numbered when it has none.
 */
export function nationalRows(result: ValidationResult): CellValue[][] {
  const branch = String(result.settings.values["branchName"] ?? "").trim() || null;
  const out: CellValue[][] = [];
  for (const ctx of result.contexts) {
    if (ctx.template.id !== "roster") continue;
    const enumKeys = new Set(ctx.template.fields.filter((f) => f.type === "enum").map((f) => f.key));
    for (const row of ctx.rows) {
      out.push(
        NATIONAL_COLUMNS.map(([, key]) => {
          if (key === "seq" && !row.has(key)) return out.length + 1;
          if (key === "branch" && !row.filled(key)) return branch;
          return cellFor(row, key, enumKeys);
        }),
      );
    }
  }
  return out;
}
