import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { applyEntries } from "../../src/sheets/entries";
import { REPORT_SHEET, reportSentence } from "../../src/sheets/reportSheet";
import { readExisting, entriesOf, snapshotOfPlan } from "../../src/sheets/existing";
import { writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { refreshWorkbook } from "../../src/sheets/merge";
import { reportCountsOf } from "../../src/taskpane/report";
import { recalculatedCsv } from "../helpers/libreoffice";
import { row, seedCatalog } from "../helpers/seedCatalog";

/**
 * The year-end report sheet (issue 13, item 4): recalculated by LibreOffice, its sentence and its verdicts are
 * the engine's; a refresh rebuilds it; a staff sheet with its name is kept.
 */
const AS_OF = "31/12/2025";
const ENTRIES: [string, string | number][] = [
  ["1", "2,5"], // < 3: met
  ["2", 7.5], // 7,8: near → "Không đạt" in the report
  ["6", "15"], // 9,77; phấn đấu 14,43: exceeded
  ["7", "4"], // 5,19: shortfall
  ["8", "abc"], // invalid
  ["13", "95,1%"], // 80: exceeded
  ["17", "Đạt"], // qualitative: met
];

function filled() {
  const catalog = seedCatalog().catalog;
  const rows = ENTRIES.map(([code, value], k) => ({ line: k + 1, key: row("TV-QD77-2025", "IV", code).id, period: "2025", value }));
  const { plan } = applyEntries(buildWorkbookPlan(catalog, { asOf: AS_OF }), rows);
  return { catalog, plan };
}

describe("the year-end report sheet", () => {
  test("recalculated in LibreOffice, its sentence and verdicts are the engine's", async () => {
    const { catalog, plan } = filled();
    const report = plan.sheets.find((s) => s.name === REPORT_SHEET)!;
    expect(report).toBeDefined();
    // LibreOffice's CSV export writes the first sheet: put the report first (formulas name sheets, not places).
    const file = join(mkdtempSync(join(tmpdir(), "im-report-")), "report.xlsx");
    await writeWorkbookFile({ ...plan, sheets: [report, ...plan.sheets.filter((s) => s !== report)] }, file);
    const rows = recalculatedCsv(file);
    const entries = entriesOf(readExisting(snapshotOfPlan(plan.sheets)));
    const counts = reportCountsOf(catalog, plan, entries, "2025");
    expect(counts.exceeded).toBeGreaterThanOrEqual(2);
    expect(counts.notMet).toEqual(expect.arrayContaining(["Tỷ lệ động viên vào NSNN trên GRDP", "Tốc độ tăng tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng"]));
    const vi = rows.find((r) => r[1]?.startsWith("Năm 2025, có "))?.[1];
    const en = rows.find((r) => r[1]?.startsWith("In 2025, "))?.[1];
    expect(vi).toBe(reportSentence(counts, "2025", "vi"));
    expect(en).toBe(reportSentence(counts, "2025", "en"));
    // Row by row: the verdicts LibreOffice computed for Trà Vinh IV.
    const verdict = (name: string) => rows.find((r) => r[2] === name)?.[7];
    expect(verdict("Tỷ lệ nợ xấu nội bảng")).toBe("Đạt");
    expect(verdict("Tỷ lệ động viên vào NSNN trên GRDP")).toBe("Không đạt");
    expect(verdict("Giá trị sản xuất công nghiệp")).toBe("Vượt");
    expect(verdict("Chỉ số đổi mới sáng tạo")).toBe("Lỗi nhập liệu");
    expect(verdict("Tỷ lệ huy động trẻ nhà trẻ")).toBe("Chưa có số liệu");
  }, 180_000);

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
  const plan = buildWorkbookPlan(catalog, { asOf: AS_OF, plans: ["TV-QD77-2025"] });
  const report = plan.sheets.find((s) => s.name === REPORT_SHEET)!;
  const file = join(mkdtempSync(join(tmpdir(), "im-report-empty-")), "report.xlsx");
  await writeWorkbookFile({ ...plan, sheets: [report, ...plan.sheets.filter((s) => s !== report)] }, file);
  const rows = recalculatedCsv(file);
  const counts = reportCountsOf(catalog, plan, { actuals: {}, notes: {}, baselines: {} }, "2025");
  expect(counts.exceeded + counts.met + counts.notMet.length).toBe(0);
  const sentence = reportSentence(counts, "2025", "vi");
  expect(sentence).toMatch(/^Năm 2025: chưa có chỉ tiêu nào đủ số liệu để đánh giá; \d+ chỉ tiêu chưa có số liệu\.$/);
  expect(rows.find((r) => r[1]?.startsWith("Năm 2025"))?.[1]).toBe(sentence);
}, 120_000);
