import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { InputError } from "../xlsx/errors";

function samePath(a: string, b: string): boolean {
  const resolve = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return resolve(a) === resolve(b);
}

/** Refuses to write over an input file ever, or over any existing file without --force. */
export function checkOutputPath(out: string, inputs: readonly string[], force: boolean): void {
  if (inputs.some((i) => samePath(i, out))) {
    throw new InputError(
      "exists",
      `${out}：输出文件与输入文件相同。zhibu 从不改写输入文件，请用 -o 指定另一个文件名。`,
    );
  }
  if (existsSync(out) && !force) {
    throw new InputError("exists", `${out}：文件已存在，未覆盖。请换一个文件名，或加 --force 覆盖。`);
  }
  const dir = path.dirname(path.resolve(out));
  if (!existsSync(dir)) throw new InputError("missing", `${out}：目录 ${dir} 不存在。请先创建该目录或换一个位置。`);
}
