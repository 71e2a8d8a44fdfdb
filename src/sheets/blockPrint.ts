/**
 * @file Printing a sheet made of blocks with different headers (the summary): one print-title row cannot serve
 * them all, so each printed page starts with a header. A block that does not fit on what is left of a page starts
 * a new one; a block longer than a page gets a copy of its header row ("… (tiếp theo)") where its next page
 * starts. The sheet prints at a fixed scale (Excel ignores manual page breaks when fitting to a page), one page
 * wide in either program.
 */
import { columnNumber, type Cell, type SheetSpec } from "./plan";
import { insertRows } from "./insertRows";
import { blockPages, oneWideScale, type PrintBlock } from "./pageLayout";

export const CONTINUED = " (tiếp theo)";

const filled = (cells: Cell[] | undefined) => (cells ?? []).some((c) => c.formula !== undefined || (c.value !== undefined && c.value !== null && c.value !== ""));
const isHeader = (cells: Cell[] | undefined) => (cells ?? []).some((c) => c.style === "sumHeader" && typeof c.value === "string" && c.value !== "");

/** Runs of filled rows up to `last`; each run's header is its first row with a header cell. */
export function blocksOf(sheet: SheetSpec, last: number): PrintBlock[] {
  const blocks: PrintBlock[] = [];
  let r = 1;
  while (r <= last) {
    if (!filled(sheet.rows[r - 1])) {
      r++;
      continue;
    }
    const first = r;
    while (r + 1 <= last && filled(sheet.rows[r])) r++;
    let header: number | null = null;
    for (let k = first; k <= r && header === null; k++) if (isHeader(sheet.rows[k - 1])) header = k;
    blocks.push({ first, header, last: r });
    r++;
  }
  return blocks;
}

/** The sheet set to print its blocks page by page, a header at the top of each page. */
export function printInBlocks(sheet: SheetSpec): SheetSpec {
  const area = /^([A-Z]+)\d+:([A-Z]+)(\d+)$/.exec(sheet.print.area);
  if (!area) return sheet;
  const [from, to, last] = [columnNumber(area[1]!), columnNumber(area[2]!), Number(area[3])];
  const width = sheet.columns.slice(from - 1, to).reduce((n, c) => n + (c.hidden ? 0 : c.width), 0);
  const scale = oneWideScale(width);
  const heightOf = (r: number) => sheet.heights[String(r)] ?? 15;
  // A period's line of names (sumList) stays under its counts.
  const glued = (r: number) => (sheet.rows[r - 1] ?? []).some((c) => c.style === "sumList");
  const { breaks, repeats } = blockPages(blocksOf(sheet, last), heightOf, scale, glued);
  const copies = repeats.map(({ before, header }) => ({
    before,
    height: heightOf(header),
    cells: (sheet.rows[header - 1] ?? []).map((c, k) => (k === from - 1 && typeof c.value === "string" ? { ...c, value: `${c.value}${CONTINUED}` } : { ...c })),
  }));
  const { sheet: out, moved, placed } = insertRows(sheet, copies);
  const sorted = [...repeats].sort((a, b) => a.before - b.before);
  const copyAt = new Map(sorted.map((x, k) => [x.before, placed[k]!]));
  const rowBreaks = [...new Set(breaks.map((r) => copyAt.get(r) ?? moved(r)))].sort((a, b) => a - b);
  return { ...out, print: { ...out.print, scale, titleRows: null, rowBreaks } };
}
