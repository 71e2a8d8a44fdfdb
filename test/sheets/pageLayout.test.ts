import { shiftReferences, insertRows } from "../../src/sheets/insertRows";
import { blockPages, oneWideScale, PAGE_HEIGHT_POINTS, wrappedHeight } from "../../src/sheets/pageLayout";
import { blocksOf } from "../../src/sheets/blockPrint";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { seedCatalog } from "../helpers/seedCatalog";
import type { SheetSpec } from "../../src/sheets/plan";

describe("inserting rows into a planned sheet", () => {
  test("moves this sheet's own rows, never another sheet's, a quoted text, a name or a function", () => {
    const shift = (r: number) => (r >= 10 ? r + 2 : r);
    expect(shiftReferences(`SUM(C8:C13)+$B$12*'Sheet 1'!$H$12:$H$40+Data!A10+IM_DAT+LOG10(A12)&"A12"`, shift)).toBe(`SUM(C8:C15)+$B$14*'Sheet 1'!$H$12:$H$40+Data!A10+IM_DAT+LOG10(A14)&"A12"`);
  });

  test("a copied row goes before the row named; ranges, heights, merges and print area follow", () => {
    const sheet = {
      name: "S", kind: "summary", plan: null, appendix: null, columns: [{ key: "a", header: "", width: 10 }, { key: "b", header: "", width: 10 }],
      rows: [[{ value: "h" }], [{ value: 1 }], [{ value: 2 }], [{ formula: "SUM(A2:A3)" }]],
      heights: { "1": 30, "3": 20 }, merges: ["A4:B4"], table: null, dataRows: { first: 2, last: 3 }, rowOf: {}, freeze: { row: 0, column: 0 },
      conditional: [{ range: "A2:A3", formula: "A2>1", style: "x" }], validations: [],
      print: { orientation: "landscape", paperSize: 9, fitToWidth: 1, fitToHeight: 0, titleRows: null, area: "A1:B4", header: "", footer: "" }, protect: false, tabColor: null,
    } as SheetSpec;
    const { sheet: out, placed } = insertRows(sheet, [{ before: 3, cells: [{ value: "h (tiếp theo)" }], height: 30 }]);
    expect(placed).toEqual([3]);
    expect(out.rows.map((r) => r[0]?.value ?? r[0]?.formula)).toEqual(["h", 1, "h (tiếp theo)", 2, "SUM(A2:A4)"]);
    expect(out.heights).toEqual({ "1": 30, "3": 30, "4": 20 });
    expect(out.merges).toEqual(["A5:B5"]);
    expect(out.print.area).toBe("A1:B5");
    expect(out.dataRows).toEqual({ first: 2, last: 4 });
    expect(out.conditional[0]).toMatchObject({ range: "A2:A4", formula: "A2>1" });
  });
});

describe("pages of a sheet of blocks", () => {
  const capacity = (PAGE_HEIGHT_POINTS * 100) / 100;
  test("a short block that does not fit starts a page; a long one is cut with its header repeated; a glued row stays with the row above", () => {
    const rowsFit = Math.floor(capacity / 20);
    const h = () => 20;
    // A block filling most of a page, then a short one: the short one starts page 2.
    const a = blockPages([{ first: 1, header: 1, last: rowsFit - 3 }, { first: rowsFit, header: rowsFit, last: rowsFit + 5 }], h, 100);
    expect(a).toEqual({ breaks: [rowsFit], repeats: [] });
    // One block of three pages: cut twice, its header repeated at each cut.
    const b = blockPages([{ first: 1, header: 1, last: 3 * rowsFit }], h, 100);
    expect(b.repeats.map((x) => x.header)).toEqual([1, 1, 1].slice(0, b.repeats.length));
    expect(b.repeats.length).toBeGreaterThanOrEqual(2);
    expect(b.breaks).toEqual(b.repeats.map((x) => x.before));
    // The row a cut would fall before is glued: the cut moves up one row.
    const glued = (r: number) => r === rowsFit + 1;
    const c = blockPages([{ first: 1, header: 1, last: 2 * rowsFit }], h, 100, glued);
    expect(c.breaks[0]).toBe(rowsFit);
  });

  test("text height grows with its length and shrinks with its width", () => {
    expect(wrappedHeight("a".repeat(400), 60, { size: 10 })).toBeGreaterThan(wrappedHeight("a".repeat(100), 60, { size: 10 }));
    expect(wrappedHeight("A".repeat(100), 120, { size: 14, caps: true })).toBeLessThan(wrappedHeight("A".repeat(100), 60, { size: 14, caps: true }));
    expect(oneWideScale(182)).toBe(59);
  });

  test("the seed summary: each block found with its header; every page break is at a header row; heights are set for every printed row", () => {
    const plan = buildWorkbookPlan(seedCatalog().catalog, { asOf: "15/11/2025", calendar: "month" });
    const summary = plan.sheets.find((s) => s.name === "Tổng hợp")!;
    const last = Number(/(\d+)$/.exec(summary.print.area)![1]);
    const blocks = blocksOf(summary, last);
    expect(blocks.filter((b) => b.header !== null).length).toBeGreaterThanOrEqual(5);
    for (const r of summary.print.rowBreaks!) expect([r, summary.rows[r - 1]!.some((c) => c.style === "sumHeader")]).toEqual([r, true]);
    // A height for every printed row of a block, so the breaks computed here are where both programs break.
    for (const b of blocks.filter((x) => x.header !== null)) for (let r = b.first; r <= b.last; r++) expect([r, summary.heights[String(r)]]).toEqual([r, expect.any(Number)]);
  });
});
