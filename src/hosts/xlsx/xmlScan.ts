/**
 * @file The XML of an untrusted package read with a real tokenizer (saxes: XML 1.0, linear time, no entity but
 * XML's five and character references, no DTD processed), and the small parts a workbook is found by:
 * relationships, the workbook's sheet list, the styles' number formats, the shared strings.
 *
 * Comments and processing instructions are skipped as XML says — a cell written inside `<!-- -->` is no cell;
 * CDATA is text. A part that is not well-formed XML is refused with the parser's line and column.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { isPackageRefused, packageRefused } from "./unsafe";

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  /** Character data, CDATA included (entities decoded); called only while `wantText` says so. */
  text?(text: string): void;
}

/** Thrown by a handler to stop reading a part early (the reader has what it needs, or gives up). */
export const STOP_SCAN: Error = new Error("stop scan");

const CHUNK = 1 << 20;

/**
 * Feeds a part's bytes (UTF-8) or text to saxes, a megabyte at a time (a multi-byte letter cut between two
 * chunks is kept whole by the decoder's stream mode). Returns false where a handler stopped the scan.
 */
export function scanXml(part: string, data: Uint8Array | string, h: XmlHandlers): boolean {
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on("opentag", (tag: SaxesTagPlain) => h.open(tag.name, tag.attributes));
  parser.on("closetag", (tag: SaxesTagPlain) => h.close(tag.name));
  if (h.text) {
    const text = h.text;
    parser.on("text", text);
    parser.on("cdata", text);
  }
  try {
    if (typeof data === "string") {
      for (let at = 0; at < data.length; at += CHUNK) parser.write(data.slice(at, at + CHUNK));
    } else {
      const decoder = new TextDecoder("utf-8");
      for (let at = 0; at < data.length; at += CHUNK) parser.write(decoder.decode(data.subarray(at, at + CHUNK), { stream: true }));
      const rest = decoder.decode();
      if (rest) parser.write(rest);
    }
    parser.close();
  } catch (e) {
    if (e === STOP_SCAN) return false;
    if (isPackageRefused(e)) throw e;
    // saxes's messages read "file:line:column: reason"; the part is named by us.
    const where = `${parser.line}:${parser.column}`;
    throw packageRefused("package.badXml", { part, where, detail: String((e as Error).message ?? e).replace(/^[^:]*:\d+:\d+: /, "") });
  }
  return true;
}

/** OOXML's escape of characters XML cannot hold (ST_Xstring): "_x000D_" is a carriage return. */
export function unescapeX(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/**
 * Rich text as staff see it: the `<t>` runs of a shared string (`<si>`) or an inline string (`<is>`) joined,
 * phonetic runs (`<rPh>`) left out. Call `open`/`close`/`text` for the elements inside; `take` ends one string.
 */
export function richText(): { open(name: string): void; close(name: string): void; text(t: string): void; take(): string } {
  let inT = false;
  let phonetic = 0;
  let run = "";
  let out = "";
  return {
    open(name) {
      if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) {
        inT = true;
        run = "";
      }
    },
    close(name) {
      if (name === "rPh") phonetic--;
      else if (name === "t" && inT) {
        inT = false;
        out += unescapeX(run);
      }
    },
    text(t) {
      if (inT) run += t;
    },
    take() {
      const s = out;
      out = "";
      inT = false;
      phonetic = 0;
      return s;
    },
  };
}

/** The shared strings of an .xlsx (xl/sharedStrings.xml) as plain text, rich runs joined, phonetic runs left out. */
export function readSharedStrings(xml: Uint8Array | string, part = "xl/sharedStrings.xml"): string[] {
  const out: string[] = [];
  const rich = richText();
  let inSi = false;
  scanXml(part, xml, {
    open(name) {
      if (name === "si") inSi = true;
      else if (inSi) rich.open(name);
    },
    close(name) {
      if (name === "si") {
        inSi = false;
        out.push(rich.take());
      } else if (inSi) rich.close(name);
    },
    text: (t) => inSi && rich.text(t),
  });
  return out;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function readRelationships(xml: Uint8Array | string, part: string): Relationship[] {
  const out: Relationship[] = [];
  scanXml(part, xml, {
    open(name, a) {
      if (name === "Relationship") out.push({ id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "", external: a.TargetMode === "External" });
    },
    close() {},
  });
  return out;
}

export interface WorkbookPart {
  date1904: boolean;
  sheets: { name: string; id: string; state: string }[];
}

export function readWorkbookPart(xml: Uint8Array | string, part: string): WorkbookPart {
  const out: WorkbookPart = { date1904: false, sheets: [] };
  scanXml(part, xml, {
    open(name, a) {
      if (name === "workbookPr") out.date1904 ||= a.date1904 === "1" || a.date1904 === "true";
      else if (name === "sheet") {
        // The relationship id under whatever prefix the writer bound the namespace to ("r:id", "ns1:id").
        const id = a["r:id"] ?? Object.entries(a).find(([k]) => /^[A-Za-z0-9]+:id$/.test(k))?.[1] ?? "";
        out.sheets.push({ name: unescapeX(a.name ?? ""), id, state: a.state ?? "visible" });
      }
    },
    close() {},
  });
  return out;
}

export type Kind = "plain" | "percent" | "date";

const BUILTIN_FORMATS: Record<number, string> = { 9: "0%", 10: "0.00%", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0" };

/** ExcelJS's own test of a date format (utils.isDateFmt): a date letter outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  // One pass (a format code is untrusted text): skip "[…]" sections, then quoted ones, as ExcelJS's two replaces do.
  let bare = "";
  let closing = true; // false once no "]" is left: every later "[" is text
  for (let i = 0; i < code.length; i++) {
    if (code[i] === "[" && closing) {
      const close = code.indexOf("]", i + 1);
      closing = close >= 0;
      if (closing) {
        i = close;
        continue;
      }
    }
    bare += code[i];
  }
  let quoted = false;
  let pending = "";
  let letters = false;
  for (const ch of bare) {
    if (ch === '"') {
      if (quoted) pending = "";
      quoted = !quoted;
      continue;
    }
    if (quoted) pending += ch;
    else if ("ymdhMsb".includes(ch)) letters = true;
  }
  // An opening quote never closed is kept as text by the replace: its letters count.
  return letters || /[ymdhMsb]/.test(pending);
}

/** Each cell style's kind (xl/styles.xml, cellXfs in order): a number in it reads as points, a day, or itself. */
export function readStyleKinds(xml: Uint8Array | string | null, part = "xl/styles.xml"): Kind[] {
  if (xml === null) return [];
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = 0; // 1 inside the first cellXfs, 2 after it
  scanXml(part, xml, {
    open(name, a) {
      if (name === "numFmt" && a.formatCode !== undefined) custom.set(Number(a.numFmtId), unescapeX(a.formatCode));
      else if (name === "cellXfs" && inCellXfs === 0) inCellXfs = 1;
      else if (name === "xf" && inCellXfs === 1) ids.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs" && inCellXfs === 1) inCellXfs = 2;
    },
  });
  return ids.map((id) => {
    const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? "";
    return code.includes("%") ? "percent" : code && isDateFormat(code) ? "date" : "plain";
  });
}
