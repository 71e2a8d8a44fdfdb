import { readEntry } from "./entry";
import type { Indicator } from "../model/indicator";
import type { Target } from "../model/target";
import { judgeCell, type JudgeOptions, type Judgement } from "./judge";
import { readActual } from "./actual";

/**
 * Time: a yearly plan is judged in its year; the whole-period target ("Mục tiêu 2021-2025") is judged from the
 * latest year that has an actual. The baseline of a change target is the previous year's actual — from the
 * entries when there is one, else from the document's history.
 */
export function targetFor(indicator: Indicator, year: string | null): Target {
  return (year !== null ? indicator.yearly[year] : undefined) ?? indicator.target;
}

export function baselineFor(indicator: Indicator, year: string, actuals: Record<string, unknown> = {}): number | null {
  const previous = String(Number(year) - 1);
  const entered = readEntry(actuals[previous], indicator.unit);
  if (entered.kind === "number") return entered.value;
  return indicator.history[previous] ?? null;
}

export function judgeYear(indicator: Indicator, year: string, cell: unknown, actuals: Record<string, unknown> = {}, options: JudgeOptions = {}): Judgement {
  return judgeCell(targetFor(indicator, year), indicator.direction, cell, {
    unit: indicator.unit,
    baseline: baselineFor(indicator, year, actuals),
    ...options,
  });
}

/**
 * The whole-period target judged from the latest year with a number; no data when no year has one. A change
 * over the period ("giảm 2" for 2021-2025) is measured from the last actual before the period.
 */
export function judgeWholePeriod(indicator: Indicator, actuals: Record<string, unknown>, options: JudgeOptions = {}): { year: string | null; judgement: Judgement } {
  const years = Object.keys(actuals)
    .filter((y) => readActual(actuals[y]).kind !== "no_data")
    .sort();
  const latest = years[years.length - 1] ?? null;
  const planned = Object.keys(indicator.yearly).filter((y) => /^\d{4}$/.test(y)).sort();
  const before = Object.keys(indicator.history)
    .filter((y) => /^\d{4}$/.test(y) && (planned[0] === undefined || y < planned[0]))
    .sort();
  const baseYear = before[before.length - 1];
  const baseline = baseYear !== undefined ? indicator.history[baseYear]! : null;
  const span = latest !== null && baseYear !== undefined ? Number(latest) - Number(baseYear) : 1;
  return {
    year: latest,
    judgement: judgeCell(indicator.target, indicator.direction, latest === null ? null : actuals[latest], {
      unit: indicator.unit,
      baseline,
      years: Math.max(span, 1),
      ...options,
    }),
  };
}
