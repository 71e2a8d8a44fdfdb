import { parseTarget } from "../../src/parse/target";
import type { TargetKind } from "../../src/model";
import { seedIndicators } from "../helpers/seedCatalog";

type Row = [text: string, kind: TargetKind, min: number | null, max: number | null, minInclusive: boolean, maxInclusive: boolean];

/**
 * Every distinct target phrase of the five seed documents (targets and yearly plans; the growth-scenario
 * indices are checked below), with its reading. A phrase that appears in the seeds but not here fails the
 * first test, so the table cannot fall behind the documents.
 */
const SEED_PHRASES: Row[] = [
  ["", "none", null, null, true, true],
  ["0", "exact", 0, 0, true, true],
  ["0,15%", "reduction", 0.15, null, true, true],
  ["04 xã đạt nông thôn mới kiểu mẫu", "exact", 4, 4, true, true],
  ["05 khu công nghiệp (KCN)", "exact", 5, 5, true, true],
  ["1.200", "exact", 1200, 1200, true, true],
  ["1.462,8 tỷ đồng", "exact", 1462.8, 1462.8, true, true],
  ["1.800", "exact", 1800, 1800, true, true],
  ["100", "exact", 100, 100, true, true],
  ["100% dân cư nông thôn được sử dụng nước sạch, hợp vệ sinh", "exact", 100, 100, true, true],
  ["100% xã", "exact", 100, 100, true, true],
  ["11", "exact", 11, 11, true, true],
  ["11,03 bác sĩ/vạn dân", "exact", 11.03, 11.03, true, true],
  ["110,60", "exact", 110.6, 110.6, true, true],
  ["12 cụm công nghiệp", "exact", 12, 12, true, true],
  ["14,11", "exact", 14.11, 14.11, true, true],
  ["15", "exact", 15, 15, true, true],
  ["2", "reduction", 2, null, true, true],
  ["2%", "exact", 2, 2, true, true],
  ["2,1", "exact", 2.1, 2.1, true, true],
  ["23.000 lao động", "exact", 23000, 23000, true, true],
  ["25,93", "exact", 25.93, 25.93, true, true],
  ["26,0", "exact", 26, 26, true, true],
  ["30", "exact", 30, 30, true, true],
  ["30,49 giường bệnh/vạn dân", "exact", 30.49, 30.49, true, true],
  ["30,8", "exact", 30.8, 30.8, true, true],
  ["30.000 - 32.000 tỷ đồng", "range", 30000, 32000, true, true],
  ["32", "exact", 32, 32, true, true],
  ["35 đến 40", "rank", 35, 40, true, true],
  ["4,50", "exact", 4.5, 4.5, true, true],
  ["4.960", "exact", 4960, 4960, true, true],
  ["40", "exact", 40, 40, true, true],
  ["47", "rank", 47, 47, true, true],
  ["5", "exact", 5, 5, true, true],
  ["5,19", "exact", 5.19, 5.19, true, true],
  ["520 doanh nghiệp", "exact", 520, 520, true, true],
  ["6", "exact", 6, 6, true, true],
  ["6.682 tỷ đồng", "exact", 6682, 6682, true, true],
  ["60", "exact", 60, 60, true, true],
  ["61", "exact", 61, 61, true, true],
  ["62", "exact", 62, 62, true, true],
  ["63", "exact", 63, 63, true, true],
  ["64", "exact", 64, 64, true, true],
  ["65", "exact", 65, 65, true, true],
  ["68", "exact", 68, 68, true, true],
  ["7", "exact", 7, 7, true, true],
  ["7,8", "exact", 7.8, 7.8, true, true],
  ["7-9", "range", 7, 9, true, true],
  ["70", "exact", 70, 70, true, true],
  ["75", "exact", 75, 75, true, true],
  ["78-80%", "range", 78, 80, true, true],
  ["8", "exact", 8, 8, true, true],
  ["80", "exact", 80, 80, true, true],
  ["85", "exact", 85, 85, true, true],
  ["85%", "exact", 85, 85, true, true],
  ["87,54", "exact", 87.54, 87.54, true, true],
  ["88", "exact", 88, 88, true, true],
  ["88,15", "exact", 88.15, 88.15, true, true],
  ["88,77", "exact", 88.77, 88.77, true, true],
  ["89,38", "exact", 89.38, 89.38, true, true],
  ["9", "exact", 9, 9, true, true],
  ["9,77; phân đầu tăng khoảng 14,43", "stretch", 9.77, null, true, true],
  ["9/9 huyện, thị xã, thành phố đạt chuẩn và hoàn thành nhiệm vụ xây dựng nông thôn mới", "exact", 9, 9, true, true],
  ["90", "exact", 90, 90, true, true],
  ["900", "exact", 900, 900, true, true],
  ["93", "exact", 93, 93, true, true],
  ["95% cơ quan, đơn vị, nhà trường trở lên đạt chuẩn an toàn về an ninh, trật tự", "at_least", 95, null, true, true],
  ["98", "exact", 98, 98, true, true],
  ["99", "exact", 99, 99, true, true],
  ["99,5% dân cư thành thị được sử dụng nước sạch", "exact", 99.5, 99.5, true, true],
  ["99,5%", "exact", 99.5, 99.5, true, true],
  ["< 3", "at_most", null, 3, true, false],
  [">90", "at_least", 90, null, false, true],
  [">98", "at_least", 98, null, false, true],
  ["Giữ vững ổn định chính trị, trật tự an toàn xã hội.", "qualitative", null, null, true, true],
  ["Phấn đấu 90% xã, phường, thị trấn", "exact", 90, 90, true, true],
  ["Trên 91", "at_least", 91, null, false, true],
  ["chiếm 25-30% GRDP của tỉnh", "range", 25, 30, true, true],
  ["chiếm 26,09%", "exact", 26.09, 26.09, true, true],
  ["chiếm 29,11%", "exact", 29.11, 29.11, true, true],
  ["chiếm 39,84%", "exact", 39.84, 39.84, true, true],
  ["chiếm 4,96% trong GRDP", "exact", 4.96, 4.96, true, true],
  ["chiếm 72% trong tổng lao động xã hội", "exact", 72, 72, true, true],
  ["còn 28%", "at_most", null, 28, true, true],
  ["có thêm 05 xã nông thôn mới nâng cao", "growth", 5, null, true, true],
  ["giảm 0,3%", "reduction", 0.3, null, true, true],
  ["trên 98% xã, phường, thị trấn vững mạnh về quốc phòng, an ninh", "at_least", 98, null, false, true],
  ["tăng 10,61%", "exact", 10.61, 10.61, true, true],
  ["tăng 2,43%", "exact", 2.43, 2.43, true, true],
  ["tăng 5,1%", "exact", 5.1, 5.1, true, true],
  ["tăng 7,44%", "exact", 7.44, 7.44, true, true],
  ["tương đương 4.302 USD", "exact", 4302, 4302, true, true],
  ["ít nhất 02 khu công nghiệp có tỷ lệ lấp đầy đạt trên 85%", "at_least", 2, null, true, true],
  ["ít nhất 03 cụm công nghiệp đạt trên 60%", "at_least", 3, null, true, true],
  ["Đạt", "qualitative", null, null, true, true],
  ["đuy trì dưới 3%", "maintain", null, 3, true, false],
  ["đạt 100%", "exact", 100, 100, true, true],
  ["đạt 101 triệu đồng/người/năm", "exact", 101, 101, true, true],
  ["đạt 30,80% lực lượng lao động trong độ tuổi", "exact", 30.8, 30.8, true, true],
  ["đạt 33%", "exact", 33, 33, true, true],
  ["đạt 36,20%", "exact", 36.2, 36.2, true, true],
  ["đạt 4,2% diện tích tự nhiên", "exact", 4.2, 4.2, true, true],
  ["đạt 4.985 USD", "exact", 4985, 4985, true, true],
  ["đạt 5,0% lực lượng lao động xã hội", "exact", 5, 5, true, true],
  ["đạt 55%", "exact", 55, 55, true, true],
  ["đạt 7%/năm", "exact", 7, 7, true, true],
  ["đạt 7,0 - 7,5%", "range", 7, 7.5, true, true],
  ["đạt 70,02%", "exact", 70.02, 70.02, true, true],
  ["đạt 77,5%", "exact", 77.5, 77.5, true, true],
  ["đạt 8% và phấn đấu 2 con số trong những năm tiếp theo", "stretch", 8, null, true, true],
  ["đạt 95,10%", "exact", 95.1, 95.1, true, true],
  ["đạt 97,65%", "exact", 97.65, 97.65, true, true],
  ["đạt 98,5%", "exact", 98.5, 98.5, true, true],
  ["đạt 99%", "exact", 99, 99, true, true],
  ["đạt 99,8%", "exact", 99.8, 99.8, true, true],
  ["đạt khoảng 15%", "exact", 15, 15, true, true],
  ["đạt khoảng 40%", "exact", 40, 40, true, true],
  ["đạt khoảng 42-48%", "range", 42, 48, true, true],
  ["đạt trên 3%", "at_least", 3, null, false, true],
  ["đạt trên 70%", "at_least", 70, null, false, true],
  ["≤2", "at_most", null, 2, true, true],
  ["≤2,7", "at_most", null, 2.7, true, true],
];

