import { baselineFor, judgeWholePeriod, judgeYear, targetFor } from "../../src/evaluate/indicator";
import { judgeCell } from "../../src/evaluate/judge";
import { explain } from "../../src/evaluate/explain";
import { row, childrenOf } from "../helpers/seedCatalog";

describe("time: yearly plans per year, the whole period from the latest actual", () => {
  const water = row("KG-KH5N-2021-2025", "BB", "21"); // 88,15 / 87,54 / 88,77 / 89,38 / 90 by year; 90 for 2021-2025
  const poverty = row("KG-KH5N-2021-2025", "BB", "18"); // "đuy trì dưới 3%" each year; "giảm 2" over the period

  test("each year is judged against that year's plan", () => {
    expect(targetFor(water, "2022").text).toBe("87,54");
    expect(judgeYear(water, "2021", "88,2").status).toBe("exceeded");
    expect(judgeYear(water, "2022", 87.54).status).toBe("met");
    expect(judgeYear(water, "2024", "85").status).toBe("near");
    expect(judgeYear(poverty, "2023", "2,5").status).toBe("met");
    expect(judgeYear(poverty, "2023", "3,4").status).toBe("shortfall");
  });

  test("a year without its own plan falls back on the whole-period target", () => {
    const hazardous = row("KG-KH5N-2021-2025", "BB", "24"); // 2021: 93 only; target 90
    expect(targetFor(hazardous, "2023").text).toBe("90");
    expect(judgeYear(hazardous, "2023", 91).status).toBe("exceeded");
  });

  test("the whole-period target is judged from the latest year that has an actual", () => {
    const r = judgeWholePeriod(water, { "2021": "88,2", "2022": "", "2023": "90,5", "2024": "x" });
    expect(r.year).toBe("2023");
    expect(r.judgement.status).toBe("exceeded");
    expect(judgeWholePeriod(water, {}).judgement.status).toBe("no_data");
  });

  test("a reduction over the period is measured from the last actual before it (2020: 1 %)", () => {
    const r = judgeWholePeriod(poverty, { "2021": "0,9", "2022": "0,8" });
    expect(r.judgement.change).toBeCloseTo(0.2, 9);
    expect(r.judgement.compared).toBe(2);
    expect(r.judgement.status).toBe("shortfall");
  });

  test("the baseline of a year is the entered actual of the year before, else the document's history", () => {
    expect(baselineFor(poverty, "2021")).toBe(1);
    expect(baselineFor(poverty, "2022", { "2021": "0,9" })).toBe(0.9);
  });

  test("communes meeting the criteria against “100% xã”: a count is flagged with what to type", () => {
    const communes = row("KG-KH5N-2021-2025", "BB", "19");
    const j = judgeCell(communes.target, communes.direction, 117, { unit: communes.unit });
    expect(j.status).toBe("invalid");
    expect(explain(j, communes.target, communes.unit, "117").vi).toBe(
      "Chỉ tiêu là tỷ lệ “100% xã”: hãy nhập tỷ lệ phần trăm (ví dụ 95%), không phải số lượng “117”",
    );
    expect(judgeCell(communes.target, communes.direction, "100%", { unit: communes.unit }).status).toBe("met");
    expect(childrenOf(communes)).toHaveLength(2);
  });
});
