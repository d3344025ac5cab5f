// Builds the test-only Office-mode page (tests/browser/office-page) into the directory given as argv[2], with the
// project's webpack config but its own entry, so the real pane runs against an in-page ExcelHost double.
// The project's webpack.config.js is only read, not changed. Usage: node tests/browser/build-office-page.js OUT
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const makeConfig = require("../../webpack.config.js");

const ROOT = path.resolve(__dirname, "../..");
const out = process.argv[2];
if (!out) throw new Error("usage: build-office-page.js OUT_DIR");
const base = makeConfig({}, { mode: "development" });
// The project's own page template and build-time constants, with the test entry instead of the pane's.
const projectPage = base.plugins.find((p) => p instanceof HtmlWebpackPlugin);
if (!projectPage) throw new Error("webpack.config.js has no HtmlWebpackPlugin");
const defines = base.plugins.filter((p) => p instanceof webpack.DefinePlugin);
const config = {
  ...base,
  context: ROOT,
  mode: "development",
  devtool: false,
  entry: { office: path.join(ROOT, "tests/browser/office-page/index.tsx") },
  output: { ...base.output, path: path.resolve(out), filename: "[name].js", clean: true },
  plugins: [
    ...defines,
    new HtmlWebpackPlugin({
      ...projectPage.userOptions,
      template: path.join(ROOT, "addin/taskpane/taskpane.html"),
      chunks: ["office"],
    }),
  ],
};
webpack(config, (err, stats) => {
  if (err || stats.hasErrors()) {
    console.error(err ?? stats.toString({ all: false, errors: true }));
    process.exit(1);
  }
});
