/** Shared by the browser tests: a free port, the project's static server on a directory, headless Chromium. */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/lib/chromium.cjs";
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page, chromium } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
/** Where the browser tests leave their screenshots. */
export const OUT = path.join(ROOT, "test-output");

/** Fails with the fix when Chromium is missing (ZHIBU_SKIP_BROWSER=1 skips the browser suites instead). */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Chromium, or set ZHIBU_SKIP_BROWSER=1 to skip the browser tests.`);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `node scripts/serve.mjs DIR` and resolves with the page URL it prints. */
export function startServer(dir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "scripts/serve.mjs"), dir], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const timer = setTimeout(() => reject(new Error(`serve.mjs did not start: ${out}`)), 10000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
    child.once("exit", (code) => reject(new Error(`serve.mjs exited (${code}): ${out}`)));
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
}

/** The project's static server on `dir` and headless Chromium; `close` stops both. */
export interface Served {
  readonly url: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function serveAndLaunch(dir: string): Promise<Served> {
  const { child, url } = await startServer(dir, await freePort());
  try {
    const browser = await launchChromium();
    return {
      url,
      browser,
      close: async () => {
        await browser.close();
        child.kill();
      },
    };
  } catch (err) {
    child.kill();
    throw err;
  }
}

/** A browser context as the task pane gets it: Chinese, the width of a task pane. */
export function paneContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: "zh-CN", viewport: { width: 420, height: 900 }, ...options });
}

/** Collects the page's console errors and uncaught exceptions into `errors`. */
export function recordConsoleErrors(page: Page, errors: string[]): void {
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
}

/** Resolves once `file` exists; rejects with the builder's error when `failed` appears first. */
async function waitForFile(file: string, failed: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (existsSync(failed)) throw new Error(`the shared pane build failed: ${readFileSync(failed, "utf8")}`);
    if (Date.now() > end) throw new Error(`no shared pane build after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * One production build of the pane per jest run (jest's workers share its process id as their parent), for the
 * suites that only serve it: the first suite builds into a folder of its own, the others wait for it. Builds of
 * earlier runs are removed. standalone.test.ts builds build/ itself, as `npm start` serves it.
 */
export async function sharedPaneBuild(): Promise<string> {
  const prefix = "zhibu-pane-build-";
  const dir = path.join(os.tmpdir(), `${prefix}${process.ppid}`);
  const built = path.join(dir, ".built");
  const failed = `${dir}.failed`;
  if (existsSync(built)) return dir;
  try {
    mkdirSync(`${dir}.lock`);
  } catch {
    await waitForFile(built, failed, 900_000);
    return dir;
  }
  for (const name of readdirSync(os.tmpdir())) {
    const pid = Number(/^zhibu-pane-build-(\d+)/.exec(name)?.[1]);
    if (pid && pid !== process.ppid && !processAlive(pid))
      rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
  try {
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", dir],
      { cwd: ROOT, stdio: "pipe" },
    );
  } catch (err) {
    writeFileSync(failed, String(err));
    throw err;
  }
  writeFileSync(built, "");
  return dir;
}

/** Opens `file` in 校验 through the file input and waits for its result. */
export async function openInValidate(page: Page, file: string): Promise<void> {
  await page.locator("#tab-validate").click();
  await page.getByTestId("file-input").setInputFiles(file);
  await page
    .getByTestId("file-name")
    .filter({ hasText: path.basename(file) })
    .waitFor({ timeout: 20000 });
  await page.getByTestId("totals").waitFor({ timeout: 20000 });
}

/**
 * The run's shared build served and opened in headless Chromium (a pane-sized Chinese context unless `options`
 * say otherwise), its console errors collected into `errors`.
 */
export async function openSharedPane(
  errors: string[],
  options: BrowserContextOptions = {},
): Promise<{ served: Served; page: Page }> {
  requireChromium();
  const served = await serveAndLaunch(await sharedPaneBuild());
  const page = await (await paneContext(served.browser, options)).newPage();
  recordConsoleErrors(page, errors);
  await page.goto(served.url);
  return { served, page };
}
