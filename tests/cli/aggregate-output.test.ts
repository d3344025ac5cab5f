/** `aggregate FOLDER -o FOLDER/<a branch's workbook>` must not write over that input, even with --force. */
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { runCli, sample, tempDir, expectUntouched } from "../helpers/cli";

describe("zhibu aggregate: an output inside an input folder", () => {
  const dir = tempDir();
  const folder = path.join(dir, "各支部");
  mkdirSync(folder);
  for (const name of ["roster-clean.xlsx", "roster-messy.xlsx"]) copyFileSync(sample(name), path.join(folder, name));

  test("a branch's workbook named as the output is refused and left as it was", async () => {
    const target = path.join(folder, "roster-clean.xlsx");
    const untouched = expectUntouched(target);
    const r = await runCli(["aggregate", folder, "-o", target, "--force", "--as-of", "2026-11-21"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/输出文件与输入文件相同/);
    untouched();
  });

  test("an earlier district workbook there is still replaced on a re-run with --force", async () => {
    const out = path.join(folder, "全区汇总.xlsx");
    const first = await runCli(["aggregate", folder, "-o", out, "--as-of", "2026-11-21"]);
    expect(first.code).toBe(0);
    const second = await runCli(["aggregate", folder, "-o", out, "--as-of", "2026-11-21", "--force"]);
    expect([second.code, second.stderr]).toEqual([0, ""]);
    expect(second.stdout).toContain("已汇总 2 个文件。");
  });
});
