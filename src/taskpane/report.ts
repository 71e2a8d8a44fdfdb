import type { Catalog, Status } from "../model";
import type { SheetPlan } from "../sheets/plan";
import type { Entries } from "../sheets/indicatorSheet";
import { combineParts, type Judgement } from "../evaluate/judge";
import { judgeWholePeriod } from "../evaluate/indicator";
import { isPartOfPackedRow } from "../model/counting";
import { dueIn, reportBlock } from "../sheets/reportSheet";
import { itemName, packedItem, partGroups, type Lang, type ReportCounts } from "../sheets/reportText";
import { periodYearOf } from "../sheets/pace";
import { col } from "../sheets/refs";
import { indicatorsById, judgePaceSheets, judgeSheets, type JudgedCell } from "./judging";

const NOT_MET = new Set<Status>(["near", "shortfall"]);

/**
 * The year-end report's counts from the engine, as the report sheet's formulas count them (model/counting.ts):
 * each appendix sheet's block for the year (or its whole period); a packed row one indicator, judged from its
 * parts and named with the parts not met; a target due after the year "not yet due"; a "Gần đạt" counted "Không
 * đạt"; the year's estimate from the periods while the year's cell is empty; names in the sheets' order. The pane
 * passes the cells it has judged already.
 */
export function reportCountsOf(
  catalog: Catalog,
  plan: SheetPlan,
  entries: Entries,
  year: string,
  judged: JudgedCell[] = judgeSheets(catalog, plan, entries),
  lang: Lang = "vi",
): ReportCounts {
  const byId = indicatorsById(catalog);
  const cell = new Map(judged.map((c) => [`${c.sheet}\u0000${c.id}\u0000${c.block}`, c.judgement]));
  const counts: ReportCounts = { total: 0, exceeded: 0, met: 0, notMet: [], noData: 0, invalid: 0, notAssessed: 0, notDue: 0 };
  const sheets = plan.sheets.filter((s) => s.kind === "indicators");
  const paces = sheets.some((s) => col(s, "estimate")) ? judgePaceSheets(catalog, plan, entries) : new Map();
  for (const sheet of sheets) {
    const block = reportBlock(sheet, year);
    const due = dueIn(sheet, year);
    const withEstimate = periodYearOf([sheet]) === block && col(sheet, "estimate") !== null;
    const ids = Object.entries(sheet.rowOf)
      .sort((a, b) => a[1] - b[1])
      .map(([id]) => id);
    const statusOf = new Map<string, Judgement>();
    for (const id of ids) {
      const indicator = byId.get(id);
      if (!indicator) continue;
      let j = block === "period" ? judgeWholePeriod(indicator, entries.actuals[id] ?? {}, { unit: indicator.unit }).judgement : cell.get(`${sheet.name}\u0000${id}\u0000${block}`);
      // The estimate of the periods (judged against the year's target) stands in for an empty year cell.
      const entry = entries.actuals[id]?.[block];
      const pace = paces.get(`${sheet.name}|${id}`);
      const single = indicator.target.kind !== "composite" && !isPartOfPackedRow(indicator, byId);
      if (withEstimate && single && (entry === undefined || entry === null || entry === "") && pace?.estimate !== null && pace?.estimate !== undefined && pace.against === "year") {
        j = pace.judgement ?? j;
      }
      if (j) statusOf.set(id, j);
    }
    for (const id of ids) {
      const indicator = byId.get(id);
      if (!indicator || isPartOfPackedRow(indicator, byId)) continue; // a part counts in its row
      counts.total++;
      if (!due) {
        counts.notDue++;
        continue;
      }
      let status: Status = statusOf.get(id)?.status ?? "not_applicable";
      let name = itemName(indicator.name);
      if (indicator.target.kind === "composite") {
        const parts = ids.map((p) => byId.get(p)).filter((p) => p?.parentId === id);
        const judgedParts = parts.flatMap((p) => (statusOf.get(p!.id) ? [statusOf.get(p!.id)!] : []));
        status = parts.length > 0 ? combineParts(judgedParts) : status;
        if (parts.length > 0) {
          const groups = partGroups(parts.map((p) => p!.name));
          const notMet = (ks: number[]) => ks.some((k) => NOT_MET.has(statusOf.get(parts[k]!.id)?.status ?? "not_applicable"));
          name = packedItem(groups.lead, notMet(groups.leadParts), groups.others.filter((g) => notMet(g.parts)).map((g) => g.name), lang);
        }
      }
      if (status === "exceeded") counts.exceeded++;
      else if (status === "met") counts.met++;
      else if (NOT_MET.has(status)) counts.notMet.push(name);
      else if (status === "no_data") counts.noData++;
      else if (status === "invalid") counts.invalid++;
      else counts.notAssessed++;
    }
  }
  return counts;
}
