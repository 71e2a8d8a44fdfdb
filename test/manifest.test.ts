import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const SCHEMA = resolve(ROOT, "test/schemas/manifest/OfficeAppManifestV1_1.xsd");
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");

function validate(file: string): { ok: boolean; output: string } {
  const p = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });
  return { ok: p.status === 0, output: `${p.stdout}${p.stderr}` };
}

describe("the add-in manifest", () => {
  test("validates offline against the Office add-in manifest schemas", () => {
    expect(existsSync(SCHEMA)).toBe(true);
    expect(validate(join(ROOT, "manifest.xml"))).toEqual({ ok: true, output: expect.stringContaining("validates") });
  });

  test("`npm run validate` runs the same check", () => {
    expect(execFileSync("npm", ["run", "-s", "validate"], { cwd: ROOT, encoding: "utf8", stdio: "pipe" })).toBe("");
  });

  test("a manifest that breaks the schema fails the check", () => {
    const broken = join(mkdtempSync(join(tmpdir(), "im-manifest-")), "manifest.xml");
    writeFileSync(broken, MANIFEST.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>EverythingPlease</Permissions>"));
    expect(validate(broken).ok).toBe(false);
  });

  test("is a Vietnamese task-pane add-in for Excel with English overrides and ReadWriteDocument", () => {
    expect(MANIFEST).toContain('xsi:type="TaskPaneApp"');
    expect(MANIFEST).toContain("<DefaultLocale>vi-VN</DefaultLocale>");
    expect(MANIFEST).toContain('<DisplayName DefaultValue="Theo dõi chỉ tiêu">');
    expect(MANIFEST).toContain('<Override Locale="en-US" Value="Indicator Monitor"/>');
    expect(MANIFEST).toContain('<Host Name="Workbook"/>');
    expect(MANIFEST).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(MANIFEST).toContain('<OfficeTab id="TabHome">');
    const strings = [...MANIFEST.matchAll(/<bt:String id="([^"]+)"[^>]*>\s*<bt:Override Locale="en-US"/g)].map((m) => m[1]);
    const all = [...MANIFEST.matchAll(/<bt:String id="([^"]+)"/g)].map((m) => m[1]);
    expect(strings).toEqual(all);
  });

  test("its support link and the Get Started “learn more” link open the user guide, which the build puts beside the pane", async () => {
    expect(/<SupportUrl DefaultValue="([^"]+)"\/>/.exec(MANIFEST)?.[1]).toBe("https://localhost:3000/help.html");
    const learnMore = /<LearnMoreUrl resid="([^"]+)"\/>/.exec(MANIFEST)?.[1];
    expect(new RegExp(`<bt:Url id="${learnMore}" DefaultValue="https://localhost:3000/help.html"/>`).test(MANIFEST)).toBe(true);
    // webpack.config.js builds dist/help.html from the guide (and rewrites the manifest's https://localhost:3000).
    const build = ((await import(join(ROOT, "webpack.config.js"))) as { default: (env: unknown, argv: { mode: string }) => Promise<{ plugins: { userOptions?: { filename?: string; template?: string } }[] }> }).default;
    const config = await build({}, { mode: "production" });
    const help = config.plugins.find((p) => p.userOptions?.filename === "help.html");
    expect(resolve(ROOT, help?.userOptions?.template ?? "")).toBe(join(ROOT, "src/taskpane/help.html"));
    expect(readFileSync(join(ROOT, "src/taskpane/help.html"), "utf8")).toContain('<html lang="vi">');
  });

  test("every icon it names is in assets/ at its size, and every URL is on https://localhost:3000", () => {
    const icons = [...MANIFEST.matchAll(/https:\/\/localhost:3000\/assets\/(icon-(\d+)\.png)/g)];
    expect(new Set(icons.map((m) => m[2]))).toEqual(new Set(["16", "32", "64", "80"]));
    for (const [, file, size] of icons) {
      const png = readFileSync(join(ROOT, "assets", file!));
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
    for (const [url] of MANIFEST.matchAll(/https?:\/\/[^"<\s]+/g)) {
      if (url.startsWith("http://schemas.") || url.startsWith("http://www.w3.org")) continue;
      expect(url).toMatch(/^https:\/\/localhost:3000(\/|$)/);
    }
  });
});
