// `npm start`: build the task pane with webpack (production) into build/, then serve it:
// - HTTPS on PORT (default 3000) for Excel, as manifest.xml expects, with a local CA and localhost certificate
//   created in .certs/ on first start (scripts/lib/certs.cjs);
// - plain HTTP on the next free port for the standalone page (any browser, no certificate to trust);
// - on Windows/macOS with desktop Excel, the manifest is sideloaded (scripts/lib/sideload.cjs).
// `npm start -- --help` lists the options (scripts/lib/start-options.cjs). No sudo needed anywhere.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./serve.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { parseStartOptions, webpackArgs, USAGE } = require("./lib/start-options.cjs");
const { ensureDevCerts } = require("./lib/certs.cjs");
const { rebaseManifest } = require("./lib/manifest.cjs");
const { sideloadPlan, runSideload } = require("./lib/sideload.cjs");

let options;
try {
  options = parseStartOptions(process.argv.slice(2), process.env);
} catch (e) {
  console.error(`npm start: ${e.message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const buildDir = options.dir ? resolve(options.dir) : join(root, "build");
if (options.build) {
  const webpackCli = join(dirname(require.resolve("webpack-cli/package.json")), "bin", "cli.js");
  console.log(
    `Building the task pane (webpack, production${options.officejs === "cdn" ? ", office.js from the CDN" : ""})…`,
  );
  const build = spawnSync(process.execPath, [webpackCli, ...webpackArgs(options)], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    console.error(`webpack failed (exit ${build.status ?? build.signal}); nothing to serve.`);
    process.exit(build.status || 1);
  }
} else if (!existsSync(join(buildDir, "taskpane.html"))) {
  console.error(
    `${join(buildDir, "taskpane.html")} is missing: run without --no-build/--dir (or npm run build) first.`,
  );
  process.exit(2);
}

const lines = [];
if (!options.https) {
  const { port, url } = await serve({ dir: buildDir, port: options.port });
  if (port !== options.port) console.log(`Port ${options.port} is busy, using ${port}.`);
  lines.push(`独立网页 / standalone page (HTTP):  ${url}`);
  lines.push("HTTPS and sideloading are off (--http-only); Excel needs the HTTPS server of a plain `npm start`.");
} else {
  const certDir = join(root, ".certs");
  const certs = ensureDevCerts(certDir);
  if (certs.createdCa) console.log(`Created a local CA and a localhost certificate in ${certDir}`);
  else if (certs.createdCert) console.log(`Renewed the localhost certificate in ${certDir}`);

  const secure = await serve({ dir: buildDir, port: options.port, tls: { key: certs.key, cert: certs.cert } });
  const plain = await serve({ dir: buildDir, port: secure.port + 1 });

  if (secure.port !== options.port) console.log(`Port ${options.port} is busy, using ${secure.port}.`);
  // The served manifest.xml always matches the HTTPS port in use (a busy 3000 moves it; --no-build keeps old copies).
  const manifestPath = join(buildDir, "manifest.xml");
  const source = readFileSync(join(root, "manifest.xml"), "utf8");
  writeFileSync(
    manifestPath,
    secure.port === 3000 ? source : rebaseManifest(source, `https://localhost:${secure.port}/`),
  );
  if (secure.port !== 3000)
    console.log(
      `${relative(process.cwd(), manifestPath)} points at https://localhost:${secure.port}/ (manifest.xml says 3000).`,
    );
  lines.push(`Excel 加载项 / add-in (HTTPS):       ${secure.url}`);
  lines.push(`独立网页 / standalone page (HTTP):  ${plain.url}`);
  lines.push(`清单 / manifest to sideload:        ${manifestPath}`);
  lines.push(
    `开发证书 / dev certificates:         ${relative(process.cwd(), certDir) || "."}/ (trust ca.crt once; see README)`,
  );

  if (options.sideload) {
    const plan = sideloadPlan({
      platform: process.platform,
      home: os.homedir(),
      manifestPath,
      manifestXml: readFileSync(manifestPath, "utf8"),
      caCertPath: certs.paths.caCert,
      caSerial: certs.caSerial,
      exists: existsSync,
    });
    if (!plan) {
      lines.push("No desktop Excel here: in Excel on the web, 插入 → 加载项 → 上传我的加载项 → the manifest above.");
    } else {
      const outcome = runSideload(plan, {
        exec: (command, args) => spawnSync(command, args, { stdio: "pipe", windowsHide: true }),
        copy: (from, toDir, name) => {
          mkdirSync(toDir, { recursive: true });
          copyFileSync(from, join(toDir, name));
        },
      });
      for (const d of outcome.done) lines.push(`sideload: ${d}`);
      if (outcome.skipped) lines.push(`sideload skipped: ${outcome.skipped}`);
      if (outcome.failed) lines.push(`sideload failed: ${outcome.failed} (npm start -- --no-sideload to skip it)`);
      if (!outcome.skipped && !outcome.failed) lines.push(...plan.notes);
    }
  }
}
console.log(`\n支部表格助手 is running\n  ${lines.join("\n  ")}\n(Ctrl+C to stop)`);
