import { clipboardRows, unquoteClipboard } from "../../src/parse/clipboard";
import { parsePastedTable } from "../../src/parse/document";
import { evaluateReport } from "../../src/evaluate/report";
import type { Plan } from "../../src/model";

/**
 * Pasted tables read like Excel's clipboard. Excel writes a copied range as tab-separated text and puts a cell
 * that holds a line break (Alt+Enter), a tab or a quote inside quotes, doubling its quotes — the same rule as its
 * "Text (Tab delimited)" files and RFC 4180. Word copies table cells with tabs and does not quote. The texts
 * below are written to those rules; the header is the Trà Vinh appendix IV's.
 */
const HEADER = "STT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2025\tCơ quan chủ trì";

const indicators = (plan: Plan) => plan.appendices.flatMap((a) => a.indicators);
function pasted(text: string): Plan {
  const r = parsePastedTable(text, { id: "DAN" });
  if (!r.ok) throw new Error(r.error.en);
  return r.plan;
}

describe("Excel's clipboard text", () => {
  test("a cell with a line break (Alt+Enter) is one cell: one indicator, columns in place", () => {
    const text = [HEADER, '1\t"Tỷ lệ hộ nghèo\ntheo chuẩn đa chiều"\t%\t< 1,5\tSở Lao động - Thương binh và Xã hội', "2\tTỷ lệ che phủ rừng\t%\t≥ 4,2\tSở Nông nghiệp và Phát triển nông thôn"].join("\r\n");
    const list = indicators(pasted(text));
    expect(list.map((i) => [i.code, i.name, i.unit, i.target.text, i.agency])).toEqual([
      ["1", "Tỷ lệ hộ nghèo theo chuẩn đa chiều", "%", "< 1,5", "Sở Lao động - Thương binh và Xã hội"],
      ["2", "Tỷ lệ che phủ rừng", "%", "≥ 4,2", "Sở Nông nghiệp và Phát triển nông thôn"],
    ]);
  });

  test("a cell with a tab and one with doubled quotes do not shift the columns", () => {
    const text = [HEADER, '1\t"Số xã đạt chuẩn\t""nông thôn mới nâng cao"""\tXã\t12\t"Sở Nông nghiệp\nvà PTNT"'].join("\n");
    const [ind] = indicators(pasted(text));
    expect([ind!.name, ind!.unit, ind!.target.text, ind!.agency]).toEqual(['Số xã đạt chuẩn "nông thôn mới nâng cao"', "Xã", "12", "Sở Nông nghiệp và PTNT"]);
  });

  test("Word's text (no quoting) with a cell that simply begins with a quotation mark stays literal", () => {
    const text = [HEADER, '1\t"Xanh - Sạch - Đẹp" ở khu dân cư\t%\t100\tỦy ban MTTQ tỉnh', '2\tTỷ lệ "đạt" chuẩn\t%\t≥ 90\t"Sở Y tế'].join("\n");
    expect(indicators(pasted(text)).map((i) => [i.name, i.agency])).toEqual([
      ['"Xanh - Sạch - Đẹp" ở khu dân cư', "Ủy ban MTTQ tỉnh"],
      ['Tỷ lệ "đạt" chuẩn', '"Sở Y tế'],
    ]);
  });

  test("a formula-looking cell stays text", () => {
    const [ind] = indicators(pasted([HEADER, '1\t"=HYPERLINK(""http://x"",""bấm"")"\t%\t≥ 90\t+Sở Y tế'].join("\n")));
    expect([ind!.name, ind!.agency]).toEqual(['=HYPERLINK("http://x","bấm")', "+Sở Y tế"]);
  });

  test("a year-end report copied from Excel with wrapped cells is judged row by row", () => {
    const text = ["STT\tChỉ tiêu\tĐVT\tKH năm 2025\tƯớc TH năm 2025", '1\t"Tốc độ tăng trưởng\nGRDP"\t%\t7,0 - 7,5\t7,2', '2\t"Tỷ lệ hộ nghèo\n(chuẩn đa chiều)"\t%\t< 1,5\t"1,2"'].join("\r\n");
    const r = evaluateReport(text);
    if (!r.ok) throw new Error(r.error.en);
    expect(r.rows.map((x) => [x.indicator.name, x.judgement.status])).toEqual([
      ["Tốc độ tăng trưởng GRDP", "met"],
      ["Tỷ lệ hộ nghèo (chuẩn đa chiều)", "met"],
    ]);
  });

  test("the parser: quoted fields, doubled quotes, empty cells, blank lines kept; malformed quotes literal", () => {
    expect(clipboardRows('a\t"b\tc"\t\n\n"d""e"\t"f"g\n')).toEqual([["a", "b\tc", ""], [""], ['d"e', '"f"g']]);
    expect(unquoteClipboard("no quotes here\tat all")).toBe("no quotes here\tat all");
  });
});
