import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedCatalog } from "../helpers/seedCatalog";
import { buildWorkbookPlan, SUMMARY_SHEET } from "../../src/sheets/workbook";
import { excelSerial, judgeTask, serialOfVi, taskProgress, taskStatusText } from "../../src/evaluate/taskStatus";
import type { TaskEntries } from "../../src/sheets/taskSheet";
import { writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { recalculatedCsv } from "../helpers/libreoffice";
import type { Task } from "../../src/model/task";
import { SheetPlan } from "../../src/sheets/plan";
import { message } from "../../src/i18n/messages";

/**
 * Task sheets in the monitoring workbook (issue 14, item 4): one per task appendix, an Excel table with input
 * columns and a live status; the summary counts tasks per lead agency. Recalculated by LibreOffice, every
 * status and every count is the engine's.
 */
const AS_OF = "15/06/2021";
const catalog = seedCatalog().catalog;
const kg = catalog.plans.find((p) => p.id === "KG-KH5N-2021-2025")!.tasks![0]!;
const tv = catalog.plans.find((p) => p.id === "TV-QD77-2025")!.tasks![0]!;
const starting = (words: string) => kg.tasks.find((t) => t.name.startsWith(words))!;

// Entries as staff make them: done on time, done late, in progress near and past the deadline, dropped, a bad state.
const ENTRIES: [Task, Record<string, string | number>][] = [
  [starting("Chương trình xúc tiến đầu tư"), { state: "Đã hoàn thành", done: excelSerial("2021-06-01") }], // Quý II/2021: on time
  [starting("Kết quả thực hiện chỉ số năng lực cạnh tranh"), { state: "Đã hoàn thành", done: excelSerial("2021-07-15") }], // late
  [starting("Đề án tái cơ cấu ngành nông nghiệp"), { state: "Đang thực hiện" }], // 30/06/2021: due soon
  [starting("Báo cáo tổng kết Đề án xây dựng trường đạt chuẩn"), { state: "Đang thực hiện" }], // Quý I: overdue
  [starting("Kế hoạch phát triển công nghiệp tỉnh"), { state: "Không thực hiện" }],
  [starting("Kế hoạch đầu tư Công Trung hạn"), { state: "xong" }], // not a state: invalid
  [tv.tasks[0]!, { state: "Đang thực hiện", result: "Đã rà soát 12 văn bản" }], // continuous
];

function entries(): TaskEntries {
  const values: TaskEntries["values"] = {};
  for (const [t, v] of ENTRIES) values[t.id] = v;
  return { values, notes: { [tv.tasks[1]!.id]: "Chờ ý kiến Sở Tư pháp" } };
}

describe("task sheets in the workbook", () => {
  const plan = buildWorkbookPlan(catalog, { asOf: AS_OF, taskEntries: entries() });

  test("one sheet per task appendix, after the indicator sheets: a table with input columns, a status formula per task", () => {
    SheetPlan.parse(plan);
    const tasks = plan.sheets.filter((s) => s.kind === "tasks");
    expect(tasks.map((s) => [s.name, Object.keys(s.rowOf).length])).toEqual([
      ["KG-KH5N-2021-2025 NV", 81],
      ["TV-QD77-2025 NV I", 78],
    ]);
    const tvSheet = tasks[1]!;
    expect(tvSheet.columns.filter((c) => !c.hidden).map((c) => c.header)).toEqual(["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Theo dõi, đôn đốc", "Thời hạn", "Hạn", "Tình trạng", "Ngày hoàn thành", "Kết quả / sản phẩm", "Trạng thái", "Ghi chú"]);
    expect(tvSheet.columns.filter((c) => c.input).map((c) => c.key)).toEqual(["actual:state", "actual:done", "actual:result", "note"]);
    expect(tvSheet.table?.ref).toMatch(/^A6:/);
    expect(tvSheet.validations[0]).toMatchObject({ kind: "list", list: ["Chưa triển khai", "Đang thực hiện", "Đã hoàn thành", "Không thực hiện"] });
    // Sections are rows of their own, marked like the indicator sheets'.
    expect(tvSheet.rows.filter((r) => String(r[0]?.value ?? "").startsWith("§"))).toHaveLength(12);
    // The print: landscape, one page wide, the header row repeated.
    expect(tvSheet.print).toMatchObject({ orientation: "landscape", fitToWidth: 1, titleRows: "6:6" });
    // The “số liệu đến” date is a date cell staff can change.
    expect(tvSheet.rows[2]![2]).toMatchObject({ value: serialOfVi(AS_OF), style: "asOfDate" });
  });

  test("recalculated in LibreOffice, every task's status and the summary's counts per lead agency are the engine's", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "im-tasks-")), "tasks.xlsx");
    expect(plan.sheets[0]!.name).toBe(SUMMARY_SHEET); // LibreOffice's CSV export writes the first sheet
    await writeWorkbookFile(plan, file);
    const rows = recalculatedCsv(file);
    const asOf = serialOfVi(AS_OF)!;
    const all = [...kg.tasks, ...tv.tasks];
    const entry = entries().values;
    const engine = new Map(all.map((t) => [t.id, judgeTask(t.deadline, entry[t.id]?.state ?? null, entry[t.id]?.done ?? null, asOf)]));
    const progress = new Map(all.map((t) => [t.id, taskProgress(engine.get(t.id)!, entry[t.id]?.state ?? null)]));
    // The summary's task list: agency, task, sheet, deadline, due, label, code, progress, first-row flag — one row per lead agency.
    const listStart = rows.findIndex((r) => r[1] === "Cơ quan chủ trì" && r[2] === "Nhiệm vụ" && r[7] === "Mã trạng thái");
    expect(listStart).toBeGreaterThan(0);
    const list = rows.slice(listStart + 1).filter((r) => r[1] !== "");
    const byName = (sheet: string, name: string) => all.find((t) => t.name === name && (sheet.includes("TV") ? t.plan === "TV-QD77-2025" : t.plan === "KG-KH5N-2021-2025"));
    const wrong = list
      .filter((r) => {
        const id = byName(r[3]!, r[2]!)?.id ?? "";
        return engine.get(id) !== r[7] || progress.get(id) !== r[8] || taskStatusText(engine.get(id)!, progress.get(id)!) !== r[6];
      })
      .map((r) => `${r[2]}: sheet ${r[6]} ${r[7]} ${r[8]}`);
    expect(wrong).toEqual([]);
    // Nobody has reported on most tasks: they read "— chưa báo cáo", whatever their deadline.
    expect(list.filter((r) => r[8] === "unreported").every((r) => r[6]!.endsWith(" — chưa báo cáo"))).toBe(true);
    expect(new Set(list.filter((r) => r[8] === "unreported").map((r) => r[7]))).toEqual(new Set(["overdue", "due_soon", "on_track", "continuous", "no_deadline"]));
    expect(new Set(list.map((r) => r[7]))).toEqual(new Set(["done_on_time", "done_late", "due_soon", "overdue", "dropped", "invalid", "continuous", "no_deadline", "on_track", "done"].filter((s) => [...engine.values()].includes(s as never))));
    // The counts per lead agency.
    const tableStart = rows.findIndex((r) => r[1] === "Nhiệm vụ theo cơ quan chủ trì");
    // Columns: tasks; done, in progress, not started, not reported, dropped, invalid (adding up to the tasks);
    // of which overdue, due soon.
    expect(rows[tableStart]!.slice(2, 11)).toEqual(["Số nhiệm vụ", "Hoàn thành", "Đang thực hiện", "Chưa triển khai", "Chưa báo cáo", "Không thực hiện", "Lỗi nhập liệu", "Trong đó: quá hạn", "Trong đó: sắp đến hạn"]);
    const totalAt = rows.findIndex((r, k) => k > tableStart && r[1] === "Tổng cộng");
    const agencyRows = rows.slice(tableStart + 1, totalAt);
    const counts = new Map(agencyRows.map((r) => [r[1]!, r.slice(2, 11).map(Number)]));
    const countOf = (mine: Task[]) => {
      const n = (...codes: string[]) => mine.filter((t) => codes.includes(engine.get(t.id)!) || codes.includes(progress.get(t.id)!)).length;
      return [mine.length, n("done"), n("in_progress"), n("not_started"), n("unreported"), n("dropped"), n("invalid"), n("overdue"), n("due_soon")];
    };
    for (const agency of ["Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Giáo dục và Đào tạo", "Sở Công Thương", "Sở Kế hoạch và Đầu tư"]) {
      expect([agency, counts.get(agency)]).toEqual([agency, countOf(all.filter((t) => t.agencies.some((a) => a.role === "lead" && a.name === agency)))]);
    }
    // Every agency's state columns add up to its tasks; "trong đó" is a part of the tasks not done.
    for (const [agency, [tasks, done, inProgress, notStarted, unreported, dropped, invalid, overdue, soon]] of counts) {
      expect([agency, done! + inProgress! + notStarted! + unreported! + dropped! + invalid!]).toEqual([agency, tasks]);
      expect(overdue! + soon!).toBeLessThanOrEqual(inProgress! + notStarted! + unreported!);
    }
    // Per agency, a task of several lead agencies counts for each: the rows add up to the list (181), more than
    // the 159 tasks of the plans; the total row counts each task once, by the same columns.
    expect(list).toHaveLength(181);
    expect([...counts.values()].reduce((n, c) => n + c[0]!, 0)).toBe(181);
    const total = rows[totalAt]!.slice(2, 11).map(Number);
    expect(total).toEqual(countOf(all));
    expect(total[0]).toBe(159);
    expect(total.slice(1, 7).reduce((n, c) => n + c, 0)).toBe(159);
    expect(list.filter((r) => r[9] === "1")).toHaveLength(159);
    // The notes under the block say how the columns add up and that the total counts each task once.
    const notes = rows.slice(totalAt + 1, totalAt + 4).map((r) => r[1]);
    expect(notes).toEqual([message("sheet.taskSumColumns").vi, message("sheet.taskSumOfWhich").vi, message("sheet.taskSumOnce").vi]);
  }, 180_000);

  test("the indicator summary counts canonical agencies: the two spellings of Sở LĐ-TB&XH are one row", () => {
    const summary = plan.sheets[0]!;
    const labels = summary.rows.map((r) => r[1]?.value).filter((v): v is string => typeof v === "string");
    expect(labels.filter((l) => /^Sở Lao động/.test(l)).length).toBeGreaterThan(0);
    expect(new Set(labels.filter((l) => /^Sở Lao động/.test(l)))).toEqual(new Set(["Sở Lao động - Thương binh và Xã hội"]));
    expect(labels).not.toContain("Cục Thuế tỉnh Chi cục Hải quan");
  });
});

