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
import { REPORTING_LABELS, type ReportingCode } from "../evaluate/reporting";
import { canonicalAgencies } from "./agencyCells";

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
      for (const agency of agencies) entries.push({ agency, sheet, row: r, name: String(row[ni]?.value ?? ""), deadline: String(row[di]?.value ?? "") });
    }
  }
  return entries.sort((a, b) => a.agency.localeCompare(b.agency, "vi") || a.sheet.name.localeCompare(b.sheet.name) || a.row - b.row);
}

/** The task statuses each count of the summary's task table adds up. */
const TASK_COUNTS: { header: string; codes: string[] }[] = [
  { header: "Hoàn thành", codes: ["done_on_time", "done_late", "done"] },
  { header: "Đang thực hiện", codes: ["on_track", "due_soon", "continuous", "no_deadline"] },
  { header: "Quá hạn", codes: ["overdue"] },
  { header: "Sắp đến hạn", codes: ["due_soon"] },
  { header: "Không thực hiện", codes: ["dropped"] },
  { header: "Lỗi nhập liệu", codes: ["invalid"] },
];

/** The summary's list: every indicator that names a responsible agency, by agency, sheet and row. */
function listEntries(sheets: SheetSpec[], extra?: readonly AgencyName[]): ListEntry[] {
  const entries: ListEntry[] = [];
  for (const sheet of sheets) {
    const ai = sheet.columns.findIndex((c) => c.key === "agency");
    const ni = sheet.columns.findIndex((c) => c.key === "name");
    const ti = sheet.columns.findIndex((c) => c.key === "target");
    if (ai < 0) continue;
    for (const [, r] of Object.entries(sheet.rowOf)) {
      const row = sheet.rows[r - 1]!;
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
    rows.push(
      pad([
        {},
        { value: sheet.name, style: "sumLabel" },
        { formula: `SUM(D${r}:J${r})`, style: "sumNumber" },
        ...JUDGED.map((s) => ({ formula: `COUNTIF(${range},"${s}")`, style: "sumNumber" })),
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

  // Who has reported for the latest period, counted live from the reporting sheet.
  const latest = reporting?.rows[reporting.dataRows!.first - 1];
  if (reporting && typeof latest?.[0]?.value === "string") {
    const key = latest[0].value;
    const { first, last } = reporting.dataRows!;
    const at = (k: string) => `${quote(reporting.name)}!$${col(reporting, k)}$${first}:$${col(reporting, k)}$${last}`;
    const codes: ReportingCode[] = ["on_time", "late", "complete", "missing", "not_due"];
    rows.push(pad([{}, { value: `Tình hình báo cáo — ${String(latest[1]?.value ?? key)}`, style: "sumHeader" }, { value: "Số cơ quan", style: "sumHeader" }, ...codes.map((c) => ({ value: `${REPORTING_LABELS[c].symbol} ${REPORTING_LABELS[c].vi}`, style: "sumHeader" }))]));
    const r = rows.length + 1;
    rows.push(
      pad([
        {},
        { value: "Các cơ quan báo cáo chỉ tiêu", style: "sumLabel" },
        { formula: `SUM(D${r}:H${r})`, style: "sumNumber" },
        ...codes.map((c) => ({ formula: `SUMPRODUCT((${at("mark")}="${key}")*(${at("h:code")}="${c}"))`, style: "sumNumber" })),
      ]),
    );
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
  // The task table (a blank row, its header, a row per agency, the total) when the workbook has task sheets.
  const taskTableRows = taskSheets.length > 0 ? 2 + taskAgencies.length + 1 : 0;
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
  if (taskSheets.length > 0) {
    rows.push(pad([]));
    taskHeader = rows.length + 1;
    rows.push(pad([{}, { value: "Nhiệm vụ theo cơ quan chủ trì", style: "sumHeader" }, { value: "Số nhiệm vụ", style: "sumHeader" }, ...TASK_COUNTS.map((c) => ({ value: c.header, style: "sumHeader" }))]));
    const inList = (r: number, codes: string[]) =>
      `SUMPRODUCT(($B$${firstTaskListRow}:$B$${lastTaskListRow}=$B${r})*(${codes.map((c) => `($H$${firstTaskListRow}:$H$${lastTaskListRow}="${c}")`).join("+")}))`;
    const first = rows.length + 1;
    for (const agency of taskAgencies) {
      const r = rows.length + 1;
      rows.push(pad([{}, { value: agency, style: "sumLabel" }, { formula: `SUMPRODUCT(--($B$${firstTaskListRow}:$B$${lastTaskListRow}=$B${r}))`, style: "sumNumber" }, ...TASK_COUNTS.map((c) => ({ formula: inList(r, c.codes), style: "sumNumber" }))]));
    }
    const total = rows.length + 1;
    rows.push(
      pad([
        {},
        { value: SUMMARY_TOTAL, style: "sumHeader" },
        ...Array.from({ length: 1 + TASK_COUNTS.length }, (_, k) => {
          const c = columnLetter(3 + k);
          return { formula: `SUM(${c}${first}:${c}${total - 1})`, style: "sumNumber" };
        }),
      ]),
    );
  }
  rows.push(pad([]));

  // Every indicator by agency with its live status: the shortfalls stand out in red, in colour or not.
  const listTitle = rows.length + 1;
  rows.push(pad([{}, { value: "CHỈ TIÊU THEO CƠ QUAN CHỦ TRÌ (chỉ tiêu không đạt, gần đạt và lỗi nhập liệu được tô màu)", style: "title" }]));
  const listHeader = rows.length + 1;
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
    rows.push(pad([{}, { value: "NHIỆM VỤ THEO CƠ QUAN CHỦ TRÌ (một dòng cho mỗi cơ quan chủ trì của nhiệm vụ)", style: "title" }]));
    rows.push(pad([{}, { value: "Cơ quan chủ trì", style: "sumHeader" }, { value: "Nhiệm vụ", style: "sumHeader" }, { value: "Trang", style: "sumHeader" }, { value: "Thời hạn", style: "sumHeader" }, { value: "Hạn", style: "sumHeader" }, { value: "Trạng thái", style: "sumHeader" }, { value: "Mã trạng thái", style: "sumHeader" }]));
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
          { formula: ref("status:task"), style: "status" },
          { formula: ref("h:task:code"), style: "helper" },
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
  return {
    name: SUMMARY_SHEET,
    kind: "summary",
    plan: null,
    appendix: null,
    columns,
    rows,
    heights: { ...heights, "1": 22, "4": 26, [String(headerRow)]: 30, [String(agencyHeader)]: 30, ...(taskHeader ? { [String(taskHeader)]: 30 } : {}) },
    merges: [`B1:L1`, `B2:L2`, `B3:L3`, `B${listTitle}:L${listTitle}`],
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
      // The counts per appendix and per agency (what a manager reads first); the full list on request.
      titleRows: printList ? `${listHeader}:${listHeader}` : null,
      area: `B1:L${printList ? lastListRow : listTitle - 2}`,
      header: `&L&8Theo dõi chỉ tiêu — tổng hợp&R&8Số liệu đến ${asOf}`,
      footer: `&C&8Trang &P/&N`,
    },
    protect: false,
    tabColor: "1F4E78",
  };
}
