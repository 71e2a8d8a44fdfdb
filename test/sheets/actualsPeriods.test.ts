import { applyEntries, parseEntriesCsv } from "../../src/sheets/entries";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import type { Calendar } from "../../src/model/period";
import type { SheetPlan } from "../../src/sheets/plan";
import { seedCatalog, row } from "../helpers/seedCatalog";

/**
 * --actuals with periods as reports and staff write them ("Tháng 1/2025", "Quý I/2025", "6 tháng đầu năm 2025"):
 * each goes to its period's cell as a number; a period the workbook's calendar lacks is reported with the
 * periods it has, written as staff write them.
 */
const TV = "TV-QD77-2025";
const { catalog } = seedCatalog();
const investment = row(TV, "II", "4"); // tỷ đồng, a flow
const firms = row(TV, "II", "5"); // doanh nghiệp
const share = row(TV, "II", "14"); // %

function planOf(calendar: Calendar): SheetPlan {
  return buildWorkbookPlan(catalog, { asOf: "15/06/2025", plans: [TV], calendar });
}

function cell(plan: SheetPlan, id: string, key: string): unknown {
  const sheet = plan.sheets.find((s) => s.rowOf[id] !== undefined)!;
  const col = sheet.columns.findIndex((c) => c.key === key);
  expect(col).toBeGreaterThanOrEqual(0);
  return sheet.rows[sheet.rowOf[id]! - 1]![col]!.value ?? null;
}

describe("--actuals reads periods as staff write them and writes figures as numbers", () => {
  test("a monthly workbook: Tháng 1/2025, tháng 02/2025, T3/2025, T04/2025, 5/2025, 06/2025, Năm 2025 and the keys", () => {
    const csv = parseEntriesCsv(
      [
        "Mã;Kỳ;Giá trị",
        `${firms.id};Tháng 1/2025;121`,
        `${firms.id};tháng 02/2025;45`,
        `${firms.id};T3/2025;1.800`,
        `${investment.id};T04/2025;2.650,5`,
        `${investment.id};5/2025;2 700`,
        `${investment.id};06/2025;khoảng 2.800`,
        `${share.id};2025-T07;95,1`,
        `${share.id};Năm 2025;96,2`,
        `${share.id};Tháng 8 năm 2025;"1.800"`,
      ].join("\n"),
    );
    const r = applyEntries(planOf("month"), csv.rows);
    expect(r.unmatched).toEqual([]);
    expect(r.applied).toBe(9);
    expect(r.filled.map((f) => [f.line, f.period, f.value])).toEqual([
      [2, "2025-T01", 121],
      [3, "2025-T02", 45],
      [4, "2025-T03", 1800],
      [5, "2025-T04", 2650.5],
      [6, "2025-T05", 2700],
      [7, "2025-T06", "khoảng 2.800"],
      [8, "2025-T07", 95.1],
      [9, "2025", 96.2],
      [10, "2025-T08", "1.800"],
    ]);
    expect(cell(r.plan, firms.id, "actual:2025-T01")).toBe(121);
    expect(cell(r.plan, firms.id, "actual:2025-T03")).toBe(1800);
    expect(cell(r.plan, investment.id, "actual:2025-T04")).toBe(2650.5);
    expect(cell(r.plan, investment.id, "actual:2025-T06")).toBe("khoảng 2.800"); // words stay text, flagged by the sheet
    expect(cell(r.plan, share.id, "actual:2025")).toBe(96.2);
    // "1.800" for a percentage reads 1800 or 1,8: kept as typed, so that the sheet flags it with both readings.
    expect(cell(r.plan, share.id, "actual:2025-T08")).toBe("1.800");
    // A count settles it: 1.800 doanh nghiệp is 1800, not 1,8 of a firm.
    expect(r.filled.find((f) => f.line === 4)!.as).toBe("resolved");
  });

  test("quarters, halves and nine months, each in a workbook of its calendar", () => {
    const lines: [Calendar, string, string][] = [
      ["quarter", "Quý I/2025", "2025-Q1"],
      ["quarter", "Quý 2/2025", "2025-Q2"],
      ["quarter", "Q3/2025", "2025-Q3"],
      ["quarter", "Quý IV năm 2025", "2025-Q4"],
      ["half", "6 tháng đầu năm 2025", "2025-H1"],
      ["half", "6 tháng 2025", "2025-H1"],
      ["half", "6 tháng cuối năm 2025", "2025-H2"],
      ["nine", "9 tháng 2025", "2025-9T"],
      ["nine", "9 tháng đầu năm 2025", "2025-9T"],
      ["nine", "Quý IV/2025", "2025-Q4"],
    ];
    for (const [calendar, period, key] of lines) {
      const r = applyEntries(planOf(calendar), parseEntriesCsv(`${investment.id};${period};7.500,5\n`).rows);
      expect([period, r.unmatched.map((u) => u.why.vi)]).toEqual([period, []]);
      expect(cell(r.plan, investment.id, `actual:${key}`)).toBe(7500.5);
    }
  });

  test("a period the calendar lacks is reported with the periods it has, as staff write them, not as keys", () => {
    const r = applyEntries(planOf("month"), parseEntriesCsv(`${investment.id};Quý I/2025;7\n${investment.id};Tháng 13/2025;7\n${investment.id};2024;7\n`).rows);
    expect(r.applied).toBe(0);
    expect(r.unmatched.map((u) => [u.line, u.why.vi])).toEqual([
      [1, "kỳ “Quý I/2025” không có trong bảng (các kỳ: Năm 2025, Tháng 1/2025 … Tháng 12/2025)"],
      [2, "không đọc được kỳ “Tháng 13/2025” (viết như “Tháng 1/2025”, “Quý I/2025”, “6 tháng đầu năm 2025”, “Năm 2025”); các kỳ của bảng: Năm 2025, Tháng 1/2025 … Tháng 12/2025"],
      [3, "kỳ “2024” không có trong bảng (các kỳ: Năm 2025, Tháng 1/2025 … Tháng 12/2025)"],
    ]);
    expect(r.unmatched[0]!.why.en).toBe("the period “Quý I/2025” is not in the table (periods: Year 2025, Month 1/2025 … Month 12/2025)");
    const q = applyEntries(planOf("quarter"), parseEntriesCsv(`${investment.id};Tháng 3/2025;7\n`).rows);
    expect(q.unmatched.map((u) => u.why.vi)).toEqual(["kỳ “Tháng 3/2025” không có trong bảng (các kỳ: Năm 2025, Quý I/2025 … Quý IV/2025)"]);
  });

  test("one period written two ways on two lines is one cell: both reported, neither written", () => {
    const r = applyEntries(planOf("month"), parseEntriesCsv(`${investment.id};Tháng 1/2025;7\n${investment.id};2025-T01;8\n`).rows);
    expect(r.applied).toBe(0);
    expect(r.unmatched.map((u) => u.line)).toEqual([1, 2]);
    expect(cell(r.plan, investment.id, "actual:2025-T01")).toBeNull();
  });

  test("a task's entries stay as typed: a result or a date is no figure", () => {
    const plan = planOf("month");
    const tasks = plan.sheets.find((s) => s.kind === "tasks")!;
    const task = Object.keys(tasks.rowOf)[0]!;
    const r = applyEntries(plan, parseEntriesCsv(`${task};result;2025\n`).rows);
    expect(r.filled.map((f) => f.value)).toEqual(["2025"]);
  });
});
