import { applySheetPlan } from "../../src/hosts/office/apply";
import { readEntriesFromExcel, refreshInExcel, restoreInExcel } from "../../src/hosts/office/refresh";
import { features, MINIMUM_EXCEL_API } from "../../src/hosts/office/features";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { applyEntries } from "../../src/sheets/entries";
import { generateCatalog } from "../../src/bench/generate";
import { parsePastedTable } from "../../src/parse/document";
import { createExcelModel, cellsOf, PAYLOAD_LIMIT, type ExcelModel } from "../excel/model";
import { seedCatalog, seedIndicators } from "../helpers/seedCatalog";
import type { SheetPlan } from "../../src/sheets/plan";

/**
 * The Office.js host against the strict model of Excel (test/excel/model.ts: rules from Microsoft's
 * documentation, members and requirement sets from @types/office-js), under Microsoft 365 (ExcelApi 1.17),
 * Office 2019 (1.7) and the manifest's minimum.
 */
const VERSIONS = ["1.17", "1.7", MINIMUM_EXCEL_API];
const OPTIONS = { asOf: "22/11/2026", tolerance: 0.05, now: "22/11/2026 10:00" };
const seedPlan = () => buildWorkbookPlan(seedCatalog().catalog, { asOf: OPTIONS.asOf });
const opts = (m: ExcelModel) => ({ features: features(m.supports) });

/** Every text cell of the plan, as it must read back: sheet, address, text. */
function textCells(plan: SheetPlan): { sheet: string; address: string; text: string }[] {
  const out: { sheet: string; address: string; text: string }[] = [];
  const letter = (n: number) => {
    let s = "";
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  };
  for (const s of plan.sheets) s.rows.forEach((row, r) => row.forEach((c, k) => typeof c.value === "string" && c.value !== "" && c.formula === undefined && out.push({ sheet: s.name, address: `${letter(k + 1)}${r + 1}`, text: c.value })));
  return out;
}

