import { parseTarget } from "../../src/parse/target";
import { judgeCell, combineParts, type JudgeOptions } from "../../src/evaluate/judge";
import type { Direction, Status } from "../../src/model";

type Case = [target: string, unit: string, direction: Direction, actual: unknown, status: Status, options?: JudgeOptions];

function status(target: string, unit: string, direction: Direction, actual: unknown, options: JudgeOptions = {}): Status {
  return judgeCell(parseTarget(target, { unit }), direction, actual, { unit, ...options }).status;
}

/**
 * Every kind of target in both directions, on its boundaries: equal to an exclusive bound, equal to an
 * inclusive bound, just inside the tolerance (5 % of the bound), just outside it; actuals typed as numbers
 * and as Vietnamese text.
 */
const CASES: Case[] = [
  // at_least, inclusive: ≥ 95,1 (tolerance 4,755 points)
  ["≥ 95,1", "%", "higher", 95.1, "met"],
  ["≥ 95,1", "%", "higher", "95,1", "met"],
  ["≥ 95,1", "%", "higher", "95,1%", "met"],
  ["≥ 95,1", "%", "higher", 96, "exceeded"],
  ["≥ 95,1", "%", "higher", 90.4, "near"],
  ["≥ 95,1", "%", "higher", "90,3", "shortfall"],
  // at_least, exclusive: Trên 91 (open threshold: met, never exceeded)
  ["Trên 91", "%", "higher", 91, "near"],
  ["Trên 91", "%", "higher", "91,01", "met"],
  ["Trên 91", "%", "higher", 99, "met"],
  ["Trên 91", "%", "higher", 86.4, "shortfall"],
  // at_most, exclusive: < 3
  ["< 3", "%", "lower", 3, "near"],
  ["< 3", "%", "lower", "2,99", "met"],
  ["< 3", "%", "lower", 0.5, "met"],
  ["< 3", "%", "lower", "3,15", "near"],
  ["< 3", "%", "lower", 3.16, "shortfall"],
  // at_most, inclusive: ≤2
  ["≤2", "Số ca/1.000 trẻ đẻ sống", "lower", 2, "met"],
  ["≤2", "Số ca/1.000 trẻ đẻ sống", "lower", "1,9", "exceeded"],
  ["≤2", "Số ca/1.000 trẻ đẻ sống", "lower", "2,1", "near"],
  ["≤2", "Số ca/1.000 trẻ đẻ sống", "lower", 2.11, "shortfall"],
  // exact, higher: "đạt 99,8" is met at 99,8 and exceeded above it
  ["đạt 99,8", "%", "higher", 99.8, "met"],
  ["đạt 99,8", "%", "higher", "99,9", "exceeded"],
  ["đạt 99,8", "%", "higher", "94,81", "near"],
  ["đạt 99,8", "%", "higher", 94.7, "shortfall"],
  // exact, lower: a 2 % unemployment rate
  ["2", "%", "lower", 2, "met"],
  ["2", "%", "lower", "1,8", "exceeded"],
  ["2", "%", "lower", "2,1", "near"],
  ["2", "%", "lower", 2.4, "shortfall"],
  // exact band: 68 % of spending, ± 3,4
  ["68", "%", "band", 68, "met"],
  ["68", "%", "band", "71,4", "met"],
  ["68", "%", "band", 64.6, "met"],
  ["68", "%", "band", "74", "near"],
  ["68", "%", "band", 75, "shortfall"],
  // range, higher: 7,0 - 7,5 %
  ["7,0 - 7,5%", "%", "higher", 7, "met"],
  ["7,0 - 7,5%", "%", "higher", "7,5", "met"],
  ["7,0 - 7,5%", "%", "higher", 7.6, "exceeded"],
  ["7,0 - 7,5%", "%", "higher", "6,65", "near"],
  ["7,0 - 7,5%", "%", "higher", 6.6, "shortfall"],
  // range, lower: a ceiling band of 35 to 40 tỷ
  ["35 - 40", "tỷ đồng", "lower", 40, "met"],
  ["35 - 40", "tỷ đồng", "lower", 34, "exceeded"],
  ["35 - 40", "tỷ đồng", "lower", 42, "near"],
  ["35 - 40", "tỷ đồng", "lower", 42.1, "shortfall"],
  // range, band: inside is met, outside a shortfall
  ["105 - 107", "bé trai/100 bé gái", "band", 106, "met"],
  ["105 - 107", "bé trai/100 bé gái", "band", 104, "near"],
  ["105 - 107", "bé trai/100 bé gái", "band", 113, "shortfall"],
  // rank: lower is better
  ["35 đến 40", "Thứ hạng", "lower", 38, "met"],
  ["35 đến 40", "Thứ hạng", "lower", "33", "exceeded"],
  ["35 đến 40", "Thứ hạng", "lower", 42, "near"],
  ["35 đến 40", "Thứ hạng", "lower", 43, "shortfall"],
  ["47", "Thứ hạng", "lower", 47, "met"],
  ["47", "Thứ hạng", "lower", 45, "exceeded"],
  ["47", "Thứ hạng", "lower", 50, "shortfall"],
  // maintain: "duy trì dưới 3%" is met below 3, never exceeded
  ["đuy trì dưới 3%", "%", "lower", 2.9, "met"],
  ["đuy trì dưới 3%", "%", "lower", "0,5", "met"],
  ["đuy trì dưới 3%", "%", "lower", 3, "near"],
  ["đuy trì dưới 3%", "%", "lower", "3,5", "shortfall"],
  ["duy trì trên 4,2", "%", "higher", 4.3, "met"],
  ["duy trì trên 4,2", "%", "higher", 4.1, "near"],
  // stretch: met at the base, exceeded at the stretch aim
  ["9,77; phấn đấu 14,43", "%", "higher", 9.77, "met"],
  ["9,77; phấn đấu 14,43", "%", "higher", "12", "met"],
  ["9,77; phấn đấu 14,43", "%", "higher", 14.43, "exceeded"],
  ["9,77; phấn đấu 14,43", "%", "higher", "9,3", "near"],
  ["9,77; phấn đấu 14,43", "%", "higher", 9.2, "shortfall"],
  // stretch, lower is better: base 3, aim 2
  ["3; phấn đấu 2", "%", "lower", 3, "met"],
  ["3; phấn đấu 2", "%", "lower", "2,5", "met"],
  ["3; phấn đấu 2", "%", "lower", "2", "exceeded"],
  ["3; phấn đấu 2", "%", "lower", 3.15, "near"],
  ["3; phấn đấu 2", "%", "lower", 3.2, "shortfall"],
  // a share of all communes: typed as a share, not as a count
  ["100% xã", "xã", "higher", "100%", "met"],
  ["100% xã", "xã", "higher", "96%", "near"],
  ["100% xã", "xã", "higher", 117, "invalid"],
  // reduction against a baseline: "giảm 0,15%" is met at 0,15 points below the baseline
  ["giảm 0,15%", "%", "lower", 1.3, "met", { baseline: 1.45 }],
  ["giảm 0,15%", "%", "lower", "1,2", "exceeded", { baseline: 1.45 }],
  ["giảm 0,15%", "%", "lower", "1,305", "near", { baseline: 1.45 }],
  ["giảm 0,15%", "%", "lower", 1.4, "shortfall", { baseline: 1.45 }],
  ["giảm 0,15%", "%", "lower", 1.5, "shortfall", { baseline: 1.45 }],
  ["giảm 0,15%", "%", "lower", 1.3, "not_applicable"],
  ["Mức giảm hạ hằng năm 1,62%", "%", "lower", 6.76, "met", { baseline: 10, years: 2 }],
  ["Mức giảm hạ hằng năm 1,62%", "%", "lower", 8, "shortfall", { baseline: 10, years: 2 }],
  // growth against a baseline
  ["tăng 10%", "tỷ đồng", "higher", 110, "met", { baseline: 100 }],
  ["tăng 10%", "tỷ đồng", "higher", "115", "exceeded", { baseline: 100 }],
  ["tăng 10%", "tỷ đồng", "higher", 109.6, "near", { baseline: 100 }],
  ["tăng 10%", "tỷ đồng", "higher", 105, "shortfall", { baseline: 100 }],
  ["có thêm 05 xã", "xã", "higher", 25, "met", { baseline: 20 }],
  // approximately: "khoảng 40%" is met within the tolerance
  ["đạt khoảng 40%", "%", "higher", 38.5, "met"],
  ["đạt khoảng 40%", "%", "higher", 36.5, "near"],
  // qualitative
  ["Đạt", "Tỉnh", "higher", "Đạt", "met"],
  ["Đạt", "Tỉnh", "higher", "đạt", "met"],
  ["Đạt", "Tỉnh", "higher", "Hoàn thành", "met"],
  ["Đạt", "Tỉnh", "higher", "Không đạt", "shortfall"],
  ["Đạt", "Tỉnh", "higher", "Chưa đạt", "shortfall"],
  ["Đạt", "Tỉnh", "higher", 1, "invalid"],
  ["Đạt", "Tỉnh", "higher", "", "no_data"],
  // no data, invalid input, not applicable
  ["80", "%", "higher", "", "no_data"],
  ["80", "%", "higher", null, "no_data"],
  ["80", "%", "higher", " ", "no_data"],
  ["80", "%", "higher", "x", "no_data"],
  ["80", "%", "higher", "n/a", "no_data"],
  ["80", "%", "higher", "#DIV/0!", "invalid"],
  ["80", "%", "higher", "61-62", "invalid"],
  ["80", "%", "higher", "Xuất siêu", "invalid"],
  ["80", "%", "higher", "Đạt", "invalid"],
  ["80", "%", "higher", "1.800", "invalid"],
  ["80", "%", "higher", " 76 ", "near"],
  ["1.800", "Hộ", "higher", "1.800", "met"],
  ["1.800", "Hộ", "higher", "1,800", "met"],
  ["", "%", "higher", 50, "not_applicable"],
  ["theo lộ trình", "%", "higher", 50, "not_applicable"],
];

