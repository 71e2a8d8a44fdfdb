import type { Direction } from "../model/indicator";
import type { Target } from "../model/target";
import { ACHIEVED_WORDS, NO_DATA_WORDS, NOT_ACHIEVED_WORDS } from "../evaluate/actual";
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
  /** Helpers written by the sheet builder from the typed target. */
  kind: string;
  min: string;
  max: string;
  minInclusive: string;
  maxInclusive: string;
  stretch: string;
  approx: string;
  change: string;
  baseline: string;
  years: string;
  index: string;
  share: string;
  /** Helpers computed by formulas. */
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
}

/** The helper values of a target, as the sheet builder writes them. */
export interface TargetHelpers {
  kind: string;
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

const COUNT_UNIT = /^(hộ|người|xã|huyện|tỉnh|doanh nghiệp|lao động|cơ sở|trường|dự án|khu|cụm|hợp tác xã|học sinh|giường|bác sĩ)|thứ hạng|xếp hạng/i;

export function isCountUnit(unit: string): boolean {
  return COUNT_UNIT.test(unit.trim());
}

export function directionCode(d: Direction): string {
  return d;
}

const EPS = "1E-9";

function list(words: readonly string[]): string {
  return `{${words.map((w) => `"${w.replace(/"/g, '""')}"`).join(",")}}`;
}