function seedTargets() {
  return seedIndicators().flatMap((i) => [i.target, ...Object.values(i.yearly)].filter((t) => t.kind !== "composite" && !t.index));
}

describe("every target phrase of the seed documents", () => {
  test("the table covers exactly the distinct phrases of the seeds", () => {
    const inSeeds = [...new Set(seedTargets().map((t) => t.text))].sort();
    expect(inSeeds).toEqual(SEED_PHRASES.map((r) => r[0]).sort());
  });

  test.each(SEED_PHRASES)("“%s” reads as %s [%p, %p]", (text, kind, min, max, minInclusive, maxInclusive) => {
    const readings = seedTargets().filter((t) => t.text === text);
    expect(readings.length).toBeGreaterThan(0);
    for (const t of readings) {
      expect({ kind: t.kind, min: t.min, max: t.max, minInclusive: t.minInclusive, maxInclusive: t.maxInclusive }).toEqual({
        kind,
        min,
        max,
        minInclusive,
        maxInclusive,
      });
    }
  });

  test("no target of the seeds is left unparsed", () => {
    expect(seedTargets().filter((t) => t.kind === "unparsed").map((t) => t.text)).toEqual([]);
  });

  test("growth-scenario cells are indices read the en-US way (107.27 is 107,27, not 10 727)", () => {
    const periods = seedIndicators().flatMap((i) => Object.values(i.periods));
    expect(periods.length).toBe(26 * 7);
    for (const t of periods) {
      expect(t.index).toBe(true);
      expect(t.kind).toBe("exact");
      expect(t.min).toBeCloseTo(Number(t.text), 6);
      expect(t.min!).toBeGreaterThan(90);
      expect(t.min!).toBeLessThan(125);
    }
  });
});

