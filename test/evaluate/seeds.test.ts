import { judgeCell } from "../../src/evaluate/judge";
import { formatNumber } from "../../src/parse/number";
import type { Direction, Indicator, Status, Target } from "../../src/model";
import { seedIndicators } from "../helpers/seedCatalog";

/** The value printed in the plan that an actual is compared with, and whether reaching it exactly is met. */
function printedValue(t: Target, d: Direction): { value: number; inclusive: boolean } | null {
  switch (t.kind) {
    case "at_least":
      return { value: t.min!, inclusive: t.minInclusive };
    case "at_most":
      return { value: t.max!, inclusive: t.maxInclusive };
    case "maintain":
      return t.max !== null && t.min === null ? { value: t.max, inclusive: t.maxInclusive } : { value: t.min!, inclusive: t.minInclusive };
    case "exact":
    case "rank":
    case "range":
      return { value: d === "lower" ? t.max! : t.min!, inclusive: true };
    case "stretch":
      return { value: t.min!, inclusive: true };
    default:
      return null;
  }
}

function worse(v: number, d: Direction, t: Target): number {
  const scale = Math.abs(t.index ? v - 100 : v) || 1;
  return d === "lower" ? v + scale * 0.5 : v - scale * 0.5;
}

const targets = seedIndicators().flatMap((i: Indicator) => [
  { where: `${i.id} ${i.name}`, target: i.target, direction: i.direction, unit: i.unit },
  ...Object.entries(i.yearly).map(([y, t]) => ({ where: `${i.id} ${y}`, target: t, direction: i.direction, unit: i.unit })),
  ...Object.entries(i.periods).map(([p, t]) => ({ where: `${i.id} ${p}`, target: t, direction: i.direction, unit: i.unit })),
]);

describe("every target of the seed catalog is judged", () => {
  test("there are targets of every kind to judge", () => {
    expect(targets.length).toBeGreaterThan(300);
  });

  test.each(targets.map((x) => [x.where, x] as const))("%s", (_where, { target, direction, unit }) => {
    const opts = { unit };
    // A share of all units ("100% xã") is typed as a percentage.
    const share = target.unit === "%" && target.shareOf !== null && unit.trim() !== "%";
    const typed = (v: unknown) => (share && typeof v === "number" ? `${formatNumber(v, 4, "vi")}%` : v);
    const judged = (cell: unknown, extra = {}): Status => judgeCell(target, direction, typed(cell), { ...opts, ...extra }).status;
    switch (target.kind) {
      case "composite":
      case "none":
      case "unparsed":
        expect(judged(50)).toBe("not_applicable");
        expect(judged("abc")).toBe("invalid");
        return;
      case "qualitative":
        expect(judged("Đạt")).toBe("met");
        expect(judged("Không đạt")).toBe("shortfall");
        expect(judged(95)).toBe("invalid");
        return;
      case "reduction":
      case "growth": {
        const baseline = 50;
        const r = target.min!;
        const change = target.change === "percent" ? (baseline * r) / 100 : r;
        const reached = target.kind === "reduction" ? baseline - change : baseline + change;
        expect(judged(reached, { baseline })).toBe("met");
        expect(judged(formatNumber(reached, 4, "vi"), { baseline })).toBe("met");
        expect(judged(baseline, { baseline })).toBe("shortfall");
        expect(judged(reached)).toBe("not_applicable");
        return;
      }
      default: {
        const printed = printedValue(target, direction)!;
        expect(printed).not.toBeNull();
        const atTarget = judged(printed.value);
        if (direction === "band" || printed.inclusive) expect(atTarget).toBe("met");
        else expect(atTarget).toBe("near");
        // The same value typed as Vietnamese text is judged the same.
        expect(judged(share ? `${formatNumber(printed.value, 2, "vi")}%` : formatNumber(printed.value, 2, "vi"))).toBe(atTarget);
        // Half the target's scale the wrong way is a shortfall.
        expect(judged(worse(printed.value, direction === "band" ? "higher" : direction, target))).toBe("shortfall");
        expect(judged("")).toBe("no_data");
      }
    }
  });
});
