import { execFileSync } from "node:child_process";
import { join } from "node:path";

// Lints snippets as if they were files in the repo, with the repo's own eslint.config.mjs, through ESLint's
// Node API (new ESLint() + lintText). It runs in a child Node process because jest's module sandbox cannot
// load the ESM config file (dynamic import needs --experimental-vm-modules).
const ROOT = join(__dirname, "..");

interface Snippet {
  code: string;
  filePath: string;
}

const LINT_SCRIPT = `
const { ESLint } = require("eslint");
(async () => {
  const snippets = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const { code, filePath } of snippets) {
    const [result] = await eslint.lintText(code, { filePath });
    out.push(result.messages.map((m) => ({ ruleId: m.ruleId, fatal: !!m.fatal, message: m.message })));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
`;

function lintAll(snippets: Snippet[]): Array<Array<{ ruleId: string | null; fatal: boolean; message: string }>> {
  const stdout = execFileSync(process.execPath, ["-e", LINT_SCRIPT], {
    cwd: ROOT,
    input: JSON.stringify(snippets),
    encoding: "utf8",
  });
  return JSON.parse(stdout);
}

const CORE_FORBIDDEN = [
  'import ExcelJS from "exceljs";',
  'import { Workbook } from "exceljs/dist/es5";',
  'import type { Worksheet } from "exceljs";',
  'import { readFileSync } from "fs";',
  'import { readFile } from "fs/promises";',
  'import { join } from "node:path";',
  'import * as os from "os";',
  'import { createHash } from "crypto";',
  'import { Buffer } from "buffer";',
  'import { Worker } from "worker_threads";',
  'import { useState } from "react";',
  'import { createRoot } from "react-dom/client";',
  'import { Button } from "@fluentui/react-components";',
  'import "@microsoft/office-js";',
  'export { readFileSync } from "fs";',
];
const ADAPTER_ALLOWED = [
  'import ExcelJS from "exceljs";',
  'import { readFileSync } from "fs";',
  'import { join } from "node:path";',
];
const CORE_ALLOWED = [
  'import { cellAddress } from "./address";',
  'import { x } from "../core/fs";',
  'import { y } from "./path/join";',
  'import { z } from "reactive-lib";',
  'import { w } from "exceljs-like";',
].join("\n");

const snippets: Snippet[] = [
  ...CORE_FORBIDDEN.map((code) => ({ code, filePath: "src/core/x.ts" })),
  { code: 'import fs from "fs";', filePath: "src/core/rules/roster/x.ts" },
  ...ADAPTER_ALLOWED.map((code) => ({ code, filePath: "src/xlsx/x.ts" })),
  { code: CORE_ALLOWED, filePath: "src/core/x.ts" },
];

let results: ReturnType<typeof lintAll>;

beforeAll(() => {
  results = lintAll(snippets);
});

function restricted(index: number): string[] {
  const messages = results[index] ?? [];
  const fatal = messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`parse error: ${fatal.map((m) => m.message).join("; ")}`);
  return messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("src/core stays host-independent (eslint no-restricted-imports)", () => {
  it.each(CORE_FORBIDDEN.map((code, i) => [code, i] as const))("rejects %s in src/core/", (_code, i) => {
    const messages = restricted(i);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/host-independent/);
  });

  it("applies to nested folders of src/core/", () => {
    expect(restricted(CORE_FORBIDDEN.length)).toHaveLength(1);
  });

  it.each(ADAPTER_ALLOWED.map((code, i) => [code, CORE_FORBIDDEN.length + 1 + i] as const))(
    "allows %s in the exceljs adapter src/xlsx/",
    (_code, i) => {
      expect(restricted(i)).toEqual([]);
    },
  );

  it("allows core-internal imports and look-alike module names in src/core/", () => {
    expect(restricted(snippets.length - 1)).toEqual([]);
  });
});
