import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { applyEntries } from "../../src/sheets/entries";
import { planFileRefresh, readEntriesFile, writeFileRefresh, writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { applySheetPlan } from "../../src/hosts/office/apply";
import { refreshInExcel } from "../../src/hosts/office/refresh";
import { features } from "../../src/hosts/office/features";
import { createExcelModel } from "../excel/model";
import { seedCatalog } from "../helpers/seedCatalog";
import type { Catalog } from "../../src/model";

/**
 * Sheets staff damaged: the hidden key row deleted or cleared, every id cleared, the header row deleted. Each is
 * reported at its cell; a sheet that cannot be read safely is kept exactly as it is (its entries with it) and
 * its appendix is not refreshed; the other sheets are refreshed; never a stack trace.
 */
const PLAN = "TV-QD77-2025";
const SHEET = "TV-QD77-2025 IV";
const OPTIONS = { asOf: "31/12/2025", tolerance: 0.05, now: "01/12/2026 09:00", plans: [PLAN] };
const dir = mkdtempSync(join(tmpdir(), "im-damaged-"));
const catalog = (): Catalog => structuredClone({ plans: seedCatalog().catalog.plans.filter((p) => p.id === PLAN) });

/** The catalog with one target changed in appendix II and one in appendix IV. */
function revised(): Catalog {
  const c = catalog();
  for (const id of ["II", "IV"]) {
    const ind = c.plans[0]!.appendices.find((a) => a.id === id)!.indicators.find((i) => i.level === 0 && !["none", "composite"].includes(i.target.kind))!;
    ind.target = { ...ind.target, text: `${ind.target.text} (sửa)` };
  }
  return c;
}

const idsOf = (app: string) => catalog().plans[0]!.appendices.find((a) => a.id === app)!.indicators.filter((i) => i.level === 0).map((i) => i.id);

async function damagedFile(name: string, damage: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const entries = [...idsOf("IV").slice(0, 3), ...idsOf("II").slice(0, 2)].map((key, k) => ({ line: k + 1, key, period: "2025", value: 10 + k }));
  const { plan } = applyEntries(buildWorkbookPlan(catalog(), { asOf: OPTIONS.asOf }), entries);
  const clean = join(dir, `${name}-clean.xlsx`);
  await writeWorkbookFile(plan, clean);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(clean);
  damage(wb.getWorksheet(SHEET)!);
  const file = join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

const idColumn = (ws: ExcelJS.Worksheet) => (ws.getRow(5).values as unknown[]).indexOf("id");

const DAMAGES: [string, (ws: ExcelJS.Worksheet) => void, string][] = [
  ["the key row deleted", (ws) => ws.spliceRows(5, 1), "A5"],
  ["the key row cleared", (ws) => ws.getRow(5).eachCell((c) => (c.value = null)), "A5"],
  [
    "every id cleared",
    (ws) => {
      const c = idColumn(ws);
      for (let r = 7; r <= ws.rowCount; r++) ws.getRow(r).getCell(c).value = null;
    },
    "A7",
  ],
];

describe.each(DAMAGES)("a sheet with %s", (name, damage, cell) => {
  let file: string;
  let before: unknown[][];
  beforeAll(async () => {
    file = await damagedFile(name.replace(/\s/g, "-"), damage);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    before = (wb.getWorksheet(SHEET)!.getSheetValues() as unknown[][]).map((r) => (r ? [...r] : r));
  }, 60_000);

  test("is reported at its cell, kept exactly as it is, and the other appendices are refreshed", async () => {
    const refresh = await planFileRefresh(file, revised(), OPTIONS);
    expect(refresh.notices.find((n) => n.sheet === SHEET && n.cell === cell)?.en).toMatch(/kept as it is.*not refreshed/);
    expect(refresh.keep).toContain(SHEET);
    expect(refresh.changes.filter((c) => c.kind === "target").map((c) => c.sheet)).toEqual(["TV-QD77-2025 II"]);
    expect(refresh.changes.some((c) => c.kind === "added")).toBe(false);
    const out = join(dir, `${name.replace(/\s/g, "-")}-out.xlsx`);
    await writeFileRefresh(file, out, refresh);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.filter((w) => w.name === SHEET)).toHaveLength(1);
    expect((wb.getWorksheet(SHEET)!.getSheetValues() as unknown[][]).map((r) => (r ? [...r] : r))).toEqual(before);
    // The other appendix's entries went through the refresh.
    const entries = await readEntriesFile(out);
    for (const [k, id] of idsOf("II").slice(0, 2).entries()) expect(entries.actuals[id]).toEqual({ "2025": 13 + k });
  }, 60_000);
});

test("a deleted header row is reported and the rows are still read by id", async () => {
  const file = await damagedFile("header", (ws) => ws.spliceRows(6, 1));
  const refresh = await planFileRefresh(file, revised(), OPTIONS);
  expect(refresh.notices.find((n) => n.sheet === SHEET)?.en).toMatch(/header row was deleted/);
  const out = join(dir, "header-out.xlsx");
  await writeFileRefresh(file, out, refresh);
  const entries = await readEntriesFile(out);
  for (const [k, id] of idsOf("IV").slice(0, 3).entries()) expect(entries.actuals[id]).toEqual({ "2025": 10 + k });
});

test("inside Excel (strict model): a cleared key row keeps the sheet, the refresh of the rest completes", async () => {
  const m = createExcelModel({ version: "1.17" });
  const f = { features: features(m.supports) };
  await applySheetPlan(m.context, buildWorkbookPlan(catalog(), { asOf: OPTIONS.asOf }), f);
  const ws = m.sheet(SHEET)!;
  // The model keys a cell by row × 20,000 + column: clear row 5.
  for (const key of [...ws.cells.keys()]) if (Math.floor(key / 20_000) === 5) ws.cells.delete(key);
  const done = await refreshInExcel(m.context, revised(), { ...OPTIONS, ...f, dryRun: false });
  expect(done.refresh.notices.some((n) => n.sheet === SHEET && n.cell === "A5")).toBe(true);
  expect(done.refresh.changes.filter((c) => c.kind === "target").map((c) => c.sheet)).toEqual(["TV-QD77-2025 II"]);
  expect(m.sheets.filter((s) => s.name === SHEET)).toHaveLength(1);
  expect(m.stats.failures).toEqual([]);
});
