import { z } from "zod";

/**
 * The kinds of target that appear in the appendix tables of provincial plans.
 * - at_least / at_most: one bound ("≥ 95,1", "Trên 91", "< 3", "≤2", "không quá 5").
 * - exact: a single value to reach ("đạt 99,8", "32"); whether more is better comes from the direction.
 * - range: two bounds ("35 đến 40", "7,0 - 7,5%", "78-80%").
 * - maintain: keep a level ("duy trì dưới 3%"); the bounds say which level.
 * - reduction / growth: a change against a baseline ("giảm 0,15%", "Mức giảm hạ hằng năm 1,62%",
 *   "tăng 10%", "có thêm 05 xã"); min is the required size of the change, `change` says in what.
 * - stretch: a base target and a stretch target ("9,77; phấn đấu 14,43"): min is the base, stretch the higher aim.
 * - qualitative: a yes/no target ("Đạt", "Giữ vững ổn định chính trị").
 * - rank: a position in a national ranking (unit "Thứ hạng"): a lower number is better.
 * - composite: a packed sentence with several measurable parts, judged from its parts.
 * - none: the document gives no target for this cell.
 * - unparsed: a phrase the grammar does not know; kept verbatim and reported, never guessed.
 */
export const TargetKind = z.enum([
  "at_least",
  "at_most",
  "exact",
  "range",
  "maintain",
  "reduction",
  "growth",
  "stretch",
  "qualitative",
  "rank",
  "composite",
  "none",
  "unparsed",
]);
export type TargetKind = z.infer<typeof TargetKind>;

/** How a reduction or growth is measured: points of the indicator's own unit, percent of the baseline, or units counted. */
export const ChangeMeasure = z.enum(["points", "percent", "units"]);
export type ChangeMeasure = z.infer<typeof ChangeMeasure>;

export const Target = z.object({
  /** The text as printed (markup removed, white space folded). */
  text: z.string(),
  kind: TargetKind,
  min: z.number().nullable(),
  max: z.number().nullable(),
  minInclusive: z.boolean(),
  maxInclusive: z.boolean(),
  /** Unit written inside the phrase ("%", "tỷ đồng", "xã", "USD"), if any. */
  unit: z.string().nullable(),
  /** "khoảng X": about X, judged with tolerance. */
  approx: z.boolean(),
  /** The stretch aim of a "X; phấn đấu Y" target. */
  stretch: z.number().nullable(),
  /** For reduction and growth: what the change is counted in. */
  change: ChangeMeasure.nullable(),
  /** For reduction and growth: "hằng năm", "/năm" mean per year. */
  perYear: z.boolean(),
  /** "9/9 huyện": the count is out of this total. "100% xã": a share of all units. */
  outOf: z.number().nullable(),
  /** "100% xã", "4,2% diện tích tự nhiên": the whole that a percentage is a share of. */
  shareOf: z.string().nullable(),
  /** A growth index where 100 means no change (the GRDP scenario tables: 107,27 = +7,27 %). */
  index: z.boolean(),
  /** Expected word for qualitative targets ("Đạt"). */
  expected: z.string().nullable(),
  /** What the parser noticed: typos read through, markup removed, ambiguity. */
  notes: z.array(z.string()),
});
export type Target = z.infer<typeof Target>;

export function emptyTarget(text: string, kind: TargetKind): Target {
  return {
    text,
    kind,
    min: null,
    max: null,
    minInclusive: true,
    maxInclusive: true,
    unit: null,
    approx: false,
    stretch: null,
    change: null,
    perYear: false,
    outOf: null,
    shareOf: null,
    index: false,
    expected: null,
    notes: [],
  };
}
