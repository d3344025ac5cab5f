// Runs a Node script (argv[2]) with the remaining args, then reports its peak RSS on stderr as a marker line.
"use strict";
const path = require("node:path");
const script = path.resolve(process.argv[2]);
process.argv = [process.argv[0], script, ...process.argv.slice(3)];
process.on("exit", () => {
  process.stderr.write(`\n@@maxrss ${process.resourceUsage().maxRSS}\n`);
});
require(script);
