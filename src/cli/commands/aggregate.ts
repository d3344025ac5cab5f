import { closeSync, openSync, readSync, readdirSync, statSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import JSZip from "jszip";
import { validateWorkbook } from "../../core/engine";
import { summarizeContexts } from "../../core/summary";
import {
  aggregatePivotData,
  aggregateTables,
  branchLabels,
  sumYearFigures,
  yearFiguresOf,
} from "../../core/summary/aggregate";
import { maskDeep } from "../../core/mask";
import { formatDate } from "../../core/dates";
import { templateById } from "../../core/templates";
import type { Severity } from "../../core/types";
import { readWorkbookFile } from "../../xlsx/read";
import { InputError } from "../../xlsx/errors";
import { sniffFile } from "../../xlsx/sniff";
import { type AggregateFileRow, FILE_LIST_SHEET, writeAggregateWorkbook } from "../../xlsx/write-aggregate";
import { type ParsedArgs, UsageError, stringFlag } from "../args";
import { checkOutputPath } from "../io";
import { Progress } from "../progress";
import { type Io, parseAsOf } from "./common";
import { tableText } from "./summarize";

export const aggregateFlags = {
  output: { value: true, alias: "o" },
  "as-of": { value: true },
  force: { value: false },
  format: { value: true },
} as const;

const USAGE =
  "用法：zhibu aggregate FILE... -o OUT.xlsx [--as-of YYYY-MM-DD] [--format text|json] [--force]（FILE 也可以是一个文件夹）；退出码 0 全部汇总，1 有文件跳过或无法读取，2 未能汇总";

/** The district tables the text output prints: the year's figures of the rosters. */
const YEAR_TABLES = new Set(["本年度发展党员情况", "按党龄（年）", "青年党员和老党员"]);

/** Progress lines from this many inputs on (always on a terminal). */
export const AGGREGATE_PROGRESS_MIN_FILES = 4;

const INPUT_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".htm", ".html"]);

interface Input {
  readonly file: string;
  /** Set when the input is known to be unusable before reading (an empty folder). */
  readonly error?: string;
}

/** A folder entry that was not read, and why (listed on stderr, in 文件清单 and in the summary line). */
interface Skipped {
  readonly file: string;
  readonly reason: string;
}

/** Why a folder entry is not one of the workbooks to aggregate; null when it is one. */
function skipReason(dir: string, name: string, outPath: string): string | null {
  const file = path.join(dir, name);
  if (path.resolve(file) === outPath) return "本次的输出文件";
  if (name.startsWith("~$")) return "Excel/WPS 打开文件时留下的临时文件";
  if (name.startsWith(".")) return "隐藏文件";
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return "无法访问";
  }
  if (stat.isDirectory()) return "子文件夹（不进入子文件夹，请单独指定）";
  const ext = path.extname(name).toLowerCase();
  if (INPUT_EXTENSIONS.has(ext)) return null;
  // Excel's "Unicode 文本" is saved as .txt; other text files are notes, not tables.
  if (ext === ".txt") {
    try {
      const head = Buffer.alloc(512);
      const fd = openSync(file, "r");
      const n = readSync(fd, head, 0, head.length, 0);
      closeSync(fd);
      if (sniffFile(head.subarray(0, n)) === "utf16-text") return null;
    } catch {
      return "无法访问";
    }
    return "文本文件，不是“Unicode 文本”格式的表格";
  }
  return `不是表格文件（${ext || "无扩展名"}）`;
}

/**
 * The files to read: each FILE as given; a folder stands for its workbooks (.xlsx/.xlsm/.xls/.ods/.csv/HTML, and
 * .txt saved as Unicode text; not recursive). Everything else in a folder is listed as skipped, with the reason.
 */
function expandInputs(args: readonly string[], out: string): { inputs: Input[]; skipped: Skipped[] } {
  const inputs: Input[] = [];
  const skipped: Skipped[] = [];
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
    const files: string[] = [];
    for (const n of names.sort((a, b) => a.localeCompare(b, "zh-CN"))) {
      const reason = skipReason(arg, n, outPath);
      if (reason === null) files.push(path.join(arg, n));
      else if (path.resolve(arg, n) !== outPath) skipped.push({ file: path.join(arg, n), reason });
    }
    if (files.length === 0)
      inputs.push({ file: arg, error: `${arg}：文件夹中没有可汇总的表格文件（.xlsx、.xls、.ods、.csv）。` });
    for (const f of files) inputs.push({ file: f });
  }
  return { inputs, skipped };
}

/** Whether `file` is a district workbook `aggregate` wrote (it has the 文件清单 sheet), which a re-run may replace. */
async function isAggregateOutput(file: string): Promise<boolean> {
  try {
    const zip = await JSZip.loadAsync(await readFile(file));
    const xml = await zip.file("xl/workbook.xml")?.async("string");
    return xml?.includes(`name="${FILE_LIST_SHEET}"`) === true;
  } catch {
    return false;
  }
}

