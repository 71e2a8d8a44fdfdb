import type { Catalog } from "../../model";
import type { Entries } from "../../sheets/indicatorSheet";
import type { SheetPlan } from "../../sheets/plan";
import { BACKUP_SHEET, entriesOf, readExisting } from "../../sheets/existing";
import { refreshWorkbook, type Refresh, type RefreshOptions } from "../../sheets/merge";
import { restoreEdits, type Restore } from "../../sheets/restore";
import { applySheetPlan, PROTECTION, type ApplyOptions, type ApplyReport } from "./apply";
import { snapshotFromExcel, type ExcelRead } from "./read";
import { features as featuresOf, type Features } from "./features";
import { jsonBytes, newBatch, room, sync, track } from "./batch";

/**
 * Refresh inside Excel, with the same pure merge as the file host: read the add-in's sheets (read.ts), merge,
 * then write — the backup sheet first, complete in its own step, so the previous entries are in the workbook
 * before any sheet is replaced; then the new sheets under temporary names, swapped in for the old ones in one
 * step (apply.ts). The number of syncs does not grow with the number of indicators. Staff's own sheets are
 * never read or touched. (A formula in staff's own sheet that pointed into a replaced sheet shows #REF!
 * afterwards: the refresh report says which sheets were replaced.)
 */
const featuresFrom = (options: { features?: Features; supports?: (set: string, v: string) => boolean }) => options.features ?? featuresOf(options.supports ?? (() => true));

/** Reads what staff entered, by stable id, with the reader a refresh uses. */
export async function readEntriesFromExcel(context: Excel.RequestContext, options: { features?: Features; supports?: (set: string, v: string) => boolean } = {}): Promise<{ entries: Entries; syncs: number }> {
  const read = await snapshotFromExcel(context, featuresFrom(options));
  return { entries: entriesOf(readExisting(read.snapshot)), syncs: read.syncs };
}

export interface ExcelRefresh {
  refresh: Refresh;
  /** The write's report, when something was written. */
  applied: ApplyReport | null;
  syncs: number;
}

/** `read`: the add-in's sheets as just read (a collect reads them to find what the forms change), not read again. */
export async function refreshInExcel(context: Excel.RequestContext, catalog: Catalog, options: RefreshOptions & ApplyOptions & { dryRun: boolean; read?: ExcelRead }): Promise<ExcelRefresh> {
  const f = featuresFrom(options);
  const read = options.read ?? (await snapshotFromExcel(context, f));
  const refresh = refreshWorkbook(catalog, readExisting(read.snapshot), options);
  if (options.dryRun || refresh.changes.length === 0 || !f.enough) return { refresh, applied: null, syncs: read.syncs };
  const present = new Set(read.snapshot.sheets.map((s) => s.name));

  // 1. The backup, complete before anything else is replaced.
  const backup = refresh.plan.sheets.filter((s) => s.name === BACKUP_SHEET);
  const saved = await applySheetPlan(context, { ...refresh.plan, sheets: backup, names: [] }, { ...options, features: f, replace: present.has(BACKUP_SHEET) ? [BACKUP_SHEET] : [] });

  // 2. The new sheets, swapped in for the add-in's old ones and their names.
  const rest: SheetPlan = { ...refresh.plan, sheets: refresh.plan.sheets.filter((s) => s.name !== BACKUP_SHEET) };
  const replace = refresh.replace.filter((n) => present.has(n) && n !== BACKUP_SHEET);
  const applied = await applySheetPlan(context, rest, { ...options, features: f, replace, replaceNames: refresh.plan.names.map((n) => n.name).filter((n) => read.names.includes(n)) });
  return { refresh, applied, syncs: read.syncs + saved.syncs + applied.syncs };
}

/**
 * Puts the backup sheet's entries back in place inside Excel. A protected sheet is unprotected for the write
 * and protected again after (with the add-in's options); text is written as text (the Text format first).
 */
export async function restoreInExcel(context: Excel.RequestContext, options: { features?: Features; supports?: (set: string, v: string) => boolean } = {}): Promise<Restore & { syncs: number }> {
  const f = featuresFrom(options);
  const read = await snapshotFromExcel(context, f);
  const restore = restoreEdits(readExisting(read.snapshot));
  if (restore.edits.length === 0) return { ...restore, syncs: read.syncs };
  const batch = newBatch(context);
  const sheets = [...new Set(restore.edits.map((e) => e.sheet))].map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    ws.protection.load("protected");
    return { name, ws };
  });
  // The cells' own number formats, put back after a text is written under the Text format.
  const cells = restore.edits.map((e) => {
    const range = context.workbook.worksheets.getItem(e.sheet).getRange(e.cell);
    if (typeof e.value === "string" && e.value !== "") range.load("numberFormat");
    return { e, range };
  });
  await sync(batch);
  const locked = sheets.filter((s) => s.ws.protection.protected);
  for (const s of locked) s.ws.protection.unprotect();
  for (const { e, range } of cells) {
    if (typeof e.value === "string" && e.value !== "") {
      const format = (range.numberFormat as unknown[][])[0]?.[0] ?? "General";
      range.numberFormat = [["@"]];
      range.values = [[e.value]];
      if (format !== "@") range.numberFormat = [[String(format)]];
    } else range.values = [[e.value === null ? "" : (e.value as number | boolean)]];
    track(batch, e);
    await room(batch, jsonBytes(e) + 300);
  }
  for (const s of locked) s.ws.protection.protect(PROTECTION);
  await sync(batch);
  return { ...restore, syncs: read.syncs + batch.payloads.length };
}
