import { calendarOfKeys, periodLabel, periodsOf, type Calendar, type Period } from "../model/period";
import { dueSerial, REPORTING_LABELS, reportingCode, type ReportingCode } from "../evaluate/reporting";
import { serialOfVi } from "../evaluate/taskStatus";
import type { Receipt } from "./receipts";
import { col, quote } from "./refs";
import { columnLetter, rowHeight, type Cell, type CellValue, type ConditionalRule, type SheetSpec } from "./plan";
import { DEFAULT_REPORT_DAY } from "./identity";

/**
 * "Tình hình báo cáo": per period of the reporting calendar (the latest first) and per agency, the entries it
 * is to report (its indicators on the sheets that have the period), those the master has (live: COUNTIFS over
 * the period's column and the row's agencies), those missing, the date its form was filled (from the forms
 * collected), the report day, and whether it came on time. The report day (C3) is staff's to change; the
 * statuses follow. Printed one page wide, the header on every page.
 */
export const REPORTING_SHEET = "Tình hình báo cáo";
export const REPORTING_MARK = "im:reporting";
/**
 * The late agencies of a period so far: each row adds its agency when it came late or is overdue ("Sở A; Sở B"),
 * so the period's last row names them all (the summary shows it). Excel 2013 has no TEXTJOIN.
 */
export const LATE_KEY = "h:late";
/** The agencies helper of an indicator sheet: "|Sở Tài chính|Cục Thống kê|", for the counts by agency. */
export const AGENCIES_KEY = "h:agencies";

const DAY_CELL = "$D$3";
const ASOF_CELL = "$G$3";
const HEADER_ROW = 6;

export interface ReportingInput {
  sheets: SheetSpec[];
  calendar: Calendar;
  year: string;
  /** Agencies in their order (canonical names). */
  agencies: string[];
  receipts: Receipt[];
  reportDay: number;
  asOf: string;
}

/** The periods a reporting sheet lists: those begun by "Số liệu đến" (every one once the year is over), latest first. */
export function reportingPeriods(calendar: Calendar, year: string, asOf: string): { key: string; period: Period; column: string }[] {
  const asOfSerial = serialOfVi(asOf);
  const m = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(asOf);
  const month = m ? (Number(m[3]) > Number(year) ? 12 : Number(m[3]) < Number(year) ? 0 : Number(m[2])) : 12;
  const periods = calendar === "year" ? [{ key: year, label: `Năm ${year}`, en: `Year ${year}`, from: 1, to: 12 }] : periodsOf(calendar);
  const begun = periods.filter((p) => p.from <= Math.max(month, 1) || asOfSerial === null);
  return begun
    .map((p) => ({ key: calendar === "year" ? year : `${year}-${p.key}`, period: p, column: calendar === "year" ? `actual:${year}` : `actual:${year}-${p.key}` }))
    .reverse();
}

/** Each indicator sheet's rows by the agencies that report them (sheet → agency → ids), read once. */
function rowsByAgency(sheets: SheetSpec[]): Map<SheetSpec, Map<string, string[]>> {
  const out = new Map<SheetSpec, Map<string, string[]>>();
  for (const s of sheets) {
    const ai = s.columns.findIndex((c) => c.key === AGENCIES_KEY);
    if (ai < 0) continue;
    const byAgency = new Map<string, string[]>();
    for (const [id, row] of Object.entries(s.rowOf)) {
      for (const a of new Set(rowAgencies(s.rows[row - 1]?.[ai]?.value))) {
        const ids = byAgency.get(a);
        if (ids) ids.push(id);
        else byAgency.set(a, [id]);
      }
    }
    out.set(s, byAgency);
  }
  return out;
}

/** The agencies of a row as its helper holds them. */
export function rowAgencies(cell: CellValue | undefined): string[] {
  return typeof cell === "string" ? cell.split("|").filter((a) => a !== "") : [];
}