describe.each(VERSIONS)("the Office host on the strict model of Excel, ExcelApi %s", (version) => {
  test("the seed plan loads; every text cell reads back as the same text (none became a number, date or Boolean)", async () => {
    const m = createExcelModel({ version });
    const plan = seedPlan();
    const report = await applySheetPlan(m.context, plan, opts(m));
    expect(report.refused).toBeNull();
    expect(report.written.sort()).toEqual(plan.sheets.map((s) => s.name).sort());
    const texts = textCells(plan);
    expect(texts.length).toBeGreaterThan(2000);
    const changed = texts.filter((t) => m.cell(t.sheet, t.address)?.value !== t.text || m.cell(t.sheet, t.address)?.formula !== null);
    expect(changed).toEqual([]);
    expect(Math.max(...m.stats.requests)).toBeLessThan(PAYLOAD_LIMIT);
  });

  test("a load followed by a dry-run refresh reports no change, and reading entries stays within the limits", async () => {
    const m = createExcelModel({ version });
    await applySheetPlan(m.context, seedPlan(), opts(m));
    const dry = await refreshInExcel(m.context, seedCatalog().catalog, { ...OPTIONS, ...opts(m), dryRun: true });
    expect(dry.refresh.changes).toEqual([]);
    expect(Math.max(...m.stats.responses)).toBeLessThan(PAYLOAD_LIMIT);
  });

  test("typed entries read back by stable id, refresh keeps them, restore puts a wiped one back (protected sheets)", async () => {
    const ids = seedIndicators().filter((i) => i.plan === "TV-QD77-2025" && i.appendix === "IV" && i.level === 0).map((i) => i.id);
    const typed = ["2,5", 7.5, "abc", "1.800", "Đạt"];
    // As stored (evaluate/typedEntry.ts): "2,5" is the number 2,5; "1.800" for a percentage reads two ways and stays text.
    const stored = [2.5, 7.5, "abc", "1.800", "Đạt"];
    const { plan } = applyEntries(buildWorkbookPlan(seedCatalog().catalog, { asOf: OPTIONS.asOf, protect: true }), typed.map((value, k) => ({ line: k + 1, key: ids[k]!, period: "2025", value })));
    const m = createExcelModel({ version });
    await applySheetPlan(m.context, plan, opts(m));
    const lockable = version !== MINIMUM_EXCEL_API; // unprotect() is ExcelApi 1.7: below it sheets are left unlocked
    expect(m.sheet("TV-QD77-2025 IV")!.protected).toBe(lockable);
    const { entries } = await readEntriesFromExcel(m.context, opts(m));
    expect(ids.slice(0, 5).map((id) => entries.actuals[id])).toEqual(stored.map((v) => ({ "2025": v })));
    // A revised catalog (one target changed) is refreshed on the protected sheets; the entries stay.
    const revised = seedCatalog().catalog;
    const ind = revised.plans.find((p) => p.id === "TV-QD77-2025")!.appendices.find((a) => a.id === "IV")!.indicators.find((i) => i.id === ids[5])!;
    ind.target = { ...ind.target, text: `${ind.target.text} (sửa)` };
    const done = await refreshInExcel(m.context, revised, { ...OPTIONS, ...opts(m), protect: true, dryRun: false });
    expect(done.refresh.changes.length).toBeGreaterThan(0);
    const after = (await readEntriesFromExcel(m.context, opts(m))).entries;
    expect(ids.slice(0, 5).map((id) => after.actuals[id])).toEqual(stored.map((v) => ({ "2025": v })));
    // Staff wipe one entry by mistake; restore writes it back into the protected sheet, as text.
    const sheet = m.sheet("TV-QD77-2025 IV")!;
    const [address] = [...cellsOf(sheet)].find(([, c]) => c.value === "1.800" && !c.locked)!;
    sheet.protected = false;
    m.type("TV-QD77-2025 IV", address, "");
    sheet.protected = lockable;
    expect((await readEntriesFromExcel(m.context, opts(m))).entries.actuals[ids[3]!]).toBeUndefined();
    const restored = await restoreInExcel(m.context, opts(m));
    expect(restored.edits.map((e) => e.value)).toEqual(["1.800"]);
    expect(m.cell("TV-QD77-2025 IV", address)).toMatchObject({ value: "1.800", formula: null });
    expect(sheet.protected).toBe(lockable);
    expect((await readEntriesFromExcel(m.context, opts(m))).entries.actuals[ids[3]!]).toEqual({ "2025": "1.800" });
  });

  test("staff sheets named “tổng hợp” and “Phụ Lục IV” beside the add-in's: load and refresh succeed, their cells untouched", async () => {
    const m = createExcelModel({ version, sheets: ["tổng hợp", "Phụ Lục IV"] });
    m.type("tổng hợp", "A1", "Ghi chép của phòng");
    m.type("Phụ Lục IV", "B2", "7-9");
    const report = await applySheetPlan(m.context, seedPlan(), opts(m));
    expect(report.renamed).toEqual([{ from: "Tổng hợp", to: "Tổng hợp (2)" }]);
    const revised = seedCatalog().catalog;
    revised.plans[0]!.appendices[0]!.indicators[0]!.target.text += " (sửa)";
    const refreshed = await refreshInExcel(m.context, revised, { ...OPTIONS, ...opts(m), dryRun: false });
    expect(refreshed.refresh.changes.some((c) => c.kind === "target")).toBe(true);
    expect(m.cell("tổng hợp", "A1")!.value).toBe("Ghi chép của phòng");
    expect(m.cell("Phụ Lục IV", "B2")!.value).toBe(46212); // typed by staff: Excel made it a date
    expect(m.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["tổng hợp", "Phụ Lục IV", "Tổng hợp (2)", "TV-QD77-2025 IV"]));
    // The summary under its free name counts every sheet: a second dry run has nothing to do.
    expect((await refreshInExcel(m.context, revised, { ...OPTIONS, ...opts(m), dryRun: true })).refresh.changes).toEqual([]);
  });

  test("a load interrupted by a failed sync leaves no half-built sheet under a real name, and run again completes", async () => {
    const m = createExcelModel({ version, failAtSync: 2 });
    await expect(applySheetPlan(m.context, seedPlan(), opts(m))).rejects.toMatchObject({ code: "GeneralException" });
    expect(m.sheets.filter((s) => s.name !== "Sheet1" && !s.name.startsWith("~IM ")).map((s) => s.name)).toEqual([]);
    const again = await applySheetPlan(m.context, seedPlan(), opts(m));
    expect(again.written).toHaveLength(seedPlan().sheets.length);
    expect(m.sheets.some((s) => s.name.startsWith("~IM "))).toBe(false);
    expect((await refreshInExcel(m.context, seedCatalog().catalog, { ...OPTIONS, ...opts(m), dryRun: true })).refresh.changes).toEqual([]);
  });
});