describe("target grammar details", () => {
  test("a stretch target keeps the base and the stretch aim and reads the typo through", () => {
    const t = parseTarget("9,77; phân đầu tăng khoảng 14,43", { unit: "%" });
    expect(t).toMatchObject({ kind: "stretch", min: 9.77, stretch: 14.43, approx: true });
    expect(t.notes.join(" ")).toContain("phấn đấu");
  });

  test("“2 con số” is a double-digit aim: at least 10", () => {
    expect(parseTarget("đạt 8% và phấn đấu 2 con số")).toMatchObject({ kind: "stretch", min: 8, stretch: 10 });
    expect(parseTarget("phấn đấu 2 con số")).toMatchObject({ kind: "at_least", min: 10 });
  });

  test("“duy trì dưới 3%” is a maintained ceiling, excluded, and the typo “đuy” is noted", () => {
    const t = parseTarget("đuy trì dưới 3%");
    expect(t).toMatchObject({ kind: "maintain", max: 3, maxInclusive: false, unit: "%" });
    expect(t.notes.some((n) => n.includes("đuy trì"))).toBe(true);
    expect(t.text).toBe("đuy trì dưới 3%");
  });

  test("a reduction of a rate is counted in points; of a level, in percent; of a count, in units", () => {
    expect(parseTarget("giảm 0,15%", { unit: "%" })).toMatchObject({ kind: "reduction", min: 0.15, change: "points" });
    expect(parseTarget("giảm 5%", { unit: "tỷ đồng" })).toMatchObject({ kind: "reduction", min: 5, change: "percent" });
    expect(parseTarget("giảm 5", { unit: "vụ" })).toMatchObject({ kind: "reduction", min: 5, change: "units" });
  });

  test("“Mức giảm hạ hằng năm 1,62%” is a yearly reduction", () => {
    expect(parseTarget("Mức giảm hạ hằng năm 1,62%", { unit: "%" })).toMatchObject({ kind: "reduction", min: 1.62, perYear: true, change: "points" });
  });

  test("“tăng 10%” of a level is a growth against a baseline; of a growth rate it is the rate itself", () => {
    expect(parseTarget("tăng 10%", { unit: "tỷ đồng" })).toMatchObject({ kind: "growth", min: 10, change: "percent" });
    expect(parseTarget("tăng 10%", { rateOfChange: true })).toMatchObject({ kind: "exact", min: 10, max: 10 });
  });

  test("comparator words and symbols set the bound and whether it is included", () => {
    expect(parseTarget("tối thiểu 50")).toMatchObject({ kind: "at_least", min: 50, minInclusive: true });
    expect(parseTarget("ít nhất 50")).toMatchObject({ kind: "at_least", min: 50, minInclusive: true });
    expect(parseTarget("≥ 95,1")).toMatchObject({ kind: "at_least", min: 95.1, minInclusive: true });
    expect(parseTarget("> 95,1")).toMatchObject({ kind: "at_least", min: 95.1, minInclusive: false });
    expect(parseTarget("không quá 5%")).toMatchObject({ kind: "at_most", max: 5, maxInclusive: true });
    expect(parseTarget("dưới 5%")).toMatchObject({ kind: "at_most", max: 5, maxInclusive: false });
    expect(parseTarget("từ 35 đến 40")).toMatchObject({ kind: "range", min: 35, max: 40 });
  });

  test("a rank unit turns a range into a rank target", () => {
    expect(parseTarget("35 đến 40", { unit: "Thứ hạng" })).toMatchObject({ kind: "rank", min: 35, max: 40 });
  });

  test("a count out of a total keeps the total", () => {
    expect(parseTarget("9/9 huyện")).toMatchObject({ kind: "exact", min: 9, outOf: 9, unit: "huyện" });
  });

  test("a percentage of a whole keeps the whole it is a share of", () => {
    expect(parseTarget("100% xã")).toMatchObject({ kind: "exact", min: 100, unit: "%", shareOf: "xã" });
  });

  test("markup is removed from the text and noted", () => {
    const t = parseTarget("<i>14,11</i>");
    expect(t.text).toBe("14,11");
    expect(t.min).toBe(14.11);
    expect(t.notes.length).toBe(1);
  });

  test.each(["abc xyz 12", "theo kế hoạch", "??", "x12y"])("an unknown phrase “%s” is kept verbatim as unparsed, with a note", (text) => {
    const t = parseTarget(text);
    expect(t.kind).toBe("unparsed");
    expect(t.text).toBe(text);
    expect(t.min).toBeNull();
    expect(t.notes.some((n) => n.includes(text))).toBe(true);
  });
});

