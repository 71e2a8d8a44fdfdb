/**
 * @file Persona: a manager prints the summary (Tổng hợp) and the year-end report (Báo cáo năm) of the seed plans
 * with LibreOffice and reads them against the pane. What he must meet: every title, heading and the report's
 * sentence printed whole (the PDF's text holds each cell's whole text); one count per appendix on the load tab
 * (read in Chromium), the summary, the report's headings and its sentence (as LibreOffice recalculates them);
 * 159 tasks; no 2030 target judged in the 2025 report. The pages go to out/persona-manager/ as PNG.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { buildWorkbookPlan } from "../../../src/sheets/workbook";
import { applyEntries, type EntryRow } from "../../../src/sheets/entries";
import { writeWorkbookFile } from "../../../src/hosts/xlsx/files";
import { indicatorCount } from "../../../src/model/counting";
import { REPORT_SHEET } from "../../../src/sheets/reportSheet";
import { SUMMARY_SHEET, SUMMARY_SHEETS_HEADER, SUMMARY_TOTAL } from "../../../src/sheets/summarySheet";
import type { SheetPlan } from "../../../src/sheets/plan";
import { convert } from "../../helpers/libreoffice";
import { flatText, pageText, words } from "../../helpers/printedPages";
import { startPane, type PaneServer } from "../../helpers/pane";
import { outDir, recalculated, shown, squeeze } from "../../helpers/personas";
import { appendix, row, seedCatalog } from "../../helpers/seedCatalog";

const OUT = outDir("manager");
const AS_OF = "31/12/2025";
const { catalog } = seedCatalog();
/** Kiên Giang's 2030 growth target ("đạt 7%/năm" over 2021–2030): a figure far below it, typed in 2025. */
const grdp2030 = appendix("KG-NQ29-2030", "II.2").find((i) => i.name === "Tốc độ tăng trưởng GRDP bình quân thời kỳ 2021-2030")!;
const entries: [id: string, period: string, value: string][] = [
  [row("TV-QD77-2025", "IV", "1").id, "2025", "2,5"], // < 3: met
  [row("TV-QD77-2025", "IV", "6").id, "2025", "15"], // 9,77: exceeded
  [row("TV-QD77-2025", "IV", "7").id, "2025", "4"], // 5,19: not met
  [row("TV-QD77-2025", "IV", "21").id, "2025", "25"], // 30,8: not met
  [row("TV-QD77-2025", "IV", "8").id, "2025", "abc"], // invalid
  [grdp2030.id, "2030", "1"], // the latest figure, in the one cell the 2030 table has: not due in 2025, never "không đạt"
];

