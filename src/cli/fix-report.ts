import type { CellValue } from "../core/types";
import type { Fix, FixValue } from "../core/fixes";
import type { SkipReason } from "../xlsx/fix/write-fixed";
import type { ValidationResult } from "../core/engine";
import { formatDate } from "../core/dates";
import { isCellDate } from "../core/coerce";
import type { Lang } from "../core/messages";
import { fixTitle } from "../core/messages/fix-titles";
import type { Style } from "./style";

/** A cell value for the JSON list: text, a number, a date as YYYY-MM-DD, or null. */
export function jsonValue(v: CellValue | FixValue): string | number | boolean | null {
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (isCellDate(v)) return formatDate(v);
  if (v.kind === "error") return v.code;
  return `=${v.formula}`;
}

function shown(v: CellValue | FixValue, lang: Lang): string {
  if (v === null) return lang === "zh-CN" ? "（空）" : "(empty)";
  if (typeof v === "string") return lang === "zh-CN" ? `“${v}”` : JSON.stringify(v);
  return String(jsonValue(v));
}

export interface FixRun {
  readonly file: string;
  readonly output: string | null;
  readonly dryRun: boolean;
  readonly written: readonly Fix[];
  readonly skipped: ReadonlyArray<{ readonly fix: Fix; readonly reason: SkipReason }>;
  /** Validation of the fixed workbook. */
  readonly after: ValidationResult;
}

const fixJson = (f: Fix) => ({
  sheet: f.sheet,
  cell: f.cell,
  row: f.row,
  field: f.field,
  person: f.person,
  rule: f.rule,
  from: jsonValue(f.from),
  to: jsonValue(f.to),
});

export function fixJsonReport(run: FixRun): unknown {
  return {
    version: 1,
    file: run.file,
    output: run.output,
    dryRun: run.dryRun,
    fixes: run.written.map(fixJson),
    skipped: run.skipped.map((s) => ({ ...fixJson(s.fix), reason: s.reason })),
    remaining: run.after.counts,
  };
}

const REASON: Record<Lang, Record<SkipReason, string>> = {
  "zh-CN": { formula: "单元格是公式，未改动", "no-sheet": "找不到工作表" },
  en: { formula: "the cell holds a formula, left alone", "no-sheet": "sheet not found" },
};

export function fixTextReport(run: FixRun, lang: Lang, style: Style): string {
  const zh = lang === "zh-CN";
  const lines: string[] = [];
  const line = (f: Fix) => {
    const who = f.person ? (zh ? `${f.person}（第 ${f.row} 行）` : `${f.person} (row ${f.row}) `) : "";
    return `  「${f.sheet}」${who}${f.cell.padEnd(5)} ${style.bold(fixTitle(f.rule, lang))} ${style.dim(f.rule)}  ${shown(f.from, lang)} → ${shown(f.to, lang)}`;
  };
  lines.push(
    style.bold(run.file) +
      (run.dryRun ? style.dim(zh ? "  （试运行，不写文件）" : "  (dry run, nothing written)") : ""),
  );
  if (run.written.length === 0) lines.push("  " + (zh ? "没有可以确定修正的单元格" : "no cell with a certain fix"));
  for (const f of run.written) lines.push(line(f));
  for (const s of run.skipped) lines.push(style.dim(`${line(s.fix)}  （${REASON[lang][s.reason]}）`));
  lines.push("");
  const c = run.after.counts;
  const count = run.written.length;
  const where = run.output ? (zh ? `，写入 ${run.output}` : `, written to ${run.output}`) : "";
  lines.push(
    zh
      ? `${run.dryRun ? "可修正" : "已修正"} ${count} 处${where}。修正后仍有：${style.red(`${c.error} 个错误`)}，${style.yellow(`${c.warning} 个警告`)}，${style.cyan(`${c.info} 个提示`)}（需按原始材料核对）`
      : `${run.dryRun ? "Would fix" : "Fixed"} ${count} cell${count === 1 ? "" : "s"}${where}. Remaining: ${style.red(`${c.error} error${c.error === 1 ? "" : "s"}`)}, ${style.yellow(`${c.warning} warning${c.warning === 1 ? "" : "s"}`)}, ${style.cyan(`${c.info} info`)} (check against the records)`,
  );
  return lines.join("\n") + "\n";
}
