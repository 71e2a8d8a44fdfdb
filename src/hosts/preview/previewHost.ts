import type { WorkbookHost } from "../host";
import type { SheetPlan, CellValue } from "../../sheets/plan";
import type { Entries } from "../../sheets/indicatorSheet";
import { applyEntries } from "../../sheets/entries";

/**
 * The browser preview: the workbook is the sheet plan itself plus what the user types in the pane's tables.
 * ExcelJS (about 250 KB gzipped) is loaded only when the user downloads the workbook.
 */
export interface PreviewHost extends WorkbookHost {
  kind: "preview";
  plan(): SheetPlan | null;
  setEntry(id: string, block: string, value: CellValue): void;
  download(): Promise<Blob>;
}

export function previewHost(): PreviewHost {
  let current: SheetPlan | null = null;
  const entries: Entries = { actuals: {}, notes: {}, baselines: {} };
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
      if (value === null || value === "") delete row[block];
      else row[block] = value;
    },
    download: async () => {
      if (!current) throw new Error("Chưa nạp chỉ tiêu / nothing loaded");
      const rows = Object.entries(entries.actuals).flatMap(([id, blocks], k) => Object.entries(blocks).map(([period, value]) => ({ line: k + 1, key: id, period, value })));
      const { plan } = applyEntries(structuredClone(current), rows);
      const { workbookBuffer } = await import(/* webpackChunkName: "xlsx-host" */ "../xlsx/write");
      return new Blob([await workbookBuffer(plan)], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    },
  };
}
