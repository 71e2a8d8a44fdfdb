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
