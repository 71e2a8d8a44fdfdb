import { inferDirection, overrideDirection } from "../../src/parse/direction";
import { parseTarget } from "../../src/parse/target";

function direction(name: string, unit: string, target: string) {
  return inferDirection(name, unit, parseTarget(target, { name, unit }));
}

describe("which way is better", () => {
  test("an explicit comparator decides over the name", () => {
    expect(direction("Tỷ lệ hộ nghèo", "%", "trên 5")).toMatchObject({ direction: "higher", source: "comparator" });
    expect(direction("Tỷ lệ che phủ rừng", "%", "dưới 5")).toMatchObject({ direction: "lower", source: "comparator" });
  });

  test.each([
    ["Tỷ lệ hộ nghèo đa chiều", "%", "1,5"],
    ["Tỷ lệ thất nghiệp khu vực thành thị", "%", "2"],
    ["Tỷ lệ nợ xấu nội bảng", "%", "2"],
    ["Tỷ suất tử vong trẻ em dưới 5 tuổi", "‰", "2,7"],
    ["Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi", "%", "4,5"],
    ["Chỉ số giá tiêu dùng (lạm phát)", "%", "4"],
  ])("a lower “%s” is better, by its name", (name, unit, target) => {
    const v = direction(name, unit, target);
    expect(v.direction).toBe("lower");
    expect(v.source).toBe("name");
    expect(v.reason.vi.length).toBeGreaterThan(5);
    expect(v.reason.en.length).toBeGreaterThan(5);
  });

  test("a rank unit makes lower better", () => {
    expect(direction("Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "Thứ hạng", "15")).toMatchObject({ direction: "lower", source: "unit" });
  });

  test("a reduction aims lower and a growth higher", () => {
    expect(direction("Tỷ lệ hộ nghèo", "%", "giảm 1%").direction).toBe("lower");
    expect(direction("Số doanh nghiệp", "doanh nghiệp", "tăng 10%").direction).toBe("higher");
  });

  test("the words of a bad quantity inside a good one do not flip it", () => {
    expect(direction("Tỷ lệ lao động tham gia bảo hiểm thất nghiệp", "%", "26").direction).toBe("higher");
  });

  test("shares of one whole are bands; a sex-ratio range is a band", () => {
    expect(direction("Tỷ trọng công nghiệp - xây dựng trong GRDP", "%", "35").direction).toBe("band");
    expect(direction("Tổng vốn đầu tư toàn xã hội so với GRDP", "%", "30-32").direction).toBe("band");
    expect(direction("Tỷ số giới tính khi sinh", "bé trai/100 bé gái", "105-107").direction).toBe("band");
  });

  // GLOSSARY.md, "Which way is better": CPI growth and inflation, the trade deficit, the share of recurrent
  // spending; and the budget deficit, public debt, traffic accidents and third births, which plans aim to lower.
  test.each([
    ["Tốc độ tăng giá tiêu dùng (CPI)", "%", "Khoảng 4"],
    ["Chỉ số giá tiêu dùng (CPI) bình quân", "%", "4"],
    ["Tỷ lệ nhập siêu so với tổng kim ngạch xuất khẩu", "%", "3"],
    ["Tỷ trọng chi thường xuyên/tổng chi NSNN", "%", "68"],
    ["Bội chi ngân sách nhà nước so với GDP", "%", "3,6"],
    ["Nợ công so với GDP", "%", "60"],
    ["Số người chết do tai nạn giao thông", "người", "120"],
    ["Tỷ lệ sinh con thứ 3 trở lên", "%", "12"],
  ])("%s (target %s %s): lower is better, by its name", (name, unit, target) => {
    expect(direction(name, unit, target)).toMatchObject({ direction: "lower", source: "name" });
  });

  test("a reduction named as such with a bare number is its size: more is better", () => {
    expect(direction("Tỷ lệ hộ nghèo giảm (%)", "", "0,7% (còn 4,33%)").direction).toBe("higher");
    expect(direction("Mức giảm tỷ lệ hộ nghèo theo chuẩn nghèo tiếp cận đa chiều", "điểm", "1-1,5").direction).toBe("higher");
    expect(direction("Trong đó: Giảm tỷ lệ hộ nghèo tại các huyện nghèo", "%", "4").direction).toBe("higher");
    expect(direction("Tỷ lệ hộ nghèo", "%", "dưới 1,5").direction).toBe("lower");
  });

  test("anything else: higher is better, said as the default", () => {
    expect(direction("Tỷ lệ che phủ rừng", "%", "11")).toMatchObject({ direction: "higher", source: "default" });
  });

  test("an override beats every inferred reason and keeps its own", () => {
    const v = overrideDirection("lower", { vi: "chi thường xuyên cần giảm", en: "current spending should fall" });
    expect(v).toEqual({ direction: "lower", source: "override", reason: { vi: "chi thường xuyên cần giảm", en: "current spending should fall" } });
  });
});
