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
import { countedIndicators, indicatorCount } from "../../src/model/counting";
import { reportingAgencies } from "../../src/sheets/agencyCells";
import { readExisting, entriesOf, snapshotOfPlan } from "../../src/sheets/existing";
import { reportCountsOf } from "../../src/taskpane/report";
import { appendix, childrenOf, row, seedCatalog } from "../helpers/seedCatalog";

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

test("a packed row counts once, by its parts' worst status, per appendix and per agency; its parts are never counted beside it (recalculated in LibreOffice)", async () => {
  const TV = "TV-QD77-2025";
  const part = (code: string, k: number) => childrenOf(row(TV, "II", code))[k]!.id;
  const entries = [
    { key: part("1", 0), value: 7.2 }, // met
    { key: part("1", 1), value: 1.5 }, // short: the packed row is short
    { key: part("2", 0), value: 101 },
    { key: part("2", 1), value: 4302 }, // both met: the packed row is met
    { key: row(TV, "II", "4").id, value: 31000 }, // a row of its own, met
  ].map((e, k) => ({ ...e, period: "2025", line: k + 1 }));
  const catalog = seedCatalog().catalog;
  const plan = applyEntries(buildWorkbookPlan(catalog, { asOf: "31/12/2025", plans: [TV] }), entries).plan;
  const file = join(mkdtempSync(join(tmpdir(), "im-summary-packed-")), "summary.xlsx");
  await writeWorkbookFile(plan, file);
  const rows = recalculatedCsv(file);
  const sheet = plan.sheets.find((s) => s.name === `${TV} II`)!;
  const line = rows.find((r) => r[1] === sheet.name)!;
  const ii = appendix(TV, "II");
  expect(Number(line[2])).toBe(indicatorCount(ii));
  expect(Number(line[2])).toBe(23);
  // By status, as the report counts the same sheet from the engine's judgements.
  const engine = reportCountsOf(catalog, { ...plan, sheets: [sheet] }, entriesOf(readExisting(snapshotOfPlan(plan.sheets))), "2025");
  const [exceeded, met, near, shortfall, noData] = line.slice(3, 8).map(Number);
  expect([exceeded, met, near! + shortfall!, noData]).toEqual([engine.exceeded, engine.met, engine.notMet.length, engine.noData]);
  expect(met! + exceeded!).toBe(2);
  expect(near! + shortfall!).toBe(1);
  // Per agency: the list has one row per counted indicator and agency, none for a part; the agency rows add up to it.
  const listHeader = rows.findIndex((r) => r[1] === "Cơ quan chủ trì" && r[2] === "Chỉ tiêu");
  const agencyHeader = rows.findIndex((r) => r[1] === "Cơ quan chủ trì" && r[2] === "Số chỉ tiêu");
  const until = (from: number) => rows.slice(from, rows.findIndex((r, k) => k >= from && r[1] === ""));
  const list = until(listHeader + 1);
  expect(list.filter((r) => r[3] === sheet.name)).toHaveLength(countedIndicators(ii).reduce((n, i) => n + reportingAgencies(i.agency).length, 0));
  const agencies = until(agencyHeader + 1);
  expect(agencies.reduce((n, r) => n + Number(r[2]), 0)).toBe(list.length);
}, 180_000);