test("a workbook of a pasted task table alone: its task sheet, and the summary's task counts over the right rows (LibreOffice)", async () => {
  const { parsePastedTable } = await import("../../src/parse/document");
  const r = parsePastedTable(["TT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian hoàn thành", "1\tBáo cáo sơ kết 6 tháng\tSở KH&ĐT\tTháng 7/2026", "2\tTổng kết năm\tSở KH&ĐT\tQuý IV/2026", "3\tRà soát quy hoạch\tSở Xây dựng\t2025"].join("\n"), { name: "NV 2026" });
  if (!r.ok) throw new Error(r.error.en);
  const plan = buildWorkbookPlan({ plans: [r.plan] }, { asOf: "01/12/2026" });
  expect(plan.sheets.filter((s) => s.kind === "tasks").map((s) => Object.keys(s.rowOf).length)).toEqual([3]);
  const file = join(mkdtempSync(join(tmpdir(), "im-tasks-only-")), "tasks.xlsx");
  await writeWorkbookFile(plan, file);
  const rows = recalculatedCsv(file);
  const table = rows.findIndex((x) => x[1] === "Nhiệm vụ theo cơ quan chủ trì");
  const line = (agency: string) => rows.slice(table + 1).find((x) => x[1] === agency)!.slice(2, 11).map(Number);
  // At 01/12/2026, Sở KH&ĐT has two tasks: July's is overdue, Q4's is due in 30 days (due soon); Sở Xây dựng's
  // 2025 task is overdue. Nobody has reported on any: not reported, not in progress. Columns: tasks; done, in
  // progress, not started, not reported, dropped, invalid; of which overdue, due soon.
  expect(line("Sở Kế hoạch và Đầu tư")).toEqual([2, 0, 0, 0, 2, 0, 0, 1, 1]);
  expect(line("Sở Xây dựng")).toEqual([1, 0, 0, 0, 1, 0, 0, 1, 0]);
  expect(line("Tổng cộng")).toEqual([3, 0, 0, 0, 3, 0, 0, 2, 1]);
}, 120_000);