describe("judging an actual against every kind of target", () => {
  // Every row gets its options (jest would take a missing sixth argument for a done-callback).
  const rows = CASES.map(([t, u, d, a, e, o]) => [t, u, d, a, e, o ?? {}] as const);
  test.each(rows)("%s (%s, %s better): %p → %s", (target, unit, direction, actual, expected, options) => {
    expect(status(target, unit, direction, actual, options)).toBe(expected);
  });
});

describe("measures", () => {
  test("the gap is in the indicator's unit and negative when behind", () => {
    const j = judgeCell(parseTarget("≥ 95,1"), "higher", "93", { unit: "%" });
    expect(j.gap).toBeCloseTo(-2.1, 9);
    expect(j.achievement).toBeCloseTo(93 / 95.1, 9);
  });

  test("for lower-is-better the achievement is target over actual", () => {
    const j = judgeCell(parseTarget("≤2"), "lower", 1.6, {});
    expect(j.gap).toBeCloseTo(0.4, 9);
    expect(j.achievement).toBeCloseTo(1.25, 9);
  });

  test("a ratio to a target of 0 is not meaningful and says so", () => {
    const j = judgeCell(parseTarget("0"), "higher", 1.5, { unit: "%" });
    expect(j.status).toBe("exceeded");
    expect(j.achievement).toBeNull();
    expect(j.capped).toBe(true);
  });

  test("a runaway ratio is capped at 10", () => {
    const j = judgeCell(parseTarget("≤2"), "lower", 0, {});
    expect(j.achievement).toBe(10);
    expect(j.capped).toBe(true);
  });

  test("a reduction reports the change achieved and the change required", () => {
    const j = judgeCell(parseTarget("giảm 0,15%", { unit: "%" }), "lower", "1,25", { unit: "%", baseline: 1.45 });
    expect(j.change).toBeCloseTo(0.2, 9);
    expect(j.compared).toBeCloseTo(0.15, 9);
    expect(j.gap).toBeCloseTo(0.05, 9);
  });
});

