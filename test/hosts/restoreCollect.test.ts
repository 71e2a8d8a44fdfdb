/** @file Restore after a collect takes the collect back: every cell it wrote holds what it held before (empty cells empty again), in the preview, the CLI and Excel. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { entriesOf, readExisting, snapshotOfPlan, type Existing } from "../../src/sheets/existing";
import { refreshWorkbook } from "../../src/sheets/merge";
import { splitMaster, type AgencyForm } from "../../src/sheets/forms";
import { collectForms, type ReturnedForm } from "../../src/sheets/collect";
import { restoreEdits } from "../../src/sheets/restore";
import { previewHost } from "../../src/hosts/preview/previewHost";
import { readEntriesFile, snapshotOfWorkbookFile, writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { applySheetPlan } from "../../src/hosts/office/apply";
import { readEntriesFromExcel, refreshInExcel, restoreInExcel } from "../../src/hosts/office/refresh";
import { snapshotFromExcel } from "../../src/hosts/office/read";
import { features } from "../../src/hosts/office/features";
import { createExcelModel, type ExcelModel } from "../excel/model";
import { main } from "../../src/cli/workbook";
import { runCli } from "../helpers/cli";
import { seedCatalog, seedIndicators } from "../helpers/seedCatalog";
import type { Entries } from "../../src/sheets/indicatorSheet";
import type { CellValue, SheetPlan } from "../../src/sheets/plan";

const AS_OF = "15/11/2025";
const NOW = "20/11/2025 08:00";
const PLAN = "TV-QD77-2025";
const T10 = "actual:2025-T10";
const T11 = "actual:2025-T11";
const OPTIONS = { asOf: AS_OF, tolerance: 0.05, now: NOW };
const { catalog } = seedCatalog();
const packed = new Set(seedIndicators().filter((i) => i.target.kind === "composite").map((i) => i.id));

interface Typed {
  id: string;
  key: string;
  value: CellValue;
}

function masterPlan(entries?: Entries): SheetPlan {
  return buildWorkbookPlan(catalog, { asOf: AS_OF, calendar: "month", plans: [PLAN], entries, identity: { kind: "master", master: "restore-collect", versions: {}, calendar: "month", reportDay: 20 } });
}

function split(master: Existing): AgencyForm[] {
  const result = splitMaster(catalog, master, refreshWorkbook(catalog, master, { ...OPTIONS, now: "01/11/2025 08:00" }), { now: "01/11/2025 08:00", masterFile: "master.xlsx" });
  expect(result.error).toBeUndefined();
  return result.forms;
}

/** Two forms with rows of their own (no row reported by both), and what staff type in each: values into empty cells, a note, one value over the master's. */
function choose(forms: AgencyForm[]): { a: AgencyForm; b: AgencyForm; typed: Map<AgencyForm, Typed[]>; replaced: string } {
  const idsOf = (f: AgencyForm) => f.plan.sheets.filter((s) => s.kind === "indicators").flatMap((s) => Object.keys(s.rowOf)).filter((id) => !packed.has(id));
  const owners = new Map<string, number>();
  for (const f of forms) for (const id of idsOf(f)) owners.set(id, (owners.get(id) ?? 0) + 1);
  const own = (f: AgencyForm) => idsOf(f).filter((id) => owners.get(id) === 1);
  const [a, b] = forms.filter((f) => own(f).length >= 3);
  expect(a && b).toBeTruthy();
  const [a0, a1, a2] = own(a!);
  const [b0, b1] = own(b!);
  const typed = new Map<AgencyForm, Typed[]>([
    [a!, [{ id: a0!, key: T11, value: 14.2 }, { id: a1!, key: T11, value: "ước đạt 7,1%" }, { id: a2!, key: "note", value: "Số liệu ước tính" }, { id: a0!, key: T10, value: 12.5 }]],
    [b!, [{ id: b0!, key: T11, value: 95.4 }, { id: b1!, key: T11, value: 30.6 }]],
  ]);
  return { a: a!, b: b!, typed, replaced: a0! };
}

/** A form as staff return it: their values typed into the cells of its plan. */
function filled(form: AgencyForm, typed: Typed[]): SheetPlan {
  const plan = structuredClone(form.plan);
  for (const t of typed) {
    const sheet = plan.sheets.find((s) => s.rowOf[t.id] !== undefined && s.columns.some((c) => c.key === t.key))!;
    const row = sheet.rows[sheet.rowOf[t.id]! - 1]!;
    const col = sheet.columns.findIndex((c) => c.key === t.key);
    row[col] = { ...row[col], value: t.value };
  }
  return plan;
}

