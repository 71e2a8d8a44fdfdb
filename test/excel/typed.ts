/**
 * What Excel makes of a string written to Range.values: it is read as if typed into the cell, with en-US rules,
 * unless the cell is formatted as Text ("@").
 *
 * Sources:
 * - Excel.Range.values (@types/office-js; learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member):
 *   "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this
 *   value as a formula. Locale-shaped strings (such as the date "19-8-2025" in nl-NL …) are stored as text
 *   instead of as dates … use a locale-neutral format like ISO (YYYY-MM-DD)": values are parsed with en-US rules.
 * - "Format numbers as text" (support.microsoft.com/office/format-numbers-as-text-583160db-…): a cell formatted
 *   as Text keeps what is typed as text, numbers included; changing the format afterwards does not convert a
 *   value already stored ("Convert numbers stored as text to numbers", support.microsoft.com/office/40502f5b-…).
 * - "Enter a series of numbers, dates, or other items" / "Format numbers as percentages": "2%" is the number
 *   0,02 shown with a percent format; "TRUE" and "FALSE" are Booleans; "7/9", "7-9", "9-Jul" are dates (the
 *   1900 date system: serial 1 = 1 January 1900).
 * - Implicit intersection operator "@" (support.microsoft.com/office/…-ec54f0ff): "@" starts a formula.
 */
export type Stored = { value: string | number | boolean; formula: string | null; numberFormat?: string };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Excel's 1900 date system: 1 = 1 January 1900 (with the historical 29 February 1900). */
function serial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** The current year, for dates typed without one (the model fixes it so that tests do not depend on the clock). */
const THIS_YEAR = 2026;

function year(text: string | undefined): number {
  if (text === undefined) return THIS_YEAR;
  const y = Number(text);
  return text.length <= 2 ? (y < 30 ? 2000 + y : 1900 + y) : y;
}

function dateOf(text: string): number | null {
  let m = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(text);
  if (m) return serial(year(m[3]), Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return serial(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[- ]([A-Za-z]{3,9})(?:[- ](\d{2}|\d{4}))?$/.exec(text);
  if (m && MONTHS.includes(m[2]!.slice(0, 3).toLowerCase())) return serial(year(m[3]), MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, Number(m[1]));
  m = /^([A-Za-z]{3,9})[- ](\d{1,2})$/.exec(text);
  if (m && MONTHS.includes(m[1]!.slice(0, 3).toLowerCase())) return serial(THIS_YEAR, MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1, Number(m[2]));
  return null;
}

/** en-US numbers as typed: 1,800 · 4.960 · -4.13 · (5) · $12 · 1.5E3 · 2% (thousands commas in groups of three). */
function numberOf(text: string): { n: number; percent: boolean } | null {
  let t = text.trim();
  let sign = 1;
  if (/^\(.*\)$/.test(t)) {
    sign = -1;
    t = t.slice(1, -1).trim();
  }
  const percent = t.endsWith("%");
  if (percent) t = t.slice(0, -1).trim();
  t = t.replace(/^\$/, "");
  if (!/^\d{1,3}(,\d{3})*(\.\d*)?([eE][+-]?\d+)?$|^\d*\.?\d+([eE][+-]?\d+)?$/.test(t)) return null;
  const n = Number(t.replace(/,/g, ""));
  if (!Number.isFinite(n)) return null;
  return { n: sign * (percent ? n / 100 : n), percent };
}

/** A string written to a cell whose number format is `format`. */
export function typedInto(text: string, format: string): Stored {
  if (format === "@") return { value: text, formula: null };
  if (text === "") return { value: "", formula: null };
  if (/^[=+\-@]/.test(text)) {
    // A signed number typed as such stays a number; anything else that starts with a sign is a formula.
    const signed = /^[+-]/.test(text) ? numberOf(text.slice(1)) : null;
    if (signed) return { value: text.startsWith("-") ? -signed.n : signed.n, formula: null, ...(signed.percent ? { numberFormat: "0%" } : {}) };
    return { value: 0, formula: text.startsWith("=") ? text : `=${text}` };
  }
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true", formula: null };
  const number = numberOf(text);
  if (number) return { value: number.n, formula: null, ...(number.percent ? { numberFormat: "0%" } : {}) };
  const date = dateOf(text.trim());
  if (date !== null) return { value: date, formula: null, numberFormat: "m/d/yyyy" };
  return { value: text, formula: null };
}
