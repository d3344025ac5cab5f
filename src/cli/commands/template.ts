import type { CellValue } from "../../core/types";
import type { TemplateDef } from "../../core/templates/types";
import { TEMPLATES, templateById } from "../../core/templates";
import { todayDate } from "../../core/dates";
import { sampleRows } from "../../core/samples";
import { buildTemplateWorkbook } from "../../xlsx/write-template";
import { type ParsedArgs, UsageError, stringFlag } from "../args";
import { checkOutputPath } from "../io";
import type { Io } from "./common";
import { parseAsOf } from "./common";

export const templateFlags = {
  output: { value: true, alias: "o" },
  branch: { value: true },
  sample: { value: true },
  seed: { value: true },
  "as-of": { value: true },
  force: { value: false },
} as const;

export const MAX_SAMPLE_ROWS = 1_000_000;

function pickTemplates(kind: string): TemplateDef[] {
  if (kind === "all") return [...TEMPLATES];
  const t = templateById(kind);
  if (!t) throw new UsageError(`没有名为 ${kind} 的模板。可选：${[...TEMPLATES.map((x) => x.id), "all"].join("、")}`);
  return [t];
}

function positiveInt(text: string | undefined, flag: string, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) > max) throw new UsageError(`${flag} ${text}：应为 0 到 ${max} 之间的整数`);
  return Number(text);
}

export async function runTemplate(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length > 1)
    throw new UsageError("用法：zhibu template [roster|all] [-o FILE] [--branch NAME] [--sample N]");
  const kind = args.positionals[0] ?? "all";
  const templates = pickTemplates(kind);
  const sample = positiveInt(stringFlag(args.flags, "sample"), "--sample", MAX_SAMPLE_ROWS) ?? 0;
  const seed = positiveInt(stringFlag(args.flags, "seed"), "--seed", 2 ** 31) ?? 20261121;
  const asOf = parseAsOf(stringFlag(args.flags, "as-of")) ?? todayDate();
  const branch = stringFlag(args.flags, "branch") ?? "";
  const out =
    stringFlag(args.flags, "output") ??
    (templates.length === 1 ? `${templates[0]!.sheetName}.xlsx` : "支部工作表模板.xlsx");
  checkOutputPath(out, [], args.flags["force"] === true);
  const rows: Record<string, Record<string, CellValue>[]> = {};
  if (sample > 0) for (const t of templates) rows[t.id] = sampleRows(t.id, sample, { seed, asOf });
  const wb = buildTemplateWorkbook({
    templates,
    branch,
    rows,
    asOf: stringFlag(args.flags, "as-of") ? asOf : undefined,
  });
  await wb.xlsx.writeFile(out);
  const names = templates.map((t) => t.title).join("、");
  io.out(`已生成 ${out}：${names}${sample > 0 ? `，每表 ${sample} 行示例数据（虚构）` : ""}\n`);
  return 0;
}