/** The entry with "%" and spaces taken off. */
function bare(a: string): string {
  return `TRIM(SUBSTITUTE(TRIM(${a}),"%",""))`;
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

/** The text reads as en-US: "107.27", "1,462.8"; or a count typed "1,800" (1,8 households cannot be). */
function enUs(t: string, row: RowRefs): string {
  const dots = count(t, ".");
  const commas = count(t, ",");
  const commaThousands = `AND(${row.countUnit},${commas}=1,${dots}=0,LEN(${t})-${pos(t, ",")}=3,${pos(t, ",")}<=4,LEFT(${t},1)<>"0")`;
  return `OR(AND(${commas}=0,${dots}=1,LEN(${t})-${pos(t, ".")}<>3),AND(${commas}>0,${dots}>0,${pos(t, ".")}>${pos(t, ",")}),${commaThousands})`;
}

function numberOfText(t: string, row: RowRefs): string {
  return `IF(${enUs(t, row)},NUMBERVALUE(${t},".",","),NUMBERVALUE(${t},",","."))`;
}

/** "1.800" typed for a percentage reads 1800 the vi-VN way: implausible, so the user must say which. */
function ambiguousPercent(a: string, t: string, row: RowRefs): string {
  const one = (sep: string, other: string) =>
    `AND(${count(t, sep)}=1,${count(t, other)}=0,LEN(${t})-${pos(t, sep)}=3,${pos(t, sep)}<=4,LEFT(${t},1)<>"0")`;
  return `AND(OR(${row.percentUnit},RIGHT(TRIM(${a}),1)="%"),OR(${one(".", ",")},${one(",", ".")}),ABS(NUMBERVALUE(${t},",","."))>100)`;
}

/** How the entry reads: "none", "num", "pct" (a percentage), "yes", "no", "amb" (ambiguous), "bad". */
export function readingFormula(r: number, b: BlockRefs, row: RowRefs): string {
  const a = `${b.actual}${r}`;
  const rr = rowAt(row, r);
  const low = `LOWER(TRIM(${a}))`;
  const t = bare(a);
  return (
    `IF(ISBLANK(${a}),"none",IF(ISNUMBER(${a}),IF(${percentFormatted(a)},"pct","num"),IF(ISERROR(${a}),"bad",` +
    `IF(TRIM(${a})="","none",IF(OR(${low}=${list(NO_DATA_WORDS)}),"none",IF(OR(${low}=${list(ACHIEVED_WORDS)}),"yes",` +
    `IF(OR(${low}=${list(NOT_ACHIEVED_WORDS)}),"no",IF(LEFT(TRIM(${a}),1)="#","bad",` +
    `IF(ISNUMBER(${numberOfText(t, rr)}),IF(${ambiguousPercent(a, t, rr)},"amb",IF(RIGHT(TRIM(${a}),1)="%","pct","num")),"bad")))))))))`
  );
}

/** The number the entry stands for; a percentage typed against a growth index becomes the index (7,5% → 107,5). */
export function valueFormula(r: number, b: BlockRefs, row: RowRefs): string {
  const a = `${b.actual}${r}`;
  const rd = `${b.reading}${r}`;
  const rr = rowAt(row, r);
  const num = `IF(ISNUMBER(${a}),${a}*IF(${percentFormatted(a)},100,1),${numberOfText(bare(a), rr)})`;
  return `IF(OR(${rd}="num",${rd}="pct",${rd}="amb"),IF(AND(${b.index}${r},${rd}="pct"),100+${num},${num}),"")`;
}

function rowAt(row: RowRefs, r: number): RowRefs {
  return {
    direction: `${row.direction}${r}`,
    tolerance: `${row.tolerance}${r}`,
    percentUnit: `${row.percentUnit}${r}`,
    countUnit: `${row.countUnit}${r}`,
  };
}

/** The status code (exceeded, met, near, shortfall, no_data, invalid, not_applicable) as `judge` gives it. */
export function statusCodeFormula(r: number, b: BlockRefs, row: RowRefs): string {
  const c = (col: string) => `${col}${r}`;
  const K = c(b.kind);
  const LO = c(b.min);
  const HI = c(b.max);
  const LI = c(b.minInclusive);
  const HINC = c(b.maxInclusive);
  const S = c(b.stretch);
  const APX = c(b.approx);
  const CH = c(b.change);
  const B = c(b.baseline);
  const Y = c(b.years);
  const IDX = c(b.index);
  const SH = c(b.share);
  const RD = c(b.reading);
  const x = c(b.value);
  const D = `${row.direction}${r}`;
  const TOL = `${row.tolerance}${r}`;

  const sc = (v: string) => `IF(${IDX},IF(ABS((${v})-100)>${EPS},ABS((${v})-100),1),IF(ABS(${v})>${EPS},ABS(${v}),1))`;
  const short = (d: string, bound: string) => `IF((${d})<=${TOL}*${sc(bound)}+${EPS},"near","shortfall")`;
  const M = `(${K}="maintain")`;

  const change = `IF(${CH}="percent",IF(${K}="reduction",(${B}-${x})/${B},(${x}-${B})/${B})*100,IF(${K}="reduction",${B}-${x},${x}-${B}))`;
  const req = `(${LO}*${Y})`;
  const gap = `(${change}-${req})`;
  const changeStatus = `IF(${B}="","not_applicable",IF(AND(${CH}="percent",ABS(N(${B}))<${EPS}),"not_applicable",IF(${gap}>${EPS},"exceeded",IF(${gap}>=-${EPS},"met",${short(`-${gap}`, req)}))))`;

  const aim = `IF(${S}="",${LO},${S})`;
  const stretch = `IF(${D}="lower",IF(${x}<=${aim}+${EPS},"exceeded",IF(${LO}-${x}>=-${EPS},"met",${short(`${x}-${LO}`, LO)})),IF(${x}>=${aim}-${EPS},"exceeded",IF(${x}-${LO}>=-${EPS},"met",${short(`${LO}-${x}`, LO)})))`;

  const single = `IF(${LO}<>"",${LO},IF(${HI}<>"",${HI},0))`;
  const singleMax = `IF(${HI}<>"",${HI},IF(${LO}<>"",${LO},0))`;
  const out = `MAX(${LO}-${x},${x}-${HI},0)`;
  const w = `(${TOL}*${sc(single)})`;
  const band = `IF(AND(${LO}<>"",${HI}<>"",${HI}<>${LO}),IF(${out}<=${EPS},"met",${short(out, `IF(${x}<${LO},${LO},${HI})`)}),IF(ABS(${x}-${single})<=${w}+${EPS},"met",IF(ABS(${x}-${single})<=2*${w}+${EPS},"near","shortfall")))`;

  const range = `IF(${D}="lower",IF(${x}>${HI}+${EPS},${short(`${x}-${HI}`, HI)},IF(AND(${x}<${LO}-${EPS},NOT(${M})),"exceeded","met")),IF(${x}<${LO}-${EPS},${short(`${LO}-${x}`, LO)},IF(AND(${x}>${HI}+${EPS},NOT(${M})),"exceeded","met")))`;
  const isRange = `OR(${K}="range",AND(OR(${K}="rank",${M}),${LO}<>"",${HI}<>"",${LO}<>${HI}))`;

  const threshold = `OR(${K}="at_least",${K}="at_most",${M})`;
  const minSide = `OR(${K}="at_least",AND(${K}<>"at_most",OR(AND(${M},${HI}=""),AND(NOT(AND(${M},${LO}="")),${D}<>"lower"))))`;
  const aw = `IF(${APX},${TOL}*${sc(single)},0)`;
  const incMin = `IF(${threshold},${LI},TRUE)`;
  const incMax = `IF(${threshold},${HINC},TRUE)`;
  const atLeast = `IF(NOT(IF(${incMin},${x}>=${single}-${aw}-${EPS},${x}>${single}+${EPS})),${short(`${single}-${aw}-${x}`, single)},IF(AND(NOT(OR(NOT(${incMin}),${M})),${x}>${single}+${aw}+${EPS}),"exceeded","met"))`;
  const atMost = `IF(NOT(IF(${incMax},${x}<=${singleMax}+${aw}+${EPS},${x}<${singleMax}-${EPS})),${short(`${x}-${singleMax}-${aw}`, singleMax)},IF(AND(NOT(OR(NOT(${incMax}),${M})),${x}<${singleMax}-${aw}-${EPS}),"exceeded","met"))`;
  const oneBound = `IF(${minSide},${atLeast},${atMost})`;

  const numeric = `IF(OR(${K}="reduction",${K}="growth"),${changeStatus},IF(${K}="stretch",${stretch},IF(${D}="band",${band},IF(${isRange},${range},${oneBound}))))`;
  const isNumber = `OR(${RD}="num",${RD}="pct",${RD}="amb")`;
  return (
    `IF(${RD}="bad","invalid",IF(${K}="none",IF(${RD}="none","no_data","not_applicable"),IF(OR(${K}="unparsed",${K}="composite"),"not_applicable",` +
    `IF(${RD}="none","no_data",IF(${K}="qualitative",IF(${RD}="yes","met",IF(${RD}="no","shortfall","invalid")),` +
    `IF(NOT(${isNumber}),"invalid",IF(AND(${SH},${RD}<>"pct"),"invalid",IF(${RD}="amb","invalid",${numeric}))))))))`
  );
}

/** The status as a person reads it, in colour or not: "✓ Đạt". */
export function statusLabelFormula(codeCell: string, lang: "vi" | "en" = "vi"): string {
  const order: Status[] = ["exceeded", "met", "near", "shortfall", "no_data", "invalid"];
  const last = STATUS_VOCABULARY.not_applicable;
  let f = `"${last.symbol} ${lang === "vi" ? last.vi : last.en}"`;
  for (const s of [...order].reverse()) {
    const v = STATUS_VOCABULARY[s];
    f = `IF(${codeCell}="${s}","${v.symbol} ${lang === "vi" ? v.vi : v.en}",${f})`;
  }
  return f;
}

function cellsOf(b: BlockRefs, r: number) {
  const c = (col: string) => `${col}${r}`;
  return { K: c(b.kind), LO: c(b.min), HI: c(b.max), CH: c(b.change), B: c(b.baseline), Y: c(b.years), IDX: c(b.index), x: c(b.value), code: c(b.code) };
}

/** The gap in the target's own measure, negative when behind; empty when the status is not a comparison. */
export function gapFormula(r: number, b: BlockRefs, row: RowRefs): string {
  const { K, LO, HI, CH, B, Y, IDX, x, code } = cellsOf(b, r);
  const D = `${row.direction}${r}`;
  const TOL = `${row.tolerance}${r}`;
  const sc = (v: string) => `IF(${IDX},IF(ABS((${v})-100)>${EPS},ABS((${v})-100),1),IF(ABS(${v})>${EPS},ABS(${v}),1))`;
  const M = `(${K}="maintain")`;
  const single = `IF(${LO}<>"",${LO},IF(${HI}<>"",${HI},0))`;
  const singleMax = `IF(${HI}<>"",${HI},IF(${LO}<>"",${LO},0))`;
  const change = `IF(${CH}="percent",IF(${K}="reduction",(${B}-${x})/${B},(${x}-${B})/${B})*100,IF(${K}="reduction",${B}-${x},${x}-${B}))`;
  const dev = `ABS(${x}-${single})`;
  const band = `IF(AND(${LO}<>"",${HI}<>"",${HI}<>${LO}),-MAX(${LO}-${x},${x}-${HI},0),IF(${dev}<=${TOL}*${sc(single)}+${EPS},0,-${dev}))`;
  const isRange = `OR(${K}="range",AND(OR(${K}="rank",${M}),${LO}<>"",${HI}<>"",${LO}<>${HI}))`;
  const minSide = `OR(${K}="at_least",AND(${K}<>"at_most",OR(AND(${M},${HI}=""),AND(NOT(AND(${M},${LO}="")),${D}<>"lower"))))`;
  const value =
    `IF(OR(${K}="reduction",${K}="growth"),${change}-${LO}*${Y},IF(${K}="stretch",IF(${D}="lower",${LO}-${x},${x}-${LO}),` +
    `IF(${D}="band",${band},IF(${isRange},IF(${D}="lower",${HI}-${x},${x}-${LO}),IF(${minSide},${x}-${single},${singleMax}-${x})))))`;
  return `IF(AND(${K}<>"qualitative",${K}<>"composite",OR(${code}="exceeded",${code}="met",${code}="near",${code}="shortfall")),${value},"")`;
}

/** Achievement: actual ÷ target (target ÷ actual when lower is better; growth over growth for an index), capped at ±10. */
export function achievementFormula(r: number, b: BlockRefs, row: RowRefs): string {
  const { K, LO, HI, CH, B, Y, IDX, x, code } = cellsOf(b, r);
  const D = `${row.direction}${r}`;
  const M = `(${K}="maintain")`;
  const single = `IF(${LO}<>"",${LO},IF(${HI}<>"",${HI},0))`;
  const singleMax = `IF(${HI}<>"",${HI},IF(${LO}<>"",${LO},0))`;
  const cap = (e: string) => `MAX(-10,MIN(10,${e}))`;
  const ratio = (t: string, lower: string) =>
    `IF(${IDX},IF(ABS((${t})-100)<${EPS},"",${cap(`(${x}-100)/((${t})-100)`)}),IF(ABS(${t})<${EPS},"",IF(${lower},IF(ABS(${x})<${EPS},10,${cap(`(${t})/${x}`)}),${cap(`${x}/(${t})`)})))`;
  const change = `IF(${CH}="percent",IF(${K}="reduction",(${B}-${x})/${B},(${x}-${B})/${B})*100,IF(${K}="reduction",${B}-${x},${x}-${B}))`;
  const req = `(${LO}*${Y})`;
  const isRange = `OR(${K}="range",AND(OR(${K}="rank",${M}),${LO}<>"",${HI}<>"",${LO}<>${HI}))`;
  const minSide = `OR(${K}="at_least",AND(${K}<>"at_most",OR(AND(${M},${HI}=""),AND(NOT(AND(${M},${LO}="")),${D}<>"lower"))))`;
  const value =
    `IF(OR(${K}="reduction",${K}="growth"),IF(ABS(${req})<${EPS},"",${cap(`(${change})/${req}`)}),IF(${K}="stretch",${ratio(LO, `${D}="lower"`)},` +
    `IF(${D}="band","",IF(${isRange},IF(${D}="lower",${ratio(HI, "TRUE")},${ratio(LO, "FALSE")}),IF(${minSide},${ratio(single, "FALSE")},${ratio(singleMax, "TRUE")})))))`;
  return `IF(AND(${K}<>"qualitative",${K}<>"composite",OR(${code}="exceeded",${code}="met",${code}="near",${code}="shortfall")),${value},"")`;
}

/** A packed row takes the worst status of its parts (combineParts): the rows below it, `first` to `last`. */
export function combinedCodeFormula(codeColumn: string, first: number, last: number): string {
  const range = `${codeColumn}${first}:${codeColumn}${last}`;
  const order = ["invalid", "shortfall", "near", "no_data", "met", "exceeded"];
  let f = `"not_applicable"`;
  for (const s of [...order].reverse()) f = `IF(COUNTIF(${range},"${s}")>0,"${s}",${f})`;
  return f;
}
