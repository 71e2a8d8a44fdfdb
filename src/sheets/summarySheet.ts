/**
 * @file The summary sheet (Tổng hợp): counts by status per appendix and per responsible agency, tasks per lead
 * agency, the reporting block, and the live lists behind them.
 */
import { col, mainBlock, quote } from "./refs";
import type { Catalog } from "../model/plan";
import type { Status } from "../model/status";
import { STATUS_VOCABULARY } from "../evaluate/vocabulary";
import { columnLetter, rowHeight, type Cell, type ConditionalRule, type SheetSpec } from "./plan";
import type { AgencyName } from "../parse/agencies";
import { paceBlock, reportingBlock } from "./summaryReporting";
import { printInBlocks } from "./blockPrint";
import { canonicalAgencies } from "./agencyCells";
import { PART_KEY, PART_MARK } from "./indicatorSheet";
import { TASK_PROGRESS_LABELS, type TaskProgress, type TaskStatus } from "../evaluate/taskStatus";
import { message } from "../i18n/messages";

export const SUMMARY_SHEET = "Tổng hợp";
/** The summary's table of sheets runs from this header to the total row: what a refresh reads to tell it is out of date. */
export const SUMMARY_SHEETS_HEADER = "Trang / phụ lục";
export const SUMMARY_TOTAL = "Tổng cộng";
const JUDGED: Status[] = ["exceeded", "met", "near", "shortfall", "no_data", "invalid", "not_applicable"];

interface ListEntry {
  agency: string;
  sheet: SheetSpec;
  row: number;
  name: string;
  target: string;
}


interface TaskListEntry {
  agency: string;
  sheet: SheetSpec;
  row: number;
  name: string;
  deadline: string;
  /** The task's first row in the list: the one the distinct counts (the total row) count. */
  first: boolean;
}

/** Every task by each of its lead agencies (canonical, as its sheet shows them), sheet and row. */
function taskListEntries(sheets: SheetSpec[]): TaskListEntry[] {
  const entries: TaskListEntry[] = [];
  for (const sheet of sheets) {
    const li = sheet.columns.findIndex((c) => c.key === "lead");
    const ni = sheet.columns.findIndex((c) => c.key === "name");
    const di = sheet.columns.findIndex((c) => c.key === "deadline");
    for (const [, r] of Object.entries(sheet.rowOf)) {
      const row = sheet.rows[r - 1]!;
      const lead = String(row[li]?.value ?? "").trim();
      const agencies = lead === "" ? ["(không ghi cơ quan chủ trì)"] : lead.split("; ");
      for (const agency of agencies) entries.push({ agency, sheet, row: r, name: String(row[ni]?.value ?? ""), deadline: String(row[di]?.value ?? ""), first: false });
    }
  }
  entries.sort((a, b) => a.agency.localeCompare(b.agency, "vi") || a.sheet.name.localeCompare(b.sheet.name) || a.row - b.row);
  const seen = new Set<string>();
  for (const e of entries) {
    const key = `${e.sheet.name}\u0000${e.row}`;
    e.first = !seen.has(key);
    seen.add(key);
  }
  return entries;
}

/**
 * The counts of the summary's task table: where the tasks stand, six columns that never overlap (they add up to
 * the number of tasks; the list's column I), then "trong đó" the tasks not done that are overdue or due soon
 * (a part of the columns before, never added to them; the list's status codes in column H).
 */
const TASK_PROGRESS_COUNTS: TaskProgress[] = ["done", "in_progress", "not_started", "unreported", "dropped", "invalid"];
const TASK_COUNTS: { header: string; column: "H" | "I"; code: TaskStatus | TaskProgress }[] = [
  ...TASK_PROGRESS_COUNTS.map((p) => ({ header: TASK_PROGRESS_LABELS[p].vi, column: "I" as const, code: p })),
  { header: "Trong đó: quá hạn", column: "H", code: "overdue" },
  { header: "Trong đó: sắp đến hạn", column: "H", code: "due_soon" },
];
const TASK_NOTES = ["sheet.taskSumColumns", "sheet.taskSumOfWhich", "sheet.taskSumOnce"] as const;

