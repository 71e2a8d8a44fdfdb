import { appendix, childrenOf, row, seedCatalog, seedIndicators } from "../helpers/seedCatalog";
import { Catalog } from "../../src/model";

describe("the catalog of the five seed documents", () => {
  test("validates against the zod schema", () => {
    expect(() => Catalog.parse(seedCatalog().catalog)).not.toThrow();
  });

  test("has the indicator count of every table and prose section", () => {
    const counts = Object.fromEntries(
      seedCatalog().catalog.plans.flatMap((p) => p.appendices.map((a) => [`${p.id}/${a.id}`, a.indicators.length])),
    );
    expect(counts).toEqual({
      "KG-CT06-2025/I": 1,
      "KG-NQ29-2030/II.2": 16,
      "KG-KH5N-2021-2025/BB": 11,
      "TV-QD77-2025/II": 62,
      "TV-QD77-2025/IIIa": 13,
      "TV-QD77-2025/IIIb": 13,
      "TV-QD77-2025/IV": 51,
    });
    expect(seedIndicators()).toHaveLength(167);
  });

  test("Trà Vinh appendix IV has its 49 numbered indicators and 2 growth sub-rows", () => {
    const iv = appendix("TV-QD77-2025", "IV");
    expect(iv.filter((i) => i.level === 0).map((i) => i.code)).toEqual(Array.from({ length: 49 }, (_, k) => String(k + 1)));
    expect(iv.filter((i) => i.level === 1).map((i) => i.name)).toEqual(["Tốc độ tăng", "Tốc độ tăng"]);
  });

  test("Trà Vinh appendix II keeps its 23 rows and splits packed sentences into parts", () => {
    const ii = appendix("TV-QD77-2025", "II");
    expect(ii.filter((i) => i.level === 0).map((i) => i.code)).toEqual(Array.from({ length: 23 }, (_, k) => String(k + 1)));
    expect(ii.filter((i) => i.level === 1)).toHaveLength(39);
  });

  test("the letter 1088/UBND-TH has no indicator table and says so", () => {
    const plan = seedCatalog().catalog.plans.find((p) => p.id === "KG-CV1088-2024")!;
    expect(plan.appendices).toEqual([]);
    expect(plan.title).toContain("không có bảng chỉ tiêu");
  });

  test("task tables are read as tasks, not as indicators (tasks.test.ts has them field by field)", () => {
    const plans = seedCatalog().catalog.plans;
    const tasks = (id: string) => plans.find((p) => p.id === id)!.tasks ?? [];
    expect(tasks("TV-QD77-2025").map((a) => [a.id, a.tasks.length, a.sections.length])).toEqual([["I", 78, 12]]);
    expect(tasks("KG-KH5N-2021-2025").map((a) => [a.id, a.tasks.length])).toEqual([["NV", 81]]);
    // No task became an indicator, and nothing is reported skipped for them.
    expect(seedCatalog().skipped["TV-QD77-2025"]).toEqual([]);
    expect(plans.flatMap((p) => p.appendices).some((a) => a.headers.some((h) => /Nội dung công việc|Tên đề án/.test(h)))).toBe(false);
  });

  test("every id is unique and the same on a second reading", () => {
    const ids = seedIndicators().map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const { buildCatalog } = jest.requireActual("../../src/parse/catalog");
    const { readSeed } = jest.requireActual("../../src/node/seeds-fs");
    const again = buildCatalog(readSeed).catalog.plans.flatMap((p: Catalog["plans"][number]) => p.appendices.flatMap((a) => a.indicators.map((i) => i.id)));
    expect(again).toEqual(ids);
  });

  test("no name, unit or agency carries HTML or markdown marks", () => {
    for (const i of seedIndicators()) {
      for (const text of [i.name, i.unit, i.agency, i.target.text]) expect(text).not.toMatch(/<\/?[a-z]+>|\*\*/);
    }
  });
});

