// Headless Chromium as the browser tests (tests/browser/harness.ts) and the pane bench (bench/pane.mjs) launch it.
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

module.exports = { CHROMIUM, CHROMIUM_ARGS };