const returned = (form: AgencyForm, typed: Typed[]): ReturnedForm => ({ file: form.file, existing: readExisting(snapshotOfPlan(filled(form, typed).sheets)), saved: 45980.5 });

const cellOf = (entries: Entries, t: Pick<Typed, "id" | "key">): CellValue | undefined => (t.key === "note" ? entries.notes[t.id] : entries.actuals[t.id]?.[t.key.slice(7)]);

describe("restore after a collect, in the browser preview", () => {
  it("takes every collected cell back to what it held (empty cells empty again), keeps a cell changed since, and says which collect", async () => {
    const host = previewHost();
    await host.load(masterPlan());
    const { a, b, typed, replaced } = choose(split(await host.readWorkbook()));
    // The planning department typed a value after the split; the form brings another.
    host.setEntry(replaced, "2025-T10", 11);
    const before = await host.readEntries();
    const forms = [returned(a, typed.get(a)!), returned(b, typed.get(b)!)];
    const { collected, refresh } = await host.collect(catalog, forms, { ...OPTIONS, dryRun: false });
    expect(refresh).not.toBeNull();
    expect(collected.edits).toHaveLength(6);
    expect(collected.edits.filter((e) => e.before !== null).map((e) => [e.id, e.before, e.value])).toEqual([[replaced, 11, 12.5]]);
    const after = await host.readEntries();
    for (const t of [...typed.values()].flat()) expect(cellOf(after, t)).toEqual(t.value);

    // Staff correct one collected value by hand after the collect: the restore keeps it and says so.
    const corrected = typed.get(b)![1]!;
    host.setEntry(corrected.id, corrected.key.slice(7), 31);
    const restore = await host.restore();
    expect(restore.edits).toHaveLength(5);
    // Of what the restore leaves for a person, the collected cells: the one corrected since, nothing else.
    const collectedCells = restore.skipped.filter((s) => /thu phiếu/.test(s.vi));
    expect(collectedCells.map((s) => s.vi)).toEqual([`ô đã được sửa sau lần thu phiếu (đang là “31”, phiếu ${b.file} ghi “30,6”): giữ nguyên; trước khi thu phiếu: ô trống`]);
    expect(collectedCells[0]!.en).toBe(`the cell was changed after the collect (it holds “31”, the form ${b.file} wrote “30.6”): kept; before the collect: empty`);
    expect(restore.source).toEqual({ kind: "collect", at: NOW, forms: [a.file, b.file] });
    expect(restore.summary.vi).toBe(
      `Đã khôi phục 5 ô của lần thu phiếu lúc ${NOW} (${a.file}, ${b.file}): các ô trở lại giá trị trước khi thu phiếu, ô trước đó trống lại để trống. Các phiếu vẫn được ghi là đã nhận (trang “Tình hình báo cáo”); thu lại phiếu sẽ đưa số liệu của nó vào lại.`,
    );
    expect(restore.summary.en).toContain(`Restored 5 cell(s) of the collect at ${NOW} (${a.file}, ${b.file})`);
    const restored = await host.readEntries();
    for (const t of [...typed.values()].flat()) {
      if (t === corrected) expect(cellOf(restored, t)).toBe(31);
      else expect(cellOf(restored, t) ?? null).toEqual(cellOf(before, t) ?? null);
    }
    expect(cellOf(restored, { id: replaced, key: T10 })).toBe(11);
    // Everything else is as before the collect.
    const { [corrected.id]: _c, ...rest } = restored.actuals;
    const { [corrected.id]: _b, ...restBefore } = before.actuals;
    expect(rest).toEqual(restBefore);
    expect(restored.notes).toEqual(before.notes);

    // Restoring again has nothing left to do, and says so.
    const again = await host.restore();
    expect(again.edits).toEqual([]);
    expect(again.summary.vi).toContain(`Không có ô nào cần khôi phục: các ô đã giữ giá trị trước lần thu phiếu lúc ${NOW}`);
  });

  it("says there is nothing to restore in a workbook without a backup, and names the refresh a backup came from", () => {
    const plan = masterPlan({ actuals: {}, notes: {}, baselines: {} });
    const none = restoreEdits(readExisting(snapshotOfPlan(plan.sheets)));
    expect(none.source).toBeNull();
    expect(none.summary.vi).toContain("Chưa có bản sao lưu");
    const sheet = plan.sheets.find((s) => s.kind === "indicators")!;
    const id = Object.keys(sheet.rowOf).find((i) => !packed.has(i))!;
    const col = sheet.columns.findIndex((c) => c.key === T11);
    sheet.rows[sheet.rowOf[id]! - 1]![col] = { ...sheet.rows[sheet.rowOf[id]! - 1]![col], value: 40 };
    const refreshed = refreshWorkbook(catalog, readExisting(snapshotOfPlan(plan.sheets)), { ...OPTIONS, now: "21/11/2025 09:30" }).plan;
    const s = refreshed.sheets.find((x) => x.rowOf[id] !== undefined)!;
    const c = s.columns.findIndex((x) => x.key === T11);
    s.rows[s.rowOf[id]! - 1]![c] = { ...s.rows[s.rowOf[id]! - 1]![c], value: null }; // lost by mistake
    const back = restoreEdits(readExisting(snapshotOfPlan(refreshed.sheets)));
    expect(back.edits.map((e) => e.value)).toEqual([40]);
    expect(back.source).toEqual({ kind: "refresh", at: "21/11/2025 09:30", forms: [] });
    expect(back.summary).toEqual({ vi: "Đã khôi phục 1 ô của lần cập nhật lúc 21/11/2025 09:30.", en: "Restored 1 cell(s) of the refresh at 21/11/2025 09:30." });
  });
});

