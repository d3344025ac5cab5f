import type { CellDate, CellValue, Issue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/types";
import { validateWorkbook } from "../../src/core/engine";

export const AS_OF: CellDate = { kind: "date", y: 2026, m: 11, d: 21 };

/** A sheet with a title row, a header row (row 2) and data rows from row 3, columns in the order of `headers`. */
export function sheetOf(name: string, headers: string[], rows: Array<Record<string, CellValue>>): SheetSnapshot {
  return { name, values: [["标题"], headers, ...rows.map((r) => headers.map((h) => r[h] ?? null))] };
}

export function settingsOf(items: Record<string, CellValue>): SheetSnapshot {
  return { name: "设置", values: [["项目", "值"], ...Object.entries(items).map(([k, v]) => [k, v])] };
}

export function check(sheets: SheetSnapshot[]): { issues: Issue[]; result: ReturnType<typeof validateWorkbook> } {
  const wb: WorkbookSnapshot = { name: "t.xlsx", sheets };
  const result = validateWorkbook(wb, { asOf: AS_OF });
  return { issues: [...result.issues], result };
}

/** (rule, cell) pairs of one rule, or of all rules when none is given. */
export function pairs(issues: readonly Issue[], rule?: string): Array<[string, string | null]> {
  return issues.filter((i) => !rule || i.rule === rule).map((i) => [i.rule, i.cell]);
}

/** The headers of a school's 年终考核量化表: six items with their maxima, the sums and the 等次. */
export const EVALUATION_HEADERS = [
  "序号",
  "姓名",
  "部门",
  "岗位",
  "师德师风(20)",
  "出勤考勤（10）",
  "工作量(20)",
  "教学质量(30)",
  "教育科研(10)",
  "特色工作(10)",
  "加分",
  "扣分",
  "总分",
  "排名",
  "等次",
  "师德一票否决",
  "备注",
];
