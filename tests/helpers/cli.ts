import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const BIN = path.join(ROOT, "bin", "zhibu.js");
/** The team's shared samples, beside the repository on a developer's machine. */
export const SHARED_SAMPLES = path.resolve(ROOT, "..", "shared", "samples");
/** The repository's copy of them, which CI (a bare clone) uses. */
export const SAMPLES = path.join(ROOT, "tests", "fixtures", "samples");

export function sample(name: string): string {
  return path.join(SAMPLES, name);
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI binary in a child process. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export function tempDir(prefix = "zhibu-test-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** An unreadable-input or usage failure: exit 2, nothing on stdout, one line on stderr mentioning `mention`, no stack. */
export function expectOneLineFailure(r: RunResult, mention: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(mention);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
}

/** GBK bytes for `text`, from a decoder round trip over the GBK double-byte range (tests only use common characters). */
export function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder("gbk");
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const b = table.get(ch);
      if (!b) throw new Error(`no GBK bytes for ${ch}`);
      bytes.push(...b);
    }
  }
  return Buffer.from(bytes);
}

/** Remembers `file` as it is now; the returned check fails when its bytes or its modification time changed. */
export function expectUntouched(file: string): () => void {
  const bytes = readFileSync(file);
  const mtime = statSync(file).mtimeMs;
  return () => {
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
  };
}
