/**
 * @file How an appendix counts its indicators — the one rule every surface uses (the load tab, the summary, the
 * year-end report and its sentence, the pane's check tab, the dashboard).
 *
 * The rule: an appendix counts the rows the plan prints with a target of their own. A packed row (a sentence
 * with several measurable clauses, `composite`) is ONE indicator: its parts are shown beneath it and judged, and
 * the row's status is the worst of its parts (`combineParts`: met only when every part is met; no data while a
 * part has none and the others are met). A part of a packed row is never counted beside its row. A sub-row
 * printed on a line of its own with its own target ("Trong đó: nông nghiệp", a sector of a growth scenario) is a
 * row of the plan and counts.
 *
 * Trà Vinh's Phụ lục II numbers 23 targets: 23 rows, 14 of them packed (39 parts) — counted 23, not 62.
 */
import type { Indicator } from "./indicator";

/** True when `indicator` is a part of a packed row (its parent's target is a composite). */
export function isPartOfPackedRow(indicator: Indicator, byId: ReadonlyMap<string, Indicator>): boolean {
  if (!indicator.parentId) return false;
  return byId.get(indicator.parentId)?.target.kind === "composite";
}

/** The indicators an appendix counts, in their order: every indicator but the parts of packed rows. */
export function countedIndicators(indicators: readonly Indicator[]): Indicator[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return indicators.filter((i) => !isPartOfPackedRow(i, byId));
}

/** How many indicators an appendix counts (see the rule above). */
export function indicatorCount(indicators: readonly Indicator[]): number {
  return countedIndicators(indicators).length;
}

/**
 * How many indicators a plan's appendices count together. The two growth scenarios of one table (Phụ lục IIIa,
 * the base, and IIIb, the high one) are the same indicators under two sets of targets and share one sheet: they
 * count once, as the summary counts that sheet. Each appendix alone still counts its own (IIIa 13, IIIb 13).
 */
export function plannedIndicatorCount(appendices: readonly { id: string; layout: string; indicators: readonly Indicator[] }[]): number {
  const base = appendices.find((a) => a.layout === "scenario" && /a$/i.test(a.id));
  const high = appendices.find((a) => a.layout === "scenario" && /b$/i.test(a.id));
  const paired = base && high ? high : null;
  return appendices.reduce((n, a) => (a === paired ? n : n + indicatorCount(a.indicators)), 0);
}
