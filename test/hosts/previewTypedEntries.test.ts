import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { previewHost } from "../../src/hosts/preview/previewHost";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { judgeIndicatorPace, PACE_VOCABULARY } from "../../src/evaluate/pace";
import { seedCatalog, row } from "../helpers/seedCatalog";
import { recalculatedSheetCsv } from "../helpers/libreoffice";

/**
 * The preview stores what staff type as the workbook would hold it (evaluate/typedEntry.ts): "121" and "2,8" in
 * period cells are numbers, so the row's pace is judged — in the pane, and in the downloaded file recalculated by
 * LibreOffice — while "khoảng 30" stays text and flags the pace, and "=1+1" stays text, never a formula.
 */
const TV = "TV-QD77-2025";
const { catalog } = seedCatalog();
const firms = row(TV, "II", "5"); // "520 doanh nghiệp", a flow
const share = row(TV, "II", "14"); // "đạt 95,10%"
const investment = row(TV, "II", "4"); // "30.000 - 32.000 tỷ đồng"
const rate = row(TV, "II", "6"); // "đạt 33%"

async function typed() {
  const host = previewHost();
  await host.load(buildWorkbookPlan(catalog, { asOf: "15/06/2025", plans: [TV], calendar: "month" }));
  host.setEntry(firms.id, "2025-T01", "121");
  host.setEntry(firms.id, "2025-T02", "2,8");
  host.setEntry(share.id, "2025-T01", "96,2");
  host.setEntry(share.id, "2025-T02", " 95,5 ");
  host.setEntry(investment.id, "2025-T01", "khoảng 30");
  host.setEntry(rate.id, "2025-T01", "=1+1");
  host.setEntry(rate.id, "2025", "33,5");
  return host;
}

describe("entries typed in the preview", () => {
  it("stores figures as numbers and text as typed; the pace is judged, or flagged where text was typed", async () => {
    const host = await typed();
    const { actuals } = await host.readEntries();
    expect(actuals[firms.id]).toEqual({ "2025-T01": 121, "2025-T02": 2.8 });
    expect(actuals[share.id]).toEqual({ "2025-T01": 96.2, "2025-T02": 95.5 });
    expect(actuals[investment.id]).toEqual({ "2025-T01": "khoảng 30" });
    expect(actuals[rate.id]).toEqual({ "2025-T01": "=1+1", "2025": 33.5 });
    const pace = (id: typeof firms) => judgeIndicatorPace(id, "2025", "month", actuals[id.id] ?? {}, { target: id.target });
    expect(pace(firms).status).toBe("on_track"); // (121 + 2,8) / 2 × 12 ≈ 743 against 520
    expect(pace(share).status).toBe("on_track"); // the latest, 95,5, against 95,10
    expect(pace(investment).status).toBe("invalid");
    expect(pace(investment).explanation.vi).toBe("Tháng 1: “khoảng 30” không phải là số");
    // Clearing a cell (nothing but spaces) removes the entry.
    host.setEntry(firms.id, "2025-T02", "  ");
    expect((await host.readEntries()).actuals[firms.id]).toEqual({ "2025-T01": 121 });
  });

  it("downloads a file whose paces LibreOffice recalculates: numbers judged, typed words flagged", async () => {
    const host = await typed();
    const file = join(mkdtempSync(join(tmpdir(), "im-preview-typed-")), "preview.xlsx");
    writeFileSync(file, new Uint8Array(await (await host.download()).arrayBuffer()));
    const sheet = host.plan()!.sheets.find((s) => s.rowOf[firms.id] !== undefined)!;
    const csv = await recalculatedSheetCsv(file, sheet.name);
    const col = (key: string) => sheet.columns.findIndex((c) => c.key === key);
    const cell = (id: string, key: string) => csv[sheet.rowOf[id]! - 1]![col(key)];
    const label = (s: keyof typeof PACE_VOCABULARY) => `${PACE_VOCABULARY[s].symbol} ${PACE_VOCABULARY[s].vi}`;
    expect(cell(firms.id, "pace")).toBe(label("on_track"));
    expect(Number(cell(firms.id, "todate"))).toBeCloseTo(123.8, 9);
    expect(cell(share.id, "pace")).toBe(label("on_track"));
    expect(cell(investment.id, "pace")).toBe(label("invalid"));
    // The typed formula stayed text: its period cell reads back as typed, and the pace is flagged.
    expect(cell(rate.id, "actual:2025-T01")).toBe("=1+1");
    expect(cell(rate.id, "pace")).toBe(label("invalid"));
  }, 240_000);
});
