// Builds the task pane (addin/) into build/: taskpane.html + bundle, icons, manifest.xml, and a local copy of
// @microsoft/office-js so the page never loads anything from a CDN. `npm start` runs this, then serves build/.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const officeJsDist = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

/** @returns {import("webpack").Configuration} */
module.exports = (_env, argv) => {
  const production = argv.mode !== "development";
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
      new HtmlWebpackPlugin({
        template: "./addin/taskpane/taskpane.html",
        filename: "taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          {
            // office.js loads its host- and locale-specific files relative to its own URL, so the whole dist
            // folder is copied (minus debug builds and typings, to keep build/ small).
            from: officeJsDist,
            to: "office-js",
            globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts", "**/office-vsdoc.js"] },
            // Already minified by Microsoft; without this Terser re-minifies ~25 MB and the build takes minutes.
            info: { minimized: true },
          },
        ],
      }),
    ],
    // The pane is served locally, not over the internet; office.js alone is larger than webpack's web budget.
    performance: { hints: false },
  };
};
