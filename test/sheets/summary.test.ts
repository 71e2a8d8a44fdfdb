import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbookPlan, SUMMARY_SHEET } from "../../src/sheets/workbook";
import { applyEntries } from "../../src/sheets/entries";
import { writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { applySheetPlan } from "../../src/hosts/office/apply";
import { features } from "../../src/hosts/office/features";
import { generateCatalog } from "../../src/bench/generate";
import { recalculatedCsv } from "../helpers/libreoffice";
import { createExcelModel } from "../excel/model";
import type { Catalog } from "../../src/model";

/**
 * The summary's per-agency counts: one short formula per cell whatever the number of sheets (Excel allows 8,192
 * characters per formula), no document text inside a formula (255 characters per string literal), and agency
 * names that look like COUNTIFS criteria ("Sở ?", ">0", "*") counted as the text they are.
 */
// Names the directory does not know are kept as printed, whole; "Sở Tài chính" is a known one.
const HOSTILE = ["Sở ?", ">0", "*", "=Ban ABC", `Ban ${"Quản lý dự án ".repeat(20)}`.trim(), "Sở Tài chính"];

function hostileCatalog(): Catalog {
  const catalog = generateCatalog(2, 12);
  catalog.plans.forEach((plan, p) => plan.appendices[0]!.indicators.forEach((ind, k) => (ind.agency = HOSTILE[(k + p) % HOSTILE.length]!)));
  return catalog;
}

describe("the summary's per-agency counts", () => {
  test("recalculated in LibreOffice, each agency row counts exactly its own indicators by status, wildcards and operators as text", async () => {
    const catalog = hostileCatalog();
    const plan = buildWorkbookPlan(catalog, { asOf: "31/12/2025" });
    // Actuals on every entry column, so that statuses differ from row to row.
    const entries = plan.sheets.flatMap((sheet) => {
      const keyRow = sheet.rows.findIndex((row) => row.some((c) => c.value === "id"));
      if (keyRow < 0) return [];
      const keys = sheet.rows[keyRow]!.map((c) => String(c.value ?? ""));
      return Object.keys(sheet.rowOf).flatMap((id, k) => keys.filter((key) => key.startsWith("actual:")).map((key) => ({ line: k + 1, key: id, period: key.slice(7), value: [40, 95, 2, "abc", 60][k % 5]! })));
    });
    const filled = applyEntries(plan, entries).plan;
    const summary = filled.sheets.find((s) => s.name === SUMMARY_SHEET)!;
    for (const row of summary.rows) for (const cell of row) if (cell.formula) for (const agency of HOSTILE) expect(cell.formula.includes(`"${agency}"`)).toBe(false);

    const file = join(mkdtempSync(join(tmpdir(), "im-summary-")), "summary.xlsx");
    await writeWorkbookFile(filled, file);
    const rows = recalculatedCsv(file);
    const listHeader = rows.findIndex((r) => r[1] === "Cơ quan chủ trì" && r[2] === "Chỉ tiêu");
    const agencyHeader = rows.findIndex((r) => r[1] === "Cơ quan chủ trì" && r[2] === "Số chỉ tiêu");
    const labels = rows[agencyHeader]!.slice(3, 10);
    const list = rows.slice(listHeader + 1).filter((r) => r[1] !== "");
    expect(list).toHaveLength(24);
    let counted = 0;
    for (const agency of HOSTILE) {
      const line = rows.slice(agencyHeader + 1, listHeader).find((r) => r[1] === agency);
      expect(line).toBeDefined();
      const expected = labels.map((label) => list.filter((r) => r[1] === agency && r[6] === label).length);
      expect(line!.slice(3, 10).map(Number)).toEqual(expected);
      expect(Number(line![2])).toBe(list.filter((r) => r[1] === agency).length);
      counted += Number(line![2]);
    }
    expect(counted).toBe(24);
    // Not all in one status: the counts say something.
    expect(new Set(list.map((r) => r[6])).size).toBeGreaterThan(2);
  }, 180_000);

  test("90 appendix sheets: every summary formula stays far under 8,192 characters, and the plan loads in the strict model of Excel", async () => {
    const plan = buildWorkbookPlan(generateCatalog(90, 3), { asOf: "31/12/2025" });
    expect(plan.sheets.length).toBeGreaterThan(90);
    const longest = Math.max(...plan.sheets.flatMap((s) => s.rows.flatMap((r) => r.map((c) => (c.formula ?? "").length))));
    expect(longest).toBeLessThan(1_000);
    const m = createExcelModel({ version: "1.17" });
    const report = await applySheetPlan(m.context, plan, { features: features(m.supports) });
    expect(report.refused).toBeNull();
    expect(report.written).toContain(SUMMARY_SHEET);
    expect(m.stats.failures).toEqual([]);
  }, 120_000);
});
