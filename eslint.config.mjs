// ESLint 9 flat config. `npm run lint` = `eslint .`
import { builtinModules } from "node:module";
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

// src/core/ is the host-independent engine (SPEC §8): it runs unchanged in Excel, in the browser and under
// Node, so it must not import an adapter's world. Adapters live in src/xlsx/, src/cli/ and addin/.
const NODE_BUILTINS = [
  ...new Set([
    ...builtinModules.filter((m) => !m.startsWith("_")).map((m) => m.split("/")[0]),
    // Listed explicitly as well, so the rule does not depend on the running Node version.
    ...["fs", "path", "os", "child_process", "stream", "zlib", "url", "util", "crypto", "buffer", "process"],
    ...["http", "https", "events", "worker_threads"],
  ]),
];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const CORE_FORBIDDEN = new RegExp(
  "^(?:node:.*" +
    "|exceljs(?:/.*)?" +
    "|react(?:-dom)?(?:/.*)?" +
    "|@fluentui/.*" +
    "|@microsoft/office-js(?:/.*)?" +
    `|(?:${NODE_BUILTINS.map(escape).join("|")})(?:/.*)?` +
    ")$",
).source;
const CORE_MESSAGE =
  "src/core must stay host-independent (no exceljs, React/Fluent UI, Office.js or Node built-ins): " +
  "pass plain data in from an adapter (src/xlsx, src/cli, addin) instead.";

// eslint-plugin-office-addins' own presets also switch on prettier-as-a-lint-rule and bring their own
// typescript-eslint parser, so only its rules are taken here and enabled explicitly.
const OFFICE_RULES = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "warn",
  "office-addins/no-navigational-load": "warn",
  "office-addins/no-office-initialize": "warn",
  "office-addins/test-for-null-using-isNullObject": "error",
};

export default defineConfig([
  globalIgnores([
    "dist/",
    "build/",
    "node_modules/",
    "scratch/",
    "test-output/",
    "coverage/",
    "schemas/",
    "**/*.min.js",
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      // Chinese text legitimately uses U+3000 (ideographic space) in strings, templates, comments and regexes.
      "no-irregular-whitespace": [
        "error",
        { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true },
      ],
    },
  },
  {
    // Tests match terminal output, e.g. ANSI colour codes (/\u001b\[31m/).
    files: ["tests/**"],
    rules: { "no-control-regex": "off" },
  },
  {
    // Plain JavaScript run by Node: build scripts, configs, bin/, bench/, test setup.
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["addin/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "office-addins": officeAddins },
    rules: OFFICE_RULES,
  },
  {
    files: ["src/core/**/*.{ts,tsx,js,mjs,cjs}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: CORE_FORBIDDEN, message: CORE_MESSAGE }] }],
    },
  },
]);
