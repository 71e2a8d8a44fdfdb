import fc from "fast-check";
import { judge, judgeCell } from "../../src/evaluate/judge";
import { readActual } from "../../src/evaluate/actual";
import { formatNumber } from "../../src/parse/number";
import { emptyTarget, type Direction, type Status, type Target, type TargetKind } from "../../src/model";

const RANK: Record<string, number> = { shortfall: 0, near: 1, met: 2, exceeded: 3 };

function target(kind: TargetKind, a: number, b: number, inclusive: boolean, stretch: number): Target {
  const t = emptyTarget("", kind);
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  switch (kind) {
    case "at_least":
      return { ...t, min: lo, minInclusive: inclusive };
    case "at_most":
      return { ...t, max: lo, maxInclusive: inclusive };
    case "exact":
    case "rank":
      return { ...t, min: lo, max: lo };
    case "range":
      return { ...t, min: lo, max: hi };
    case "stretch":
      return { ...t, min: lo, stretch: lo + Math.abs(stretch) };
    case "maintain":
      return inclusive ? { ...t, min: lo } : { ...t, max: lo, maxInclusive: false };
    default:
      return t;
  }
}

/** The direction that a kind of target implies; exact and range targets may go either way. */
function directionFor(t: Target, choice: boolean): Direction {
  if (t.kind === "at_least" || t.kind === "stretch" || (t.kind === "maintain" && t.min !== null)) return "higher";
  if (t.kind === "at_most" || t.kind === "rank" || (t.kind === "maintain" && t.max !== null)) return "lower";
  return choice ? "higher" : "lower";
}

const kinds = fc.constantFrom<TargetKind>("at_least", "at_most", "exact", "range", "stretch", "maintain", "rank");
const value = fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true });

describe("properties of judging", () => {
  test("improving an actual never worsens its status", () => {
    fc.assert(
      fc.property(kinds, value, value, fc.boolean(), value, fc.boolean(), value, value, (kind, a, b, inc, s, choice, x1, x2) => {
        const t = target(kind, a, b, inc, s);
        const d = directionFor(t, choice);
        const [worse, better] = (d === "higher") === x1 <= x2 ? [x1, x2] : [x2, x1];
        const sw = judge(t, d, { kind: "number", value: worse, percent: false, ambiguous: null }).status;
        const sb = judge(t, d, { kind: "number", value: better, percent: false, ambiguous: null }).status;
        expect(RANK[sb]!).toBeGreaterThanOrEqual(RANK[sw]!);
      }),
      { numRuns: 5000 },
    );
  });

  test("for a band, coming closer to it never worsens the status", () => {
    fc.assert(
      fc.property(value, value, value, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, x, f) => {
        const t = target("range", a, b, true, 0);
        const centre = ((t.min ?? 0) + (t.max ?? 0)) / 2;
        const closer = x + (centre - x) * f;
        const far = judge(t, "band", { kind: "number", value: x, percent: false, ambiguous: null }).status;
        const near = judge(t, "band", { kind: "number", value: closer, percent: false, ambiguous: null }).status;
        expect(RANK[near]!).toBeGreaterThanOrEqual(RANK[far]!);
      }),
      { numRuns: 3000 },
    );
  });

  test("mirroring the direction (and the numbers) mirrors the verdict", () => {
    const mirror = (t: Target): Target => {
      const neg = (v: number | null) => (v === null ? null : -v);
      if (t.kind === "at_least") return { ...t, kind: "at_most", min: null, max: neg(t.min), maxInclusive: t.minInclusive };
      if (t.kind === "at_most") return { ...t, kind: "at_least", max: null, min: neg(t.max), minInclusive: t.maxInclusive };
      if (t.kind === "maintain") return { ...t, min: neg(t.max), max: neg(t.min), minInclusive: t.maxInclusive, maxInclusive: t.minInclusive };
      if (t.kind === "stretch") return { ...t, min: neg(t.min), stretch: neg(t.stretch) };
      return { ...t, min: neg(t.max), max: neg(t.min) };
    };
    fc.assert(
      fc.property(kinds, value, value, fc.boolean(), value, fc.boolean(), value, (kind, a, b, inc, s, choice, x) => {
        const t = target(kind, a, b, inc, s);
        const d = directionFor(t, choice);
        const m = mirror(t);
        const md: Direction = d === "higher" ? "lower" : "higher";
        const original = judge(t, d, { kind: "number", value: x, percent: false, ambiguous: null }).status;
        const mirrored = judge(m, md, { kind: "number", value: -x, percent: false, ambiguous: null }).status;
        expect(mirrored).toBe(original);
      }),
      { numRuns: 5000 },
    );
  });

  test("reading an actual never throws, whatever the cell holds", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 30 }),
          fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withBoxedValues: true, withTypedArray: true }),
        ),
        (cell) => {
        const r = readActual(cell);
        expect(["number", "qualitative", "no_data", "invalid"]).toContain(r.kind);
        if (r.kind === "number") expect(Number.isFinite(r.value)).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  test("an actual typed as Vietnamese text is judged as the same number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 1, max: 10000 }), fc.boolean(), (cents, targetCents, higher) => {
        const x = cents / 100;
        const t: Target = { ...emptyTarget("", "exact"), min: targetCents / 100, max: targetCents / 100 };
        const d: Direction = higher ? "higher" : "lower";
        const asNumber: Status = judgeCell(t, d, x, { unit: "%" }).status;
        const asText: Status = judgeCell(t, d, formatNumber(x, 2, "vi"), { unit: "%" }).status;
        expect(asText).toBe(asNumber);
      }),
      { numRuns: 3000 },
    );
  });
});
