import { inflateRawSync } from "node:zlib";
import type { WorkbookSnapshot } from "../../sheets/existing";
import { inflateEntrySync, zipEntries, type ZipEntry } from "./unzip";
import { readRelationships, readSharedStrings, readStyleKinds, readWorkbookPart } from "./xmlScan";
import { readSheetRows } from "./sheetXml";
import { inflateBudget, INFLATE_CAPS, type InflateCaps } from "./unsafe";

/**
 * The snapshot of an .xlsx read straight from its parts (Node only: zlib inflates them), for the large reads of a
 * refresh or a collect — the values a person sees, as `snapshotOfFile` gives them through ExcelJS's streaming
 * reader, many times faster: a number in a percentage format in points, a number in a date format as its day
 * ("2025-06-30", as ExcelJS turns it into a Date), a formula as its text without "=" and "_xlfn.", text with its
 * rich runs joined, hidden rows, hidden sheets. Part names are resolved from the relationships whether the
 * writer made them relative (Excel, LibreOffice) or absolute (openpyxl). Where a workbook holds what this reader
 * does not take — shared formulas (Excel's fill-down writes formulas once for a block), the 1904 date system, a
 * package it cannot follow — it returns null and the caller reads with ExcelJS. A test compares both readers on
 * workbooks of every writer the project meets.
 *
 * The bytes are untrusted (forms come back by e-mail): every part inflates with a cap (unsafe.ts), rows and
 * cells past Excel's grid are refused, and the XML is tokenized in one linear pass (xmlScan.ts, sheetXml.ts) —
 * a cell inside an XML comment is no cell. A refusal is a PackageRefused error naming the part and the reason.
 */
/** Raw inflate with Node's zlib, stopping once the output passes the cap (ERR_BUFFER_TOO_LARGE). */
export const zlibInflate = (data: Uint8Array, cap: number): Uint8Array => inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });

/** A part's path from a relationship's target: relative to the folder of the part that names it, or absolute. */
function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

export function fastSnapshot(bytes: Uint8Array, caps: InflateCaps = INFLATE_CAPS): WorkbookSnapshot | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const budget = inflateBudget(caps);
  const part = (name: string): Uint8Array | null => {
    const e: ZipEntry | undefined = entries.get(name);
    if (!e) return null;
    const out = inflateEntrySync(bytes, e, zlibInflate, caps);
    budget.spend(name, out.length);
    return out;
  };
  const rootRels = part("_rels/.rels");
  const main = rootRels ? readRelationships(rootRels, "_rels/.rels").find((r) => /officeDocument$/.test(r.type)) : undefined;
  const workbookPath = main ? resolve("", main.target || "xl/workbook.xml") : "xl/workbook.xml";
  const workbookXml = part(workbookPath);
  if (!workbookXml) return null;
  const workbook = readWorkbookPart(workbookXml, workbookPath);
  if (workbook.date1904) return null;
  const folder = workbookPath.includes("/") ? workbookPath.slice(0, workbookPath.lastIndexOf("/")) : "";
  const relsPath = `${folder ? `${folder}/` : ""}_rels/${workbookPath.split("/").pop()}.rels`;
  const relsXml = part(relsPath);
  const targets = new Map<string, { type: string; target: string }>();
  for (const r of relsXml ? readRelationships(relsXml, relsPath) : []) targets.set(r.id, { type: r.type, target: resolve(folder, r.target) });
  const partOf = (suffix: string) => [...targets.values()].find((t) => t.type.endsWith(suffix))?.target;
  const sstPath = partOf("/sharedStrings");
  const sst = sstPath ? part(sstPath) : null;
  const strings = sst ? readSharedStrings(sst, sstPath) : [];
  const stylesPath = partOf("/styles");
  const kinds = readStyleKinds(stylesPath ? part(stylesPath) : null, stylesPath);
  const sheets: WorkbookSnapshot["sheets"] = [];
  for (const s of workbook.sheets) {
    const target = targets.get(s.id);
    if (!target || !target.type.endsWith("/worksheet")) continue; // chart sheets and the like hold no cells
    const xml = part(target.target);
    if (xml === null) return null;
    const read = readSheetRows(target.target, xml, strings, kinds);
    if (!read) return null;
    sheets.push({ name: s.name, hidden: s.state !== "visible", rows: read.rows, hiddenRows: read.hiddenRows, protected: read.protected, tables: read.tables });
  }
  return { sheets };
}
