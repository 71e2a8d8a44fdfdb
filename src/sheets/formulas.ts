import type { Target } from "../model/target";
import { dataSheet, type DefinedName, type SheetSpec } from "./plan";
import { ACHIEVED_WORDS, NO_DATA_WORDS, NOT_ACHIEVED_WORDS } from "../evaluate/actual";
import { ENTRY_WORDS } from "../evaluate/entry";
import { REPORT_VERDICT } from "./verdicts";
import { TASK_LISTS } from "./taskFormulas";
import { STATUS_VOCABULARY } from "../evaluate/vocabulary";
import type { Status } from "../model/status";

/**
 * The evaluation rules of `evaluate/judge.ts`, written as Excel formulas, so that a workbook opened without the
 * add-in — in Excel, Excel on the web or LibreOffice, pasted into or printed — still shows the right status.
 * The typed target of each row sits in helper cells (kind, bounds, inclusiveness, tolerance …); one formula
 * per row reads the entry, one judges it. A differential test recalculates generated cases in LibreOffice and
 * compares every status with the engine's.
 *
 * Formulas are in Excel's own (en-US) syntax, as Office.js takes them; the xlsx host adds the `_xlfn.` prefix
 * that the file format requires for functions newer than Excel 2007 (NUMBERVALUE).
 * Functions used are in Excel 2013+ and LibreOffice 7: no LET, no dynamic arrays.
 */

/** Where one judged block's cells are, on one row: column letters. */
export interface BlockRefs {
  /** The entry typed by staff. */
  actual: string;
  /** The target's live values (an analyst may correct a bound; the status follows). */
  min: string;
  max: string;
  stretch: string;
  baseline: string;
  years: string;
  /** Computed helpers: the entry without words of estimate and the unit, its bare text, its number, how it
   * reads, the value judged, the status code. */
  words: string;
  text: string;
  number: string;
  reading: string;
  value: string;
  code: string;
}

/** Row-wide helpers shared by every block of the row. */
export interface RowRefs {
  direction: string;
  tolerance: string;
  /** TRUE when the indicator's unit is "%". */
  percentUnit: string;
  /** TRUE when the unit counts whole things (households, people, communes) or is a rank. */
  countUnit: string;
  /** The visible unit column ("Đơn vị"), whose text an entry may repeat ("6.120 tỷ đồng"); none on scenario sheets. */
  unit?: string | null;
}

/**
 * The static facts of a target. The formulas are specialised by them (a row's kind of target changes only when
 * the plan is revised, and a refresh rewrites the row), which keeps each formula a few hundred characters.
 */
export interface TargetHelpers {
  kind: Target["kind"];
  min: number | null;
  max: number | null;
  minInclusive: boolean;
  maxInclusive: boolean;
  stretch: number | null;
  approx: boolean;
  change: string;
  years: number;
  index: boolean;
  share: boolean;
}

export function targetHelpers(target: Target, indicatorUnit: string, years = 1): TargetHelpers {
  return {
    kind: target.kind,
    min: target.min,
    max: target.max,
    minInclusive: target.minInclusive,
    maxInclusive: target.maxInclusive,
    stretch: target.stretch,
    approx: target.approx,
    change: target.change ?? "",
    years: target.perYear ? years : 1,
    index: target.index,
    share: target.unit === "%" && target.shareOf !== null && indicatorUnit.trim() !== "%",
  };
}

/** The row helper "count unit": whole things or a rank, exactly as the engine's ambiguity rule reads them. */
export { isWholeNumberUnit as isCountUnit } from "../parse/units";

/** The status codes in one order, with the label a sheet shows for each and the word a year-end report uses. */
const CODES: readonly Status[] = ["exceeded", "met", "near", "shortfall", "no_data", "invalid", "not_applicable"];

