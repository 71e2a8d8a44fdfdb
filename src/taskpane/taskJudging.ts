import type { Catalog } from "../model";
import type { Task } from "../model/task";
import type { Entries } from "../sheets/indicatorSheet";
import type { SheetPlan } from "../sheets/plan";
import { judgeTask, serialOfVi, taskProgress, type TaskProgress, type TaskStatus } from "../evaluate/taskStatus";
import { todayVi } from "../sheets/workbook";

/** The pane's view of the task sheets: each task judged by the engine, the same rules as the sheet's formulas. */
export interface JudgedTask {
  sheet: string;
  id: string;
  /** The cell a link shows: the task's state. */
  block: "state";
  task: Task;
  /** Lead agencies as the sheet shows them (canonical). */
  agencies: string[];
  state: unknown;
  done: unknown;
  status: TaskStatus;
  /** Where it stands by what was reported: "unreported" when nobody has said anything (the sheet's column too). */
  progress: TaskProgress;
}

export function judgeTaskSheets(catalog: Catalog, plan: SheetPlan, entries: Entries): JudgedTask[] {
  const tasks = new Map(catalog.plans.flatMap((p) => (p.tasks ?? []).flatMap((a) => a.tasks.map((t) => [t.id, t] as const))));
  const out: JudgedTask[] = [];
  for (const sheet of plan.sheets.filter((s) => s.kind === "tasks")) {
    // "Số liệu đến" in C3 (a date serial), today while it is blank — as the sheet's formulas read it.
    const c3 = sheet.rows[2]?.[2]?.value;
    const asOf = typeof c3 === "number" ? c3 : serialOfVi(todayVi())!;
    const lead = sheet.columns.findIndex((c) => c.key === "lead");
    for (const [id, r] of Object.entries(sheet.rowOf)) {
      const task = tasks.get(id);
      if (!task) continue;
      const typed = entries.actuals[id] ?? {};
      const state = typed.state ?? null;
      const done = typed.done ?? null;
      const agencies = String(sheet.rows[r - 1]?.[lead]?.value ?? "").split("; ").filter(Boolean);
      const status = judgeTask(task.deadline, state, done, asOf);
      out.push({ sheet: sheet.name, id, block: "state", task, agencies, state, done, status, progress: taskProgress(status, state) });
    }
  }
  return out;
}
