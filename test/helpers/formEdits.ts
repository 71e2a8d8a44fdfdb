/** @file Edits staff make to a returned form, applied with ExcelJS: shared by the collect round trip and the fault suites. */
import type ExcelJS from "exceljs";
import { keyColumns } from "./refresh";

export type Edit = (wb: ExcelJS.Workbook) => void;

/** Sets the cell of an id and column key on whichever sheet holds it ("id" as the key rewrites the id itself). */
export const set =
  (id: string, key: string, value: ExcelJS.CellValue): Edit =>
  (wb) => {
    for (const ws of wb.worksheets) {
      const keys = keyColumns(ws);
      const idCol = keys.get("id");
      const col = keys.get(key);
      if (!idCol || !col) continue;
      for (let r = 7; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(idCol).value === id) ws.getRow(r).getCell(col).value = value;
    }
  };