/**
 * The word lists of evaluate/actual.ts, on a hidden sheet behind these names, and the status lists the label
 * formulas look up (one short INDEX/MATCH per cell instead of a chain of seven IFs: a load of 1,000 indicators
 * stays within one Excel request).
 */
export const WORD_LISTS = {
  IM_KHONG_SO_LIEU: NO_DATA_WORDS,
  IM_DAT: ACHIEVED_WORDS,
  IM_KHONG_DAT: NOT_ACHIEVED_WORDS,
  IM_MA: CODES,
  IM_NHAN: CODES.map((c) => `${STATUS_VOCABULARY[c].symbol} ${STATUS_VOCABULARY[c].vi}`),
  IM_DANH_GIA: CODES.map((c) => REPORT_VERDICT[c].vi),
  ...TASK_LISTS,
} as const;
export const WORD_LIST_SHEET = "_IM";

const EPS = "1E-9";

function inList(name: keyof typeof WORD_LISTS, x: string): string {
  // SUMPRODUCT of a comparison: case-insensitive (so no LOWER is needed) and, unlike MATCH or COUNTIF, free of
  // wildcards.
  return `SUMPRODUCT(--(${name}=${x}))>0`;
}

/** "P…" in CELL("format") marks a percentage-formatted number: Excel stores 95,1% as 0,951. */
function percentFormatted(a: string): string {
  return `LEFT(CELL("format",${a}),1)="P"`;
}

function count(t: string, ch: string): string {
  return `(LEN(${t})-LEN(SUBSTITUTE(${t},"${ch}","")))`;
}

function pos(t: string, ch: string): string {
  return `IFERROR(FIND("${ch}",${t}),0)`;
}

/**
 * The entry in lower case without the words of estimate and the row's unit (evaluate/entry.ts, `entryCore`):
 * "ước đạt 7,1%" → "7,1%", "6.120 tỷ đồng" → "6.120". The unit is taken out first, so a unit that holds one of
 * the words keeps it.
 */
export function wordsFormula(r: number, b: BlockRefs, row: RowRefs): string {
  const a = `${b.actual}${r}`;
  let x = `LOWER(TRIM(${a}))`;
  if (row.unit) {
    const u = `TRIM(${row.unit}${r})`;
    // SUBSTITUTE of an empty text is not relied on: with no unit, a word that goes next anyway.
    x = `SUBSTITUTE(${x},IF(LEN(${u})>0,LOWER(${u}),"${ENTRY_WORDS[0]}"),"")`;
  }
  for (const w of ENTRY_WORDS) x = `SUBSTITUTE(${x},"${w}","")`;
  // A number reads as its own text here; the text helper looks at this only for a text entry.
  return `TRIM(${x})`;
}

/**
 * The entry's text without "%" and spaces; empty for a number or a blank. Words of estimate and the unit are
 * left out when what remains stood together in the entry (the "words" helper); otherwise the entry as typed.
 */
export function textFormula(r: number, b: BlockRefs): string {
  const a = `${b.actual}${r}`;
  const w = `${b.words}${r}`;
  // FIND of an empty text is 1: an entry of words only reads as its empty rest, which is no number either.
  return `IF(ISTEXT(${a}),TRIM(SUBSTITUTE(IF(ISNUMBER(FIND(${w},LOWER(TRIM(${a})))),${w},TRIM(${a})),"%","")),"")`;
}

/** The entry's number: a numeric cell (in points when formatted as a percentage), or text read vi-VN / en-US. */
export function numberFormula(r: number, b: BlockRefs, row: RowRefs): string {
  const a = `${b.actual}${r}`;
  const t = `${b.text}${r}`;
  const dots = count(t, ".");
  const commas = count(t, ",");
  // en-US: "107.27", "1,462.8"; or a count typed "1,800" (1,8 households cannot be).
  const thousands = `AND(${row.countUnit}${r},${commas}=1,${dots}=0,LEN(${t})-${pos(t, ",")}=3,${pos(t, ",")}<=4,LEFT(${t},1)<>"0",RIGHT(${t},3)<>"000")`;
  const en = `OR(AND(${commas}=0,${dots}=1,LEN(${t})-${pos(t, ".")}<>3),AND(${commas}>0,${dots}>0,${pos(t, ".")}>${pos(t, ",")}),${thousands})`;
  return `IF(ISNUMBER(${a}),${a}*IF(${percentFormatted(a)},100,1),IF(${t}="","",IFERROR(IF(${en},NUMBERVALUE(${t},".",","),NUMBERVALUE(${t},",",".")),"")))`;
}

