import { previewHost } from "../../src/hosts/preview/previewHost";
import { openWorkbook } from "../../src/taskpane/opening";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { editedCatalog, tvCatalog, TV } from "../helpers/refresh";

/** The browser preview refreshes with the same merge: the pane's lists and the download keep every entry. */
describe("refresh in the browser preview", () => {
  it("previews, applies, carries typed actuals to renumbered indicators, and then has nothing to change", async () => {
    const host = previewHost();
    await host.load(buildWorkbookPlan(tvCatalog(), { asOf: "30/06/2025", plans: [TV] }));
    const iv = host.plan()!.sheets.find((s) => s.name === `${TV} IV`)!;
    const ids = Object.keys(iv.rowOf);
    const renumbered = ids.find((id) => id.startsWith(`${TV}.IV.21.`))!; // becomes 22 in the revision
    host.setEntry(renumbered, "2025", "31,5");
    const options = { asOf: "30/06/2025", tolerance: 0.05, now: "22/11/2026 10:00" };

    const dry = await host.refresh(editedCatalog(), { ...options, dryRun: true });
    expect(dry.changes.length).toBeGreaterThan(0);
    expect(host.plan()!.sheets.find((s) => s.name === `${TV} IV`)).toBe(iv);

    await host.refresh(editedCatalog(), { ...options, dryRun: false });
    const entries = await host.readEntries();
    // Typed "31,5": stored as the number it is (evaluate/typedEntry.ts).
    const moved = Object.entries(entries.actuals).find(([, v]) => v["2025"] === 31.5)!;
    expect(moved[0]).toMatch(new RegExp(`^${TV}\\.IV\\.22\\.`));
    expect(moved[0].split(".").pop()).toBe(renumbered.split(".").pop());
    expect((await host.refresh(editedCatalog(), { ...options, dryRun: true })).changes).toEqual([]);
  });
});

describe("a sheet loaded after the summary", () => {
  it("is brought into the summary by the next refresh, once", async () => {
    const host = previewHost();
    const catalog = tvCatalog();
    const options = { asOf: "30/06/2025", tolerance: 0.05, now: "22/11/2026 10:00" };
    await host.load(buildWorkbookPlan(catalog, { asOf: options.asOf, plans: [TV], appendices: [`${TV}.IV`] }));
    const second = await host.load(buildWorkbookPlan(catalog, { asOf: options.asOf, plans: [TV], appendices: [`${TV}.II`] }));
    expect(second.written).toEqual([`${TV} II`]);
    expect(second.existing).toContain("Tổng hợp");
    const dry = await host.refresh(catalog, { ...options, dryRun: true });
    // Issue #22, item 6: the refresh puts the appendix sheets back in the document's order, and says so.
    expect(dry.changes.map((c) => [c.kind, c.before, c.after])).toEqual([
      ["summary", `${TV} IV`, `${TV} II, ${TV} IV`],
      ["layout", `${TV} IV, ${TV} II`, `${TV} II, ${TV} IV`],
    ]);
    await host.refresh(catalog, { ...options, dryRun: false });
    const summary = host.plan()!.sheets.find((s) => s.name === "Tổng hợp")!;
    expect(summary.rows.flat().filter((c) => c.value === `${TV} II` || c.value === `${TV} IV`).length).toBeGreaterThanOrEqual(2);
    expect((await host.refresh(catalog, { ...options, dryRun: true })).changes).toEqual([]);
  });
});

describe("opening the pane on a workbook that has monitoring sheets", () => {
  it("reads the sheets and entries without writing, and counts the changes the documents hold", async () => {
    const host = previewHost();
    expect(await openWorkbook(host, tvCatalog())).toBeNull();
    await host.load(buildWorkbookPlan(tvCatalog(), { asOf: "30/06/2025", plans: [TV] }));
    const debt = Object.keys(host.plan()!.sheets.find((s) => s.name === `${TV} IV`)!.rowOf)[0]!;
    host.setEntry(debt, "2025", "2,5");
    const before = host.plan();
    const opened = (await openWorkbook(host, tvCatalog()))!;
    // Three appendix sheets and the task sheet of Phụ lục I.
    expect(opened).toMatchObject({ sheets: 4, changes: 0 });
    expect(opened.entries.actuals[debt]).toEqual({ "2025": 2.5 });
    expect(opened.plan.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([`${TV} II`, `${TV} III`, `${TV} IV`, `${TV} NV I`]));
    expect(host.plan()).toBe(before); // nothing written
    expect((await openWorkbook(host, editedCatalog()))!.changes).toBeGreaterThan(0);
  });
});
