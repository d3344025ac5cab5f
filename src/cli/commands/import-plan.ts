/**
 * `zhibu import-plan TEXTFILE [-o FILE] [--year YYYY] [--range each|first] [--branch NAME] [--force]` (SPEC §5):
 * plan text → a 月度工作安排 workbook (template `schedule`), with a summary of what was read and every line that
 * was not.
 */
import { readInputFile } from "../../xlsx/input-file";
import path from "node:path";
import type ExcelJS from "exceljs";
import type { CellValue } from "../../core/types";
import {
  type PlanRow,
  type RangeMode,
  type SkippedLine,
  findPlanBranch,
  findPlanYear,
  parsePlan,
} from "../../core/plan/parse-plan";
import { SCHEDULE_STATUS, SCHEDULE_TYPES, schedule } from "../../core/templates/schedule";
import { SETTING_DEFS, SETTINGS_SHEET } from "../../core/settings";
import { decodeCsv } from "../../xlsx/csv";
import { InputError } from "../../xlsx/errors";
import { buildTemplateWorkbook } from "../../xlsx/write-template";
import { type ParsedArgs, UsageError, stringFlag } from "../args";
import { checkOutputPath } from "../io";
import type { Io } from "./common";

export const importPlanFlags = {
  output: { value: true, alias: "o" },
  year: { value: true },
  range: { value: true },
  branch: { value: true },
  force: { value: false },
} as const;

const USAGE = "用法：zhibu import-plan TEXTFILE [-o FILE] [--year YYYY] [--range each|first] [--branch NAME] [--force]";

const RANGE_MODES: Readonly<Record<string, RangeMode>> = {
  each: "each-month",
  "each-month": "each-month",
  first: "first-month",
  "first-month": "first-month",
};

const TEXT_HELP = "请在 Word/WPS 中把工作计划“另存为 纯文本 (.txt)”，或复制到记事本保存后再试。";

/** The plan's text: UTF-8 (with or without BOM), UTF-16 with BOM (记事本 "Unicode"), else GBK. */
export async function readPlanText(file: string): Promise<string> {
  const name = path.basename(file);
  const buf = await readInputFile(file, "不是文本文件。请指定工作计划的 .txt 文件。");
  if (buf.length === 0) throw new InputError("empty", `${name}：文件是空的（0 字节）。请确认文件已保存完整后再试。`);
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder("utf-16le").decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder("utf-16be").decode(buf.subarray(2));
  if (buf[0] === 0x50 && buf[1] === 0x4b)
    throw new InputError("not-workbook", `${name}：这是 Word/Excel 等文档（.docx/.xlsx），不是纯文本。${TEXT_HELP}`);
  if (buf[0] === 0xd0 && buf[1] === 0xcf)
    throw new InputError("not-workbook", `${name}：这是旧版 Word/Excel 文档（.doc/.xls），不是纯文本。${TEXT_HELP}`);
  if (buf.subarray(0, 8192).includes(0)) throw new InputError("not-workbook", `${name}：不是文本文件。${TEXT_HELP}`);
  return decodeCsv(buf);
}

function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d{4}$/.test(text) || n < 1900 || n > 2999)
    throw new UsageError(`--year ${text}：应为四位年份，例如 --year 2026`);
  return n;
}

function parseRange(text: string | undefined): RangeMode | undefined {
  if (text === undefined) return undefined;
  const mode = RANGE_MODES[text];
  if (!mode) throw new UsageError(`--range ${text}：只能是 each（跨月的条目每月一行）或 first（只在第一个月一行）`);
  return mode;
}

/** Schedule rows keyed by field key; status 计划, the rest left for the secretary to fill. */
export function scheduleRows(rows: readonly PlanRow[]): Record<string, CellValue>[] {
  return rows.map((r) => ({
    month: r.month,
    type: r.type,
    topic: r.topic,
    owner: r.owner,
    status: SCHEDULE_STATUS.planned,
    note: r.note,
  }));
}

