import { readdirSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { validateWorkbook } from "../../core/engine";
import { summarizeContexts } from "../../core/summary";
import { aggregatePivotData, aggregateTables, branchLabels } from "../../core/summary/aggregate";
import { maskDeep } from "../../core/mask";
import { formatDate } from "../../core/dates";
import { templateById } from "../../core/templates";
import type { Severity } from "../../core/types";
import { readWorkbookFile } from "../../xlsx/read";
import { InputError } from "../../xlsx/errors";
import { type AggregateFileRow, FILE_LIST_SHEET, writeAggregateWorkbook } from "../../xlsx/write-aggregate";
import { type ParsedArgs, UsageError, stringFlag } from "../args";
import { checkOutputPath } from "../io";
import { Progress } from "../progress";
import { type Io, parseAsOf } from "./common";

export const aggregateFlags = {
  output: { value: true, alias: "o" },
  "as-of": { value: true },
  force: { value: false },
} as const;

const USAGE = "用法：zhibu aggregate FILE... -o OUT.xlsx [--as-of YYYY-MM-DD] [--force]（FILE 也可以是一个文件夹）";

/** Progress lines from this many inputs on (always on a terminal). */
export const AGGREGATE_PROGRESS_MIN_FILES = 4;

const INPUT_EXTENSIONS = new Set([".xlsx", ".xlsm", ".csv"]);

interface Input {
  readonly file: string;
  /** Set when the input is known to be unusable before reading (an empty folder). */
  readonly error?: string;
}

/**
 * The files to read: each FILE as given; a folder stands for its .xlsx/.xlsm/.csv files (not recursive, no Excel
 * lock files "~$…", never the output itself, so re-running into the same folder with --force works).
 */
function expandInputs(args: readonly string[], out: string): Input[] {
  const inputs: Input[] = [];
  const outPath = path.resolve(out);
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      // Missing: reading it reports that, per file.
    }
    if (!isDir) {
      inputs.push({ file: arg });
      continue;
    }
    let names: string[] = [];
    try {
      names = readdirSync(arg);
    } catch {
      inputs.push({ file: arg, error: `${arg}：无法列出文件夹内容。请检查权限后再试。` });
      continue;
    }
    const files = names
      .filter((n) => INPUT_EXTENSIONS.has(path.extname(n).toLowerCase()) && !n.startsWith("~$") && !n.startsWith("."))
      .map((n) => path.join(arg, n))
      .filter((f) => path.resolve(f) !== outPath)
      .sort((a, b) => a.localeCompare(b, "zh-CN"));
    if (files.length === 0) inputs.push({ file: arg, error: `${arg}：文件夹中没有 .xlsx、.xlsm 或 .csv 文件。` });
    for (const f of files) inputs.push({ file: f });
  }
  return inputs;
}

interface FileResult {
  readonly file: string;
  readonly branchName: string;
  readonly templates: string[];
  readonly asOf: string;
  readonly counts: Record<Severity, number> | null;
  readonly summary: Record<string, unknown> | null;
  readonly error: string | null;
}

/** Reads, validates and summarises one file; only the (masked) summary and the file's figures are kept. */
async function summarizeFile(file: string, asOf: ReturnType<typeof parseAsOf>): Promise<FileResult> {
  const { snapshot } = await readWorkbookFile(file);
  const result = validateWorkbook(snapshot, { asOf });
  const summary = maskDeep(summarizeContexts(result.contexts, result.asOf));
  const ids = [...new Set(result.sheets.flatMap((s) => (s.template ? [s.template] : [])))];
  return {
    file,
    branchName: String(result.settings.values["branchName"] ?? "").trim(),
    templates: ids.map((id) => templateById(id)?.title ?? id),
    asOf: formatDate(result.asOf),
    counts: { ...result.counts },
    summary,
    error: null,
  };
}

/** One plain line naming the file: an InputError's own message, else what failed. */
function errorLine(file: string, e: unknown): string {
  if (e instanceof InputError) return e.message;
  const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0];
  return `${path.basename(file)}：处理失败：${detail}。请用 Excel/WPS 打开检查并另存为 .xlsx 后再试。`;
}

function failure(file: string, error: string): FileResult {
  return { file, branchName: "", templates: [], asOf: "", counts: null, summary: null, error };
}

export async function runAggregate(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError(USAGE);
  const out = stringFlag(args.flags, "output");
  if (!out) throw new UsageError(`需要用 -o 指定输出的汇总工作簿。${USAGE}`);
  const asOf = parseAsOf(stringFlag(args.flags, "as-of"));
  const inputs = expandInputs(args.positionals, out);
  checkOutputPath(
    out,
    inputs.map((i) => i.file),
    args.flags["force"] === true,
  );

  const progress = new Progress(inputs.length >= AGGREGATE_PROGRESS_MIN_FILES || io.stderr.isTTY === true, io.stderr);
  const results: FileResult[] = [];
  for (const [i, input] of inputs.entries()) {
    progress.stage(`[${i + 1}/${inputs.length}] ${path.basename(input.file)}`);
    let r: FileResult;
    if (input.error !== undefined) r = failure(input.file, input.error);
    else {
      try {
        r = await summarizeFile(input.file, asOf);
      } catch (e) {
        r = failure(input.file, errorLine(input.file, e));
      }
    }
    if (r.error !== null) {
      progress.done();
      io.err(`zhibu aggregate: ${r.error}\n`);
    }
    results.push(r);
  }
  progress.done();

  const ok = results.filter((r) => r.summary !== null);
  const failed = results.length - ok.length;
  if (ok.length === 0) {
    io.err(`zhibu aggregate: ${results.length} 个文件都无法读取，未生成汇总工作簿。\n`);
    return 2;
  }
  const labels = branchLabels(ok.map((r) => ({ branch: r.branchName, file: path.basename(r.file) })));
  const labelOf = new Map(ok.map((r, i) => [r, labels[i] ?? r.branchName]));
  const branches = ok.map((r) => ({
    branch: labelOf.get(r) ?? "",
    file: path.basename(r.file),
    summary: r.summary ?? {},
  }));
  const sections = aggregateTables(branches);
  const files: AggregateFileRow[] = results.map((r) => ({
    file: r.file,
    branch: labelOf.get(r) ?? "",
    templates: r.templates,
    asOf: r.asOf,
    counts: r.counts,
    error: r.error,
  }));
  const dates = [...new Set(ok.map((r) => r.asOf))];
  const dateText = dates.length === 1 ? dates[0] : `各支部不同（见「${FILE_LIST_SHEET}」）`;
  const subtitle = `统计截止日期：${dateText}　共 ${ok.length} 个支部${failed > 0 ? `，另有 ${failed} 个文件无法读取（见「${FILE_LIST_SHEET}」）` : ""}`;
  await writeFile(
    out,
    await writeAggregateWorkbook("各支部情况汇总", subtitle, sections, files, aggregatePivotData(branches)),
  );

  const lines = [
    `已汇总 ${ok.length} 个文件${failed > 0 ? `，${failed} 个无法读取（已列入「${FILE_LIST_SHEET}」）` : ""}。`,
  ];
  if (sections.length === 0) lines.push("这些文件中没有找到可汇总的模板工作表（党员花名册等）。");
  lines.push(`已写入汇总工作簿：${out}`);
  io.out(lines.join("\n") + "\n");
  return 0;
}
