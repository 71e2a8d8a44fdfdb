import type { Catalog, Indicator, Status, Target } from "../model";
import type { SheetPlan, SheetSpec } from "../sheets/plan";
import type { Entries } from "../sheets/indicatorSheet";
import { judgeCell, type Judgement } from "../evaluate/judge";
import { explain } from "../evaluate/explain";
import { baselineFor, targetFor } from "../evaluate/indicator";
import { pairScenarios } from "../evaluate/scenario";
import { emptyTarget } from "../model/target";
import { calendarOfKeys, periodEntryKey } from "../model/period";
import { judgeIndicatorPace, type Pace } from "../evaluate/pace";
import { ACCUMULATION_LABELS } from "../evaluate/accumulation";
import { scenarioLinks } from "../sheets/workbook";

/** The pane's view of the loaded sheets: every input cell judged by the engine, the same rules as the formulas. */
export interface JudgedCell {
  sheet: string;
  id: string;
  block: string;
  indicator: Indicator;
  target: Target;
  entry: unknown;
  judgement: Judgement;
  message: { vi: string; en: string };
}

export function inputBlocks(sheet: SheetSpec): string[] {
  return sheet.columns.filter((c) => c.key.startsWith("actual:") && c.input).map((c) => c.key.slice(7));
}

export function indicatorsById(catalog: Catalog): Map<string, Indicator> {
  return new Map(catalog.plans.flatMap((p) => p.appendices.flatMap((a) => a.indicators.map((i) => [i.id, i] as const))));
}

function scenarioTargets(catalog: Catalog): Map<string, Record<string, Target>> {
  const out = new Map<string, Record<string, Target>>();
  for (const plan of catalog.plans) {
    const base = plan.appendices.find((a) => a.layout === "scenario" && /a$/i.test(a.id));
    const high = plan.appendices.find((a) => a.layout === "scenario" && /b$/i.test(a.id));
    if (base && high) for (const pair of pairScenarios(base.indicators, high.indicators)) out.set(pair.base.id, pair.periods);
  }
  return out;
}

export function judgeSheets(catalog: Catalog, plan: SheetPlan, entries: Entries): JudgedCell[] {
  const byId = indicatorsById(catalog);
  const scenarios = scenarioTargets(catalog);
  const out: JudgedCell[] = [];
  for (const sheet of plan.sheets) {
    const blocks = inputBlocks(sheet);
    for (const id of Object.keys(sheet.rowOf)) {
      const indicator = byId.get(id);
      if (!indicator) continue;
      for (const block of blocks) {
        // A period's entry is part of the year, judged as the pace (evaluate/pace.ts), not against the year's target.
        if (periodEntryKey(block)) continue;
        const target =
          sheet.kind === "scenario"
            ? scenarios.get(id)?.[block] ?? emptyTarget("", "none")
            : /^\d{4}$/.test(block)
              ? targetFor(indicator, block)
              : indicator.target;
        const entry = entries.actuals[id]?.[block] ?? null;
        const typed = entries.actuals[id] ?? {};
        const judgement = judgeCell(target, indicator.direction, entry, {
          unit: indicator.unit,
          baseline: /^\d{4}$/.test(block) ? baselineFor(indicator, block, typed) : null,
        });
        const e = explain(judgement, target, indicator.unit, entry === null ? "" : String(entry), indicator.direction);
        out.push({ sheet: sheet.name, id, block, indicator, target, entry, judgement, message: { vi: e.vi, en: e.en } });
      }
    }
  }
  return out;
}

export function countByStatus(cells: JudgedCell[]): Record<Status, number> {
  const counts = { exceeded: 0, met: 0, near: 0, shortfall: 0, no_data: 0, invalid: 0, not_applicable: 0 } as Record<Status, number>;
  for (const c of cells) counts[c.judgement.status]++;
  return counts;
}

/**
 * The pace of every row of the sheets that have periods (evaluate/pace.ts), by sheet and id: the periods' entries
 * against the year's target (the reporting year's in a five-year table) or the plan's quarterly scenario, with the
 * "Cộng dồn" the row's cell says — what the sheet's formulas compute.
 */
export function judgePaceSheets(catalog: Catalog, plan: SheetPlan, entries: Entries): Map<string, Pace> {
  const byId = indicatorsById(catalog);
  const links = scenarioLinks(catalog);
  const out = new Map<string, Pace>();
  for (const sheet of plan.sheets) {
    const periods = inputBlocks(sheet).map((b) => ({ b, p: periodEntryKey(b) })).filter((x) => x.p !== null);
    if (periods.length === 0) continue;
    const year = periods[0]!.p!.year;
    const calendar = calendarOfKeys(periods.map((x) => x.p!.key));
    if (!calendar) continue;
    const years = sheet.columns.filter((c) => /^status:\d{4}$/.test(c.key)).length;
    const ai = sheet.columns.findIndex((c) => c.key === "accumulate");
    const baselineColumn = sheet.columns.some((c) => c.key === "baseline");
    for (const [id, row] of Object.entries(sheet.rowOf)) {
      const ind = byId.get(id);
      if (!ind) continue;
      const target = years > 1 ? (ind.yearly[year] ?? emptyTarget("", "none")) : ind.target;
      const chosen = sheet.rows[row - 1]?.[ai]?.value;
      const accumulation = chosen === ACCUMULATION_LABELS.level.vi ? "level" : chosen === ACCUMULATION_LABELS.flow.vi ? "flow" : undefined;
      const typed = entries.actuals[id] ?? {};
      const base = entries.baselines[id];
      const baseline = baselineColumn ? (typeof base === "number" ? base : null) : years > 1 ? baselineFor(ind, year, typed) : null;
      const scenario = links.get(id) ?? null;
      out.set(`${sheet.name}|${id}`, judgeIndicatorPace(ind, year, calendar, typed, { target: scenario?.[0] ?? target, accumulation, scenario, baseline }));
    }
  }
  return out;
}
