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
import type { Lang } from "../../core/messages";
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

export function tableText(t: SummaryTable, lang: Lang = "zh-CN"): string {
  const cells = [
    t.columns.slice(),
    ...t.rows.map((r) => r.map((v, i) => formatTableCell(v, t.percentColumns?.includes(i) ?? false))),
  ];
  const widths = t.columns.map((_, i) => Math.max(...cells.map((r) => displayWidth(String(r[i] ?? "")))));
  const line = (r: readonly string[]) =>
    "  " + r.map((c, i) => c + " ".repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(c)))).join("  ");
  const body =
    cells.length > 1
      ? cells.map((r) => line(r.map(String)))
      : [line(cells[0] ?? []), lang === "zh-CN" ? "  （无）" : "  (none)"];
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
  const lang = langOf(stringFlag(args.flags, "lang"));
  const { snapshot, progress } = await readWithProgress(file, io);
  const result = validateWorkbook(snapshot, {
    asOf,
    progress: (name, done, total) => progress.tick(`正在汇总「${name}」 ${done}/${total} 行…`),
  });
  progress.done();
  const mask = args.flags["no-mask"] !== true;
  // The summary workbook stays Chinese whatever --lang says; only the screen text follows it.
  const { summary, sections } = summaryOf(result, mask);
  const paragraph = summaryParagraph(result, summary);
  const zh = lang === "zh-CN";
  const shown = zh ? sections : summaryOf(result, mask, lang).sections;
  const shownParagraph = zh ? paragraph : summaryParagraph(result, summary, lang);
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
    const parts = [`${path.basename(file)}  ${zh ? "统计截止日期" : "as of"} ${formatDate(result.asOf)}`];
    if (shown.length === 0)
      parts.push(
        zh
          ? "未找到可汇总的模板工作表（党员花名册等）。"
          : "No template sheet to summarise (party member roster etc.).",
      );
    for (const s of shown)
      parts.push(zh ? `\n【${s.heading}】` : `\n[${s.heading}]`, ...s.tables.map((t) => "\n" + tableText(t, lang)));
    if (out) parts.push(zh ? `\n已写入汇总工作簿：${out}` : `\nSummary workbook written: ${out}`);
    if (shownParagraph) parts.push(zh ? "\n【年度工作总结用语】" : "\n[Year-end summary paragraph]", shownParagraph);
    io.out(parts.join("\n") + "\n");
  }
  return 0;
}
