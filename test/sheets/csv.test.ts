import { parseCsv } from "../../src/sheets/csv";
import { parseEntriesCsv } from "../../src/sheets/entries";

describe("CSV as spreadsheets write it", () => {
  test("quoted cells keep separators, doubled quotes and line breaks", () => {
    expect(parseCsv('a,"2,5","say ""Đạt""","two\nlines"\r\nb,,c\n')).toEqual([
      ["a", "2,5", 'say "Đạt"', "two\nlines"],
      ["b", "", "c"],
    ]);
  });

  test("entries: a vi-VN decimal quoted in a comma file, and semicolon files as Vietnamese Excel exports them", () => {
    expect(parseEntriesCsv('id,period,value\nTV.IV.1,2025,"2,5"\n').map((e) => e.value)).toEqual(["2,5"]);
    expect(parseEntriesCsv("Mã;Kỳ;Giá trị\nTV.IV.1;2025;2,5\nTV.IV.2;;\n")).toEqual([
      { line: 2, key: "TV.IV.1", period: "2025", value: "2,5" },
      { line: 3, key: "TV.IV.2", period: "", value: null },
    ]);
  });
});
