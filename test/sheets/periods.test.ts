import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { planFileRefresh, readEntriesFile, writeFileRefresh, writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { seedCatalog, row } from "../helpers/seedCatalog";
import type { SheetSpec } from "../../src/sheets/plan";

/**
 * The reporting calendar on the seed workbook: one input column per period of the reporting year, beside the
 * year's own column; a refresh keeps the calendar, every period entry and the "Cộng dồn" staff chose; a refresh to
 * another calendar keeps the old periods' entries as columns of their own.
 */
const TV = "TV-QD77-2025";
const keys = (s: SheetSpec) => s.columns.map((c) => c.key);

describe("periods on the indicator sheets", () => {
  const { catalog } = seedCatalog();
  const investment = row(TV, "II", "4");

  it("adds the year's months, the figure to date, the estimate and the pace; whole years add nothing", () => {
    const plan = buildWorkbookPlan(catalog, { asOf: "15/06/2025", plans: [TV], calendar: "month" });
    const sheet = plan.sheets.find((s) => s.name === `${TV} II`)!;
    const months = keys(sheet).filter((k) => /^actual:2025-T\d\d$/.test(k));
    expect(months).toHaveLength(12);
    expect(keys(sheet)).toEqual(expect.arrayContaining(["actual:2025", "accumulate", "todate", "estimate", "pace"]));
    expect(sheet.columns.find((c) => c.key === "actual:2025-T03")).toMatchObject({ header: "Tháng 3 2025", input: true });
    // The investment row adds up its months; the rates take the latest.
    const r = sheet.rowOf[investment.id]! - 1;
    const at = (key: string) => sheet.rows[r]![keys(sheet).indexOf(key)]!;
    expect(at("accumulate").value).toBe("Lũy kế");
    expect(at("todate").formula).toContain("SUM(");
    // The scenario sheet and a 2030 target get no periods.
    expect(keys(plan.sheets.find((s) => s.kind === "scenario")!).some((k) => k.startsWith("actual:2025-"))).toBe(false);
    const whole = buildWorkbookPlan(catalog, { asOf: "15/06/2025", plans: [TV] });
    expect(whole.sheets.flatMap(keys).some((k) => k === "pace" || /^actual:\d{4}-/.test(k))).toBe(false);
    const longTerm = buildWorkbookPlan(catalog, { asOf: "15/06/2025", plans: ["KG-NQ29-2030"], calendar: "month" });
    expect(longTerm.sheets.flatMap(keys).some((k) => k === "pace")).toBe(false);
  });

  it("keeps the calendar, the period entries and the chosen Cộng dồn through a refresh of the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "im-periods-"));
    const plan = buildWorkbookPlan(catalog, {
      asOf: "15/06/2025",
      plans: [TV],
      calendar: "month",
      entries: { actuals: { [investment.id]: { "2025-T01": 2400, "2025-T02": "2.500,5", "2025": 31000 } }, notes: {}, baselines: {} },
    });
    const sheet = plan.sheets.find((s) => s.name === `${TV} II`)!;
    const acc = keys(sheet).indexOf("accumulate");
    sheet.rows[sheet.rowOf[investment.id]! - 1]![acc] = { value: "Mới nhất", style: "text" };
    const file = join(dir, "master.xlsx");
    await writeWorkbookFile(plan, file);
    const refresh = await planFileRefresh(file, catalog, { asOf: "15/07/2025", tolerance: 0.05, now: "15/07/2025 08:00" });
    const again = refresh.plan.sheets.find((s) => s.name === `${TV} II`)!;
    expect(keys(again).filter((k) => /^actual:2025-T/.test(k))).toHaveLength(12);
    const out = join(dir, "new.xlsx");
    await writeFileRefresh(file, out, refresh);
    const entries = await readEntriesFile(out);
    expect(entries.actuals[investment.id]).toMatchObject({ "2025-T01": 2400, "2025-T02": "2.500,5", "2025": 31000 });
    const r = again.rowOf[investment.id]! - 1;
    expect(again.rows[r]![keys(again).indexOf("accumulate")]!.value).toBe("Mới nhất");

    // Another calendar: the months stay, as columns of the old periods.
    const quarterly = await planFileRefresh(out, catalog, { asOf: "15/07/2025", tolerance: 0.05, now: "15/07/2025 09:00", calendar: "quarter" });
    const q = quarterly.plan.sheets.find((s) => s.name === `${TV} II`)!;
    expect(keys(q)).toEqual(expect.arrayContaining(["actual:2025-Q1", "actual:2025-T01", "actual:2025-T02"]));
    expect(q.columns.find((c) => c.key === "actual:2025-T01")!.header).toContain("(kỳ cũ)");
    const qr = q.rowOf[investment.id]! - 1;
    expect(q.rows[qr]![keys(q).indexOf("actual:2025-T01")]!.value).toBe(2400);
  });
});
