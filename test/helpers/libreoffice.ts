import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseCsv } from "../../src/sheets/csv";
import JSZip from "jszip";

/** LibreOffice must be installed (.ci/run installs libreoffice-calc); without it these checks fail, not skip. */
export function soffice(): string {
  const found = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"].find((p) => existsSync(p));
  if (!found) throw new Error("LibreOffice is not installed: apt-get install -y --no-install-recommends libreoffice-calc");
  return found;
}

/**
 * Converts a file with headless LibreOffice, which recalculates every formula on load. Each call has its own
 * user profile, so parallel test workers do not fight over one.
 */
export function convert(file: string, to: string, outDir = mkdtempSync(join(tmpdir(), "im-lo-"))): string {
  const profile = mkdtempSync(join(tmpdir(), "im-lo-profile-"));
  execFileSync(soffice(), [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", to, "--outdir", outDir, file], {
    timeout: 180_000,
    stdio: "pipe",
  });
  const ext = to.split(":")[0]!;
  const out = join(outDir, basename(file).replace(/\.[^.]+$/, `.${ext}`));
  if (!existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}

/** The first sheet of a workbook as CSV rows (UTF-8, comma-separated, quotes as in RFC 4180). */
export function recalculatedCsv(xlsx: string, asShown = true): string[][] {
  // Token 9 of the filter options: cell contents as shown (formatted) or as stored (full precision).
  const csv = convert(xlsx, `csv:Text - txt - csv (StarCalc):44,34,76${asShown ? "" : ",1,,0,false,true,false"}`);
  return parseCsv(readFileSync(csv, "utf8"));
}


/**
 * One sheet of a workbook, recalculated by LibreOffice, as CSV rows of stored values (full precision): token 12 of
 * the CSV filter names the sheet by its position (LibreOffice 7.2 and later), found here from the workbook's parts.
 */
export async function recalculatedSheetCsv(xlsx: string, sheet: string): Promise<string[][]> {
  const zip = await JSZip.loadAsync(readFileSync(xlsx));
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const unescape = (t: string) => t.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const names = [...workbook.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => unescape(m[1]!));
  const at = names.indexOf(sheet);
  if (at < 0) throw new Error(`no sheet “${sheet}” in ${xlsx} (sheets: ${names.join(", ")})`);
  const dir = mkdtempSync(join(tmpdir(), "im-lo-sheet-"));
  const profile = mkdtempSync(join(tmpdir(), "im-lo-profile-"));
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${at + 1}`;
  execFileSync(soffice(), [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", dir, xlsx], { timeout: 180_000, stdio: "pipe" });
  const file = join(dir, `${basename(xlsx).replace(/\.[^.]+$/, "")}-${sheet}.csv`);
  if (!existsSync(file)) throw new Error(`LibreOffice did not write ${file}`);
  return parseCsv(readFileSync(file, "utf8"));
}
