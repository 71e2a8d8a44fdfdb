import ExcelJS from "exceljs";
import type { Catalog } from "../../model";
import { FORMULA, readExisting, type SnapshotCell, type WorkbookSnapshot } from "../../sheets/existing";
import { refreshWorkbook, type Refresh, type RefreshOptions } from "../../sheets/merge";
import { restoreEdits, type Restore } from "../../sheets/restore";
import { cellValue } from "./read";
import { writeInto } from "./write";

/**
 * The file host's side of a refresh: an .xlsx workbook → a snapshot of plain values (formulas marked, percentages
 * in points) for the pure merge, and the merged plan written back into the same workbook, so sheets the add-in
 * did not write survive untouched.
 */
export function snapshotOf(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets = wb.worksheets.map((ws) => {
    const rows: SnapshotCell[][] = [];
    const hiddenRows: number[] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (row.hidden) hiddenRows.push(r);
      const cells: SnapshotCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const formula = cell.formula !== undefined || cell.type === ExcelJS.ValueType.Formula;
        cells[c - 1] = formula ? FORMULA : cellValue(cell);
      });
      for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
      rows.push(cells);
    }
    return { name: ws.name, hidden: ws.state !== "visible", rows, hiddenRows };
  });
  return { sheets };
}

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
