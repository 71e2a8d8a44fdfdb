import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePastedTable } from "../../src/parse/document";

/**
 * A list of targets pasted as resolutions publish them (issue 13, item 5): bullets, "Tên: chỉ tiêu", group
 * headings — read by the sentence reader to the indicators and targets a person reads. The fixture is a real
 * provincial list (its source in its header lines, which are not pasted).
 */
const text = readFileSync(join(__dirname, "../fixtures/lists/laocai-2024.txt"), "utf8")
  .split("\n")
  .filter((l) => !l.startsWith("#"))
  .join("\n");

test("Lào Cai's 2024 targets, pasted as a list, read to 15 indicators with the targets a person reads", () => {
  const r = parsePastedTable(text, { name: "Lào Cai 2024" });
  if (!r.ok) throw new Error(r.error.en);
  const read = r.plan.appendices[0]!.indicators.map((i) => [i.name, i.target.kind, i.target.min, i.target.max]);
  expect(read).toEqual([
    ["Tốc độ tăng trưởng kinh tế (GRDP)", "at_least", 10, null],
    ["GRDP bình quân đầu người", "exact", 104, 104],
    ["Tổng vốn đầu tư toàn xã hội", "exact", 60000, 60000],
    ["Thu ngân sách nhà nước", "exact", 12800, 12800],
    ["Giá trị sản phẩm/1 ha đất canh tác", "exact", 98, 98],
    ["Giá trị sản xuất công nghiệp", "exact", 52200, 52200],
    ["Tỷ lệ đô thị hóa", "exact", 33.5, 33.5],
    ["Hộ gia đình được sử dụng điện lưới quốc gia", "exact", 97.8, 97.8],
    ["Tỷ lệ trường học đạt chuẩn quốc gia", "exact", 68, 68],
    ["Tỷ lệ tăng dân số tự nhiên", "at_most", null, 1.2],
    ["Tỷ lệ giảm nghèo đa chiều", "at_least", 4, null],
    ["Tỷ lệ lao động qua đào tạo", "exact", 68.8, 68.8],
    ["Tỷ lệ bao phủ BHYT", "at_least", 97, null],
    ["Tỷ lệ gia đình văn hóa đạt từ 86% trở lên", "at_least", 86, null],
    ["Tỷ lệ che phủ rừng", "exact", 59.2, 59.2],
  ]);
  expect(r.plan.appendices[0]!.indicators.find((i) => i.name === "Tỷ lệ tăng dân số tự nhiên")!.direction).toBe("lower");
});

test("text with neither a table nor a measurable target is still refused with the header message", () => {
  const r = parsePastedTable("Kính gửi các sở, ngành\nđề nghị báo cáo trước ngày 15/12");
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.code).toBe("input.noHeader");
});
