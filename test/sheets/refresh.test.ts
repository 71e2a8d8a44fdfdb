import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recalculatedCsv } from "../helpers/libreoffice";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { toWorkbook } from "../../src/hosts/xlsx/write";
import { refreshInWorkbook, restoreInWorkbook } from "../../src/hosts/xlsx/refresh";
import { readEntries } from "../../src/hosts/xlsx/read";
import { LOG_SHEET, BACKUP_SHEET } from "../../src/sheets/existing";
import { RETIRED_LABEL } from "../../src/sheets/indicatorSheet";
import { appendixIvRows, editedCatalog, keyColumns, roundTrip, rowOfId, sheetRows, tvCatalog, TV } from "../helpers/refresh";
import { readExisting, snapshotOfPlan } from "../../src/sheets/existing";
import { refreshWorkbook } from "../../src/sheets/merge";

/**
 * Refresh without loss, through the file host: build the Trà Vinh workbook, type actuals and notes, edit the
 * source document (a target changed, a row renumbered, one removed, one added, two swapped), refresh, and check
 * that every entry is still with its own indicator, the changes are logged, and a second refresh changes nothing.
 */
const SHEET = "TV-QD77-2025 IV";
const OPTIONS = { asOf: "30/06/2025", tolerance: 0.05, now: "22/11/2026 10:00" };

function build(): ExcelJS.Workbook {
  return toWorkbook(buildWorkbookPlan(tvCatalog(), { asOf: OPTIONS.asOf, plans: [TV] }));
}

/** Types an actual and a note for every indicator of appendix IV; returns name → [actual, note]. */
function fill(wb: ExcelJS.Workbook): Map<string, { actual: number; note: string; code: string }> {
  const ws = wb.getWorksheet(SHEET)!;
  const keys = keyColumns(ws);
  const typed = new Map<string, { actual: number; note: string; code: string }>();
  sheetRows(ws)
    .filter((r) => typeof r.values.id === "string" && !String(r.values.id).startsWith("§"))
    .forEach((r, k) => {
      const actual = 10 + k / 4;
      const note = `ghi chú ${k}`;
      ws.getRow(r.row).getCell(keys.get("actual:2025")!).value = actual;
      ws.getRow(r.row).getCell(keys.get("note")!).value = note;
      typed.set(`${String(r.values.name)}#${k}`, { actual, note, code: String(r.values.code) });
    });
  return typed;
}

/** name#k → where the note k now is, with its actual. */
function found(wb: ExcelJS.Workbook): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const r of sheetRows(wb.getWorksheet(SHEET)!)) {
    const m = /^ghi chú (\d+)$/.exec(String(r.values.note ?? ""));
    if (m) out.set(`${String(r.values.name)}#${m[1]}`, r.values);
  }
  return out;
}

