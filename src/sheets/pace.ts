import { periodsOf, type Calendar, type Period } from "../model/period";
import { ACCUMULATION_LABELS } from "../evaluate/accumulation";
import { PACE_VOCABULARY, type PaceStatus } from "../evaluate/pace";
import { statusLabelFormula } from "./formulas";

/**
 * The in-year columns of an indicator sheet (evaluate/pace.ts as formulas): one input cell per period of the
 * reporting calendar for the reporting year, the figure to date (the sum of the periods for a flow, the latest for
 * a level, as the row's "Cộng dồn" cell says), the year-end estimate, and the pace — the estimate judged against
 * the year's target by the same status formulas as every other block, then said as Đúng / Chậm tiến độ.
 */
export interface PaceBlock {
  /** The reporting year the periods belong to. */
  year: string;
  calendar: Calendar;
  periods: Period[];
}

/**
 * The year a sheet's periods are for: the year of "Số liệu đến" when the sheet plans it, else the latest year it
 * plans before that (a 2025 plan followed in early 2026); none for a calendar of whole years, or a sheet whose
 * years all lie ahead (a 2030 target) or that names no year.
 */
export function paceBlockOf(yearKeys: string[], calendar: Calendar | undefined, asOf: string): PaceBlock | null {
  if (!calendar || calendar === "year") return null;
  const asOfYear = /((?:19|20)\d\d)\s*$/.exec(asOf)?.[1];
  const years = yearKeys.filter((k) => /^\d{4}$/.test(k)).sort();
  if (!asOfYear || years.length === 0) return null;
  const year = years.includes(asOfYear) ? asOfYear : years.filter((y) => y < asOfYear).pop();
  if (!year) return null;
  return { year, calendar, periods: periodsOf(calendar) };
}

/** The reporting year of sheets that have period columns ("actual:2025-T01" → "2025"); null without any. */
export function periodYearOf(sheets: { columns: { key: string }[] }[]): string | null {
  for (const s of sheets) for (const c of s.columns) {
    const m = /^actual:(\d{4})-/.exec(c.key);
    if (m) return m[1]!;
  }
  return null;
}

/** The entry keys of a pace block's period cells: "2025-T01" … */
export function periodEntryKeys(block: PaceBlock | null): string[] {
  return block ? block.periods.map((p) => `${block.year}-${p.key}`) : [];
}

export const ACCUMULATION_CHOICES = [ACCUMULATION_LABELS.flow.vi, ACCUMULATION_LABELS.level.vi];

export interface PaceRefs {
  /** The row's "Cộng dồn" cell column. */
  accumulate: string;
  /** The period input columns, with the month each ends. */
  periods: { letter: string; to: number }[];
  months: string;
  toDate: string;
  estimate: string;
}

const isLevel = (r: number, p: PaceRefs) => `${p.accumulate}${r}="${ACCUMULATION_LABELS.level.vi}"`;

function range(r: number, p: PaceRefs): string {
  return `${p.periods[0]!.letter}${r}:${p.periods[p.periods.length - 1]!.letter}${r}`;
}

/** TRUE when a period cell holds something other than a number (a space is nothing). */
export function badPeriodFormula(r: number, p: PaceRefs): string {
  return `SUMPRODUCT(--(LEN(TRIM(${range(r, p)}))>0))>COUNT(${range(r, p)})`;
}

/** The month the latest period with a number ends (0: none). */
export function monthsFormula(r: number, p: PaceRefs): string {
  let f = "0";
  for (const x of p.periods) f = `IF(ISNUMBER(${x.letter}${r}),${x.to},${f})`;
  return f;
}

function latest(r: number, p: PaceRefs): string {
  let f = `""`;
  for (const x of p.periods) f = `IF(ISNUMBER(${x.letter}${r}),${x.letter}${r},${f})`;
  return f;
}

/** The figure to date: the periods' sum ("Lũy kế") or the latest ("Mới nhất"); empty with none or a bad cell. */
export function toDateFormula(r: number, p: PaceRefs): string {
  return `IF(OR(${p.months}${r}=0,${badPeriodFormula(r, p)}),"",IF(${isLevel(r, p)},${latest(r, p)},SUM(${range(r, p)})))`;
}

/** The year-end estimate: a flow at the pace of the months covered, a level as it stands. */
export function estimateFormula(r: number, p: PaceRefs): string {
  return `IF(${p.toDate}${r}="","",IF(${isLevel(r, p)},${p.toDate}${r},${p.toDate}${r}*12/${p.months}${r}))`;
}

/** What the status formulas judge: the estimate (or the figure to date against a quarterly scenario); "#" flags a bad cell. */
export function judgedFormula(r: number, p: PaceRefs, scenario: boolean): string {
  return `IF(${badPeriodFormula(r, p)},"#",${scenario ? p.toDate : p.estimate}${r})`;
}

/** The quarter's figure of a quarterly scenario, chosen by the months covered: CHOOSE over the four quarters. */
export function quarterChoiceFormula(r: number, p: PaceRefs, values: (number | null)[]): string {
  return `CHOOSE(MAX(1,INT((${p.months}${r}+2)/3)),${values.map((v) => (v === null ? `""` : String(v))).join(",")})`;
}

const PACE_LABEL = (s: PaceStatus) => `${PACE_VOCABULARY[s].symbol} ${PACE_VOCABULARY[s].vi}`;

/** The pace as a person reads it: "✓ Đúng tiến độ" for met or exceeded, "✗ Chậm tiến độ" for near or short. */
export function paceLabelFormula(codeCell: string): string {
  return `IF(OR(${codeCell}="exceeded",${codeCell}="met"),"${PACE_LABEL("on_track")}",IF(OR(${codeCell}="near",${codeCell}="shortfall"),"${PACE_LABEL("behind")}",${statusLabelFormula(codeCell)}))`;
}
