import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { toWorkbook } from "../../src/hosts/xlsx/write";
import { sharedStrings, snapshotOf, snapshotOfFile } from "../../src/hosts/xlsx/snapshot";
import { seedCatalog } from "../helpers/seedCatalog";

/**
 * The streamed snapshot of a file must equal the snapshot of the loaded workbook, Vietnamese text included
 * (ExcelJS's own stream reader splits letters across chunks; the shared strings are read whole instead).
 */
describe("reading a workbook file for a refresh", () => {
  it("streams the same values as a full load, across shared-string chunks", async () => {
    const wb = toWorkbook(buildWorkbookPlan(seedCatalog().catalog, { asOf: "31/12/2025" }));
    // Enough long notes that the shared strings span many chunks of the zip stream.
    const ws = wb.getWorksheet("TV-QD77-2025 IV")!;
    for (let r = 0; r < 4000; r++) ws.getCell(`AZ${200 + r}`).value = `Ghi chú số ${r}: Sở Lao động – Thương binh và Xã hội đề nghị điều chỉnh chỉ tiêu “≥ 95,1%” & <khác>`;
    for (const r of [30, 31, 4100]) ws.getRow(r).hidden = true; // a filter
    const file = join(mkdtempSync(join(tmpdir(), "im-snap-")), "w.xlsx");
    await wb.xlsx.writeFile(file);
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.readFile(file);
    const full = snapshotOf(loaded);
    const streamed = await snapshotOfFile(file);
    expect(streamed.sheets.map((s) => s.name)).toEqual(full.sheets.map((s) => s.name));
    streamed.sheets.forEach((s, k) => expect(s).toEqual(full.sheets[k]));
    expect(streamed.sheets.find((s) => s.name === "TV-QD77-2025 IV")!.hiddenRows).toEqual([5, 30, 31, 4100]);
    expect(JSON.stringify(streamed)).not.toContain("\uFFFD");
  });

  it("reads shared strings with rich runs, entities and phonetic runs left out", () => {
    const xml = `<sst><si><t>Tỷ lệ &lt; 3 &amp; “đạt”</t></si><si><r><t>Sở </t></r><r><rPr><b/></rPr><t xml:space="preserve">Y tế</t></r><rPh><t>x</t></rPh></si><si><t/></si><si/><si><t>a_x000D_b&#7841;</t></si></sst>`;
    expect(sharedStrings(xml)).toEqual(["Tỷ lệ < 3 & “đạt”", "Sở Y tế", "", "", "a\rbạ"]);
  });
});
