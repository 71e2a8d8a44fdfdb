/**
 * @file Periods as reports and staff write them, read to the workbook's entry keys, and the keys written back
 * the same way for messages: "Tháng 1/2025", "T01/2025", "1/2025" → "2025-T01"; "Quý I/2025", "Q1/2025" →
 * "2025-Q1"; "6 tháng đầu năm 2025", "6 tháng 2025" → "2025-H1"; "6 tháng cuối năm 2025" → "2025-H2";
 * "9 tháng 2025" → "2025-9T"; "Năm 2025", "2025" → "2025"; the keys themselves ("2025-T01") read as they are.
 * A text read is a period of some calendar; whether a workbook has it is its table's business.
 */
import { foldText } from "./ids";
import { periodLabel } from "./period";

const YEAR = "((?:19|20)\\d\\d)";
/** " năm" may stand before the year: "Tháng 1 năm 2025". */
const OF = "(?: nam)?";
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Folded patterns (tone marks off, "/", "-" and "." as spaces) → the period key within the year. */
const PATTERNS: { re: RegExp; key: (m: RegExpExecArray) => string | null }[] = [
  // The workbook's own keys: "2025-T01", "2025-Q1", "2025-H1", "2025-9T" (also "2025-T1").
  { re: new RegExp(`^${YEAR} (t\\d{1,2}|q[1-4]|h[12]|9t)$`), key: (m) => (m[2]!.startsWith("t") ? month(m[2]!.slice(1)) : m[2]!.toUpperCase()) },
  // "Tháng 1/2025", "tháng 01/2025", "T1/2025", "T01/2025", "Tháng 1 năm 2025", "Tháng 3 2025" (a column's header).
  { re: new RegExp(`^(?:thang|t) ?(\\d{1,2})${OF} ${YEAR}$`), key: (m) => month(m[1]!) },
  // "1/2025", "01/2025".
  { re: new RegExp(`^(\\d{1,2}) ${YEAR}$`), key: (m) => month(m[1]!) },
  // "Quý I/2025", "Quý 1/2025", "Q1/2025", "Quý IV năm 2025".
  { re: new RegExp(`^(?:quy|q) ?(i|ii|iii|iv|[1-4])${OF} ${YEAR}$`), key: (m) => `Q${ROMAN[m[1]!] ?? Number(m[1])}` },
  // "6 tháng đầu năm 2025", "6 tháng 2025", "6 tháng năm 2025", "6 tháng đầu năm/2025" (as reports label it).
  { re: new RegExp(`^(?:6|sau) thang(?: dau${OF})?${OF} ${YEAR}$`), key: () => "H1" },
  { re: new RegExp(`^(?:6|sau) thang cuoi${OF}${OF} ${YEAR}$`), key: () => "H2" },
  { re: new RegExp(`^h([12]) ${YEAR}$`), key: (m) => `H${m[1]}` },
  // "9 tháng 2025", "9 tháng đầu năm 2025", "9T/2025".
  { re: new RegExp(`^(?:9|chin) thang(?: dau${OF})?${OF} ${YEAR}$`), key: () => "9T" },
  { re: new RegExp(`^9t ${YEAR}$`), key: () => "9T" },
];

function month(text: string): string | null {
  const n = Number(text);
  return n >= 1 && n <= 12 ? `T${String(n).padStart(2, "0")}` : null;
}

/** The entry key of a period as written ("Tháng 1/2025" → "2025-T01", "Năm 2025" → "2025"); null when it names none. */
export function periodKeyOfText(text: string): string | null {
  const f = foldText(text);
  const year = new RegExp(`^(?:(?:ca )?nam )?${YEAR}$`).exec(f);
  if (year) return year[1]!;
  for (const p of PATTERNS) {
    const m = p.re.exec(f);
    if (!m) continue;
    const key = p.key(m);
    // The year is the last group of every pattern but the first, whose year comes first.
    const y = p === PATTERNS[0] ? m[1]! : m[m.length - 1]!;
    return key === null ? null : `${y}-${key}`;
  }
  return null;
}

/** The kind of an entry key, for runs: "Y" a year, "T" months, "Q" quarters, "H" halves, "9" nine months; null otherwise. */
function kindOf(block: string): { kind: string; year: string } | null {
  if (/^\d{4}$/.test(block)) return { kind: "Y", year: "" };
  const m = /^(\d{4})-(T|Q|H|9)/.exec(block);
  return m ? { kind: m[2]!, year: m[1]! } : null;
}

/**
 * A table's periods as staff write them, for messages: "Năm 2025, Tháng 1/2025 … Tháng 12/2025" — a run of three
 * or more periods of one kind (and year) is said by its first and last; labels that are no keys are kept as they are.
 */
export function periodListText(blocks: string[], lang: "vi" | "en" = "vi"): string {
  const runs: string[][] = [];
  for (const b of blocks) {
    const last = runs[runs.length - 1];
    const k = kindOf(b);
    const prev = last ? kindOf(last[last.length - 1]!) : null;
    if (last && k && prev && k.kind === prev.kind && k.year === prev.year) last.push(b);
    else runs.push([b]);
  }
  return runs
    .map((run) => (run.length >= 3 ? `${periodLabel(run[0]!, lang)} … ${periodLabel(run[run.length - 1]!, lang)}` : run.map((b) => periodLabel(b, lang)).join(", ")))
    .join(", ");
}
