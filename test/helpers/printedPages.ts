/**
 * @file Reading a printed PDF page by page: its words with their boxes (pdftotext -bbox), its text as laid out,
 * its pixels (pdftoppm), and the words a cell border crosses — text cut off by its cell.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export function words(pdf: string, page: number): Word[] {
  const html = execFileSync("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });
  const out: Word[] = [];
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    out.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"') });
  }
  return out;
}

export function pageText(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });
}

/** A page's body in reading order (without its page header, first, and its footer, "Trang n/N"), every run of white space one space. */
export function flatText(pdf: string, page: number): string {
  const lines = execFileSync("pdftotext", ["-raw", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" }).split("\n");
  return lines.slice(1).filter((l) => !/Trang \d+\/\d+/.test(l)).join(" ").replace(/\s+/g, " ");
}

export interface Pixels {
  width: number;
  height: number;
  rgb: (x: number, y: number) => [number, number, number];
}

/** A PPM (P6) image: width, height and the RGB of a pixel. */
export function ppm(file: string): Pixels {
  const data = readFileSync(file);
  const header = data.subarray(0, 50).toString("latin1").split(/\s+/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const offset = data.indexOf(Buffer.from(`${header[3]}\n`), data.indexOf(Buffer.from(`${header[1]} ${header[2]}`))) + header[3]!.length + 1;
  return {
    width,
    height,
    rgb: (x, y) => {
      const i = offset + (Math.min(height - 1, Math.max(0, Math.round(y))) * width + Math.min(width - 1, Math.max(0, Math.round(x)))) * 3;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    },
  };
}

/** Renders one page at `dpi` into `dir` and reads its pixels. */
export function renderPage(pdf: string, page: number, pages: number, dpi: number, dir: string): Pixels {
  const base = join(dir, `px-${page}`);
  execFileSync("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, base]);
  return ppm(`${base}.ppm`);
}

/** A border pixel: grey (the cells' A6A6A6 border, anti-aliased), not a fill colour, not white. */
const borderish = ([r, g, b]: [number, number, number]) => Math.max(r, g, b) - Math.min(r, g, b) < 24 && Math.max(r, g, b) < 225;

/**
 * The words a cell border runs through: a vertical line of border pixels from above the word's box to below it,
 * strictly inside the word — the word is wider than its cell and is cut there (a glyph never reaches beyond its
 * box on both sides).
 */
export function crossedWords(ws: Word[], image: Pixels, dpi: number): Word[] {
  const k = dpi / 72;
  return ws.filter((w) => {
    const [top, bottom] = [Math.floor((w.yMin - 1) * k), Math.ceil((w.yMax + 1) * k)];
    for (let x = Math.ceil((w.xMin + 1.5) * k); x <= Math.floor((w.xMax - 1.5) * k); x++) {
      let line = true;
      for (let y = top; y <= bottom && line; y++) line = borderish(image.rgb(x, y));
      if (line) return true;
    }
    return false;
  });
}
