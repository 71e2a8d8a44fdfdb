import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePastedTable } from "../../src/parse/document";

/**
 * A report table with no plan column (issue 13, item 5): its names are not read as targets; the reader says so,
 * names the columns that could be read as targets, and reads the one the user chooses. The fixture is a real
 * published table (its source in its header lines, which are not pasted).
 */
const text = readFileSync(join(__dirname, "../fixtures/tables/hue-2021-estimates.tsv"), "utf8")
  .split("\n")
  .filter((l) => !l.startsWith("#"))
  .join("\n");

test("a table without a target column says so and offers its estimate column, instead of reading every name as an unread target", () => {
  const r = parsePastedTable(text, { name: "Huế 2021" });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe("input.noTargetColumn");
  expect(r.targetColumns).toEqual(["Ước TH năm 2021"]);
  expect(r.error.vi).toContain("Stt | Chỉ tiêu chủ yếu | Ước TH năm 2021");
  expect(r.error.en).toContain("“Ước TH năm 2021” can be read as targets");
});

test("read as targets, the column gives the 15 indicators under their three sections, each target read", () => {
  const r = parsePastedTable(text, { name: "Huế 2021", targetColumn: "Ước TH năm 2021" });
  if (!r.ok) throw new Error(r.error.en);
  const indicators = r.plan.appendices[0]!.indicators;
  expect(indicators.map((i) => i.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"]);
  const by = (code: string) => indicators.find((i) => i.code === code)!;
  expect(by("2").target).toMatchObject({ kind: "at_least", min: 2300, minInclusive: false });
  expect(by("8").target).toMatchObject({ kind: "range", min: 13, max: 14 });
  expect(by("13").target).toMatchObject({ kind: "exact", min: 94 });
  expect(by("15").target).toMatchObject({ kind: "range", min: 57, max: 57.5 });
  expect([by("1").section, by("7").section, by("13").section]).toEqual(["I Kinh tế", "II Xã hội", "III Môi trường"]);
  expect(r.plan.appendices[0]!.period).toBe("2021");
  // None of the names became a target.
  expect(indicators.every((i) => i.target.text !== i.name)).toBe(true);
});

test("a column that is not there is named in the message", () => {
  const r = parsePastedTable(text, { targetColumn: "KH năm 2021" });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.vi).toBe("Không có cột “KH năm 2021” để đọc làm chỉ tiêu. Các cột: Stt | Chỉ tiêu chủ yếu | Ước TH năm 2021");
});

test("a table whose names hold their targets is still read as statements", () => {
  const r = parsePastedTable("STT\tNội dung chỉ tiêu\tCơ quan chủ trì\n1\tTỷ lệ hộ nghèo giảm còn dưới 3%\tSở LĐTBXH\n2\tTỷ lệ che phủ rừng đạt 4,2%\tSở NN&PTNT");
  if (!r.ok) throw new Error(r.error.en);
  expect(r.plan.appendices[0]!.indicators.some((i) => i.target.kind !== "unparsed")).toBe(true);
});
