import type { Direction, Indicator } from "../model/indicator";
import type { Target } from "../model/target";

/**
 * Will the target be reached at this pace? The UN ESCAP SDG progress assessment compares the observed rate of
 * change since the first year with the rate needed to reach the target in the target year:
 * ratio = observed / required. ≥ 1 on track; 0,5–1 needs acceleration; 0–0,5 limited progress; < 0 moving the
 * wrong way. Compound annual rates when every value is positive, linear rates otherwise. Under two yearly
 * points there is too little data; a target already reached in the latest year is "achieved".
 */
export type TrendVerdict = "achieved" | "on_track" | "needs_acceleration" | "limited_progress" | "deteriorating" | "too_little_data" | "not_applicable";

export interface Trend {
  verdict: TrendVerdict;
  method: "compound" | "linear" | null;
  ratio: number | null;
  /** Value projected for the target year at the observed pace. */
  projected: number | null;
  targetValue: number | null;
  targetYear: number | null;
  points: number;
}

export const TREND_LABELS: Readonly<Record<TrendVerdict, { vi: string; en: string }>> = {
  achieved: { vi: "Đã đạt mục tiêu", en: "Target already reached" },
  on_track: { vi: "Đúng tiến độ", en: "On track" },
  needs_acceleration: { vi: "Cần đẩy nhanh", en: "Needs acceleration" },
  limited_progress: { vi: "Tiến bộ chậm", en: "Limited progress" },
  deteriorating: { vi: "Đi ngược mục tiêu", en: "Deteriorating" },
  too_little_data: { vi: "Chưa đủ số liệu (cần ít nhất 2 năm)", en: "Too little data (two years at least)" },
  not_applicable: { vi: "Không đánh giá xu hướng", en: "No trend assessment" },
};

/** The level a trend must reach: the bound of the target on the side that matters. */
export function trendTargetValue(target: Target, direction: Direction): number | null {
  switch (target.kind) {
    case "exact":
    case "rank":
    case "maintain":
    case "at_least":
    case "at_most":
    case "range":
      return direction === "lower" ? (target.max ?? target.min) : (target.min ?? target.max);
    case "stretch":
      return target.min;
    default:
      return null;
  }
}

const YEAR = /^(19|20)\d\d$/;

export function assessTrend(history: Record<string, number>, targetValue: number | null, targetYear: number | null, direction: Direction): Trend {
  const points = Object.entries(history)
    .filter(([k, v]) => YEAR.test(k) && Number.isFinite(v))
    .map(([k, v]) => [Number(k), v] as const)
    .sort((a, b) => a[0] - b[0]);
  const base: Trend = { verdict: "not_applicable", method: null, ratio: null, projected: null, targetValue, targetYear, points: points.length };
  if (targetValue === null || targetYear === null) return base;
  if (points.length < 2) return { ...base, verdict: "too_little_data" };
  const [t0, x0] = points[0]!;
  const [t, xt] = points[points.length - 1]!;
  const reached = direction === "lower" ? xt <= targetValue : direction === "higher" ? xt >= targetValue : Math.abs(xt - targetValue) <= 0.05 * Math.abs(targetValue || 1);
  const compound = points.every(([, v]) => v > 0) && targetValue > 0;
  const observed = compound ? Math.pow(xt / x0, 1 / (t - t0)) - 1 : (xt - x0) / (t - t0);
  const yearsLeft = Math.max(targetYear - t, 0);
  const projected = compound ? xt * Math.pow(1 + observed, yearsLeft) : xt + observed * yearsLeft;
  if (reached) return { ...base, verdict: "achieved", method: compound ? "compound" : "linear", projected, ratio: null };
  const span = targetYear - t0;
  if (span <= 0) return { ...base, verdict: "deteriorating", method: compound ? "compound" : "linear", projected };
  const required = compound ? Math.pow(targetValue / x0, 1 / span) - 1 : (targetValue - x0) / span;
  if (Math.abs(required) < 1e-12) return { ...base, verdict: observed === 0 ? "on_track" : "deteriorating", method: compound ? "compound" : "linear", projected };
  const ratio = observed / required;
  const verdict: TrendVerdict = ratio >= 1 ? "on_track" : ratio >= 0.5 ? "needs_acceleration" : ratio >= 0 ? "limited_progress" : "deteriorating";
  return { verdict, method: compound ? "compound" : "linear", ratio, projected, targetValue, targetYear, points: points.length };
}

/** The trend of a catalog indicator: its history against its whole-period target, in the last planned year. */
export function indicatorTrend(indicator: Indicator): Trend {
  const years = Object.keys(indicator.yearly).filter((y) => YEAR.test(y)).map(Number);
  const targetYear = years.length > 0 ? Math.max(...years) : null;
  return assessTrend(indicator.history, trendTargetValue(indicator.target, indicator.direction), targetYear, indicator.direction);
}
