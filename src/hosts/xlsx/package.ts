import JSZip from "jszip";
import { guardPackage } from "./guard";
import type { Inflate } from "./unzip";

/**
 * Workbooks saved by other programs, made readable by ExcelJS at our boundary (node_modules is never patched).
 *
 * An .xlsx is an OPC package (ECMA-376 Part 2): parts named by absolute paths ("/xl/worksheets/sheet1.xml"), and
 * relationships whose Target is a URI resolved against the source part — relative ("worksheets/sheet1.xml",
 * Excel's and LibreOffice's way) or absolute ("/xl/worksheets/sheet1.xml": openpyxl, several .NET and Python
 * writers). ExcelJS 4.4 handles only the relative form: with absolute targets it finds no sheet, names them
 * "Sheet2"…, and crashes on the styles. Here every internal Target is rewritten relative to its source part, and
 * zip entries named with a leading "/" or "\" lose it; nothing else in the package changes. Where nothing needs
 * rewriting the bytes are returned as they are.
 */
export interface Normalized {
  bytes: Uint8Array;
  /** What was rewritten, for a notice: "xl/_rels/workbook.xml.rels: /xl/worksheets/sheet1.xml → worksheets/sheet1.xml". */
  rewritten: string[];
}

/** The folder a relationships part speaks for: "xl/_rels/workbook.xml.rels" → "xl/", "_rels/.rels" → "". */
function sourceFolder(relsPath: string): string {
  const m = /^(.*?)_rels\/[^/]*\.rels$/.exec(relsPath);
  return m ? m[1]! : "";
}

/** `to` (a package path without the leading "/") relative to the folder `from` ("xl/" or ""). */
export function relativeTo(from: string, to: string): string {
  const a = from.split("/").filter(Boolean);
  const b = to.split("/").filter(Boolean);
  let k = 0;
  while (k < a.length && k < b.length - 1 && a[k] === b[k]) k++;
  return [...Array.from({ length: a.length - k }, () => ".."), ...b.slice(k)].join("/");
}

/**
 * The package made readable by ExcelJS, after it is checked against the bounds of an untrusted file (guard.ts:
 * a PackageRefused error names the part and the reason). `inflate` is the platform's (Node's zlib in the CLI).
 */
export async function normalizePackage(bytes: Uint8Array, inflate?: Inflate): Promise<Normalized> {
  await guardPackage(bytes, inflate);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { bytes, rewritten: [] }; // not a zip: ExcelJS says so in its own words
  }
  const rewritten: string[] = [];
  // Entries named "/xl/…" or "\xl\…".
  for (const name of Object.keys(zip.files)) {
    if (!/^[/\\]/.test(name) && !name.includes("\\")) continue;
    const fixed = name.replace(/\\/g, "/").replace(/^\/+/, "");
    const file = zip.files[name]!;
    if (!file.dir) zip.file(fixed, await file.async("uint8array"));
    zip.remove(name);
    rewritten.push(`${name} → ${fixed}`);
  }
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".rels") && !zip.files[n]!.dir)) {
    const xml = await zip.files[name]!.async("string");
    const folder = sourceFolder(name);
    let changed = false;
    const out = xml.replace(/<Relationship\b[^>]*>/g, (tag) => {
      if (/\bTargetMode\s*=\s*["']External["']/.test(tag)) return tag;
      return tag.replace(/\bTarget\s*=\s*(["'])\/([^"']*)\1/, (_, q: string, path: string) => {
        changed = true;
        const relative = relativeTo(folder, path);
        rewritten.push(`${name}: /${path} → ${relative}`);
        return `Target=${q}${relative}${q}`;
      });
    });
    if (changed) zip.file(name, out);
  }
  if (rewritten.length === 0) return { bytes, rewritten };
  return { bytes: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), rewritten };
}
