import { applySheetPlan } from "../../src/hosts/office/apply";
import { readEntriesFromExcel, refreshInExcel } from "../../src/hosts/office/refresh";
import { snapshotFromExcel } from "../../src/hosts/office/read";
import { features } from "../../src/hosts/office/features";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { readExisting, snapshotOfPlan } from "../../src/sheets/existing";
import { refreshWorkbook } from "../../src/sheets/merge";
import { splitMaster } from "../../src/sheets/forms";
import { collectForms } from "../../src/sheets/collect";
import { RECEIPTS_SHEET } from "../../src/sheets/receipts";
import { generateCatalog } from "../../src/bench/generate";
import { createExcelModel, type ExcelModel } from "../excel/model";
import { seedCatalog } from "../helpers/seedCatalog";
import type { Catalog } from "../../src/model";

/**
 * Collecting returned forms inside Excel, on the strict model of Excel (test/excel: every request and response
 * measured as Office.js sends it, refused over 5 MB): the master loaded with a monthly calendar, its forms split
 * and filled, collected through the same refresh the pane uses — every value in its cell afterwards, the forms
 * received recorded, every request and response under 5 MB, and as many syncs for 63 forms as for 5 (the forms
 * are merged before anything is written: only the master's size decides the round trips).
 */
const AS_OF = "15/11/2025";
const f = (m: ExcelModel) => ({ features: features(m.supports) });

async function collectInExcel(catalog: Catalog, returned = Infinity) {
  const m = createExcelModel({ sheets: ["Sheet1"] });
  const plan = buildWorkbookPlan(catalog, { asOf: AS_OF, calendar: "month", identity: { kind: "master", master: "m-excel", versions: {}, calendar: "month", reportDay: 20 } });
  await applySheetPlan(m.context, plan, f(m));
  const read = await snapshotFromExcel(m.context, f(m).features);
  const master = readExisting(read.snapshot);
  const split = splitMaster(catalog, master, refreshWorkbook(catalog, master, { asOf: AS_OF, tolerance: 0.05, now: "01/11/2025 08:00" }), { now: "01/11/2025 08:00", masterFile: "master" });
  const typed = new Map<string, number>();
  const forms = split.forms.slice(0, returned).map((form, k) => {
    for (const sheet of form.plan.sheets) {
      const col = sheet.columns.findIndex((c) => c.key === "actual:2025-T11");
      if (col < 0) continue;
      for (const [id, row] of Object.entries(sheet.rowOf)) {
        const value = 50 + ((k * 7 + row) % 40);
        sheet.rows[row - 1]![col] = { ...sheet.rows[row - 1]![col], value };
        typed.set(id, value);
      }
    }
    return { file: form.file, existing: readExisting(snapshotOfPlan(form.plan.sheets)), saved: 45980.5 };
  });
  const collected = collectForms(master, forms, "20/11/2025 08:00");
  m.stats.syncs = 0;
  m.stats.requests.length = 0;
  m.stats.responses.length = 0;
  // As the Excel host does: the read that found what the forms change is the refresh's read.
  const written = await refreshInExcel(m.context, catalog, { asOf: AS_OF, tolerance: 0.05, now: "20/11/2025 08:00", dryRun: false, collected, read, ...f(m) });
  return { m, collected, typed, forms, written };
}

describe("collecting forms inside Excel (strict model)", () => {
  it("writes every collected value into its cell and records the forms received", async () => {
    const { m, collected, typed } = await collectInExcel(seedCatalog().catalog);
    expect(collected.refused).toEqual([]);
    expect(collected.edits.length).toBeGreaterThan(100);
    const entries = (await readEntriesFromExcel(m.context, f(m))).entries;
    const missing = [...typed].filter(([id, v]) => entries.actuals[id]?.["2025-T11"] !== v && collected.edits.some((e) => e.id === id));
    expect(missing).toEqual([]);
    // Indicators two agencies report were given two values: neither went in, both were reported.
    for (const c of collected.conflicts) expect(entries.actuals[c.id]?.["2025-T11"] ?? null).toBeNull();
    expect(m.sheet(RECEIPTS_SHEET)).toBeDefined();
    expect(m.stats.failures).toEqual([]);
  }, 120_000);

  it("stays within Excel on the web's request limits, in as many syncs for 63 forms as for 5 (3.150 indicators × 12 months)", async () => {
    const catalog = generateCatalog(63, 50, [2025], (p) => `Phòng Thống kê khu vực ${p + 1}`);
    const small = await collectInExcel(catalog, 5);
    const large = await collectInExcel(catalog);
    expect(small.collected.edits).toHaveLength(5 * 50);
    expect(large.collected.edits).toHaveLength(63 * 50);
    expect(Math.max(...large.m.stats.requests)).toBeLessThan(5_000_000);
    expect(Math.max(...large.m.stats.responses)).toBeLessThan(5_000_000);
    expect(large.m.stats.failures).toEqual([]);
    expect(large.written.syncs).toBe(small.written.syncs);
  }, 300_000);
});
