import { stat } from "node:fs/promises";
import type { CellDate } from "../../core/types";
import { parseTextDate } from "../../core/dates";
import { type Lang, parseLang } from "../../core/messages";
import { readWorkbookFile } from "../../xlsx/read";
import { UsageError } from "../args";
import { PROGRESS_MIN_BYTES, Progress } from "../progress";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  stdoutIsTTY: boolean;
  stderr: NodeJS.WriteStream;
}

export function parseAsOf(text: string | undefined): CellDate | undefined {
  if (text === undefined) return undefined;
  const d = parseTextDate(text);
  if (!d || d.d === 0) throw new UsageError(`--as-of ${text}：日期格式应为 YYYY-MM-DD，例如 --as-of 2026-11-21`);
  return d;
}

export function langOf(flag: string | undefined): Lang {
  if (flag !== undefined && !/^(zh|en)([-_]|$)/i.test(flag))
    throw new UsageError(`--lang ${flag}：只能是 zh-CN（中文，默认）或 en（English）。`);
  return parseLang(flag ?? process.env["ZHIBU_LANG"]);
}

/** Reads a workbook with a progress indicator on stderr when it is big. */
export async function readWithProgress(file: string, io: Io) {
  const size = await stat(file)
    .then((s) => s.size)
    .catch(() => 0);
  const progress = new Progress(size >= PROGRESS_MIN_BYTES, io.stderr);
  progress.stage(`正在读取 ${file}（${(size / 1048576).toFixed(1)} MB）…`);
  const read = await readWorkbookFile(file);
  return { ...read, progress };
}
