import { readEntry } from "./entry";
import type { Direction } from "../model/indicator";
import type { Status } from "../model/status";
import type { Target } from "../model/target";
import type { ActualReading, InvalidReason } from "./actual";
import { isCountUnit, isRankUnit, isWholeNumberUnit } from "../parse/units";

/**
 * Judges one actual against one target, the way a planning department's year-end report does.
 *
 * - **exceeded** (Vượt): strictly better than the printed target value: above "đạt 99,8" or "≥ 95,1" when higher
 *   is better, below "≤ 2" when lower is better, beyond the better end of a range, at or past a stretch aim.
 * - **met** (Đạt): the target holds. Open thresholds ("Trên 91", "< 3") and maintained levels ("duy trì dưới 3%")
 *   are met by every value that satisfies them: "more than 91" cannot be exceeded further.
 * - **near** (Gần đạt): still short, but within the tolerance (default 5 % of the target's scale: the bound's
 *   size, or 1 when the bound is 0). It remains a shortfall in every count of shortfalls.
 * - **shortfall** (Không đạt), **no_data**, **invalid** (the entry is flagged, never refused), **not_applicable**
 *   (no target, an unparsed target, a packed row judged from its parts, a change target without a baseline).
 *
 * Bands (shares of a whole, a sex-ratio range): inside is met, outside a shortfall (near within tolerance).
 * Reductions and growth compare the change from the baseline (the previous year's actual) with the required
 * change, times the number of years for a per-year target. The gap is signed so that negative means behind;
 * achievement is direction-aware (1 = exactly the target) and capped at ±10 where a ratio runs away.
 * The hot path allocates only the result: messages are made later by `explain`.
 */
export interface JudgeOptions {
  /** Fraction of the target's scale within which a shortfall is "near"; default 0.05. */
  tolerance?: number;
  /** Baseline for reductions and growth: the previous period's actual. */
  baseline?: number | null;
  /** Years between the baseline and the actual, for per-year change targets; default 1. */
  years?: number;
  /** The indicator's unit, for plausibility checks and for ambiguous readings such as "1.800". */
  unit?: string;
}

export type JudgeReason =
  | "compared"
  | "no_data"
  | "invalid_input"
  | "no_target"
  | "unparsed_target"
  | "composite"
  | "stated"
  | "baseline_missing"
  | "qualitative";

export type Warning = "percent_above_100" | "negative_count" | "fractional_count" | "rank_below_1" | "ambiguous_read" | "percent_as_index";

export interface Judgement {
  status: Status;
  /** In the target's own measure (points of the unit; for changes, of the change); negative = behind. */
  gap: number | null;
  /** Direction-aware ratio to the target: 1 = exactly the target. */
  achievement: number | null;
  /** True when the ratio was capped or is not meaningful (a target of 0). */
  capped: boolean;
  reason: JudgeReason;
  invalid: InvalidReason | null;
  /** The value judged (a % typed for an index target becomes the index). */
  actual: number | null;
  /** The target value the gap and the achievement are measured from: a bound, or the required change. */
  compared: number | null;
  /** For reductions and growth: the change achieved. */
  change: number | null;
  warning: Warning | null;
}

const MAX_RATIO = 10;
const EPS = 1e-9;

function result(status: Status, reason: JudgeReason, extra?: Partial<Judgement>): Judgement {
  return {
    status,
    gap: null,
    achievement: null,
    capped: false,
    reason,
    invalid: null,
    actual: null,
    compared: null,
    change: null,
    warning: null,
    ...extra,
  };
}

function scaleOf(v: number): number {
  const a = Math.abs(v);
  return a > EPS ? a : 1;
}

function ratio(x: number, t: number, lowerIsBetter: boolean, index: boolean): { value: number | null; capped: boolean } {
  let r: number;
  if (index) {
    if (Math.abs(t - 100) < EPS) return { value: null, capped: true };
    r = (x - 100) / (t - 100);
  } else if (lowerIsBetter) {
    if (Math.abs(t) < EPS) return { value: null, capped: true };
    if (Math.abs(x) < EPS) return { value: MAX_RATIO, capped: true };
    r = t / x;
  } else {
    if (Math.abs(t) < EPS) return { value: null, capped: true };
    r = x / t;
  }
  if (r > MAX_RATIO) return { value: MAX_RATIO, capped: true };
  if (r < -MAX_RATIO) return { value: -MAX_RATIO, capped: true };
  return { value: r, capped: false };
}

/** The scale tolerance is measured against: the bound's size, or for a growth index the growth (107,27 → 7,27). */
function scaleFor(bound: number, index: boolean): number {
  return scaleOf(index ? bound - 100 : bound);
}

/** Short of a bound by `d` (≥ 0): near within tolerance of the bound's scale, else a shortfall. */
function shortOf(d: number, bound: number, tol: number, index = false): Status {
  return d <= tol * scaleFor(bound, index) + EPS ? "near" : "shortfall";
}


