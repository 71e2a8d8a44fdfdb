import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { toWorkbook } from "../../src/hosts/xlsx/write";
import { snapshotOfWorkbookFile, writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { snapshotOf } from "../../src/hosts/xlsx/snapshot";
import { esc, planBytes } from "../../src/hosts/xlsx/planWriter";
import { crc32 } from "../../src/hosts/xlsx/zip";
import { crc32 as zlibCrc32 } from "node:zlib";
import { seedCatalog } from "../helpers/seedCatalog";

/**
 * The streaming writer (planWriter.ts) and the ExcelJS host write the same workbook from the same plan: read back
 * with ExcelJS, every sheet has the same cells (values and formulas), the same styles cell by cell, widths,
 * heights, merges, tables, colour rules, validations, print setup, protection and names. The package is a valid
 * zip that JSZip and ExcelJS's streaming reader both take, shared strings first.
 */
const { catalog } = seedCatalog();
const plan = buildWorkbookPlan(catalog, {
  asOf: "15/11/2025",
  calendar: "month",
  protect: true,
  identity: { kind: "master", master: "m-1", versions: {}, calendar: "month", reportDay: 20 },
  entries: { actuals: { "TV-QD77-2025.II.4.364750": { "2025-T01": 2400, "2025-T02": "khoảng 2.500" } }, notes: { "TV-QD77-2025.II.4.364750": 'ghi chú <có> "ký tự" & đặc biệt' }, baselines: {} },
});

async function both(): Promise<{ ours: ExcelJS.Workbook; theirs: ExcelJS.Workbook; file: string }> {
  const file = join(mkdtempSync(join(tmpdir(), "im-writer-")), "ours.xlsx");
  await writeWorkbookFile(plan, file);
  const ours = new ExcelJS.Workbook();
  await ours.xlsx.readFile(file);
  const theirs = new ExcelJS.Workbook();
  await theirs.xlsx.load((await toWorkbook(plan).xlsx.writeBuffer()) as ArrayBuffer);
  return { ours, theirs, file };
}

describe("the streaming workbook writer", () => {
  let ours: ExcelJS.Workbook;
  let theirs: ExcelJS.Workbook;
  let file: string;
  beforeAll(async () => ({ ours, theirs, file } = await both()), 120_000);

  it("writes the same sheets, cells and formulas as the ExcelJS host", () => {
    expect(ours.worksheets.map((w) => [w.name, w.state])).toEqual(theirs.worksheets.map((w) => [w.name, w.state]));
    expect(snapshotOf(ours)).toEqual(snapshotOf(theirs));
  });

  it("gives every cell the same style, and the sheets the same layout", () => {
    const diffs: string[] = [];
    for (const a of ours.worksheets) {
      const b = theirs.getWorksheet(a.name)!;
      for (let r = 1; r <= Math.max(a.rowCount, b.rowCount); r++) {
        const ra = a.getRow(r);
        const rb = b.getRow(r);
        if ((ra.hidden ?? false) !== (rb.hidden ?? false) || (ra.height ?? null) !== (rb.height ?? null)) diffs.push(`${a.name}!${r}: row height ${ra.height}/${ra.hidden} vs ${rb.height}/${rb.hidden}`);
        for (let c = 1; c <= Math.max(a.columnCount, b.columnCount); c++) {
          const x = ra.getCell(c);
          const y = rb.getCell(c);
          const pick = (cell: ExcelJS.Cell) =>
            JSON.stringify({
              bold: cell.font?.bold ?? false,
              italic: cell.font?.italic ?? false,
              size: cell.font?.size ?? 11,
              color: cell.font?.color?.argb ?? null,
              fill: cell.fill && cell.fill.type === "pattern" && cell.fill.pattern === "solid" ? (cell.fill.fgColor?.argb ?? null) : null,
              numFmt: cell.numFmt ?? "General",
              h: cell.alignment?.horizontal ?? null,
              v: cell.alignment?.vertical ?? null,
              wrap: cell.alignment?.wrapText ?? false,
              indent: cell.alignment?.indent ?? 0,
              border: cell.border?.top?.style ?? null,
              locked: cell.protection?.locked ?? true,
            });
          if (pick(x) !== pick(y)) diffs.push(`${a.name}!${x.address}: ${pick(x)} vs ${pick(y)}`);
        }
      }
      const cols = (w: ExcelJS.Worksheet) => (w.columns ?? []).map((c) => [c.width, c.hidden ?? false]);
      if (JSON.stringify(cols(a)) !== JSON.stringify(cols(b))) diffs.push(`${a.name}: columns`);
      const merges = (w: ExcelJS.Worksheet) => Object.keys((w as unknown as { _merges: Record<string, unknown> })._merges).sort();
      if (JSON.stringify(merges(a)) !== JSON.stringify(merges(b))) diffs.push(`${a.name}: merges ${merges(a)} vs ${merges(b)}`);
      if (JSON.stringify(a.views) !== JSON.stringify(b.views)) diffs.push(`${a.name}: views ${JSON.stringify(a.views)} vs ${JSON.stringify(b.views)}`);
    }
    expect(diffs.slice(0, 5)).toEqual([]);
  });

  it("writes the same tables, colour rules, validations, print setup, protection and names", () => {
    for (const a of ours.worksheets) {
      const b = theirs.getWorksheet(a.name)!;
      const tables = (w: ExcelJS.Worksheet) => Object.values((w as unknown as { tables: Record<string, { table: { name: string; ref?: string; tableRef?: string } }> }).tables).map((t) => t.table.name);
      expect([a.name, tables(a)]).toEqual([b.name, tables(b)]);
      type Rules = { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] };
      const rules = (w: ExcelJS.Worksheet) => (w as unknown as Rules).conditionalFormattings.map((c) => [c.ref, c.rules[0]?.formulae?.[0]]);
      expect([a.name, rules(a)]).toEqual([b.name, rules(b)]);
      const validations = (w: ExcelJS.Worksheet) =>
        Object.entries((w as unknown as { dataValidations: { model: Record<string, Record<string, unknown>> } }).dataValidations.model)
          .map(([cell, v]) => `${cell} ${JSON.stringify(Object.fromEntries(Object.entries(v).sort()))}`)
          .sort();
      expect([a.name, validations(a)]).toEqual([b.name, validations(b)]);
      const setup = (w: ExcelJS.Worksheet) => ({ ...w.pageSetup, horizontalDpi: undefined, verticalDpi: undefined, firstPageNumber: undefined });
      expect([a.name, setup(a)]).toEqual([b.name, setup(b)]);
      expect([a.name, a.headerFooter?.oddHeader ?? "", a.headerFooter?.oddFooter ?? ""]).toEqual([b.name, b.headerFooter?.oddHeader ?? "", b.headerFooter?.oddFooter ?? ""]);
      type Protected = { sheetProtection?: { sheet?: boolean } };
      const locked = (w: ExcelJS.Worksheet) => !!(w as unknown as Protected).sheetProtection?.sheet;
      expect([a.name, locked(a)]).toEqual([b.name, locked(b)]);
    }
    const names = (w: ExcelJS.Workbook) => w.definedNames.model.map((n) => [n.name, n.ranges]).sort();
    expect(names(ours)).toEqual(names(theirs));
  });

  it("is a zip JSZip opens, shared strings before the sheets, read whole by the streaming reader", async () => {
    const zip = await JSZip.loadAsync(readFileSync(file));
    const order = Object.keys(zip.files);
    expect(order.indexOf("xl/sharedStrings.xml")).toBeLessThan(order.indexOf("xl/worksheets/sheet1.xml"));
    const streamed = await snapshotOfWorkbookFile(file);
    expect(streamed.sheets.map((s) => s.rows.length)).toEqual(snapshotOf(ours).sheets.map((s) => s.rows.length));
    // The same bytes through the browser's path (CompressionStream) open as well.
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(await planBytes(plan));
    expect(snapshotOf(again)).toEqual(snapshotOf(ours));
  });

  it("escapes what XML cannot hold, and checksums as zlib does", () => {
    expect(esc('a<b>&"c"')).toBe("a&lt;b&gt;&amp;&quot;c&quot;");
    expect(esc("tab\tnew\nline\u000bvt")).toBe("tab\tnew\nline_x000B_vt");
    const bytes = new TextEncoder().encode("Theo dõi chỉ tiêu — Tỷ lệ hộ nghèo");
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
  });
});
