import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { excelSerial, judgeTask, taskProgress, taskStatusText, TASK_PROGRESS, TASK_STATUSES, type TaskProgress, type TaskStatus } from "../../src/evaluate/taskStatus";
import type { DeadlineKind } from "../../src/model/task";
import { asOfFormula, stateLowerFormula, taskCodeFormula, taskLabelFormula, taskProgressFormula, yearlyDueFormula, type TaskRefs } from "../../src/sheets/taskFormulas";
import { wordListSheet } from "../../src/sheets/formulas";
import type { Cell, SheetPlan, SheetSpec } from "../../src/sheets/plan";
import { writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { recalculatedCsv } from "../helpers/libreoffice";

/**
 * A task's status computed by the workbook's formulas, recalculated by LibreOffice, equals the engine's for
 * "số liệu đến" dates before, on and after the deadline, within 30 days of it, with and without a completion
 * date (on time, late, in another year for a yearly task), for every state word and for bad entries; and so do
 * where the task stands (done, in progress, not started, not reported, dropped, invalid) and the label shown.
 */
interface Case {
  kind: DeadlineKind;
  due: string | null;
  state: string | null;
  done: number | string | null;
  asOf: number;
}

const DUE = "2025-06-30";
const D = excelSerial(DUE);
function cases(): Case[] {
  const all: Case[] = [];
  const asOfs = [D - 90, D - 31, D - 30, D - 1, D, D + 1, D + 200, excelSerial("2026-03-01")];
  const states = [null, "", "Chưa triển khai", "Đang thực hiện", "Đã hoàn thành", "ĐÃ HOÀN THÀNH", "hoàn thành", "Không thực hiện", "xong rồi", "5"];
  const dones: (number | string | null)[] = [null, "", D - 10, D, D + 5, excelSerial("2024-11-30"), "31/12/2025", "abc"];
  const deadlines: [DeadlineKind, string | null][] = [["date", DUE], ["yearly", "2025-12-31"], ["continuous", null], ["none", null]];
  for (const [kind, due] of deadlines) for (const asOf of asOfs) for (const state of states) for (const done of dones) all.push({ kind, due, state, done, asOf });
  return all;
}

// Columns: A kind, B due, C state, D state lower, E done, F status code, G "số liệu đến", H progress, I label.
const REFS: TaskRefs = { kind: "A", due: "B", state: "C", stateLower: "D", done: "E", code: "F", progress: "H" };

function plan(all: Case[]): SheetPlan {
  const rows: Cell[][] = all.map((c, i) => {
    const r = i + 1;
    const asOf = asOfFormula(`G${r}`);
    return [
      { value: c.kind },
      c.kind === "yearly" ? { formula: yearlyDueFormula(asOf) } : { value: c.due ? excelSerial(c.due) : null },
      { value: c.state },
      { formula: stateLowerFormula(r, REFS) },
      { value: c.done },
      { formula: taskCodeFormula(r, REFS, asOf) },
      { value: c.asOf },
      { formula: taskProgressFormula(r, REFS) },
      { formula: taskLabelFormula(`F${r}`, `H${r}`) },
    ];
  });
  const lists = wordListSheet();
  const sheet: SheetSpec = { ...lists.sheet, name: "Cases", kind: "tasks", hidden: false, columns: rows[0]!.map((_, k) => ({ key: `c${k}`, header: "", width: 10 })), rows, print: { ...lists.sheet.print, area: `A1:I${rows.length}` } };
  return { title: "task cases", styles: {}, sheets: [sheet, lists.sheet], names: lists.names };
}

describe("task statuses: the workbook's formulas agree with the engine (LibreOffice recalculation)", () => {
  const all = cases();

  test("the cases reach every status", () => {
    expect(all.length).toBeGreaterThan(2000);
    const seen = new Set<TaskStatus>(all.map((c) => judgeTask({ kind: c.kind, due: c.due }, c.state, c.done, c.asOf)));
    expect([...seen].sort()).toEqual([...TASK_STATUSES].sort());
    const progress = new Set<TaskProgress>(all.map((c) => taskProgress(judgeTask({ kind: c.kind, due: c.due }, c.state, c.done, c.asOf), c.state)));
    expect([...progress].sort()).toEqual([...TASK_PROGRESS].sort());
    // Not reported is not a deadline: it stands beside overdue, due soon and the rest.
    const unreported = new Set(all.map((c) => ({ c, s: judgeTask({ kind: c.kind, due: c.due }, c.state, c.done, c.asOf) })).filter(({ c, s }) => taskProgress(s, c.state) === "unreported").map(({ s }) => s));
    expect([...unreported].sort()).toEqual(["continuous", "due_soon", "no_deadline", "on_track", "overdue"]);
  });

  test("not reported: no state and no completion date, or a yearly task with only an earlier year's completion; a state typed is a report", () => {
    const asOf = excelSerial("2025-07-15");
    const progress = (kind: DeadlineKind, state: unknown, done: unknown) => taskProgress(judgeTask({ kind, due: kind === "date" ? DUE : null }, state, done, asOf), state);
    expect(progress("date", null, null)).toBe("unreported");
    expect(progress("date", "  ", "")).toBe("unreported");
    expect(taskStatusText(judgeTask({ kind: "date", due: DUE }, null, null, asOf), "unreported")).toBe("✗ Quá hạn — chưa báo cáo");
    expect(taskStatusText("due_soon", "unreported", "en")).toBe("◐ Due soon — not reported");
    expect(progress("date", "Đang thực hiện", null)).toBe("in_progress");
    expect(taskStatusText(judgeTask({ kind: "date", due: DUE }, "Đang thực hiện", null, asOf), "in_progress")).toBe("✗ Quá hạn");
    expect(progress("date", "chưa triển khai ", null)).toBe("not_started");
    expect(progress("date", null, D)).toBe("done");
    expect(progress("continuous", "Không thực hiện", null)).toBe("dropped");
    expect(progress("date", null, "abc")).toBe("invalid");
    expect(progress("yearly", null, excelSerial("2024-11-30"))).toBe("unreported");
    expect(progress("yearly", "Đã hoàn thành", excelSerial("2024-11-30"))).toBe("unreported");
    expect(progress("yearly", null, excelSerial("2025-03-01"))).toBe("done");
  });

  test("every status LibreOffice computes equals the engine's", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "im-task-diff-")), "tasks.xlsx");
    await writeWorkbookFile(plan(all), file);
    const rows = recalculatedCsv(file);
    const mismatches: string[] = [];
    all.forEach((c, i) => {
      const engine = judgeTask({ kind: c.kind, due: c.due }, c.state, c.done, c.asOf);
      const progress = taskProgress(engine, c.state);
      const [sheet, sheetProgress, label] = [rows[i]?.[5], rows[i]?.[7], rows[i]?.[8]];
      const what = `row ${i + 1}: ${c.kind} due ${c.due} state ${JSON.stringify(c.state)} done ${JSON.stringify(c.done)} asOf ${c.asOf}`;
      if (sheet !== engine) mismatches.push(`${what}: engine ${engine}, sheet ${sheet}`);
      if (sheetProgress !== progress) mismatches.push(`${what}: engine ${progress}, sheet ${sheetProgress}`);
      if (label !== taskStatusText(engine, progress)) mismatches.push(`${what}: engine “${taskStatusText(engine, progress)}”, sheet “${label}”`);
    });
    expect(mismatches.slice(0, 12)).toEqual([]);
  }, 180_000);
});
