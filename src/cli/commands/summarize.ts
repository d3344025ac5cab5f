import path from "node:path";
import { validateWorkbook } from "../../core/engine";
import { summarizeContexts, summaryTables } from "../../core/summary";
import type { SummaryTable } from "../../core/summary/table";
import { maskDeep } from "../../core/mask";
import { formatDate } from "../../core/dates";
import { templateById } from "../../core/templates";
import { buildSummaryWorkbook } from "../../xlsx/write-summary";
import { type ParsedArgs, UsageError, stringFlag } from "../args";
import { checkOutputPath } from "../io";
import { type Io, langOf, parseAsOf, readWithProgress } from "./common";

export const summarizeFlags = {
  output: { value: true, alias: "o" },
  format: { value: true },
  "as-of": { value: true },
  "no-mask": { value: false },
  force: { value: false },
  lang: { value: true },
} as const;

function formatCell(v: string | number, percent: boolean): string {
  if (typeof v === "number" && percent) return `${(v * 100).toFixed(1)}%`;
  return String(v);
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uFFFF]/.test(ch) ? 2 : 1;
  return w;
}

export function tableText(t: SummaryTable): string {
  const cells = [t.columns.slice(), ...t.rows.map((r) => r.map((v, i) => formatCell(v, t.percentColumns?.includes(i) ?? false)))];
  const widths = t.columns.map((_, i) => Math.max(...cells.map((r) => displayWidth(String(r[i] ?? "")))));
  const line = (r: readonly string[]) => "  " + r.map((c, i) => c + " ".repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(c)))).join("  ");
  const body = cells.length > 1 ? cells.map((r) => line(r.map(String))) : [line(cells[0] ?? []), "  （无）"];
  return [t.title, ...body].join("\n");
}

export async function runSummarize(args: ParsedArgs, io: Io): Promise<number> {
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1) throw new UsageError("用法：zhibu summarize FILE [-o OUT.xlsx] [--format text|json] [--as-of YYYY-MM-DD] [--no-mask]");
  const format = stringFlag(args.flags, "format") ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format ${format}：只能是 text 或 json`);
  const out = stringFlag(args.flags, "output");
  if (out) checkOutputPath(out, [file], args.flags["force"] === true);
  const asOf = parseAsOf(stringFlag(args.flags, "as-of"));
  langOf(stringFlag(args.flags, "lang"));
  const { snapshot, progress } = await readWithProgress(file, io);
  const result = validateWorkbook(snapshot, { asOf, progress: (name, done, total) => progress.tick(`正在汇总「${name}」 ${done}/${total} 行…`) });
  progress.done();
  const raw = summarizeContexts(result.contexts, result.asOf);
  const summary = args.flags["no-mask"] === true ? raw : maskDeep(raw);
  const branch = String(result.settings.values["branchName"] ?? "");
  const sections = Object.entries(summary).map(([id, s]) => ({ heading: templateById(id)?.title ?? id, tables: summaryTables(id, s) }));
  if (out) {
    const title = `${branch}${branch ? " " : ""}情况汇总`;
    const wb = buildSummaryWorkbook(title, `统计截止日期：${formatDate(result.asOf)}　来源：${path.basename(file)}`, sections);
    await wb.xlsx.writeFile(out);
  }
  if (format === "json") io.out(JSON.stringify(summary, null, 2) + "\n");
  else {
    const parts = [`${path.basename(file)}  统计截止日期 ${formatDate(result.asOf)}`];
    if (sections.length === 0) parts.push("未找到可汇总的模板工作表（党员花名册等）。");
    for (const s of sections) parts.push(`\n【${s.heading}】`, ...s.tables.map((t) => "\n" + tableText(t)));
    if (out) parts.push(`\n已写入汇总工作簿：${out}`);
    io.out(parts.join("\n") + "\n");
  }
  return 0;
}