/** The summary's list: every indicator that names a responsible agency, by agency, sheet and row. */
function listEntries(sheets: SheetSpec[], extra?: readonly AgencyName[]): ListEntry[] {
  const entries: ListEntry[] = [];
  for (const sheet of sheets) {
    const ai = sheet.columns.findIndex((c) => c.key === "agency");
    const ni = sheet.columns.findIndex((c) => c.key === "name");
    const ti = sheet.columns.findIndex((c) => c.key === "target");
    const pi = sheet.columns.findIndex((c) => c.key === PART_KEY);
    if (ai < 0) continue;
    for (const [, r] of Object.entries(sheet.rowOf)) {
      const row = sheet.rows[r - 1]!;
      if (pi >= 0 && row[pi]?.value === PART_MARK) continue; // a part of a packed row: counted in its row
      const agency = row[ai]?.value;
      if (typeof agency !== "string" || agency.trim() === "") continue;
      // One entry per agency the cell names, by the directory's canonical name ("Sở Lao động-Thương binh …" and
      // "Sở Lao động- Thương binh …" are one agency; "Cục Thuế tỉnh Chi cục Hải quan" is two).
      for (const name of canonicalAgencies(agency, extra)) entries.push({ agency: name, sheet, row: r, name: String(row[ni]?.value ?? ""), target: String(row[ti]?.value ?? "") });
    }
  }
  return entries.sort((a, b) => a.agency.localeCompare(b.agency, "vi") || a.sheet.name.localeCompare(b.sheet.name) || a.row - b.row);
}

