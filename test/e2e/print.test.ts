import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { applyEntries, type EntryRow } from "../../src/sheets/entries";
import { writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { STATUS_VOCABULARY } from "../../src/evaluate/vocabulary";
import type { Status } from "../../src/model";
import { convert } from "../helpers/libreoffice";
import { row } from "../helpers/seedCatalog";
import { seedCatalog } from "../helpers/seedCatalog";

/**
 * The printed workbook: built from the seeds with actuals of every kind, printed to PDF by LibreOffice,
 * rendered by pdftoppm. Checks what a manager holds: every page one page wide, the right status in each
 * status cell, and its colour on the page.
 */
const OUT = resolve(__dirname, "../../out");
const DPI = 100;

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

function words(pdf: string, page: number): Word[] {
  const html = execFileSync("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });
  const out: Word[] = [];
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    out.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]!.replace(/&amp;/g, "&") });
  }
  return out;
}

function pageText(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });
}

/** A PPM (P6) image: width, height and the RGB of a pixel. */
function ppm(file: string): { width: number; height: number; rgb: (x: number, y: number) => [number, number, number] } {
  const data = readFileSync(file);
  const header = data.subarray(0, 50).toString("latin1").split(/\s+/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const offset = data.indexOf(Buffer.from(`${header[3]}\n`), data.indexOf(Buffer.from(`${header[1]} ${header[2]}`))) + header[3]!.length + 1;
  return {
    width,
    height,
    rgb: (x, y) => {
      const i = offset + (Math.round(y) * width + Math.round(x)) * 3;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    },
  };
}

function hex(rgb: [number, number, number]): string {
  return rgb.map((v) => v.toString(16).padStart(2, "0").toUpperCase()).join("");
}

function near(rgb: [number, number, number], want: string, tolerance = 24): boolean {
  const w = [0, 2, 4].map((i) => parseInt(want.slice(i, i + 2), 16));
  return rgb.every((v, i) => Math.abs(v - w[i]!) <= tolerance);
}

describe("the printed monitoring workbook", () => {
  const dir = mkdtempSync(join(tmpdir(), "im-print-"));
  let pdf = "";
  let pages = 0;
  const entries: [code: string, value: string | number | null][] = [
    ["1", "2,5"], // bad debt < 3: met
    ["2", 7.5], // 7,8: 0,3 short, within 5 % (0,39): near
    ["6", "15"], // 9,77; phấn đấu 14,43: exceeded
    ["7", "4"], // 5,19: shortfall
    ["8", "abc"], // invalid
    ["13", "95,1%"], // 80: a percentage typed as text, exceeded
    ["15", null], // empty: no data
    ["17", "Đạt"], // qualitative met
  ];

  beforeAll(async () => {
    const rows: EntryRow[] = entries.map(([code, value], k) => ({ line: k + 1, key: row("TV-QD77-2025", "IV", code).id, period: "2025", value }));
    const { plan, unmatched } = applyEntries(buildWorkbookPlan(seedCatalog().catalog, { asOf: "22/11/2026" }), rows);
    expect(unmatched).toEqual([]);
    const xlsx = join(dir, "indicator-monitor.xlsx");
    await writeWorkbookFile(plan, xlsx);
    pdf = convert(xlsx, "pdf", dir);
    pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  }, 240_000);

  test("prints A4 landscape pages", () => {
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    expect(pages).toBeGreaterThanOrEqual(7);
  });

  test("every page of an appendix is one page wide: its repeated header holds the first and the last column", () => {
    let appendixPages = 0;
    for (let p = 1; p <= pages; p++) {
      const text = pageText(pdf, p);
      if (!/Phụ lục/.test(text.split("\n")[0] ?? "")) continue;
      expect(text.split("\n")[0]).toMatch(/(Trà Vinh|Kiên Giang): .+ — /);
      appendixPages++;
      expect(text).toContain("TT");
      expect(text).toContain("Ghi chú");
      expect(text).toMatch(/Trang \d+\/\d+/);
    }
    expect(appendixPages).toBeGreaterThanOrEqual(6);
  });

  test("status cells show the status LibreOffice computed, in colour, readable in black and white", () => {
    const page = [...Array(pages).keys()]
      .map((k) => k + 1)
      .find((p) => {
        const text = pageText(pdf, p);
        return /Phụ lục IV/.test(text.split("\n")[0] ?? "") && text.includes("Tỷ lệ nợ xấu nội bảng");
      })!;
    expect(page).toBeDefined();
    const text = pageText(pdf, page);
    const line = (name: string) => text.split("\n").find((l) => l.includes(name)) ?? "";
    expect(line("Tỷ lệ nợ xấu nội bảng")).toContain("✓ Đạt");
    expect(line("Tỷ lệ động viên vào NSNN")).toContain("◐ Gần đạt");
    expect(line("Giá trị sản xuất công nghiệp")).toContain("▲ Vượt");
    expect(line("Tốc độ tăng tổng mức bán lẻ")).toContain("✗ Không đạt");
    expect(line("Chỉ số đổi mới sáng tạo")).toContain("! Lỗi nhập liệu");
    expect(line("Tỷ lệ hộ gia đình có cáp quang")).toContain("▲ Vượt");
    expect(line("Tỷ lệ huy động trẻ nhà trẻ")).toContain("– Chưa có số liệu");

    execFileSync("pdftoppm", ["-r", String(DPI), "-f", String(page), "-l", String(page), pdf, join(dir, "page")]);
    execFileSync("pdftoppm", ["-png", "-r", String(DPI), "-f", String(page), "-l", String(page), pdf, join(dir, "page")]);
    const base = join(dir, `page-${String(page).padStart(String(pages).length, "0")}`);
    const image = ppm(`${base}.ppm`);
    mkdirSync(OUT, { recursive: true });
    copyFileSync(`${base}.png`, join(OUT, "print-tv-iv.png"));

    const ws = words(pdf, page);
    const header = ws.find((w) => w.text === "Trạng")!;
    const headerEnd = ws.find((w) => w.text === "thái" && Math.abs(w.yMin - header.yMin) < 2)!;
    expect(header).toBeDefined();
    expect(headerEnd).toBeDefined();
    const centre = (header.xMin + headerEnd.xMax) / 2;
    const scale = DPI / 72;
    const checked: Status[] = [];
    const statusWord: Record<string, Status> = { Vượt: "exceeded", Đạt: "met", Gần: "near", Không: "shortfall", Lỗi: "invalid", Chưa: "no_data" };
    for (const w of ws) {
      const status = statusWord[w.text];
      // Only the status column: words centred under "Trạng thái" ("✓ Đạt", "– Chưa có số liệu").
      if (!status || w.yMin <= header.yMax || w.xMin < centre - 40 || w.xMax > centre + 40) continue;
      // A strip at mid-height left of the word: between the cell border and the symbol lies the cell's fill.
      const y = ((w.yMin + w.yMax) / 2) * scale;
      const strip = Array.from({ length: 40 }, (_, k) => image.rgb((w.xMin - 1 - k * 0.5) * scale, y));
      const matching = strip.filter((rgb) => near(rgb, STATUS_VOCABULARY[status].fill)).length;
      if (matching < 3) throw new Error(`${status} “${w.text}” at ${w.xMin},${w.yMin}: ${[...new Set(strip.map(hex))].join(" ")}, not ${STATUS_VOCABULARY[status].fill}`);
      checked.push(status);
    }
    expect(new Set(checked)).toEqual(new Set<Status>(["exceeded", "met", "near", "shortfall", "invalid", "no_data"]));
  });
});
