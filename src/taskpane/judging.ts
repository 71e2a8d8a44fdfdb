import type { Catalog, Indicator, Status, Target } from "../model";
import type { SheetPlan, SheetSpec } from "../sheets/plan";
import type { Entries } from "../sheets/indicatorSheet";
import { judgeCell, type Judgement } from "../evaluate/judge";
import { explain } from "../evaluate/explain";
import { baselineFor, targetFor } from "../evaluate/indicator";
import { pairScenarios } from "../evaluate/scenario";
import { emptyTarget } from "../model/target";
import { periodEntryKey } from "../model/period";

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
