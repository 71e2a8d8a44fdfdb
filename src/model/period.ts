import { z } from "zod";

/**
 * A reporting calendar: how a year is cut into the periods agencies report (tháng, quý, 6 tháng, 9 tháng, năm).
 * Each period's entry is the value of that period itself ("thực hiện tháng 3"), not a running total: the sheet
 * adds them up for flows and takes the latest for levels. "6 tháng" cuts the year in halves; "9 tháng" into the
 * first nine months and the fourth quarter, as the 9-month report and the year-end report cover them.
 */
export const Calendar = z.enum(["month", "quarter", "half", "nine", "year"]);
export type Calendar = z.infer<typeof Calendar>;

export const Period = z.object({
  /** The period's key inside a year ("T01", "Q1", "H1", "9T"); entries are keyed "YYYY-key". */
  key: z.string(),
  /** As sheets and reports write it: "Tháng 1", "Quý I", "6 tháng đầu năm". */
  label: z.string(),
  en: z.string(),
  /** First and last month of the year the period covers (1–12). */
  from: z.number().int().min(1).max(12),
  to: z.number().int().min(1).max(12),
});
export type Period = z.infer<typeof Period>;

const ROMAN = ["I", "II", "III", "IV"];

export function periodsOf(calendar: Calendar): Period[] {
  switch (calendar) {
    case "month":
      return Array.from({ length: 12 }, (_, k) => ({ key: `T${String(k + 1).padStart(2, "0")}`, label: `Tháng ${k + 1}`, en: `Month ${k + 1}`, from: k + 1, to: k + 1 }));
    case "quarter":
      return ROMAN.map((r, k) => ({ key: `Q${k + 1}`, label: `Quý ${r}`, en: `Q${k + 1}`, from: 3 * k + 1, to: 3 * k + 3 }));
    case "half":
      return [
        { key: "H1", label: "6 tháng đầu năm", en: "First half", from: 1, to: 6 },
        { key: "H2", label: "6 tháng cuối năm", en: "Second half", from: 7, to: 12 },
      ];
    case "nine":
      return [
        { key: "9T", label: "9 tháng", en: "Nine months", from: 1, to: 9 },
        { key: "Q4", label: "Quý IV", en: "Q4", from: 10, to: 12 },
      ];
    case "year":
      return [];
  }
}

/** The names staff and the CLI use for calendars: "tháng", "thang", "month", "quý" … */
export function calendarOf(text: string): Calendar | null {
  const t = text
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/\s+/g, "");
  const names: Record<string, Calendar> = {
    thang: "month",
    month: "month",
    monthly: "month",
    quy: "quarter",
    quarter: "quarter",
    quarterly: "quarter",
    "6thang": "half",
    half: "half",
    "9thang": "nine",
    nine: "nine",
    nam: "year",
    year: "year",
  };
  return names[t] ?? null;
}

/** "2025-T03" → { year: "2025", key: "T03" }; null for a plain year or anything else. */
export function periodEntryKey(block: string): { year: string; key: string } | null {
  const m = /^(\d{4})-(T(?:0[1-9]|1[0-2])|Q[1-4]|H[12]|9T)$/.exec(block);
  return m ? { year: m[1]!, key: m[2]! } : null;
}

/** A reporting period as reports write it: "2025-T11" → "Tháng 11/2025", "2025-Q4" → "Quý IV/2025", "2025" → "Năm 2025". */
export function periodLabel(entry: string, lang: "vi" | "en" = "vi"): string {
  const p = periodEntryKey(entry);
  if (!p) return /^\d{4}$/.test(entry) ? `${lang === "vi" ? "Năm" : "Year"} ${entry}` : entry;
  const found = periodsOf(calendarOfKeys([p.key]) ?? "month").find((x) => x.key === p.key);
  return found ? `${lang === "vi" ? found.label : found.en}/${p.year}` : entry;
}

/** The calendar a set of period keys belongs to ("T01" → month, "9T" → nine …). */
export function calendarOfKeys(keys: string[]): Calendar | null {
  if (keys.some((k) => k.startsWith("T"))) return "month";
  if (keys.includes("9T")) return "nine";
  if (keys.some((k) => k.startsWith("H"))) return "half";
  if (keys.some((k) => k.startsWith("Q"))) return "quarter";
  return null;
}

/** The period of a calendar that holds a month (1–12). */
export function periodOfMonth(calendar: Calendar, month: number): Period | null {
  return periodsOf(calendar).find((p) => p.from <= month && month <= p.to) ?? null;
}
