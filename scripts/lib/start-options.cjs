// Command-line options of `npm start` (scripts/start.mjs): `npm start -- --http-only` etc.
const { parseArgs } = require("node:util");

const USAGE = `用法 / usage: npm start [-- options]
  --http-only        只用 HTTP（独立网页），不生成证书，不旁加载 / plain HTTP only: no certificates, no sideloading
  --no-sideload      不把加载项注册到本机 Excel / do not register the add-in with desktop Excel
  --no-build         直接提供现有的 build/ / serve the existing build/ without rebuilding
  --dir <folder>     提供另一个已构建的文件夹（不构建）/ serve another built folder (no build)
  --officejs=cdn     在 Office 中从微软 CDN 加载 office.js（默认本地副本）/ load office.js from Microsoft's CDN
  -h, --help         显示本帮助 / show this help
环境变量 / env: PORT (默认 3000: HTTPS for Excel; the standalone HTTP page uses the next free port)`;

/** Parses start's arguments and env; throws an Error whose message is meant for the user. */
function parseStartOptions(argv, env = {}) {
  const { values } = parseArgs({
    args: argv,
    options: {
      "http-only": { type: "boolean", default: false },
      "no-sideload": { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      dir: { type: "string" },
      officejs: { type: "string", default: "local" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.officejs !== "local" && values.officejs !== "cdn") {
    throw new Error(`--officejs must be "local" or "cdn", got "${values.officejs}"`);
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be 1-65535, got "${env.PORT}"`);
  return {
    help: values.help,
    https: !values["http-only"],
    sideload: !values["http-only"] && !values["no-sideload"],
    build: !values["no-build"] && values.dir === undefined,
    dir: values.dir ?? null,
    officejs: values.officejs,
    port,
  };
}

/** webpack-cli arguments for a production build with these options. */
function webpackArgs(options) {
  return ["--mode", "production", ...(options.officejs === "cdn" ? ["--env", "officejs=cdn"] : [])];
}

module.exports = { parseStartOptions, webpackArgs, USAGE };