export function buildReportingSheet(input: ReportingInput): SheetSpec {
  const widths = [2, 16, 36, 11, 11, 11, 13, 13, 22, 8, 8];
  const keys = ["mark", "period", "agency", "expected", "received", "missing", "filled", "due", "status", "h:code", LATE_KEY];
  const headers = ["", "Kỳ báo cáo", "Cơ quan", "Chỉ tiêu phải báo cáo", "Đã có số liệu", "Còn thiếu", "Ngày lập phiếu", "Hạn nộp", "Tình trạng", "_mã", "_trễ hạn"];
  const pad = (cells: Cell[]) => [...cells, ...Array.from({ length: Math.max(0, keys.length - cells.length) }, () => ({}))];
  const asOfSerial = serialOfVi(input.asOf);
  const rows: Cell[][] = [
    pad([{ value: REPORTING_MARK, style: "helper" }, { value: `TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN — NĂM ${input.year}`, style: "title" }]),
    pad([{}, { value: `Số liệu đến ngày ${input.asOf}. Kỳ báo cáo: ${calendarText(input.calendar)}; hạn nộp là ngày trong ô D3 của tháng cuối kỳ (sửa được). “Đã có số liệu” đếm các ô đã nhập trong workbook tổng hợp.`, style: "subtitleWrap" }]),
    pad([{}, { value: "Hạn nộp: ngày", style: "legendLabel" }, {}, { value: input.reportDay, style: "input" }, {}, { value: "Số liệu đến", style: "legendLabel" }, { value: asOfSerial, style: "date" }]),
    pad([]),
    keys.map((k) => ({ value: k, style: "helper" })),
    headers.map((h, k) => ({ value: h, style: k === 0 ? "helper" : "header" })),
  ];
  const letter = (key: string) => columnLetter(keys.indexOf(key) + 1);
  const latest = new Map<string, number>();
  for (const r of input.receipts) {
    if (r.filled === null) continue;
    const k = `${r.agency}\u0000${r.period}`;
    latest.set(k, Math.max(latest.get(k) ?? 0, r.filled));
  }
  // Each sheet's rows by agency, once (a large workbook has thousands of rows and dozens of agencies).
  const perSheet = rowsByAgency(input.sheets);
  for (const { key, period, column } of reportingPeriods(input.calendar, input.year, input.asOf)) {
    const holding = input.sheets.filter((s) => perSheet.has(s) && s.columns.some((c) => c.key === column));
    for (const agency of input.agencies) {
      let expected = 0;
      const counts: string[] = [];
      for (const s of holding) {
        const mine = perSheet.get(s)!.get(agency)?.length ?? 0;
        if (mine === 0) continue;
        expected += mine;
        const first = s.dataRows!.first;
        const last = s.dataRows!.last;
        const a = col(s, AGENCIES_KEY)!;
        const v = col(s, column)!;
        counts.push(`COUNTIFS(${quote(s.name)}!$${a}$${first}:$${a}$${last},"*|"&$${letter("agency")}${rows.length + 1}&"|*",${quote(s.name)}!$${v}$${first}:$${v}$${last},"<>")`);
      }
      if (expected === 0) continue;
      const r = rows.length + 1;
      const ref = (k: string) => `${letter(k)}${r}`;
      const y = Number(input.year);
      rows.push([
        { value: key, style: "helper" },
        { value: periodLabel(key), style: "text" },
        { value: agency, style: "text" },
        { value: expected, style: "sumNumber" },
        { formula: counts.join("+"), style: "sumNumber" },
        { formula: `MAX(0,${ref("expected")}-${ref("received")})`, style: "sumNumber" },
        { value: latest.get(`${agency}\u0000${key}`) ?? null, style: "date" },
        { formula: `DATE(${y},${period.to},MIN(${DAY_CELL},DAY(DATE(${y},${period.to + 1},0))))`, style: "date" },
        { formula: statusLabelFormula(ref("h:code")), style: "status" },
        { formula: reportingCodeFormula(ref("filled"), ref("due"), ref("expected"), ref("received")), style: "helper" },
        { formula: lateNamesFormula(r, letter), style: "helper" },
      ]);
    }
  }
  const last = Math.max(rows.length, HEADER_ROW + 1);
  const conditional: ConditionalRule[] = (Object.keys(REPORTING_LABELS) as ReportingCode[]).map((c) => ({
    range: `${letter("status")}${HEADER_ROW + 1}:${letter("status")}${last}`,
    formula: `$${letter("h:code")}${HEADER_ROW + 1}="${c}"`,
    style: REPORTING_LABELS[c].style,
  }));
  const columns = keys.map((k, i) => ({ key: k, header: headers[i]!, width: widths[i]!, hidden: k === "mark" || k.startsWith("h:") }));
  return {
    name: REPORTING_SHEET,
    kind: "summary",
    plan: null,
    appendix: null,
    columns,
    rows,
    heights: { "1": 22, "2": 30, "5": 0, [String(HEADER_ROW)]: 30, ...Object.fromEntries(rows.slice(HEADER_ROW).map((cells, k) => [String(HEADER_ROW + 1 + k), rowHeight(cells, columns)])) },
    merges: ["B1:I1", "B2:I2"],
    table: null,
    dataRows: { first: HEADER_ROW + 1, last },
    rowOf: {},
    freeze: { row: HEADER_ROW, column: 0 },
    conditional,
    validations: [
      {
        range: "D3",
        kind: "decimal",
        prompt: { title: "Ngày hạn nộp", text: "Ngày trong tháng cuối kỳ mà cơ quan phải gửi báo cáo (1–31), mặc định 20." },
        error: { title: "Không phải là số", text: "Hãy nhập một ngày từ 1 đến 31." },
      },
    ],
    print: {
      orientation: "landscape",
      paperSize: 9,
      fitToWidth: 1,
      fitToHeight: 0,
      titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
      area: `B1:${letter("status")}${last}`,
      header: `&L&8Tình hình báo cáo năm ${input.year}&R&8Số liệu đến ${input.asOf}`,
      footer: "&L&8Theo dõi chỉ tiêu&C&8Trang &P/&N&R&8&A",
    },
    protect: false,
    tabColor: null,
  };
}

