// `npm start`: build the task pane with webpack (production) into build/, then serve it over plain HTTP on
// http://localhost:3000 (PORT env overrides; the next free port is used if it is busy). In a plain browser
// this is the standalone page.
//
// Not done here (later issue): HTTPS dev certificates and sideloading into Excel. manifest.xml points at
// https://localhost:3000, which Office requires; plain HTTP is enough for the standalone page.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { portFromEnv, serve } from "./serve.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const webpackCli = join(dirname(require.resolve("webpack-cli/package.json")), "bin", "cli.js");

console.log("Building the task pane (webpack, production)…");
const build = spawnSync(process.execPath, [webpackCli, "--mode", "production"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) {
  console.error(`webpack failed (exit ${build.status ?? build.signal}); nothing to serve.`);
  process.exit(build.status || 1);
}

const requested = portFromEnv();
const { port, url } = await serve({ dir: join(root, "build"), port: requested });
if (port !== requested) console.log(`Port ${requested} is busy, using ${port}.`);
console.log(`\n支部表格助手 standalone page: ${url}\n(Ctrl+C to stop)`);
