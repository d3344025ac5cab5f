import { writeFile } from "node:fs/promises";
import path from "node:path";
import { validateWorkbook } from "../../core/engine";
import { type SummaryTable, formatTableCell } from "../../core/summary/table";
import { summaryOf, summaryParagraph, summaryTitles } from "../../core/summary/sections";
import { withYearSection } from "../../core/summary/year-section";
import { formatDate } from "../../core/dates";
import { writeSummaryWorkbook } from "../../xlsx/write-summary";
import { pivotDataOf } from "../../core/summary/pivot-data";
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

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uFFFF]/.test(ch) ? 2 : 1;
  return w;
}

export function tableText(t: SummaryTable): string {
  const cells = [
    t.columns.slice(),
    ...t.rows.map((r) => r.map((v, i) => formatTableCell(v, t.percentColumns?.includes(i) ?? false))),
  ];
  const widths = t.columns.map((_, i) => Math.max(...cells.map((r) => displayWidth(String(r[i] ?? "")))));
  const line = (r: readonly string[]) =>
    "  " + r.map((c, i) => c + " ".repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(c)))).join("  ");
  const body = cells.length > 1 ? cells.map((r) => line(r.map(String))) : [line(cells[0] ?? []), "  （无）"];
  return [t.title, ...body].join("\n");
}

export async function runSummarize(args: ParsedArgs, io: Io): Promise<number> {
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1)
    throw new UsageError(
      "用法：zhibu summarize FILE [-o OUT.xlsx] [--format text|json] [--as-of YYYY-MM-DD] [--no-mask]",
    );
  const format = stringFlag(args.flags, "format") ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format ${format}：只能是 text 或 json`);
  const out = stringFlag(args.flags, "output");
  if (out) checkOutputPath(out, [file], args.flags["force"] === true);
  const asOf = parseAsOf(stringFlag(args.flags, "as-of"));
  langOf(stringFlag(args.flags, "lang"));
  const { snapshot, progress } = await readWithProgress(file, io);
  const result = validateWorkbook(snapshot, {
    asOf,
    progress: (name, done, total) => progress.tick(`正在汇总「${name}」 ${done}/${total} 行…`),
  });
  progress.done();
  const mask = args.flags["no-mask"] !== true;
  const { summary, sections } = summaryOf(result, mask);
  const paragraph = summaryParagraph(result, summary);
  if (out) {
    const { title, subtitle } = summaryTitles(result, path.basename(file));
    const printed = withYearSection(sections, paragraph);
    await writeFile(
      out,
      await writeSummaryWorkbook({ title, subtitle, sections: printed, data: pivotDataOf(result, mask) }),
    );
  }
  if (format === "json") io.out(JSON.stringify(summary, null, 2) + "\n");
  else {
    const parts = [`${path.basename(file)}  统计截止日期 ${formatDate(result.asOf)}`];
    if (sections.length === 0) parts.push("未找到可汇总的模板工作表（党员花名册等）。");
    for (const s of sections) parts.push(`\n【${s.heading}】`, ...s.tables.map((t) => "\n" + tableText(t)));
    if (out) parts.push(`\n已写入汇总工作簿：${out}`);
    if (paragraph) parts.push("\n【年度工作总结用语】", paragraph);
    io.out(parts.join("\n") + "\n");
  }
  return 0;
}
