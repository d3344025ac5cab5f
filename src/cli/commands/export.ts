import path from "node:path";
import { validateWorkbook } from "../../core/engine";
import { NATIONAL_SHEET, nationalRows } from "../../core/national-form";
import { buildNationalWorkbook } from "../../xlsx/write-national";
import { InputError } from "../../xlsx/errors";
import { type ParsedArgs, UsageError, stringFlag } from "../args";
import { checkOutputPath } from "../io";
import { type Io, parseAsOf, readWithProgress } from "./common";

export const exportFlags = {
  form: { value: true },
  output: { value: true, alias: "o" },
  "as-of": { value: true },
  force: { value: false },
} as const;

const USAGE = "用法：zhibu export FILE --form national -o OUT.xlsx [--force]";

/** Writes the roster of FILE as the national 党员基本信息汇总表 (unmasked: the system needs the full numbers). */
export async function runExport(args: ParsedArgs, io: Io): Promise<number> {
  const file = args.positionals[0];
  if (!file || args.positionals.length > 1) throw new UsageError(USAGE);
  const form = stringFlag(args.flags, "form") ?? "national";
  if (form !== "national") throw new UsageError(`--form ${form}：目前只支持 national（党员基本信息汇总表）`);
  const out = stringFlag(args.flags, "output");
  if (!out) throw new UsageError(`请用 -o 指定输出文件。${USAGE}`);
  checkOutputPath(out, [file], args.flags["force"] === true);
  const asOf = parseAsOf(stringFlag(args.flags, "as-of"));
  const { snapshot, progress } = await readWithProgress(file, io);
  const result = validateWorkbook(snapshot, { asOf });
  progress.done();
  if (!result.contexts.some((c) => c.template.id === "roster")) {
    throw new InputError(
      "unreadable",
      `${path.basename(file)}：没有找到党员花名册工作表（需有姓名、性别、身份证号、人员类别等列），无法导出${NATIONAL_SHEET}。`,
    );
  }
  const rows = nationalRows(result);
  await buildNationalWorkbook(rows).xlsx.writeFile(out);
  io.err(`提示：${out} 含完整的身份证号和手机号（未脱敏），仅供录入全国党员管理信息系统，请妥善保管，用后删除。\n`);
  io.out(`已写入${NATIONAL_SHEET}：${out}（${rows.length} 人）\n`);
  return 0;
}
