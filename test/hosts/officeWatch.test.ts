import { excelHost } from "../../src/hosts/office/host";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { createExcelModel, cellsOf, type ExcelModel } from "../excel/model";
import { seedCatalog, seedIndicators } from "../helpers/seedCatalog";
import type { Entries } from "../../src/sheets/indicatorSheet";

/**
 * The pane's Excel host (excelHost, through the Excel and Office globals) on the strict model: when staff type,
 * only the changed range is read again, not the workbook.
 */
const SHEET = "TV-QD77-2025 IV";

/** The address of the cell for an indicator's actual of a year, found from the sheet's key row and id column. */
function entryCell(m: ExcelModel, id: string, year: string): string {
  const cells = cellsOf(m.sheet(SHEET)!);
  let col = "";
  let row = 0;
  for (const [address, cell] of cells) {
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
    if (cell.value === `actual:${year}` && digits === "5") col = letters!;
    if (cell.value === id && Number(digits) > 5) row = Number(digits);
  }
  if (!col || !row) throw new Error(`no entry cell for ${id} ${year}`);
  return `${col}${row}`;
}

describe("the pane's Excel host: staff's changes", () => {
  let m: ExcelModel;
  let uninstall: () => void;
  beforeEach(() => {
    jest.useFakeTimers();
    m = createExcelModel({ version: "1.17" });
    uninstall = m.install();
  });
  afterEach(() => {
    uninstall();
    jest.useRealTimers();
  });

  const settle = async () => {
    for (let k = 0; k < 5; k++) {
      await jest.advanceTimersByTimeAsync(1500);
    }
  };

  test("a typed actual is re-read from its own range: one sync, a response of a few hundred bytes", async () => {
    const host = excelHost();
    await host.load(buildWorkbookPlan(seedCatalog().catalog, { asOf: "22/11/2026" }));
    await settle(); // the grace after the add-in's own write
    const first = await host.readEntries();
    const seen: Entries[] = [];
    const stop = await host.watch((e) => seen.push(e));
    const id = seedIndicators().find((i) => i.plan === "TV-QD77-2025" && i.appendix === "IV" && i.level === 0)!.id;
    const address = entryCell(m, id, "2025");
    expect(first.actuals[id]?.["2025"]).toBeUndefined();

    m.type(SHEET, address, "2,5");
    const before = { syncs: m.stats.syncs, responses: m.stats.responses.length };
    await m.change(SHEET, address);
    await settle();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.actuals[id]).toEqual({ "2025": "2,5" });
    // Everything else as the full read had it.
    expect({ ...seen[0]!.actuals, [id]: undefined }).toEqual({ ...first.actuals, [id]: undefined });
    expect(m.stats.syncs - before.syncs).toBeLessThanOrEqual(2);
    const bytes = m.stats.responses.slice(before.responses);
    expect(Math.max(...bytes)).toBeLessThan(2_000);

    // A change on a sheet of staff's own is not read at all.
    const syncs = m.stats.syncs;
    await m.change("Sheet1", "A1");
    await settle();
    expect(seen).toHaveLength(1);
    expect(m.stats.syncs - syncs).toBeLessThanOrEqual(1);

    // Rows inserted: the layout may have moved, so the whole workbook is read again, and the entry is still found.
    await m.change(SHEET, "20:20", "RowInserted");
    await settle();
    expect(seen).toHaveLength(2);
    expect(seen[1]!.actuals[id]).toEqual({ "2025": "2,5" });
    stop();
  });

  test("the add-in's own writes raise no re-read", async () => {
    const host = excelHost();
    const seen: Entries[] = [];
    const stop = await host.watch((e) => seen.push(e));
    await host.load(buildWorkbookPlan(seedCatalog().catalog, { asOf: "22/11/2026" }));
    await m.change(SHEET, "A1:Z200");
    await settle();
    expect(seen).toEqual([]);
    stop();
  });
});
