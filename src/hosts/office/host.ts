import type { WorkbookHost } from "../host";
import { liveListener, ownWrites } from "../live";
import { applySheetPlan } from "./apply";
import { refreshInExcel, restoreInExcel } from "./refresh";
import { features } from "./features";
import { rereadChanges, snapshotFromExcel, type ExcelRead, type SheetChange } from "./read";
import { entriesOf, readExisting } from "../../sheets/existing";
import { collectForms } from "../../sheets/collect";
import { LEDGER_SHEET, ledgerSheet } from "../../sheets/ledger";
import { STYLES } from "../../sheets/styles";

/**
 * The Excel host of the pane: the only place that calls Excel.run and asks Office.context.requirements which
 * requirement sets the Excel in use has, so that any model of Excel can drive the real host through those
 * globals. Its own writes are marked so that the change events they raise do not make the pane re-read what it
 * just wrote. It keeps the last full read of the add-in's sheets, so that a change staff make re-reads only the
 * changed range; any write of its own forgets it (the sheets' layout may have changed).
 */
export function excelSupports(set: string, version: string): boolean {
  return Office.context.requirements.isSetSupported(set, version);
}

export function excelHost(): WorkbookHost {
  const own = ownWrites();
  const f = () => features(excelSupports);
  let last: ExcelRead | null = null;
  const writing = <T>(write: () => Promise<T>) =>
    own.during(async () => {
      last = null;
      return write();
    });
  const fullRead = () =>
    Excel.run(async (context) => {
      last = await snapshotFromExcel(context, f());
      return entriesOf(readExisting(last.snapshot));
    });
  return {
    kind: "excel",
    load: (plan) => writing(() => Excel.run(async (context) => applySheetPlan(context, plan, { features: f() }))),
    readEntries: fullRead,
    refresh: (catalog, options) => writing(() => Excel.run(async (context) => (await refreshInExcel(context, catalog, { ...options, features: f() })).refresh)),
    restore: () => writing(() => Excel.run(async (context) => restoreInExcel(context, { features: f() }))),
    readWorkbook: () => Excel.run(async (context) => readExisting((await snapshotFromExcel(context, f())).snapshot)),
    collect: (catalog, forms, options) =>
      writing(() =>
        Excel.run(async (context) => {
          const read = await snapshotFromExcel(context, f());
          const collected = collectForms(readExisting(read.snapshot), forms, options.now);
          if (options.dryRun || (collected.edits.length === 0 && collected.receipts.length === 0)) return { collected, refresh: null };
          const written = await refreshInExcel(context, catalog, { ...options, dryRun: false, collected, read, features: f() });
          return { collected, refresh: written.refresh };
        }),
      ),
    // The ledger sheet alone, replaced in one step (as a refresh writes its backup): the split rewrites nothing else.
    recordLedger: (ledger) =>
      writing(() =>
        Excel.run(async (context) => {
          const sheets = context.workbook.worksheets;
          sheets.load("items/name");
          await context.sync();
          const present = sheets.items.map((s) => s.name).filter((n) => n.toLowerCase() === LEDGER_SHEET.toLowerCase());
          const applied = await applySheetPlan(context, { title: "Theo dõi chỉ tiêu", styles: STYLES, sheets: [ledgerSheet(ledger)], names: [] }, { features: f(), replace: present });
          if (applied.refused) throw new Error(`${applied.refused.vi} / ${applied.refused.en}`);
        }),
      ),
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
      let changes: SheetChange[] = [];
      const reread = async () => {
        const taken = changes;
        changes = [];
        const previous = last;
        const partial = previous ? await Excel.run((context) => rereadChanges(context, f(), previous, taken)) : null;
        if (partial && partial.syncs === 0) return; // only staff's own sheets changed
        if (partial) last = partial;
        onChange(partial ? entriesOf(readExisting(partial.snapshot)) : await fullRead());
      };
      const listener = liveListener(() => void reread().catch(() => undefined), own);
      const registration = await Excel.run(async (context) => {
        const handler = context.workbook.worksheets.onChanged.add(async (event) => {
          if (own.ignoring()) return;
          changes.push({ worksheetId: event.worksheetId, address: event.address, changeType: String(event.changeType) });
          listener.changed();
        });
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
