import fc from "fast-check";
import { formatNumber, parseNumber, scanNumbers } from "../../src/parse/number";

describe("reading numbers as printed in plans", () => {
  test.each([
    ["95,10", 95.1],
    ["4.960", 4960],
    ["1.462,8", 1462.8],
    ["107.27", 107.27],
    ["07", 7],
    ["-4,13%", -4.13],
    ["26,0", 26],
    ["1.462.800", 1462800],
    ["1,462.8", 1462.8],
    ["30 000", 30000],
    [" 76 ", 76],
    ["0,001", 0.001],
    ["+2,5", 2.5],
    ["−3", -3],
  ])("%s reads as %d", (text, value) => {
    const r = parseNumber(text);
    expect(r).toMatchObject({ ok: true, value });
  });

  test("a trailing percent sign is kept as a flag", () => {
    expect(parseNumber("95,1%")).toMatchObject({ ok: true, value: 95.1, percent: true });
    expect(parseNumber("95,1")).toMatchObject({ ok: true, percent: false });
  });

  test("1.800 reads as 1800 the vi-VN way and reports the en-US reading", () => {
    expect(parseNumber("1.800")).toEqual({ ok: true, value: 1800, percent: false, ambiguous: { vi: 1800, en: 1.8 } });
    expect(parseNumber("1.800", "en")).toMatchObject({ ok: true, value: 1.8 });
  });

  test("1,800 reads as 1,8 the vi-VN way and as 1800 the en-US way", () => {
    expect(parseNumber("1,800")).toMatchObject({ ok: true, value: 1.8, ambiguous: { vi: 1.8, en: 1800 } });
    expect(parseNumber("1,800", "en")).toMatchObject({ ok: true, value: 1800 });
  });

  test("a decimal that cannot be a thousands group is not ambiguous", () => {
    expect(parseNumber("107.27")).toMatchObject({ ambiguous: null });
    expect(parseNumber("95,10")).toMatchObject({ ambiguous: null });
  });

  test.each(["", "   ", "abc", "1.2.3", "12,", ",5", "1,2,3", "1.23,4,5", "--3", "9 7", "x", "#DIV/0!", "n/a"])(
    "“%s” is an error value with a bilingual message, never NaN or 0",
    (text) => {
      const r = parseNumber(text);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.vi.length).toBeGreaterThan(5);
        expect(r.error.en.length).toBeGreaterThan(5);
      }
    },
  );

  test("an empty cell says a number was expected", () => {
    const r = parseNumber("");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("number.empty");
  });
});

describe("properties of number reading", () => {
  test("formatting a number the vi-VN way and reading it back gives the number", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 4 }), (x, decimals) => {
        const rounded = Number(x.toFixed(decimals));
        const text = formatNumber(rounded, decimals, "vi");
        const r = parseNumber(text, "vi");
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value).toBeCloseTo(rounded, decimals);
      }),
      { numRuns: 2000 },
    );
  });

  test("formatting the en-US way and reading with the en-US preference gives the number", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 99 }), (int, cents) => {
        const x = Number(`${int}.${String(cents).padStart(2, "0")}`);
        const r = parseNumber(formatNumber(x, 2, "en"), "en");
        expect(r.ok && r.value).toBeCloseTo(x, 2);
      }),
    );
  });

  test("reading never throws, whatever the string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        const r = parseNumber(s);
        if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("numbers in running text", () => {
  test("finds each number with its position", () => {
    const found = scanNumbers("Tổng vốn 30.000 - 32.000 tỷ đồng, tăng 7,5%");
    expect(found.map((n) => n.value)).toEqual([30000, 32000, 7.5]);
    expect(found[2]!.percent).toBe(true);
  });
});