describe("the Office host and Excel's limits", () => {
  test("below the manifest's minimum the load writes nothing and says why, in Vietnamese and English", async () => {
    const m = createExcelModel({ version: "1.3" });
    const report = await applySheetPlan(m.context, seedPlan(), opts(m));
    expect(report.refused!.vi).toContain("ExcelApi 1.4");
    expect(report.refused!.en).toContain("too old");
    expect(m.stats.syncs).toBe(0);
  });

  test("what a version lacks is reported, not raised: Office 2019 (1.7) lacks validation and page layout", async () => {
    const m = createExcelModel({ version: "1.7" });
    const report = await applySheetPlan(m.context, seedPlan(), opts(m));
    expect(report.degraded.map((d) => d.en.split(" (")[0])).toEqual(["This Excel lacks data validation and calculation suspension", "This Excel lacks page layout and change events"]);
    const oldest = await applySheetPlan(createExcelModel({ version: MINIMUM_EXCEL_API }).context, seedPlan(), { features: features(createExcelModel({ version: MINIMUM_EXCEL_API }).supports) });
    expect(oldest.degraded.map((d) => d.en.split(" (")[0])).toEqual(["This Excel lacks conditional formats", "This Excel cannot freeze panes or unprotect sheets", "This Excel lacks data validation and calculation suspension", "This Excel lacks page layout and change events"]);
    expect(m.stats.failures).toEqual([]);
    expect(m.sheets.find((s) => s.name === "TV-QD77-2025 IV")!.conditional.length).toBeGreaterThan(0);
  });

  test("a refused page layout degrades with a message; the sheets are whole", async () => {
    const plan = seedPlan();
    // The layout step is the sync before protection (the last one): count a clean load's syncs, then fail it.
    const clean = createExcelModel({ version: "1.17" });
    const total = (await applySheetPlan(clean.context, plan, opts(clean))).syncs;
    const layoutSync = plan.sheets.some((s) => s.protect) ? total - 1 : total;
    const m = createExcelModel({ version: "1.17" });
    const sync = m.context.sync.bind(m.context);
    let n = 0;
    (m.context as { sync: () => Promise<void> }).sync = async () => {
      n++;
      if (n === layoutSync) m.failNextSync("GeneralException");
      return sync();
    };
    const report = await applySheetPlan(m.context, plan, opts(m));
    expect(report.degraded.some((d) => d.en.startsWith("Excel refused the page layout"))).toBe(true);
    expect(report.written).toHaveLength(plan.sheets.length);
  });

  test("a load takes the same number of syncs for 10, 100 and 1,000 indicators, and so does reading them back", async () => {
    const loads: number[] = [];
    const reads: number[] = [];
    for (const n of [10, 100, 1000]) {
      const m = createExcelModel();
      const report = await applySheetPlan(m.context, buildWorkbookPlan(generateCatalog(1, n, [2025]), { asOf: "31/12/2025" }), opts(m));
      loads.push(report.syncs);
      expect(report.syncs).toBe(m.stats.syncs);
      reads.push((await readEntriesFromExcel(m.context, opts(m))).syncs);
    }
    expect(new Set(loads).size).toBe(1);
    expect(new Set(reads).size).toBe(1);
  });

  test("the large plan (63 provinces × 50 indicators × 5 years): every request and response under 5 MB, text intact", async () => {
    const m = createExcelModel();
    const plan = buildWorkbookPlan(generateCatalog(63, 50), { asOf: "31/12/2025" });
    const report = await applySheetPlan(m.context, plan, opts(m));
    expect(report.written).toHaveLength(plan.sheets.length);
    const read = await readEntriesFromExcel(m.context, opts(m));
    expect(read.syncs).toBeGreaterThan(3);
    expect(Math.max(...m.stats.requests)).toBeLessThan(PAYLOAD_LIMIT);
    expect(Math.max(...m.stats.responses)).toBeLessThan(PAYLOAD_LIMIT);
    expect(m.stats.requests.reduce((a, b) => a + b, 0)).toBeGreaterThan(PAYLOAD_LIMIT); // it did have to split
    const texts = textCells(plan);
    expect(texts.filter((t) => m.cell(t.sheet, t.address)?.value !== t.text)).toEqual([]);
    const dry = await refreshInExcel(m.context, generateCatalog(63, 50), { ...OPTIONS, asOf: "31/12/2025", ...opts(m), dryRun: true });
    expect(dry.refresh.changes).toEqual([]);
  }, 240_000);

  test("a document text =HYPERLINK(\"x\") is written as text, not as a formula", async () => {
    const pasted = parsePastedTable('TT\tChỉ tiêu\tĐơn vị\tKH năm 2026\n1\t=HYPERLINK("x")\t%\t90\n');
    if (!pasted.ok) throw new Error(pasted.error.en);
    const m = createExcelModel();
    await applySheetPlan(m.context, buildWorkbookPlan({ plans: [pasted.plan] }, { asOf: "01/01/2026" }), opts(m));
    // The indicator's sheet holds the name, and the report's list of names a copy: each one text, none a formula.
    const cells = m.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.value === '=HYPERLINK("x")').map((c) => ({ sheet: s.name, ...c })));
    expect(cells.map((c) => c.sheet).sort()).toEqual(["BANG-DAN 1", "Báo cáo năm"].sort());
    for (const c of cells) expect(c).toMatchObject({ formula: null, numberFormat: "@" });
  });

  test("an existing sheet is never overwritten by a load", async () => {
    const m = createExcelModel({ sheets: ["TV-QD77-2025 IV"] });
    const report = await applySheetPlan(m.context, seedPlan(), opts(m));
    expect(report.existing).toEqual(["TV-QD77-2025 IV"]);
    expect(m.sheet("TV-QD77-2025 IV")!.cells.size).toBe(0);
  });
});

