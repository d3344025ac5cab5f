// npm run bench: figures and ratios against baselines measured in the same run. Nothing here is asserted.
import { fmt, median, root, runNode } from "./lib.mjs";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { sampleRows } = require(path.join(root, "dist/core/samples"));
const { roster } = require(path.join(root, "dist/core/templates/roster"));
const { validateWorkbook } = require(path.join(root, "dist/core/engine"));
const { summarizeContexts } = require(path.join(root, "dist/core/summary"));
const { buildTemplateWorkbook } = require(path.join(root, "dist/xlsx/write-template"));

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const asOf = { kind: "date", y: 2026, m: 11, d: 21 };
const results = [];
const report = (name, value, budget, ok) => {
  results.push({ name, value, budget, ok });
  console.log(`${ok === undefined ? " " : ok ? "✓" : "✗"} ${name.padEnd(44)} ${value.padStart(22)}   ${budget ?? ""}`);
};

console.log(`zhibu bench — ${ROWS.toLocaleString()}-row roster, ${os.cpus().length} cores, Node ${process.version}\n`);

// 1. Engine on in-memory rows.
const people = sampleRows("roster", ROWS, { seed: 7, asOf });
const header = roster.fields.map((f) => f.header);
// Rows as a host delivers them: Office.js hands values over as JSON, so the strings arrive flat (the generator's
// concatenated strings would otherwise be V8 cons-strings, which no real input is).
const grid = JSON.parse(
  JSON.stringify([
    ["实验小学党支部党员花名册"],
    header,
    ...people.map((p) => roster.fields.map((f) => p[f.key] ?? null)),
  ]),
);
const snapshot = { name: "bench", sheets: [{ name: "党员花名册", values: grid }] };
let scanned = 0;
const scanTimes = [];
for (let k = 0; k < 5; k++) {
  const t = process.hrtime.bigint();
  for (const row of grid) for (const v of row) if (v !== null && typeof v !== "undefined") scanned++;
  scanTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
}
for (let k = 0; k < 3; k++) validateWorkbook(snapshot, { asOf });
const engineTimes = [];
let result;
for (let k = 0; k < 9; k++) {
  const t = process.hrtime.bigint();
  result = validateWorkbook(snapshot, { asOf });
  engineTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const engineMs = median(engineTimes);
const rowsPerSec = (ROWS / engineMs) * 1000;
report(
  "engine: validate in-memory rows",
  `${fmt(rowsPerSec)} rows/s`,
  "budget ≥ 500,000 rows/s",
  rowsPerSec >= 500_000,
);
report(
  "  median of 9 runs (after 3 warm-up runs)",
  `${fmt(engineMs, 1)} ms`,
  `fastest ${fmt(Math.min(...engineTimes), 1)} ms`,
);
report(
  "  baseline: bare scan of every cell",
  `${fmt(median(scanTimes), 1)} ms`,
  `engine = ${fmt(engineMs / median(scanTimes), 1)}× the scan`,
);
report("  issues on generated (valid) rows", `${result.issues.length}`, "expected 0", result.issues.length === 0);
const t0 = process.hrtime.bigint();
const summary = summarizeContexts(result.contexts, asOf).roster;
report("engine: roster summary", `${fmt(Number(process.hrtime.bigint() - t0) / 1e6, 1)} ms`);
void scanned;

// 2. The file.
const dir = mkdtempSync(path.join(os.tmpdir(), "zhibu-bench-"));
const file = path.join(dir, "roster-100k.xlsx");
const tw = process.hrtime.bigint();
await buildTemplateWorkbook({
  templates: [roster],
  branch: "实验小学党支部",
  rows: { roster: people },
  asOf,
}).xlsx.writeFile(file);
report(
  "write generated workbook (exceljs)",
  `${fmt(Number(process.hrtime.bigint() - tw) / 1e6)} ms`,
  `${fmt(statSync(file).size / 1048576, 1)} MB`,
);

// 3. CLI validate against plain exceljs reading the same file, alternating runs.
const plain = [];
const cli = [];
let cliOut = null;
for (let k = 0; k < RUNS; k++) {
  plain.push(await runNode([path.join(root, "bench/plain-exceljs-read.cjs"), file]));
  const r = await runNode([
    path.join(root, "bin/zhibu.js"),
    "validate",
    file,
    "--format",
    "json",
    "--as-of",
    "2026-11-21",
  ]);
  cli.push(r);
  cliOut = r;
}
const plainMs = median(plain.map((r) => r.ms));
const cliMs = median(cli.map((r) => r.ms));
const ratio = cliMs / plainMs;
report(
  "baseline: plain exceljs readFile (wall)",
  `${fmt(plainMs)} ms`,
  `peak RSS ${fmt(Math.max(...plain.map((r) => r.rss)) / 1048576)} MB`,
);
report("CLI zhibu validate (wall)", `${fmt(cliMs)} ms`, `ratio ${fmt(ratio, 2)}× (budget ≤ 0.30×)`, ratio <= 0.3);
const peak = Math.max(...cli.map((r) => r.rss));
report("CLI zhibu validate peak RSS", `${fmt(peak / 1048576)} MB`, "budget ≤ 1536 MB", peak <= 1.5 * 1024 ** 3);

// 4. Integrity: the file came through whole (no U+FFFD, every row counted under its category and group).
const json = JSON.parse(cliOut.stdout);
const sheet = json.sheets.find((s) => s.template === "roster");
report("CLI: data rows read", `${sheet?.dataRows}`, `expected ${ROWS}`, sheet?.dataRows === ROWS);
report("CLI: issues on generated rows", `${json.issues.length}`, "expected 0", json.issues.length === 0);
const sumResult = await runNode([
  path.join(root, "bin/zhibu.js"),
  "summarize",
  file,
  "--format",
  "json",
  "--as-of",
  "2026-11-21",
]);
const fileSummary = JSON.parse(sumResult.stdout).roster;
const same =
  JSON.stringify(fileSummary.byCategory) === JSON.stringify(summary.byCategory) &&
  JSON.stringify(fileSummary.byGroup) === JSON.stringify(summary.byGroup);
report("CLI summary = in-memory summary (category, 党小组)", same ? "identical" : "DIFFERENT", "", same);
report("CLI summarize (wall)", `${fmt(sumResult.ms)} ms`, `peak RSS ${fmt(sumResult.rss / 1048576)} MB`);
rmSync(dir, { recursive: true, force: true });

// 5. Legacy .xls (BIFF8 holds at most 65,536 rows): zhibu's read (SheetJS + snapshot) against plain SheetJS reading it.
const { readWorkbookBuffer } = require(path.join(root, "dist/xlsx/read"));
const XLSX = require("@e965/xlsx");
const XLS_ROWS = Math.min(ROWS, 20_000);
const aoa = [
  header,
  ...people
    .slice(0, XLS_ROWS)
    .map((p) =>
      roster.fields.map((f) => (typeof p[f.key] === "object" && p[f.key] !== null ? null : (p[f.key] ?? null))),
    ),
];
const xlsWb = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(xlsWb, XLSX.utils.aoa_to_sheet(aoa), "党员花名册");
const xlsBuf = Buffer.from(XLSX.write(xlsWb, { type: "buffer", bookType: "biff8" }));
const xlsPlain = [];
const xlsZhibu = [];
let xlsRows = 0;
for (let k = 0; k < 4; k++) {
  let t = process.hrtime.bigint();
  XLSX.read(xlsBuf, { type: "buffer" });
  if (k > 0) xlsPlain.push(Number(process.hrtime.bigint() - t) / 1e6);
  t = process.hrtime.bigint();
  const { snapshot: xs } = await readWorkbookBuffer(xlsBuf, "roster.xls");
  if (k > 0) xlsZhibu.push(Number(process.hrtime.bigint() - t) / 1e6);
  xlsRows = validateWorkbook(xs, { asOf }).sheets[0]?.dataRows ?? 0;
}
const xlsMs = median(xlsZhibu);
report(
  `read .xls (${fmt(XLS_ROWS)} rows, ${fmt(xlsBuf.length / 1048576, 1)} MB)`,
  `${fmt((XLS_ROWS / xlsMs) * 1000)} rows/s`,
  `median ${fmt(xlsMs)} ms of 3`,
);
report(
  "  baseline: plain SheetJS read of the same .xls",
  `${fmt(median(xlsPlain))} ms`,
  `zhibu = ${fmt(xlsMs / median(xlsPlain), 2)}× SheetJS`,
);
report("  .xls: data rows read", `${xlsRows}`, `expected ${XLS_ROWS}`, xlsRows === XLS_ROWS);

const failed = results.filter((r) => r.ok === false);
console.log(failed.length ? `\n${failed.length} figure(s) outside budget.` : "\nAll figures within budget.");
