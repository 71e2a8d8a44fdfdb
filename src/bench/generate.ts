import type { Catalog, Indicator, Plan } from "../model";
import { indicatorId } from "../model/ids";
import { parseTarget } from "../parse/target";
import { inferDirection } from "../parse/direction";

/**
 * Large generated plans for benchmarks and scale tests: `provinces` plans of `perProvince` indicators, each with
 * yearly plans and a history, every kind of target phrase, read through the real grammar. Deterministic.
 */
const TEMPLATES: [name: string, unit: string, target: string][] = [
  ["Tỷ lệ bao phủ bảo hiểm y tế", "%", "≥ 95,1"],
  ["Tỷ lệ nợ xấu nội bảng", "%", "< 3"],
  ["Chỉ số đổi mới sáng tạo", "Thứ hạng", "35 đến 40"],
  ["Tăng trưởng GRDP", "%", "7,0 - 7,5"],
  ["Tỉnh đạt chuẩn phổ cập giáo dục", "Tỉnh", "Đạt"],
  ["Tỷ lệ hộ nghèo đa chiều", "%", "giảm 0,15%"],
  ["Giá trị sản xuất công nghiệp", "%", "9,77; phấn đấu 14,43"],
  ["Tỷ lệ huy động trẻ mẫu giáo", "%", "90"],
  ["Tỷ lệ người cao tuổi được trợ giúp", "%", "Trên 91"],
  ["Tỷ suất tử vong trẻ em dưới 1 tuổi", "Số ca/1.000 trẻ đẻ sống", "≤2"],
  ["Tỷ trọng chi thường xuyên/tổng chi NSNN", "%", "68"],
  ["Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "30.000 - 32.000"],
  ["Số hộ sử dụng điện phát triển mới", "Hộ", "1.800"],
  ["Tỷ lệ thất nghiệp khu vực thành thị", "%", "duy trì dưới 3%"],
];

/**
 * `agency`: who is responsible for an indicator (by plan and row); by default one of five departments in turn —
 * the reporting-cycle bench gives each plan an agency of its own, so that a master splits into one form per plan.
 */
export function generateCatalog(provinces: number, perProvince: number, years: number[] = [2021, 2022, 2023, 2024, 2025], agency: (p: number, k: number) => string = (_, k) => `Sở ${["Tài chính", "Y tế", "Công Thương", "Giáo dục và Đào tạo", "Nội vụ"][k % 5]}`): Catalog {
  const plans: Plan[] = [];
  for (let p = 0; p < provinces; p++) {
    const planId = `GEN-${String(p + 1).padStart(2, "0")}`;
    const indicators: Indicator[] = [];
    for (let k = 0; k < perProvince; k++) {
      const [base, unit, targetText] = TEMPLATES[(k + p) % TEMPLATES.length]!;
      const name = `${base} (${k + 1})`;
      const target = parseTarget(targetText, { name, unit });
      const verdict = inferDirection(name, unit, target);
      const yearly = Object.fromEntries(years.map((y) => [String(y), parseTarget(targetText, { name, unit })]));
      const history = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [String(years[0]! - d), 50 + ((k * 7 + d * 3 + p) % 40)]));
      indicators.push({
        id: indicatorId(planId, "PL", String(k + 1), name),
        plan: planId,
        appendix: "PL",
        code: String(k + 1),
        name,
        unit,
        agency: agency(p, k),
        level: 0,
        parentId: null,
        section: null,
        target,
        direction: verdict.direction,
        directionSource: verdict.source,
        directionReason: verdict.reason,
        yearly,
        periods: {},
        history,
        historyText: {},
        statement: null,
        line: k + 1,
        notes: [],
      });
    }
    plans.push({
      id: planId,
      province: `Tỉnh ${p + 1}`,
      number: `${p + 1}/QĐ-UBND`,
      date: "01/01/2021",
      title: `Kế hoạch phát triển kinh tế - xã hội 5 năm (tỉnh thứ ${p + 1})`,
      source: "generated",
      appendices: [{ id: "PL", title: "Chỉ tiêu chủ yếu 2021-2025", layout: "table", headers: [], scenario: null, indicators }],
    });
  }
  return { plans };
}
