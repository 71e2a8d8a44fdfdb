import type { Direction, Indicator, Plan, Target } from "../model";
import { formatNumber } from "./number";
import { parseTarget } from "./target";
import { inferDirection, overrideDirection } from "./direction";

/**
 * How a pasted or selected appendix table was read, row by row — the kind of each target, its bounds and which
 * way is better, with the reason — so a person can check it before it is written, and correct it: a target text
 * read again, a direction set by hand. Corrections make a new plan; nothing is changed in place.
 */
export const KIND_LABELS: Record<Target["kind"], { vi: string; en: string }> = {
  at_least: { vi: "Tối thiểu", en: "At least" },
  at_most: { vi: "Tối đa", en: "At most" },
  exact: { vi: "Bằng mức", en: "Exactly" },
  range: { vi: "Trong khoảng", en: "Between" },
  maintain: { vi: "Duy trì", en: "Maintain" },
  reduction: { vi: "Giảm", en: "Reduce by" },
  growth: { vi: "Tăng", en: "Grow by" },
  stretch: { vi: "Có mức phấn đấu", en: "With a stretch aim" },
  qualitative: { vi: "Định tính", en: "Qualitative" },
  rank: { vi: "Thứ hạng", en: "Rank" },
  composite: { vi: "Gồm nhiều chỉ tiêu", en: "Several parts" },
  none: { vi: "Không có chỉ tiêu", en: "No target" },
  unparsed: { vi: "Chưa đọc được", en: "Not understood" },
};

/** The bounds of a target in a few symbols: "≥ 95,1", "> 91", "35 – 40", "−0,5 điểm/năm", "“Đạt”". */
export function describeBounds(t: Target, lang: "vi" | "en" = "vi"): string {
  const n = (x: number) => formatNumber(x, 3, lang);
  if (t.kind === "qualitative") return `“${t.expected ?? t.text}”`;
  if (t.kind === "reduction" || t.kind === "growth") {
    const sign = t.kind === "reduction" ? "−" : "+";
    const measure = t.change === "percent" ? "%" : t.change === "points" ? (lang === "vi" ? " điểm" : " points") : "";
    const year = t.perYear ? (lang === "vi" ? "/năm" : "/year") : "";
    return t.min === null ? "" : `${sign}${n(t.min)}${measure}${year}`;
  }
  const lo = t.min === null ? null : `${t.minInclusive ? "≥" : ">"} ${n(t.min)}`;
  const hi = t.max === null ? null : `${t.maxInclusive ? "≤" : "<"} ${n(t.max)}`;
  let text = t.min !== null && t.max !== null ? (t.min === t.max ? `= ${n(t.min)}` : `${n(t.min)} – ${n(t.max)}`) : (lo ?? hi ?? "");
  if (t.stretch !== null) text += lang === "vi" ? ` (phấn đấu ${n(t.stretch)})` : ` (stretch ${n(t.stretch)})`;
  if (t.approx) text = `≈ ${text}`;
  return text;
}

export interface RowReading {
  id: string;
  code: string;
  name: string;
  unit: string;
  level: number;
  text: string;
  kind: Target["kind"];
  bounds: string;
  direction: Direction;
  why: { vi: string; en: string };
  corrected: boolean;
}

export function readingOf(plan: Plan, lang: "vi" | "en" = "vi"): RowReading[] {
  return plan.appendices.flatMap((a) =>
    a.indicators.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      unit: i.unit,
      level: i.level,
      text: i.target.text,
      kind: i.target.kind,
      bounds: describeBounds(i.target, lang),
      direction: i.direction,
      why: i.directionReason,
      corrected: i.directionSource === "override" || i.target.notes.includes(CORRECTED),
    })),
  );
}

export interface Correction {
  /** The target as it should read; read again with the row's name and unit. */
  target?: string;
  direction?: Direction;
}

const CORRECTED = "sửa tay / corrected by hand";

function correct(ind: Indicator, c: Correction): Indicator {
  let next = ind;
  if (c.target !== undefined && c.target.trim() !== ind.target.text) {
    const target = parseTarget(c.target.trim(), { name: ind.name, unit: ind.unit });
    target.notes = [...target.notes, CORRECTED];
    const verdict = ind.directionSource === "override" ? null : inferDirection(ind.name, ind.unit, target);
    next = { ...next, target, ...(verdict ? { direction: verdict.direction, directionSource: verdict.source, directionReason: verdict.reason } : {}) };
  }
  if (c.direction !== undefined && c.direction !== next.direction) {
    const v = overrideDirection(c.direction, { vi: "người dùng chọn khi xem bảng dán", en: "chosen by the user when checking the pasted table" });
    next = { ...next, direction: v.direction, directionSource: v.source, directionReason: v.reason };
  }
  return next;
}

/** The plan with the user's corrections, by indicator id; ids stay, so entries match afterwards. */
export function correctPlan(plan: Plan, corrections: Record<string, Correction>): Plan {
  return {
    ...plan,
    appendices: plan.appendices.map((a) => ({ ...a, indicators: a.indicators.map((i) => (corrections[i.id] ? correct(i, corrections[i.id]!) : i)) })),
  };
}
