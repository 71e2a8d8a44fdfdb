import fc from "fast-check";
import { classifyHeader, findTables } from "../../src/parse/table";
import { parseTarget } from "../../src/parse/target";

describe("column headers say what a column holds", () => {
  test.each([
    ["STT", "code"],
    ["TT", "code"],
    ["Chỉ tiêu", "name"],
    ["CHỈ TIÊU", "name"],
    ["Ngành kinh tế", "name"],
    ["Đơn vị tính", "unit"],
    ["ĐVT", "unit"],
    ["Đơn vị", "unit"],
    ["Cơ quan chủ trì theo dõi, đánh giá", "agency"],
    ["Cơ quan phối hợp", "other"],
    ["Ghi chú", "note"],
    ["Chỉ tiêu tỉnh năm 2025", "target"],
    ["Mục tiêu 2021 - 2025", "target"],
    ["KH năm 2026", "target"],
    ["Ước TH năm 2025", "actual"],
    ["TH/2016-2020", "history"],
    ["Quý I", "period"],
    ["Cả năm", "period"],
  ])("“%s” is a %s column", (header, role) => {
    expect(classifyHeader(header).role).toBe(role);
  });

  test("a year under “Thực hiện qua các năm” is history; under “Kế hoạch các năm” a yearly plan", () => {
    expect(classifyHeader("2019", "Thực hiện qua các năm")).toEqual({ role: "history", key: "2019" });
    expect(classifyHeader("2023", "Kế hoạch các năm")).toEqual({ role: "yearly", year: "2023" });
  });
});

describe("tables in text", () => {
  const text = [
    "Phụ lục V",
    "MỘT SỐ CHỈ TIÊU",
    "TT\tChỉ tiêu\tĐơn vị\tKế hoạch các năm\t",
    "\t\t\t2024\t2025",
    "1\tTỷ lệ hộ gia đình sử dụng nước sạch\t%\t90\t92",
    "2\tTỷ lệ đường giao thông nông thôn được\t%\t80\t85",
    "",
    "\tcứng hóa\t\t\t",
    "TT\tChỉ tiêu\tĐơn vị\tKế hoạch các năm\t",
    "\t\t\t2024\t2025",
    "3\tSố xã đạt chuẩn quốc gia về y tế\txã\t100\t105",
    "Đoạn văn sau bảng.",
  ].join("\n");
  const [table] = findTables(text);

  test("a two-row header gives one column per year", () => {
    expect(table!.roles.map((r) => r.role)).toEqual(["code", "name", "unit", "yearly", "yearly"]);
    expect(table!.headers[3]).toBe("Kế hoạch các năm 2024");
  });

  test("a cell continued after a page break joins its row; the repeated header is skipped", () => {
    expect(table!.rows.map((r) => r.cells[1])).toEqual([
      "Tỷ lệ hộ gia đình sử dụng nước sạch",
      "Tỷ lệ đường giao thông nông thôn được cứng hóa",
      "Số xã đạt chuẩn quốc gia về y tế",
    ]);
  });

  test("the table ends at the first line of running text, and keeps the lines before it", () => {
    expect(findTables(text)).toHaveLength(1);
    expect(table!.preamble).toEqual(["Phụ lục V", "MỘT SỐ CHỈ TIÊU"]);
  });

  test("a table whose numbers are written 107.27 is read en-US", () => {
    const [t] = findTables("TT\tNgành kinh tế\tQuý I\tCả năm\n1\tDịch vụ\t107.27\t108.15\n");
    expect(t!.style).toBe("en");
  });
});

describe("the target grammar never throws", () => {
  test("whatever the phrase, a target comes back with its text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), fc.constantFrom("%", "Thứ hạng", "xã", ""), (s, unit) => {
        const t = parseTarget(s, { unit });
        expect(typeof t.kind).toBe("string");
        if (t.min !== null) expect(Number.isFinite(t.min)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