describe("a manager prints the summary and the year-end report", () => {
  let pane: PaneServer;
  let plan: SheetPlan;
  let pdf = "";
  let pages = 0;
  let book: ExcelJS.Workbook;
  const sheetOfPage = new Map<number, "summary" | "report" | "other">();
  const printed = (which: "summary" | "report") => [...sheetOfPage].filter(([, s]) => s === which).map(([p]) => flatText(pdf, p)).join(" ");

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "im-persona-manager-"));
    const rows: EntryRow[] = entries.map(([key, period, value], k) => ({ line: k + 1, key, period, value }));
    const applied = applyEntries(buildWorkbookPlan(catalog, { asOf: AS_OF }), rows);
    expect(applied.unmatched).toEqual([]);
    plan = applied.plan;
    const xlsx = join(dir, "theo-doi.xlsx");
    await writeWorkbookFile(plan, xlsx);
    // One LibreOffice run for the figures (recalculated), one for the pages (printed).
    book = (await recalculated([xlsx]))[0]!;
    pdf = convert(xlsx, "pdf", dir);
    pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    for (let p = 1; p <= pages; p++) {
      const head = pageText(pdf, p).split("\n").find((l) => l.trim() !== "") ?? "";
      sheetOfPage.set(p, /tổng hợp/.test(head) ? "summary" : /— báo cáo năm/.test(head) ? "report" : "other");
    }
    for (const [p, s] of sheetOfPage) if (s !== "other") execFileSync("pdftoppm", ["-png", "-r", "70", "-f", String(p), "-l", String(p), "-singlefile", pdf, join(OUT, `${s}-page-${p}`)]);
    pane = await startPane();
  }, 600_000);

  afterAll(async () => {
    await pane?.close();
  });

  /** The recalculated cells of a sheet, row by row (B… as shown). */
  const grid = (name: string) => {
    const ws = book.getWorksheet(name)!;
    const out: (string | number | boolean | null)[][] = [];
    // A merged range's text is its first cell's; the others read empty, as on the page.
    const at = (c: ExcelJS.Cell) => (c.isMerged && c.master.address !== c.address ? null : shown(c));
    for (let r = 1; r <= ws.rowCount; r++) out.push(Array.from({ length: 16 }, (_, k) => at(ws.getRow(r).getCell(k + 1))));
    return out;
  };

  /** The report's rows after its column header: headings (text across, nothing in C), counted rows (J = "ind"). */
  const report = () => {
    const g = grid(REPORT_SHEET);
    const header = g.findIndex((r) => r[1] === "TT" && r[2] === "Chỉ tiêu");
    const last = plan.sheets.find((x) => x.name === REPORT_SHEET)!.dataRows!.last; // the table's end, before the signatures
    return { g, header, body: g.slice(header + 1, last) };
  };

  test("the pages are there: the summary and the report print, each at least a page", () => {
    expect(pages).toBeGreaterThan(5);
    expect([...sheetOfPage.values()].filter((s) => s === "summary").length).toBeGreaterThanOrEqual(1);
    expect([...sheetOfPage.values()].filter((s) => s === "report").length).toBeGreaterThanOrEqual(2);
  });

  test("every title, heading and the report's sentence and list print whole", () => {
    const { g, body } = report();
    const wanted: string[] = [];
    for (const r of [0, 1, 2, 3]) if (typeof g[r]![1] === "string" && g[r]![1] !== "") wanted.push(g[r]![1] as string);
    // The appendix headings (across the table) and the sections (§ rows: their name across C:H).
    for (const r of body) {
      if (typeof r[1] === "string" && r[1] !== "" && (r[2] === null || r[2] === "")) wanted.push(r[1]);
      else if (r[9] === null && typeof r[2] === "string" && r[2] !== "" && (r[3] === null || r[3] === "")) wanted.push(r[2]);
    }
    // The signature block.
    for (const r of g) for (const c of [1, 5]) if (typeof r[c] === "string" && /NGƯỜI LẬP BIỂU|THỦ TRƯỞNG|ngày …… tháng/.test(r[c] as string)) wanted.push(r[c] as string);
    expect(wanted.length).toBeGreaterThanOrEqual(8);
    expect(wanted.some((w) => w.startsWith("Năm 2025, tổng số"))).toBe(true);
    const text = squeeze(printed("report"));
    const cut = wanted.map(squeeze).filter((w) => !text.includes(w));
    expect(cut).toEqual([]);
    // The summary's title block and the headers of its tables.
    const s = grid(SUMMARY_SHEET);
    const summaryWanted = [s[0]![1], s[1]![1], s[2]![1], SUMMARY_SHEETS_HEADER].filter((v): v is string => typeof v === "string" && v !== "");
    const summaryText = squeeze(printed("summary"));
    expect(summaryWanted.map(squeeze).filter((w) => !summaryText.includes(w))).toEqual([]);
  });

  test("every unit of the report prints whole in its column (“triệu đồng/người/năm”, not “…/nă”)", () => {
    // Column D's span on each report page, from the header's centres and the printed widths (TT 6, Chỉ tiêu 44, ĐVT 11 …).
    const stream: string[] = [];
    for (const [p, s] of sheetOfPage) {
      if (s !== "report") continue;
      const ws = words(pdf, p);
      const tt = ws.find((w) => w.text === "TT")!;
      const dvt = ws.find((w) => w.text === "ĐVT" && Math.abs(w.yMin - tt.yMin) < 3)!;
      const k = ((dvt.xMin + dvt.xMax) / 2 - (tt.xMin + tt.xMax) / 2) / 52.5;
      const left = (tt.xMin + tt.xMax) / 2 - 3 * k;
      const inD = ws.filter((w) => w.yMin > dvt.yMax && w.xMin >= left + 50 * k - 1 && w.xMax <= left + 61 * k + 1);
      inD.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
      stream.push(...inD.map((w) => w.text));
    }
    const column = stream.join("");
    // Each row's unit, in the report's order, found whole after the one before (a whole copy elsewhere cannot hide a cut one).
    const units = report().body.map((r) => r[3]).filter((u): u is string => typeof u === "string" && u.trim() !== "");
    expect(units.length).toBeGreaterThan(5);
    let from = 0;
    const cut: string[] = [];
    for (const u of units) {
      const at = column.indexOf(u.replace(/\s+/g, ""), from);
      if (at < 0) cut.push(u);
      else from = at + u.replace(/\s+/g, "").length;
    }
    expect(cut).toEqual([]);
  });

  test("one count per appendix: the load tab, the summary, the report's headings and its sentence; 159 tasks", async () => {
    // The summary, recalculated: sheet → "Số chỉ tiêu".
    const s = grid(SUMMARY_SHEET);
    const top = s.findIndex((r) => r[1] === SUMMARY_SHEETS_HEADER);
    const summary = new Map<string, number>();
    for (let r = top + 1; s[r]![1] !== SUMMARY_TOTAL; r++) summary.set(String(s[r]![1]), Number(s[r]![2]));
    // The report's headings, in sheet order: "… (23 chỉ tiêu…)".
    const { body } = report();
    const headings = body.filter((r) => typeof r[1] === "string" && r[1] !== "" && (r[2] === null || r[2] === "")).map((r) => Number(/\((\d+) chỉ tiêu/.exec(r[1] as string)?.[1]));
    const reportSheets = plan.sheets.filter((x) => x.kind === "indicators");
    expect(headings).toHaveLength(reportSheets.length);

    // The load tab, read in Chromium.
    const { context, page } = await pane.open(320, 900);
    const label = (testId: string) => page.getByTestId(testId).evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? "");
    const rows: string[] = [];
    let tasks = 0;
    for (const p of catalog.plans) {
      const own = p.appendices.filter((a) => a.indicators.length > 0);
      for (const t of p.tasks ?? []) {
        const n = Number(/\((\d+)\)$/.exec(await label(`tasks-${p.id}.${t.id}`))?.[1]);
        expect([t.id, n]).toEqual([t.id, t.tasks.length]);
        tasks += n;
      }
      const sheets = plan.sheets.filter((x) => (x.kind === "indicators" || x.kind === "scenario") && x.plan === p.id);
      // The plan's count on its checkbox: the indicators its sheets hold (a pair of scenarios is one sheet of rows).
      const planLabel = await label(`plan-${p.id}`);
      if (sheets.length > 0) expect([p.id, Number(/\((\d+) chỉ tiêu\)/.exec(planLabel)?.[1])]).toEqual([p.id, sheets.reduce((n, x) => n + summary.get(x.name)!, 0)]);
      for (const a of own) {
        const count = indicatorCount(a.indicators);
        const onTab = own.length > 1 ? Number(/\((\d+)\)$/.exec(await label(`appendix-${p.id}.${a.id}`))?.[1]) : count;
        const sheet = sheets.find((x) => x.appendix === a.id || (x.kind === "scenario" && a.id.startsWith(x.appendix ?? "\u0000")))!;
        const inReport = sheet.kind === "indicators" ? headings[reportSheets.indexOf(sheet)] : count;
        rows.push(`${p.id} ${a.id}: ${[onTab, summary.get(sheet.name), inReport].join(" ")}`);
        expect([p.id, a.id, onTab, summary.get(sheet.name), inReport]).toEqual([p.id, a.id, count, count, count]);
      }
    }
    expect(rows.find((r) => r.startsWith("TV-QD77-2025 II:"))).toBe("TV-QD77-2025 II: 23 23 23");
    await page.screenshot({ path: join(OUT, "pane-320-load.png"), fullPage: true });
    await context.close();
    expect(tasks).toBe(159);

    // The summary's task table counts each task once.
    const taskHeader = s.findIndex((r) => r[1] === "Nhiệm vụ theo cơ quan chủ trì");
    const taskTotal = s.findIndex((r, k) => k > taskHeader && r[1] === SUMMARY_TOTAL);
    expect(Number(s[taskTotal]![2])).toBe(159);

    // The sentence: its total is the headings' sum; its figures are the report's own rows.
    const sentence = String(report().g[2]![1]);
    const total = Number(/tổng số (\d+) chỉ tiêu/.exec(sentence)?.[1]);
    expect(total).toBe(headings.reduce((n, h) => n + h, 0));
    const counted = body.filter((r) => r[9] === "ind");
    expect(counted).toHaveLength(total);
    const code = (c: string) => counted.filter((r) => r[15] === c).length;
    const m = /có (\d+)\/(\d+) chỉ tiêu đạt và vượt kế hoạch \(vượt (\d+), đạt (\d+)\); (\d+) chỉ tiêu không đạt; (\d+) chỉ tiêu chưa có số liệu/.exec(sentence);
    expect(m).not.toBeNull();
    const [metOrMore, judged, exceeded, met, notMet, noData] = m!.slice(1).map(Number);
    expect([exceeded, met, notMet, noData]).toEqual([code("exceeded"), code("met"), code("near") + code("shortfall"), code("no_data")]);
    expect([metOrMore, judged]).toEqual([exceeded! + met!, exceeded! + met! + notMet!]);
    expect([exceeded, met, notMet]).toEqual([1, 1, 2]); // what was typed: 15 over 9,77; 2,5 under 3; 4 and 25 short
  }, 240_000);

  test("no 2030 target is judged in the 2025 report: shown, marked not yet due, not counted as not met", () => {
    const { body } = report();
    let later = false;
    const judged2030: string[] = [];
    for (const r of body) {
      if (typeof r[1] === "string" && r[1] !== "" && (r[2] === null || r[2] === "")) later = /mục tiêu đến năm 2030/.test(r[1]);
      else if (later && r[9] === "ind" && r[7] !== "Chưa đến hạn đánh giá") judged2030.push(`${String(r[2])}: ${String(r[7])}`);
    }
    expect(judged2030).toEqual([]);
    const grdp = body.find((r) => r[2] === grdp2030.name)!;
    expect(grdp).toBeDefined();
    expect([grdp[5], grdp[7]]).toEqual([1, "Chưa đến hạn đánh giá"]);
    const text = squeeze(String(report().g[3]![1] ?? ""));
    expect(text).not.toContain("Tốc độ tăng trưởng GRDP bình quân thời kỳ 2021-2030");
    expect(text).toContain("Tốc độ tăng tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng");
  });
});
