import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { evaluateReport } from "../../src/evaluate/report";
import { judgeCell } from "../../src/evaluate/judge";
import { reportWorkbookPlan } from "../../src/sheets/reportWorkbook";
import { REPORT_SHEET } from "../../src/sheets/reportSheet";
import { REPORT_VERDICT } from "../../src/sheets/verdicts";
import { writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { recalculatedCsv } from "../helpers/libreoffice";
import { runCli } from "../helpers/cli";
import { main } from "../../src/cli/evaluate";

/**
 * A pasted year-end report written as a workbook (issue 13, item 6: `evaluate --report`): the real Thừa Thiên
 * Huế 2019 report, recalculated by LibreOffice — every verdict of its report sheet is the one the workbook's
 * engine gives the cell as written, and, where the report's actual went in as a number, the one `evaluate`
 * gives the report's text.
 */
const FILE = join(__dirname, "../fixtures/reports/hue-2019.tsv");

test("the report sheet of a pasted report recalculates to the verdicts of the engine and of evaluate", async () => {
  const report = evaluateReport(readFileSync(FILE, "utf8"), { plan: "HUE-2019" });
  if (!report.ok) throw new Error(report.error.en);
  const book = reportWorkbookPlan(report, { id: "HUE-2019", source: "hue-2019.tsv", year: "2019" }, { today: "01/12/2026" });
  expect(book.numbers).toBeGreaterThanOrEqual(18);
  const sheet = book.plan.sheets.find((s) => s.name === REPORT_SHEET)!;
  const file = join(mkdtempSync(join(tmpdir(), "im-report-wb-")), "bc.xlsx");
  await writeWorkbookFile({ ...book.plan, sheets: [sheet, ...book.plan.sheets.filter((s) => s !== sheet)] }, file);
  const rows = recalculatedCsv(file);
  expect(rows.find((r) => r[1]?.startsWith("Năm 2019, tổng số "))).toBeDefined();
  const kept = new Set(book.texts.map((t) => t.name));
  let compared = 0;
  for (const r of report.rows) {
    if (r.indicator.target.kind === "composite") continue;
    const line = rows.find((x) => x[2] === r.indicator.name);
    expect(line).toBeDefined();
    const shown = line![7];
    const written = kept.has(r.indicator.name) ? r.actualText : r.read.readings[0]!.kind === "number" ? (r.read.readings[0] as { value: number }).value : r.actualText;
    const engine = judgeCell(r.indicator.target, r.indicator.direction, written, { unit: r.indicator.unit }).status;
    expect([r.indicator.name, shown]).toEqual([r.indicator.name, REPORT_VERDICT[engine].vi]);
    if (!kept.has(r.indicator.name)) {
      expect([r.indicator.name, shown]).toEqual([r.indicator.name, REPORT_VERDICT[r.judgement.status].vi]);
      compared++;
    }
  }
  expect(compared).toBeGreaterThanOrEqual(18);
}, 180_000);

test("evaluate --report writes the workbook and says what went in as numbers and what was kept as written", async () => {
  const out = join(mkdtempSync(join(tmpdir(), "im-report-cli-")), "bc.xlsx");
  const r = await runCli(main, ["--from", join(__dirname, "../fixtures/reports/national-2019.tsv"), "--report", out]);
  expect(r.code).toBe(0);
  expect(r.out).toContain("10 số thực hiện ghi thành số / actuals written as numbers, 4 giữ nguyên chữ");
  expect(r.out).toContain("“61-62”");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining([REPORT_SHEET, "NATIONAL-2019 1"]));
});
