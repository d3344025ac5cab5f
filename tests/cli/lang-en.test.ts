/** `--lang en` as an English-speaking colleague uses it: the screen text is English, the files written stay Chinese. */
import path from "node:path";
import ExcelJS from "exceljs";
import { runCli, sample, tempDir } from "../helpers/cli";
import { hanLines, workbookTexts } from "../helpers/user-data";

async function ownTexts(file: string): Promise<Set<string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return workbookTexts(wb, [path.basename(file)]);
}

describe("zhibu --lang en", () => {
  test("summarize prints English tables and paragraph and still writes the Chinese summary workbook", async () => {
    const file = sample("roster-clean.xlsx");
    const out = path.join(tempDir(), "summary.xlsx");
    const r = await runCli(["summarize", file, "-o", out, "--lang", "en", "--as-of", "2026-11-21"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^roster-clean\.xlsx {2}as of 2026-11-21$/m);
    expect(r.stdout).toMatch(/^ {2}Members \(full \+ probationary\) +30 /m);
    expect(r.stdout).toMatch(/^As of 21 November 2026, /m);
    expect(r.stdout).toContain(`Summary workbook written: ${out}`);
    expect(hanLines(r.stdout, await ownTexts(file))).toEqual([]);

    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    const texts = [...workbookTexts(written)].join("\n");
    expect(texts).toContain("党员总数（正式+预备）");
    expect(texts).not.toContain("Members (full + probationary)");
  });

  test("an empty table says (none) in English", async () => {
    const r = await runCli(["summarize", sample("roster-clean.xlsx"), "--lang", "en", "--as-of", "2026-11-21"]);
    expect(r.stdout).toMatch(/^Probationary members due for full membership\n.*\n {2}\(none\)$/m);
    expect(r.stdout).not.toContain("（无）");
  });

  test("the totals count one error and one warning in the singular", async () => {
    const ballot = await runCli(["validate", sample("ballot.xlsx"), "--lang", "en"]);
    expect(ballot.stdout).toMatch(/^Total: 1 error, 0 warnings, 0 info$/m);
    const fix = await runCli([
      "fix",
      sample("ballot.xlsx"),
      "-o",
      path.join(tempDir(), "b.xlsx"),
      "--dry-run",
      "--lang",
      "en",
    ]);
    expect(fix.stdout).toMatch(/Remaining: 1 error, 0 warnings, 0 info/);
  });
});

test("--lang takes zh-CN or en (en-US too); anything else is a usage error, exit 2, before reading", async () => {
  const file = sample("roster-clean.xlsx");
  const fr = await runCli(["validate", file, "--lang", "fr"]);
  expect({ code: fr.code, stdout: fr.stdout }).toEqual({ code: 2, stdout: "" });
  expect(fr.stderr).toMatch(/--lang fr.*zh-CN.*en/);
  const us = await runCli(["validate", file, "--lang", "en-US", "--as-of", "2026-11-21"]);
  expect(us.code).toBe(0);
  expect(us.stdout).toContain("Total: 0 errors");
});