describe("Trà Vinh appendix IV, row by row", () => {
  test("33: infant mortality ≤2 is a ceiling, lower is better, unit typo kept as printed", () => {
    const r = row("TV-QD77-2025", "IV", "33");
    expect(r).toMatchObject({
      name: "Tỷ suất tử vong trẻ em < 1 tuổi",
      unit: "Số ca/1.000 trẻ để sống",
      agency: "Sở Y tế",
      direction: "lower",
      section: "IV Một số chỉ tiêu về phát triển văn hóa, nghệ thuật, y tế, thực hiện tiến bộ, công bằng xã hội, bảo vệ môi trường",
    });
    expect(r.target).toMatchObject({ text: "≤2", kind: "at_most", max: 2, maxInclusive: true });
  });

  test("6: “9,77; phân đầu tăng khoảng 14,43” is a base target with a stretch aim", () => {
    const r = row("TV-QD77-2025", "IV", "6");
    expect(r).toMatchObject({ name: "Giá trị sản xuất công nghiệp", unit: "%", agency: "Sở Công Thương", direction: "higher" });
    expect(r.target).toMatchObject({ text: "9,77; phân đầu tăng khoảng 14,43", kind: "stretch", min: 9.77, stretch: 14.43 });
  });

  test("25: “Trên 91” excludes 91", () => {
    expect(row("TV-QD77-2025", "IV", "25").target).toMatchObject({ kind: "at_least", min: 91, minInclusive: false });
  });

  test("8: the innovation index rank “35 đến 40” is a rank range, lower is better", () => {
    const r = row("TV-QD77-2025", "IV", "8");
    expect(r).toMatchObject({ unit: "Thứ hạng", direction: "lower", directionSource: "unit" });
    expect(r.target).toMatchObject({ kind: "rank", min: 35, max: 40 });
  });

  test("17: “Đạt” is a qualitative target", () => {
    expect(row("TV-QD77-2025", "IV", "17").target).toMatchObject({ kind: "qualitative", expected: "Đạt" });
  });

  test("1: bad debt “< 3” is an exclusive ceiling", () => {
    const r = row("TV-QD77-2025", "IV", "1");
    expect(r).toMatchObject({ name: "Tỷ lệ nợ xấu nội bảng", direction: "lower", directionSource: "comparator", agency: "Chi nhánh Ngân hàng nhà nước" });
    expect(r.target).toMatchObject({ kind: "at_most", max: 3, maxInclusive: false });
  });

  test("5: a row without a target keeps kind none", () => {
    expect(row("TV-QD77-2025", "IV", "5").target.kind).toBe("none");
  });

  test("10: 4.960 MW is four thousand nine hundred and sixty, and its growth sub-row stands under it", () => {
    const r = row("TV-QD77-2025", "IV", "10");
    expect(r.target.min).toBe(4960);
    const [sub] = childrenOf(r);
    expect(sub).toMatchObject({ name: "Tốc độ tăng", unit: "%", level: 1, agency: "Sở Công Thương", code: "" });
    expect(sub!.target).toMatchObject({ kind: "exact", min: 0 });
  });

  test("22: unemployment insurance coverage is higher-is-better despite the word “thất nghiệp”", () => {
    expect(row("TV-QD77-2025", "IV", "22").direction).toBe("higher");
  });

  test("32: the sex ratio at birth above the natural level is lower-is-better", () => {
    expect(row("TV-QD77-2025", "IV", "32")).toMatchObject({ unit: "Số bé trai/100 bé gái", direction: "lower" });
  });

  test("3: the investment share of the budget is a band; 4: the recurrent-spending share is lower-is-better (GLOSSARY.md)", () => {
    expect(row("TV-QD77-2025", "IV", "3").direction).toBe("band");
    expect(row("TV-QD77-2025", "IV", "4")).toMatchObject({ direction: "lower", directionSource: "name" });
  });
});