/** How the entry reads: "none", "num", "pct" (a percentage), "yes", "no", "amb" (ambiguous), "bad". */
export function readingFormula(r: number, b: BlockRefs, row: RowRefs): string {
  const a = `${b.actual}${r}`;
  const t = `${b.text}${r}`;
  const n = `${b.number}${r}`;
  const low = `TRIM(${a})`;
  // "1.800" typed for a percentage reads 1800 the vi-VN way: implausible, so the user must say which. The text
  // has one separator, "." or ",", with three digits after it and at most three before.
  const at = `IFERROR(FIND(".",SUBSTITUTE(${t},",",".")),0)`;
  const amb = `AND(OR(${row.percentUnit}${r},RIGHT(TRIM(${a}),1)="%"),LEN(${t})-LEN(SUBSTITUTE(SUBSTITUTE(${t},",",""),".",""))=1,LEN(${t})-${at}=3,${at}<=4,LEFT(${t},1)<>"0",ABS(${n})>100)`;
  return (
    `IF(ISBLANK(${a}),"none",IF(ISNUMBER(${a}),IF(${percentFormatted(a)},"pct","num"),IF(ISERROR(${a}),"bad",IF(TRIM(${a})="","none",` +
    `IF(${inList("IM_KHONG_SO_LIEU", low)},"none",IF(${inList("IM_DAT", low)},"yes",IF(${inList("IM_KHONG_DAT", low)},"no",` +
    `IF(LEFT(TRIM(${a}),1)="#","bad",IF(ISNUMBER(${n}),IF(${amb},"amb",IF(RIGHT(TRIM(${a}),1)="%","pct","num")),"bad")))))))))`
  );
}

/** The number judged; a percentage typed against a growth index becomes the index (7,5% → 107,5). */
export function valueFormula(r: number, b: BlockRefs, h: Pick<TargetHelpers, "index">): string {
  const rd = `${b.reading}${r}`;
  const n = `${b.number}${r}`;
  return `IF(OR(${rd}="num",${rd}="pct",${rd}="amb"),${h.index ? `IF(${rd}="pct",100+${n},${n})` : n},"")`;
}

interface Parts {
  LO: string;
  HI: string;
  S: string;
  B: string;
  Y: string;
  x: string;
  RD: string;
  code: string;
  D: string;
  TOL: string;
  sc: (v: string) => string;
  short: (d: string, bound: string) => string;
  single: string;
  singleMax: string;
  isRange: boolean;
  /** "min" or "max" when the kind fixes the side; an expression choosing by direction otherwise. */
  side: "min" | "max" | "direction";
}

