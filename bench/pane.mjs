// npm run bench:pane (also run by npm run bench): the task pane's budgets, with baselines from the same run.
// (a) initial JavaScript of taskpane.html, gzipped, from a production build; the lazy chunks for reference.
// (b) first render of the built standalone page in headless Chromium, against a blank local page.
// (c) validating a 20,000-row roster in place against the Excel fake (bench/pane-office.mjs).
// Figures are printed, never asserted in tests. Env: BENCH_PANE_RUNS (default 7), BENCH_PANE_BUILD=<dir> to
// measure an existing build instead of building into a temp folder.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { fmt, median, root } from "./lib.mjs";
import { benchInPlace } from "./pane-office.mjs";
import { createStaticServer } from "../scripts/serve.mjs";
import { CHROMIUM, CHROMIUM_ARGS } from "../scripts/lib/chromium.cjs";

const require = createRequire(import.meta.url);
const RUNS = Number(process.env.BENCH_PANE_RUNS ?? 7);
const KB = 1024;
const results = [];
const report = (name, value, budget, ok) => {
  results.push({ name, value, budget, ok });
  console.log(`${ok === undefined ? " " : ok ? "✓" : "✗"} ${name.padEnd(44)} ${value.padStart(22)}   ${budget ?? ""}`);
};
const kb = (bytes, d = 0) => `${fmt(bytes / KB, d)} KB`;

console.log(`zhibu pane bench — ${os.cpus().length} cores, Node ${process.version}\n`);

// The build: production, into a temp folder so build/ (npm start, the browser tests) is left alone.
const temp = mkdtempSync(path.join(os.tmpdir(), "zhibu-bench-pane-"));
const out = process.env.BENCH_PANE_BUILD ? path.resolve(process.env.BENCH_PANE_BUILD) : path.join(temp, "build");
if (!process.env.BENCH_PANE_BUILD) {
  const t = process.hrtime.bigint();
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
    { cwd: root, stdio: "pipe" },
  );
  report("production build (webpack)", `${fmt(Number(process.hrtime.bigint() - t) / 1e6 / 1000, 1)} s`);
}

// (a) What taskpane.html loads before anything is clicked: its <script src> entries.
const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
const initial = [...html.matchAll(/<script\b[^>]*\bsrc="?([^" >]+)/g)].map((m) => m[1]);
const size = (file) => {
  const buf = readFileSync(path.join(out, file));
  return { raw: buf.length, gz: gzipSync(buf).length };
};
const initialSizes = initial.map(size);
const initialGz = initialSizes.reduce((a, s) => a + s.gz, 0);
const initialRaw = initialSizes.reduce((a, s) => a + s.raw, 0);
const exceljsInInitial = initial.some((f) => f.startsWith("exceljs"));
report(
  "pane: initial JavaScript (gzip -6)",
  kb(initialGz),
  `budget ≤ 350 KB (${fmt((initialGz / (350 * KB)) * 100)}% of it)`,
  initialGz <= 350 * KB && !exceljsInInitial,
);
report(`  ${initial.join(", ")}`, kb(initialRaw), "uncompressed");
for (const f of readdirSync(out).filter((f) => f.endsWith(".js") && !initial.includes(f))) {
  const s = size(f);
  report(
    `  lazy chunk ${f.replace(/\.[0-9a-f]{8}\.js$/, "")}`,
    kb(s.gz),
    `${kb(s.raw)} uncompressed, loaded on demand`,
  );
}

// (b) First render: navigation start → the pane's title and tabs on screen, against a blank local page.
writeFileSync(
  path.join(out, "bench-blank.html"),
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>blank</title></head><body><h1>空白页</h1></body></html>',
);
// Recorded in the page from its first moment, in ms since navigation: when the condition first holds, two frames on
// (the first frame paints it; the second starts once that paint is done).
const watch = (selectorTest) => `(() => {
  const ready = ${selectorTest};
  const done = () => requestAnimationFrame(() => requestAnimationFrame(() => { window.__zhibuVisibleAt = performance.now(); }));
  const check = () => { if (window.__zhibuSeen || !ready()) return; window.__zhibuSeen = true; observer.disconnect(); done(); };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener("DOMContentLoaded", check);
})();`;
const visible = `(el) => !!el && el.getBoundingClientRect().height > 0 && el.textContent.trim().length > 0`;
const paneReady = `() => { const v = ${visible}; const tabs = [...document.querySelectorAll('[role="tab"]')]; return v(document.querySelector("h1")) && tabs.length > 0 && tabs.every(v); }`;
const blankReady = `() => (${visible})(document.querySelector("h1"))`;

if (!existsSync(CHROMIUM)) {
  console.log(`  (first render skipped: ${CHROMIUM} is missing)`);
} else {
  const server = createStaticServer(out);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const firstRender = async (url, ready) => {
    const context = await browser.newContext(); // cold cache every time, like the first opening of the pane
    const page = await context.newPage();
    await page.addInitScript(watch(ready));
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => globalThis.__zhibuVisibleAt !== undefined, null, { timeout: 30000 });
    await page
      .waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, null, { timeout: 5000 })
      .catch(() => {});
    const t = await page.evaluate(() => ({
      visible: globalThis.__zhibuVisibleAt,
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
    }));
    await context.close();
    return t;
  };
  try {
    await firstRender(`${base}/taskpane.html`, paneReady); // warm-up: Chromium's own first-run work
    const pane = [];
    const blank = [];
    for (let k = 0; k < RUNS; k++) {
      blank.push(await firstRender(`${base}/bench-blank.html`, blankReady));
      pane.push(await firstRender(`${base}/taskpane.html`, paneReady));
    }
    const paneMs = median(pane.map((r) => r.visible));
    const blankMs = median(blank.map((r) => r.visible));
    report(
      `pane: first render, title + tabs (median of ${RUNS})`,
      `${fmt(paneMs)} ms`,
      `budget ≤ 1,500 ms (${fmt(paneMs - blankMs)} ms over the blank page)`,
      paneMs <= 1500,
    );
    report(
      "  baseline: blank local page, heading visible",
      `${fmt(blankMs)} ms`,
      `pane = ${fmt(paneMs / blankMs, 1)}× the blank page`,
    );
    report(
      "  first contentful paint: pane / blank",
      `${fmt(median(pane.map((r) => r.fcp)))} / ${fmt(median(blank.map((r) => r.fcp)))} ms`,
      `pane runs ${fmt(Math.min(...pane.map((r) => r.visible)))}–${fmt(Math.max(...pane.map((r) => r.visible)))} ms`,
    );
  } finally {
    await browser.close();
    server.close();
  }
}

// (c) In place, against the Excel fake.
await benchInPlace(report);

rmSync(path.join(out, "bench-blank.html"), { force: true });
rmSync(temp, { recursive: true, force: true });
const failed = results.filter((r) => r.ok === false);
console.log(failed.length ? `\n${failed.length} pane figure(s) outside budget.` : "\nAll pane figures within budget.");