/** Writes the plan year into 设置's 年度 (buildTemplateWorkbook fills only 支部名称 and 统计截止日期). */
function setYear(wb: ExcelJS.Workbook, year: number): void {
  const ws = wb.getWorksheet(SETTINGS_SHEET);
  const label = SETTING_DEFS.find((d) => d.key === "year")?.label;
  if (!ws || !label) return;
  for (let r = 2; r <= ws.rowCount; r++) {
    if (ws.getCell(r, 1).value === label) {
      ws.getCell(r, 2).value = year;
      return;
    }
  }
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Types in the schedule enum's order, each with its count: "支部委员会 3、主题党日 2". */
function typeCounts(rows: readonly PlanRow[]): string {
  const counts = countBy(rows, (r) => r.type);
  const order = [...SCHEDULE_TYPES, ...[...counts.keys()].filter((t) => !SCHEDULE_TYPES.includes(t))];
  return order.flatMap((t) => (counts.has(t) ? [`${t} ${counts.get(t)}`] : [])).join("、");
}

export function summaryText(opts: {
  file: string;
  out: string;
  year: number;
  yearSource: string;
  rows: readonly PlanRow[];
  skipped: readonly SkippedLine[];
}): string {
  const { rows, skipped } = opts;
  const lines: string[] = [];
  lines.push(`${path.basename(opts.file)}：读出 ${rows.length} 行工作安排，年度 ${opts.year}（${opts.yearSource}）`);
  lines.push("", "按月份：");
  for (let m = 1; m <= 12; m++) {
    const of = rows.filter((r) => r.month === m);
    const label = `${m}月`.padStart(3, " ");
    lines.push(`  ${label}  ${String(of.length).padStart(2, " ")} 行${of.length > 0 ? `  ${typeCounts(of)}` : ""}`);
  }
  lines.push("", `活动类型（按文字推断，请核对）：${rows.length > 0 ? typeCounts(rows) : "（无）"}`);
  if (skipped.length > 0) {
    lines.push("", `未导入的行（${skipped.length} 行，请核对后手工补入）：`);
    for (const s of skipped) lines.push(`  第 ${s.line} 行：${s.text} —— ${s.reason}`);
  } else {
    lines.push("", "所有条目均已导入。");
  }
  lines.push("", `已写入 ${opts.out}（状态均为“计划”；日期、地点、参加对象和人数请在表中补充）`);
  return lines.join("\n") + "\n";
}

export async function runImportPlan(args: ParsedArgs, io: Io): Promise<number> {
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1) throw new UsageError(USAGE);
  const givenYear = parseYear(stringFlag(args.flags, "year"));
  const rangeMode = parseRange(stringFlag(args.flags, "range"));
  const out =
    stringFlag(args.flags, "output") ?? path.join(path.dirname(file), `${path.parse(file).name}-月度工作安排.xlsx`);
  checkOutputPath(out, [file], args.flags["force"] === true);

  const text = await readPlanText(file);
  const found = givenYear === undefined ? findPlanYear(text) : null;
  const year = givenYear ?? found ?? new Date().getFullYear();
  const yearSource =
    givenYear !== undefined ? "--year" : found !== null ? "取自文中" : "文中未写年份，按今年；可用 --year 指定";
  const { rows, skipped } = parsePlan(text, { year, rangeMode });
  if (rows.length === 0) {
    throw new InputError(
      "empty",
      `${path.basename(file)}：没有找到月份标题（如“三月份：”）或注明月份的工作条目（如“……（支部，三月份）”），未生成文件。`,
    );
  }

  const branch = stringFlag(args.flags, "branch") ?? findPlanBranch(text) ?? "";
  const wb = buildTemplateWorkbook({ templates: [schedule], branch, rows: { [schedule.id]: scheduleRows(rows) } });
  setYear(wb, year);
  await wb.xlsx.writeFile(out);
  io.out(summaryText({ file, out, year, yearSource, rows, skipped }));
  return 0;
}
