import path from "node:path";
import { validateWorkbook } from "../../core/engine";
import { type ParsedArgs, UsageError, stringFlag } from "../args";
import { jsonReport, textReport } from "../report";
import { makeStyle, wantsColour } from "../style";
import { type Io, langOf, parseAsOf, readWithProgress } from "./common";

export const validateFlags = {
  format: { value: true },
  "as-of": { value: true },
  sheet: { value: true },
  lang: { value: true },
} as const;

/** Exit 0 without errors (warnings allowed), 1 with at least one error. */
export async function runValidate(args: ParsedArgs, io: Io): Promise<number> {
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1)
    throw new UsageError("用法：zhibu validate FILE [--format text|json] [--as-of YYYY-MM-DD] [--sheet NAME]");
  const format = stringFlag(args.flags, "format") ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format ${format}：只能是 text 或 json`);
  const asOf = parseAsOf(stringFlag(args.flags, "as-of"));
  const lang = langOf(stringFlag(args.flags, "lang"));
  const sheet = stringFlag(args.flags, "sheet");
  const { snapshot, progress } = await readWithProgress(file, io);
  if (sheet !== undefined && !snapshot.sheets.some((s) => s.name === sheet)) {
    throw new UsageError(
      `${path.basename(file)}：没有名为「${sheet}」的工作表。现有：${snapshot.sheets.map((s) => s.name).join("、")}`,
    );
  }
  const result = validateWorkbook(snapshot, {
    asOf,
    sheet,
    progress: (name, done, total) => progress.tick(`正在校验「${name}」 ${done}/${total} 行…`),
  });
  progress.done();
  const name = path.basename(file);
  if (format === "json") io.out(JSON.stringify(jsonReport(name, result, lang), null, 2) + "\n");
  else io.out(textReport(name, result, lang, makeStyle(wantsColour({ isTTY: io.stdoutIsTTY }))));
  return result.counts.error > 0 ? 1 : 0;
}
