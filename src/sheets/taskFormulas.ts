import { DONE_STATUSES, TASK_STATES, TASK_STATUSES, TASK_STATUS_LABELS, UNREPORTED_SUFFIX } from "../evaluate/taskStatus";

/**
 * The rules of evaluate/taskStatus.ts as Excel formulas (Excel 2013+, LibreOffice 7), so a task sheet opened
 * without the add-in still says what is overdue. Cells of one row: the deadline's kind (a value written by the
 * add-in), the due date ("Hạn"), the state typed (tình trạng) and its lower-case helper, the completion date, and
 * the sheet's "số liệu đến" date (TODAY() while it is blank); then the status code and where the task stands
 * (evaluate/taskStatus.ts: taskProgress), which the label reads.
 */
export interface TaskRefs {
  kind: string;
  due: string;
  state: string;
  stateLower: string;
  done: string;
  code: string;
  progress: string;
}

/** The task lists on the hidden word sheet: the states a cell may hold, the status codes and their labels. */
export const TASK_LISTS = {
  IM_NV_TT: [...TASK_STATES, "Hoàn thành"],
  IM_NV_MA: [...TASK_STATUSES],
  IM_NV_NHAN: TASK_STATUSES.map((s) => `${TASK_STATUS_LABELS[s].symbol} ${TASK_STATUS_LABELS[s].vi}`),
} as const;

/** "Số liệu đến" of the sheet, or today while the cell is blank. */
export function asOfFormula(cell: string): string {
  return `IF(ISNUMBER(${cell}),${cell},TODAY())`;
}

/** The due date a yearly task has this year (31/12 of the "số liệu đến" year). */
export function yearlyDueFormula(asOf: string): string {
  return `DATE(YEAR(${asOf}),12,31)`;
}

export function stateLowerFormula(r: number, t: TaskRefs): string {
  return `LOWER(TRIM(${t.state}${r}))`;
}

export function taskCodeFormula(r: number, t: TaskRefs, asOf: string): string {
  const K = `${t.kind}${r}`;
  const H = `${t.due}${r}`;
  const L = `${t.stateLower}${r}`;
  const C = `${t.done}${r}`;
  const bad = `OR(AND(${L}<>"",SUMPRODUCT(--(IM_NV_TT=${L}))=0),AND(TRIM(${C}&"")<>"",NOT(ISNUMBER(${C}))))`;
  const done = `IF(AND(${K}="yearly",ISNUMBER(${C})),YEAR(${C})>=YEAR(${asOf}),OR(${L}="đã hoàn thành",${L}="hoàn thành",ISNUMBER(${C})))`;
  const finished = `IF(AND(ISNUMBER(${C}),ISNUMBER(${H})),IF(${C}<=${H},"done_on_time","done_late"),"done")`;
  const open = `IF(NOT(ISNUMBER(${H})),IF(${K}="continuous","continuous","no_deadline"),IF(${asOf}>${H},"overdue",IF(${H}-${asOf}<=30,"due_soon","on_track")))`;
  return `IF(${bad},"invalid",IF(${L}="không thực hiện","dropped",IF(${done},${finished},${open})))`;
}

/** Where the task stands (done, in_progress, not_started, unreported, dropped, invalid), from its code and state. */
export function taskProgressFormula(r: number, t: TaskRefs): string {
  const C = `${t.code}${r}`;
  const L = `${t.stateLower}${r}`;
  const done = `OR(${DONE_STATUSES.map((s) => `${C}="${s}"`).join(",")})`;
  return `IF(${done},"done",IF(OR(${C}="dropped",${C}="invalid"),${C},IF(${L}="đang thực hiện","in_progress",IF(${L}="chưa triển khai","not_started","unreported"))))`;
}

/** "✗ Quá hạn", and "— chưa báo cáo" after it when nobody has reported on the task. */
export function taskLabelFormula(codeCell: string, progressCell: string): string {
  const last = TASK_STATUS_LABELS.invalid;
  return `IFERROR(INDEX(IM_NV_NHAN,MATCH(${codeCell},IM_NV_MA,0))&IF(${progressCell}="unreported","${UNREPORTED_SUFFIX.vi}",""),"${last.symbol} ${last.vi}")`;
}
