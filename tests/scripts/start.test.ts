/**
 * `npm start` end to end, on a prepared folder instead of a webpack build (--dir): it prints the HTTPS URL for
 * Excel and the HTTP URL for the standalone page, both serve the pane, the HTTPS one with a certificate that
 * verifies against .certs/ca.crt, and the served manifest points at the HTTPS port in use.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const PAGE = "<!doctype html><title>pane</title><h1>支部表格助手</h1>";
let dir: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "zhibu-start-"));
  writeFileSync(path.join(dir, "taskpane.html"), PAGE);
});
afterEach(() => {
  for (const c of children.splice(0)) c.kill();
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
}

/** Runs start.mjs with `args` and resolves with everything it printed up to "(Ctrl+C to stop)". */
function start(args: string[], port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "scripts/start.mjs"), ...args], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let out = "";
    const timer = setTimeout(() => reject(new Error(`start.mjs printed no URLs: ${out}`)), 60000);
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("(Ctrl+C to stop)")) {
        clearTimeout(timer);
        resolve(out);
      }
    });
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    child.once("exit", (code) => reject(new Error(`start.mjs exited (${code}): ${out}`)));
  });
}

function get(url: string, ca?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const onResponse = (res: http.IncomingMessage) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    };
    const req = url.startsWith("https:") ? https.get(url, { ca, agent: false }, onResponse) : http.get(url, onResponse);
    req.on("error", reject);
  });
}

test("serves HTTPS for Excel and HTTP for the standalone page, and says which is which", async () => {
  const port = await freePort();
  const out = await start(["--dir", dir, "--no-sideload"], port);
  const secure = /\(HTTPS\):\s+(https:\/\/localhost:(\d+)\/taskpane\.html)/.exec(out);
  const plain = /standalone page \(HTTP\):\s+(http:\/\/localhost:\d+\/taskpane\.html)/.exec(out);
  if (!secure?.[1] || !plain?.[1]) throw new Error(`URLs missing from: ${out}`);
  const ca = readFileSync(path.join(ROOT, ".certs", "ca.crt"), "utf8");
  expect(await get(secure[1], ca)).toEqual({ status: 200, body: PAGE });
  await expect(get(secure[1])).rejects.toThrow(/self[- ]signed|unable to (get|verify)/i);
  expect(await get(plain[1])).toEqual({ status: 200, body: PAGE });
  const manifest = readFileSync(path.join(dir, "manifest.xml"), "utf8");
  expect(manifest).toContain(`<SourceLocation DefaultValue="https://localhost:${secure[2]}/taskpane.html"/>`);
  expect(out).not.toMatch(/^\s*sideload|No desktop Excel/m);
});

test("--http-only serves plain HTTP on PORT, with no certificate or manifest work", async () => {
  const port = await freePort();
  const out = await start(["--dir", dir, "--http-only"], port);
  expect(out).not.toMatch(/https:\/\//);
  expect(await get(`http://localhost:${port}/taskpane.html`)).toEqual({ status: 200, body: PAGE });
  expect(() => readFileSync(path.join(dir, "manifest.xml"))).toThrow();
});

test("an unknown flag or a missing build is a one-line error with exit code 2", async () => {
  const run = (args: string[]) =>
    new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, "scripts/start.mjs"), ...args], { cwd: ROOT });
      let err = "";
      child.stderr.on("data", (c: Buffer) => (err += c.toString()));
      child.once("exit", (code) => resolve({ code, err }));
    });
  const bogus = await run(["--bogus"]);
  expect(bogus.code).toBe(2);
  expect(bogus.err).toMatch(/Unknown option '--bogus'/);
  const missing = await run(["--dir", path.join(dir, "nothing")]);
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/taskpane\.html is missing/);
});