describe("Trà Vinh appendix II: packed sentences", () => {
  test("1: GRDP growth and its four sector growth rates", () => {
    const r = row("TV-QD77-2025", "II", "1");
    expect(r.target.kind).toBe("composite");
    expect(r.agency).toBe("Cục Thống kê");
    const parts = childrenOf(r);
    expect(parts.map((p) => [p.name, p.target.text, p.target.kind, p.target.min, p.target.max])).toEqual([
      ["Tăng trưởng GRDP", "đạt 7,0 - 7,5%", "range", 7, 7.5],
      ["nông nghiệp", "tăng 2,43%", "exact", 2.43, 2.43],
      ["công nghiệp - xây dựng", "tăng 10,61%", "exact", 10.61, 10.61],
      ["dịch vụ", "tăng 7,44%", "exact", 7.44, 7.44],
      ["thuế sản phẩm trừ trợ cấp sản phẩm", "tăng 5,1%", "exact", 5.1, 5.1],
    ]);
    expect(parts.every((p) => p.agency === "Cục Thống kê" && p.unit === "%")).toBe(true);
  });

  test("8: the sentence continued after a page break is joined back, with three parts", () => {
    const r = row("TV-QD77-2025", "II", "8");
    expect(r.name).toBe(
      "Nâng cao chất lượng xã đạt chuẩn nông thôn mới, 9/9 huyện, thị xã, thành phố đạt chuẩn và hoàn thành nhiệm vụ xây dựng nông thôn mới; có thêm 05 xã nông thôn mới nâng cao, 04 xã đạt nông thôn mới kiểu mẫu",
    );
    expect(childrenOf(r).map((p) => [p.target.kind, p.target.min, p.target.outOf])).toEqual([
      ["exact", 9, 9],
      ["growth", 5, null],
      ["exact", 4, null],
    ]);
  });

  test("18: the agency cell continued after a page break is joined back", () => {
    const r = row("TV-QD77-2025", "II", "18");
    expect(r.agency).toBe("Sở Xây dựng, Sở Nông nghiệp và Phát triển nông thôn");
    expect(childrenOf(r).map((p) => p.target.min)).toEqual([99.5, 100, 85]);
  });

  test("15: poverty reduction of 0,15 points, and 0,3 among Khmer households", () => {
    const parts = childrenOf(row("TV-QD77-2025", "II", "15"));
    expect(parts.map((p) => [p.name, p.target.kind, p.target.min, p.target.change, p.direction])).toEqual([
      ["Giảm tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều", "reduction", 0.15, "points", "lower"],
      ["trong đồng bào dân tộc Khmer", "reduction", 0.3, "points", "lower"],
    ]);
  });

  test("6 and 11: one clause makes one indicator named by its clause", () => {
    expect(row("TV-QD77-2025", "II", "6")).toMatchObject({ name: "Tỷ lệ đô thị hóa", unit: "%", statement: "Tỷ lệ đô thị hóa đạt 33%" });
    expect(row("TV-QD77-2025", "II", "11")).toMatchObject({ name: "Tỷ lệ thất nghiệp khu vực thành thị", direction: "lower" });
  });

  test("3: the GRDP structure shares are bands", () => {
    const parts = childrenOf(row("TV-QD77-2025", "II", "3"));
    expect(parts.map((p) => [p.name, p.target.min, p.direction])).toEqual([
      ["Nông nghiệp", 26.09, "band"],
      ["công nghiệp - xây dựng", 39.84, "band"],
      ["dịch vụ", 29.11, "band"],
      ["thuế sản phẩm", 4.96, "band"],
    ]);
  });

  test("19: decision numbers 64/2003/QĐ-TTg and 1788/QĐ-TTg are not read as targets", () => {
    const parts = childrenOf(row("TV-QD77-2025", "II", "19"));
    expect(parts.map((p) => p.target.min)).toEqual([99.5, 100, 98.5, 78, 100]);
    expect(parts[3]!.target).toMatchObject({ kind: "range", min: 78, max: 80 });
  });

  test("21: a goal without a number is qualitative", () => {
    expect(row("TV-QD77-2025", "II", "21").target).toMatchObject({ kind: "qualitative", expected: "Đạt" });
  });
});

describe("Trà Vinh appendices IIIa and IIIb: GRDP growth scenarios", () => {
  test("the base and high scenarios are named from their headers", () => {
    const plan = seedCatalog().catalog.plans.find((p) => p.id === "TV-QD77-2025")!;
    expect(plan.appendices.find((a) => a.id === "IIIa")!.scenario).toBe("7-7,5%");
    expect(plan.appendices.find((a) => a.id === "IIIb")!.scenario).toBe("10,15%");
  });

  test("the GRDP row has seven periods and the whole year as its target", () => {
    const grdp = appendix("TV-QD77-2025", "IIIa")[0]!;
    expect(grdp.name).toBe("Tổng sản phẩm trong tỉnh (GRDP)");
    expect(Object.keys(grdp.periods)).toEqual(["Quý I", "Quý II", "6 tháng", "Quý III", "9 tháng", "Quý IV", "Cả năm"]);
    expect(grdp.periods["Quý I"]!.min).toBe(107.27);
    expect(grdp.target).toMatchObject({ text: "107.00", min: 107, index: true });
  });

  test("lettered and dashed rows nest: Khai khoáng under Công nghiệp under Công nghiệp và Xây dựng", () => {
    const rows = appendix("TV-QD77-2025", "IIIb");
    const industry = rows.find((r) => r.code === "2")!;
    const manufacturing = rows.find((r) => r.code === "a)")!;
    const mining = rows.find((r) => r.name === "Khai khoáng")!;
    expect(manufacturing).toMatchObject({ name: "Công nghiệp", level: 1, parentId: industry.id });
    expect(mining).toMatchObject({ level: 2, parentId: manufacturing.id, code: "-" });
    expect(mining.periods["Quý II"]!.min).toBe(92.7);
  });
});

