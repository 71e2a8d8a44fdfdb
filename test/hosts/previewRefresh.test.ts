import { previewHost } from "../../src/hosts/preview/previewHost";
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
    const moved = Object.entries(entries.actuals).find(([, v]) => v["2025"] === "31,5")!;
    expect(moved[0]).toMatch(new RegExp(`^${TV}\\.IV\\.22\\.`));
    expect(moved[0].split(".").pop()).toBe(renumbered.split(".").pop());
    expect((await host.refresh(editedCatalog(), { ...options, dryRun: true })).changes).toEqual([]);
  });
});
