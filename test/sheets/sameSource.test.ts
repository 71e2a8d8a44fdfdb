import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { readExisting, snapshotOfPlan } from "../../src/sheets/existing";
import { refreshWorkbook } from "../../src/sheets/merge";
import { planFileRefresh, writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { seedCatalog } from "../helpers/seedCatalog";

/**
 * A workbook refreshed with the very documents it was built from changes nothing, whatever was loaded: every
 * subset of the seed plans, every appendix alone (ids with dots such as Kiên Giang's "II.2" included), and the
 * whole seed workbook through a real .xlsx file. Every sheet is found under its own appendix.
 */
const OPTIONS = { asOf: "31/12/2025", tolerance: 0.05, now: "01/12/2026 09:00" };
const catalog = () => seedCatalog().catalog;
const planIds = () => catalog().plans.filter((p) => p.appendices.length > 0).map((p) => p.id);
const notFound = (notices: { en: string }[]) => notices.filter((n) => /not in the source|renamed/.test(n.en));

const subsets = (): string[][] => {
  const ids = planIds();
  const out: string[][] = [];
  for (let mask = 1; mask < 1 << ids.length; mask++) out.push(ids.filter((_, k) => mask & (1 << k)));
  return out;
};

describe("the same-source refresh", () => {
  test.each(subsets().map((s) => [s.join(" + "), s]))("plans %s: no changes, every sheet found", (_, plans) => {
    const plan = buildWorkbookPlan(catalog(), { asOf: OPTIONS.asOf, plans: plans as string[] });
    const refresh = refreshWorkbook(catalog(), readExisting(snapshotOfPlan(plan.sheets)), OPTIONS);
    expect(refresh.changes).toEqual([]);
    expect(notFound(refresh.notices)).toEqual([]);
    expect(refresh.keep).toEqual([]);
  });

  const appendices = catalog().plans.flatMap((p) => p.appendices.filter((a) => !/b$/i.test(a.id) || a.layout !== "scenario").map((a) => `${p.id}.${a.id}`));
  test.each(appendices)("appendix %s alone: no changes, its sheet found", (key) => {
    const plan = buildWorkbookPlan(catalog(), { asOf: OPTIONS.asOf, appendices: [key] });
    const refresh = refreshWorkbook(catalog(), readExisting(snapshotOfPlan(plan.sheets)), OPTIONS);
    expect(refresh.changes).toEqual([]);
    expect(notFound(refresh.notices)).toEqual([]);
    expect(refresh.plan.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(plan.sheets.filter((s) => s.kind === "indicators" || s.kind === "scenario").map((s) => s.name)));
  });

  test("the whole seed workbook through a real .xlsx file: “Không có thay đổi”", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "im-same-")), "seeds.xlsx");
    const plan = buildWorkbookPlan(catalog(), { asOf: OPTIONS.asOf });
    await writeWorkbookFile(plan, file);
    const refresh = await planFileRefresh(file, catalog(), OPTIONS);
    expect(refresh.changes).toEqual([]);
    expect(notFound(refresh.notices)).toEqual([]);
    expect(refresh.keep).toEqual([]);
  });
});
