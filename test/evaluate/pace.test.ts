import { judgePace, judgeIndicatorPace } from "../../src/evaluate/pace";
import { accumulationOf } from "../../src/evaluate/accumulation";
import { parseTarget } from "../../src/parse/target";
import { periodsOf, calendarOf, periodEntryKey, periodOfMonth } from "../../src/model/period";
import { row, seedIndicators } from "../helpers/seedCatalog";

const target = (text: string, unit = "") => parseTarget(text, { unit });

describe("reporting calendars", () => {
  it("cut the year into months, quarters, halves, or nine months and the fourth quarter", () => {
    expect(periodsOf("month").map((p) => p.key)).toEqual(["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09", "T10", "T11", "T12"]);
    expect(periodsOf("quarter").map((p) => [p.label, p.from, p.to])).toEqual([["Quý I", 1, 3], ["Quý II", 4, 6], ["Quý III", 7, 9], ["Quý IV", 10, 12]]);
    expect(periodsOf("half").map((p) => p.label)).toEqual(["6 tháng đầu năm", "6 tháng cuối năm"]);
    expect(periodsOf("nine").map((p) => [p.label, p.from, p.to])).toEqual([["9 tháng", 1, 9], ["Quý IV", 10, 12]]);
    expect(periodsOf("year")).toEqual([]);
  });
  it("are named as staff write them", () => {
    expect(["tháng", "Quý", "6 tháng", "9 THÁNG", "năm", "quarter"].map(calendarOf)).toEqual(["month", "quarter", "half", "nine", "year", "quarter"]);
    expect(calendarOf("tuần")).toBeNull();
    expect(periodEntryKey("2025-T03")).toEqual({ year: "2025", key: "T03" });
    expect(periodEntryKey("2025")).toBeNull();
    expect(periodEntryKey("2025-T13")).toBeNull();
    expect(periodOfMonth("quarter", 11)?.label).toBe("Quý IV");
  });
});

describe("flows and levels, from the unit and the name", () => {
  it("reads the seed indicators the way year-end reports add them up", () => {
    const kind = (plan: string, app: string, code: string) => accumulationOf(row(plan, app, code)).kind;
    expect(kind("TV-QD77-2025", "II", "4")).toBe("flow"); // Tổng vốn đầu tư toàn xã hội, tỷ đồng
    expect(kind("TV-QD77-2025", "II", "5")).toBe("flow"); // Phát triển mới 520 doanh nghiệp
    expect(kind("TV-QD77-2025", "IV", "9")).toBe("flow"); // Tổng điện năng sản xuất
    expect(kind("TV-QD77-2025", "IV", "11")).toBe("flow"); // Số hộ sử dụng điện phát triển mới
    expect(kind("TV-QD77-2025", "IV", "10")).toBe("level"); // Tổng công suất nguồn điện, MW
    expect(kind("TV-QD77-2025", "IV", "30")).toBe("level"); // Tuổi thọ trung bình
    expect(kind("TV-QD77-2025", "IV", "33")).toBe("level"); // Tỷ suất tử vong trẻ em, ca/1.000
    const revenue = seedIndicators().find((i) => i.name === "Thu thu nội địa")!;
    expect(accumulationOf(revenue)).toMatchObject({ kind: "flow" });
    // Every rate is a level.
    for (const ind of seedIndicators().filter((i) => i.unit.trim() === "%")) expect(accumulationOf(ind).kind).toBe("level");
  });
});

describe("pace within the year", () => {
  const base = { calendar: "month" as const, direction: "higher" as const, unit: "tỷ đồng" };
  it("adds a flow's months and judges the year-end estimate at that pace", () => {
    const p = judgePace({ ...base, accumulation: "flow", target: target("30.000 - 32.000", "tỷ đồng"), cells: { T01: 2400, T02: 2500, T03: 2600 } });
    expect(p.toDate).toBe(7500);
    expect(p.months).toBe(3);
    expect(p.estimate).toBe(30000);
    expect(p.status).toBe("on_track");
    expect(p.explanation.vi).toContain("ước cả năm");
    const slow = judgePace({ ...base, accumulation: "flow", target: target("30.000 - 32.000", "tỷ đồng"), cells: { T01: 2000, T02: 2000, T03: 2000 } });
    expect(slow.estimate).toBe(24000);
    expect(slow.status).toBe("behind");
  });
  it("takes a level's latest period, whichever months are skipped", () => {
    const p = judgePace({ ...base, unit: "%", accumulation: "level", target: target("≥ 95,1", "%"), cells: { T01: 93, T04: 95.4, T02: null } });
    expect(p.toDate).toBe(95.4);
    expect(p.estimate).toBe(95.4);
    expect(p.months).toBe(4);
    expect(p.status).toBe("on_track");
  });
  it("is direction-aware: a poverty rate falling below its cap is on track", () => {
    const p = judgePace({ ...base, unit: "%", direction: "lower", accumulation: "level", target: target("< 3", "%"), cells: { Q1: 3.4, Q2: 2.9 }, calendar: "quarter" });
    expect(p.status).toBe("on_track");
    expect(judgePace({ ...base, unit: "%", direction: "lower", accumulation: "level", target: target("< 3", "%"), cells: { Q1: 3.4 }, calendar: "quarter" }).status).toBe("behind");
  });
  it("flags a word in a period cell and says which period, keeps blanks as nothing", () => {
    const p = judgePace({ ...base, accumulation: "flow", target: target("1.800", "Hộ"), cells: { T01: 150, T02: "khoảng 100" } });
    expect(p.status).toBe("invalid");
    expect(p.explanation.vi).toBe("Tháng 2: “khoảng 100” không phải là số");
    expect(judgePace({ ...base, accumulation: "flow", target: target("1.800", "Hộ"), cells: { T01: " ", T02: null } }).status).toBe("no_data");
  });
  it("does not measure the pace of a qualitative target", () => {
    expect(judgePace({ ...base, accumulation: "level", target: target("Đạt"), cells: { T01: "Đạt" } }).status).toBe("not_applicable");
  });
  it("judges the GRDP growth on the scenario's quarter where the plan has one", () => {
    const grdp = row("TV-QD77-2025", "II", "1");
    const growth = seedIndicators().find((i) => i.parentId === grdp.id && i.name === "Tăng trưởng GRDP")!;
    const quarter = (min: number, stretch: number) => ({ ...target(`≥ ${min}`, "%"), kind: "stretch" as const, stretch });
    const scenario = [quarter(6.5, 7), quarter(6.95, 7.85), quarter(7, 8), quarter(7, 8.5)] as const;
    const at = (cells: Record<string, number>) => judgeIndicatorPace(growth, "2025", "quarter", cells, { target: growth.target, scenario: [...scenario] });
    expect(at({ "2025-Q1": 6.6, "2025-Q2": 6.9 })).toMatchObject({ against: "scenario", status: "behind" });
    expect(at({ "2025-Q1": 6.6, "2025-Q2": 7.0 })).toMatchObject({ against: "scenario", status: "on_track" });
  });
});
