import { periodKeyOfText, periodListText } from "../../src/model/periodText";
import { periodLabel, periodsOf, type Calendar } from "../../src/model/period";

/** Periods as reports and staff write them, read to the workbook's entry keys (model/periodText.ts). */
describe("reading a period as staff write it", () => {
  const cases: [string, string | null][] = [
    // Months.
    ["Tháng 1/2025", "2025-T01"],
    ["tháng 01/2025", "2025-T01"],
    ["THÁNG 12/2025", "2025-T12"],
    ["Thang 3/2025", "2025-T03"],
    ["Tháng 3 năm 2025", "2025-T03"],
    ["Tháng 3 2025", "2025-T03"],
    ["Tháng 3-2025", "2025-T03"],
    ["T1/2025", "2025-T01"],
    ["T01/2025", "2025-T01"],
    ["t11/2025", "2025-T11"],
    ["1/2025", "2025-T01"],
    ["01/2025", "2025-T01"],
    ["12/2025", "2025-T12"],
    // Quarters.
    ["Quý I/2025", "2025-Q1"],
    ["Quý IV/2025", "2025-Q4"],
    ["quý iii/2025", "2025-Q3"],
    ["Quý 1/2025", "2025-Q1"],
    ["Quy 2/2025", "2025-Q2"],
    ["Q1/2025", "2025-Q1"],
    ["Q4 2025", "2025-Q4"],
    ["Quý II năm 2025", "2025-Q2"],
    // Halves and nine months.
    ["6 tháng đầu năm 2025", "2025-H1"],
    ["6 tháng đầu năm/2025", "2025-H1"],
    ["6 tháng 2025", "2025-H1"],
    ["6 tháng năm 2025", "2025-H1"],
    ["6 tháng cuối năm 2025", "2025-H2"],
    ["6 tháng cuối năm/2025", "2025-H2"],
    ["H2/2025", "2025-H2"],
    ["9 tháng 2025", "2025-9T"],
    ["9 tháng đầu năm 2025", "2025-9T"],
    ["9 tháng/2025", "2025-9T"],
    ["9T/2025", "2025-9T"],
    // Years.
    ["Năm 2025", "2025"],
    ["năm 2025", "2025"],
    ["Cả năm 2025", "2025"],
    ["2025", "2025"],
    // The workbook's own keys.
    ["2025-T01", "2025-T01"],
    ["2025-T1", "2025-T01"],
    ["2025-Q3", "2025-Q3"],
    ["2025-H1", "2025-H1"],
    ["2025-9T", "2025-9T"],
    // Not a period: never guessed.
    ["Tháng 13/2025", null],
    ["Tháng 0/2025", null],
    ["13/2025", null],
    ["Quý V/2025", null],
    ["Q5/2025", null],
    ["Tháng 1", null],
    ["15/01/2025", null],
    ["7 tháng 2025", null],
    ["2025-T13", null],
    ["Năm 25", null],
    ["", null],
    ["abc", null],
  ];
  test.each(cases)("“%s” → %p", (text, key) => {
    expect(periodKeyOfText(text)).toBe(key);
  });

  test("every period of every calendar reads back from its label as reports write it (Tháng 1/2025, Quý I/2025 …)", () => {
    for (const calendar of ["month", "quarter", "half", "nine"] as Calendar[]) {
      for (const p of periodsOf(calendar)) {
        const key = `2026-${p.key}`;
        expect([periodLabel(key), periodKeyOfText(periodLabel(key))]).toEqual([periodLabel(key), key]);
        // The column header of the period ("Tháng 3 2026") reads too.
        expect(periodKeyOfText(`${p.label} 2026`)).toBe(key);
      }
    }
  });

  test("a table's periods are said as staff write them, runs by their ends", () => {
    const months = periodsOf("month").map((p) => `2025-${p.key}`);
    expect(periodListText(["2025", ...months])).toBe("Năm 2025, Tháng 1/2025 … Tháng 12/2025");
    expect(periodListText(["2025", ...months], "en")).toBe("Year 2025, Month 1/2025 … Month 12/2025");
    expect(periodListText(["2025", "2025-H1", "2025-H2"])).toBe("Năm 2025, 6 tháng đầu năm/2025, 6 tháng cuối năm/2025");
    expect(periodListText(["2021", "2022", "2023", "2024", "2025"])).toBe("Năm 2021 … Năm 2025");
    expect(periodListText(["Quý I", "6 tháng"])).toBe("Quý I, 6 tháng");
  });
});
