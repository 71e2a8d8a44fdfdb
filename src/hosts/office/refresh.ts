import type { Catalog } from "../../model";
import type { Entries } from "../../sheets/indicatorSheet";
import { cellPosition, type CellValue, type SheetPlan } from "../../sheets/plan";
import { BACKUP_SHEET, entriesOf, formulaCells, readExisting, type SnapshotCell, type WorkbookSnapshot } from "../../sheets/existing";
import { refreshWorkbook, type Refresh, type RefreshOptions } from "../../sheets/merge";
import { restoreEdits, type Restore } from "../../sheets/restore";
import { applySheetPlan, excelSupports, type ApplyOptions, type ApplyReport } from "./apply";

/**
 * Refresh inside Excel, with the same pure merge as the file host: read every sheet's used range (two syncs),
 * merge, then write — the backup sheet first, in its own sync, so the previous entries are saved before any
 * sheet is replaced; then the add-in's old sheets are removed and the new ones written. The number of syncs
 * does not grow with the number of indicators. Staff's own sheets are never touched. (A formula in staff's own
 * sheet that pointed into a replaced sheet shows #REF! afterwards: the refresh report says which sheets were
 * replaced.)
 */
const TEMP_SHEET = "~Theo dõi chỉ tiêu";

/** Top-left cell of a used range's address ("Sheet!B3:K40"). */
function startOf(address: string): { row: number; col: number } {
  return cellPosition((address.split("!").pop() ?? "A1").split(":")[0]!) ?? { row: 1, col: 1 };
}

export async function snapshotFromExcel(context: Excel.RequestContext, supports: (set: string, version: string) => boolean = excelSupports): Promise<{ snapshot: WorkbookSnapshot; names: string[]; syncs: number }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const names = context.workbook.names;
  names.load("items/name");
  await context.sync();
  // A filtered table hides rows; Excel says so per table (ExcelApi 1.9), in the same sync as the values.
  const filters = supports("ExcelApi", "1.9");
  const used = worksheets.items.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(false);
    range.load(["address", "values", "formulas", "numberFormat", "isNullObject"]);
    if (filters) ws.tables.load("items/autoFilter/isDataFiltered");
    return { ws, range };
  });
  await context.sync();
  const sheets = used.map(({ ws, range }) => {
    const rows: SnapshotCell[][] = [];
    if (!range.isNullObject) {
      const { row, col } = startOf(range.address);
      for (let r = 1; r < row; r++) rows.push([]);
      const formulas = formulaCells();
      range.values.forEach((values, r) => {
        const cells: SnapshotCell[] = Array.from({ length: col - 1 }, () => null);
        values.forEach((v, c) => {
          const formula = range.formulas[r]![c];
          if (typeof formula === "string" && formula.startsWith("=")) cells.push(formulas.cell(cells.length, formula.slice(1)));
          else if (v === "" || v === null || v === undefined) cells.push(null);
          else if (typeof v === "number" && /%/.test(String(range.numberFormat[r]![c] ?? ""))) cells.push(Number((v * 100).toPrecision(12)));
          else cells.push(v as CellValue);
        });
        formulas.row(cells);
        rows.push(cells);
      });
    }
    const filtered = filters && ws.tables.items.some((t) => t.autoFilter.isDataFiltered);
    return { name: ws.name, hidden: ws.visibility !== "Visible", rows, hiddenRows: [], filtered };
  });
  return { snapshot: { sheets }, names: names.items.map((n) => n.name), syncs: 2 };
}

/**
 * Reads what staff entered, by stable id, with the reader a refresh uses: one sync for the sheet list, one for
 * their used ranges (table filters are not needed here, so no requirement set is asked).
 */
export async function readEntriesFromExcel(context: Excel.RequestContext): Promise<{ entries: Entries; syncs: number }> {
  const read = await snapshotFromExcel(context, () => false);
  return { entries: entriesOf(readExisting(read.snapshot)), syncs: read.syncs };
}

export interface ExcelRefresh {
  refresh: Refresh;
  /** The write's report, when something was written. */
  applied: ApplyReport | null;
  syncs: number;
}

export async function refreshInExcel(context: Excel.RequestContext, catalog: Catalog, options: RefreshOptions & ApplyOptions & { dryRun: boolean }): Promise<ExcelRefresh> {
  const read = await snapshotFromExcel(context, options.supports);
  const refresh = refreshWorkbook(catalog, readExisting(read.snapshot), options);
  if (options.dryRun || refresh.changes.length === 0) return { refresh, applied: null, syncs: read.syncs };
  const present = new Set(read.snapshot.sheets.map((s) => s.name));
  const visible = read.snapshot.sheets.filter((s) => !s.hidden).map((s) => s.name);
  const worksheets = context.workbook.worksheets;

  // 1. The backup, on its own: the previous entries are in the workbook before any sheet is replaced.
  if (present.has(BACKUP_SHEET)) worksheets.getItem(BACKUP_SHEET).delete();
  const backup = refresh.plan.sheets.filter((s) => s.name === BACKUP_SHEET);
  const saved = await applySheetPlan(context, { ...refresh.plan, sheets: backup, names: [] }, options);

  // 2. The add-in's old sheets and names go, then the new plan is written. Excel keeps one visible sheet at all times.
  const replaced = refresh.replace.filter((n) => present.has(n) && n !== BACKUP_SHEET);
  const placeholder = visible.every((n) => replaced.includes(n));
  if (placeholder) worksheets.add(TEMP_SHEET);
  for (const name of replaced) worksheets.getItem(name).delete();
  for (const n of refresh.plan.names) if (read.names.includes(n.name)) context.workbook.names.getItem(n.name).delete();
  const rest: SheetPlan = { ...refresh.plan, sheets: refresh.plan.sheets.filter((s) => s.name !== BACKUP_SHEET) };
  const applied = await applySheetPlan(context, rest, options);
  if (placeholder) {
    worksheets.getItem(TEMP_SHEET).delete();
    await context.sync();
  }
  return { refresh, applied, syncs: read.syncs + saved.syncs + applied.syncs + (placeholder ? 1 : 0) };
}

/** Puts the backup sheet's entries back in place inside Excel: two syncs to read, one to write. */
export async function restoreInExcel(context: Excel.RequestContext, supports: (set: string, version: string) => boolean = excelSupports): Promise<Restore & { syncs: number }> {
  const read = await snapshotFromExcel(context, supports);
  const restore = restoreEdits(readExisting(read.snapshot));
  for (const e of restore.edits) {
    const range = context.workbook.worksheets.getItem(e.sheet).getRange(e.cell);
    if (typeof e.value === "string" && /^[=+\-@]/.test(e.value)) range.numberFormat = [["@"]];
    range.values = [[e.value as string | number | boolean]];
  }
  if (restore.edits.length > 0) await context.sync();
  return { ...restore, syncs: read.syncs + (restore.edits.length > 0 ? 1 : 0) };
}
