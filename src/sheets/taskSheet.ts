import type { Plan } from "../model/plan";
import type { Task, TaskAppendix } from "../model/task";
import { TASK_STATES, TASK_STATUSES, TASK_STATUS_LABELS, excelSerial, serialOfVi } from "../evaluate/taskStatus";
import { planSubtitle } from "./planText";
import { splitAgencies, type AgencyName } from "../parse/agencies";
import { KEY_ROW, SECTION_MARK, tableName } from "./indicatorSheet";
import { columnLetter, rowHeight, type Cell, type CellValue, type ColumnSpec, type ConditionalRule, type SheetSpec } from "./plan";
import { asOfFormula, stateLowerFormula, taskCodeFormula, taskLabelFormula, taskProgressFormula, yearlyDueFormula, type TaskRefs } from "./taskFormulas";

/**
 * One sheet per task appendix: a real Excel table of the tasks (TT, nội dung, cơ quan chủ trì, phối hợp /
 * theo dõi, thời hạn as printed and hạn as a date), the input columns staff fill (tình trạng from a list, ngày
 * hoàn thành, kết quả / sản phẩm, ghi chú), and a live status from formulas against the "số liệu đến" date in
 * C3 (TODAY() while it is blank): Quá hạn, Sắp đến hạn (30 days), Trong hạn, Hoàn thành đúng hạn / trễ hạn,
 * Thường xuyên, Chưa có hạn, Không thực hiện — colour and symbol, so a black-and-white print still reads; a
 * task nobody has reported on (no Tình trạng, no completion date) adds "— chưa báo cáo" ("✗ Quá hạn — chưa báo
 * cáo"), and a hidden column says where each task stands (evaluate/taskStatus.ts: taskProgress) for the summary.
 * The same key row, ids and section marks as the indicator sheets, so a refresh reads entries back by id.
 */
export const TASK_HEADER_ROW = 6;
export const TASK_FIRST_ROW = 7;
export const TASK_ASOF_CELL = "$C$3";

export interface TaskEntries {
  /** id → "state" | "done" | "result" → what staff typed. */
  values: Record<string, Record<string, CellValue>>;
  notes: Record<string, string>;
}

export interface TaskSheetOptions {
  asOf: string;
  entries?: TaskEntries;
  name: string;
  /** Names and aliases staff added on the directory sheet. */
  agencies?: readonly AgencyName[];
  /** An agency's form: whose and for which period, before the title. */
  titlePrefix?: string;
}

interface Col {
  key: string;
  letter: string;
  spec: ColumnSpec;
}

export function taskSheetName(plan: Plan, appendix: TaskAppendix): string {
  return (appendix.id === "NV" ? `${plan.id} NV` : `${plan.id} NV ${appendix.id}`).slice(0, 31);
}

/**
 * The lead agencies as the directory names them; a lead that is only a group ("Các sở, ngành tỉnh, UBND các
 * huyện …") by the groups' names; the cell as printed when it names neither.
 */
function leadText(task: Task, extra?: readonly AgencyName[]): string {
  const mentions = splitAgencies(task.lead, "lead", extra).filter((m) => m.role === "lead");
  const leads = [...new Set(mentions.filter((m) => m.kind === "agency").map((m) => m.name))];
  if (leads.length > 0) return leads.join("; ");
  const groups = [...new Set(mentions.filter((m) => m.kind === "group").map((m) => m.name))];
  return groups.length > 0 ? groups.join("; ") : task.lead;
}