function plausibility(x: number, unit: string | undefined, target: Target): Warning | null {
  if (!unit) return null;
  const u = unit.trim();
  if (u === "%" && x > 100 + EPS && (target.max ?? target.min ?? 0) <= 100 && target.kind !== "growth" && target.kind !== "reduction") {
    return "percent_above_100";
  }
  if (isRankUnit(u)) {
    if (x < 1) return "rank_below_1";
    if (!Number.isInteger(x)) return "fractional_count";
  } else if (isCountUnit(u)) {
    if (x < 0) return "negative_count";
    if (!Number.isInteger(x)) return "fractional_count";
  }
  return null;
}

/**
 * Resolves a text that reads two ways ("1.800", "1,305"). The preferred reading (vi-VN unless the table is en-US) stands when it is plausible for
 * the unit; when it is not (1.800 % would be 1800 %), the other style is not assumed silently: the entry is
 * flagged so that the user says which. For counts, a reading with a fraction of a person is impossible.
 */
export function resolveAmbiguity(reading: Extract<ActualReading, { kind: "number" }>, unit: string | undefined): { value: number; warning: Warning | null } | null {
  const amb = reading.ambiguous;
  if (!amb) return { value: reading.value, warning: null };
  const u = (unit ?? "").trim();
  if (u === "%" || reading.percent) return Math.abs(reading.value) <= 100 ? { value: reading.value, warning: null } : null;
  if (isWholeNumberUnit(u)) {
    const viWhole = Number.isInteger(amb.vi);
    const enWhole = Number.isInteger(amb.en);
    if (viWhole !== enWhole) return { value: viWhole ? amb.vi : amb.en, warning: null };
  }
  return { value: reading.value, warning: "ambiguous_read" };
}

/** Judges a cell value as the host holds it (number, text, boolean, null). */
export function judgeCell(target: Target, direction: Direction, cell: unknown, options: JudgeOptions = {}): Judgement {
  return judge(target, direction, readEntry(cell, options.unit ?? ""), options);
}

