import { storedEntry, typedEntry } from "../../src/evaluate/typedEntry";
import { judgeCell } from "../../src/evaluate/judge";
import { parseTarget } from "../../src/parse/target";

/**
 * What a typed entry is stored as (evaluate/typedEntry.ts): a figure becomes a number, text stays as typed, and a
 * text that reads two ways is settled only as the engine settles it for the row's unit — never switched silently.
 */
describe("typed entries: a figure is a number, text stays text", () => {
  const cases: [string, string, number | string | null, string][] = [
    // [typed, unit, stored, as]
    ["121", "", 121, "number"],
    ["2,8", "%", 2.8, "number"],
    ["1.462,8", "tỷ đồng", 1462.8, "number"],
    ["-0,5", "%", -0.5, "number"],
    ["1 462,8", "tỷ đồng", 1462.8, "number"],
    ["1\u00a0462,8", "tỷ đồng", 1462.8, "number"],
    [" 76 ", "%", 76, "number"],
    ["107.27", "", 107.27, "number"],
    ["1,462.8", "tỷ đồng", 1462.8, "number"],
    ["+5", "", 5, "number"],
    ["0", "hộ", 0, "number"],
    // Reads two ways: the unit settles it, or the vi-VN reading is taken, or it stays text to be flagged.
    ["1.800", "hộ", 1800, "resolved"],
    ["1,800", "hộ", 1800, "resolved"],
    ["1,800", "%", 1.8, "resolved"],
    ["1.800", "tỷ đồng", 1800, "preferred"],
    ["1.800", "%", "1.800", "ambiguous"],
    ["12.500", "%", "12.500", "ambiguous"],
    // Words, marks, bounds, ranges, units, percentages with their sign, formulas: as typed.
    ["95,1%", "%", "95,1%", "text"],
    ["khoảng 30", "%", "khoảng 30", "text"],
    ["ước 95,5", "%", "ước 95,5", "text"],
    ["6.120 tỷ đồng", "tỷ đồng", "6.120 tỷ đồng", "text"],
    ["trên 5", "%", "trên 5", "text"],
    ["61-62", "%", "61-62", "text"],
    ["Đạt", "", "Đạt", "text"],
    ["x", "", "x", "text"],
    ["chưa có", "", "chưa có", "text"],
    ["#DIV/0!", "", "#DIV/0!", "text"],
    ["=1+1", "", "=1+1", "text"],
    ["=HYPERLINK(\"http://x\")", "", "=HYPERLINK(\"http://x\")", "text"],
    ["1e5", "", "1e5", "text"],
    ["2,5,", "", "2,5,", "text"],
    ["15/01/2025", "", "15/01/2025", "text"],
    ["", "", null, "blank"],
    ["   ", "", null, "blank"],
  ];
  test.each(cases)("“%s” (%s) → %p (%s)", (typed, unit, stored, as) => {
    const t = typedEntry(typed, unit);
    expect(t.value).toBe(stored);
    expect(t.as).toBe(as);
    expect(storedEntry(typed, unit)).toBe(stored);
  });

  test("numbers, booleans and nothing are kept as the host holds them", () => {
    expect(typedEntry(12.5)).toEqual({ value: 12.5, as: "kept", readings: null });
    expect(typedEntry(true)).toEqual({ value: true, as: "kept", readings: null });
    expect(typedEntry(null).value).toBeNull();
    expect(typedEntry(undefined).value).toBeNull();
  });

  test("a text that reads two ways carries both readings", () => {
    expect(typedEntry("1.800", "%").readings).toEqual({ vi: 1800, en: 1.8 });
    expect(typedEntry("121", "%").readings).toBeNull();
  });

  test("storing never changes the judgement of an entry, except that a kept text of two readings stays flagged", () => {
    const cases: [string, string, string][] = [
      ["96,5", "%", "Trên 95%"],
      ["1.800", "hộ", "2.000 hộ"],
      ["1,800", "hộ", "2.000 hộ"],
      ["1.800", "tỷ đồng", "1.500 tỷ đồng"],
      ["1,800", "%", "Dưới 2%"],
      ["1.800", "%", "Trên 95%"],
      ["khoảng 30", "%", "Trên 25%"],
      ["-0,5", "%", "Dưới 0%"],
    ];
    for (const [typed, unit, targetText] of cases) {
      const target = parseTarget(targetText);
      const asTyped = judgeCell(target, "higher", typed, { unit });
      const asStored = judgeCell(target, "higher", storedEntry(typed, unit), { unit });
      expect([typed, asStored.status]).toEqual([typed, asTyped.status]);
      expect(asStored.actual ?? null).toBe(asTyped.actual ?? null);
    }
    expect(judgeCell(parseTarget("Trên 95%"), "higher", storedEntry("1.800", "%"), { unit: "%" }).status).toBe("invalid");
  });
});
