import type { WorkbookHost } from "../host";
import { liveListener, ownWrites } from "../live";
import { applySheetPlan } from "./apply";
import { readEntriesFromExcel, refreshInExcel, restoreInExcel } from "./refresh";
import { features } from "./features";

/**
 * The Excel host of the pane: the only place that calls Excel.run and asks Office.context.requirements which
 * requirement sets the Excel in use has, so that any model of Excel can drive the real host through those
 * globals. Its own writes are marked so that the change events they raise do not make the pane re-read what it
 * just wrote.
 */
export function excelSupports(set: string, version: string): boolean {
  return Office.context.requirements.isSetSupported(set, version);
}

export function excelHost(): WorkbookHost {
  const own = ownWrites();
  const f = () => features(excelSupports);
  return {
    kind: "excel",
    load: (plan) => own.during(() => Excel.run(async (context) => applySheetPlan(context, plan, { features: f() }))),
    readEntries: () => Excel.run(async (context) => (await readEntriesFromExcel(context, { features: f() })).entries),
    refresh: (catalog, options) => own.during(() => Excel.run(async (context) => (await refreshInExcel(context, catalog, { ...options, features: f() })).refresh)),
    restore: () => own.during(() => Excel.run(async (context) => restoreInExcel(context, { features: f() }))),
    readSelection: () =>
      Excel.run(async (context) => {
        const range = context.workbook.getSelectedRange();
        range.load("text");
        await context.sync();
        return range.text.map((row) => row.join("\t")).join("\n");
      }),
    select: (sheet, address) =>
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      }),
    watch: async (onChange) => {
      // Worksheet-collection events need ExcelApi 1.9; without them the lists refresh on each action instead.
      if (!f().has("pageLayout")) return () => undefined;
      const listener = liveListener(onChange, own);
      const registration = await Excel.run(async (context) => {
        const handler = context.workbook.worksheets.onChanged.add(async () => listener.changed());
        await context.sync();
        return handler;
      });
      return () => {
        listener.stop();
        void Excel.run(registration.context, async (context) => {
          registration.remove();
          await context.sync();
        });
      };
    },
  };
}
