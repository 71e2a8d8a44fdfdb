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
    ["Tỷ lệ gia đình văn hóa", "at_least", 86, null],
    ["Tỷ lệ che phủ rừng", "exact", 59.2, 59.2],
  ]);
  expect(r.plan.appendices[0]!.indicators.find((i) => i.name === "Tỷ lệ tăng dân số tự nhiên")!.direction).toBe("lower");
});

const phutho = readFileSync(join(__dirname, "../fixtures/lists/phutho-2023.txt"), "utf8")
  .split("\n")
  .filter((l) => !l.startsWith("#"))
  .join("\n");

test("Phú Thọ's 2023 resolution, pasted as a list, reads to 22 indicators under its three groups, as a person reads them", () => {
  const r = parsePastedTable(phutho, { name: "Phú Thọ 2023" });
  if (!r.ok) throw new Error(r.error.en);
  expect(r.skipped).toEqual([]);
  const read = r.plan.appendices[0]!.indicators.map((i) => [i.section, i.level, i.name, i.unit, i.target.kind, i.target.min ?? i.target.max]);
  const E = "1. Về kinh tế", S = "2. Về xã hội", M = "3. Về môi trường";
  expect(read).toEqual([
    [E, 0, "Tốc độ tăng trưởng kinh tế (GRDP)", "%", "at_least", 7.5],
    [E, 0, "Tổng sản phẩm bình quân đầu người", "triệu đồng", "at_least", 63],
    [E, 0, "Cơ cấu kinh tế — Công nghiệp - xây dựng", "%", "exact", 41.8],
    [E, 0, "Cơ cấu kinh tế — dịch vụ", "%", "exact", 39.7],
    [E, 0, "Cơ cấu kinh tế — nông lâm nghiệp, thủy sản", "%", "exact", 18.5],
    [E, 0, "Tổng vốn đầu tư trên địa bàn", "nghìn tỷ đồng", "at_least", 43.5],
    [E, 0, "Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "at_least", 6109],
    [E, 0, "Tỷ lệ đô thị hóa", "%", "at_least", 19.6],
    [S, 0, "Tỷ trọng lao động nông nghiệp trong tổng lao động xã hội", "%", "at_most", 35],
    [S, 0, "Tỷ lệ lao động qua đào tạo và truyền nghề", "%", "at_least", 71],
    [S, 1, "đào tạo có bằng cấp, chứng chỉ, chứng nhận", "%", "at_least", 28],
    [S, 0, "Tỷ lệ hộ nghèo", "%", "reduction", 0.5],
    [S, 0, "Tỷ lệ bác sỹ, giường bệnh/1 vạn dân — Bác sỹ/1 vạn dân", "bác sỹ/1 vạn dân", "exact", 14.3],
    [S, 0, "Tỷ lệ bác sỹ, giường bệnh/1 vạn dân — Giường bệnh/1 vạn dân", "giường bệnh/1 vạn dân", "exact", 48.5],
    [S, 0, "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "at_least", 93.7],
    [S, 0, "Số xã đạt chuẩn nông thôn mới", "xã", "growth", 7],
    [S, 0, "số xã đạt chuẩn nông thôn mới nâng cao, kiểu mẫu", "xã", "exact", 13],
    [S, 0, "Huyện Thanh Ba đạt chuẩn nông thôn mới", "", "qualitative", null],
    [M, 0, "Tỷ lệ dân cư đô thị được dùng nước sạch", "%", "exact", 93.7],
    [M, 0, "tỷ lệ dân cư nông thôn được sử dụng nước sinh hoạt hợp vệ sinh", "%", "maintain", 98.4],
    [M, 0, "Tỷ lệ thu gom, xử lý chất thải rắn sinh hoạt đô thị và khu dân cư tập trung", "%", "at_least", 77.8],
    [M, 0, "Tỷ lệ che phủ rừng", "%", "exact", 39.2],
  ]);
  const by = (name: string) => r.plan.appendices[0]!.indicators.find((i) => i.name === name)!;
  // Directions a person reads: fewer farm workers and poorer households are better; the shares of a structure are bands.
  expect(by("Tỷ trọng lao động nông nghiệp trong tổng lao động xã hội").direction).toBe("lower");
  expect(by("Tỷ lệ hộ nghèo").direction).toBe("lower");
  expect(by("Cơ cấu kinh tế — dịch vụ").direction).toBe("band");
  // The sub-target "trong đó" sits under its indicator.
  expect(by("đào tạo có bằng cấp, chứng chỉ, chứng nhận").parentId).toBe(by("Tỷ lệ lao động qua đào tạo và truyền nghề").id);
});

test("text with neither a table nor a measurable target is still refused with the header message", () => {
  const r = parsePastedTable("Kính gửi các sở, ngành\nđề nghị báo cáo trước ngày 15/12");
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.code).toBe("input.noHeader");
});
