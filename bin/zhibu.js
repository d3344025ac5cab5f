#!/usr/bin/env node
"use strict";
let cli;
try {
  cli = require("../dist/cli/main.js");
} catch {
  process.stderr.write("zhibu: 尚未编译。请在项目目录运行 npm install（或 npm run build）后再试。\n");
  process.exit(2);
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
