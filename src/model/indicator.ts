import { z } from "zod";
import { Target } from "./target";

/** Which way is better: a higher value, a lower value, or staying inside a band. */
export const Direction = z.enum(["higher", "lower", "band"]);
export type Direction = z.infer<typeof Direction>;

/** Where a direction came from, strongest first: a user override, the target's comparator, the kind, the unit, the name, the default. */
export const DirectionSource = z.enum(["override", "comparator", "kind", "unit", "name", "default"]);
export type DirectionSource = z.infer<typeof DirectionSource>;

export const DirectionVerdict = z.object({
  direction: Direction,
  source: DirectionSource,
  /** Vietnamese and English reason, e.g. "tên chỉ tiêu: hộ nghèo (thấp hơn là tốt hơn)". */
  reason: z.object({ vi: z.string(), en: z.string() }),
});
export type DirectionVerdict = z.infer<typeof DirectionVerdict>;

export const Indicator = z.object({
  /** Stable id: plan + appendix + code + name, deterministic across re-imports. */
  id: z.string(),
  plan: z.string(),
  appendix: z.string(),
  /** Row number as printed ("1", "18", "a)", "-"); empty for sub-rows without one. */
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  agency: z.string(),
  /** 0 for a row, 1 for a sub-row ("Trong đó", "Tốc độ tăng", a part of a packed sentence). */
  level: z.number().int().min(0),
  parentId: z.string().nullable(),
  /** The section row the indicator stands under ("I. Một số chỉ tiêu kinh tế vĩ mô"), if any. */
  section: z.string().nullable(),
  target: Target,
  direction: Direction,
  directionSource: DirectionSource,
  directionReason: z.object({ vi: z.string(), en: z.string() }),
  /** Yearly plan values: year → target. */
  yearly: z.record(z.string(), Target),
  /** Period plan values (quarters, 6 or 9 months, whole year) for growth scenarios: label → target. */
  periods: z.record(z.string(), Target),
  /** Historical actuals: year (or period such as "2016-2020") → number. */
  history: z.record(z.string(), z.number()),
  /** Historical cells that are not a number, kept verbatim ("Mức giảm hạ hằng năm 1,62%"). */
  historyText: z.record(z.string(), z.string()),
  /** The full sentence this indicator was split from, for targets packed in one sentence. */
  statement: z.string().nullable(),
  /** 1-based line of the source document where the row starts. */
  line: z.number().int().min(0),
  notes: z.array(z.string()),
});
export type Indicator = z.infer<typeof Indicator>;
