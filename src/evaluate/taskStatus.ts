import type { Deadline } from "../model/task";

/**
 * A task's status from what staff entered — tình trạng (a list), ngày hoàn thành (a date) — against its deadline
 * and the sheet's "số liệu đến" date. The workbook's formulas (sheets/taskFormulas.ts) say the same, cell by
 * cell; a differential test recalculates them in LibreOffice.
 * - done (the state "Đã hoàn thành", or a completion date): on time or late against the due date, or just done
 *   when either date is missing; a yearly task is done for the year when it was completed in that year;
 * - "Không thực hiện": dropped;
 * - not done: overdue past the due date, due soon within 30 days, on track before; continuous, or no due date;
 * - a state not in the list, or a completion date that is no date: invalid, with nothing else decided.
 */
export const TASK_STATUSES = ["overdue", "due_soon", "on_track", "done_on_time", "done_late", "done", "continuous", "no_deadline", "dropped", "invalid"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATES = ["Chưa triển khai", "Đang thực hiện", "Đã hoàn thành", "Không thực hiện"] as const;
/** The states a cell may hold (compared in lower case, as Excel's "=" does): the list, and "Hoàn thành". */
const STATE_WORDS = [...TASK_STATES, "Hoàn thành"].map((s) => s.toLowerCase());
const DONE_WORDS = ["đã hoàn thành", "hoàn thành"];

export const TASK_STATUS_LABELS: Record<TaskStatus, { vi: string; en: string; symbol: string; fill: string; font: string }> = {
  overdue: { vi: "Quá hạn", en: "Overdue", symbol: "✗", fill: "FFC7CE", font: "9C0006" },
  due_soon: { vi: "Sắp đến hạn", en: "Due soon", symbol: "◐", fill: "FFEB9C", font: "9C5700" },
  on_track: { vi: "Trong hạn", en: "On track", symbol: "○", fill: "FFFFFF", font: "404040" },
  done_on_time: { vi: "Hoàn thành đúng hạn", en: "Done on time", symbol: "✓", fill: "C6EFCE", font: "006100" },
  done_late: { vi: "Hoàn thành trễ hạn", en: "Done late", symbol: "▽", fill: "FCE4D6", font: "833C0B" },
  done: { vi: "Đã hoàn thành", en: "Done", symbol: "✓", fill: "C6EFCE", font: "006100" },
  continuous: { vi: "Thường xuyên", en: "Ongoing", symbol: "↻", fill: "DDEBF7", font: "1F4E78" },
  no_deadline: { vi: "Chưa có hạn", en: "No deadline", symbol: "–", fill: "F2F2F2", font: "595959" },
  dropped: { vi: "Không thực hiện", en: "Dropped", symbol: "⊘", fill: "EDEDED", font: "595959" },
  invalid: { vi: "Lỗi nhập liệu", en: "Invalid input", symbol: "!", fill: "FF0000", font: "FFFFFF" },
};

/** Excel's date serial of a day (1900 system, as both Excel and LibreOffice read xlsx). */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y!, m! - 1, d!) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** "dd/mm/yyyy" → serial; null for anything else. */
export function serialOfVi(text: string): number | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return m ? excelSerial(`${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`) : null;
}

/** The day (yyyy-mm-dd) of an Excel date serial. */
export function isoOfSerial(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

function yearOfSerial(serial: number): number {
  return Number(isoOfSerial(serial).slice(0, 4));
}

/** The due date for the year of `asOf`: a yearly task is due on 31/12 of that year; a dated one on its date. */
export function dueSerial(deadline: Pick<Deadline, "kind" | "due">, asOf: number): number | null {
  if (deadline.kind === "date" && deadline.due) return excelSerial(deadline.due);
  if (deadline.kind === "yearly") return excelSerial(`${yearOfSerial(asOf)}-12-31`);
  return null;
}

/**
 * Where a task stands by what was reported, one of six that never overlap (the summary's state columns add up
 * to its number of tasks): done (any done status), in progress or not started (a task not done whose Tình trạng
 * says so), unreported — "Chưa báo cáo": a task not done, not dropped, whose Tình trạng says nothing about this
 * year (empty, and no completion date; for a yearly task, nothing but an earlier year's completion) — dropped,
 * invalid. The deadline status (Quá hạn, Sắp đến hạn, Trong hạn…) of a task not done is kept beside it.
 */
export const TASK_PROGRESS = ["done", "in_progress", "not_started", "unreported", "dropped", "invalid"] as const;
export type TaskProgress = (typeof TASK_PROGRESS)[number];

export const TASK_PROGRESS_LABELS: Record<TaskProgress, { vi: string; en: string }> = {
  done: { vi: "Hoàn thành", en: "Done" },
  in_progress: { vi: "Đang thực hiện", en: "In progress" },
  not_started: { vi: "Chưa triển khai", en: "Not started" },
  unreported: { vi: "Chưa báo cáo", en: "Not reported" },
  dropped: { vi: "Không thực hiện", en: "Dropped" },
  invalid: { vi: "Lỗi nhập liệu", en: "Invalid input" },
};

/** The task statuses that are done, one way or another. */
export const DONE_STATUSES: readonly TaskStatus[] = ["done_on_time", "done_late", "done"];

/** Where a task stands, from its status and the state typed (as the sheet's formula decides it from the same). */
export function taskProgress(status: TaskStatus, state: unknown): TaskProgress {
  if (DONE_STATUSES.includes(status)) return "done";
  if (status === "dropped" || status === "invalid") return status;
  const s = typeof state === "string" ? state.trim().toLowerCase() : "";
  if (s === "đang thực hiện") return "in_progress";
  if (s === "chưa triển khai") return "not_started";
  return "unreported";
}

/** The status a task's cell shows: "✗ Quá hạn", or "✗ Quá hạn — chưa báo cáo" when nobody has reported on it. */
export function taskStatusText(status: TaskStatus, progress: TaskProgress, lang: "vi" | "en" = "vi"): string {
  const l = TASK_STATUS_LABELS[status];
  return `${l.symbol} ${l[lang]}${progress === "unreported" ? UNREPORTED_SUFFIX[lang] : ""}`;
}
export const UNREPORTED_SUFFIX = { vi: " — chưa báo cáo", en: " — not reported" } as const;

export function judgeTask(deadline: Pick<Deadline, "kind" | "due">, state: unknown, done: unknown, asOf: number): TaskStatus {
  const s = typeof state === "string" ? state.trim().toLowerCase() : state === null || state === undefined ? "" : String(state).toLowerCase();
  const blankDone = done === null || done === undefined || (typeof done === "string" && done.trim() === "");
  const doneDate = typeof done === "number" && Number.isFinite(done) ? done : null;
  if ((s !== "" && !STATE_WORDS.includes(s)) || (!blankDone && doneDate === null)) return "invalid";
  if (s === "không thực hiện") return "dropped";
  const due = dueSerial(deadline, asOf);
  const isDone = deadline.kind === "yearly" && doneDate !== null ? yearOfSerial(doneDate) >= yearOfSerial(asOf) : DONE_WORDS.includes(s) || doneDate !== null;
  if (isDone) {
    if (doneDate !== null && due !== null) return doneDate <= due ? "done_on_time" : "done_late";
    return "done";
  }
  if (due === null) return deadline.kind === "continuous" ? "continuous" : "no_deadline";
  if (asOf > due) return "overdue";
  if (due - asOf <= 30) return "due_soon";
  return "on_track";
}
