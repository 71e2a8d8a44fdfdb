/** @file Where a task stands (issue #21): six states that never overlap, "Chưa báo cáo" for a task nobody reported on, in the engine and the pane. */
import { seedCatalog } from "../helpers/seedCatalog";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { excelSerial, judgeTask, serialOfVi, taskProgress, taskStatusText, TASK_PROGRESS, TASK_STATUSES, type TaskStatus } from "../../src/evaluate/taskStatus";
import { judgeTaskSheets } from "../../src/taskpane/taskJudging";

const AS_OF = "15/06/2021";
const asOf = serialOfVi(AS_OF)!;
const DATED = { kind: "date" as const, due: "2021-06-30" };

describe("taskProgress", () => {
  test("each status a task can have, with each state typed, stands in exactly one place", () => {
    const states = [null, "", "Chưa triển khai", "Đang thực hiện", "Đã hoàn thành", "Không thực hiện", "xong"];
    for (const status of TASK_STATUSES) for (const state of states) expect(TASK_PROGRESS).toContain(taskProgress(status, state));
    // Done, dropped and invalid say it whatever the state; the rest by the state typed.
    for (const status of ["done_on_time", "done_late", "done"] as TaskStatus[]) expect(taskProgress(status, null)).toBe("done");
    expect(taskProgress("dropped", "Không thực hiện")).toBe("dropped");
    expect(taskProgress("invalid", "xong")).toBe("invalid");
    for (const status of ["overdue", "due_soon", "on_track", "continuous", "no_deadline"] as TaskStatus[]) {
      expect([status, taskProgress(status, null), taskProgress(status, "  "), taskProgress(status, " đang THỰC hiện "), taskProgress(status, "Chưa triển khai")]).toEqual([status, "unreported", "unreported", "in_progress", "not_started"]);
    }
  });

  test("a task nobody reported on is not reported, not in progress; its deadline status stays and the label says both", () => {
    const overdue = judgeTask(DATED, null, null, excelSerial("2021-07-10"));
    expect(overdue).toBe("overdue");
    expect(taskStatusText(overdue, taskProgress(overdue, null))).toBe("✗ Quá hạn — chưa báo cáo");
    expect(taskStatusText(overdue, taskProgress(overdue, "Đang thực hiện"))).toBe("✗ Quá hạn");
    const soon = judgeTask(DATED, "", null, asOf);
    expect(taskStatusText(soon, taskProgress(soon, ""), "en")).toBe("◐ Due soon — not reported");
    // A completion date alone is a report: done.
    const done = judgeTask(DATED, null, excelSerial("2021-06-01"), asOf);
    expect([done, taskProgress(done, null), taskStatusText(done, taskProgress(done, null))]).toEqual(["done_on_time", "done", "✓ Hoàn thành đúng hạn"]);
  });

  test("the pane judges every task of the seed workbook once, with where it stands", () => {
    const catalog = seedCatalog().catalog;
    const kg = catalog.plans.find((p) => p.id === "KG-KH5N-2021-2025")!.tasks![0]!.tasks;
    const plan = buildWorkbookPlan(catalog, { asOf: AS_OF });
    const reported: Record<string, Record<string, string | number>> = { [kg[0]!.id]: { state: "Đang thực hiện" }, [kg[1]!.id]: { state: "Chưa triển khai" }, [kg[2]!.id]: { done: excelSerial("2021-05-01") } };
    const judged = judgeTaskSheets(catalog, plan, { actuals: reported, notes: {}, baselines: {} });
    expect(judged).toHaveLength(159);
    expect(new Set(judged.map((j) => j.id)).size).toBe(159);
    const of = (id: string) => judged.find((j) => j.id === id)!.progress;
    expect([of(kg[0]!.id), of(kg[1]!.id), of(kg[2]!.id)]).toEqual(["in_progress", "not_started", "done"]);
    // Nobody has reported on the rest: not one of them is in progress.
    const rest = judged.filter((j) => !(j.id in reported));
    expect(rest.every((j) => j.progress === "unreported")).toBe(true);
    expect(rest.some((j) => j.status === "overdue")).toBe(true);
  });
});