describe("plausibility warnings flag without refusing", () => {
  test("a share above 100 % is judged and warned", () => {
    const j = judgeCell(parseTarget("90"), "higher", 120, { unit: "%" });
    expect(j.status).toBe("exceeded");
    expect(j.warning).toBe("percent_above_100");
  });

  test("a negative count, a fractional count and a rank of 0 are warned", () => {
    expect(judgeCell(parseTarget("900"), "higher", -5, { unit: "Người" }).warning).toBe("negative_count");
    expect(judgeCell(parseTarget("900"), "higher", 12.5, { unit: "Người" }).warning).toBe("fractional_count");
    expect(judgeCell(parseTarget("47", { unit: "Thứ hạng" }), "lower", 0, { unit: "Thứ hạng" }).warning).toBe("rank_below_1");
  });

  test("“1.800” for a count is read 1800 without a doubt; for tỷ đồng it is read 1800 and noted", () => {
    expect(judgeCell(parseTarget("1.800"), "higher", "1.800", { unit: "Hộ" })).toMatchObject({ actual: 1800, warning: null });
    expect(judgeCell(parseTarget("1.500"), "higher", "1.500", { unit: "tỷ đồng" })).toMatchObject({ actual: 1500, warning: "ambiguous_read" });
  });

  test("a growth typed in % against an index target is read as the index and noted", () => {
    const t = { ...parseTarget("107.27", { style: "en", index: true }) };
    const j = judgeCell(t, "higher", "7,5%", {});
    expect(j).toMatchObject({ actual: 107.5, status: "exceeded", warning: "percent_as_index" });
  });
});

describe("a packed row is judged from its parts", () => {
  const j = (s: Status) => ({ status: s }) as Parameters<typeof combineParts>[0][number];
  test("the worst part decides", () => {
    expect(combineParts([j("exceeded"), j("met"), j("near")])).toBe("near");
    expect(combineParts([j("met"), j("shortfall"), j("invalid")])).toBe("invalid");
  });
  test("a row with all parts fine but one missing has no data yet", () => {
    expect(combineParts([j("met"), j("no_data")])).toBe("no_data");
    expect(combineParts([j("no_data"), j("no_data")])).toBe("no_data");
    expect(combineParts([j("not_applicable")])).toBe("not_applicable");
  });
});
