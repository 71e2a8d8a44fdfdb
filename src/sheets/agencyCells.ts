/**
 * @file The agencies a sheet's "Cơ quan chủ trì" cell names, by the directory's canonical names: what the summary
 * counts per agency and what the reporting cycle sends forms to.
 */
import { indicatorAgencies } from "../parse/directory";
import type { AgencyName } from "../parse/agencies";

/**
 * The canonical agencies a cell names; the cell as printed when it names no known agency (only groups, or a
 * name not in the directory's list — kept whole, "Sở ?" and all).
 */
export function canonicalAgencies(cell: string, extra?: readonly AgencyName[]): string[] {
  const mentions = indicatorAgencies(cell, extra).filter((m) => m.kind === "agency");
  if (mentions.length === 0 || mentions.every((m) => m.unknown)) return [cell.trim()];
  return [...new Set(mentions.map((m) => m.name))];
}

/** The agencies that report an indicator: the canonical agencies its cell names (the cell as printed when none is known). */
export function reportingAgencies(cell: string, extra?: readonly AgencyName[]): string[] {
  return cell.trim() === "" ? [] : canonicalAgencies(cell, extra);
}