function parts(r: number, b: BlockRefs, row: RowRefs, h: TargetHelpers): Parts {
  const c = (col: string) => `${col}${r}`;
  const LO = c(b.min);
  const HI = c(b.max);
  const TOL = c(row.tolerance);
  const sc = (v: string) => (h.index ? `IF(ABS((${v})-100)>${EPS},ABS((${v})-100),1)` : `IF(ABS(${v})>${EPS},ABS(${v}),1)`);
  const maintain = h.kind === "maintain";
  const both = h.min !== null && h.max !== null && h.min !== h.max;
  return {
    LO,
    HI,
    S: c(b.stretch),
    B: c(b.baseline),
    Y: c(b.years),
    x: c(b.value),
    RD: c(b.reading),
    code: c(b.code),
    D: c(row.direction),
    TOL,
    sc,
    short: (d, bound) => `IF((${d})<=${TOL}*${sc(bound)}+${EPS},"near","shortfall")`,
    single: h.min !== null ? LO : h.max !== null ? HI : "0",
    singleMax: h.max !== null ? HI : h.min !== null ? LO : "0",
    isRange: h.kind === "range" || ((h.kind === "rank" || maintain) && both),
    side:
      h.kind === "at_least" ? "min" : h.kind === "at_most" ? "max" : maintain && h.max === null ? "min" : maintain && h.min === null ? "max" : "direction",
  };
}

/** The status code (exceeded, met, near, shortfall, no_data, invalid, not_applicable) as `judge` gives it. */
export function statusCodeFormula(r: number, b: BlockRefs, row: RowRefs, h: TargetHelpers): string {
  const p = parts(r, b, row, h);
  const { LO, HI, x, RD, D, TOL, sc, short, single, singleMax } = p;
  if (h.kind === "none") return `IF(${RD}="bad","invalid",IF(${RD}="none","no_data","not_applicable"))`;
  if (h.kind === "unparsed" || h.kind === "composite") return `IF(${RD}="bad","invalid","not_applicable")`;
  if (h.kind === "qualitative") return `IF(${RD}="bad","invalid",IF(${RD}="none","no_data",IF(${RD}="yes","met",IF(${RD}="no","shortfall","invalid"))))`;

  let numeric: string;
  if (h.kind === "reduction" || h.kind === "growth") {
    const { B, Y } = p;
    const down = h.kind === "reduction";
    const change = h.change === "percent" ? (down ? `(${B}-${x})/${B}*100` : `(${x}-${B})/${B}*100`) : down ? `(${B}-${x})` : `(${x}-${B})`;
    const gap = `(${change}-${LO}*${Y})`;
    const judged = `IF(${gap}>${EPS},"exceeded",IF(${gap}>=-${EPS},"met",${short(`-${gap}`, `${LO}*${Y}`)}))`;
    numeric = h.change === "percent" ? `IF(${B}="","not_applicable",IF(ABS(N(${B}))<${EPS},"not_applicable",${judged}))` : `IF(${B}="","not_applicable",${judged})`;
  } else if (h.kind === "stretch") {
    const aim = h.stretch !== null ? p.S : LO;
    numeric =
      `IF(${D}="lower",IF(${x}<=${aim}+${EPS},"exceeded",IF(${LO}-${x}>=-${EPS},"met",${short(`${x}-${LO}`, LO)})),` +
      `IF(${x}>=${aim}-${EPS},"exceeded",IF(${x}-${LO}>=-${EPS},"met",${short(`${LO}-${x}`, LO)})))`;
  } else {
    const out = `MAX(${LO}-${x},${x}-${HI},0)`;
    const w = `(${TOL}*${sc(single)})`;
    const dev = `ABS(${x}-${single})`;
    const band =
      h.min !== null && h.max !== null && h.min !== h.max
        ? `IF(${out}<=${EPS},"met",${short(out, `IF(${x}<${LO},${LO},${HI})`)})`
        : `IF(${dev}<=${w}+${EPS},"met",IF(${dev}<=2*${w}+${EPS},"near","shortfall"))`;
    const maintain = h.kind === "maintain";
    let ranked: string;
    if (p.isRange) {
      const beyondHi = maintain ? `"met"` : `IF(${x}>${HI}+${EPS},"exceeded","met")`;
      const beyondLo = maintain ? `"met"` : `IF(${x}<${LO}-${EPS},"exceeded","met")`;
      ranked = `IF(${D}="lower",IF(${x}>${HI}+${EPS},${short(`${x}-${HI}`, HI)},${beyondLo}),IF(${x}<${LO}-${EPS},${short(`${LO}-${x}`, LO)},${beyondHi}))`;
    } else {
      const threshold = h.kind === "at_least" || h.kind === "at_most" || maintain;
      const aw = h.approx ? `${TOL}*${sc(single)}` : "0";
      const incMin = threshold ? h.minInclusive : true;
      const incMax = threshold ? h.maxInclusive : true;
      const openMin = !incMin || maintain;
      const openMax = !incMax || maintain;
      const atLeast =
        `IF(NOT(${incMin ? `${x}>=${single}-${aw}-${EPS}` : `${x}>${single}+${EPS}`}),${short(`${single}-${aw}-${x}`, single)},` +
        (openMin ? `"met")` : `IF(${x}>${single}+${aw}+${EPS},"exceeded","met"))`);
      const atMost =
        `IF(NOT(${incMax ? `${x}<=${singleMax}+${aw}+${EPS}` : `${x}<${singleMax}-${EPS}`}),${short(`${x}-${singleMax}-${aw}`, singleMax)},` +
        (openMax ? `"met")` : `IF(${x}<${singleMax}-${aw}-${EPS},"exceeded","met"))`);
      ranked = p.side === "min" ? atLeast : p.side === "max" ? atMost : `IF(${D}="lower",${atMost},${atLeast})`;
    }
    numeric = `IF(${D}="band",${band},${ranked})`;
  }
  const guard = h.share ? `IF(${RD}<>"pct","invalid",IF(${RD}="amb","invalid",${numeric}))` : `IF(${RD}="amb","invalid",${numeric})`;
  return `IF(${RD}="bad","invalid",IF(${RD}="none","no_data",IF(AND(${RD}<>"num",${RD}<>"pct",${RD}<>"amb"),"invalid",${guard})))`;
}

