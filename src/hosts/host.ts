import type { SheetPlan } from "../sheets/plan";
import type { Entries } from "../sheets/indicatorSheet";
import type { Catalog } from "../model";
import type { Refresh, RefreshOptions } from "../sheets/merge";
import type { Restore } from "../sheets/restore";
import type { Existing } from "../sheets/existing";
import type { Collected, ReturnedForm } from "../sheets/collect";
import type { Ledger } from "../sheets/ledger";

/** What the pane needs from a workbook, whichever host holds it: Excel (Office.js) or the browser preview. */
export interface LoadResult {
  written: string[];
  existing: string[];
  degraded: { vi: string; en: string }[];
}

export interface WorkbookHost {
  kind: "excel" | "preview";
  load(plan: SheetPlan): Promise<LoadResult>;
  readEntries(): Promise<Entries>;
  /** Merges the catalog into the workbook's sheets without losing an entry; with dryRun only says what would change. */
  refresh(catalog: Catalog, options: RefreshOptions & { dryRun: boolean }): Promise<Refresh>;
  /** Puts back the entries saved before the last refresh. */
  restore(): Promise<Restore>;
  /** The workbook's sheets read as data: what splitting it into agencies' forms starts from. */
  readWorkbook(): Promise<Existing>;
  /**
   * Collects returned forms into the workbook (sheets/collect.ts): with dryRun only says what they bring;
   * otherwise writes it as a refresh does (the backup first), within the host's request limits.
   */
  collect(catalog: Catalog, forms: ReturnedForm[], options: RefreshOptions & { dryRun: boolean }): Promise<{ collected: Collected; refresh: Refresh | null }>;
  /** Writes the ledger of the forms a split issued into the workbook's hidden ledger sheet (sheets/ledger.ts), alone: nothing else is rewritten. */
  recordLedger(ledger: Ledger): Promise<void>;
  /** The selected range as tab-separated text (as displayed), to import an appendix table; null where there is no selection (the preview). */
  readSelection(): Promise<string | null>;
  /** Shows a cell to staff (Excel selects it; the preview focuses its input). */
  select(sheet: string, address: string): Promise<void>;
  /**
   * Calls back (debounced) with the entries when staff change cells — not for the add-in's own writes, and
   * re-reading only what changed where the host can; resolves to a stop function.
   */
  watch(onChange: (entries: Entries) => void): Promise<() => void>;
}
