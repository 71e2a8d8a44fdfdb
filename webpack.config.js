const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

/**
 * The task pane, as the Office add-in templates build it: dist/taskpane.html and its scripts, commands.html
 * (the manifest's FunctionFile), help.html, the icons and the manifest. In production the manifest's
 * https://localhost:3000 becomes ADDIN_PUBLIC_URL when that is set. ExcelJS is a lazy chunk, loaded only when
 * the preview downloads a workbook; the budgets below hold the pane's own JavaScript.
 */
const DEV_URL = "https://localhost:3000";

const SIDELOAD = `
Theo dõi chỉ tiêu chạy tại https://localhost:3000/taskpane.html — nạp thử vào Excel (sideload) bằng manifest.xml:
  • Excel trên web: Trang đầu › Phần bổ trợ › Thêm phần bổ trợ khác › Tải lên phần bổ trợ của tôi › chọn manifest.xml
  • Windows: chia sẻ thư mục chứa manifest.xml, thêm vào Tệp › Tùy chọn › Trung tâm tin cậy › Danh mục phần bổ trợ tin cậy, rồi Chèn › Phần bổ trợ của tôi › Thư mục dùng chung
  • Mac: chép manifest.xml vào ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ rồi mở lại Excel
The add-in is served at https://localhost:3000/taskpane.html; sideload manifest.xml (Excel on the web: Home › Add-ins ›
More add-ins › Upload my add-in; Windows: a trusted shared-folder catalog; Mac: the wef folder above).
`;

module.exports = async (env, argv) => {
  const mode = argv.mode ?? "production";
  const publicUrl = (process.env.ADDIN_PUBLIC_URL ?? DEV_URL).replace(/\/$/, "");
  // npm start: https with the Office dev certificates; npm run preview: plain http for a browser without Excel.
  const preview = Boolean(env?.preview);
  const devServer =
    mode === "development"
      ? {
          port: 3000,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: preview ? { type: "http" } : { type: "https", options: await require("office-addin-dev-certs").getHttpsServerOptions() },
          static: { directory: path.resolve(__dirname, "dist") },
          onListening: () => process.stdout.write(preview ? "\nXem thử / preview: http://localhost:3000/taskpane.html\n" : SIDELOAD),
        }
      : undefined;
  return {
    mode,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    target: ["web", "es2020"],
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].[contenthash:8].js", chunkFilename: "[name].[contenthash:8].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        { test: /\.tsx?$/, loader: "ts-loader", exclude: /node_modules/, options: { transpileOnly: true } },
        { test: /\.txt$/, type: "asset/source" },
      ],
    },
    devtool: mode === "development" ? "eval-source-map" : "source-map",
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: [] }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/taskpane/help.html", chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => content.toString().split(DEV_URL).join(publicUrl) },
        ],
      }),
    ],
    optimization: { splitChunks: { chunks: "async" } },
    performance: {
      hints: mode === "production" ? "error" : false,
      // Uncompressed bytes of the pane's initial JavaScript (the lazy ExcelJS chunk is not counted);
      // the gzipped size is measured by npm run bench (taskpane_js_gzip_kb, goal ≤ 350 KB).
      maxEntrypointSize: 1400 * 1024,
      maxAssetSize: 1400 * 1024,
      assetFilter: (file) => file.endsWith(".js") && !/xlsx-host|exceljs/.test(file),
    },
    devServer,
  };
};
