// npm run bench:aggregate: `zhibu aggregate` over many generated branch workbooks against plain exceljs reading
// the same files one after another, measured in the same run. Figures only; nothing is asserted.
import { fmt, median, root, runNode } from "./lib.mjs";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ExcelJS = require("exceljs");
const { sampleRows } = require(path.join(root, "dist/core/samples"));
const { roster } = require(path.join(root, "dist/core/templates/roster"));
const { schedule } = require(path.join(root, "dist/core/templates/schedule"));
const { buildTemplateWorkbook } = require(path.join(root, "dist/xlsx/write-template"));

const FILES = Number(process.env.BENCH_FILES ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Every SCHEDULE_EVERY-th branch also has a 月度工作安排 sheet. */
const SCHEDULE_EVERY = 3;
const BUDGET = 1.5;
const asOf = { kind: "date", y: 2026, m: 11, d: 21 };
const mb = (bytes) => `${fmt(bytes / 1048576)} MB`;
const results = [];
const report = (name, value, note, ok) => {
  results.push({ name, ok });
  console.log(`${ok === undefined ? " " : ok ? "✓" : "✗"} ${name.padEnd(46)} ${value.padStart(16)}   ${note ?? ""}`);
};

console.log(`zhibu bench: aggregate — ${FILES} branch workbooks, ${os.cpus().length} cores, Node ${process.version}\n`);

// 1. The branch workbooks: 40–60 roster rows each, a schedule sheet in every third.
const dir = mkdtempSync(path.join(os.tmpdir(), "zhibu-bench-aggregate-"));
const inputDir = path.join(dir, "branches");
mkdirSync(inputDir);
const files = [];
let rosterRows = 0;
let bytes = 0;
const tg = process.hrtime.bigint();
for (let i = 0; i < FILES; i++) {
  const n = 40 + ((i * 7) % 21);
  const withSchedule = i % SCHEDULE_EVERY === 0;
  const templates = withSchedule ? [roster, schedule] : [roster];
  const rows = { roster: sampleRows("roster", n, { seed: 1000 + i, asOf }) };
  if (withSchedule) rows.schedule = sampleRows("schedule", 24, { seed: 5000 + i, asOf });
  const file = path.join(inputDir, `第${String(i + 1).padStart(3, "0")}支部.xlsx`);
  await buildTemplateWorkbook({ templates, branch: `第${i + 1}党支部`, rows, asOf }).xlsx.writeFile(file);
  files.push(file);
  rosterRows += n;
  bytes += statSync(file).size;
}
report(
  "generate branch workbooks (exceljs)",
  `${fmt(Number(process.hrtime.bigint() - tg) / 1e6)} ms`,
  `${FILES} files, ${fmt(rosterRows)} roster rows, ${mb(bytes)}`,
);

// 2. CLI aggregate against plain exceljs reading the same files, alternating runs.
const out = path.join(dir, "区汇总.xlsx");
const plain = [];
const cli = [];
let last = null;
for (let k = 0; k < RUNS; k++) {
  plain.push(await runNode([path.join(root, "bench/plain-exceljs-read-many.cjs"), ...files]));
  const r = await runNode([
    path.join(root, "bin/zhibu.js"),
    "aggregate",
    ...files,
    "-o",
    out,
    "--as-of",
    "2026-11-21",
    "--force",
  ]);
  cli.push(r);
  if (r.code === 0) last = r;
}
// A run that failed (e.g. dist/ rebuilt underneath it) says why and is left out of the figures.
const failedRuns = [...plain, ...cli].filter((r) => r.code !== 0);
for (const r of failedRuns) {
  const why = r.stderr.split("\n").filter((l) => l && !l.startsWith("@@maxrss") && !/^\[\d+\/\d+\]/.test(l));
  console.log(`  a run exited ${r.code} after ${fmt(r.ms)} ms: ${why.slice(0, 2).join(" | ") || "(no message)"}`);
}
const good = (runs) => (runs.some((r) => r.code === 0) ? runs.filter((r) => r.code === 0) : runs);
const plainMs = median(good(plain).map((r) => r.ms));
const cliMs = median(good(cli).map((r) => r.ms));
const ratio = cliMs / plainMs;
const plainRss = Math.max(...good(plain).map((r) => r.rss));
const cliRss = Math.max(...good(cli).map((r) => r.rss));
report(
  "baseline: plain exceljs readFile × files (wall)",
  `${fmt(plainMs)} ms`,
  `median of ${good(plain).length}; ${fmt(plainMs / FILES, 1)} ms/file; peak RSS ${mb(plainRss)}`,
);
report(
  "CLI zhibu aggregate (wall)",
  `${fmt(cliMs)} ms`,
  `median of ${good(cli).length}; ${fmt(cliMs / FILES, 1)} ms/file; ratio ${fmt(ratio, 2)}× (budget ≤ ${BUDGET}×)`,
  ratio <= BUDGET,
);
report("CLI zhibu aggregate peak RSS", mb(cliRss), `${fmt(cliRss / plainRss, 2)}× the baseline's peak`);
report("  runs (wall, ms): baseline", plain.map((r) => fmt(r.ms)).join(" / "));
report("  runs (wall, ms): aggregate", cli.map((r) => fmt(r.ms)).join(" / "));

// 3. Integrity: every run succeeded, every file aggregated, and the 合计 of 按人员类别 counts every roster row.
report(
  "CLI exit codes",
  cli.map((r) => r.code).join(" / "),
  "expected 0",
  cli.every((r) => r.code === 0),
);
const said = /已汇总 (\d+) 个文件/.exec(last?.stdout ?? "")?.[1];
report("CLI: files aggregated", String(said), `expected ${FILES}`, Number(said) === FILES);
if (last) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet("汇总");
  let total = null;
  let inCategories = false;
  ws.eachRow((row) => {
    const first = row.getCell(1).value;
    if (first === "按人员类别（全部人员）") inCategories = true;
    else if (inCategories && first === "合计") {
      const values = row.values;
      total = values[values.length - 1];
      inCategories = false;
    }
  });
  report("CLI: 合计 of all roster rows", String(total), `expected ${rosterRows}`, total === rosterRows);
  const listed = (wb.getWorksheet("文件清单")?.rowCount ?? 1) - 1;
  report("CLI: files in 文件清单", String(listed), `expected ${FILES}`, listed === FILES);
}
rmSync(dir, { recursive: true, force: true });

const failed = results.filter((r) => r.ok === false);
console.log(failed.length ? `\n${failed.length} figure(s) outside budget.` : "\nAll figures within budget.");
