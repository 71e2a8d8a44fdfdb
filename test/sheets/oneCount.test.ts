import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/workbook";
import { indicatorCount } from "../../src/model/counting";
import { SUMMARY_SHEET, SUMMARY_SHEETS_HEADER, SUMMARY_TOTAL } from "../../src/sheets/summarySheet";
import { REPORT_SHEET } from "../../src/sheets/reportSheet";
import { recalculatedSheetCsv } from "../helpers/libreoffice";
import { runCli } from "../helpers/cli";
import { seedCatalog } from "../helpers/seedCatalog";

/**
 * Issue 21: one count of indicators everywhere (model/counting.ts). The seed workbook as `npm run workbook`
 * writes it, recalculated by LibreOffice: the summary's count of each appendix, the report's heading of each
 * appendix and the report sentence's total are the catalog's `indicatorCount` — Trà Vinh's Phụ lục II is 23
 * (14 packed rows, 39 parts), not 62.
 */
test("the seed workbook counts every appendix by the one rule: the summary, the report's headings and its sentence", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "im-count-")), "seed.xlsx");
  const run = await runCli(main, ["--out", file, "--as-of", "31/12/2025"]);
  expect(run.code).toBe(0);
  const catalog = seedCatalog().catalog;
  const expected = new Map<string, number>();
  for (const plan of catalog.plans) {
    for (const a of plan.appendices) {
      if (a.indicators.length === 0) continue;
      // The GRDP scenario pair (IIIa, IIIb) is one sheet, "… III", a row per sector of both.
      const id = a.layout === "scenario" ? a.id.replace(/[ab]$/i, "") : a.id;
      const n = indicatorCount(a.indicators);
      const key = `${plan.id} ${id}`;
      if (expected.has(key)) expect(expected.get(key)).toBe(n);
      expected.set(key, n);
    }
  }
  expect(expected.get("TV-QD77-2025 II")).toBe(23);

  const summary = await recalculatedSheetCsv(file, SUMMARY_SHEET);
  const header = summary.findIndex((r) => r[1] === SUMMARY_SHEETS_HEADER);
  const total = summary.findIndex((r) => r[1] === SUMMARY_TOTAL);
  const counted = new Map(summary.slice(header + 1, total).map((r) => [r[1]!, Number(r[2])]));
  expect(counted).toEqual(expected);
  expect(Number(summary[total]![2])).toBe([...expected.values()].reduce((a, b) => a + b, 0));

  const report = await recalculatedSheetCsv(file, REPORT_SHEET);
  // Every appendix heading of the report says its count: "PHỤ LỤC II — … (23 chỉ tiêu)".
  const headings = report.filter((r) => /^PHỤ LỤC /.test(r[1] ?? "")).map((r) => Number(/\((\d+) chỉ tiêu/.exec(r[1]!)?.[1]));
  const reported = [...expected.entries()].filter(([key]) => !key.endsWith(" III")); // the scenario sheet is not in the year-end report
  expect(headings).toEqual(reported.map(([, n]) => n));
  // The sentence's total, and each of its counts, over the counted rows only.
  const sentence = report.find((r) => r[1]?.startsWith("Năm 2025, tổng số "))?.[1] ?? "";
  const sum = reported.reduce((a, [, n]) => a + n, 0);
  expect(sentence).toMatch(new RegExp(`^Năm 2025, tổng số ${sum} chỉ tiêu: `));
  const parts = [...sentence.matchAll(/(\d+) chỉ tiêu (chưa có số liệu|chưa đến hạn đánh giá|không đạt|có lỗi nhập liệu|không đánh giá)/g)].reduce((a, m) => a + Number(m[1]), 0);
  expect(parts).toBe(sum);
  // The 2030 targets (KG-NQ29-2030 II.2) are not due in the 2025 report.
  expect(sentence).toContain(`${expected.get("KG-NQ29-2030 II.2")} chỉ tiêu chưa đến hạn đánh giá`);
}, 240_000);
