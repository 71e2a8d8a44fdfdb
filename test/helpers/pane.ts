/**
 * @file The task pane in headless Chromium outside Excel (preview mode), for the persona tests: the production
 * build (made here, or reused from IM_PANE_DIST), served on loopback, the Office.js CDN answered by a stub.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

const ROOT = resolve(__dirname, "../..");
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".xml": "application/xml" };

export interface PaneServer {
  browser: Browser;
  /** A new context at this viewport, on the pane, waiting until the preview is ready. */
  open(width: number, height: number, downloads?: boolean): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** Builds the pane (unless IM_PANE_DIST names a production build made already), serves it, launches Chromium. */
export async function startPane(): Promise<PaneServer> {
  if (!CHROMIUM) throw new Error("Chromium is not installed: apt-get install -y --no-install-recommends chromium");
  const dist = process.env.IM_PANE_DIST ?? mkdtempSync(join(tmpdir(), "im-persona-dist-"));
  if (!process.env.IM_PANE_DIST) execFileSync(process.execPath, [join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--output-path", dist], { cwd: ROOT, stdio: "pipe" });
  const server: Server = createServer((req, res) => {
    const path = join(dist, decodeURIComponent((req.url ?? "/").split("?")[0]!));
    if (!path.startsWith(dist) || !existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(readFileSync(path));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return {
    browser,
    open: async (width, height, downloads = false) => {
      const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: downloads });
      const page = await context.newPage();
      await page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: "/* Office.js stub: outside Office */" }));
      await page.goto(`${base}/taskpane.html`);
      await page.waitForSelector('body[data-ready="preview"]', { timeout: 20_000 });
      return { context, page };
    },
    close: async () => {
      await browser.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Whether the page scrolls sideways (it must not at Excel's pane width). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
