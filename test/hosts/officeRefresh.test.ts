import { applySheetPlan } from "../../src/hosts/office/apply";
import { readEntriesFromExcel, refreshInExcel, restoreInExcel } from "../../src/hosts/office/refresh";
import { createFakeExcel, type FakeExcel } from "../../src/hosts/office/recordingContext";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { applyEntries, type EntryRow } from "../../src/sheets/entries";
import { refreshInWorkbook } from "../../src/hosts/xlsx/refresh";
import { toWorkbook } from "../../src/hosts/xlsx/write";
import { readEntries } from "../../src/hosts/xlsx/read";
import { generateCatalog } from "../../src/bench/generate";
import { parseTarget } from "../../src/parse/target";
import { BACKUP_SHEET, LOG_SHEET } from "../../src/sheets/existing";
import { editedCatalog, tvCatalog, TV } from "../helpers/refresh";
import type { Catalog } from "../../src/model";

/**
 * The Office host refreshes as the file host does (the same pure merge), tested against the recording fake:
 * the same changes, the same entries afterwards, the backup written before any sheet is replaced, staff's own
 * sheet untouched, and a number of syncs that does not grow with the number of indicators.
 */
const all = () => true;
const OPTIONS = { asOf: "30/06/2025", tolerance: 0.05, now: "22/11/2026 10:00", supports: all };

/** Entries typed for every indicator of the plan: an actual per input period and a note. */
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

async function loaded(catalog: Catalog, extraSheet = false): Promise<{ fake: FakeExcel; plan: ReturnType<typeof buildWorkbookPlan> }> {
  const fake = createFakeExcel(extraSheet ? ["Ghi chép của phòng"] : []);
  const plan = applyEntries(buildWorkbookPlan(catalog, { asOf: OPTIONS.asOf, plans: catalog.plans.map((p) => p.id) }), typedEntries(catalog)).plan;
  await applySheetPlan(fake.context, plan, { supports: all });
  if (extraSheet) fake.context.workbook.worksheets.getItem("Ghi chép của phòng").getRange("A1").values = [["Họp giao ban"]];
  fake.syncs = 0;
  return { fake, plan };
}

