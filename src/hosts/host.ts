import type { SheetPlan } from "../sheets/plan";
import type { Entries } from "../sheets/indicatorSheet";

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
}