export function buildSummarySheet(catalog: Catalog, planIds: string[], allSheets: SheetSpec[], asOf: string, printList: boolean, extra?: readonly AgencyName[], reporting: SheetSpec | null = null): SheetSpec {
  const sheets = allSheets.filter((s) => s.kind === "indicators" || s.kind === "scenario");
  const taskSheets = allSheets.filter((s) => s.kind === "tasks");
  const width = 12;
  const rows: Cell[][] = [];
  const pad = (cells: Cell[]) => [...cells, ...Array.from({ length: Math.max(0, width - cells.length) }, () => ({}))];
  const legend: Cell[] = [{ value: "Chú giải:", style: "note" }, ...JUDGED.map((s) => ({ value: `${STATUS_VOCABULARY[s].symbol} ${STATUS_VOCABULARY[s].vi}`, style: `legend.${s}` }))];
  rows.push(pad([{}, { value: "TỔNG HỢP TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU", style: "title" }]));
  rows.push(pad([{}, { value: `Số liệu đến ngày ${asOf}. Các số dưới đây là công thức: tự cập nhật khi nhập số thực hiện ở các trang phụ lục.`, style: "subtitle" }]));
  const noTable = catalog.plans.filter((p) => planIds.includes(p.id) && p.appendices.length === 0);
  rows.push(pad([{}, { value: noTable.length ? `Văn bản không có bảng chỉ tiêu: ${noTable.map((p) => `${p.number} (${p.id})`).join("; ")}.` : "", style: "note" }]));
  rows.push(pad([{}, ...legend]));
  rows.push(pad([]));

  const statusHeaders = JUDGED.map((s) => ({ value: `${STATUS_VOCABULARY[s].symbol} ${STATUS_VOCABULARY[s].vi}`, style: "sumHeader" }));
  const headerRow = rows.length + 1;
  rows.push(pad([{}, { value: SUMMARY_SHEETS_HEADER, style: "sumHeader" }, { value: "Số chỉ tiêu", style: "sumHeader" }, ...statusHeaders, { value: "Tỷ lệ đạt", style: "sumHeader" }]));
  const rate = (r: number) => `IFERROR((D${r}+E${r})/(D${r}+E${r}+F${r}+G${r}),"")`;
  for (const sheet of sheets) {
    const r = rows.length + 1;
    const code = col(sheet, `h:${mainBlock(sheet)}:code`)!;
    const range = `${quote(sheet.name)}!$${code}$${sheet.dataRows!.first}:$${code}$${sheet.dataRows!.last}`;
    // One count (model/counting.ts): a packed row counts once, by its combined status; its parts (marked in the
    // sheet's hidden part column) are never counted beside it.
    const part = col(sheet, PART_KEY);
    const parts = part ? `,${quote(sheet.name)}!$${part}$${sheet.dataRows!.first}:$${part}$${sheet.dataRows!.last},"<>${PART_MARK}"` : "";
    rows.push(
      pad([
        {},
        { value: sheet.name, style: "sumLabel" },
        { formula: `SUM(D${r}:J${r})`, style: "sumNumber" },
        ...JUDGED.map((s) => ({ formula: part ? `COUNTIFS(${range},"${s}"${parts})` : `COUNTIF(${range},"${s}")`, style: "sumNumber" })),
        { formula: rate(r), style: "sumPercent" },
      ]),
    );
  }
  const totalRow = rows.length + 1;
  rows.push(
    pad([
      {},
      { value: SUMMARY_TOTAL, style: "sumHeader" },
      { formula: `SUM(C${headerRow + 1}:C${totalRow - 1})`, style: "sumNumber" },
      ...JUDGED.map((_, k) => {
        const c = columnLetter(4 + k);
        return { formula: `SUM(${c}${headerRow + 1}:${c}${totalRow - 1})`, style: "sumNumber" };
      }),
      { formula: rate(totalRow), style: "sumPercent" },
    ]),
  );
  rows.push(pad([]));

  // Who has reported for every period begun (the overdue and late first, named), and how many indicators are
  // behind pace per appendix: live from the reporting sheet and the Tiến độ columns (summaryReporting.ts).
  const blockHeights: Record<string, number> = {};
  const blockMerges: string[] = [];
  for (const make of [(top: number) => (reporting ? reportingBlock(reporting, top) : null), (top: number) => paceBlock(sheets, top)]) {
    const block = make(rows.length + 1);
    if (!block) continue;
    rows.push(...block.rows.map(pad));
    Object.assign(blockHeights, block.heights);
    blockMerges.push(...block.merges);
    rows.push(pad([]));
  }

  // Per responsible agency (canonical), over every sheet that names it.
  const entries = listEntries(sheets, extra);
  const agencies = new Set(entries.map((e) => e.agency));
  const agencyHeader = rows.length + 1;
  rows.push(pad([{}, { value: "Cơ quan chủ trì", style: "sumHeader" }, { value: "Số chỉ tiêu", style: "sumHeader" }, ...statusHeaders, { value: "Tỷ lệ đạt", style: "sumHeader" }]));
  const sortedAgencies = [...agencies].sort((a, b) => a.localeCompare(b, "vi"));
  // The agency rows count the list below (one row per indicator, its agency and live status), comparing cells
  // with "=": one short formula whatever the number of sheets (Excel allows 8,192 characters), no document text
  // inside a formula (255 characters per literal), and no criteria syntax (COUNTIFS would read "Sở ?" as a
  // wildcard and ">0" as a comparison).
  const taskEntries = taskListEntries(taskSheets);
  const taskAgencies = [...new Set(taskEntries.map((e) => e.agency))].sort((a, b) => a.localeCompare(b, "vi"));
  // The task table (a blank row, its header, a row per agency, the total, its notes) when the workbook has task sheets.
  const taskTableRows = taskSheets.length > 0 ? 2 + taskAgencies.length + 1 + TASK_NOTES.length : 0;
  const firstListRow = rows.length + 1 + sortedAgencies.length + taskTableRows + 3; // the agency rows, a blank row, the list's title and header
  const lastListRow = Math.max(firstListRow + entries.length - 1, firstListRow);
  for (const agency of sortedAgencies) {
    const r = rows.length + 1;
    const count = (s: Status) => `SUMPRODUCT(($B$${firstListRow}:$B$${lastListRow}=$B${r})*($G$${firstListRow}:$G$${lastListRow}="${STATUS_VOCABULARY[s].symbol} ${STATUS_VOCABULARY[s].vi}"))`;
    rows.push(pad([{}, { value: agency, style: "sumLabel" }, { formula: `SUM(D${r}:J${r})`, style: "sumNumber" }, ...JUDGED.map((s) => ({ formula: count(s), style: "sumNumber" })), { formula: rate(r), style: "sumPercent" }]));
  }
  // Tasks by lead agency: the same way, over the task list after the indicator list (its codes in column H).
  const firstTaskListRow = firstListRow + entries.length + 3; // after the indicator list's rows: a blank row, the title, the header
  const lastTaskListRow = Math.max(firstTaskListRow + taskEntries.length - 1, firstTaskListRow);
  let taskHeader = 0;
  const taskNoteRows: number[] = [];
  if (taskSheets.length > 0) {
    rows.push(pad([]));
    taskHeader = rows.length + 1;
    rows.push(pad([{}, { value: "Nhiệm vụ theo cơ quan chủ trì", style: "sumHeader" }, { value: "Số nhiệm vụ", style: "sumHeader" }, ...TASK_COUNTS.map((c) => ({ value: c.header, style: "sumHeader" }))]));
    // An agency's row counts its list rows; the total counts each task once, over the list's first-row flags (J).
    const range = (c: string) => `$${c}$${firstTaskListRow}:$${c}$${lastTaskListRow}`;
    const inList = (r: number, c: (typeof TASK_COUNTS)[number]) => `SUMPRODUCT((${range("B")}=$B${r})*(${range(c.column)}="${c.code}"))`;
    for (const agency of taskAgencies) {
      const r = rows.length + 1;
      rows.push(pad([{}, { value: agency, style: "sumLabel" }, { formula: `SUMPRODUCT(--(${range("B")}=$B${r}))`, style: "sumNumber" }, ...TASK_COUNTS.map((c) => ({ formula: inList(r, c), style: "sumNumber" }))]));
    }
    rows.push(
      pad([
        {},
        { value: SUMMARY_TOTAL, style: "sumHeader" },
        { formula: `SUM(${range("J")})`, style: "sumNumber" },
        ...TASK_COUNTS.map((c) => ({ formula: `SUMPRODUCT((${range("J")}=1)*(${range(c.column)}="${c.code}"))`, style: "sumNumber" })),
      ]),
    );
    for (const code of TASK_NOTES) {
      taskNoteRows.push(rows.length + 1);
      rows.push(pad([{}, { value: message(code).vi, style: "note" }]));
    }
  }
  rows.push(pad([]));

  // Every indicator by agency with its live status: the shortfalls stand out in red, in colour or not.
  const listTitle = rows.length + 1;
  rows.push(pad([{}, { value: "CHỈ TIÊU THEO CƠ QUAN CHỦ TRÌ (chỉ tiêu không đạt, gần đạt và lỗi nhập liệu được tô màu)", style: "title" }]));
  rows.push(pad([{}, { value: "Cơ quan chủ trì", style: "sumHeader" }, { value: "Chỉ tiêu", style: "sumHeader" }, { value: "Trang", style: "sumHeader" }, { value: "Chỉ tiêu kế hoạch", style: "sumHeader" }, { value: "Thực hiện", style: "sumHeader" }, { value: "Trạng thái", style: "sumHeader" }]));
  for (const e of entries) {
    const block = mainBlock(e.sheet);
    const status = col(e.sheet, `status:${block}`)!;
    const actual = col(e.sheet, `actual:${block}`)!;
    rows.push(
      pad([
        {},
        { value: e.agency, style: "sumLabel" },
        { value: e.name, style: "sumLabel" },
        { value: e.sheet.name, style: "sumLabel" },
        { value: e.target, style: "sumLabel" },
        { formula: `IF(${quote(e.sheet.name)}!${actual}${e.row}="","",${quote(e.sheet.name)}!${actual}${e.row})`, style: "sumLabel" },
        { formula: `${quote(e.sheet.name)}!${status}${e.row}`, style: "status" },
      ]),
    );
  }
  if (taskSheets.length > 0) {
    rows.push(pad([]));
    rows.push(pad([{}, { value: "NHIỆM VỤ THEO CƠ QUAN CHỦ TRÌ (một dòng cho mỗi cơ quan chủ trì của nhiệm vụ; cột Tính vào tổng là 1 ở dòng đầu của mỗi nhiệm vụ)", style: "title" }]));
    rows.push(
      pad([
        {},
        ...["Cơ quan chủ trì", "Nhiệm vụ", "Trang", "Thời hạn", "Hạn", "Trạng thái", "Mã trạng thái", "Mã tình hình", "Tính vào tổng"].map((value) => ({ value, style: "sumHeader" })),
      ]),
    );
    for (const e of taskEntries) {
      const ref = (key: string) => `${quote(e.sheet.name)}!${col(e.sheet, key)!}${e.row}`;
      rows.push(
        pad([
          {},
          { value: e.agency, style: "sumLabel" },
          { value: e.name, style: "sumLabel" },
          { value: e.sheet.name, style: "sumLabel" },
          { value: e.deadline, style: "sumLabel" },
          { formula: `IF(${ref("due")}="","",${ref("due")})`, style: "date" },
          { formula: ref("status:task"), style: "taskStatus" },
          { formula: ref("h:task:code"), style: "helper" },
          { formula: ref("h:task:progress"), style: "helper" },
          { value: e.first ? 1 : 0, style: "helper" },
        ]),
      );
    }
  }
  const conditional: ConditionalRule[] = (["shortfall", "near", "invalid", "met", "exceeded", "no_data"] as Status[]).map((s) => ({
    range: `G${firstListRow}:G${lastListRow}`,
    formula: `G${firstListRow}="${STATUS_VOCABULARY[s].symbol} ${STATUS_VOCABULARY[s].vi}"`,
    style: `cf.${s}`,
  }));
  const columns = [
    { key: "margin", header: "", width: 2 },
    { key: "label", header: "", width: 34 },
    { key: "c", header: "", width: 34 },
    ...Array.from({ length: 9 }, (_, k) => ({ key: `s${k}`, header: "", width: k < 2 ? 16 : k === 3 ? 16 : 11 })),
  ];
  const heights: Record<string, number> = {};
  rows.forEach((cells, k) => {
    if (k >= headerRow) heights[String(k + 1)] = rowHeight(cells, columns);
  });
  // Each printed page starts with a header: breaks before blocks, headers repeated in a long one (blockPrint.ts).
  return printInBlocks({
    name: SUMMARY_SHEET,
    kind: "summary",
    plan: null,
    appendix: null,
    columns,
    rows,
    heights: { ...heights, ...blockHeights, "1": 22, "4": 26, [String(headerRow)]: 30, [String(agencyHeader)]: 30, ...(taskHeader ? { [String(taskHeader)]: 30 } : {}), ...Object.fromEntries(taskNoteRows.map((r) => [String(r), 14])) },
    merges: [`B1:L1`, `B2:L2`, `B3:L3`, `B${listTitle}:L${listTitle}`, ...blockMerges],
    table: null,
    dataRows: { first: firstListRow, last: lastListRow },
    rowOf: {},
    freeze: { row: 0, column: 0 },
    conditional,
    validations: [],
    print: {
      orientation: "landscape",
      paperSize: 9,
      fitToWidth: 1,
      fitToHeight: 0,
      // The counts per appendix and per agency (what a manager reads first); the full list on request. Each
      // block's header starts its pages (printInBlocks), so no one row repeats.
      titleRows: null,
      area: `B1:L${printList ? lastListRow : listTitle - 2}`,
      header: `&L&8Theo dõi chỉ tiêu — tổng hợp&R&8Số liệu đến ${asOf}`,
      footer: `&C&8Trang &P/&N`,
    },
    protect: false,
    tabColor: "1F4E78",
  });
}
