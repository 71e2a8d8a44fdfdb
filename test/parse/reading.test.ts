import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePastedTable } from "../../src/parse/document";
import { correctPlan, describeBounds, readingOf } from "../../src/parse/reading";
import { parseTarget } from "../../src/parse/target";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { DIRECTION_LABELS } from "../../src/sheets/indicatorSheet";

/** How a pasted table was read, shown before writing, and the user's corrections. */
const pasted = (() => {
  const r = parsePastedTable(readFileSync(join(__dirname, "../fixtures/reordered-2026.tsv"), "utf8"), { id: "QD-12" });
  if (!r.ok) throw new Error(r.error.en);
  return r.plan;
})();

describe("the reading of a pasted appendix table", () => {
  it("says for each row what kind of target it is, its bounds and which way is better", () => {
    const rows = readingOf(pasted);
    const by = (name: string) => rows.find((r) => r.name.startsWith(name))!;
    expect(by("Tỷ lệ bao phủ")).toMatchObject({ kind: "at_least", bounds: "≥ 95,1", direction: "higher" });
    expect(by("Tỷ lệ hộ nghèo")).toMatchObject({ kind: "reduction", bounds: "−0,5 điểm", direction: "lower" });
    expect(by("Tỷ lệ che phủ rừng")).toMatchObject({ kind: "maintain", bounds: "> 4,2", direction: "higher" });
    expect(by("Chỉ số đổi mới")).toMatchObject({ kind: "rank", bounds: "35 – 40", direction: "lower" });
    expect(by("Tổng vốn đầu tư")).toMatchObject({ kind: "range", bounds: "30.000 – 32.000" });
    expect(by("Đạt chuẩn phổ cập")).toMatchObject({ kind: "qualitative", bounds: "“Đạt”" });
    expect(by("Tỷ lệ bao phủ").why.vi).toContain("mức tối thiểu");
    expect(readingOf(pasted, "en").find((r) => r.name.startsWith("Tổng vốn"))!.bounds).toBe("30,000 – 32,000");
  });

  it("describes bounds with inclusivity, stretch aims and changes per year", () => {
    expect(describeBounds(parseTarget("Trên 91", { unit: "%" }))).toBe("> 91");
    expect(describeBounds(parseTarget("< 3", { unit: "%" }))).toBe("< 3");
    expect(describeBounds(parseTarget("9,77; phấn đấu 14,43", { unit: "%" }))).toBe("≥ 9,77 (phấn đấu 14,43)");
    expect(describeBounds(parseTarget("giảm 1,5%/năm", { name: "Tỷ lệ hộ nghèo", unit: "%" }))).toMatch(/^−1,5.*\/năm$/);
  });

  it("applies corrections: a target read again, a direction set by hand; ids stay", () => {
    const [first, , third] = pasted.appendices[0]!.indicators;
    const fixed = correctPlan(pasted, { [first!.id]: { target: "≥ 96" }, [third!.id]: { direction: "lower" } });
    const rows = readingOf(fixed);
    expect(rows[0]).toMatchObject({ id: first!.id, kind: "at_least", bounds: "≥ 96", corrected: true });
    expect(rows[2]).toMatchObject({ id: third!.id, direction: "lower", corrected: true });
    expect(rows[2]!.why.vi).toContain("người dùng");
    expect(readingOf(pasted)[0]!.bounds).toBe("≥ 95,1"); // the original is not changed
    // The corrections are what the sheet gets.
    const sheet = buildWorkbookPlan({ plans: [fixed] }, { asOf: "01/01/2026" }).sheets.find((s) => s.kind === "indicators")!;
    const ti = sheet.columns.findIndex((c) => c.key === "target");
    const di = sheet.columns.findIndex((c) => c.key === "direction");
    expect(sheet.rows[sheet.rowOf[first!.id]! - 1]![ti]!.value).toBe("≥ 96");
    expect(sheet.rows[sheet.rowOf[third!.id]! - 1]![di]!.value).toBe(DIRECTION_LABELS.lower);
  });
});
