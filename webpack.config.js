const path = require("node:path");

/**
 * Production bundles for the browser. Today: the pure core as an ES module library (proof that nothing in
 * parse/model needs Node, and that it tree-shakes). The task pane entry (dist/taskpane.html and its
 * scripts) joins here with the add-in; budgets keep the pane small inside Excel.
 */
module.exports = (_env, argv) => ({
  mode: argv.mode ?? "production",
  entry: { "indicator-monitor-core": "./src/index.ts" },
  target: ["web", "es2022"],
  experiments: { outputModule: true },
  output: {
    path: path.resolve(__dirname, "dist"),
    filename: "[name].js",
    library: { type: "module" },
    clean: true,
  },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [{ test: /\.tsx?$/, loader: "ts-loader", exclude: /node_modules/, options: { transpileOnly: true } }],
  },
  devtool: "source-map",
  performance: { hints: "error", maxAssetSize: 350 * 1024, maxEntrypointSize: 350 * 1024, assetFilter: (f) => f.endsWith(".js") },
});
