import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedCatalog } from "../helpers/seedCatalog";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { readExisting, snapshotOfPlan } from "../../src/sheets/existing";
import { refreshWorkbook } from "../../src/sheets/merge";
import { excelSerial } from "../../src/evaluate/taskStatus";
import { taskId } from "../../src/parse/tasks";
import type { Catalog } from "../../src/model";
import type { SheetSpec } from "../../src/sheets/plan";
import type { TaskEntries } from "../../src/sheets/taskSheet";
import { snapshotOfWorkbookFile, writeWorkbookFile } from "../../src/hosts/xlsx/files";

/**
 * A refresh keeps every task entry (issue 14, item 5): the same source changes nothing; a revised task
 * appendix (a task inserted, which renumbers an unnumbered table) carries each entry to its task by name; a
 * sheet that holds what a rebuild cannot carry (a task gone from the plan, a column of staff's) is kept whole.
 * Through a real file too: a completion date comes back as a date.
 */
const OPTIONS = { asOf: "15/06/2021", tolerance: 0.05, now: "01/12/2026 10:00" };
const catalog = (): Catalog => structuredClone(seedCatalog().catalog);
const kgTasks = (c: Catalog) => c.plans.find((p) => p.id === "KG-KH5N-2021-2025")!.tasks![0]!;

function entries(c: Catalog): TaskEntries {
  const t = kgTasks(c).tasks;
  return {
    values: {
      [t[0]!.id]: { state: "Đã hoàn thành", done: excelSerial("2021-05-20"), result: "Hồ sơ đã trình" },
      [t[5]!.id]: { state: "Đang thực hiện" },
      [t[80]!.id]: { state: "Không thực hiện" },
    },
    notes: { [t[3]!.id]: "Lồng ghép với đề án của Sở" },
  };
}

/** What a task sheet holds in its input columns and note, by the task's name. */
function inputs(sheet: SheetSpec): Record<string, (string | number | boolean | null)[]> {
  const keys = sheet.rows[4]!.map((c) => c.value);
  const at = (k: string) => keys.indexOf(k);
  const out: Record<string, (string | number | boolean | null)[]> = {};
  for (const [, r] of Object.entries(sheet.rowOf)) {
    const row = sheet.rows[r - 1]!;
    const values = ["actual:state", "actual:done", "actual:result", "note"].map((k) => row[at(k)]?.value ?? null);
    if (values.some((v) => v !== null && v !== "")) out[String(row[at("name")]!.value)] = values;
  }
  return out;
}

const taskSheet = (sheets: SheetSpec[]) => sheets.find((s) => s.name === "KG-KH5N-2021-2025 NV")!;

describe("refreshing task sheets", () => {
  test("the same source: no change, every task entry in place", () => {
    const c = catalog();
    const plan = buildWorkbookPlan(c, { asOf: OPTIONS.asOf, taskEntries: entries(c) });
    const before = inputs(taskSheet(plan.sheets));
    expect(Object.keys(before)).toHaveLength(4);
    const r = refreshWorkbook(c, readExisting(snapshotOfPlan(plan.sheets)), OPTIONS);
    expect(r.changes).toEqual([]);
    expect(r.notices).toEqual([]);
    expect(r.replace).toContain("KG-KH5N-2021-2025 NV");
    expect(inputs(taskSheet(r.plan.sheets))).toEqual(before);
  });

  test("a task inserted at the top renumbers the unnumbered table: each entry follows its task by name, the new one is logged", () => {
    const c = catalog();
    const plan = buildWorkbookPlan(c, { asOf: OPTIONS.asOf, taskEntries: entries(c) });
    const before = inputs(taskSheet(plan.sheets));
    const revised = catalog();
    const a = kgTasks(revised);
    const fresh = { ...a.tasks[0]!, name: "Xây dựng Quy hoạch tỉnh điều chỉnh", line: 0 };
    a.tasks = [fresh, ...a.tasks].map((t, k) => ({ ...t, id: taskId(t.plan, a.id, t.code, k, t.name) }));
    const r = refreshWorkbook(revised, readExisting(snapshotOfPlan(plan.sheets)), OPTIONS);
    expect(r.changes.map((x) => [x.kind, x.name])).toEqual([["added", "Xây dựng Quy hoạch tỉnh điều chỉnh"]]);
    expect(inputs(taskSheet(r.plan.sheets))).toEqual(before);
    expect(Object.keys(taskSheet(r.plan.sheets).rowOf)).toHaveLength(82);
  });

  test("a task gone from the plan, or a column of staff's: the sheet is kept whole, entries and all, with a notice", () => {
    const c = catalog();
    const plan = buildWorkbookPlan(c, { asOf: OPTIONS.asOf, taskEntries: entries(c) });
    const revised = catalog();
    kgTasks(revised).tasks = kgTasks(revised).tasks.slice(1); // the task with an entry is gone
    const r = refreshWorkbook(revised, readExisting(snapshotOfPlan(plan.sheets)), OPTIONS);
    expect(r.keep).toContain("KG-KH5N-2021-2025 NV");
    expect(r.replace).not.toContain("KG-KH5N-2021-2025 NV");
    expect(r.plan.sheets.some((s) => s.name === "KG-KH5N-2021-2025 NV")).toBe(false);
    expect(r.notices.find((n) => n.sheet === "KG-KH5N-2021-2025 NV")!.vi).toContain("giữ nguyên trang cùng số liệu");
    // Staff's own column: the same.
    const withColumn = plan.sheets.map((s) => (s.name === "KG-KH5N-2021-2025 NV" ? { ...s, rows: s.rows.map((row, k) => [...row, { value: k === 5 ? "Người theo dõi" : k === 7 ? "Anh Nam" : null }]) } : s));
    const r2 = refreshWorkbook(c, readExisting(snapshotOfPlan(withColumn)), OPTIONS);
    expect(r2.keep).toContain("KG-KH5N-2021-2025 NV");
  });

  test("through a real file: the completion date comes back as a date, the refreshed sheet judges it the same", async () => {
    const c = catalog();
    const plan = buildWorkbookPlan(c, { asOf: OPTIONS.asOf, taskEntries: entries(c) });
    const file = join(mkdtempSync(join(tmpdir(), "im-task-refresh-")), "book.xlsx");
    await writeWorkbookFile(plan, file);
    const snapshot = await snapshotOfWorkbookFile(file);
    const r = refreshWorkbook(c, readExisting(snapshot), OPTIONS);
    expect(r.changes).toEqual([]);
    expect(inputs(taskSheet(r.plan.sheets))).toEqual(inputs(taskSheet(plan.sheets)));
  });
});
