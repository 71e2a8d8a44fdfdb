/**
 * @file The year-end report's per-row formulas over an appendix sheet's hidden helpers: "So với kế hoạch" as
 * reports write it, and why a row is "Không đánh giá". Cell references are whole ('Sheet'!X7).
 */
import type { TargetHelpers } from "./formulas";

/** One judged block's helper cells on one row of an appendix sheet, as whole references. */
export interface BlockCells {
  code: string;
  value: string;
  min: string;
  max: string;
  baseline: string;
  years: string;
  direction: string;
}

const EPS = "1E-9";
const JUDGED = (code: string) => `OR(${code}="exceeded",${code}="met",${code}="near",${code}="shortfall")`;
const NO_FIGURE = new Set(["none", "unparsed", "composite", "qualitative"]);

/**
 * "So với kế hoạch": thực hiện ÷ kế hoạch, as reports print it whatever the direction — 2,5 against "< 3" is
 * 83,3%, and the verdict beside it says "Đạt" (the sheets' "% thực hiện" turns a lower-is-better ratio over; a
 * report does not). A change target compares the change achieved with the change planned ("giảm 0,15%" achieved
 * 0,18 → 120%), an index its growth over 100. Empty for a row not judged, a band between two figures, or a
 * target of no figure.
 */
export function versusFormula(c: BlockCells, h: TargetHelpers): string {
  if (NO_FIGURE.has(h.kind)) return `""`;
  const x = c.value;
  const ratio = (t: string) => (h.index ? `IF(ABS((${t})-100)<${EPS},"",(${x}-100)/((${t})-100))` : `IF(ABS(${t})<${EPS},"",${x}/(${t}))`);
  let value: string;
  if (h.kind === "reduction" || h.kind === "growth") {
    const B = c.baseline;
    const down = h.kind === "reduction";
    const change = h.change === "percent" ? (down ? `(${B}-${x})/${B}*100` : `(${x}-${B})/${B}*100`) : down ? `(${B}-${x})` : `(${x}-${B})`;
    value = `IF(ABS(${c.min}*${c.years})<${EPS},"",${change}/(${c.min}*${c.years}))`;
  } else {
    const single = h.min !== null ? c.min : h.max !== null ? c.max : "0";
    const singleMax = h.max !== null ? c.max : h.min !== null ? c.min : "0";
    const side = h.kind === "at_least" ? "min" : h.kind === "at_most" ? "max" : "direction";
    const ranked = side === "min" ? ratio(single) : side === "max" ? ratio(singleMax) : `IF(${c.direction}="lower",${ratio(singleMax)},${ratio(single)})`;
    // A band of one figure ("đạt 32%", kept near it) compares with that figure; a band between two, with nothing.
    value = h.min !== null && h.max !== null && h.min !== h.max ? `IF(${c.direction}="band","",${ranked})` : ranked;
  }
  return `IF(${JUDGED(c.code)},IFERROR(MAX(-10,MIN(10,${value})),""),"")`;
}

/**
 * Why a row is "Không đánh giá", as a report says it: what is missing. By the kind of target (a refresh rewrites
 * the row when the plan changes it), and for a change target whether last year's figure is there.
 */
export function reasonFormula(c: BlockCells, kind: string): string {
  if (kind === "reduction" || kind === "growth") return `IF(${c.baseline}="","thiếu số liệu năm trước","số liệu năm trước bằng 0")`;
  if (kind === "none") return `"kế hoạch không ghi mức để so sánh"`;
  if (kind === "unparsed") return `"chưa đọc được mức kế hoạch"`;
  if (kind === "composite") return `"thành phần chưa đánh giá được"`;
  return `"không so sánh được với kế hoạch"`;
}

/** The longest reason a row of this kind can show, to size its row. */
export function longestReason(kind: string): string {
  if (kind === "reduction" || kind === "growth") return "thiếu số liệu năm trước";
  if (kind === "none") return "kế hoạch không ghi mức để so sánh";
  if (kind === "unparsed") return "chưa đọc được mức kế hoạch";
  if (kind === "composite") return "thành phần chưa đánh giá được";
  return "";
}
