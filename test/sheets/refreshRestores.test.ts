/**
 * @file A refresh says what it puts back (issue #22, item 6): a target typed over in the sheet — with ExcelJS, and
 * in a file saved through LibreOffice — is restored from the document and said so, with no change note, and a
 * second refresh changes nothing; a real change of the plan still gives its note; the appendix sheets' order, a
 * sheet hidden, a protection or an Excel table removed are each listed, then put back.
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { toWorkbook } from "../../src/hosts/xlsx/write";
import { refreshInWorkbook } from "../../src/hosts/xlsx/refresh";
import { planFileRefresh, writeFileRefresh, writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { describeRefresh } from "../../src/cli/workbook";
import { LOG_SHEET } from "../../src/sheets/existing";
import { BUILT_KEY } from "../../src/sheets/indicatorSheet";
import { builtStamp } from "../../src/sheets/targetChange";
import { convert } from "../helpers/libreoffice";
import { editedCatalog, keyColumns, roundTrip, sheetRows, tvCatalog, TV } from "../helpers/refresh";

const SHEET = `${TV} IV`;
const OPTIONS = { asOf: "30/06/2025", tolerance: 0.05, now: "22/11/2026 10:00", protect: true };

function build(): ExcelJS.Workbook {
  return toWorkbook(buildWorkbookPlan(tvCatalog(), { asOf: OPTIONS.asOf, plans: [TV], protect: true }));
}

/** Types `text` over the target of indicator `code` on appendix IV; returns its row. */
function typeOver(wb: ExcelJS.Workbook, code: string, text: string): number {
  const ws = wb.getWorksheet(SHEET)!;
  const row = sheetRows(ws).find((r) => r.values.code === code && typeof r.values.id === "string")!.row;
  ws.getRow(row).getCell(keyColumns(ws).get("target")!).value = text;
  return row;
}

const kinds = (changes: { kind: string }[]) => changes.map((c) => c.kind);
const rowOf = (wb: ExcelJS.Workbook, code: string) => sheetRows(wb.getWorksheet(SHEET)!).find((r) => r.values.code === code && typeof r.values.id === "string")!.values;

describe("a target typed over (ExcelJS)", () => {
  let wb: ExcelJS.Workbook;
  let first: ReturnType<typeof refreshInWorkbook>;
  beforeAll(async () => {
    wb = build();
    typeOver(wb, "1", "< 5");
    wb = await roundTrip(wb);
    first = refreshInWorkbook(wb, tvCatalog(), { ...OPTIONS, apply: true });
    wb = await roundTrip(wb);
  });

  it("keeps the target the row was built with in a hidden cell", () => {
    expect(rowOf(build(), "1")[BUILT_KEY]).toBe(builtStamp({ target: "< 3" }));
    expect(builtStamp({ target: "< 3" })).not.toBe(builtStamp({ target: "< 2,5" }));
  });

  it("is restored and said so, not a change of the plan", () => {
    expect(kinds(first.changes)).toContain("restored");
    expect(kinds(first.changes)).not.toContain("target");
    expect(first.changes.find((c) => c.kind === "restored")).toMatchObject({ sheet: SHEET, code: "1", before: "< 5", after: "< 3" });
    const lines = describeRefresh(first).join("\n");
    expect(lines).toContain("Đã khôi phục chỉ tiêu bị gõ đè / The target typed over was restored: < 5 → < 3");
    expect(lines).not.toContain("Sửa chỉ tiêu");
  });

  it("leaves the document's target and no change note; the log says restored", () => {
    expect(rowOf(wb, "1").target).toBe("< 3");
    expect(rowOf(wb, "1").change).toBeUndefined();
    expect(keyColumns(wb.getWorksheet(SHEET)!).has("change")).toBe(false);
    const log = wb.getWorksheet(LOG_SHEET)!.getSheetValues().flat().map(String);
    expect(log).toContain("Đã khôi phục chỉ tiêu bị gõ đè");
  });

  it("a second refresh has nothing to do", () => {
    const second = refreshInWorkbook(wb, tvCatalog(), { ...OPTIONS, apply: true });
    expect(second.changes).toEqual([]);
    expect(describeRefresh(second)[0]).toBe("Không có thay đổi / No changes");
  });

  it("a real change of the plan still gives its change and its note", async () => {
    let edited = await roundTrip(build());
    const refresh = refreshInWorkbook(edited, editedCatalog(), { ...OPTIONS, apply: true });
    expect(refresh.changes.filter((c) => c.kind === "target").map((c) => [c.code, c.before, c.after])).toEqual([["1", "< 3", "< 2,5"]]);
    expect(kinds(refresh.changes)).not.toContain("restored");
    edited = await roundTrip(edited);
    expect(rowOf(edited, "1").change).toBe("22/11/2026: “< 3” → “< 2,5”");
    expect(refreshInWorkbook(edited, editedCatalog(), { ...OPTIONS, apply: false }).changes).toEqual([]);
  });
});

