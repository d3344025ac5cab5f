import { writeFile } from "node:fs/promises";
import path from "node:path";
import { validateWorkbook } from "../../core/engine";
import { FIX_RULES, deriveFixes } from "../../core/fixes";
import { readInputFile } from "../../xlsx/input-file";
import { readWorkbookBuffer } from "../../xlsx/read";
import { InputError } from "../../xlsx/errors";
import { writeFixedWorkbook } from "../../xlsx/fix/write-fixed";
import { nodeZipCodec } from "../../xlsx/fix/node-codec";
import { type ParsedArgs, UsageError, stringFlag } from "../args";
import { checkOutputPath } from "../io";
import { fixJsonReport, fixTextReport } from "../fix-report";
import { makeStyle, wantsColour } from "../style";
import { type Io, langOf, parseAsOf } from "./common";

export const fixFlags = {
  output: { value: true, alias: "o" },
  only: { value: true },
  "dry-run": { value: false },
  format: { value: true },
  force: { value: false },
  "as-of": { value: true },
  lang: { value: true },
} as const;

const USAGE = "用法：zhibu fix FILE -o OUT.xlsx [--only RULE[,RULE…]] [--dry-run] [--format text|json] [--force]";

/** Exit 0 when no error remains after fixing, 1 when some do (they need the paper record). */
export async function runFix(args: ParsedArgs, io: Io): Promise<number> {
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1) throw new UsageError(USAGE);
  const dryRun = args.flags["dry-run"] === true;
  const out = stringFlag(args.flags, "output");
  if (!out && !dryRun) throw new UsageError(`缺少 -o OUT.xlsx（修正结果写入新文件，从不改写输入文件）。${USAGE}`);
  const format = stringFlag(args.flags, "format") ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format ${format}：只能是 text 或 json`);
  const onlyFlag = stringFlag(args.flags, "only");
  const only = onlyFlag
    ?.split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only?.filter((r) => !FIX_RULES.includes(r)) ?? [];
  if (unknown.length)
    throw new UsageError(`--only ${unknown.join(",")}：没有这类修正。可修正的规则：${FIX_RULES.join(", ")}`);
  const asOf = parseAsOf(stringFlag(args.flags, "as-of"));
  const lang = langOf(stringFlag(args.flags, "lang"));
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".xlsm") {
    throw new InputError(
      "not-workbook",
      `${path.basename(file)}：zhibu fix 只修正 .xlsx / .xlsm 工作簿。请先另存为 .xlsx 后再试。`,
    );
  }
  if (out) {
    if (path.extname(out).toLowerCase() !== ext)
      throw new UsageError(`-o ${out}：输出文件应与输入同为 ${ext}（保留宏等内容）`);
    // A dry run writes nothing, so an existing OUT is no reason to stop it.
    checkOutputPath(out, [file], args.flags["force"] === true || dryRun);
  }
  const input = await readInputFile(file, "请指定 .xlsx 文件。");
  const { snapshot } = await readWorkbookBuffer(input, file);
  const before = validateWorkbook(snapshot, { asOf });
  const fixes = deriveFixes(before, { only });
  let fixed;
  try {
    fixed = await writeFixedWorkbook(input, fixes, nodeZipCodec);
  } catch (e) {
    throw new InputError(
      "corrupt",
      `${path.basename(file)}：无法写出修正副本（${(e as Error).message}）。请用 Excel/WPS 另存为 .xlsx 后再试。`,
    );
  }
  const after = validateWorkbook((await readWorkbookBuffer(Buffer.from(fixed.bytes), file)).snapshot, {
    asOf: before.asOf,
  });
  if (out && !dryRun) await writeFile(out, fixed.bytes, { flag: args.flags["force"] === true ? "w" : "wx" });
  const run = {
    file: path.basename(file),
    output: dryRun ? null : (out ?? null),
    dryRun,
    written: fixed.written,
    skipped: fixed.skipped,
    after,
  };
  if (format === "json") io.out(JSON.stringify(fixJsonReport(run), null, 2) + "\n");
  else io.out(fixTextReport(run, lang, makeStyle(wantsColour({ isTTY: io.stdoutIsTTY }))));
  return after.counts.error > 0 ? 1 : 0;
}