const JUDGED_CODES = (code: string) => `OR(${code}="exceeded",${code}="met",${code}="near",${code}="shortfall")`;

/** The gap in the target's own measure, negative when behind; empty when the status is not a comparison. */
export function gapFormula(r: number, b: BlockRefs, row: RowRefs, h: TargetHelpers): string {
  const p = parts(r, b, row, h);
  const { LO, HI, x, D, TOL, sc, single, singleMax, code } = p;
  let value: string;
  if (h.kind === "none" || h.kind === "unparsed" || h.kind === "composite" || h.kind === "qualitative") return `""`;
  if (h.kind === "reduction" || h.kind === "growth") {
    const down = h.kind === "reduction";
    const change = h.change === "percent" ? (down ? `(${p.B}-${x})/${p.B}*100` : `(${x}-${p.B})/${p.B}*100`) : down ? `(${p.B}-${x})` : `(${x}-${p.B})`;
    value = `${change}-${LO}*${p.Y}`;
  } else if (h.kind === "stretch") value = `IF(${D}="lower",${LO}-${x},${x}-${LO})`;
  else {
    const band =
      h.min !== null && h.max !== null && h.min !== h.max
        ? `-MAX(${LO}-${x},${x}-${HI},0)`
        : `IF(ABS(${x}-${single})<=${TOL}*${sc(single)}+${EPS},0,-ABS(${x}-${single}))`;
    const ranked = p.isRange
      ? `IF(${D}="lower",${HI}-${x},${x}-${LO})`
      : p.side === "min"
        ? `${x}-${single}`
        : p.side === "max"
          ? `${singleMax}-${x}`
          : `IF(${D}="lower",${singleMax}-${x},${x}-${single})`;
    value = `IF(${D}="band",${band},${ranked})`;
  }
  return `IF(${JUDGED_CODES(code)},${value},"")`;
}

