import JSZip from "jszip";

/**
 * When a workbook was last saved, from its package properties (docProps/core.xml, dcterms:modified, written in
 * UTC by Excel, LibreOffice and ExcelJS alike), as an Excel date serial in this machine's local time — the time
 * the add-in writes everywhere else ("dd/mm/yyyy hh:mm"), Vietnam's on planning staff's machines: the date an
 * agency's form was filled. Null when the file has no such property.
 */
const EPOCH_1899 = Date.UTC(1899, 11, 30);

export async function savedSerial(bytes: Uint8Array): Promise<number | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return null;
  }
  const core = zip.file("docProps/core.xml");
  if (!core) return null;
  const xml = await core.async("string");
  const m = /<dcterms:modified\b[^>]*>([^<]+)<\/dcterms:modified>/.exec(xml);
  if (!m) return null;
  const ms = Date.parse(m[1]!.trim());
  if (!Number.isFinite(ms)) return null;
  const local = ms - new Date(ms).getTimezoneOffset() * 60_000;
  return (local - EPOCH_1899) / 86_400_000;
}
