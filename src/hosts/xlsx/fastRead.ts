import { inflateRawSync } from "node:zlib";
import type { CellValue } from "../../sheets/plan";
import { columnNumber } from "../../sheets/plan";
import { formulaCells, OWN_FORMULA, type SnapshotCell, type WorkbookSnapshot } from "../../sheets/existing";
import { sharedStrings } from "./snapshot";

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
 */
interface ZipEntry {
  method: number;
  compressed: number;
  offset: number;
}

function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const out = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    if (compressed === 0xffffffff || offset === 0xffffffff) return null; // zip64: not ours to read
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replace(/\\/g, "/").replace(/^\/+/, "");
    out.set(name, { method, compressed, offset });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

function entryText(bytes: Uint8Array, entries: Map<string, ZipEntry>, name: string): string | null {
  const e = entries.get(name);
  if (!e) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(e.offset, true) !== 0x04034b50) return null;
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  const data = bytes.subarray(start, start + e.compressed);
  if (e.method === 0) return Buffer.from(data).toString("utf8");
  if (e.method !== 8) return null;
  return inflateRawSync(data).toString("utf8");
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
function unescapeXml(text: string): string {
  if (!text.includes("&") && !text.includes("_x")) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => (e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e]!))
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const ATTRIBUTES = new Map<string, RegExp>();
function attr(tag: string, name: string): string | undefined {
  let re = ATTRIBUTES.get(name);
  if (!re) ATTRIBUTES.set(name, (re = new RegExp(`\\s${name}="([^"]*)"`)));
  const m = re.exec(tag);
  return m ? m[1] : undefined;
}

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

const BUILTIN_FORMATS: Record<number, string> = { 9: "0%", 10: "0.00%", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0" };

/** ExcelJS's own test of a date format (utils.isDateFmt): a date letter outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

type Kind = "plain" | "percent" | "date";

function styleKinds(xml: string | null): Kind[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId"));
    const code = attr(m[0], "formatCode");
    if (code !== undefined) custom.set(id, unescapeXml(code));
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  return [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(attr(m[0], "numFmtId") ?? 0);
    const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? "";
    return code.includes("%") ? "percent" : code && isDateFormat(code) ? "date" : "plain";
  });
}

function inlineText(body: string): string {
  let text = "";
  for (const t of body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += unescapeXml(t[1]!);
  return text;
}

function sheetRows(xml: string, strings: string[], kinds: Kind[]): { rows: SnapshotCell[][]; hiddenRows: number[] } | null {
  const rows: SnapshotCell[][] = [];
  const hiddenRows: number[] = [];
  const formulas = formulaCells();
  const data = /<sheetData\b[^>]*\/>|<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(xml);
  const body = data?.[1] ?? "";
  let rowNumber = 0;
  for (const rm of body.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowAttrs = rm[1]!;
    const r = Number(attr(` ${rowAttrs}`, "r") ?? rowNumber + 1);
    rowNumber = r;
    if (/\shidden="(1|true)"/.test(` ${rowAttrs}`)) hiddenRows.push(r);
    const cells: SnapshotCell[] = [];
    let col = 0;
    for (const cm of (rm[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const a = ` ${cm[1]!}`;
      const ref = attr(a, "r");
      col = ref ? columnNumber(/^[A-Z]+/.exec(ref)![0]) : col + 1;
      const inner = cm[2] ?? "";
      const type = attr(a, "t") ?? "n";
      const style = kinds[Number(attr(a, "s") ?? 0)] ?? "plain";
      const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
      let cell: SnapshotCell | undefined;
      if (f) {
        if (/\st="shared"/.test(` ${f[1]}`)) return null; // shared formulas: ExcelJS translates them
        // The add-in's own formula columns are rebuilt by a refresh: their text is not even decoded.
        cell = formulas.own(col - 1) ? OWN_FORMULA : formulas.cell(col - 1, unescapeXml(f[2] ?? "").replace(/^=/, "").replace(/_xlfn\./g, ""));
      } else {
        const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        let value: CellValue;
        // An empty inline string is no value, as ExcelJS reads it.
        if (type === "inlineStr") value = inlineText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? "") || null;
        else if (v === undefined) value = null;
        else if (type === "s") value = strings[Number(v)] ?? "";
        else if (type === "str") value = unescapeXml(v);
        else if (type === "b") value = v === "1" || v === "true";
        else if (type === "e") value = unescapeXml(v);
        else if (type === "d") value = unescapeXml(v).slice(0, 10);
        else {
          const n = Number(v);
          value = style === "percent" ? Number((n * 100).toPrecision(12)) : style === "date" ? new Date(Math.round((n - 25569) * 86_400_000)).toISOString().slice(0, 10) : n;
        }
        if (value !== null) cell = value;
      }
      if (cell !== undefined) cells[col - 1] = cell;
    }
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
    formulas.row(cells);
    while (rows.length < r - 1) rows.push([]);
    rows.push(cells);
  }
  return { rows, hiddenRows };
}

export function fastSnapshot(bytes: Uint8Array): WorkbookSnapshot | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const rootRels = entryText(bytes, entries, "_rels/.rels") ?? "";
  const main = [...rootRels.matchAll(/<Relationship\b[^>]*>/g)].find((m) => /officeDocument"/.test(attr(m[0], "Type") ?? "") || /\/officeDocument$/.test(attr(m[0], "Type") ?? ""));
  const workbookPath = main ? resolve("", attr(main[0], "Target") ?? "xl/workbook.xml") : "xl/workbook.xml";
  const workbook = entryText(bytes, entries, workbookPath);
  if (!workbook) return null;
  if (/<workbookPr\b[^>]*\sdate1904="(1|true)"/.test(workbook)) return null;
  const folder = workbookPath.includes("/") ? workbookPath.slice(0, workbookPath.lastIndexOf("/")) : "";
  const relsPath = `${folder ? `${folder}/` : ""}_rels/${workbookPath.split("/").pop()}.rels`;
  const rels = entryText(bytes, entries, relsPath) ?? "";
  const targets = new Map<string, { type: string; target: string }>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) targets.set(attr(m[0], "Id") ?? "", { type: attr(m[0], "Type") ?? "", target: resolve(folder, attr(m[0], "Target") ?? "") });
  const partOf = (suffix: string) => [...targets.values()].find((t) => t.type.endsWith(suffix))?.target;
  const sstPath = partOf("/sharedStrings");
  const strings = sstPath ? sharedStrings(entryText(bytes, entries, sstPath) ?? "") : [];
  const stylesPath = partOf("/styles");
  const kinds = styleKinds(stylesPath ? entryText(bytes, entries, stylesPath) : null);
  const sheets: WorkbookSnapshot["sheets"] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(attr(m[0], "name") ?? "");
    const id = attr(m[0], "r:id") ?? /\s[A-Za-z0-9]+:id="([^"]*)"/.exec(m[0])?.[1] ?? "";
    const target = targets.get(id);
    if (!target || !target.type.endsWith("/worksheet")) continue; // chart sheets and the like hold no cells
    const xml = entryText(bytes, entries, target.target);
    if (xml === null) return null;
    const read = sheetRows(xml, strings, kinds);
    if (!read) return null;
    const state = attr(m[0], "state") ?? "visible";
    sheets.push({ name, hidden: state !== "visible", rows: read.rows, hiddenRows: read.hiddenRows });
  }
  return { sheets };
}