/** Achievement: actual ÷ target (target ÷ actual when lower is better; growth over growth for an index), capped at ±10. */
export function achievementFormula(r: number, b: BlockRefs, row: RowRefs, h: TargetHelpers): string {
  const p = parts(r, b, row, h);
  const { LO, HI, x, D, single, singleMax, code } = p;
  if (h.kind === "none" || h.kind === "unparsed" || h.kind === "composite" || h.kind === "qualitative") return `""`;
  const cap = (e: string) => `MAX(-10,MIN(10,${e}))`;
  const ratio = (t: string, lower: boolean) =>
    h.index
      ? `IF(ABS((${t})-100)<${EPS},"",${cap(`(${x}-100)/((${t})-100)`)})`
      : lower
        ? `IF(ABS(${t})<${EPS},"",IF(ABS(${x})<${EPS},10,${cap(`(${t})/${x}`)}))`
        : `IF(ABS(${t})<${EPS},"",${cap(`${x}/(${t})`)})`;
  let value: string;
  if (h.kind === "reduction" || h.kind === "growth") {
    const down = h.kind === "reduction";
    const change = h.change === "percent" ? (down ? `(${p.B}-${x})/${p.B}*100` : `(${x}-${p.B})/${p.B}*100`) : down ? `(${p.B}-${x})` : `(${x}-${p.B})`;
    value = `IF(ABS(${LO}*${p.Y})<${EPS},"",${cap(`${change}/(${LO}*${p.Y})`)})`;
  } else if (h.kind === "stretch") value = `IF(${D}="lower",${ratio(LO, true)},${ratio(LO, false)})`;
  else {
    const ranked = p.isRange
      ? `IF(${D}="lower",${ratio(HI, true)},${ratio(LO, false)})`
      : p.side === "min"
        ? ratio(single, false)
        : p.side === "max"
          ? ratio(singleMax, true)
          : `IF(${D}="lower",${ratio(singleMax, true)},${ratio(single, false)})`;
    value = `IF(${D}="band","",${ranked})`;
  }
  return `IF(${JUDGED_CODES(code)},${value},"")`;
}

/** A packed row takes the worst status of its parts (combineParts): the rows below it, `first` to `last`. */
export function combinedCodeFormula(codeColumn: string, first: number, last: number): string {
  const range = `${codeColumn}${first}:${codeColumn}${last}`;
  const order = ["invalid", "shortfall", "near", "no_data", "met", "exceeded"];
  let f = `"not_applicable"`;
  for (const s of [...order].reverse()) f = `IF(COUNTIF(${range},"${s}")>0,"${s}",${f})`;
  return f;
}

/** The status as a person reads it, in colour or not: "✓ Đạt". */
export function statusLabelFormula(codeCell: string): string {
  const last = STATUS_VOCABULARY.not_applicable;
  return `IFERROR(INDEX(IM_NHAN,MATCH(${codeCell},IM_MA,0)),"${last.symbol} ${last.vi}")`;
}

/** The year-end report's word for a status code: Vượt, Đạt, Không đạt (near or short), … */
export function reportWordFormula(codeCell: string): string {
  return `IFERROR(INDEX(IM_DANH_GIA,MATCH(${codeCell},IM_MA,0)),"${REPORT_VERDICT.not_applicable.vi}")`;
}

/** The hidden sheet of word lists and the names the reading formulas use. */
export function wordListSheet(): { sheet: SheetSpec; names: DefinedName[] } {
  const lists = Object.entries(WORD_LISTS);
  const height = Math.max(...lists.map(([, words]) => words.length));
  const rows = Array.from({ length: height }, (_, r) => lists.map(([, words]) => ({ value: words[r] ?? null })));
  const letters = lists.map((_, k) => String.fromCharCode(65 + k));
  return {
    sheet: dataSheet(
      WORD_LIST_SHEET,
      lists.map(([name]) => ({ key: name, header: name, width: 20 })),
      rows,
    ),
    names: lists.map(([name, words], k) => ({ name, sheet: WORD_LIST_SHEET, range: `$${letters[k]}$1:$${letters[k]}$${words.length}` })),
  };
}
