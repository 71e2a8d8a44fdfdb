import type { WorkbookHost } from "../host";
import { cellPosition, type SheetPlan, type CellValue } from "../../sheets/plan";
import type { Entries } from "../../sheets/indicatorSheet";
import { applyEntries, rowUnit, typedCell } from "../../sheets/entries";
import { entriesOf, readExisting, snapshotOfPlan } from "../../sheets/existing";
import { refreshWorkbook } from "../../sheets/merge";
import { restoreEdits } from "../../sheets/restore";
import { collectForms } from "../../sheets/collect";
import { LEDGER_SHEET, ledgerSheet, type Ledger } from "../../sheets/ledger";

/** The entries a plan's cells hold, by id, as a host would read them back. */
function entriesOfPlan(plan: SheetPlan): Entries {
  return entriesOf(readExisting(snapshotOfPlan(plan.sheets)));
}

/**
 * What a value typed in the pane for an indicator's block is stored as (evaluate/typedEntry.ts): "121" and "2,8"
 * are numbers, as Excel would store them, with the row's unit settling a text that reads two ways.
 */
function typedFor(plan: SheetPlan | null, id: string, block: string, value: CellValue): CellValue {
  const key = `actual:${block}`;
  const sheet = plan?.sheets.find((s) => s.rowOf[id] !== undefined && s.columns.some((c) => c.key === key));
  return typedCell(key, value, sheet ? rowUnit(sheet, sheet.rowOf[id]!) : "").value;
}

/**
 * The browser preview: the workbook is the sheet plan itself plus what the user types in the pane's tables.
 * ExcelJS (about 250 KB gzipped) is loaded only when the user downloads the workbook.
 */
export interface PreviewHost extends WorkbookHost {
  kind: "preview";
  plan(): SheetPlan | null;
  /** Stores what the user typed (the raw string) as the workbook would hold it: a figure as a number, text as typed. */
  setEntry(id: string, block: string, value: CellValue): void;
  download(): Promise<Blob>;
}

export function previewHost(): PreviewHost {
  let current: SheetPlan | null = null;
  let entries: Entries = { actuals: {}, notes: {}, baselines: {} };
  /** The plan with what the user typed written into its cells, as the workbook would hold it. */
  const filled = (): SheetPlan | null => {
    if (!current) return null;
    const rows = Object.entries(entries.actuals).flatMap(([id, blocks], k) => Object.entries(blocks).map(([period, value]) => ({ line: k + 1, key: id, period, value })));
    return applyEntries(structuredClone(current), rows).plan;
  };
  return {
    kind: "preview",
    plan: () => current,
    load: async (plan) => {
      // As in Excel, a sheet that exists is never overwritten by a load.
      const existing = plan.sheets.filter((s) => current?.sheets.some((c) => c.name === s.name)).map((s) => s.name);
      const added = plan.sheets.filter((s) => !existing.includes(s.name));
      current = { ...plan, sheets: [...(current?.sheets ?? []), ...added] };
      return { written: added.filter((s) => !s.hidden).map((s) => s.name), existing, degraded: [] };
    },
    readEntries: async () => structuredClone(entries),
    setEntry: (id, block, value) => {
      const row = (entries.actuals[id] ??= {});
      const stored = typedFor(current, id, block, value);
      if (stored === null || stored === "") delete row[block];
      else row[block] = stored;
    },
    refresh: async (catalog, options) => {
      const workbook = filled();
      const refresh = refreshWorkbook(catalog, readExisting(snapshotOfPlan(workbook?.sheets ?? [])), options);
      if (!options.dryRun && refresh.changes.length > 0) {
        current = refresh.plan;
        entries = entriesOfPlan(refresh.plan);
      }
      return refresh;
    },
    restore: async () => {
      const workbook = filled();
      const restore = restoreEdits(readExisting(snapshotOfPlan(workbook?.sheets ?? [])));
      if (workbook && restore.edits.length > 0) {
        for (const e of restore.edits) {
          const sheet = workbook.sheets.find((s) => s.name === e.sheet)!;
          const at = cellPosition(e.cell)!;
          const row = sheet.rows[at.row - 1]!;
          row[at.col - 1] = { ...row[at.col - 1], value: e.value };
        }
        current = workbook;
        entries = entriesOfPlan(workbook);
      }
      return restore;
    },
    readWorkbook: async () => readExisting(snapshotOfPlan(filled()?.sheets ?? [])),
    collect: async (catalog, forms, options) => {
      const existing = readExisting(snapshotOfPlan(filled()?.sheets ?? []));
      const collected = collectForms(existing, forms, options.now);
      if (options.dryRun || (collected.edits.length === 0 && collected.receipts.length === 0)) return { collected, refresh: null };
      const refresh = refreshWorkbook(catalog, existing, { ...options, collected });
      current = refresh.plan;
      entries = entriesOfPlan(refresh.plan);
      return { collected, refresh };
    },
    recordLedger: async (ledger: Ledger) => {
      if (!current) return;
      const others = current.sheets.filter((s) => s.name !== LEDGER_SHEET);
      current = { ...current, sheets: [...others, ledgerSheet(ledger)] };
    },
    // The pane's own inputs are the preview's cells: focusing one is selecting it, typing there updates the lists.
    select: async (sheet, address) => {
      const ws = current?.sheets.find((s) => s.name === sheet);
      const at = cellPosition(address);
      if (!ws || !at) return;
      const id = Object.entries(ws.rowOf).find(([, r]) => r === at.row)?.[0];
      const key = ws.columns[at.col - 1]?.key ?? "";
      if (id && key.startsWith("actual:")) document.getElementById(`input-${id}-${key.slice(7)}`)?.focus();
    },
    watch: async () => () => undefined,
    readSelection: async () => null,
    download: async () => {
      const plan = filled();
      if (!plan) throw new Error("Chưa nạp chỉ tiêu / nothing loaded");
      const { planBytes } = await import(/* webpackChunkName: "xlsx-host" */ "../xlsx/planWriter");
      return new Blob([await planBytes(plan)], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    },
  };
}
