import type { Catalog } from "../model";
import type { WorkbookHost } from "../hosts/host";
import type { Entries } from "../sheets/indicatorSheet";
import type { SheetPlan } from "../sheets/plan";
import { entriesOf, readExisting, SERVICE_SHEETS, snapshotOfPlan } from "../sheets/existing";
import { todayVi } from "../sheets/workbook";

/**
 * What the pane needs when it opens on a workbook that already has monitoring sheets (staff open the same
 * workbook every day): the sheets as a plan, for the check list and for finding cells, and the entries it
 * carries — read through one dry-run refresh, which writes nothing. Also how many changes the documents hold that the
 * sheets do not yet have. Null when the workbook has none of the add-in's sheets.
 */
export interface Opened {
  plan: SheetPlan;
  entries: Entries;
  sheets: number;
  changes: number;
}

export async function openWorkbook(host: WorkbookHost, catalog: Catalog, now = new Date()): Promise<Opened | null> {
  const day = todayVi(now);
  const seen = await host.refresh(catalog, { asOf: day, tolerance: 0.05, now: day, dryRun: true });
  const ours = seen.replace.filter((name) => !SERVICE_SHEETS.includes(name));
  if (ours.length === 0) return null;
  // The dry run's plan carries every entry already: no second read of the workbook.
  return { plan: seen.plan, entries: entriesOf(readExisting(snapshotOfPlan(seen.plan.sheets))), sheets: ours.length, changes: seen.changes.length };
}
