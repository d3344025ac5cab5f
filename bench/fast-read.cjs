// Fast .xlsx reader vs exceljs on a large roster: time and peak RSS, each in a fresh process. Prints, asserts nothing.
//
//   npx tsc -p tsconfig.build.json && node bench/fast-read.cjs [file.xlsx]
//
// Without a file, a roster of BENCH_ROWS (default 100,000) generated rows is written with the template writer to a
// temp file first. Modes run in child processes (through bench/with-rss.cjs for maxRSS):
//   exceljs  — wb.xlsx.load + snapshotWorkbook (what the CLI does today)
//   fast     — readXlsx from dist/xlsx/fast/read-xlsx.js
//   compare  — both in one process, then a deep equality check of the two snapshots
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const util = require("node:util");

const root = path.resolve(__dirname, "..");
const dist = (p) => path.join(root, "dist", p);

async function child(mode, file) {
  const buf = fs.readFileSync(file);
  const name = path.basename(file);
  const t0 = process.hrtime.bigint();
  let snapshot;
  if (mode === "fast") {
    snapshot = require(dist("xlsx/fast/read-xlsx")).readXlsx(buf, name);
  } else if (mode === "exceljs") {
    const ExcelJS = require("exceljs");
    const { snapshotWorkbook } = require(dist("xlsx/read"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf);
    snapshot = snapshotWorkbook(wb, name, true);
  } else if (mode === "compare") {
    const ExcelJS = require("exceljs");
    const { snapshotWorkbook } = require(dist("xlsx/read"));
    const fast = require(dist("xlsx/fast/read-xlsx")).readXlsx(buf, name);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf);
    const slow = snapshotWorkbook(wb, name, true);
    const equal = util.isDeepStrictEqual(fast, slow);
    let firstDiff = null;
    if (!equal) {
      outer: for (let s = 0; s < Math.max(fast.sheets.length, slow.sheets.length); s++) {
        const a = fast.sheets[s];
        const b = slow.sheets[s];
        if (!a || !b || a.name !== b.name || a.values.length !== b.values.length) {
          firstDiff = { sheet: s, fast: a && [a.name, a.values.length], exceljs: b && [b.name, b.values.length] };
          break;
        }
        for (let r = 0; r < a.values.length; r++) {
          if (!util.isDeepStrictEqual(a.values[r], b.values[r])) {
            firstDiff = { sheet: a.name, row: r + 1, fast: a.values[r], exceljs: b.values[r] };
            break outer;
          }
        }
        firstDiff = { sheet: a.name, merges: [a.merges, b.merges] };
        break;
      }
    }
    process.stdout.write(JSON.stringify({ equal, firstDiff }) + "\n");
    return;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rows = snapshot.sheets.reduce((n, s) => n + s.values.length, 0);
  const cells = snapshot.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0);
  process.stdout.write(JSON.stringify({ ms, rows, cells }) + "\n");
}

async function generate(rows) {
  const { sampleRows } = require(dist("core/samples"));
  const { roster } = require(dist("core/templates/roster"));
  const { buildTemplateWorkbook } = require(dist("xlsx/write-template"));
  const asOf = { kind: "date", y: 2026, m: 11, d: 21 };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zhibu-fast-read-"));
  const file = path.join(dir, `roster-${rows}.xlsx`);
  const data = sampleRows("roster", rows, { seed: 7, asOf });
  const wb = buildTemplateWorkbook({ templates: [roster], branch: "第十一中学党支部", rows: { roster: data }, asOf });
  await wb.xlsx.writeFile(file);
  return { file, dir };
}

function run(mode, file) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(__dirname, "with-rss.cjs"), __filename, "--child", mode, file], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = Number(/@@maxrss (\d+)/.exec(r.stderr ?? "")?.[1] ?? 0) * 1024;
  if (r.status !== 0) throw new Error(`${mode} failed (${r.status}): ${r.stderr}`);
  return { ...JSON.parse(r.stdout.trim().split("\n").pop()), wallMs, rss };
}

async function main() {
  if (process.argv[2] === "--child") return child(process.argv[3], process.argv[4]);
  if (!fs.existsSync(dist("xlsx/fast/read-xlsx.js"))) throw new Error("build first: npx tsc -p tsconfig.build.json");
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  let file = process.argv[2];
  let dir = null;
  if (!file) {
    const rows = Number(process.env.BENCH_ROWS ?? 100_000);
    const t = Date.now();
    ({ file, dir } = await generate(rows));
    console.log(`generated ${rows.toLocaleString()} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `${path.basename(file)}: ${mb(fs.statSync(file).size)} on disk; ${os.cpus().length} cores, Node ${process.version}`,
  );
  try {
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const results = {};
    for (const mode of ["exceljs", "fast"]) {
      const rs = [];
      for (let k = 0; k < runs; k++) rs.push(run(mode, file));
      results[mode] = {
        ms: median(rs.map((r) => r.ms)),
        wallMs: median(rs.map((r) => r.wallMs)),
        rss: median(rs.map((r) => r.rss)),
        rows: rs[0].rows,
        cells: rs[0].cells,
      };
      const x = results[mode];
      console.log(
        `${mode.padEnd(8)} parse ${x.ms.toFixed(0).padStart(6)} ms   process ${x.wallMs.toFixed(0).padStart(6)} ms   peak RSS ${mb(x.rss).padStart(8)}   ` +
          `rows ${x.rows.toLocaleString()}, cells ${x.cells.toLocaleString()}   (median of ${runs})`,
      );
    }
    const a = results.exceljs;
    const b = results.fast;
    console.log(
      `fast/exceljs: parse ${(b.ms / a.ms).toFixed(3)}×, process ${(b.wallMs / a.wallMs).toFixed(3)}×, peak RSS ${(b.rss / a.rss).toFixed(3)}×`,
    );
    if (process.env.BENCH_COMPARE !== "0") {
      const c = run("compare", file);
      console.log(
        `snapshots deep-equal: ${c.equal}${c.equal ? "" : ` — first difference: ${JSON.stringify(c.firstDiff).slice(0, 400)}`}`,
      );
    }
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