describe("refresh of the Trà Vinh workbook after source edits", () => {
  let before: Map<string, { actual: number; note: string; code: string }>;
  let wb: ExcelJS.Workbook;
  let refresh: ReturnType<typeof refreshInWorkbook>;

  beforeAll(async () => {
    wb = build();
    before = fill(wb);
    wb = await roundTrip(wb);
    const catalog = editedCatalog();
    refresh = refreshInWorkbook(wb, catalog, { ...OPTIONS, apply: true });
    wb = await roundTrip(wb);
  });

  it("loses no actual or note and moves none to another indicator", () => {
    const after = found(wb);
    expect(after.size).toBe(before.size);
    for (const [key, typed] of before) {
      const row = after.get(key);
      expect(row).toBeDefined();
      expect(row!["actual:2025"]).toBe(typed.actual);
      expect(`${String(row!.name)}#${key.split("#")[1]}`).toBe(key);
    }
  });

  it("lists each change once, by kind", () => {
    const kinds = (k: string) => refresh.changes.filter((c) => c.kind === k).map((c) => `${c.code} ${c.name}`);
    expect(kinds("target")).toEqual(["1 Tỷ lệ nợ xấu nội bảng"]);
    expect(kinds("added")).toEqual(["21 Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ"]);
    expect(kinds("retired")).toEqual(["13 Tỷ lệ hộ gia đình có cáp quang"]);
    expect(kinds("renumbered").length).toBe(2 + 7);
    expect(refresh.changes.find((c) => c.kind === "target")).toMatchObject({ before: "< 3", after: "< 2,5", source: "77/QĐ-UBND" });
  });

  it("keeps the removed indicator's row and entries, marked as no longer in the plan", () => {
    const ws = wb.getWorksheet(SHEET)!;
    const row = sheetRows(ws).find((r) => r.values.name === "Tỷ lệ hộ gia đình có cáp quang")!;
    expect(row.values.note).toBeDefined();
    expect(row.values["status:2025"]).toBe(RETIRED_LABEL);
    // It stays where it was: after indicator 12.
    const prev = sheetRows(ws).filter((r) => r.row < row.row).pop()!;
    expect(prev.values.code).toBe("12");
  });

  it("notes the changed target beside the row, old and new text", () => {
    const ws = wb.getWorksheet(SHEET)!;
    const row = sheetRows(ws).find((r) => r.values.code === "1")!;
    expect(row.values.target).toBe("< 2,5");
    expect(row.values.change).toBe("22/11/2026: “< 3” → “< 2,5”");
  });

  it("puts new indicators in the document's order and the swap in place", () => {
    const codes = sheetRows(wb.getWorksheet(SHEET)!)
      .filter((r) => /^\d+$/.test(String(r.values.code ?? "")) && r.values["status:2025"] !== RETIRED_LABEL)
      .map((r) => Number(r.values.code));
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    const fifteen = sheetRows(wb.getWorksheet(SHEET)!).find((r) => r.values.code === "15")!;
    expect(fifteen.values.name).toBe("Tỷ lệ huy động trẻ mẫu giáo");
  });

  it("writes the changes to the change log sheet and the previous entries to the hidden backup", () => {
    const log = wb.getWorksheet(LOG_SHEET)!;
    const texts: string[] = [];
    log.eachRow((row, r) => {
      if (r >= 3) texts.push(row.values instanceof Array ? row.values.slice(1).join("|") : "");
    });
    expect(texts.length).toBe(refresh.changes.length);
    expect(texts.some((t) => t.includes("Sửa chỉ tiêu") && t.includes("< 3") && t.includes("< 2,5") && t.startsWith("22/11/2026 10:00|77/QĐ-UBND"))).toBe(true);
    const backup = wb.getWorksheet(BACKUP_SHEET)!;
    expect(backup.state).toBe("hidden");
    expect(refresh.backedUp).toBeGreaterThanOrEqual(2 * before.size);
  });

  it("recalculates in LibreOffice: the new target judges the carried actual, the retired row is not counted", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "im-refresh-lo-")), "refreshed.xlsx");
    await wb.xlsx.writeFile(file);
    const rows = recalculatedCsv(file); // the summary sheet, with every indicator's live status
    const line = (name: string) => rows.find((r) => r[2] === name)!;
    expect(line("Tỷ lệ nợ xấu nội bảng").slice(4, 7)).toEqual(["< 2,5", "10", "✗ Không đạt"]);
    expect(line("Tỷ lệ hộ gia đình có cáp quang")[6]).toBe(RETIRED_LABEL);
    // The appendix's count of judged indicators is the revised plan's, the retired row left out.
    const counted = rows.find((r) => r[1] === "TV-QD77-2025 IV")!;
    expect(Number(counted[2])).toBe(editedCatalog().plans[0]!.appendices.find((a) => a.id === "IV")!.indicators.length);
  }, 180_000);

  it("changes nothing when refreshed again with the same source", async () => {
    const again = refreshInWorkbook(await roundTrip(wb), editedCatalog(), { ...OPTIONS, now: "23/11/2026 09:00", apply: true });
    expect(again.changes).toEqual([]);
  });

  it("restores entries from the backup in one action, leaving later entries alone", async () => {
    const copy = await roundTrip(wb);
    const ws = copy.getWorksheet(SHEET)!;
    const keys = keyColumns(ws);
    const id = sheetRows(ws).find((r) => r.values.code === "2")!.values.id as string;
    const r = rowOfId(ws, id);
    ws.getRow(r).getCell(keys.get("actual:2025")!).value = null; // lost by mistake
    const result = restoreInWorkbook(copy);
    expect(result.edits.length).toBe(1);
    expect(readEntries(copy).actuals[id]!["2025"]).toBe(before.get("Tỷ lệ động viên vào NSNN trên GRDP#1")!.actual);
  });

});

