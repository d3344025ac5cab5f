/**
 * Where the pane gets office.js from: the local copy by default, Microsoft's CDN with `--env officejs=cdn`.
 * The CDN variant is built for real (webpack, production, into a temp folder so build/ is left alone) and its
 * page's CSP and bundle are read back.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

type Config = {
  plugins: Array<{
    constructor: { name: string };
    definitions?: Record<string, string>;
    patterns?: Array<{ to?: string }>;
  }>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require("../../webpack.config.js") as (
  env: Record<string, string>,
  argv: { mode: string },
) => Config;

function csp(html: string): Record<string, string> {
  const content = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1];
  if (!content) throw new Error("no CSP meta in taskpane.html");
  return Object.fromEntries(
    content.split(";").map(
      (d) =>
        d
          .trim()
          .split(/\s+(.*)/)
          .slice(0, 2) as [string, string],
    ),
  );
}

test("the default build loads the local copy and copies it into build/office-js", () => {
  const config = makeConfig({}, { mode: "production" });
  const define = config.plugins.find((p) => p.constructor.name === "DefinePlugin");
  expect(define?.definitions?.["__OFFICE_JS_URL__"]).toBe(JSON.stringify("office-js/office.js"));
  const copy = config.plugins.find((p) => p.constructor.name === "CopyPlugin");
  expect(copy?.patterns?.map((p) => p.to)).toContain("office-js");
  expect(() => makeConfig({ officejs: "unpkg" }, { mode: "production" })).toThrow(/"local" or "cdn"/);
});

test("a --env officejs=cdn build loads office.js from Microsoft's CDN and its CSP allows exactly that origin", () => {
  const out = mkdtempSync(path.join(tmpdir(), "zhibu-cdn-build-"));
  try {
    const cli = require.resolve("webpack-cli/bin/cli.js");
    execFileSync(process.execPath, [cli, "--mode", "production", "--env", "officejs=cdn", "--output-path", out], {
      cwd: ROOT,
      stdio: "pipe",
    });
    const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
    const policy = csp(html);
    expect(policy["script-src"]).toBe("'self' https://appsforoffice.microsoft.com");
    expect(policy["connect-src"]).toBe("'self' https://appsforoffice.microsoft.com");
    expect(policy["default-src"]).toBe("'self'");
    expect(existsSync(path.join(out, "office-js"))).toBe(false);
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1] ?? "");
    expect(scripts.length).toBeGreaterThan(0);
    const bundle = scripts.map((s) => readFileSync(path.join(out, s), "utf8")).join("\n");
    expect(bundle).toContain(CDN);
    expect(bundle).not.toContain("__OFFICE_JS_URL__");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 240_000);