export function judge(target: Target, direction: Direction, reading: ActualReading, options: JudgeOptions = {}): Judgement {
  const kind = target.kind;
  if (reading.kind === "invalid") return result("invalid", "invalid_input", { invalid: reading.reason });
  if (kind === "none") return result(reading.kind === "no_data" ? "no_data" : "not_applicable", "no_target");
  if (kind === "unparsed") return result("not_applicable", "unparsed_target");
  if (kind === "composite") return result("not_applicable", "composite");
  if (reading.kind === "no_data") return result("no_data", "no_data");
  if (kind === "qualitative") {
    if (reading.kind !== "qualitative") return result("invalid", "invalid_input", { invalid: "qualitative_expected" });
    return result(reading.achieved ? "met" : "shortfall", "qualitative");
  }
  if (reading.kind === "qualitative") return result("invalid", "invalid_input", { invalid: "number_expected" });

  // "100% xã" for an indicator counted in communes: a count cannot be compared without the total.
  if (target.unit === "%" && target.shareOf && options.unit && options.unit.trim() !== "%" && !reading.percent) {
    return result("invalid", "invalid_input", { invalid: "percent_expected", actual: reading.value });
  }
  const resolved = resolveAmbiguity(reading, options.unit);
  if (!resolved) return result("invalid", "invalid_input", { invalid: "ambiguous", actual: reading.value });
  let x = resolved.value;
  let warning: Warning | null = resolved.warning;
  if (target.index && reading.percent) {
    x = 100 + x; // "7,1%" typed against a growth index: index 107,1
    warning = "percent_as_index";
  }
  warning ??= plausibility(x, options.unit, target);
  const tol = options.tolerance ?? 0.05;
  const lower = direction === "lower";

  if (kind === "reduction" || kind === "growth") {
    const b = options.baseline;
    if (b === null || b === undefined || !Number.isFinite(b)) return result("not_applicable", "baseline_missing", { actual: x, warning });
    const required = (target.min ?? 0) * (target.perYear ? options.years ?? 1 : 1);
    let change: number;
    if (target.change === "percent") {
      if (Math.abs(b) < EPS) return result("not_applicable", "baseline_missing", { actual: x, warning });
      change = kind === "reduction" ? ((b - x) / b) * 100 : ((x - b) / b) * 100;
    } else {
      change = kind === "reduction" ? b - x : x - b;
    }
    const gap = change - required;
    const r = ratio(change, required, false, false);
    const status: Status = gap > EPS ? "exceeded" : gap >= -EPS ? "met" : shortOf(-gap, required, tol);
    return result(status, "compared", { gap, achievement: r.value, capped: r.capped, actual: x, compared: required, change, warning });
  }

  if (kind === "stretch") {
    const base = target.min ?? 0;
    const aim = target.stretch ?? base;
    const gap = lower ? base - x : x - base;
    const reached = lower ? x <= aim + EPS : x >= aim - EPS;
    const status: Status = reached ? "exceeded" : gap >= -EPS ? "met" : shortOf(-gap, base, tol, target.index);
    const r = ratio(x, base, lower, target.index);
    return result(status, "compared", { gap, achievement: r.value, capped: r.capped, actual: x, compared: base, warning });
  }

  const lo = target.min;
  const hi = target.max;
  const maintain = kind === "maintain";

  if (direction === "band") {
    if (lo !== null && hi !== null && hi !== lo) {
      const d = Math.max(lo - x, x - hi, 0);
      const edge = x < lo ? lo : hi;
      const status: Status = d <= EPS ? "met" : shortOf(d, edge, tol, target.index);
      return result(status, "compared", { gap: -d, actual: x, compared: edge, warning });
    }
    // A single value is a band of ± tolerance around it; near within twice that.
    const t = lo ?? hi ?? 0;
    const dev = Math.abs(x - t);
    const width = tol * scaleFor(t, target.index);
    const status: Status = dev <= width + EPS ? "met" : dev <= 2 * width + EPS ? "near" : "shortfall";
    return result(status, "compared", { gap: status === "met" ? 0 : -dev, actual: x, compared: t, warning });
  }

  if (kind === "range" || (kind === "rank" && lo !== null && hi !== null && lo !== hi) || (maintain && lo !== null && hi !== null && lo !== hi)) {
    const a = lo!;
    const b = hi!;
    if (!lower) {
      if (x < a - EPS) return mk(shortOf(a - x, a, tol, target.index), x - a, x, a, lower, target, warning);
      if (x > b + EPS && !maintain) return mk("exceeded", x - a, x, a, lower, target, warning);
      return mk("met", x - a, x, a, lower, target, warning);
    }
    if (x > b + EPS) return mk(shortOf(x - b, b, tol, target.index), b - x, x, b, lower, target, warning);
    if (x < a - EPS && !maintain) return mk("exceeded", b - x, x, b, lower, target, warning);
    return mk("met", b - x, x, b, lower, target, warning);
  }

  // One bound: at_least, at_most, exact, rank, maintain with one level. The kind says which side the bound is
  // on; only a single value ("đạt 99,8", a rank, "duy trì 100%") takes its side from the direction.
  const side: "min" | "max" =
    kind === "at_least" ? "min" : kind === "at_most" ? "max" : maintain && hi === null ? "min" : maintain && lo === null ? "max" : lower ? "max" : "min";
  const threshold = kind === "at_least" || kind === "at_most" || maintain;
  const approxWidth = target.approx ? tol * scaleFor(lo ?? hi ?? 0, target.index) : 0;
  if (side === "min") {
    const t = lo ?? hi ?? 0;
    const inclusive = threshold ? target.minInclusive : true;
    const satisfied = inclusive ? x >= t - approxWidth - EPS : x > t + EPS;
    if (!satisfied) return mk(shortOf(t - approxWidth - x, t, tol, target.index), x - t, x, t, false, target, warning);
    const open = !inclusive || maintain;
    return mk(!open && x > t + approxWidth + EPS ? "exceeded" : "met", x - t, x, t, false, target, warning);
  }
  const t = hi ?? lo ?? 0;
  const inclusive = threshold ? target.maxInclusive : true;
  const satisfied = inclusive ? x <= t + approxWidth + EPS : x < t - EPS;
  if (!satisfied) return mk(shortOf(x - t - approxWidth, t, tol, target.index), t - x, x, t, true, target, warning);
  const open = !inclusive || maintain;
  return mk(!open && x < t - approxWidth - EPS ? "exceeded" : "met", t - x, x, t, true, target, warning);
}

function mk(status: Status, gap: number, x: number, compared: number, lower: boolean, target: Target, warning: Warning | null): Judgement {
  const r = ratio(x, compared, lower, target.index);
  return result(status, "compared", { gap, achievement: r.value, capped: r.capped, actual: x, compared, warning });
}

/** A packed row is judged from its parts: the worst part decides; no data only when no part has data. */
export function combineParts(parts: Judgement[]): Status {
  const order: Status[] = ["invalid", "shortfall", "near", "met", "exceeded"];
  const judged = parts.filter((p) => order.includes(p.status));
  if (judged.length === 0) return parts.some((p) => p.status === "no_data") ? "no_data" : "not_applicable";
  if (parts.some((p) => p.status === "no_data") && judged.every((p) => p.status === "met" || p.status === "exceeded")) return "no_data";
  let worst = judged[0]!.status;
  for (const p of judged) if (order.indexOf(p.status) < order.indexOf(worst)) worst = p.status;
  return worst;
}
