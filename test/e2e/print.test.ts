import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
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
import { crossedWords, flatText, pageText, ppm, renderPage, words } from "../helpers/printedPages";
import { columnNumber } from "../../src/sheets/plan";
import { LATE_NONE, LATE_PREFIX } from "../../src/sheets/summaryReporting";

/**
 * The printed workbook: built from the seeds with actuals of every kind, printed to PDF by LibreOffice,
 * rendered by pdftoppm. Checks what a manager holds: text legible on every page (at least 7 pt), at most 20
 * pages, tables one page wide where they fit and otherwise across pages with the indicator columns repeated,
 * the summary's counts without its long list, the right status in each status cell, and its colour on the
 * page. Every page is kept as a PNG in out/print/ to be looked at.
 */
const OUT = resolve(__dirname, "../../out");
const DPI = 100;

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
    // An empty entry is simply not written (applyEntries reports a blank value): indicator 15 stays without data.
    const rows: EntryRow[] = entries.filter(([, value]) => value !== null).map(([code, value], k) => ({ line: k + 1, key: row("TV-QD77-2025", "IV", code).id, period: "2025", value }));
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

  /** The sheet a page belongs to: the footer ends with the sheet's name (&A). */
  const sheetOfPage = (p: number) => {
    const lines = pageText(pdf, p).split("\n").filter((l) => l.trim() !== "");
    return (lines[lines.length - 1] ?? "").trim().split(/\s{2,}/).pop() ?? "";
  };

  test("every page is legible: the median word is at least 7 pt high (pdftotext -bbox); the indicator part prints in at most 21 pages (the summary's task table is one), the two task appendices (159 tasks) in at most 20, the directory of agencies in at most 3", () => {
    const taskPages = [...Array(pages).keys()].map((k) => k + 1).filter((p) => / NV( |$)/.test(sheetOfPage(p)));
    const directoryPages = [...Array(pages).keys()].map((k) => k + 1).filter((p) => sheetOfPage(p) === "Danh mục cơ quan");
    expect(directoryPages.length).toBeGreaterThanOrEqual(1);
    expect(directoryPages.length).toBeLessThanOrEqual(3);
    expect(pages - taskPages.length - directoryPages.length).toBeLessThanOrEqual(21);
    expect(taskPages.length).toBeGreaterThanOrEqual(4);
    expect(taskPages.length).toBeLessThanOrEqual(20);
    // A task page is one page wide: its header row (repeated) holds the first and the last column.
    for (const p of taskPages) {
      const text = pageText(pdf, p);
      expect([p, text.includes("TT") && text.includes("Ghi chú") && text.includes("Trạng thái")]).toEqual([p, true]);
    }
    mkdirSync(join(OUT, "print"), { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, join(OUT, "print", "page")]);
    const small: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const heights = words(pdf, p)
        .map((w) => w.yMax - w.yMin)
        .sort((a, b) => a - b);
      const median = heights[Math.floor(heights.length / 2)] ?? 0;
      if (median < 7) small.push(`page ${p} (${sheetOfPage(p)}): ${median.toFixed(1)} pt`);
    }
    expect(small).toEqual([]);
  });

  test("a table that fits is one page wide: each page's header holds its first and last column", () => {
    let appendixPages = 0;
    for (let p = 1; p <= pages; p++) {
      const text = pageText(pdf, p);
      if (!/Phụ lục/.test(text.split("\n")[0] ?? "") || /BB|III$/.test(sheetOfPage(p))) continue;
      expect(text.split("\n")[0]).toMatch(/(Trà Vinh|Kiên Giang): .+ — /);
      appendixPages++;
      expect(text).toContain("TT");
      expect(text).toContain("Ghi chú");
      expect(text).toMatch(/Trang \d+\/\d+/);
    }
    expect(appendixPages).toBeGreaterThanOrEqual(6);
  });

  test("a wide table (the five-year table, the GRDP scenarios) prints across pages, code and name repeated on each, years in order", () => {
    for (const sheet of ["KG-KH5N-2021-2025 BB", "TV-QD77-2025 III"]) {
      const own = [...Array(pages).keys()].map((k) => k + 1).filter((p) => sheetOfPage(p) === sheet);
      expect(own.length).toBeGreaterThanOrEqual(2);
      const texts = own.map((p) => pageText(pdf, p));
      for (const t of texts) {
        expect(t).toContain("TT");
        expect(t).toMatch(sheet.endsWith("BB") ? /Giảm tỷ lệ hộ nghèo/ : /Nông, lâm nghiệp và thủy sản|Tổng sản phẩm/);
      }
      expect(texts[texts.length - 1]).toContain("Ghi chú");
      if (sheet.endsWith("BB")) {
        // Down, then over: the pages follow the years.
        const firstYear = texts.map((t) => Number(/KH (20\d\d)/.exec(t)?.[1] ?? 9999));
        expect(firstYear).toEqual([...firstYear].sort());
        expect(texts[0]).toContain("KH 2021");
      }
    }
  });

  test("the summary prints its counts per appendix and per agency, not the full list", () => {
    const own = [...Array(pages).keys()].map((k) => k + 1).filter((p) => /tổng hợp/.test(pageText(pdf, p).split("\n")[0] ?? ""));
    expect(own.length).toBeLessThanOrEqual(2);
    const text = own.map((p) => pageText(pdf, p)).join("\n");
    expect(text).toContain("Cơ quan chủ trì");
    expect(text).toContain("Tỷ lệ đạt");
    expect(text).not.toContain("CHỈ TIÊU THEO CƠ QUAN CHỦ TRÌ");
    // The legend's last item, wrapped on two lines in its cell, is printed whole.
    expect(words(pdf, own[0]!).map((w) => w.text)).toEqual(expect.arrayContaining(["○", "Không", "đánh", "giá"]));
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

/**
 * The workbook a user printed with a monthly calendar on 15/11/2025 (issue #21): every page of the summary and
 * the year-end report starts with its column headers, every title and unit prints whole (no cell border runs
 * through a word), a wide table's title and legend are whole or absent on each page, and the summary's reporting
 * block shows October — past its report day, every agency overdue — with their names.
 */
describe("the printed workbook with a monthly reporting calendar", () => {
  const dir = mkdtempSync(join(tmpdir(), "im-print-cal-"));
  let pdf = "";
  let pages = 0;
  let plan: ReturnType<typeof buildWorkbookPlan>;
  const ofSheet = new Map<number, string>();
  const flat = (p: number) => flatText(pdf, p);

  beforeAll(async () => {
    plan = buildWorkbookPlan(seedCatalog().catalog, { asOf: "15/11/2025", calendar: "month" });
    const xlsx = join(dir, "calendar.xlsx");
    await writeWorkbookFile(plan, xlsx);
    pdf = convert(xlsx, "pdf", dir);
    pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    for (let p = 1; p <= pages; p++) {
      const lines = pageText(pdf, p).split("\n").filter((l) => l.trim() !== "");
      const head = lines[0] ?? "";
      ofSheet.set(p, /tổng hợp/.test(head) ? "summary" : /— báo cáo năm/.test(head) ? "report" : ((lines[lines.length - 1] ?? "").trim().split(/\s{2,}/).pop() ?? ""));
    }
    mkdirSync(join(OUT, "print-calendar"), { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, join(OUT, "print-calendar", "page")]);
  }, 240_000);

  const pagesOf = (sheet: string) => [...ofSheet].filter(([, s]) => s === sheet).map(([p]) => p);

  test("each page of the summary and of the year-end report starts with a row of column headers", () => {
    const summary = plan.sheets.find((s) => s.kind === "summary" && s.name === "Tổng hợp")!;
    expect(summary.print.titleRows).toBeNull();
    expect(summary.print.scale).toBeGreaterThanOrEqual(55);
    expect(summary.print.rowBreaks!.length).toBeGreaterThanOrEqual(1);
    const headers = ["Trang / phụ lục", "Tình hình báo cáo theo kỳ", "Tiến độ trong năm", "Cơ quan chủ trì", "Nhiệm vụ theo cơ quan chủ trì"];
    const own = pagesOf("summary");
    expect(own.length).toBeGreaterThanOrEqual(2);
    for (const p of own) {
      // The page header, then (on the first page) the title block, then a header row.
      const lines = pageText(pdf, p).split("\n").filter((l) => l.trim() !== "").slice(1, p === own[0] ? 10 : 4).join(" ").replace(/\s+/g, " ");
      expect([p, headers.some((h) => lines.includes(h))]).toEqual([p, true]);
    }
    const report = pagesOf("report");
    expect(report.length).toBeGreaterThanOrEqual(2);
    for (const p of report) {
      const lines = pageText(pdf, p).split("\n").filter((l) => l.trim() !== "").slice(1, p === report[0] ? 12 : 5).join(" ");
      expect([p, /TT/.test(lines) && /Chỉ tiêu/.test(lines) && /ĐVT/.test(lines)]).toEqual([p, true]);
    }
  });

  test("the reporting block counts every period begun, October's overdue agencies named; the pace block counts rows behind pace per appendix", () => {
    const text = own("summary");
    const reporting = plan.sheets.find((s) => s.name === "Tình hình báo cáo")!;
    const october = reporting.rows.filter((r) => r[0]?.value === "2025-T10").map((r) => String(r[2]?.value));
    expect(october.length).toBeGreaterThanOrEqual(10);
    // Tháng 10/2025: n agencies, all n overdue (its report day, 20/10, is past; no form came), none late or on time.
    expect(text).toMatch(new RegExp(`Tháng 10/2025 ${october.length} ${october.length} 0 0 0 0`));
    expect(text).toContain(`${LATE_PREFIX}${october.join("; ")}`);
    // November is not due yet; January is listed too.
    const november = reporting.rows.filter((r) => r[0]?.value === "2025-T11").length;
    expect(text).toMatch(new RegExp(`Tháng 11/2025 ${november} 0 0 0 0 ${november}`));
    expect(text).toContain(LATE_NONE);
    expect(text).toContain("Tháng 1/2025");
    expect(text).toContain("Tiến độ trong năm");
    expect(text).toMatch(/TV-QD77-2025 II 23 0 0 \d+ \d+ \d+/);
  });

  const own = (sheet: string) => pagesOf(sheet).map(flat).join(" ");

  test("titles, plans and units print whole: each page of a sheet has its title whole or not at all, and no cell border runs through a word", () => {
    for (const sheet of plan.sheets.filter((s) => (s.kind === "indicators" || s.kind === "scenario") && !s.hidden)) {
      const title = String(sheet.rows[0]![1]!.value).replace(/\s+/g, " ");
      const subtitle = String(sheet.rows[1]![1]!.value).replace(/\s+/g, " ");
      for (const p of pagesOf(sheet.name)) {
        const text = flat(p);
        if (text.includes(title.slice(0, 12))) expect([p, text.includes(title)]).toEqual([p, true]);
        if (text.includes(subtitle.slice(0, 20))) expect([p, text.includes(subtitle)]).toEqual([p, true]);
        // The legend: its label and all its boxes, or none of it.
        if (text.includes("Chú giải")) for (const s of Object.values(STATUS_VOCABULARY)) expect([p, text]).toEqual([p, expect.stringContaining(s.vi)]);
      }
      // On a table printed across pages, the legend stands in the first page's own columns.
      if (sheet.print.columnBreaks?.length) {
        const first = columnNumber(sheet.print.columnBreaks[0]!);
        const repeated = columnNumber(sheet.print.titleColumns!.split(":")[1]!);
        sheet.rows[3]!.forEach((c, k) => c.style?.startsWith("legend.") && expect([sheet.name, k + 1 > repeated && k + 1 < first]).toEqual([sheet.name, true]));
      }
    }
    const cut: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const image = renderPage(pdf, p, pages, DPI, dir);
      for (const w of crossedWords(words(pdf, p), image, DPI)) cut.push(`page ${p} (${ofSheet.get(p)}): “${w.text}”`);
    }
    expect(cut).toEqual([]);
  }, 240_000);
});
