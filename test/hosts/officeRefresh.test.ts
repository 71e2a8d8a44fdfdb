import { applySheetPlan } from "../../src/hosts/office/apply";
import { readEntriesFromExcel, refreshInExcel, restoreInExcel } from "../../src/hosts/office/refresh";
import { features } from "../../src/hosts/office/features";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { applyEntries, type EntryRow } from "../../src/sheets/entries";
import { refreshInWorkbook } from "../../src/hosts/xlsx/refresh";
import { toWorkbook } from "../../src/hosts/xlsx/write";
import { readEntries } from "../../src/hosts/xlsx/read";
import { generateCatalog } from "../../src/bench/generate";
import { parseTarget } from "../../src/parse/target";
import { BACKUP_SHEET, LOG_SHEET } from "../../src/sheets/existing";
import { editedCatalog, tvCatalog, TV } from "../helpers/refresh";
import { createExcelModel, cellsOf, type ExcelModel } from "../excel/model";
import type { Catalog } from "../../src/model";

/**
 * The Office host refreshes as the file host does (the same pure merge), on the strict model of Excel: the same
 * changes, the same entries afterwards, the backup complete before any sheet is replaced, staff's own sheet
 * untouched, and a number of syncs that does not grow with the number of indicators.
 */
const OPTIONS = { asOf: "30/06/2025", tolerance: 0.05, now: "22/11/2026 10:00" };
const f = (m: ExcelModel) => ({ features: features(m.supports) });

function typedEntries(catalog: Catalog): EntryRow[] {
  const rows: EntryRow[] = [];
  let line = 1;
  for (const plan of catalog.plans)
    for (const a of plan.appendices)
      a.indicators.forEach((i, k) => {
        const periods = Object.keys(i.yearly).filter((y) => /^\d{4}$/.test(y));
        for (const p of periods.length > 1 ? periods : [""]) rows.push({ line: line++, key: i.id, period: p, value: 10 + k });
      });
  return rows;
}

async function loaded(catalog: Catalog, staffSheet = false) {
  const m = createExcelModel({ sheets: staffSheet ? ["Ghi chép của phòng"] : ["Sheet1"] });
  if (staffSheet) m.type("Ghi chép của phòng", "A1", "Họp giao ban");
  const plan = applyEntries(buildWorkbookPlan(catalog, { asOf: OPTIONS.asOf, plans: catalog.plans.map((p) => p.id) }), typedEntries(catalog)).plan;
  await applySheetPlan(m.context, plan, f(m));
  m.stats.syncs = 0;
  return { m, plan };
}