describe("a target typed over, the file saved through LibreOffice", () => {
  it("is restored by the file refresh, and a second refresh changes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "im-restores-"));
    const built = join(dir, "built.xlsx");
    await writeWorkbookFile(buildWorkbookPlan(tvCatalog(), { asOf: OPTIONS.asOf, plans: [TV], protect: true }), built);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(built);
    typeOver(wb, "1", "7,8");
    const typed = join(dir, "typed.xlsx");
    await wb.xlsx.writeFile(typed);
    const saved = convert(typed, "xlsx", mkdtempSync(join(dir, "lo-")));
    const refresh = await planFileRefresh(saved, tvCatalog(), OPTIONS);
    expect(refresh.changes.filter((c) => c.kind === "restored").map((c) => [c.code, c.before, c.after])).toEqual([["1", "7,8", "< 3"]]);
    expect(kinds(refresh.changes)).not.toContain("target");
    const out = join(dir, "refreshed.xlsx");
    await writeFileRefresh(saved, out, refresh);
    const again = await planFileRefresh(out, tvCatalog(), OPTIONS);
    expect(again.changes).toEqual([]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(rowOf(back, "1").target).toBe("< 3");
    expect(rowOf(back, "1").change).toBeUndefined();
  }, 240_000);
});

describe("sheets put back as the add-in writes them", () => {
  it("lists the order, a hidden sheet, a protection and a table removed, then puts them back", async () => {
    let wb = build();
    const appendices = wb.worksheets.filter((ws) => ws.name.startsWith(`${TV} `) && !ws.state.includes("hidden")).map((ws) => ws.name);
    expect(appendices.length).toBeGreaterThan(1);
    const [a, b] = [wb.getWorksheet(appendices[0]!)!, wb.getWorksheet(appendices[1]!)!];
    const order = (ws: ExcelJS.Worksheet) => ws as unknown as { orderNo: number };
    [order(a).orderNo, order(b).orderNo] = [order(b).orderNo, order(a).orderNo];
    a.state = "hidden";
    const standing = b as unknown as { sheetProtection: unknown; tables: Record<string, unknown> };
    standing.sheetProtection = null;
    for (const name of Object.keys(standing.tables)) delete standing.tables[name];
    wb = await roundTrip(wb);
    expect(wb.worksheets.map((ws) => ws.name).indexOf(appendices[1]!)).toBeLessThan(wb.worksheets.map((ws) => ws.name).indexOf(appendices[0]!));

    const refresh = refreshInWorkbook(wb, tvCatalog(), { ...OPTIONS, apply: true });
    const layout = refresh.changes.filter((c) => c.kind === "layout").map((c) => `${c.sheet}|${c.name}`);
    expect(layout).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\|thứ tự các trang phụ lục được đặt lại/),
        `${appendices[0]}|trang bị ẩn được hiện lại / the hidden sheet is shown again`,
        expect.stringMatching(new RegExp(`^${appendices[1]}\\|bảo vệ trang .* được bật lại`)),
        `${appendices[1]}|bảng Excel (lọc, sắp xếp) được tạo lại / the Excel table (filter, sort) is made again`,
      ]),
    );
    expect(layout).toHaveLength(4);
    expect(describeRefresh(refresh).join("\n")).toContain("Khôi phục trang tính / Sheet restored");

    wb = await roundTrip(wb);
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names.indexOf(appendices[0]!)).toBeLessThan(names.indexOf(appendices[1]!));
    expect(wb.getWorksheet(appendices[0]!)!.state).toBe("visible");
    expect(refreshInWorkbook(wb, tvCatalog(), { ...OPTIONS, apply: false }).changes).toEqual([]);
  });
});