describe("refresh inside Excel (recording fake)", () => {
  it("changes and carries exactly as the file host does", async () => {
    const { fake, plan } = await loaded(tvCatalog(), true);
    const before = (await readEntriesFromExcel(fake.context)).entries;
    const inExcel = await refreshInExcel(fake.context, editedCatalog(), { ...OPTIONS, dryRun: false });

    const wb = toWorkbook(plan);
    const inFile = refreshInWorkbook(wb, editedCatalog(), { ...OPTIONS, apply: true });
    expect(inExcel.refresh.changes).toEqual(inFile.changes);

    const after = (await readEntriesFromExcel(fake.context)).entries;
    expect(after).toEqual(readEntries(wb));
    // Every entry typed before is still there, under an id whose name is the same indicator's.
    expect(Object.keys(after.actuals).length).toBe(Object.keys(before.actuals).length);
    expect(fake.sheets.get("Ghi chép của phòng")!.cells.get("1,1")!.value).toBe("Họp giao ban");
    expect(fake.sheets.get(BACKUP_SHEET)!.visibility).toBe("Hidden");
    expect(fake.sheets.has(LOG_SHEET)).toBe(true);
    expect(fake.sheets.has("~Theo dõi chỉ tiêu")).toBe(false);
  });

  it("writes the backup in a sync of its own, before any sheet is replaced", async () => {
    const { fake } = await loaded(tvCatalog());
    const original = fake.sheets.get(`${TV} IV`);
    const states: { backup: boolean; original: boolean }[] = [];
    const sync = fake.context.sync.bind(fake.context);
    (fake.context as { sync: () => Promise<void> }).sync = async () => {
      await sync();
      states.push({ backup: fake.sheets.has(BACKUP_SHEET), original: fake.sheets.get(`${TV} IV`) === original });
    };
    await refreshInExcel(fake.context, editedCatalog(), { ...OPTIONS, dryRun: false });
    expect(states.some((s) => s.backup && s.original)).toBe(true);
    expect(states[states.length - 1]).toEqual({ backup: true, original: false });
    const saved = [...fake.sheets.get(BACKUP_SHEET)!.cells.values()].filter((c) => typeof c.value === "string" && c.value.startsWith(`${TV}.IV.`));
    expect(saved.length).toBeGreaterThan(40);
  });

  it("needs the same number of syncs for 10 and 500 indicators, and only the reads on a dry run", async () => {
    const counts: number[] = [];
    for (const n of [10, 500]) {
      const catalog = generateCatalog(1, n, [2025]);
      const { fake } = await loaded(catalog);
      for (const i of catalog.plans[0]!.appendices[0]!.indicators.slice(0, 3)) i.target = parseTarget("≥ 99", { name: i.name, unit: i.unit });
      const dry = await refreshInExcel(fake.context, catalog, { ...OPTIONS, dryRun: true });
      expect(dry.syncs).toBe(2);
      expect(fake.syncs).toBe(2);
      expect(dry.refresh.changes.filter((c) => c.kind === "target").length).toBeGreaterThan(0);
      fake.syncs = 0;
      const done = await refreshInExcel(fake.context, catalog, { ...OPTIONS, dryRun: false });
      expect(done.syncs).toBe(fake.syncs);
      counts.push(fake.syncs);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(8);
  });

  it("keeps a formula staff typed in an actual cell as a formula", async () => {
    const { fake } = await loaded(tvCatalog());
    const sheet = fake.sheets.get(`${TV} IV`)!;
    const keyAt = (key: string) => [...sheet.cells.entries()].find(([k, c]) => k.startsWith("5,") && c.value === key)![0].split(",")[1];
    const [idCol, actualCol] = [keyAt("id"), keyAt("actual:2025")];
    const row = [...sheet.cells.keys()].map((k) => k.split(",")).find(([r, c]) => c === actualCol && Number(r) > 6 && typeof sheet.cells.get(`${r},${c}`)!.value === "number")![0];
    const id = sheet.cells.get(`${row},${idCol}`)!.value as string;
    Object.assign(sheet.cells.get(`${row},${actualCol}`)!, { value: null, formula: "=7+0.5" });
    await refreshInExcel(fake.context, editedCatalog(), { ...OPTIONS, dryRun: false });
    const after = fake.sheets.get(`${TV} IV`)!;
    const newRow = [...after.cells.entries()].find(([k, c]) => k.endsWith(`,${idCol}`) && c.value === id)![0].split(",")[0];
    expect(after.cells.get(`${newRow},${actualCol}`)!.formula).toBe("=7+0.5");
  });

  it("reports a filtered table (Excel says so per table) and reads every row all the same", async () => {
    const { fake } = await loaded(tvCatalog());
    fake.sheets.get(`${TV} IV`)!.tables[0]!.filtered = true;
    const dry = await refreshInExcel(fake.context, editedCatalog(), { ...OPTIONS, dryRun: true });
    expect(dry.refresh.notices.filter((n) => n.en.includes("filtered")).map((n) => n.sheet)).toEqual([`${TV} IV`]);
    expect(dry.refresh.changes.filter((c) => c.kind === "retired")).toHaveLength(1);
    expect(dry.syncs).toBe(2);
  });

  it("changes nothing on a second refresh, and restores lost entries from the backup", async () => {
    const { fake } = await loaded(tvCatalog());
    await refreshInExcel(fake.context, editedCatalog(), { ...OPTIONS, dryRun: false });
    const again = await refreshInExcel(fake.context, editedCatalog(), { ...OPTIONS, dryRun: false });
    expect(again.refresh.changes).toEqual([]);
    expect(again.applied).toBeNull();
    // An entry wiped by mistake comes back.
    const sheet = fake.sheets.get(`${TV} IV`)!;
    const keyAt = (key: string) => [...sheet.cells.entries()].find(([k, c]) => k.startsWith("5,") && c.value === key)![0].split(",")[1];
    const [idCol, actualCol] = [keyAt("id"), keyAt("actual:2025")];
    const row = [...sheet.cells.keys()].map((k) => k.split(",")).find(([r, c]) => c === actualCol && Number(r) > 6 && typeof sheet.cells.get(`${r},${c}`)!.value === "number")![0];
    const id = sheet.cells.get(`${row},${idCol}`)!.value as string;
    const typed = sheet.cells.get(`${row},${actualCol}`)!.value;
    sheet.cells.get(`${row},${actualCol}`)!.value = null;
    expect((await readEntriesFromExcel(fake.context)).entries.actuals[id]).toBeUndefined();
    const restored = await restoreInExcel(fake.context, all);
    expect(restored.edits.length).toBe(1);
    expect((await readEntriesFromExcel(fake.context)).entries.actuals[id]).toEqual({ "2025": typed });
  });
});
