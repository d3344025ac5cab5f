// Builds the task pane (addin/) into build/: taskpane.html + bundle, icons, manifest.xml, and a local copy of
// @microsoft/office-js so the page never loads anything from a CDN. `npm start` runs this, then serves build/.
//
// `--env officejs=cdn` (e.g. `npm run build -- --env officejs=cdn`) instead makes the pane load office.js from
// Microsoft's CDN inside Office, opens the page's CSP to that one origin, and leaves the local copy out.
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const officeJsDist = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** "local" (default) or "cdn", from `--env officejs=…`. */
function officeJsSource(env) {
  const value = (env && env.officejs) || "local";
  if (value !== "local" && value !== "cdn") throw new Error(`--env officejs must be "local" or "cdn", got "${value}"`);
  return value;
}

/** @returns {import("webpack").Configuration} */
module.exports = (env, argv) => {
  const production = argv.mode !== "development";
  const cdn = officeJsSource(env) === "cdn";
  const cdnOrigin = new URL(OFFICE_JS_CDN).origin;
  return {
    mode: production ? "production" : "development",
    entry: { taskpane: "./addin/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "build"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    devtool: production ? false : "source-map",
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            // Type checking is `npm run typecheck`; here we only transpile. ES modules let webpack tree-shake
            // Fluent UI (tsconfig.json itself emits CommonJS for the CLI).
            transpileOnly: true,
            configFile: path.resolve(__dirname, "tsconfig.json"),
            compilerOptions: { module: "esnext", sourceMap: !production },
          },
        },
      ],
    },
    plugins: [
      // Read by addin/taskpane/office-loader.ts; unset means the local copy.
      new webpack.DefinePlugin({ __OFFICE_JS_URL__: JSON.stringify(cdn ? OFFICE_JS_CDN : "office-js/office.js") }),
      new HtmlWebpackPlugin({
        template: "./addin/taskpane/taskpane.html",
        filename: "taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
        templateParameters: {
          officeJsNote: cdn ? `from Microsoft's CDN (${OFFICE_JS_CDN})` : "from the local copy in office-js/",
          officeJsOrigin: cdn ? ` ${cdnOrigin}` : "",
        },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          ...(cdn
            ? []
            : [
                {
                  // office.js loads its host- and locale-specific files relative to its own URL, so the whole dist
                  // folder is copied (minus debug builds and typings, to keep build/ small).
                  from: officeJsDist,
                  to: "office-js",
                  globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts", "**/office-vsdoc.js"] },
                  // Already minified by Microsoft; without this Terser re-minifies ~25 MB and the build takes minutes.
                  info: { minimized: true },
                },
              ]),
        ],
      }),
    ],
    // The pane is served locally, not over the internet; office.js alone is larger than webpack's web budget.
    performance: { hints: false },
  };
};