/**
 * The output when it is a workbook already in one of the input folders and not an earlier district workbook: a
 * branch's file, which is an input and must not be written over.
 */
async function outputAmongInputs(args: readonly string[], out: string): Promise<string[]> {
  const outPath = path.resolve(out);
  const inFolder = args.some((a) => {
    try {
      return statSync(a).isDirectory() && path.resolve(a) === path.dirname(outPath);
    } catch {
      return false;
    }
  });
  if (!inFolder || !INPUT_EXTENSIONS.has(path.extname(outPath).toLowerCase())) return [];
  try {
    if (!statSync(outPath).isFile()) return [];
  } catch {
    return [];
  }
  return (await isAggregateOutput(outPath)) ? [] : [out];
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

/**
 * `--format json`: per branch (in input order) and in total, the year's figures of the rosters under the roster
 * summary's own keys (SPEC §5.2): developmentThisYear.*.count, partyAgeBands, upTo35 {count, rate}, fiftyYears.
 */
function yearJson(ok: readonly FileResult[], labelOf: ReadonlyMap<FileResult, string>): unknown {
  const branches = ok.map((r) => {
    const roster = r.summary?.["roster"];
    return {
      branch: labelOf.get(r) ?? r.branchName,
      file: path.basename(r.file),
      asOf: r.asOf,
      ...(roster ? { roster: yearFiguresOf(roster) } : {}),
    };
  });
  const rosters = branches.flatMap((b) => (b.roster ? [b.roster] : []));
  return { version: 1, branches, total: rosters.length > 0 ? { roster: sumYearFigures(rosters) } : {} };
}

export async function runAggregate(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError(USAGE);
  const out = stringFlag(args.flags, "output");
  if (!out) throw new UsageError(`需要用 -o 指定输出的汇总工作簿。${USAGE}`);
  const format = stringFlag(args.flags, "format") ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format ${format}：只能是 text 或 json`);
  const asOf = parseAsOf(stringFlag(args.flags, "as-of"));
  const { inputs, skipped } = expandInputs(args.positionals, out);
  checkOutputPath(
    out,
    [...inputs.map((i) => i.file), ...(await outputAmongInputs(args.positionals, out))],
    args.flags["force"] === true,
  );

  for (const k of skipped) io.err(`zhibu aggregate: ${path.basename(k.file)}：${k.reason}，已跳过。\n`);
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
  const files: AggregateFileRow[] = [
    ...results.map((r) => ({
      file: r.file,
      branch: labelOf.get(r) ?? "",
      templates: r.templates,
      asOf: r.asOf,
      counts: r.counts,
      error: r.error,
    })),
    ...skipped.map((k) => ({
      file: k.file,
      branch: "",
      templates: [],
      asOf: "",
      counts: null,
      error: `已跳过：${k.reason}`,
    })),
  ];
  const dates = [...new Set(ok.map((r) => r.asOf))];
  const dateText = dates.length === 1 ? dates[0] : `各支部不同（见「${FILE_LIST_SHEET}」）`;
  const others = [
    skipped.length > 0 ? `跳过 ${skipped.length} 个文件` : "",
    failed > 0 ? `${failed} 个文件无法读取` : "",
  ].filter(Boolean);
  const subtitle = `统计截止日期：${dateText}　共 ${ok.length} 个支部${others.length ? `；${others.join("，")}（见「${FILE_LIST_SHEET}」）` : ""}`;
  await writeFile(
    out,
    await writeAggregateWorkbook("各支部情况汇总", subtitle, sections, files, aggregatePivotData(branches)),
  );

  const notRead = [
    skipped.length > 0 ? `跳过 ${skipped.length} 个` : "",
    failed > 0 ? `${failed} 个无法读取` : "",
  ].filter(Boolean);
  const lines = [
    `已汇总 ${ok.length} 个文件${notRead.length ? `，${notRead.join("，")}（已列入「${FILE_LIST_SHEET}」）` : ""}。`,
  ];
  if (sections.length === 0) lines.push("这些文件中没有找到可汇总的模板工作表（党员花名册等）。");
  if (format === "json") {
    // stdout is the JSON alone; the summary lines go to stderr.
    io.err(lines.map((l) => `zhibu aggregate: ${l}\n`).join(""));
    io.out(JSON.stringify(yearJson(ok, labelOf), null, 2) + "\n");
  } else {
    const year = sections.flatMap((s) => s.tables).filter((t) => YEAR_TABLES.has(t.title));
    for (const t of year) lines.push("", tableText(t));
    if (year.length > 0) lines.push("");
    lines.push(`已写入汇总工作簿：${out}`);
    io.out(lines.join("\n") + "\n");
  }
  // 1: the workbook was written, but some inputs are not in it (each was named on stderr and in 文件清单).
  return notRead.length > 0 ? 1 : 0;
}
