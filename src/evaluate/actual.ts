import { parseNumber, type NumberStyle } from "../parse/number";
import { foldText } from "../model/ids";

/**
 * An actual as staff really enter it: a number in a numeric cell, or text — "95,1", "95,1%", "1.800",
 * " 76 ", "Đạt", "Chưa đạt", "x", "#DIV/0!", "61-62", "Xuất siêu". The reading is a number, a qualitative
 * value, "no data", or invalid with a reason code; it never throws and never turns bad text into 0.
 * Readings carry codes, not sentences: `explain` makes the sentences when someone reads them.
 */
export type ActualReading =
  | { kind: "number"; value: number; percent: boolean; ambiguous: { vi: number; en: number } | null }
  | { kind: "qualitative"; achieved: boolean }
  | { kind: "no_data" }
  | { kind: "invalid"; reason: InvalidReason; ambiguous?: { vi: number; en: number } };

export type InvalidReason =
  | "not_a_number"
  | "excel_error"
  | "range_not_value"
  | "ambiguous"
  | "qualitative_expected"
  | "number_expected"
  | "percent_expected";

/**
 * The words staff type, as written (lower case) and folded (no tone marks). The workbook's formulas compare
 * against the same lists (sheets/formulas.ts), so a sheet opened without the add-in reads entries the same way.
 */
export const NO_DATA_WORDS = ["x", "-", "–", "—", "…", "...", "n/a", "na", "chưa có", "chua co", "chưa có số liệu", "chua co so lieu", "không có số liệu", "khong co so lieu", "k/c", "?"] as const;
export const ACHIEVED_WORDS = ["đạt", "dat", "hoàn thành", "hoan thanh", "có", "co", "đạt chuẩn", "dat chuan", "đã đạt", "da dat", "yes", "met", "achieved"] as const;
export const NOT_ACHIEVED_WORDS = [
  "không đạt", "khong dat", "chưa đạt", "chua dat", "chưa hoàn thành", "chua hoan thanh", "không hoàn thành", "khong hoan thanh",
  "không", "khong", "chưa đạt chuẩn", "chua dat chuan", "no", "not met",
] as const;
const NO_DATA = new Set<string>(["", ...NO_DATA_WORDS.map((w) => foldText(w) || w)]);
const ACHIEVED = new Set<string>(ACHIEVED_WORDS.map((w) => foldText(w)));
const NOT_ACHIEVED = new Set<string>(NOT_ACHIEVED_WORDS.map((w) => foldText(w)));
const RANGE_TEXT = /^\s*[-−]?\d[\d.,]*\s*%?\s*(?:-|–|—|đến)\s*\d[\d.,]*\s*%?\s*$/;

const NUMBER_READING = { kind: "number" as const, value: 0, percent: false, ambiguous: null };

/** Reads one cell. `value` is what the host holds: a number, a string, a boolean, null, or an Excel error text. */
export function readActual(value: unknown, style: NumberStyle = "vi"): ActualReading {
  if (typeof value === "number") {
    return Number.isFinite(value) ? { ...NUMBER_READING, value } : { kind: "invalid", reason: "not_a_number" };
  }
  if (value === null || value === undefined) return { kind: "no_data" };
  if (typeof value === "boolean") return { kind: "qualitative", achieved: value };
  if (typeof value !== "string") {
    // Boxed numbers and strings are unwrapped; anything else (a Date, an object, a symbol) is not an actual.
    if (value instanceof Number) return readActual(value.valueOf(), style);
    if (value instanceof String) return readActual(value.valueOf(), style);
    if (typeof value === "bigint") return readActual(Number(value), style);
    return { kind: "invalid", reason: "not_a_number" };
  }
  const text = value;
  const c0 = text.charCodeAt(0);
  // Fast path: text that starts with a digit or a sign is read as a number first.
  if ((c0 >= 48 && c0 <= 57) || c0 === 45 || c0 === 43 || c0 === 0x2212) {
    const n = parseNumber(text, style);
    if (n.ok) return { kind: "number", value: n.value, percent: n.percent, ambiguous: n.ambiguous };
    if (RANGE_TEXT.test(text)) return { kind: "invalid", reason: "range_not_value" };
  }
  const trimmed = text.trim();
  if (trimmed.startsWith("#")) return { kind: "invalid", reason: "excel_error" };
  const folded = foldText(trimmed);
  if (NO_DATA.has(folded) || NO_DATA.has(trimmed)) return { kind: "no_data" };
  if (ACHIEVED.has(folded)) return { kind: "qualitative", achieved: true };
  if (NOT_ACHIEVED.has(folded)) return { kind: "qualitative", achieved: false };
  const n = parseNumber(trimmed, style);
  if (n.ok) return { kind: "number", value: n.value, percent: n.percent, ambiguous: n.ambiguous };
  if (RANGE_TEXT.test(trimmed)) return { kind: "invalid", reason: "range_not_value" };
  return { kind: "invalid", reason: "not_a_number" };
}
