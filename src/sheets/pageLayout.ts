/**
 * @file Page arithmetic every sheet builder prints by: how wide a column prints, when a table prints one page
 * wide or across pages (and where each page starts), how tall wrapped text stands, and where a sheet of blocks
 * (the summary) breaks so that every printed page starts with a header.
 */

/**
 * One page wide fits a table of about 200 characters of column width at about 60 % (10-point text prints at 6
 * points, a word about 7,7 points high). A wider table (the five-year table, the GRDP scenarios: 340–370) would
 * shrink to 40 %, unreadable; it prints at a fixed 65 % across pages instead, the indicator's code, name and
 * unit repeated on each, with a page break before a year or period block that would not fit whole — so a page
 * never starts in the middle of a block, and pages follow the blocks in order.
 */
export const ONE_PAGE_WIDTH = 200;
export const ACROSS_SCALE = 65;
/** A4 landscape less the margins (0,4 in each side), in points, with 3 % to spare. */
export const PAGE_POINTS = (841.9 - 2 * 0.4 * 72) * 0.97;
/** A4 landscape's height less the top and bottom margins (0,6 in each; the page header and footer stand in them), with 3 % to spare. */
export const PAGE_HEIGHT_POINTS = (595.3 - 2 * 0.6 * 72) * 0.97;

/**
 * A column's printed width in points at 100 %: about 7 points per character of width. Excel with Calibri prints
 * narrower (about 5,3); LibreOffice, whose default font is wider, prints at about 7 (measured on the seed
 * workbook's PDF: 166 characters over 756 points at 65 %). The wider reading is taken, so that a page break
 * never falls inside a block in either program.
 */
export const columnPoints = (width: number, scale: number) => (7 * width * scale) / 100;

/** The fixed scale (percent) at which columns of this total width print one page wide in either program. */
export function oneWideScale(visibleWidth: number): number {
  return Math.max(10, Math.min(100, Math.floor((PAGE_POINTS * 100) / (7 * Math.max(visibleWidth, 1)))));
}

/** Columns that print together (a block's plan, actual, status, gap, achievement): their letters and widths. */
export interface PrintUnit {
  letters: string[];
  widths: number[];
}

export interface AcrossLayout {
  scale?: number;
  titleColumns?: string;
  columnBreaks?: string[];
}

const unitPoints = (u: PrintUnit) => u.widths.reduce((n, w) => n + columnPoints(w, ACROSS_SCALE), 0);

/** One page wide when the table fits; otherwise a fixed scale, the title columns repeated and a break before each unit that would not fit whole. */
export function printAcross(visibleWidth: number, titles: PrintUnit, units: PrintUnit[]): AcrossLayout {
  if (visibleWidth <= ONE_PAGE_WIDTH) return {};
  const room = PAGE_POINTS - unitPoints(titles);
  const breaks: string[] = [];
  let used = 0;
  for (const unit of units) {
    const w = unitPoints(unit);
    if (used > 0 && used + w > room) {
      breaks.push(unit.letters[0]!);
      used = 0;
    }
    used += w;
  }
  return { scale: ACROSS_SCALE, titleColumns: `${titles.letters[0]}:${titles.letters[titles.letters.length - 1]}`, columnBreaks: breaks };
}

/**
 * The height in points of text wrapped in a cell (or merged cells) of this many width units. The narrower of the
 * two programs' readings is taken (Excel: about 5,5 points per unit), so the text fits in both; capitals and bold
 * take more room than lower case (Arial: about 0,68 and 0,5 of the size per letter).
 */
export function wrappedHeight(text: string, widthUnits: number, font: { size: number; caps?: boolean; bold?: boolean }): number {
  const perChar = font.size * (font.caps ? 0.68 : 0.5) * (font.bold ? 1.08 : 1);
  const room = Math.max(widthUnits * 5.5 - 4, perChar);
  // Words wrap whole: a line holds about 10 % less than its width.
  const lines = text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil((part.length * perChar * 1.1) / room)), 0);
  return Math.ceil(lines * font.size * 1.3 + 4);
}

/** A run of rows printed together: a title and a header at its top, its rows, a total and notes at its end. */
export interface PrintBlock {
  /** First row (1-based): the block's title, or its header row. */
  first: number;
  /** The header row, repeated when the block runs onto another page; null: a block without one (the sheet's title). */
  header: number | null;
  /** Last row of the block. */
  last: number;
}

/**
 * Where the pages of a sheet of blocks start. A block that does not fit on what is left of the page starts a new
 * one when it is short (half a page at most) or little room is left (a third of a page); otherwise it starts
 * where it is and is cut after the last row that fits, its header to be repeated there. A glued row (a period's
 * line of names under its counts) never starts a page. Rows above the first block (the sheet's title) print on
 * the first page. Heights in points at 100 %; `scale` in percent. Returns the rows a page starts at, and, for each
 * cut inside a block, the row before which a copy of the block's header goes (that copy then starts the page).
 */
export function blockPages(
  blocks: PrintBlock[],
  heightOf: (row: number) => number,
  scale: number,
  glued: (row: number) => boolean = () => false,
): { breaks: number[]; repeats: { before: number; header: number }[] } {
  const capacity = (PAGE_HEIGHT_POINTS * 100) / scale;
  const breaks: number[] = [];
  const repeats: { before: number; header: number }[] = [];
  let used = 0;
  let next = 1;
  const span = (from: number, to: number) => {
    let h = 0;
    for (let r = from; r <= to; r++) h += heightOf(r);
    return h;
  };
  for (const block of [...blocks].sort((a, b) => a.first - b.first)) {
    used += span(next, block.first - 1);
    const whole = span(block.first, block.last);
    if (used > 0 && used + whole > capacity && (whole <= capacity / 2 || capacity - used < capacity / 3)) {
      breaks.push(block.first);
      used = 0;
    }
    const header = block.header;
    for (let r = block.first; r <= block.last; r++) {
      if (glued(r) && r > block.first) {
        used += heightOf(r);
        continue;
      }
      // A row (with the rows glued to it) that does not fit: the page ends before it, the header repeated there.
      let h = heightOf(r);
      for (let g = r + 1; g <= block.last && glued(g); g++) h += heightOf(g);
      if (used + h > capacity && used > 0 && (header === null || r > header)) {
        breaks.push(r);
        used = 0;
        if (header !== null) {
          repeats.push({ before: r, header });
          used = heightOf(header);
        }
      }
      used += heightOf(r);
    }
    next = block.last + 1;
  }
  return { breaks, repeats };
}
