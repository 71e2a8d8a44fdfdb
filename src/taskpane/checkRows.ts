/**
 * @file What the check tab counts and lists, by the one counting rule (model/counting.ts): the indicators of the
 * appendix sheets by status in each sheet's main period (as the summary counts them — a packed row is one
 * indicator with the worst status of its parts), and the entries with a problem, grouped under the row they
 * belong to (a part under its packed row) and under the canonical agency of that row (the directory's names).
 */
import type { Catalog, Indicator, Status } from "../model";
import type { SheetPlan } from "../sheets/plan";
import type { Entries } from "../sheets/indicatorSheet";
import { combineParts, type Judgement } from "../evaluate/judge";
import { judgeWholePeriod } from "../evaluate/indicator";
import { countedIndicators, isPartOfPackedRow } from "../model/counting";
import { mainBlock } from "../sheets/refs";
import { canonicalAgencies } from "../sheets/agencyCells";
import { DIRECTORY_SHEET, readDirectoryRows } from "../sheets/directorySheet";
import type { AgencyName } from "../parse/agencies";
import { indicatorsById, type JudgedCell } from "./judging";

const STATUSES: Status[] = ["exceeded", "met", "near", "shortfall", "no_data", "invalid", "not_applicable"];
const PROBLEMS: Status[] = ["shortfall", "near", "invalid"];

export interface StatusCounts {
  /** Indicators counted (packed rows once, their parts never). */
  indicators: number;
  byStatus: Record<Status, number>;
}

/** The indicators of the appendix sheets by status in each sheet's main period, as the summary sheet counts them. */
export function statusCounts(catalog: Catalog, plan: SheetPlan, entries: Entries, judged: JudgedCell[]): StatusCounts {
  const byId = indicatorsById(catalog);
  const cell = new Map(judged.map((c) => [`${c.sheet}\u0000${c.id}\u0000${c.block}`, c.judgement]));
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  let indicators = 0;
  for (const sheet of plan.sheets.filter((s) => s.kind === "indicators" || s.kind === "scenario")) {
    if (!sheet.columns.some((c) => c.key.startsWith("status:"))) continue;
    const block = mainBlock(sheet);
    const rows = Object.entries(sheet.rowOf)
      .sort((a, b) => a[1] - b[1])
      .map(([id]) => byId.get(id))
      .filter((i): i is Indicator => !!i);
    const judgementOf = (i: Indicator): Judgement | undefined =>
      block === "period" ? judgeWholePeriod(i, entries.actuals[i.id] ?? {}, { unit: i.unit }).judgement : cell.get(`${sheet.name}\u0000${i.id}\u0000${block}`);
    for (const indicator of countedIndicators(rows)) {
      indicators++;
      const status =
        indicator.target.kind === "composite"
          ? combineParts(rows.filter((p) => p.parentId === indicator.id).flatMap((p) => judgementOf(p) ?? []))
          : (judgementOf(indicator)?.status ?? "not_applicable");
      byStatus[status]++;
    }
  }
  return { indicators, byStatus };
}

/** A row of the plan with entries that fall short or cannot be read: its own cells, or its parts' (a packed row). */
export interface ProblemRow {
  sheet: string;
  indicator: Indicator;
  /** The row's own cells with a problem (not a packed row's). */
  cells: JudgedCell[];
  /** A packed row's parts' cells with a problem. */
  parts: JudgedCell[];
}

/** The names and aliases the workbook's directory sheet holds (the seeds' directory when it has none). */
export function directoryOf(plan: SheetPlan): AgencyName[] | undefined {
  const sheet = plan.sheets.find((s) => s.name === DIRECTORY_SHEET);
  return sheet ? readDirectoryRows(sheet.rows.map((r) => r.map((c) => c.value ?? null))) : undefined;
}

/** Every entry with a problem, under its row, under each canonical agency of that row; agencies in Vietnamese order. */
export function problemsByAgency(catalog: Catalog, plan: SheetPlan, judged: JudgedCell[], noAgency: string): [string, ProblemRow[]][] {
  const byId = indicatorsById(catalog);
  const extra = directoryOf(plan);
  const rows = new Map<string, ProblemRow>();
  for (const c of judged) {
    if (!PROBLEMS.includes(c.judgement.status)) continue;
    const part = isPartOfPackedRow(c.indicator, byId);
    const owner = part ? byId.get(c.indicator.parentId!)! : c.indicator;
    const key = `${c.sheet}\u0000${owner.id}`;
    const row = rows.get(key) ?? { sheet: c.sheet, indicator: owner, cells: [], parts: [] };
    (part ? row.parts : row.cells).push(c);
    rows.set(key, row);
  }
  const out = new Map<string, ProblemRow[]>();
  for (const row of rows.values()) {
    const cell = row.indicator.agency.trim();
    for (const agency of cell === "" ? [noAgency] : canonicalAgencies(cell, extra)) out.set(agency, [...(out.get(agency) ?? []), row]);
  }
  return [...out.entries()].sort((a, b) => a[0].localeCompare(b[0], "vi"));
}
