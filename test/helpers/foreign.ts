import JSZip from "jszip";

/**
 * Packages as other writers save them, made from one of ours by the documented differences (ECMA-376 Part 2
 * allows both forms of each):
 * - `absoluteTargets`: relationship targets as absolute part names ("/xl/worksheets/sheet1.xml"), as openpyxl
 *   and several .NET and Python writers write them;
 * - `inlineStrings`: every shared string written in its cell as an inline string (t="inlineStr"), no
 *   sharedStrings part — as streaming writers (xlsxwriter's constant-memory mode, many exporters) do;
 * - `withoutOptionalParts`: no docProps (core/app properties), which are optional.
 */
async function edit(bytes: Uint8Array, change: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await change(zip);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const folderOf = (rels: string) => rels.replace(/_rels\/[^/]*\.rels$/, "");

function resolvePath(folder: string, target: string): string {
  const parts = folder.split("/").filter(Boolean);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

export function absoluteTargets(bytes: Uint8Array): Promise<Uint8Array> {
  return edit(bytes, async (zip) => {
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".rels"))) {
      const xml = await zip.file(name)!.async("string");
      zip.file(name, xml.replace(/(<Relationship\b[^>]*\bTarget=")([^"/][^"]*)"/g, (m, head: string, target: string) => (/TargetMode="External"/.test(m) ? m : `${head}/${resolvePath(folderOf(name), target)}"`)));
    }
  });
}

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function inlineStrings(bytes: Uint8Array): Promise<Uint8Array> {
  return edit(bytes, async (zip) => {
    const shared = zip.file("xl/sharedStrings.xml");
    if (!shared) return;
    const strings = [...(await shared.async("string")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1]!.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => unescape(t[1]!)).join(""));
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async("string");
      zip.file(
        name,
        xml.replace(/<c\b([^>]*?)\bt="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_, a: string, b: string, i: string) => `<c${a}t="inlineStr"${b}><is><t xml:space="preserve">${escape(strings[Number(i)]!)}</t></is></c>`),
      );
    }
    zip.remove("xl/sharedStrings.xml");
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace(/<Relationship\b[^>]*sharedStrings[^>]*\/>/g, ""));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file("[Content_Types].xml", types.replace(/<Override\b[^>]*sharedStrings[^>]*\/>/g, ""));
  });
}

export function withoutOptionalParts(bytes: Uint8Array): Promise<Uint8Array> {
  return edit(bytes, async (zip) => {
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith("docProps/"))) zip.remove(name);
    const rels = await zip.file("_rels/.rels")!.async("string");
    zip.file("_rels/.rels", rels.replace(/<Relationship\b[^>]*docProps[^>]*\/>/g, ""));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file("[Content_Types].xml", types.replace(/<Override\b[^>]*docProps[^>]*\/>/g, ""));
  });
}
