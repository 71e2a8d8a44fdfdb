import type { Direction } from "../model/indicator";
import type { Target } from "../model/target";
import type { Status } from "../model/status";
import { periodsOf, type Calendar, type Period } from "../model/period";
import { judgeCell, type Judgement } from "./judge";
import { accumulationOf, type Accumulation } from "./accumulation";
import type { Indicator } from "../model/indicator";
import { formatNumber } from "../parse/number";

/**
 * Pace within the year: the periods entered so far, added up for a flow or the latest for a level, give the
 * figure to date ("lũy kế") and a year-end estimate (Ước thực hiện cả năm) — a flow at the pace of the months
 * covered, a level as it stands — which is judged against the annual target. Where the plan has a quarterly
 * scenario (Phụ lục IIIa/IIIb) for the indicator, the figure to date is judged against the scenario's figure
 * for the quarter instead. The sheet's formulas do the same (sheets/paceFormulas.ts); a differential test
 * recalculates both in LibreOffice.
 *
 * A period cell takes a number; any other text in it is an input error that flags the whole row (DHIS2's
 * rule: the value is kept and flagged, never dropped).
 */
export type PaceStatus = "on_track" | "behind" | "no_data" | "invalid" | "not_applicable";

export const PACE_VOCABULARY: Record<PaceStatus, { vi: string; en: string; symbol: string }> = {
  on_track: { vi: "Đúng tiến độ", en: "On track", symbol: "✓" },
  behind: { vi: "Chậm tiến độ", en: "Behind", symbol: "✗" },
  no_data: { vi: "Chưa có số liệu", en: "No data", symbol: "–" },
  invalid: { vi: "Lỗi nhập liệu", en: "Invalid input", symbol: "!" },
  not_applicable: { vi: "Không đánh giá", en: "Not assessed", symbol: "○" },
};

export function paceOfStatus(status: Status): PaceStatus {
  if (status === "exceeded" || status === "met") return "on_track";
  if (status === "near" || status === "shortfall") return "behind";
  return status;
}

/** The quarterly scenario of an indicator: the figure to reach by the end of each quarter (cumulative). */
export type QuarterTargets = [Target, Target, Target, Target];

export interface PaceInput {
  calendar: Calendar;
  /** Period key ("T03", "Q1" …) → the cell as typed. */
  cells: Record<string, unknown>;
  accumulation: Accumulation;
  target: Target;
  direction: Direction;
  unit: string;
  baseline?: number | null;
  tolerance?: number;
  scenario?: QuarterTargets | null;
}

export interface Pace {
  status: PaceStatus;
  /** The judgement behind it (of the estimate, or of the figure to date against the scenario). */
  judgement: Judgement | null;
  /** Months the entered periods cover (the end month of the latest period with a number); 0 when none. */
  months: number;
  toDate: number | null;
  estimate: number | null;
  /** The target the estimate was judged against: the year's, or the scenario's quarter. */
  against: "year" | "scenario";
  explanation: { vi: string; en: string };
}

function cellState(v: unknown): "blank" | "number" | "bad" {
  if (v === null || v === undefined) return "blank";
  if (typeof v === "number") return Number.isFinite(v) ? "number" : "bad";
  if (typeof v === "string" && v.trim() === "") return "blank";
  return "bad";
}

/** The quarter (1–4) a month falls in. */
export function quarterOfMonth(month: number): number {
  return Math.ceil(month / 3);
}

export function judgePace(input: PaceInput): Pace {
  const periods = periodsOf(input.calendar);
  const states = periods.map((p) => ({ p, v: input.cells[p.key], s: cellState(input.cells[p.key]) }));
  const filled = states.filter((x) => x.s === "number") as { p: Period; v: number }[];
  const months = filled.length > 0 ? filled[filled.length - 1]!.p.to : 0;
  const bad = states.find((x) => x.s === "bad");
  const na = input.target.kind === "none" || input.target.kind === "unparsed" || input.target.kind === "composite" || input.target.kind === "qualitative";
  const flow = input.accumulation === "flow";
  const base = { months, toDate: null, estimate: null, judgement: null, against: "year" as const };
  if (na) return { ...base, status: "not_applicable", explanation: { vi: "chỉ tiêu không có mức số để so tiến độ", en: "the target has no figure to measure pace against" } };
  if (bad) {
    return { ...base, status: "invalid", explanation: { vi: `${bad.p.label}: “${String(bad.v)}” không phải là số`, en: `${bad.p.en}: “${String(bad.v)}” is not a number` } };
  }
  if (filled.length === 0) return { ...base, status: "no_data", explanation: { vi: "chưa có số liệu kỳ nào", en: "no period has a figure yet" } };
  const latest = filled[filled.length - 1]!.v;
  const toDate = flow ? filled.reduce((n, x) => n + x.v, 0) : latest;
  const estimate = flow ? (toDate * 12) / months : latest;
  const fmt = (n: number) => formatNumber(n, 2);
  const scenario = input.scenario ? input.scenario[quarterOfMonth(months) - 1]! : null;
  const judged = scenario ?? input.target;
  const value = scenario ? toDate : estimate;
  const judgement = judgeCell(judged, input.direction, value, { unit: input.unit, baseline: input.baseline ?? null, tolerance: input.tolerance });
  const status = paceOfStatus(judgement.status);
  const word = PACE_VOCABULARY[status];
  const explanation = scenario
    ? {
        vi: `${months} tháng: ${fmt(toDate)} so với kịch bản quý ${quarterOfMonth(months)} “${scenario.text}”: ${word.vi}`,
        en: `${months} months: ${fmt(toDate)} against the scenario for quarter ${quarterOfMonth(months)} “${scenario.text}”: ${word.en}`,
      }
    : flow
      ? {
          vi: `lũy kế ${months} tháng ${fmt(toDate)}; ước cả năm ${fmt(toDate)} / ${months} × 12 = ${fmt(estimate)} so với kế hoạch “${input.target.text}”: ${word.vi}`,
          en: `${months} months to date ${fmt(toDate)}; year-end estimate ${fmt(toDate)} / ${months} × 12 = ${fmt(estimate)} against the plan “${input.target.text}”: ${word.en}`,
        }
      : {
          vi: `số mới nhất (${months} tháng) ${fmt(latest)} so với kế hoạch “${input.target.text}”: ${word.vi}`,
          en: `latest figure (${months} months) ${fmt(latest)} against the plan “${input.target.text}”: ${word.en}`,
        };
  return { status, judgement, months, toDate, estimate, against: scenario ? "scenario" : "year", explanation };
}

/** An indicator's pace from its entries ("2025-T03" → value): the cells of the year's periods, judged. */
export function judgeIndicatorPace(
  indicator: Indicator,
  year: string,
  calendar: Calendar,
  actuals: Record<string, unknown>,
  options: { target: Target; accumulation?: Accumulation; scenario?: QuarterTargets | null; baseline?: number | null; tolerance?: number },
): Pace {
  const cells = Object.fromEntries(periodsOf(calendar).map((p) => [p.key, actuals[`${year}-${p.key}`] ?? null]));
  return judgePace({
    calendar,
    cells,
    accumulation: options.accumulation ?? accumulationOf(indicator).kind,
    target: options.target,
    direction: indicator.direction,
    unit: indicator.unit,
    baseline: options.baseline ?? null,
    tolerance: options.tolerance,
    scenario: options.scenario ?? null,
  });
}
