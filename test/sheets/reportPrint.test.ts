import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { applyEntries } from "../../src/sheets/entries";
import { REPORT_SHEET } from "../../src/sheets/reportSheet";
import { writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { convert, recalculatedCsv } from "../helpers/libreoffice";
import { childrenOf, row, seedCatalog } from "../helpers/seedCatalog";

/**
 * Issue 21: the printed year-end report shows its opening sentence, its lines of indicators not met and its
 * appendix headings whole — none cut by a row too short or wrapped into the narrow TT column. LibreOffice
 * recalculates the sheet (the texts the cells show) and prints it to PDF; the PDF's text holds each whole.
 */
const TV = "TV-QD77-2025";
const norm = (s: string) => s.replace(/\s+/g, " ").trim();

test("the report prints its sentence, its lines not met and its headings whole", async () => {
  const catalog = seedCatalog().catalog;
  const iv = (code: string) => row(TV, "IV", code).id;
  const part = (code: string, k: number) => childrenOf(row(TV, "II", code))[k]!.id;
  // Enough not met for several lines: long names, packed rows named with their parts.
  const entries = [
    { key: iv("2"), value: 7 },
    { key: iv("7"), value: 4 },
    { key: iv("28"), value: 20 },
    { key: iv("40"), value: 50 },
    { key: part("1", 1), value: 1.5 },
    { key: part("12", 1), value: 95 },
  ].map((e, k) => ({ ...e, period: "2025", line: k + 1 }));
  const { plan } = applyEntries(buildWorkbookPlan(catalog, { asOf: "31/12/2025", plans: [TV] }), entries);
  // Only the report prints: the other sheets hidden (a hidden sheet has no print area).
  const report = plan.sheets.find((s) => s.name === REPORT_SHEET)!;
  const others = plan.sheets.filter((s) => s !== report).map((s) => ({ ...s, hidden: true }));
  const dir = mkdtempSync(join(tmpdir(), "im-report-print-"));
  const file = join(dir, "report.xlsx");
  await writeWorkbookFile({ ...plan, sheets: [report, ...others] }, file);

  const shown = recalculatedCsv(file);
  const sentence = shown.find((r) => r[1]?.startsWith("Năm 2025, tổng số "))?.[1] ?? "";
  const list = shown.find((r) => r[1]?.startsWith("Các chỉ tiêu không đạt:"))?.[1] ?? "";
  const headings = shown.filter((r) => /^PHỤ LỤC /.test(r[1] ?? "")).map((r) => r[1]!);
  expect(sentence).toContain("chỉ tiêu không đạt");
  expect(list.split("\n").length).toBeGreaterThanOrEqual(4);
  expect(list).toContain("Tăng trưởng GRDP — nông nghiệp");
  expect(headings).toHaveLength(2);

  const pdf = convert(file, "pdf", dir);
  const text = norm(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }));
  for (const whole of [sentence, list, ...headings, "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ"]) expect([whole, text.includes(norm(whole))]).toEqual([whole, true]);
}, 240_000);
