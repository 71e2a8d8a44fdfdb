/**
 * @file A package checked before JSZip and ExcelJS are handed it (the road of workbooks the fast reader leaves
 * to ExcelJS, restores, and the browser's read of returned forms): JSZip inflates a part whole before it
 * compares sizes, and ExcelJS walks every row up to the last and every cell of a merged or validated range, so
 * the bounds are kept here first — every entry inflated with the cap per part and in total (stopping at the
 * cap), every worksheet and comments part tokenized and kept inside Excel's grid.
 */
import { checkCommentRefs, checkSheetLimits } from "./sheetXml";
import { inflateBudget, INFLATE_CAPS, packageRefused, type InflateCaps } from "./unsafe";
import { inflateEntry, streamInflate, zipEntries, type Inflate } from "./unzip";

/** The parts ExcelJS reads as worksheets (its own pattern, xlsx.js) and any part under a worksheets folder. */
const WORKSHEET = /xl\/worksheets\/sheet\d+[.]xml|(^|\/)worksheets\/[^/]+\.xml$/;
const COMMENTS = /(^|\/)comments[^/]*\.xml$/;

/**
 * Throws a PackageRefused where the package is past a bound or is no zip this reader can follow (JSZip would
 * read some of those — data before the zip, offsets it corrects — unchecked); returns quietly otherwise.
 */
export async function guardPackage(bytes: Uint8Array, inflate: Inflate = streamInflate, caps: InflateCaps = INFLATE_CAPS): Promise<void> {
  const entries = zipEntries(bytes);
  if (!entries) throw packageRefused("package.notZip", {});
  const budget = inflateBudget(caps);
  const expanded = { cells: 0 };
  for (const e of entries.values()) {
    if (e.name.endsWith("/") && e.size === 0) continue; // a folder entry
    const data = await inflateEntry(bytes, e, inflate, caps);
    budget.spend(e.name, data.length);
    if (WORKSHEET.test(e.name)) checkSheetLimits(e.name, data, expanded);
    else if (COMMENTS.test(e.name)) checkCommentRefs(e.name, data);
  }
}
