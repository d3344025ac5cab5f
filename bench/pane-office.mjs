// Pane bench, part (c): validating a 20,000-row roster in place, against the in-memory Excel fake
// (tests/fakes/excel-fake.ts) through the real Office adapter (addin/office/excel-adapter.ts). Syncs and response
// bytes are the fake's counters; request bytes are estimated by bench/request-recorder.cjs.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fmt, median, root } from "./lib.mjs";

const require = createRequire(import.meta.url);
require("./ts-hook.cjs");
const { recordingRun } = require("./request-recorder.cjs");
const { fakeFromXlsx } = require(path.join(root, "tests/fakes/excel-fake.ts"));
const { createExcelAdapter, MAX_PAYLOAD_BYTES } = require(path.join(root, "addin/office/excel-adapter.ts"));
const { marksFromIssues } = require(path.join(root, "addin/office/port.ts"));
const { validateWorkbook } = require(path.join(root, "src/core/engine.ts"));
const { sampleRows } = require(path.join(root, "src/core/samples/index.ts"));
const { roster } = require(path.join(root, "src/core/templates/roster.ts"));
const { buildTemplateWorkbook } = require(path.join(root, "src/xlsx/write-template.ts"));

const asOf = { kind: "date", y: 2026, m: 11, d: 21 };
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;
const kb = (b) => `${fmt(b / 1024)} KB`;

/** Writes a generated roster with every `badEvery`-th phone malformed (one issue cell each). */
async function writeRoster(dir, rows, badEvery) {
  const people = sampleRows("roster", rows, { seed: 7, asOf });
  people.forEach((p, i) => {
    if (i % badEvery === 0) p.phone = "1380000";
  });
  const file = path.join(dir, `roster-${rows}.xlsx`);
  await buildTemplateWorkbook({
    templates: [roster],
    branch: "第十一中学党支部",
    rows: { roster: people },
    asOf,
  }).xlsx.writeFile(file);
  return file;
}

/** Runs `fn` with fresh counters; returns its result with syncs, response and request bytes. */
async function counted(fake, fn) {
  fake.resetStats();
  const recorder = recordingRun(fake.run);
  const adapter = createExcelAdapter({ run: recorder.run, isSetSupported: () => true });
  const t = process.hrtime.bigint();
  const value = await fn(adapter);
  const elapsed = ms(t);
  const payloads = [...fake.stats.payloads];
  return {
    value,
    ms: elapsed,
    syncs: fake.stats.syncs,
    response: payloads.reduce((a, b) => a + b, 0),
    maxResponse: Math.max(0, ...payloads),
    request: recorder.stats.bytes,
    calls: recorder.stats.calls + recorder.stats.writes,
  };
}

export async function benchInPlace(report, { rows = 20_000, runs = 5 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "zhibu-bench-office-"));
  try {
    const fake = await fakeFromXlsx(await writeRoster(dir, rows, 40));
    const reads = [];
    for (let k = 0; k < runs; k++) reads.push(await counted(fake, (adapter) => adapter.readWorkbook()));
    const read = reads.sort((a, b) => a.ms - b.ms)[Math.floor(runs / 2)];
    const snapshot = read.value;

    const engineTimes = [];
    let result;
    for (let k = 0; k < runs; k++) {
      const t = process.hrtime.bigint();
      result = validateWorkbook(snapshot, { asOf });
      engineTimes.push(ms(t));
    }
    const engineMs = median(engineTimes);
    const marks = marksFromIssues(result.issues);
    const mark = await counted(fake, (adapter) => adapter.applyMarks(marks));
    const clear = await counted(fake, (adapter) => adapter.clearMarks(mark.value));

    const dataRows = Math.max(...snapshot.sheets.map((s) => s.values.length)) - 2;
    report(
      `in place: read ${fmt(rows)}-row roster (fake Excel)`,
      `${read.syncs} syncs`,
      "budget ≤ 4 syncs",
      read.syncs <= 4,
    );
    report("  rows read", fmt(dataRows), `expected ${fmt(rows)}`, dataRows === rows);
    report(
      "  largest response of one sync",
      kb(read.maxResponse),
      `budget ≤ ${kb(MAX_PAYLOAD_BYTES)}`,
      read.maxResponse <= MAX_PAYLOAD_BYTES,
    );
    report(
      "  response / request payload",
      `${kb(read.response)} / ${kb(read.request)}`,
      `${fmt(read.calls)} calls and writes`,
    );
    report(
      "  read time (median of " + runs + ")",
      `${fmt(read.ms)} ms`,
      `${fmt(rows / (read.ms / 1000))} rows/s through the fake`,
    );
    report(
      "  engine time (median of " + runs + ")",
      `${fmt(engineMs, 1)} ms`,
      `${fmt(engineMs / read.ms, 2)}× the read`,
    );
    report(
      `in place: mark ${fmt(marks.length)} issue cells`,
      `${mark.syncs} syncs`,
      "budget ≤ 2 syncs",
      mark.syncs <= 2,
    );
    report("  response / request payload", `${kb(mark.response)} / ${kb(mark.request)}`, `${fmt(mark.ms)} ms`);
    report(
      "in place: clear the marks",
      `${clear.syncs} sync${clear.syncs === 1 ? "" : "s"}`,
      "budget ≤ 3 syncs (sheet names, their formats, one delete batch)",
      clear.syncs <= 3,
    );
    report("  response / request payload", `${kb(clear.response)} / ${kb(clear.request)}`, `${fmt(clear.ms)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
