import type { Indicator } from "../model/indicator";
import type { Target } from "../model/target";
import { foldText } from "../model/ids";

/**
 * GRDP growth scenarios: appendix IIIa is the base scenario, IIIb the high one. Paired by sector name, each
 * period becomes a stretch target on the growth index: below the base is a shortfall ("below base"), the base
 * reached is met, the high scenario reached is exceeded.
 */
export interface ScenarioPair {
  name: string;
  base: Indicator;
  high: Indicator;
  /** Period label ("Quý I" … "Cả năm") → base-to-high stretch target. */
  periods: Record<string, Target>;
}

export const SCENARIO_LABELS = {
  shortfall: { vi: "Dưới kịch bản cơ sở", en: "Below the base scenario" },
  near: { vi: "Sát kịch bản cơ sở", en: "Just below the base scenario" },
  met: { vi: "Đạt kịch bản cơ sở", en: "Base scenario reached" },
  exceeded: { vi: "Đạt kịch bản cao", en: "High scenario reached" },
} as const;

export function scenarioTarget(base: Target, high: Target): Target {
  const b = base.min ?? base.max ?? 0;
  const h = high.min ?? high.max ?? b;
  return {
    ...base,
    text: `${base.text} – ${high.text}`,
    kind: "stretch",
    min: Math.min(b, h),
    max: null,
    stretch: Math.max(b, h),
    index: true,
  };
}

export function pairScenarios(base: Indicator[], high: Indicator[]): ScenarioPair[] {
  const byName = new Map(high.map((h) => [foldText(h.name), h]));
  const pairs: ScenarioPair[] = [];
  for (const b of base) {
    const h = byName.get(foldText(b.name));
    if (!h) continue;
    const periods: Record<string, Target> = {};
    for (const [label, t] of Object.entries(b.periods)) {
      const ht = h.periods[label];
      if (ht) periods[label] = scenarioTarget(t, ht);
    }
    pairs.push({ name: b.name, base: b, high: h, periods });
  }
  return pairs;
}

/** The cumulative figures of a scenario at the end of each quarter: Quý I, 6 tháng, 9 tháng, Cả năm. */
const QUARTER_ENDS = ["Quý I", "6 tháng", "9 tháng", "Cả năm"] as const;

/**
 * A scenario pair's quarterly targets in growth points (the index 106,95 – 107,85 for 6 months becomes "at least
 * 6,95, 7,85 reaches the high scenario"), for an indicator whose entries are growth rates ("7,2" for 7,2 %).
 * Null when a quarter is missing.
 */
export function scenarioQuarters(pair: ScenarioPair): [Target, Target, Target, Target] | null {
  const out: Target[] = [];
  for (const label of QUARTER_ENDS) {
    const t = pair.periods[label];
    if (!t || t.min === null) return null;
    const lo = Math.round((t.min - 100) * 1e6) / 1e6;
    const hi = t.stretch !== null ? Math.round((t.stretch - 100) * 1e6) / 1e6 : lo;
    out.push({ ...t, text: `${label}: ${formatGrowth(lo)} – ${formatGrowth(hi)} (kịch bản)`, min: lo, stretch: hi, index: false, unit: "%" });
  }
  return out as [Target, Target, Target, Target];
}

function formatGrowth(n: number): string {
  return n.toFixed(2).replace(".", ",");
}

const nameKey = (text: string) =>
  foldText(text)
    .replace(/\b(va|tong san pham trong tinh|tang truong|toc do)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/**
 * Indicators of the plan that the quarterly scenario speaks of: the GRDP growth indicator and its sectors, by
 * name ("nông nghiệp" is the scenario's "Nông nghiệp, lâm nghiệp và thủy sản", "công nghiệp - xây dựng" its
 * "Công nghiệp và Xây dựng"), and only where the year's target agrees with the scenario's whole-year base
 * within half a point — a like-named indicator of something else is not linked.
 */
export function linkScenarios(indicators: Indicator[], pairs: ScenarioPair[]): Map<string, [Target, Target, Target, Target]> {
  const out = new Map<string, [Target, Target, Target, Target]>();
  for (const ind of indicators) {
    const t = ind.target;
    if (t.min === null && t.max === null) continue;
    const key = nameKey(ind.name);
    if (key === "") continue;
    const pair = pairs.find((p) => nameKey(p.name) === key || nameKey(p.name.split(",")[0]!) === key);
    if (!pair) continue;
    const quarters = scenarioQuarters(pair);
    const year = quarters?.[3];
    if (!quarters || !year) continue;
    const lo = (t.min ?? t.max)! - 0.5;
    const hi = (t.max ?? t.min)! + 0.5;
    if (year.min! < lo || year.min! > hi) continue;
    out.set(ind.id, quarters);
  }
  return out;
}
