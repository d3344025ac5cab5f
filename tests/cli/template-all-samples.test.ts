/**
 * First impressions (issue 10): `zhibu template all --sample N` for every N from 12 to 60, at as-of dates
 * through the year, gives a workbook that validates with no issue of any severity; the sample schedule meets
 * every 设置 frequency for the periods ended by as-of (below the rows that takes, it is the next year's plan).
 */
import fs from "node:fs";
import path from "node:path";
import type { Io } from "../../src/cli/commands/common";
import { main } from "../../src/cli/main";
import { validateWorkbook } from "../../src/core/engine";
import { parseTextDate, todayDate } from "../../src/core/dates";
import { readWorkbookFile } from "../../src/xlsx/read";
import { runCli, tempDir } from "../helpers/cli";

const AS_OF_DATES = ["2026-11-21", "2026-12-31", "2026-01-01", "2026-03-31", "2026-06-30", "2027-02-28"];

let dir: string;
beforeAll(() => {
  dir = tempDir("zhibu-template-all-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function quietIo(): Io & { text: string } {
  const io = {
    text: "",
    out: (t: string) => void (io.text += t),
    err: (t: string) => void (io.text += t),
    stdoutIsTTY: false,
    stderr: process.stderr,
  };
  return io;
}

/** Every issue of the workbook `template all --sample n` writes at that as-of, as "rule@sheet!cell". */
async function issuesOf(n: number, asOf: string, seed: number): Promise<string[]> {
  const file = path.join(dir, `all-${n}-${asOf}-${seed}.xlsx`);
  const args = ["template", "all", "--sample", String(n), "--as-of", asOf, "--seed", String(seed), "-o", file];
  const io = quietIo();
  expect(await main(args, io)).toBe(0);
  const { snapshot } = await readWorkbookFile(file);
  fs.rmSync(file);
  const result = validateWorkbook(snapshot);
  expect(result.asOf).toEqual(parseTextDate(asOf));
  expect(result.sheets.filter((s) => s.template !== null).map((s) => [s.template, s.dataRows])).toEqual([
    ["roster", n],
    ["schedule", n],
    ["evaluation", n],
    ["ballot", n],
  ]);
  return result.issues.map((i) => `${i.rule}/${i.severity}@${i.sheet}!${i.cell ?? JSON.stringify(i.params)}`);
}

describe.each(AS_OF_DATES)("as of %s", (asOf) => {
  test("every N from 12 to 60 validates with no issue of any severity", async () => {
    const failures: string[] = [];
    for (let n = 12; n <= 60; n++) {
      const issues = await issuesOf(n, asOf, 20261121 + n);
      if (issues.length > 0) failures.push(`N=${n}: ${issues.slice(0, 5).join(", ")}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

test("without --as-of (the day it is made) the real CLI's workbook validates clean, exit 0", async () => {
  const file = path.join(dir, "today.xlsx");
  const made = await runCli(["template", "all", "--sample", "12", "--branch", "实验小学党支部", "-o", file]);
  expect(made.code).toBe(0);
  const checked = await runCli(["validate", file, "--format", "json"]);
  expect(checked.stderr).toBe("");
  const report = JSON.parse(checked.stdout) as { asOf: string; issues: unknown[]; counts: Record<string, number> };
  const t = todayDate();
  expect(report.asOf).toBe(`${t.y}-${String(t.m).padStart(2, "0")}-${String(t.d).padStart(2, "0")}`);
  expect(report.issues).toEqual([]);
  expect(report.counts).toEqual({ error: 0, warning: 0, info: 0 });
  expect(checked.code).toBe(0);
}, 60_000);