describe("refresh inside Excel (strict model)", () => {
  it("changes and carries exactly as the file host does; staff's sheet untouched", async () => {
    const { m, plan } = await loaded(tvCatalog(), true);
    const before = (await readEntriesFromExcel(m.context, f(m))).entries;
    const inExcel = await refreshInExcel(m.context, editedCatalog(), { ...OPTIONS, ...f(m), dryRun: false });
    const wb = toWorkbook(plan);
    const inFile = refreshInWorkbook(wb, editedCatalog(), { ...OPTIONS, apply: true });
    expect(inExcel.refresh.changes).toEqual(inFile.changes);
    const after = (await readEntriesFromExcel(m.context, f(m))).entries;
    expect(after).toEqual(readEntries(wb));
    expect(Object.keys(after.actuals).length).toBe(Object.keys(before.actuals).length);
    expect(m.cell("Ghi chép của phòng", "A1")!.value).toBe("Họp giao ban");
    expect(m.sheet(BACKUP_SHEET)!.visibility).toBe("Hidden");
    expect(m.sheet(LOG_SHEET)).toBeDefined();
    expect(m.sheets.some((s) => s.name.startsWith("~IM "))).toBe(false);
    expect(m.stats.failures).toEqual([]);
  });

  it("has the backup complete, under its real name, before any sheet is replaced", async () => {
    const { m } = await loaded(tvCatalog());
    const original = m.sheet(`${TV} IV`);
    const states: { backup: boolean; original: boolean }[] = [];
    const sync = m.context.sync.bind(m.context);
    (m.context as { sync: () => Promise<void> }).sync = async () => {
      await sync();
      states.push({ backup: !!m.sheet(BACKUP_SHEET), original: m.sheet(`${TV} IV`) === original });
    };
    await refreshInExcel(m.context, editedCatalog(), { ...OPTIONS, ...f(m), dryRun: false });
    expect(states.some((s) => s.backup && s.original)).toBe(true);
    expect(states[states.length - 1]).toEqual({ backup: true, original: false });
    const saved = [...cellsOf(m.sheet(BACKUP_SHEET)!).values()].filter((c) => typeof c.value === "string" && c.value.startsWith(`${TV}.IV.`));
    expect(saved.length).toBeGreaterThan(40);
  });

  it("needs the same number of syncs for 10 and 500 indicators, and only the reads on a dry run", async () => {
    const counts: number[] = [];
    for (const n of [10, 500]) {
      const catalog = generateCatalog(1, n, [2025]);
      const { m } = await loaded(catalog);
      for (const i of catalog.plans[0]!.appendices[0]!.indicators.slice(0, 3)) i.target = parseTarget("≥ 99", { name: i.name, unit: i.unit });
      const dry = await refreshInExcel(m.context, catalog, { ...OPTIONS, ...f(m), dryRun: true });
      expect(dry.syncs).toBe(m.stats.syncs);
      expect(dry.refresh.changes.filter((c) => c.kind === "target").length).toBeGreaterThan(0);
      m.stats.syncs = 0;
      const done = await refreshInExcel(m.context, catalog, { ...OPTIONS, ...f(m), dryRun: false });
      expect(done.syncs).toBe(m.stats.syncs);
      counts.push(m.stats.syncs);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it("keeps a formula staff typed in an actual cell as a formula, and a value typed over a status formula is reported", async () => {
    const { m } = await loaded(tvCatalog());
    const sheet = m.sheet(`${TV} IV`)!;
    const input = [...cellsOf(sheet)].find(([, c]) => !c.locked && typeof c.value === "number")!;
    sheet.cells.forEach((c) => c === input[1] && Object.assign(c, { value: 0, formula: "=7+0.5" }));
    const dry = await refreshInExcel(m.context, editedCatalog(), { ...OPTIONS, ...f(m), dryRun: true });
    expect(dry.refresh.notices.some((n) => n.en.includes("formula"))).toBe(false);
    await refreshInExcel(m.context, editedCatalog(), { ...OPTIONS, ...f(m), dryRun: false });
    expect([...cellsOf(m.sheet(`${TV} IV`)!).values()].filter((c) => c.formula === "=7+0.5")).toHaveLength(1);
  });

  it("reports a filtered table (Excel says so per table) and reads every row all the same", async () => {
    const { m } = await loaded(tvCatalog());
    m.sheet(`${TV} IV`)!.tables[0]!.filtered = true;
    const dry = await refreshInExcel(m.context, editedCatalog(), { ...OPTIONS, ...f(m), dryRun: true });
    expect(dry.refresh.notices.filter((n) => n.en.includes("filtered")).map((n) => n.sheet)).toEqual([`${TV} IV`]);
    expect(dry.refresh.changes.filter((c) => c.kind === "retired")).toHaveLength(1);
  });

  it("changes nothing on a second refresh, and restores a lost entry from the backup", async () => {
    const { m } = await loaded(tvCatalog());
    await refreshInExcel(m.context, editedCatalog(), { ...OPTIONS, ...f(m), dryRun: false });
    const again = await refreshInExcel(m.context, editedCatalog(), { ...OPTIONS, ...f(m), dryRun: false });
    expect(again.refresh.changes).toEqual([]);
    expect(again.applied).toBeNull();
    const sheet = m.sheet(`${TV} IV`)!;
    const [address, cell] = [...cellsOf(sheet)].find(([, c]) => !c.locked && typeof c.value === "number")!;
    const typed = cell.value;
    m.type(`${TV} IV`, address, "");
    const restored = await restoreInExcel(m.context, f(m));
    expect(restored.edits.length).toBe(1);
    expect(m.cell(`${TV} IV`, address)!.value).toBe(typed);
  });
});
