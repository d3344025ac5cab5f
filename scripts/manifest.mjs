// npm run manifest -- --url https://host/path/ [--out file]
// Writes a copy of manifest.xml whose URLs point at another HTTPS host (default output: build/manifest.xml,
// next to the built pane, so build/ can be copied to that host as it is).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const require = createRequire(import.meta.url);
const { rebaseManifest } = require("./lib/manifest.cjs");
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

const USAGE = `用法 / usage: npm run manifest -- --url https://服务器/路径/ [--out build/manifest.xml]`;

let values;
try {
  ({ values } = parseArgs({
    options: { url: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
  }));
} catch (e) {
  console.error(`${e.message}\n${USAGE}`);
  process.exit(2);
}
if (values.help || !values.url) {
  (values.help ? console.log : console.error)(USAGE);
  process.exit(values.help ? 0 : 2);
}
const out = resolve(values.out ?? join(root, "build", "manifest.xml"));
try {
  const xml = rebaseManifest(readFileSync(join(root, "manifest.xml"), "utf8"), values.url);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, xml);
  const source = /<SourceLocation DefaultValue="([^"]+)"/.exec(xml)?.[1];
  console.log(`已写入 / written: ${out}\n任务窗格地址 / task pane URL: ${source}`);
} catch (e) {
  console.error(`manifest: ${e.message}\n${USAGE}`);
  process.exit(2);
}
