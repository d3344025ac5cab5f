import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "./errors";

/**
 * The bytes of an input file, or an InputError that names the file and says what to do: missing, a folder
 * (`folderHint` says what was expected instead), or unreadable.
 */
export async function readInputFile(file: string, folderHint: string): Promise<Buffer> {
  const name = path.basename(file);
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new InputError("missing", `${file}：找不到该文件。请检查路径和文件名。`);
  }
  if (info.isDirectory()) throw new InputError("not-workbook", `${file}：这是一个文件夹，${folderHint}`);
  try {
    return await readFile(file);
  } catch {
    throw new InputError("unreadable", `${name}：没有读取权限或文件正被占用。请关闭占用它的程序或检查权限后再试。`);
  }
}
