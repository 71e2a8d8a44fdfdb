import { excelSerial } from "./taskStatus";
import type { Period } from "../model/period";

/**
 * Who has reported, per agency and period: a form filled on or before the period's report day is on time,
 * after it late; with no form, entries typed straight into the master that are all there count as complete;
 * otherwise the report is missing once the day has passed, and not yet due before it. The reporting sheet's
 * formulas say the same (sheets/reportingSheet.ts), tested in LibreOffice.
 */
export type ReportingCode = "on_time" | "late" | "complete" | "missing" | "not_due";

export const REPORTING_LABELS: Record<ReportingCode, { vi: string; en: string; symbol: string; style: string }> = {
  on_time: { vi: "Đúng hạn", en: "On time", symbol: "✓", style: "cf.met" },
  late: { vi: "Trễ hạn", en: "Late", symbol: "◐", style: "cf.near" },
  complete: { vi: "Đủ số liệu (nhập trực tiếp)", en: "Complete (typed in the master)", symbol: "✓", style: "cf.met" },
  missing: { vi: "Chưa nộp — quá hạn", en: "Not received — overdue", symbol: "✗", style: "cf.shortfall" },
  not_due: { vi: "Chưa đến hạn", en: "Not yet due", symbol: "–", style: "cf.no_data" },
};

/** The report day of a period: day `day` of its last month, or that month's last day when shorter (Excel serial). */
export function dueSerial(year: number, period: Pick<Period, "to">, day: number): number {
  const last = new Date(Date.UTC(year, period.to, 0)).getUTCDate();
  const d = Math.min(day, last);
  return excelSerial(`${year}-${String(period.to).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
}

export function reportingCode(input: { filled: number | null; due: number; expected: number; received: number; asOf: number }): ReportingCode {
  if (input.filled !== null) return input.filled < input.due + 1 ? "on_time" : "late";
  if (input.expected > 0 && input.received >= input.expected) return "complete";
  return input.asOf > input.due ? "missing" : "not_due";
}
