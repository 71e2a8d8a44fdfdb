import { splitSubActuals, splitSubTargets } from "../../src/parse/subTargets";
import { parsePastedTable } from "../../src/parse/document";
import { evaluateReport } from "../../src/evaluate/report";

/** One target cell for several sub-targets (issue 13), and a report's values for them in one cell. */
describe("several sub-targets in one cell", () => {
  test.each([
    ["< 7,0 <10,0", [[null, "< 7,0"], [null, "<10,0"]]],
    ["≥ 95 ≥ 90", [[null, "≥ 95"], [null, "≥ 90"]]],
    ["41,5% - 16,2% - 38,9% - 3,4%", [[null, "41,5%"], [null, "16,2%"], [null, "38,9%"], [null, "3,4%"]]],
    ["khu vực đô thị đạt 99%, khu vực nông thôn đạt 95%", [["khu vực đô thị", "đạt 99%"], ["khu vực nông thôn", "đạt 95%"]]],
    ["Nhà trẻ 25%; mẫu giáo 95%; tiểu học 99,5%", [["Nhà trẻ", "25%"], ["mẫu giáo", "95%"], ["tiểu học", "99,5%"]]],
  ] as const)("“%s”", (text, want) => {
    expect(splitSubTargets(text)?.map((p) => [p.label, p.text])).toEqual(want);
  });

  test.each(["7,0 - 7,5%", "35 đến 40", "≥ 95,1", "tăng 8%, phấn đấu 9%", "Đạt", "giảm 1-1,5%", "9,77; phấn đấu 14,43", "trên 91%, trong đó có bằng cấp 30%"])("“%s” is one target", (text) => {
    expect(splitSubTargets(text)).toBeNull();
  });

  test.each([
    ["6,8 9,9", 2, ["6,8", "9,9"]],
    ["41,5% - 16,2% - 38,9% - 3,4%", 4, ["41,5%", "16,2%", "38,9%", "3,4%"]],
    ["đô thị 99,2%, nông thôn 96%", 2, ["99,2%", "96%"]],
    ["6,8", 2, null],
  ] as const)("the report's values “%s” for %d parts", (text, n, want) => {
    expect(splitSubActuals(text, n)).toEqual(want);
  });

  test("a table row with such a target becomes a packed row with one sub-row per part, judged each against its own", () => {
    const report = [
      "TT\tChỉ tiêu\tĐơn vị\tKế hoạch năm 2019\tƯớc thực hiện năm 2019",
      "1\tTỷ lệ suy dinh dưỡng trẻ em dưới 5 tuổi thể nhẹ cân; thể thấp còi\t%\t< 7,0 <10,0\t6,8 9,9",
      "2\tCơ cấu kinh tế: công nghiệp - dịch vụ - nông nghiệp - thuế\t%\t41,5% - 16,2% - 38,9% - 3,4%\t41,5% - 16,2% - 38,9% - 3,4%",
      "3\tTỷ lệ dân số được dùng nước sạch\t%\tkhu vực đô thị đạt 99%, khu vực nông thôn đạt 95%\tđô thị 99,2%, nông thôn 93%",
    ].join("\n");
    const r = evaluateReport(report);
    if (!r.ok) throw new Error(r.error.en);
    const seen = r.rows.map((x) => [x.indicator.name, x.indicator.target.kind, x.actualText, x.judgement.status]);
    expect(seen).toEqual([
      ["Tỷ lệ suy dinh dưỡng trẻ em dưới 5 tuổi thể nhẹ cân; thể thấp còi", "composite", "6,8 9,9", "met"],
      ["Tỷ lệ suy dinh dưỡng trẻ em dưới 5 tuổi thể nhẹ cân; thể thấp còi (1)", "at_most", "6,8", "met"],
      ["Tỷ lệ suy dinh dưỡng trẻ em dưới 5 tuổi thể nhẹ cân; thể thấp còi (2)", "at_most", "9,9", "met"],
      ["Cơ cấu kinh tế: công nghiệp - dịch vụ - nông nghiệp - thuế", "composite", "41,5% - 16,2% - 38,9% - 3,4%", "met"],
      ["Cơ cấu kinh tế: công nghiệp - dịch vụ - nông nghiệp - thuế (1)", "exact", "41,5%", "met"],
      ["Cơ cấu kinh tế: công nghiệp - dịch vụ - nông nghiệp - thuế (2)", "exact", "16,2%", "met"],
      ["Cơ cấu kinh tế: công nghiệp - dịch vụ - nông nghiệp - thuế (3)", "exact", "38,9%", "met"],
      ["Cơ cấu kinh tế: công nghiệp - dịch vụ - nông nghiệp - thuế (4)", "exact", "3,4%", "met"],
      ["Tỷ lệ dân số được dùng nước sạch", "composite", "đô thị 99,2%, nông thôn 93%", "near"],
      ["Tỷ lệ dân số được dùng nước sạch — khu vực đô thị", "exact", "99,2%", "exceeded"],
      ["Tỷ lệ dân số được dùng nước sạch — khu vực nông thôn", "exact", "93%", "near"],
    ]);
  });

  test("in the catalog, the parts are indicators of their own under the row, with the row's unit and agency", () => {
    const pasted = parsePastedTable("STT\tChỉ tiêu\tĐơn vị\tChỉ tiêu năm 2025\tCơ quan chủ trì\n1\tTỷ lệ dân số được dùng nước sạch\t%\tkhu vực đô thị đạt 99%, khu vực nông thôn đạt 95%\tSở Xây dựng");
    if (!pasted.ok) throw new Error(pasted.error.en);
    const [row, a, b] = pasted.plan.appendices[0]!.indicators;
    expect(row!.target.kind).toBe("composite");
    expect(row!.target.text).toBe("khu vực đô thị đạt 99%, khu vực nông thôn đạt 95%");
    expect([a!.parentId, b!.parentId]).toEqual([row!.id, row!.id]);
    expect([a!.target.min, b!.target.min, a!.unit, b!.agency]).toEqual([99, 95, "%", "Sở Xây dựng"]);
  });
});