/** Row r's running list of the period's late agencies: the row above's list (same period), then this agency when late or overdue. */
function lateNamesFormula(r: number, letter: (key: string) => string): string {
  const mark = letter("mark");
  const prev = `IF($${mark}${r - 1}=$${mark}${r},${letter(LATE_KEY)}${r - 1},"")`;
  const code = `${letter("h:code")}${r}`;
  const agency = `${letter("agency")}${r}`;
  return `IF(OR(${code}="late",${code}="missing"),IF(${prev}="",${agency},${prev}&"; "&${agency}),${prev})`;
}

function calendarText(calendar: Calendar): string {
  return { month: "hàng tháng", quarter: "hàng quý", half: "6 tháng", nine: "9 tháng và cả năm", year: "cả năm" }[calendar];
}

export function reportingCodeFormula(filled: string, due: string, expected: string, received: string): string {
  return `IF(ISNUMBER(${filled}),IF(${filled}<${due}+1,"on_time","late"),IF(AND(${expected}>0,${received}>=${expected}),"complete",IF(${ASOF_CELL}>${due},"missing","not_due")))`;
}

function statusLabelFormula(code: string): string {
  let f = `""`;
  for (const c of Object.keys(REPORTING_LABELS) as ReportingCode[]) f = `IF(${code}="${c}","${REPORTING_LABELS[c].symbol} ${REPORTING_LABELS[c].vi}",${f})`;
  return f;
}

/** The report day staff set in D3; null when the cell holds no day of the month. */
export function readReportDay(rows: CellValue[][]): number | null {
  const v = rows[2]?.[3];
  return typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 31 ? v : null;
}

export { DEFAULT_REPORT_DAY };

/** One line of "who has reported", as the reporting sheet computes it. */
export interface ReportingRow {
  /** "2025-T11" (the year for whole years). */
  period: string;
  label: string;
  agency: string;
  expected: number;
  received: number;
  filled: number | null;
  due: number;
  code: ReportingCode;
}

/**
 * The reporting sheet's lines computed by the engine from a plan and its entries (the pane's view; a test checks
 * them against LibreOffice's recalculation of the sheet): latest period first.
 */
export function reportingRows(plan: { sheets: SheetSpec[] }, entries: { actuals: Record<string, Record<string, CellValue>> }, asOf: string): ReportingRow[] {
  const sheet = plan.sheets.find((s) => s.kind === "summary" && s.rows[0]?.[0]?.value === REPORTING_MARK);
  if (!sheet) return [];
  const day = typeof sheet.rows[2]?.[3]?.value === "number" ? (sheet.rows[2]![3]!.value as number) : DEFAULT_REPORT_DAY;
  // "Số liệu đến" as the sheet holds it (G3), as its formulas compare.
  const asOfSerial = typeof sheet.rows[2]?.[6]?.value === "number" ? (sheet.rows[2]![6]!.value as number) : (serialOfVi(asOf) ?? 0);
  const rowsOf = rowsByAgency(plan.sheets);
  const out: ReportingRow[] = [];
  for (const cells of sheet.rows.slice(HEADER_ROW)) {
    const period = cells[0]?.value;
    const agency = cells[2]?.value;
    if (typeof period !== "string" || typeof agency !== "string") continue;
    const [year, key] = period.split("-");
    const to = key ? (periodsOf(calendarOfKeys([key]) ?? "month").find((p) => p.key === key)?.to ?? 12) : 12;
    let received = 0;
    for (const [s, byAgency] of rowsOf) {
      if (!s.columns.some((c) => c.key === `actual:${period}`)) continue;
      for (const id of byAgency.get(agency) ?? []) {
        const v = entries.actuals[id]?.[period];
        if (v !== undefined && v !== null && v !== "") received++;
      }
    }
    const expected = typeof cells[3]?.value === "number" ? (cells[3]!.value as number) : 0;
    const filled = typeof cells[6]?.value === "number" ? (cells[6]!.value as number) : null;
    const due = dueSerial(Number(year), { to }, day);
    out.push({ period, label: String(cells[1]?.value ?? period), agency, expected, received, filled, due, code: reportingCode({ filled, due, expected, received, asOf: asOfSerial }) });
  }
  return out;
}
