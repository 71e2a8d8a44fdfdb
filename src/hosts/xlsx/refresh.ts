import ExcelJS from "exceljs";
import type { Catalog } from "../../model";
import { readExisting } from "../../sheets/existing";
import { refreshWorkbook, type Refresh, type RefreshOptions } from "../../sheets/merge";
import { restoreEdits, type Restore } from "../../sheets/restore";
import { snapshotOf, snapshotOfFile } from "./snapshot";
import { writeInto, writeWorkbookFile } from "./write";

/**
 * The file host's side of a refresh: an .xlsx workbook → a snapshot of plain values (formulas marked, percentages
 * in points) for the pure merge, and the merged plan written back into the same workbook, so sheets the add-in
 * did not write survive untouched.
 */
export async function readWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Merges the catalog into the workbook in memory; nothing is written unless `apply` is true and something changed. */
export function refreshInWorkbook(wb: ExcelJS.Workbook, catalog: Catalog, options: RefreshOptions & { apply: boolean }): Refresh {
  const refresh = refreshWorkbook(catalog, readExisting(snapshotOf(wb)), options);
  if (options.apply && refresh.changes.length > 0) writeInto(wb, refresh.plan, refresh.replace);
  return refresh;
}

/** Puts the entries of the backup sheet back where they belong (by id and column), in memory. */
export function restoreInWorkbook(wb: ExcelJS.Workbook): Restore {
  const restore = restoreEdits(readExisting(snapshotOf(wb)));
  for (const e of restore.edits) wb.getWorksheet(e.sheet)!.getCell(e.cell).value = e.value;
  return restore;
}

/** Plans the refresh of a file: nothing is written. */
export async function planFileRefresh(file: string, catalog: Catalog, options: RefreshOptions): Promise<Refresh> {
  return refreshWorkbook(catalog, readExisting(await snapshotOfFile(file)), options);
}

/**
 * Writes a planned refresh. When every sheet of the old file is the add-in's, the new file is written from the
 * plan alone; otherwise the old workbook is loaded and only the add-in's sheets are replaced, so staff's own
 * sheets survive as they are.
 */
export async function writeFileRefresh(input: string, out: string, refresh: Refresh): Promise<void> {
  if (refresh.keep.length === 0) return writeWorkbookFile(refresh.plan, out);
  const wb = await readWorkbookFile(input);
  writeInto(wb, refresh.plan, refresh.replace);
  await wb.xlsx.writeFile(out);
}
