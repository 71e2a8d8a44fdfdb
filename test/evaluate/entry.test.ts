import { entryCore, readEntry } from "../../src/evaluate/entry";

/** Input cells read words of estimate and the row's own unit, exactly as the formulas do (differential.test.ts). */
describe("reading an input cell with words around its value", () => {
  test.each([
    ["ước đạt 7,1%", "%", 7.1, true],
    ["Ước tính 95,1%", "%", 95.1, true],
    ["dự ước 1.800", "Hộ", 1800, false],
    ["ước thực hiện   12", "xã", 12, false],
    ["6.120 tỷ đồng", "tỷ đồng", 6120, false],
    ["6.120 Tỷ Đồng", "tỷ đồng", 6120, false],
    ["ĐẠT 7", "%", 7, false],
    ["7 đạt", "%", 7, false],
    ["5 dự án", "dự án", 5, false],
    ["ước 30 xã", "xã", 30, false],
  ] as const)("“%s” (unit “%s”) reads %d", (text, unit, value, percent) => {
    const r = readEntry(text, unit);
    expect(r).toMatchObject({ kind: "number", value, percent });
  });

  test.each([
    ["2025 đạt 7", "%"], // two numbers would join: not read
    ["ước 7 đạt 5", "%"],
    ["trên 5", "%"], // a bound: the report reader's, not the cells'
    ["khoảng 3%", "%"],
    ["12 xã", "%"], // another unit
    ["950 triệu USD", "tỷ USD"], // a scale word
    ["tăng 7,1%", "%"], // a change is not a level
    ["ước đạt", "%"],
  ] as const)("“%s” (unit “%s”) stays flagged", (text, unit) => {
    expect(readEntry(text, unit).kind).toBe("invalid");
  });

  test("words that are the cell's own vocabulary keep their meaning", () => {
    expect(readEntry("Đạt", "%")).toEqual({ kind: "qualitative", achieved: true });
    expect(readEntry("đạt chuẩn", "")).toEqual({ kind: "qualitative", achieved: true });
    expect(readEntry(95.1, "%")).toMatchObject({ kind: "number", value: 95.1 });
  });

  test("the unit goes first, so a unit holding one of the words keeps it", () => {
    expect(entryCore("5 dự án", "dự án")).toBe("5");
    expect(entryCore("7,1", "%")).toBeNull();
  });
});
