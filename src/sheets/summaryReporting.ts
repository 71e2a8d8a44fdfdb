/**
 * @file The summary's reporting blocks: who has reported for every period the reporting sheet lists (the overdue
 * and late first, and their names), and how many indicators of each appendix are behind pace — live formulas
 * over the reporting sheet and the indicator sheets' Tiến độ column.
 */
import { REPORTING_LABELS, type ReportingCode } from "../evaluate/reporting";
import { PACE_VOCABULARY, type PaceStatus } from "../evaluate/pace";
import type { Status } from "../model/status";
import { col, quote } from "./refs";
import { columnNumber, type Cell, type SheetSpec } from "./plan";
import { LATE_KEY } from "./reportingSheet";
import { wrappedHeight } from "./pageLayout";

export interface SummaryBlock {
  rows: Cell[][];
  /** Heights of the block's rows, by their row in the summary. */
  heights: Record<string, number>;
  merges: string[];
}

/** The overdue and the late first: what a manager chases. */
const REPORTING_ORDER: ReportingCode[] = ["missing", "late", "on_time", "complete", "not_due"];
/** The summary's columns B … L: 34 + 34 + 16 + 16 + 11 + 16 + 11 × 5 units. */
const SUMMARY_TEXT_WIDTH = 182;
export const REPORTING_BLOCK_HEADER = "Tình hình báo cáo theo kỳ";
export const LATE_NONE = "Không có cơ quan trễ hạn hay quá hạn chưa nộp.";
export const LATE_PREFIX = "Trễ hạn hoặc quá hạn chưa nộp: ";

/**
 * Every period the reporting sheet lists (latest first, each already begun; the current one may not be due yet):
 * the agencies that report in it, how many are overdue, late, on time, complete or not yet due, and on a line
 * under it the names of those overdue or late (the reporting sheet's running list, its period's last row).
 */
export function reportingBlock(reporting: SheetSpec, top: number): SummaryBlock | null {
  const { first, last } = reporting.dataRows!;
  const periods: { key: string; label: string; last: number; agencies: string[] }[] = [];
  for (let r = first; r <= last; r++) {
    const cells = reporting.rows[r - 1];
    const key = cells?.[0]?.value;
    if (typeof key !== "string") continue;
    const agency = String(cells![2]?.value ?? "");
    const current = periods[periods.length - 1];
    if (current?.key === key) {
      current.last = r;
      current.agencies.push(agency);
    } else periods.push({ key, label: String(cells![1]?.value ?? key), last: r, agencies: [agency] });
  }
  if (periods.length === 0) return null;
  const sheet = quote(reporting.name);
  const range = (k: string) => `${sheet}!$${col(reporting, k)}$${first}:$${col(reporting, k)}$${last}`;
  const rows: Cell[][] = [];
  const heights: Record<string, number> = {};
  const merges: string[] = [];
  rows.push([{}, { value: REPORTING_BLOCK_HEADER, style: "sumHeader" }, { value: "Số cơ quan", style: "sumHeader" }, ...REPORTING_ORDER.map((c) => ({ value: `${REPORTING_LABELS[c].symbol} ${REPORTING_LABELS[c].vi}`, style: "sumHeader" }))]);
  heights[String(top)] = 30;
  for (const p of periods) {
    const r = top + rows.length;
    rows.push([
      {},
      { value: p.label, style: "sumLabel" },
      { formula: `SUM(D${r}:H${r})`, style: "sumNumber" },
      ...REPORTING_ORDER.map((c) => ({ formula: `SUMPRODUCT((${range("mark")}="${p.key}")*(${range("h:code")}="${c}"))`, style: "sumNumber" })),
    ]);
    const names = `${sheet}!$${col(reporting, LATE_KEY)}$${p.last}`;
    rows.push([{}, { formula: `IF(${names}="","${LATE_NONE}","${LATE_PREFIX}"&${names})`, style: "sumList" }]);
    merges.push(`B${r + 1}:L${r + 1}`);
    // Tall enough for every agency of the period named.
    heights[String(r + 1)] = Math.max(15, wrappedHeight(`${LATE_PREFIX}${p.agencies.join("; ")}`, SUMMARY_TEXT_WIDTH, { size: 9 }));
  }
  return { rows, heights, merges };
}

const PACE_ORDER: PaceStatus[] = ["behind", "on_track", "no_data", "invalid", "not_applicable"];
const PACE_CODES: Record<PaceStatus, Status[]> = { behind: ["near", "shortfall"], on_track: ["exceeded", "met"], no_data: ["no_data"], invalid: ["invalid"], not_applicable: ["not_applicable"] };
export const PACE_BLOCK_HEADER = "Tiến độ trong năm (trang / phụ lục)";

/**
 * The rows of a sheet that are parts of a packed row: a packed row's code is the worst of the codes of the rows
 * beneath it (formulas.ts, combinedCodeFormula: "IF(COUNTIF(X8:X11,…"), and those rows are its parts, never
 * counted beside it (model/counting.ts).
 */
export function partRuns(sheet: SheetSpec, codeColumn: string): [number, number][] {
  const at = columnNumber(codeColumn) - 1;
  const runs: [number, number][] = [];
  for (let r = sheet.dataRows!.first; r <= sheet.dataRows!.last; r++) {
    const m = /^IF\(COUNTIF\(([A-Z]+)(\d+):([A-Z]+)(\d+),/.exec(sheet.rows[r - 1]?.[at]?.formula ?? "");
    if (m && m[1] === codeColumn && m[3] === codeColumn) runs.push([Number(m[2]), Number(m[4])]);
  }
  return runs;
}

/**
 * Per appendix with a reporting calendar, its indicators by pace ("✗ Chậm tiến độ" first): counted from the
 * Tiến độ column's codes, a packed row once and its parts never.
 */
export function paceBlock(sheets: SheetSpec[], top: number): SummaryBlock | null {
  const withPace = sheets.filter((s) => col(s, "pace") && col(s, "h:pace:code") && s.dataRows);
  if (withPace.length === 0) return null;
  const rows: Cell[][] = [];
  rows.push([{}, { value: PACE_BLOCK_HEADER, style: "sumHeader" }, { value: "Số chỉ tiêu", style: "sumHeader" }, ...PACE_ORDER.map((p) => ({ value: `${PACE_VOCABULARY[p].symbol} ${PACE_VOCABULARY[p].vi}`, style: "sumHeader" }))]);
  for (const s of withPace) {
    const r = top + rows.length;
    const code = col(s, "h:pace:code")!;
    const { first, last } = s.dataRows!;
    const ranges = [`${quote(s.name)}!$${code}$${first}:$${code}$${last}`];
    const parts = partRuns(s, code).map(([a, b]) => `${quote(s.name)}!$${code}$${a}:$${code}$${b}`);
    const count = (codes: Status[]) => codes.flatMap((c) => [...ranges.map((x) => `COUNTIF(${x},"${c}")`), ...parts.map((x) => `-COUNTIF(${x},"${c}")`)]).join("+").replace(/\+-/g, "-");
    rows.push([{}, { value: s.name, style: "sumLabel" }, { formula: `SUM(D${r}:H${r})`, style: "sumNumber" }, ...PACE_ORDER.map((p) => ({ formula: count(PACE_CODES[p]), style: "sumNumber" }))]);
  }
  return { rows, heights: { [String(top)]: 30 }, merges: [] };
}