describe("Kiên Giang five-year table 2021-2025", () => {
  test("18: poverty reduction with history 2015-2020, a text cell kept verbatim, and yearly ceilings", () => {
    const r = row("KG-KH5N-2021-2025", "BB", "18");
    expect(r).toMatchObject({ name: "Giảm tỷ lệ hộ nghèo đa chiều", unit: "%", direction: "lower" });
    expect(r.history).toEqual({ "2015": 9.78, "2016": 8.32, "2017": 6.2, "2018": 4.14, "2019": 2.69, "2020": 1 });
    expect(r.historyText).toEqual({ "2016-2020": "Mức giảm hạ hằng năm 1,62%" });
    expect(r.target).toMatchObject({ text: "2", kind: "reduction", min: 2, change: "points" });
    expect(Object.keys(r.yearly)).toEqual(["2021", "2022", "2023", "2024", "2025"]);
    for (const t of Object.values(r.yearly)) expect(t).toMatchObject({ text: "đuy trì dưới 3%", kind: "maintain", max: 3, maxInclusive: false });
  });

  test("19: communes meeting the new-countryside criteria, with a gap in the history and its two sub-rows", () => {
    const r = row("KG-KH5N-2021-2025", "BB", "19");
    expect(r.history).toEqual({ "2016-2020": 79, "2015": 18, "2017": 40, "2018": 51, "2019": 64, "2020": 79 });
    expect(r.target).toMatchObject({ text: "100% xã", min: 100, unit: "%", shareOf: "xã" });
    expect(r.yearly["2021"]!.min).toBe(88);
    expect(childrenOf(r).map((c) => [c.name, c.target.min, Object.keys(c.yearly)])).toEqual([
      ["Trong đó: Số xã đạt chuẩn NTM nâng cao", 30, ["2025"]],
      ["Số xã đạt chuẩn NTM kiểu mẫu", 15, ["2025"]],
    ]);
  });

  test("23: health-insurance coverage plans “>90” for every year", () => {
    const r = row("KG-KH5N-2021-2025", "BB", "23");
    expect(Object.values(r.yearly).map((t) => [t.kind, t.min, t.minInclusive])).toEqual(Array(5).fill(["at_least", 90, false]));
  });

  test("20: “7-9” districts is a range", () => {
    expect(row("KG-KH5N-2021-2025", "BB", "20").target).toMatchObject({ kind: "range", min: 7, max: 9 });
  });
});

describe("targets written in prose", () => {
  test("the Directive 06 plan: GRDP growth 2025 đạt 8%, aiming at double digits", () => {
    const [r] = appendix("KG-CT06-2025", "I");
    expect(r).toMatchObject({ name: "tăng trưởng GRDP năm 2025", unit: "%", direction: "higher" });
    expect(r!.target).toMatchObject({ kind: "stretch", min: 8, stretch: 10 });
  });

  test("the industrialisation plan's 2030 targets, with the trained-labour parts under their parent", () => {
    const rows = appendix("KG-NQ29-2030", "II.2");
    expect(rows[0]).toMatchObject({ name: "Tốc độ tăng trưởng GRDP bình quân thời kỳ 2021-2030", unit: "%/năm" });
    expect(rows[0]!.target).toMatchObject({ kind: "exact", min: 7, perYear: true });
    const trained = rows.find((r) => r.name === "Tỷ lệ lao động qua đào tạo")!;
    expect(rows.filter((r) => r.parentId === trained.id).map((r) => r.target.min)).toEqual([55, 97.65]);
    expect(rows.find((r) => r.name === "Tỷ lệ đô thị hóa toàn tỉnh")!.target).toMatchObject({ kind: "range", min: 42, max: 48, approx: true });
  });

  test("the digital-economy share is overridden to higher-is-better, with the reason", () => {
    const r = appendix("KG-NQ29-2030", "II.2").find((x) => x.name === "Tỷ trọng kinh tế số")!;
    expect(r).toMatchObject({ direction: "higher", directionSource: "override" });
    expect(r.directionReason.vi).toContain("công nghiệp hóa");
  });

  test("paragraphs without a measurable target are reported, not dropped silently", () => {
    expect(seedCatalog().skipped["KG-NQ29-2030"]!.map((s) => s.what.slice(0, 30))).toEqual(["Hình thành các cụm liên kết ng"]);
  });
});