describe("a reworded row and a replaced row at the same code", () => {
  it("carries entries to a name that only gained words, and keeps them on the old row when a word changed", () => {
    const plan = buildWorkbookPlan(tvCatalog(), { asOf: OPTIONS.asOf, plans: [TV] });
    const sheet = plan.sheets.find((s) => s.name === SHEET)!;
    const col = (key: string) => sheet.columns.findIndex((c) => c.key === key);
    const idOf = (code: string) => Object.keys(sheet.rowOf).find((id) => id.startsWith(`${TV}.IV.${code}.`))!;
    for (const [code, value] of [["12", 2.3], ["13", 77]] as const) sheet.rows[sheet.rowOf[idOf(code)]! - 1]![col("actual:2025")] = { value, style: "input" };
    const rows = appendixIvRows().rows.map((l) =>
      l.replace("12\tTỷ lệ tiết kiệm điện\t", "12\tTỷ lệ tiết kiệm điện trên địa bàn tỉnh\t").replace("13\tTỷ lệ hộ gia đình có cáp quang\t", "13\tTỷ lệ hộ gia đình có điện\t"),
    );
    const refresh = refreshWorkbook(tvCatalog(rows), readExisting(snapshotOfPlan(plan.sheets)), OPTIONS);
    expect(refresh.changes.map((c) => `${c.kind} ${c.code} ${c.name}`).sort()).toEqual([
      "added 13 Tỷ lệ hộ gia đình có điện",
      "renamed 12 Tỷ lệ tiết kiệm điện trên địa bàn tỉnh",
      "retired 13 Tỷ lệ hộ gia đình có cáp quang",
    ]);
    const after = readExisting(snapshotOfPlan(refresh.plan.sheets)).sheets.find((s) => s.name === SHEET)!;
    const byName = (name: string) => after.rows.find((r) => r.values.name === name)!;
    expect(byName("Tỷ lệ tiết kiệm điện trên địa bàn tỉnh").values["actual:2025"]).toBe(2.3);
    expect(byName("Tỷ lệ hộ gia đình có cáp quang")).toMatchObject({ retired: true, values: expect.objectContaining({ "actual:2025": 77 }) });
    expect(byName("Tỷ lệ hộ gia đình có điện").values["actual:2025"]).toBeUndefined();
  });
});

describe("formulas staff type where entries go", () => {
  it("stay formulas through a refresh of the file; one pointing into the sheet is flagged for a look", async () => {
    let wb = toWorkbook(buildWorkbookPlan(tvCatalog(), { asOf: OPTIONS.asOf, plans: [TV] }));
    const ws = wb.getWorksheet(SHEET)!;
    const keys = keyColumns(ws);
    const rowOf = (code: string) => sheetRows(ws).find((r) => r.values.code === code)!.row;
    ws.getRow(rowOf("2")).getCell(keys.get("actual:2025")!).value = { formula: "7+0.5" } as ExcelJS.CellFormulaValue;
    ws.getRow(rowOf("3")).getCell(keys.get("actual:2025")!).value = { formula: `C${rowOf("3")}*2` } as ExcelJS.CellFormulaValue;
    wb = await roundTrip(wb);
    const refresh = refreshInWorkbook(wb, editedCatalog(), { ...OPTIONS, apply: true });
    expect(refresh.notices.filter((n) => n.en.includes("points at cells of this sheet")).map((n) => n.cell)).toEqual([`${String.fromCharCode(64 + keys.get("actual:2025")!)}${rowOf("3")}`]);
    wb = await roundTrip(wb);
    const after = wb.getWorksheet(SHEET)!;
    const cellOf = (name: string) => after.getRow(sheetRows(after).find((r) => r.values.name === name)!.row).getCell(keyColumns(after).get("actual:2025")!);
    expect(cellOf("Tỷ lệ động viên vào NSNN trên GRDP").formula).toBe("7+0.5");
    expect(cellOf("Tỷ trọng chi đầu tư phát triển/tổng chi NSNN").formula).toMatch(/^C\d+\*2$/);
  });
});