/** Every requirement-set version from the manifest's minimum to Microsoft 365's: the seed plan loads and refreshes. */
const EVERY_VERSION = Array.from({ length: 17 - Number(MINIMUM_EXCEL_API.split(".")[1]) + 1 }, (_, k) => `1.${Number(MINIMUM_EXCEL_API.split(".")[1]) + k}`);

describe("the seed plan under every ExcelApi version from the minimum to 1.17", () => {
  test.each(EVERY_VERSION)("ExcelApi %s: load, an entry, a revised target refreshed; the entry and every text cell intact", async (version) => {
    const m = createExcelModel({ version });
    const id = seedIndicators().find((i) => i.plan === "TV-QD77-2025" && i.appendix === "IV" && i.level === 0)!.id;
    const { plan } = applyEntries(seedPlan(), [{ line: 1, key: id, period: "2025", value: "1.800" }]);
    const loaded = await applySheetPlan(m.context, plan, opts(m));
    expect(loaded.refused).toBeNull();
    const revised = seedCatalog().catalog;
    revised.plans[0]!.appendices[0]!.indicators[0]!.target.text += " (sửa)";
    const done = await refreshInExcel(m.context, revised, { ...OPTIONS, ...opts(m), dryRun: false });
    expect(done.refresh.changes.some((c) => c.kind === "target")).toBe(true);
    expect((await readEntriesFromExcel(m.context, opts(m))).entries.actuals[id]).toEqual({ "2025": "1.800" });
    // Every text cell of what the refresh wrote reads back as the same text.
    const texts = textCells(done.refresh.plan);
    expect(texts.length).toBeGreaterThan(2000);
    expect(texts.filter((t) => m.cell(t.sheet, t.address)?.value !== t.text || m.cell(t.sheet, t.address)?.formula !== null)).toEqual([]);
    expect(m.stats.failures).toEqual([]);
  });
});

test("inside Excel (ExcelApi 1.9+) a wide sheet prints at a fixed scale across pages, code, name and unit repeated, down then over", async () => {
  const m = createExcelModel({ version: "1.17" });
  await applySheetPlan(m.context, seedPlan(), opts(m));
  const wide = m.sheet("KG-KH5N-2021-2025 BB")!.layout;
  expect(wide["PageLayout.zoom"]).toEqual({ scale: 65 });
  expect(wide["setPrintTitleColumns"]).toBe("$B:$D");
  expect(m.sheet("KG-KH5N-2021-2025 BB")!.layout["verticalPageBreaks"]).toEqual(seedPlan().sheets.find((s) => s.name === "KG-KH5N-2021-2025 BB")!.print.columnBreaks!.map((l) => `${l}1`));
  expect(wide["PageLayout.printOrder"]).toBe("DownThenOver");
  const narrow = m.sheet("TV-QD77-2025 IV")!.layout;
  expect(narrow["PageLayout.zoom"]).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
  expect(narrow["setPrintTitleColumns"]).toBeUndefined();
});
