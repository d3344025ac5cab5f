/** Shared by the browser tests: a free port, the project's static server on a directory, headless Chromium. */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { existsSync } from "node:fs";
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