export function buildTaskSheet(plan: Plan, appendix: TaskAppendix, options: TaskSheetOptions): SheetSpec {
  const columns: Col[] = [];
  const add = (key: string, header: string, width: number, extra: Partial<ColumnSpec> = {}) => {
    const letter = columnLetter(columns.length + 1);
    columns.push({ key, letter, spec: { key, header, width, ...extra } });
    return letter;
  };
  const secondRole = appendix.tasks.find((t) => t.second)?.second?.role;
  const id = add("id", "Mã", 12, { hidden: true });
  const code = add("code", "TT", 5);
  const name = add("name", "Nhiệm vụ", 46);
  const lead = add("lead", "Cơ quan chủ trì", 20);
  const second = secondRole ? add("second", secondRole === "monitoring" ? "Theo dõi, đôn đốc" : "Cơ quan phối hợp", 18) : null;
  const deadline = add("deadline", "Thời hạn", 11);
  const due = add("due", "Hạn", 10);
  const state = add("actual:state", "Tình trạng", 13, { input: true });
  const done = add("actual:done", "Ngày hoàn thành", 11, { input: true });
  const result = add("actual:result", "Kết quả / sản phẩm", 18, { input: true });
  const status = add("status:task", "Trạng thái", 16);
  const note = add("note", "Ghi chú", 14, { input: true });
  const lastVisible = columns.length;
  const refs: TaskRefs = {
    kind: add("h:task:kind", "_hạn", 8, { hidden: true }),
    due,
    state,
    stateLower: add("h:task:state", "_tình trạng", 8, { hidden: true }),
    done,
    code: add("h:task:code", "_mã trạng thái", 8, { hidden: true }),
    progress: add("h:task:progress", "_tình hình", 8, { hidden: true }),
  };
  const width = columns.length;
  const at = (letter: string) => columns.findIndex((c) => c.letter === letter);
  const blank = (): Cell[] => Array.from({ length: width }, () => ({}));
  const asOfSerial = serialOfVi(options.asOf);
  const asOf = asOfFormula(TASK_ASOF_CELL);

  const rows: Cell[][] = [];
  const title = blank();
  title[at(code)] = { value: `${options.titlePrefix ?? ""}NHIỆM VỤ — ${appendix.title}`.slice(0, 250), style: "title" };
  const subtitle = blank();
  subtitle[at(code)] = { value: planSubtitle(plan), style: "subtitleWrap" };
  const asOfRow = blank();
  // The date shows its label through its number format, so the cell stays a date staff can change.
  asOfRow[at(name)] = { value: asOfSerial, style: "asOfDate" };
  asOfRow[at(lead)] = { value: "Ghi tình trạng và ngày hoàn thành vào các ô nền vàng; trạng thái tự tính theo hạn và ngày ở ô C3 (để trống: hôm nay); nhiệm vụ chưa ghi gì: “— chưa báo cáo”.", style: "note" };
  const legend = blank();
  const legendCodes = TASK_STATUSES.filter((s) => s !== "invalid");
  legendCodes.forEach((s, k) => {
    const c = at(name) + k;
    if (c < lastVisible) legend[c] = { value: `${TASK_STATUS_LABELS[s].symbol} ${TASK_STATUS_LABELS[s].vi}`, style: `tlegend.${s}` };
  });
  const keys = columns.map((c) => ({ value: c.key }) as Cell);
  const header = columns.map((c) => ({ value: c.spec.header, style: "header" }) as Cell);
  rows.push(title, subtitle, asOfRow, legend, keys, header);

  const rowOf: Record<string, number> = {};
  const conditional: ConditionalRule[] = [];
  let section: string | null = null;
  for (const task of appendix.tasks) {
    if (task.section !== section && task.section !== null) {
      section = task.section;
      const s = blank();
      s[at(id)] = { value: `${SECTION_MARK} ${section}`.slice(0, 250) };
      s[at(code)] = { value: section.split(".")[0] ?? "", style: "section" };
      s[at(name)] = { value: section.replace(/^[IVX]+\.\s*/, ""), style: "section" };
      for (let c = at(name) + 1; c < lastVisible; c++) s[c] = { style: "section" };
      rows.push(s);
    }
    const r = rows.length + 1;
    rowOf[task.id] = r;
    const cells = blank();
    const entry = options.entries?.values[task.id] ?? {};
    cells[at(id)] = { value: task.id };
    cells[at(code)] = { value: task.code, style: "center" };
    cells[at(name)] = { value: task.name, style: "text" };
    cells[at(lead)] = { value: leadText(task, options.agencies), style: "text" };
    if (second) cells[at(second)] = { value: task.second?.text ?? "", style: "text" };
    cells[at(deadline)] = { value: task.deadline.kind === "yearly" ? "Hằng năm" : task.deadline.kind === "continuous" ? "Thường xuyên" : task.deadline.text, style: "text" };
    cells[at(due)] =
      task.deadline.kind === "yearly"
        ? { formula: yearlyDueFormula(asOf), style: "date" }
        : task.deadline.kind === "date" && task.deadline.due
          ? { value: excelSerial(task.deadline.due), style: "date" }
          : { value: null, style: "date" };
    cells[at(state)] = { value: entry.state ?? null, style: "inputText" };
    cells[at(done)] = { value: entry.done ?? null, style: "inputDate" };
    cells[at(result)] = { value: entry.result ?? null, style: "inputText" };
    cells[at(refs.kind)] = { value: task.deadline.kind, style: "helper" };
    cells[at(refs.stateLower)] = { formula: stateLowerFormula(r, refs), style: "helper" };
    cells[at(refs.code)] = { formula: taskCodeFormula(r, refs, asOf), style: "helper" };
    cells[at(refs.progress)] = { formula: taskProgressFormula(r, refs), style: "helper" };
    cells[at(status)] = { formula: taskLabelFormula(`${refs.code}${r}`, `${refs.progress}${r}`), style: "taskStatus" };
    cells[at(note)] = { value: options.entries?.notes[task.id] ?? null, style: "inputText" };
    rows.push(cells);
  }
  const lastRow = Math.max(rows.length, TASK_FIRST_ROW);
  for (const s of TASK_STATUSES) {
    conditional.push({ range: `${status}${TASK_FIRST_ROW}:${status}${lastRow}`, formula: `$${refs.code}${TASK_FIRST_ROW}="${s}"`, style: `tcf.${s}` });
  }
  const taskRows = new Set(Object.values(rowOf));
  const visibleLast = columnLetter(lastVisible);
  const specs = columns.map((c) => c.spec);
  return {
    name: options.name,
    kind: "tasks",
    plan: plan.id,
    appendix: appendix.id,
    columns: specs,
    rows,
    heights: {
      "1": 22,
      "2": 28,
      "4": 26,
      [String(KEY_ROW)]: 0,
      [String(TASK_HEADER_ROW)]: 30,
      // A task's row two lines at least: its status may read "◐ Sắp đến hạn — chưa báo cáo".
      ...Object.fromEntries(rows.slice(TASK_FIRST_ROW - 1).map((cells, k) => [String(TASK_FIRST_ROW + k), rowHeight(cells, specs, taskRows.has(TASK_FIRST_ROW + k) ? 29 : 15)])),
    },
    merges: [`B1:${visibleLast}1`, `B2:${visibleLast}2`],
    table: appendix.tasks.length > 0 ? { name: tableName(options.name, "NV"), ref: `A${TASK_HEADER_ROW}:${columnLetter(width)}${lastRow}`, headerRow: TASK_HEADER_ROW } : null,
    dataRows: { first: TASK_FIRST_ROW, last: lastRow },
    rowOf,
    freeze: { row: TASK_HEADER_ROW, column: 3 },
    conditional,
    validations: [
      {
        range: `${state}${TASK_FIRST_ROW}:${state}${lastRow}`,
        kind: "list",
        list: [...TASK_STATES],
        prompt: { title: "Tình trạng", text: "Chọn: Chưa triển khai, Đang thực hiện, Đã hoàn thành hoặc Không thực hiện" },
        error: { title: "Tình trạng chưa đúng", text: "Hãy chọn một tình trạng trong danh sách; ô được đánh dấu Lỗi nhập liệu nếu giữ giá trị khác" },
      },
    ],
    print: {
      orientation: "landscape",
      paperSize: 9,
      fitToWidth: 1,
      fitToHeight: 0,
      titleRows: `${TASK_HEADER_ROW}:${TASK_HEADER_ROW}`,
      area: `B1:${visibleLast}${lastRow}`,
      header: `&L&8${plan.id} — Nhiệm vụ, phụ lục ${appendix.id}&R&8Số liệu đến ${options.asOf}`,
      footer: `&L&8Theo dõi chỉ tiêu&C&8Trang &P/&N&R&8&A`,
    },
    protect: false,
    tabColor: "7030A0",
  };
}
