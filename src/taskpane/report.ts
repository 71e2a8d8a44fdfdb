import type { Catalog, Status } from "../model";
import type { SheetPlan } from "../sheets/plan";
import type { Entries } from "../sheets/indicatorSheet";
import { combineParts, type Judgement } from "../evaluate/judge";
import { judgeWholePeriod } from "../evaluate/indicator";
import { reportBlock, type ReportCounts } from "../sheets/reportSheet";
import { indicatorsById, judgeSheets, type JudgedCell } from "./judging";

/**
 * The year-end report's counts from the engine, as the report sheet's formulas count them: each appendix sheet's
 * block for the year (or its whole period), a packed row judged from its parts, a "Gần đạt" counted "Không đạt",
 * names in the sheets' order. The pane passes the cells it has judged already.
 */
export function reportCountsOf(catalog: Catalog, plan: SheetPlan, entries: Entries, year: string, judged: JudgedCell[] = judgeSheets(catalog, plan, entries)): ReportCounts {
  const byId = indicatorsById(catalog);
  const cell = new Map(judged.map((c) => [`${c.sheet}\u0000${c.id}\u0000${c.block}`, c.judgement]));
  const counts: ReportCounts = { exceeded: 0, met: 0, notMet: [], noData: 0, invalid: 0 };
  for (const sheet of plan.sheets.filter((s) => s.kind === "indicators")) {
    const block = reportBlock(sheet, year);
    const ids = Object.entries(sheet.rowOf)
      .sort((a, b) => a[1] - b[1])
      .map(([id]) => id);
    const statusOf = new Map<string, Judgement>();
    for (const id of ids) {
      const indicator = byId.get(id);
      if (!indicator) continue;
      const j = block === "period" ? judgeWholePeriod(indicator, entries.actuals[id] ?? {}, { unit: indicator.unit }).judgement : cell.get(`${sheet.name}\u0000${id}\u0000${block}`);
      if (j) statusOf.set(id, j);
    }
    ids.forEach((id, k) => {
      const indicator = byId.get(id);
      if (!indicator) return;
      let status: Status = statusOf.get(id)?.status ?? "not_applicable";
      if (indicator.target.kind === "composite") {
        const parts: Judgement[] = [];
        for (const next of ids.slice(k + 1)) {
          const child = byId.get(next);
          if (!child || child.level <= indicator.level) break;
          const j = statusOf.get(next);
          if (j) parts.push(j);
        }
        status = combineParts(parts);
      }
      if (status === "exceeded") counts.exceeded++;
      else if (status === "met") counts.met++;
      else if (status === "near" || status === "shortfall") counts.notMet.push(indicator.name);
      else if (status === "no_data") counts.noData++;
      else if (status === "invalid") counts.invalid++;
    });
  }
  return counts;
}
