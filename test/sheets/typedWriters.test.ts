import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { readExisting, snapshotOfPlan, type Existing } from "../../src/sheets/existing";
import { refreshWorkbook } from "../../src/sheets/merge";
import { splitMaster } from "../../src/sheets/forms";
import { collectForms } from "../../src/sheets/collect";
import { restoreEdits } from "../../src/sheets/restore";
import { BACKUP_COLUMN, BACKUP_KINDS } from "../../src/sheets/backup";
import type { CellValue, SheetPlan } from "../../src/sheets/plan";
import { seedCatalog } from "../helpers/seedCatalog";

/**
 * Collecting forms and restoring a backup store entries by the same rule as the preview and --actuals
 * (evaluate/typedEntry.ts): a figure a form or a backup holds as text ("121" in a text-formatted cell, or saved
 * by an older preview) is written as the number it is; notes and words stay exactly as typed.
 */
const TV = "TV-QD77-2025";
const AS_OF = "15/11/2025";
const T11 = "actual:2025-T11";
const { catalog } = seedCatalog();

function master(actuals: Record<string, Record<string, CellValue>> = {}): SheetPlan {
  return buildWorkbookPlan(catalog, { asOf: AS_OF, calendar: "month", plans: [TV], entries: { actuals, notes: {}, baselines: {} }, identity: { kind: "master", master: "m-typed", versions: {}, calendar: "month", reportDay: 20 } });
}

function setCell(plan: SheetPlan, id: string, key: string, value: CellValue): void {
  const sheet = plan.sheets.find((s) => s.rowOf[id] !== undefined && s.columns.some((c) => c.key === key))!;
  const col = sheet.columns.findIndex((c) => c.key === key);
  const r = sheet.rowOf[id]! - 1;
  sheet.rows[r]![col] = { ...sheet.rows[r]![col], value };
}

describe("collecting forms stores figures as numbers", () => {
  it("a figure typed as text in a form is collected as a number; words and notes as typed; the same figure is no change", () => {
    // The master already holds 121 (a number) for one row: a form giving "121" as text brings nothing new.
    const probe = readExisting(snapshotOfPlan(master().sheets));
    const split0 = splitMaster(catalog, probe, refreshWorkbook(catalog, probe, { asOf: AS_OF, tolerance: 0.05, now: "01/11/2025 08:00" }), { now: "01/11/2025 08:00", masterFile: "m.xlsx" });
    const form0 = split0.forms.find((f) => f.plan.sheets.filter((s) => s.columns.some((c) => c.key === T11)).flatMap((s) => Object.keys(s.rowOf)).length >= 4)!;
    const [same, figure, decimal, words] = form0.plan.sheets.filter((s) => s.columns.some((c) => c.key === T11)).flatMap((s) => Object.keys(s.rowOf));
    const plan = master({ [same!]: { "2025-T11": 121 } });
    const existing = readExisting(snapshotOfPlan(plan.sheets));
    const split = splitMaster(catalog, existing, refreshWorkbook(catalog, existing, { asOf: AS_OF, tolerance: 0.05, now: "01/11/2025 08:00" }), { now: "01/11/2025 08:00", masterFile: "m.xlsx" });
    const form = split.forms.find((f) => f.file === form0.file)!;
    setCell(form.plan, same!, T11, "121");
    setCell(form.plan, figure!, T11, "121");
    setCell(form.plan, decimal!, T11, "2,8");
    setCell(form.plan, words!, T11, "khoảng 30");
    setCell(form.plan, figure!, "note", "121");
    const collected = collectForms(existing, [{ file: form.file, existing: readExisting(snapshotOfPlan(form.plan.sheets)), saved: 45980.5 }], "20/11/2025 08:00");
    expect(collected.refused).toEqual([]);
    const edits = Object.fromEntries(collected.edits.map((e) => [`${e.id}|${e.key}`, e.value]));
    expect(edits).toEqual({ [`${figure}|${T11}`]: 121, [`${decimal}|${T11}`]: 2.8, [`${words}|${T11}`]: "khoảng 30", [`${figure}|note`]: "121" });
    expect(collected.receipts).toHaveLength(1);
    expect(collected.receipts[0]!.entries).toBe(4);
  });
});

describe("restoring a backup stores figures as numbers", () => {
  it("an entry saved as text goes back as the number it is; a word goes back as typed; a figure already there is no edit", () => {
    const plan = master();
    const sheet = plan.sheets.find((s) => s.columns.some((c) => c.key === T11))!;
    const [a, b, c] = Object.keys(sheet.rowOf);
    setCell(plan, c!, T11, 45);
    const existing: Existing = readExisting(snapshotOfPlan(plan.sheets));
    const saved = (id: string, value: CellValue): CellValue[] => {
      const r: CellValue[] = [];
      r[BACKUP_COLUMN.sheet] = sheet.name;
      r[BACKUP_COLUMN.cell] = "A1";
      r[BACKUP_COLUMN.id] = id;
      r[BACKUP_COLUMN.key] = T11;
      r[BACKUP_COLUMN.value] = value;
      r[BACKUP_COLUMN.kind] = BACKUP_KINDS.entry;
      r[BACKUP_COLUMN.at] = "01/11/2025 08:00";
      return r.map((v) => v ?? null);
    };
    const restore = restoreEdits({ ...existing, backup: [saved(a!, "1.462,8"), saved(b!, "chưa có"), saved(c!, "45")] });
    expect(restore.edits.map((e) => e.value)).toEqual([1462.8, "chưa có"]);
  });
});
