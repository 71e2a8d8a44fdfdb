import ExcelJS from "exceljs";
import type { Catalog } from "../../model";
import { readExisting } from "../../sheets/existing";
import { refreshWorkbook, type Refresh, type RefreshOptions } from "../../sheets/merge";
import { restoreEdits, type Restore } from "../../sheets/restore";
import { snapshotOf } from "./snapshot";
import { writeInto } from "./write";

/**
 * The file host's side of a refresh: an .xlsx workbook → a snapshot of plain values (formulas marked, percentages
 * in points) for the pure merge, and the merged plan written back into the same workbook, so sheets the add-in
 * did not write survive untouched. (Files on disk: files.ts.)
 */

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
