import { assessTrend, indicatorTrend } from "../../src/evaluate/trend";
import { row } from "../helpers/seedCatalog";

describe("trend of the Kiên Giang 2015-2020 series towards the 2025 targets", () => {
  test("21: urban clean water 81,8 → 88 is on track for 90", () => {
    const t = indicatorTrend(row("KG-KH5N-2021-2025", "BB", "21"));
    expect(t).toMatchObject({ verdict: "on_track", method: "compound", targetValue: 90, targetYear: 2025, points: 6 });
    expect(t.ratio!).toBeGreaterThan(1);
  });

  test("20: districts meeting the criteria, 1 → 3, against 7 to 9 by 2025", () => {
    const t = indicatorTrend(row("KG-KH5N-2021-2025", "BB", "20"));
    expect(t.verdict).toBe("on_track");
    expect(t.targetValue).toBe(7);
  });

  test("25: forest cover 12,01 in 2020 has already reached 11", () => {
    expect(indicatorTrend(row("KG-KH5N-2021-2025", "BB", "25")).verdict).toBe("achieved");
  });

  test("22: rural clean water has one historical point: too little data", () => {
    expect(indicatorTrend(row("KG-KH5N-2021-2025", "BB", "22")).verdict).toBe("too_little_data");
  });

  test("18: a reduction target has no level to project towards", () => {
    expect(indicatorTrend(row("KG-KH5N-2021-2025", "BB", "18")).verdict).toBe("not_applicable");
  });
});

describe("trend categories", () => {
  const history = { "2020": 50, "2021": 52, "2022": 54 };
  test("half the required pace needs acceleration; less shows limited progress; backwards deteriorates", () => {
    // 50 → 54 in two years is 3,92 %/year, compounded; 60 by 2025 needs 3,71 %, 70 needs 6,96 %, 90 needs 12,5 %.
    expect(assessTrend(history, 60, 2025, "higher").verdict).toBe("on_track");
    expect(assessTrend(history, 70, 2025, "higher").verdict).toBe("needs_acceleration");
    expect(assessTrend(history, 90, 2025, "higher").verdict).toBe("limited_progress");
    expect(assessTrend({ "2020": 50, "2022": 48 }, 60, 2025, "higher").verdict).toBe("deteriorating");
  });

  test("lower-is-better series: falling is progress", () => {
    // 4 → 3 in two years is −13,4 %/year; 2 by 2025 needs −12,9 % (on track), 1,5 needs −17,8 % (ratio 0,75).
    expect(assessTrend({ "2020": 4, "2022": 3 }, 2, 2025, "lower").verdict).toBe("on_track");
    expect(assessTrend({ "2020": 4, "2022": 3 }, 1.5, 2025, "lower").verdict).toBe("needs_acceleration");
    expect(assessTrend({ "2020": 4, "2022": 4.5 }, 2, 2025, "lower").verdict).toBe("deteriorating");
  });

  test("values through zero use a linear rate", () => {
    // −1 → 1 in two years is +1 a year; 4 by 2025 needs (4 + 1) / 5 = 1 a year.
    expect(assessTrend({ "2020": -1, "2022": 1 }, 4, 2025, "higher")).toMatchObject({ method: "linear", verdict: "on_track" });
  });

  test("the projection follows the observed pace", () => {
    const t = assessTrend({ "2020": 100, "2021": 110 }, 150, 2023, "higher");
    expect(t.projected).toBeCloseTo(110 * 1.1 * 1.1, 6);
  });
});
