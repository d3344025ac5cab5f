// Lets the pane bench require the TypeScript it measures (the Excel fake, the Office adapter, the engine) as it
// is, transpiled in memory by @swc/core (types stripped, CommonJS out). Require this file first.
"use strict";
const fs = require("node:fs");
const Module = require("node:module");
const swc = require("@swc/core");

const options = (filename) => ({
  filename,
  sourceMaps: "inline",
  module: { type: "commonjs" },
  jsc: {
    parser: { syntax: "typescript", tsx: filename.endsWith(".tsx") },
    target: "es2022",
    transform: { react: { runtime: "automatic" } },
  },
});

for (const ext of [".ts", ".tsx"]) {
  Module._extensions[ext] = function compileTs(module, filename) {
    const { code } = swc.transformSync(fs.readFileSync(filename, "utf8"), options(filename));
    module._compile(code, filename);
  };
}
