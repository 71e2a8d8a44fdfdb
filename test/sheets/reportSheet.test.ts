import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { applyEntries } from "../../src/sheets/entries";
import { notMetLines, REPORT_SHEET, reportSentence } from "../../src/sheets/reportSheet";
import { readExisting, entriesOf, snapshotOfPlan } from "../../src/sheets/existing";
import { writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { refreshWorkbook } from "../../src/sheets/merge";
import { reportCountsOf } from "../../src/taskpane/report";
import type { SheetPlan } from "../../src/sheets/plan";
import { recalculatedCsv, recalculatedSheetCsv } from "../helpers/libreoffice";
import { appendix, childrenOf, row, seedCatalog } from "../helpers/seedCatalog";

/**
 * The year-end report sheet (issue 13, item 4; issue 21): recalculated by LibreOffice, its sentence, its lines
 * of indicators not met and its verdicts are the engine's; a packed row counts once and is named with its parts
 * not met; a 2030 target is "not yet due" in 2025; "Không đánh giá" says what is missing; a refresh rebuilds it;
 * a staff sheet with its name is kept.
 */
const AS_OF = "31/12/2025";
const TV = "TV-QD77-2025";
const ENTRIES: [string, string | number][] = [
  ["1", "2,5"], // < 3: met
  ["2", 7.5], // 7,8: near → "Không đạt" in the report
  ["6", "15"], // 9,77; phấn đấu 14,43: exceeded
  ["7", "4"], // 5,19: shortfall
  ["8", "abc"], // invalid
  ["13", "95,1%"], // 80: exceeded
  ["17", "Đạt"], // qualitative: met
];
const part = (code: string, k: number) => childrenOf(row(TV, "II", code))[k]!;
const NQ29 = appendix("KG-NQ29-2030", "II.2")[0]!; // "Tốc độ tăng trưởng GRDP bình quân thời kỳ 2021-2030": đạt 7%/năm
const FOREST = row("KG-KH5N-2021-2025", "BB", "25"); // "Tỷ lệ che phủ rừng", 11 in 2025

function filled() {
  const catalog = seedCatalog().catalog;
  const rows = [
    ...ENTRIES.map(([code, value]) => ({ key: row(TV, "IV", code).id, period: "2025", value })),
    // Packed rows of Phụ lục II: GRDP met but agriculture short; both GRDP per head parts short; lower secondary short.
    { key: part("1", 0).id, period: "2025", value: 7.2 },
    { key: part("1", 1).id, period: "2025", value: 1.5 },
    { key: part("2", 0).id, period: "2025", value: 90 },
    { key: part("2", 1).id, period: "2025", value: 3800 },
    { key: part("12", 0).id, period: "2025", value: 100 },
    { key: part("12", 1).id, period: "2025", value: 95 },
    // A reduction of 0,15 points without last year's figure: not assessed, and why.
    { key: part("15", 0).id, period: "2025", value: 0.2 },
    { key: NQ29.id, period: "2030", value: 6 },
    { key: FOREST.id, period: "2025", value: 12 },
  ].map((r, k) => ({ ...r, line: k + 1 }));
  const { plan } = applyEntries(buildWorkbookPlan(catalog, { asOf: AS_OF }), rows);
  return { catalog, plan };
}

/** The report first: LibreOffice's CSV export writes the first sheet (formulas name sheets, not places). */
async function written(plan: SheetPlan, name: string): Promise<string> {
  const report = plan.sheets.find((s) => s.name === REPORT_SHEET)!;
  const file = join(mkdtempSync(join(tmpdir(), "im-report-")), name);
  await writeWorkbookFile({ ...plan, sheets: [report, ...plan.sheets.filter((s) => s !== report)] }, file);
  return file;
}

describe("the year-end report sheet", () => {
  test("recalculated in LibreOffice, its sentence, its lines not met and its verdicts are the engine's", async () => {
    const { catalog, plan } = filled();
    const rows = recalculatedCsv(await written(plan, "report.xlsx"));
    const entries = entriesOf(readExisting(snapshotOfPlan(plan.sheets)));
    const counts = reportCountsOf(catalog, plan, entries, "2025");
    expect(counts.exceeded).toBeGreaterThanOrEqual(2);
    // One line per indicator not met: a packed row once, its parts named with their indicator, each name once.
    expect(counts.notMet).toEqual(
      expect.arrayContaining([
        "Tỷ lệ động viên vào NSNN trên GRDP",
        "Tốc độ tăng tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
        "Tăng trưởng GRDP — nông nghiệp",
        "GRDP bình quân đầu người",
        "Duy trì tỷ lệ học sinh trong độ tuổi đi học cấp Tiểu học — cấp trung học cơ sở",
      ]),
    );
    expect(counts.notMet).toHaveLength(new Set(counts.notMet).size);
    expect(counts.notMet.filter((n) => /[.,;]$/.test(n))).toEqual([]);
    // The 2030 target is shown, not judged: never "not met" in 2025.
    expect(counts.notMet.join("|")).not.toContain("2021-2030");
    expect(counts.notDue).toBe(appendix("KG-NQ29-2030", "II.2").length);

    const vi = rows.find((r) => r[1]?.startsWith("Năm 2025, tổng số "))?.[1];
    expect(vi).toBe(reportSentence(counts, "2025", "vi"));
    const list = rows.find((r) => r[1]?.startsWith("Các chỉ tiêu không đạt:"))?.[1];
    expect(list).toBe(notMetLines(counts, "vi").join("\n"));
    // The workbook is built in Vietnamese: no English copy on the sheet (the pane gives it).
    expect(rows.some((r) => r[1]?.startsWith("In 2025"))).toBe(false);

    // Row by row: the verdicts LibreOffice computed.
    const line = (name: string) => rows.find((r) => r[2] === name);
    expect(line("Tỷ lệ nợ xấu nội bảng")?.[7]).toBe("Đạt");
    expect(line("Tỷ lệ nợ xấu nội bảng")?.[6]).toBe(`${((2.5 / 3) * 100).toFixed(1)}%`); // thực hiện ÷ kế hoạch, lower is better too
    expect(line("Tỷ lệ động viên vào NSNN trên GRDP")?.[7]).toBe("Không đạt");
    expect(line("Giá trị sản xuất công nghiệp")?.[7]).toBe("Vượt");
    expect(line("Chỉ số đổi mới sáng tạo")?.[7]).toBe("Lỗi nhập liệu");
    expect(line("Tỷ lệ huy động trẻ nhà trẻ")?.[7]).toBe("Chưa có số liệu");
    expect(line("Giảm tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều")?.[7]).toBe("Không đánh giá (thiếu số liệu năm trước)");
    // A 2030 target: its progress, and not yet due.
    expect(line(NQ29.name)?.[7]).toBe("Chưa đến hạn đánh giá");
    expect(line(NQ29.name)?.[6]).toBe(`${((6 / 7) * 100).toFixed(1)}%`);
    // The five-year table's 2025 block compares with the plan too.
    expect(line(FOREST.name)?.[6]).toBe(`${((12 / 11) * 100).toFixed(1)}%`);
  }, 180_000);

  test("the sentence and the appendix headings are merged across the table, with rows tall enough; it ends with the signatures", () => {
    const { plan } = filled();
    const report = plan.sheets.find((s) => s.name === REPORT_SHEET)!;
    const merged = new Set(report.merges);
    const headings = report.rows.flatMap((r, k) => (typeof r[1]?.value === "string" && /^PHỤ LỤC /.test(r[1].value) ? [k + 1] : []));
    expect(headings.length).toBe(plan.sheets.filter((s) => s.kind === "indicators").length);
    for (const r of headings) {
      expect(merged.has(`B${r}:H${r}`)).toBe(true);
      // As many lines as the heading takes across B:H (about 1.15 characters a width unit), never the TT column's.
      const width = report.columns.slice(1, 8).reduce((s, c) => s + c.width, 0);
      const lines = Math.ceil(String(report.rows[r - 1]![1]!.value).length / Math.floor(width * 1.15));
      expect(report.heights[String(r)]).toBeGreaterThanOrEqual(lines * 13);
    }
    const sentence = report.rows.findIndex((r) => r[1]?.formula?.startsWith('"Năm 2025, tổng số "')) + 1;
    expect(merged.has(`B${sentence}:H${sentence}`)).toBe(true);
    expect(merged.has(`B${sentence + 1}:H${sentence + 1}`)).toBe(true);
    const texts = report.rows.flatMap((r) => r.map((c) => (typeof c.value === "string" ? c.value : "")));
    expect(texts).toEqual(expect.arrayContaining(["NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ"]));
    const end = Number(/:H(\d+)$/.exec(report.print!.area!)?.[1]);
    expect(report.rows.findIndex((r) => r[1]?.value === "NGƯỜI LẬP BIỂU") + 1).toBeLessThan(end);
  });

  test("a refresh rebuilds it; a sheet of staff's named “Báo cáo năm” is theirs and kept", () => {
    const { catalog, plan } = filled();
    const again = refreshWorkbook(catalog, readExisting(snapshotOfPlan(plan.sheets)), { asOf: AS_OF, tolerance: 0.05, now: "01/12/2026 09:00" });
    expect(again.changes).toEqual([]);
    expect(again.replace).toContain(REPORT_SHEET);
    const staff = { name: REPORT_SHEET, hidden: false, rows: [["Báo cáo của phòng"]], hiddenRows: [] };
    const ours = snapshotOfPlan(plan.sheets.filter((s) => s.name !== REPORT_SHEET));
    const withStaff = refreshWorkbook(catalog, readExisting({ sheets: [...ours.sheets, staff] }), { asOf: AS_OF, tolerance: 0.05, now: "01/12/2026 09:00" });
    expect(withStaff.keep).toContain(REPORT_SHEET);
    expect(withStaff.replace).not.toContain(REPORT_SHEET);
  });
});

test("with nothing entered, the sentence says there is nothing to judge yet — in LibreOffice as in the engine", async () => {
  const catalog = seedCatalog().catalog;
  const plan = buildWorkbookPlan(catalog, { asOf: AS_OF, plans: [TV] });
  const rows = recalculatedCsv(await written(plan, "empty.xlsx"));
  const counts = reportCountsOf(catalog, plan, { actuals: {}, notes: {}, baselines: {} }, "2025");
  expect(counts.exceeded + counts.met + counts.notMet.length).toBe(0);
  const sentence = reportSentence(counts, "2025", "vi");
  expect(sentence).toMatch(/^Năm 2025, tổng số \d+ chỉ tiêu: chưa có chỉ tiêu nào đủ số liệu để đánh giá; \d+ chỉ tiêu chưa có số liệu\.$/);
  expect(rows.find((r) => r[1]?.startsWith("Năm 2025"))?.[1]).toBe(sentence);
}, 120_000);

test("with a monthly calendar, the estimate of the months typed is the report's “Ước thực hiện” while the year's cell is empty", async () => {
  const catalog = seedCatalog().catalog;
  const bad = row(TV, "IV", "1"); // Tỷ lệ nợ xấu nội bảng, < 3 %
  const sales = row(TV, "IV", "7"); // 5,19 %
  const rows = [
    { key: bad.id, period: "2025-T01", value: 2.2 },
    { key: bad.id, period: "2025-T02", value: 2.4 },
    { key: sales.id, period: "2025-T01", value: 4 },
    { key: sales.id, period: "2025", value: 6 }, // the year's figure wins over the months'
  ].map((r, k) => ({ ...r, line: k + 1 }));
  const { plan } = applyEntries(buildWorkbookPlan(catalog, { asOf: "28/02/2025", plans: [TV], calendar: "month" }), rows);
  const file = await written(plan, "monthly.xlsx");
  const report = recalculatedCsv(file);
  const sheet = plan.sheets.find((s) => s.name.endsWith(" IV"))!;
  const indicators = await recalculatedSheetCsv(file, sheet.name);
  const keys = indicators[4]!;
  const estimate = indicators[sheet.rowOf[bad.id]! - 1]![keys.indexOf("estimate")]!;
  expect(estimate).not.toBe("");
  const line = (name: string) => report.find((r) => r[2] === name)!;
  expect(Number(line(bad.name)[5])).toBeCloseTo(Number(estimate), 9);
  expect(Number(line(sales.name)[5])).toBe(6);
  const entries = entriesOf(readExisting(snapshotOfPlan(plan.sheets)));
  const counts = reportCountsOf(catalog, plan, entries, "2025");
  expect(counts.met + counts.exceeded).toBeGreaterThanOrEqual(2);
  expect(report.find((r) => r[1]?.startsWith("Năm 2025"))?.[1]).toBe(reportSentence(counts, "2025", "vi"));
}, 180_000);
