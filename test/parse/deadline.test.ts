import { parseDeadline } from "../../src/parse/deadline";

/** Deadlines as the task tables write them (issue 14, item 2): each with the date read and its reason. */
type Row = [text: string, planYear: number | null, kind: string, due: string | null, reason: RegExp];
const ROWS: Row[] = [
  ["Quý IV/2021", 2021, "date", "2021-12-31", /quý IV\/2021/],
  ["Quý III/2021", 2021, "date", "2021-09-30", /quý III/],
  ["Quý II/2021", 2021, "date", "2021-06-30", /30\/06\/2021/],
  ["Quý I/2025", 2025, "date", "2025-03-31", /31\/03\/2025/],
  ["quý 2 năm 2024", 2021, "date", "2024-06-30", /2024/],
  ["Quý II", 2021, "date", "2021-06-30", /năm đầu của kế hoạch \(2021\)/],
  ["Quý IV", 2021, "date", "2021-12-31", /không ghi năm/],
  ["Năm 2021", 2021, "date", "2021-12-31", /năm 2021/],
  ["2022", 2021, "date", "2022-12-31", /31\/12\/2022/],
  ["Tháng 6/2025", 2025, "date", "2025-06-30", /tháng 6\/2025/],
  ["tháng 2 năm 2024", 2021, "date", "2024-02-29", /29\/02\/2024/],
  ["Tháng 9", 2025, "date", "2025-09-30", /năm đầu của kế hoạch/],
  ["6 tháng đầu năm", 2025, "date", "2025-06-30", /6 tháng đầu năm 2025/],
  ["9 tháng", 2025, "date", "2025-09-30", /9 tháng/],
  ["31/01/2025", 2025, "date", "2025-01-31", /ngày ghi/],
  ["Hàng năm", 2021, "yearly", "2021-12-31", /mỗi năm/],
  ["Hằng năm", 2021, "yearly", "2021-12-31", /mỗi năm/],
  ["Thường xuyên", 2021, "continuous", null, /không có hạn/],
  ["", 2021, "none", null, /không ghi thời hạn/],
  ["Sau khi có hướng dẫn của Bộ", 2021, "none", null, /không đọc được/],
  ["Quý II", null, "none", null, /không đọc được/],
];

describe("deadlines as task tables write them", () => {
  test.each(ROWS)("“%s” (plan from %s) → %s %s", (text, planYear, kind, due, reason) => {
    const d = parseDeadline(text, { planYear });
    expect([d.kind, d.due]).toEqual([kind, due]);
    expect(d.reason.vi).toMatch(reason);
    expect(d.reason.en).not.toBe("");
    expect(d.text).toBe(text);
  });

  test.each([
    ["Trước ngày 31/01/2025, xây dựng, ban hành Kế hoạch", "2025-01-31", "Trước ngày 31/01/2025"],
    ["Tổ chức hội nghị sơ kết trong tháng 3", "2025-03-31", "trong tháng 3"],
    ["Hoàn thành trong quý I/2025 việc sắp xếp", "2025-03-31", "Hoàn thành trong quý I/2025"],
    ["Giải ngân 100% vốn trong năm 2025", "2025-12-31", "trong năm 2025"],
  ])("with no deadline column, a date in the task's text: “%s”", (taskText, due, found) => {
    const d = parseDeadline("", { planYear: 2025, taskText });
    expect([d.kind, d.due, d.text]).toEqual(["date", due, found]);
    expect(d.reason.vi).toMatch(/^trong nội dung/);
  });

  test("a task that opens with “Thường xuyên” is continuous; one with no date at all has none", () => {
    expect(parseDeadline("", { planYear: 2025, taskText: "Thường xuyên rà soát, đề xuất …" }).kind).toBe("continuous");
    expect(parseDeadline("", { planYear: 2025, taskText: "Đẩy mạnh chuyển đổi số" }).kind).toBe("none");
    // A year inside a name ("giai đoạn 2021-2025") is not a deadline.
    expect(parseDeadline("", { planYear: 2021, taskText: "Kế hoạch đầu tư công trung hạn giai đoạn 2021 – 2025" }).kind).toBe("none");
  });
});
