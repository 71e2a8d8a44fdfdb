import ExcelJS from "exceljs";
import type { Entries } from "../../sheets/indicatorSheet";
import { entriesOf, readExisting } from "../../sheets/existing";
import { snapshotOf } from "./snapshot";

export { cellValue } from "./snapshot";

/**
 * Reads back what staff entered in a monitoring workbook, by stable id, through the same reader a refresh uses:
 * the hidden key row names each column ("id", "actual:2025", "note", "baseline"), so entries are found even if
 * columns were moved.
 */
export function readEntries(wb: ExcelJS.Workbook): Entries {
  return entriesOf(readExisting(snapshotOf(wb)));
}