describe("stray characters in a target are flagged, never read past", () => {
  test.each([
    ["≥ 9x0", "x", "9x0"],
    ["≥ 9o", "o", "9o"],
    ["Trên 1O0", "O", "1O0"],
    ["≥ 95,1a", "a", "95,1a"],
    ["l00%", "l", "l00"],
  ])("%s is not read (ký tự lạ “%s”)", (text, char, token) => {
    const t = parseTarget(text);
    expect(t.kind).toBe("unparsed");
    expect(t.notes[0]).toContain(`Ký tự lạ “${char}” trong “${token}”`);
  });

  test("a zero-width space inside a number is removed with a note; units and counts stay as they were", () => {
    const t = parseTarget("≥ 9\u200b0");
    expect([t.kind, t.min]).toEqual(["at_least", 90]);
    expect(t.notes[0]).toContain("ký tự lạ (ẩn");
    for (const text of ["45 km2", "≥ 90 m3/ngày", "100% xã", "2 con số", "> 3 lần", "Trên 0,9 tỷ USD", "≥ 100m"]) {
      expect(parseTarget(text).kind).not.toBe("unparsed");
      expect(parseTarget(text).notes).toEqual([]);
    }
  });
});

describe("phrasings collected from other provinces' resolutions (issue 13)", () => {
  test.each([
    ["tăng trung bình 11,5%/năm", "growth", 11.5, null, true],
    ["bình quân từ 1,3% đến 1,5%/năm", "range", 1.3, 1.5, true],
    ["xuống dưới 5 xã", "at_most", null, 5, false],
    ["xuống còn 3 xã", "at_most", null, 3, false],
    ["Ổn định tỷ lệ che phủ rừng từ 57 - 58%", "maintain", 57, 58, false],
    ["(ít nhất 31%)", "at_least", 31, null, false],
    ["Tỷ lệ đô thị hóa đạt 45%", "exact", 45, 45, false],
    ["Tỷ lệ hộ nghèo dưới 1,5%", "at_most", null, 1.5, false],
    ["Tỷ lệ hộ nghèo dƣới 1,5%", "at_most", null, 1.5, false],
    ["đến năm 2025 đạt 1,8 tỷ USD", "exact", 1.8, 1.8, false],
    ["2 con số", "at_least", 10, null, false],
  ] as const)("%s → %s", (text, kind, min, max, perYear) => {
    const t = parseTarget(text);
    expect([t.kind, t.min, t.max, t.perYear]).toEqual([kind, min, max, perYear]);
  });

  test("the end of the term is noted; a PDF's “ƣ” is read as “ư”", () => {
    expect(parseTarget("đến năm 2025 đạt 1,8 tỷ USD").notes).toEqual(["Mục tiêu đến năm 2025 (cuối kỳ) / A target for 2025 (the end of the term)"]);
    expect(parseTarget("Tỷ lệ hộ nghèo dƣới 1,5%").text).toBe("Tỷ lệ hộ nghèo dưới 1,5%");
  });

  test("two region sub-targets in one phrase are not read as one number", () => {
    expect(parseTarget("khu vực đô thị đạt 99%, khu vực nông thôn đạt 95%").kind).toBe("unparsed");
  });
});
