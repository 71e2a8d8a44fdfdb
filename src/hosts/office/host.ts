import type { WorkbookHost } from "../host";
import { applySheetPlan, readEntriesFromExcel } from "./apply";
import { refreshInExcel, restoreInExcel } from "./refresh";

/** The Excel host of the pane: the only place that calls Excel.run. */
export function excelHost(): WorkbookHost {
  return {
    kind: "excel",
    load: (plan) => Excel.run(async (context) => applySheetPlan(context, plan)),
    readEntries: () => Excel.run(async (context) => (await readEntriesFromExcel(context)).entries),
    refresh: (catalog, options) => Excel.run(async (context) => (await refreshInExcel(context, catalog, options)).refresh),
    restore: () => Excel.run(async (context) => restoreInExcel(context)),
  };
}
