import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
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
