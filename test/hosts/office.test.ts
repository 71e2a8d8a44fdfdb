import { applySheetPlan } from "../../src/hosts/office/apply";
import { readEntriesFromExcel } from "../../src/hosts/office/refresh";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { applyEntries } from "../../src/sheets/entries";
import { generateCatalog } from "../../src/bench/generate";
import { parsePastedTable } from "../../src/parse/document";
import { createFakeExcel } from "../../src/hosts/office/recordingContext";
import { seedCatalog, seedIndicators } from "../helpers/seedCatalog";

const all = () => true;
const LIMIT = 5 * 1024 * 1024;

describe("the Office.js host against a recording fake of the Excel API", () => {
  test("a full load takes the same number of context.sync() calls for 10, 100 and 1,000 indicators", async () => {
    const counts: number[] = [];
    for (const n of [10, 100, 1000]) {
      const fake = createFakeExcel();
      const plan = buildWorkbookPlan(generateCatalog(1, n, [2025]), { asOf: "31/12/2025" });
      const report = await applySheetPlan(fake.context, plan, { supports: all });
      expect(report.syncs).toBe(fake.syncs);
      counts.push(fake.syncs);
    }
    expect(counts).toEqual([2, 2, 2]);
  });

  test("every sync of the large generated plan (63 provinces × 50 indicators × 5 years) stays under 5 MB", async () => {
    const fake = createFakeExcel();
    const plan = buildWorkbookPlan(generateCatalog(63, 50), { asOf: "31/12/2025" });
    const report = await applySheetPlan(fake.context, plan, { supports: all });
    expect(Math.max(...fake.payloads)).toBeLessThan(LIMIT);
    expect(fake.payloads.reduce((a, b) => a + b, 0)).toBeGreaterThan(LIMIT); // it did have to split
    expect(report.written).toHaveLength(plan.sheets.length);
    // The host's own estimate and the fake's measurement agree within a factor of two.
    report.payloads.forEach((p, i) => {
      if (fake.payloads[i]! > 100_000) expect(p / fake.payloads[i]!).toBeGreaterThan(0.5);
    });
    expect(fake.syncs).toBeGreaterThan(2);
  }, 120_000);

  test("a document text =HYPERLINK(\"x\") is written as text, not as a formula", async () => {
    const pasted = parsePastedTable('TT\tChỉ tiêu\tĐơn vị\tKH năm 2026\n1\t=HYPERLINK("x")\t%\t90\n');
    if (!pasted.ok) throw new Error(pasted.error.en);
    const fake = createFakeExcel();
    await applySheetPlan(fake.context, buildWorkbookPlan({ plans: [pasted.plan] }, { asOf: "01/01/2026" }), { supports: all });
    const cells = [...fake.sheets.get("DAN 1")!.cells.values()].filter((c) => c.value === '=HYPERLINK("x")');
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ formula: null, numberFormat: "@" });
  });

  test("the status cells get formulas and the colours conditional formats keyed on the status code", async () => {
    const fake = createFakeExcel();
    await applySheetPlan(fake.context, buildWorkbookPlan(seedCatalog().catalog, { asOf: "22/11/2026" }), { supports: all });
    const iv = fake.sheets.get("TV-QD77-2025 IV")!;
    const formulas = [...iv.cells.values()].filter((c) => c.formula !== null);
    expect(formulas.length).toBeGreaterThan(51 * 5);
    expect(iv.conditional.some((c) => /="shortfall"$/.test(c.formula) && c.fill === "#FFC7CE")).toBe(true);
    expect(iv.tables).toEqual([{ address: expect.stringMatching(/^A6:/), name: "CT_TV_QD77_2025_IV" }]);
    expect(fake.sheets.get("_IM")!.visibility).toBe("Hidden");
  });

  test("reading back returns exactly the entries that were written, by stable id", async () => {
    const ids = seedIndicators().filter((i) => i.plan === "TV-QD77-2025" && i.appendix === "IV" && i.level === 0).map((i) => i.id);
    const typed = ["2,5", 7.5, "abc", "95,1%", "Đạt"];
    const { plan } = applyEntries(
      buildWorkbookPlan(seedCatalog().catalog, { asOf: "22/11/2026" }),
      typed.map((value, k) => ({ line: k + 1, key: ids[k]!, period: "2025", value })),
    );
    const fake = createFakeExcel();
    await applySheetPlan(fake.context, plan, { supports: all });
    const before = fake.syncs;
    const { entries } = await readEntriesFromExcel(fake.context);
    expect(fake.syncs - before).toBe(2);
    expect(Object.fromEntries(ids.slice(0, 5).map((id) => [id, entries.actuals[id]]))).toEqual(Object.fromEntries(ids.slice(0, 5).map((id, k) => [id, { "2025": typed[k] }])));
    expect(Object.keys(entries.actuals)).toHaveLength(5);
  });

  test("an existing sheet is never overwritten by a load", async () => {
    const fake = createFakeExcel(["TV-QD77-2025 IV"]);
    const report = await applySheetPlan(fake.context, buildWorkbookPlan(seedCatalog().catalog, { asOf: "22/11/2026" }), { supports: all });
    expect(report.existing).toEqual(["TV-QD77-2025 IV"]);
    expect(report.written).not.toContain("TV-QD77-2025 IV");
    expect(fake.sheets.get("TV-QD77-2025 IV")!.cells.size).toBe(0);
  });

  test("without the newer requirement sets it degrades and says what was left out", async () => {
    const fake = createFakeExcel();
    const report = await applySheetPlan(fake.context, buildWorkbookPlan(seedCatalog().catalog, { asOf: "22/11/2026" }), {
      supports: (_set, v) => Number(v) < 1.6,
    });
    expect(report.degraded.map((d) => d.en.split(" (")[0])).toEqual([
      "This Excel lacks conditional formats",
      "This Excel cannot freeze panes",
      "This Excel lacks data validation and calculation suspension",
      "This Excel lacks page layout and change events",
    ]);
    expect([...fake.sheets.values()].every((s) => s.conditional.length === 0)).toBe(true);
    expect(report.written.length).toBeGreaterThan(0);
  });
});