describe("restore after a collect, through the CLI (real files)", () => {
  it("--restore after --collect gives back the entries the master had before the collect", async () => {
    const dir = mkdtempSync(join(tmpdir(), "im-restore-collect-"));
    const master = join(dir, "master.xlsx");
    const forms0 = split(readExisting(snapshotOfPlan(masterPlan().sheets)));
    const { replaced } = choose(forms0);
    await writeWorkbookFile(masterPlan({ actuals: { [replaced]: { "2025-T10": 11 } }, notes: {}, baselines: {} }), master);
    const { a, b, typed } = choose(split(readExisting(await snapshotOfWorkbookFile(master))));
    const files: string[] = [];
    for (const f of [a, b]) {
      const path = join(dir, f.file);
      await writeWorkbookFile(filled(f, typed.get(f)!), path);
      files.push(path);
    }
    const collectedFile = join(dir, "master-collected.xlsx");
    const collect = await runCli(main, ["--in", master, "--collect", ...files, "--out", collectedFile, "--as-of", AS_OF]);
    expect(collect.err).toBe("");
    expect(collect.code).toBe(0);
    const after = await readEntriesFile(collectedFile);
    for (const t of [...typed.values()].flat()) expect(cellOf(after, t)).toEqual(t.value);

    const restoredFile = join(dir, "master-restored.xlsx");
    const restore = await runCli(main, ["--in", collectedFile, "--out", restoredFile, "--restore"]);
    expect(restore.code).toBe(0);
    expect(restore.out).toMatch(new RegExp(`^Đã khôi phục 6 ô của lần thu phiếu lúc \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} \\(${a.file.replace(/\./g, "\\.")}, ${b.file.replace(/\./g, "\\.")}\\)`));
    expect(restore.out).toContain("Restored 6 cell(s) of the collect at");
    const before = await readEntriesFile(master);
    const restored = await readEntriesFile(restoredFile);
    expect(restored.actuals).toEqual(before.actuals);
    expect(restored.notes).toEqual(before.notes);
    expect(cellOf(restored, { id: replaced, key: T10 })).toBe(11);
  }, 120_000);
});

describe("restore after a collect, inside Excel (strict model)", () => {
  const f = (m: ExcelModel) => ({ features: features(m.supports) });
  it("puts every collected cell back, clearing those that were empty", async () => {
    const m = createExcelModel({ sheets: ["Sheet1"] });
    await applySheetPlan(m.context, masterPlan(), f(m));
    const read = await snapshotFromExcel(m.context, f(m).features);
    const master = readExisting(read.snapshot);
    const { a, b, typed } = choose(split(master));
    const before = entriesOf(master);
    const collected = collectForms(master, [returned(a, typed.get(a)!), returned(b, typed.get(b)!)], NOW);
    expect(collected.edits).toHaveLength(6);
    await refreshInExcel(m.context, catalog, { ...OPTIONS, dryRun: false, collected, read, ...f(m) });
    const after = (await readEntriesFromExcel(m.context, f(m))).entries;
    for (const t of [...typed.values()].flat()) expect(cellOf(after, t)).toEqual(t.value);
    const restore = await restoreInExcel(m.context, f(m));
    expect(restore.edits).toHaveLength(6);
    expect(restore.edits.every((e) => e.value === null)).toBe(true);
    expect(restore.summary.vi).toContain(`Đã khôi phục 6 ô của lần thu phiếu lúc ${NOW}`);
    const restored = (await readEntriesFromExcel(m.context, f(m))).entries;
    expect(restored.actuals).toEqual(before.actuals);
    expect(restored.notes).toEqual(before.notes);
    expect(m.stats.failures).toEqual([]);
  }, 120_000);
});
