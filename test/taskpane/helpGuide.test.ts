/** @file The user guide (help.html) keeps step with the pane: a section per tab of SCREENS, every status with its colours, both languages, self-contained, readable at 320 px. */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { UI, type UiKey } from "../../src/taskpane/strings";
import { STATUS_VOCABULARY } from "../../src/evaluate/vocabulary";
import { TASK_STATUS_LABELS } from "../../src/evaluate/taskStatus";
import { PACE_VOCABULARY } from "../../src/evaluate/pace";
import { REPORTING_LABELS } from "../../src/evaluate/reporting";

const ROOT = resolve(__dirname, "../..");
const GUIDE_FILE = join(ROOT, "src/taskpane/help.html");
const GUIDE = readFileSync(GUIDE_FILE, "utf8");
const APP = readFileSync(join(ROOT, "src/taskpane/App.tsx"), "utf8");

/** The pane's tabs as App.tsx lists them in SCREENS (key, short and full label keys, screen component). */
function screens(): { key: string; short: UiKey; full: UiKey; component: string }[] {
  const block = /const SCREENS\b[^=]*=\s*\[([\s\S]*?)\n\];/.exec(APP)?.[1];
  if (!block) throw new Error("SCREENS not found in App.tsx");
  const entries = block.split("\n").filter((l) => /\bkey:\s*"/.test(l));
  return entries.map((line) => {
    const get = (field: string) => new RegExp(`\\b${field}:\\s*"?([\\w]+)"?`).exec(line)?.[1];
    const [key, short, full, component] = [get("key"), get("short"), get("full"), get("Screen")];
    if (!key || !short || !full || !component) throw new Error(`cannot read the SCREENS entry: ${line.trim()}`);
    return { key, short: short as UiKey, full: full as UiKey, component };
  });
}

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

/** Elements carrying lang="…" (the guide never nests an element in one of the same tag). */
const LANG_ELEMENT = /<(div|span|small|p|li|td)\b[^>]*\blang="(vi|en)"[^>]*>([\s\S]*?)<\/\1>/g;

/** A section's Vietnamese text (everything but its English parts) and its English text. */
function section(id: string): { html: string; vi: string; en: string } {
  const html = new RegExp(`<section id="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(GUIDE)?.[1];
  if (html === undefined) throw new Error(`no section #${id} in help.html`);
  const en = [...html.matchAll(LANG_ELEMENT)].filter((m) => m[2] === "en").map((m) => decode(m[3]!));
  const vi = decode(html.replace(LANG_ELEMENT, (whole, _tag, lang: string) => (lang === "en" ? " " : whole)));
  return { html, vi, en: en.join(" ") };
}

const sectionIds = () => [...GUIDE.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]!);
const plain = (s: string) => s.replace(/\s*\{\w+\}\s*/g, " ").trim();

describe("the user guide (help.html)", () => {
  const tabs = screens();

  it("reads the pane's tabs from SCREENS", () => {
    expect(tabs.map((t) => t.key)).toEqual(expect.arrayContaining(["load", "check", "refresh", "cycle", "print"]));
  });

  it.each(tabs.map((t) => [t.key, t] as const))("has a section for the tab “%s”, named as the pane names it, in Vietnamese and English", (_key, tab) => {
    const s = section(`tab-${tab.key}`);
    for (const k of [tab.short, tab.full]) {
      expect(s.vi).toContain(UI[k].vi);
      expect(s.en).toContain(UI[k].en);
    }
    expect(GUIDE).toContain(`href="#tab-${tab.key}"`);
    // The buttons of the tab's screen, by their labels.
    const file = join(ROOT, "src/taskpane/screens", `${tab.component}.tsx`);
    const code = existsSync(file) ? readFileSync(file, "utf8") : "";
    const found = [...code.matchAll(/<Button\b(?:(?!<\/?Button\b)[\s\S])*?>\s*\{t\(lang, "(\w+)"/g)].map((m) => m[1] as UiKey);
    if (/<Button\b/.test(code)) expect(found.length).toBeGreaterThan(0);
    const buttons = found.filter((k) => k in UI && !UI[k].vi.includes("{"));
    for (const k of buttons) {
      expect(s.vi).toContain(plain(UI[k].vi));
      expect(s.en).toContain(plain(UI[k].en));
    }
  });

  it("shows every status of the vocabulary with its symbol and colours, in both languages", () => {
    const s = section("statuses");
    for (const st of Object.values(STATUS_VOCABULARY)) {
      expect(s.vi).toContain(`${st.symbol} ${st.vi}`);
      expect(s.en).toContain(`${st.symbol} ${st.en}`);
      expect(s.html).toContain(`style="background:#${st.fill};color:#${st.font}">${st.symbol} ${st.vi}</span>`);
      expect(s.html).toContain(`style="background:#${st.fill};color:#${st.font}">${st.symbol} ${st.en}</span>`);
    }
    for (const p of [PACE_VOCABULARY.on_track, PACE_VOCABULARY.behind]) {
      expect(s.vi).toContain(`${p.symbol} ${p.vi}`);
      expect(s.en).toContain(`${p.symbol} ${p.en}`);
    }
    for (const st of Object.values(TASK_STATUS_LABELS)) {
      expect(s.vi).toContain(`${st.symbol} ${st.vi}`);
      expect(s.en).toContain(`${st.symbol} ${st.en}`);
      expect(s.html).toContain(`style="background:#${st.fill};color:#${st.font}">${st.symbol} ${st.vi}</span>`);
    }
  });

  it("explains the monthly cycle with the reporting statuses, refreshing, restoring, printing, invalid input, Excel versions and the workbook without the add-in", () => {
    const cycle = section("monthly");
    for (const r of Object.values(REPORTING_LABELS)) {
      expect(cycle.vi).toContain(r.vi);
      expect(cycle.en).toContain(r.en);
    }
    const invalid = section("invalid");
    for (const text of ["95,1", "1.462,8", "ước đạt 7,1%", "Ghi chú", STATUS_VOCABULARY.invalid.vi]) expect(invalid.vi).toContain(text);
    for (const text of ["95,1", "1.462,8", "ước đạt 7,1%", "Ghi chú", STATUS_VOCABULARY.invalid.en]) expect(invalid.en).toContain(text);
    expect(section("revised").vi).toContain("Không còn trong kế hoạch");
    expect(section("restore").vi).toContain("thu phiếu");
    expect(section("restore").en).toContain("collect");
    // Every ExcelApi version of the README's table.
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const rows = readme.split("\n").filter((l) => /^\| .* \| (\d\.\d+|) /.test(l));
    const versions = rows.map((l) => l.split("|")[2]!.trim().split(" ")[0]!).filter(Boolean);
    expect(versions.length).toBeGreaterThanOrEqual(4);
    const excel = section("excel");
    for (const v of versions) {
      expect(excel.vi).toContain(v);
      expect(excel.en).toContain(v);
    }
    for (const id of ["printing", "without"]) {
      expect(section(id).vi.length).toBeGreaterThan(200);
      expect(section(id).en.length).toBeGreaterThan(200);
    }
  });

  it("has every section in both languages, each in the table of contents", () => {
    const ids = sectionIds();
    expect(ids.length).toBeGreaterThanOrEqual(tabs.length + 8);
    for (const id of ids) {
      const s = section(id);
      expect(s.html).toMatch(/<div lang="vi">/);
      expect(s.html).toMatch(/<div lang="en">/);
      expect(GUIDE).toContain(`href="#${id}"`);
    }
  });

  it("is linked from the pane (Hướng dẫn / Help), opening in a window of its own", () => {
    expect(APP).toMatch(/<a href="help\.html" target="_blank"[^>]*>\s*\{t\(lang, "help"\)\}/);
    expect(UI.help).toEqual({ vi: "Hướng dẫn", en: "Help" });
  });

  it("loads nothing from elsewhere (no script, stylesheet, image or web address)", () => {
    expect(GUIDE).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(GUIDE).not.toMatch(/(src|href)="(?!#)/i);
    expect(GUIDE).not.toMatch(/https?:\/\//);
  });

  it("reads at 320 px without sideways scrolling (Chromium)", async () => {
    const path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
    if (!path) throw new Error("Chromium is not installed: apt-get install -y --no-install-recommends chromium");
    const browser = await chromium.launch({ executablePath: path, args: ["--no-sandbox", "--disable-gpu"] });
    try {
      const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
      await page.goto(pathToFileURL(GUIDE_FILE).href);
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
      expect(widths.page).toBeLessThanOrEqual(320);
      expect(widths.body).toBeLessThanOrEqual(320);
      // Wide tables scroll inside their own box; nothing else is wider than the window.
      const wide = await page.evaluate(() =>
        Array.from(document.querySelectorAll("body *"))
          .filter((e) => !e.closest("table") && e.getBoundingClientRect().right > 320.5)
          .map((e) => e.tagName),
      );
      expect(wide).toEqual([]);
      mkdirSync(join(ROOT, "out"), { recursive: true });
      await page.screenshot({ path: join(ROOT, "out/help-320.png"), fullPage: true });
      await page.emulateMedia({ media: "print" });
      expect(await page.evaluate(() => getComputedStyle(document.querySelector("nav")!).display)).toBe("none");
    } finally {
      await browser.close();
    }
  }, 60_000);
});
