import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluateReport } from "../../src/evaluate/report";

const FIXTURE = readFileSync(join(__dirname, "../fixtures/bao-cao-2025.tsv"), "utf8");

describe("a year-end report table with “KH năm 2025” and “Ước TH năm 2025” columns", () => {
  const report = evaluateReport(FIXTURE);
  if (!report.ok) throw new Error(report.error.en);

  test("finds the plan, actual and previous-year columns by their headers", () => {
    expect([report.targetHeader, report.actualHeader, report.baselineHeader]).toEqual(["KH năm 2025", "Ước TH năm 2025", "TH năm 2024"]);
  });

  test("judges each row as the department would", () => {
    expect(report.rows.map((r) => [r.indicator.code, r.judgement.status])).toEqual([
      ["1", "met"], // 7,2 in 7,0 - 7,5
      ["2", "near"], // 98,5 of 101 million đồng: 2,5 short, within 5 %
      ["3", "exceeded"], // 33.100 above 30.000 - 32.000 tỷ
      ["4", "shortfall"], // 5.900 of 6.682 tỷ
      ["5", "exceeded"], // 15,1 past the stretch aim 14,43
      ["6", "exceeded"], // poverty down 0,2 points from 1,45, target down 0,15
      ["7", "shortfall"], // unemployment 2,4 against 2, lower is better
      ["8", "met"], // "95,1%" typed as text against ≥ 95,1
      ["9", "exceeded"], // infant mortality 1,9 against ≤2
      ["10", "near"], // 91 does not pass "Trên 91"
      ["11", "met"], // Đạt
      ["12", "met"], // rank 38 within 35 đến 40
      ["13", "invalid"], // "abc"
      ["14", "no_data"], // empty
      ["15", "met"], // "1.800" households is 1800
      ["16", "invalid"], // "1.800" for a percentage: say which
      ["17", "shortfall"], // 75 % against the 68 % band
      ["18", "invalid"], // #DIV/0!
      ["19", "not_applicable"], // target not readable
      ["20", "near"], // 86,2 of 90
    ]);
  });

  test("messages say what was expected, in Vietnamese and English", () => {
    const byCode = new Map(report.rows.map((r) => [r.indicator.code, r]));
    expect(byCode.get("13")!.explanation.vi).toBe("“abc” không phải là số: cần một số như 95,1 hoặc 1.462,8");
    expect(byCode.get("13")!.explanation.en).toContain("is not a number");
    expect(byCode.get("16")!.explanation.vi).toContain("có thể là 1.800 hoặc 1,8");
    expect(byCode.get("4")!.explanation.vi).toBe("Thực hiện 5.900 Tỷ đồng so với chỉ tiêu 6.682: thiếu 782 Tỷ đồng");
    expect(byCode.get("7")!.explanation.vi).toBe("Thực hiện 2,4% so với chỉ tiêu 2: thiếu 0,4 điểm %");
    expect(byCode.get("6")!.explanation.vi).toBe("Giảm 0,2 điểm % so với kỳ trước (1,45%), chỉ tiêu giảm 0,15%: vượt");
    expect(byCode.get("12")!.explanation.vi).toBe("Thực hiện hạng 38 đạt chỉ tiêu 35 đến 40");
  });

  test("the gap is signed: behind is negative, ahead positive", () => {
    const gap = (code: string) => report.rows.find((r) => r.indicator.code === code)!.judgement.gap;
    expect(gap("4")).toBeCloseTo(-782, 6);
    expect(gap("9")).toBeCloseTo(0.1, 6);
    expect(gap("7")).toBeCloseTo(-0.4, 6);
  });

  test("the columns can be named: judged against last year's actual instead", () => {
    const r = evaluateReport(FIXTURE, { target: "TH năm 2024", actual: "Ước TH" });
    expect(r.ok && r.rows.find((x) => x.indicator.code === "2")!.judgement.status).toBe("exceeded");
  });

  test("a named column that does not exist is an error that lists the columns", () => {
    const r = evaluateReport(FIXTURE, { actual: "Thực hiện quý V" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.vi).toContain("KH năm 2025");
  });

  test("a table without an actual column says how to name one", () => {
    const r = evaluateReport("TT\tChỉ tiêu\tĐVT\tKH năm 2025\n1\tTỷ lệ che phủ rừng\t%\t4,2\n");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.en).toContain("--actual");
  });
});
