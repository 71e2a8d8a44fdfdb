import ExcelJS from "exceljs";
import type { CellValue } from "../../sheets/plan";
import type { Entries } from "../../sheets/indicatorSheet";

/**
 * Reads back what staff entered in a monitoring workbook, by stable id: the hidden key row (row 5) names each
 * column ("id", "actual:2025", "note", "baseline"), so entries are found even if columns were moved.
 * A percentage-formatted number is read in points (Excel stores 95,1% as 0,951).
 */
export function cellValue(cell: ExcelJS.Cell): CellValue {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return /%/.test(cell.numFmt ?? "") ? Number((v * 100).toPrecision(12)) : v;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "error" in v) return String(v.error);
  if (typeof v === "object" && "result" in v) {
    const r = (v as { result?: unknown }).result;
    return typeof r === "number" || typeof r === "string" || typeof r === "boolean" ? r : null;
  }
  if (typeof v === "object" && "text" in v) return String((v as { text: unknown }).text);
  return null;
}

export function readEntries(wb: ExcelJS.Workbook): Entries {
  const entries: Entries = { actuals: {}, notes: {}, baselines: {} };
  wb.eachSheet((ws) => {
    let keyRow = 0;
    for (let r = 1; r <= Math.min(ws.rowCount, 12) && !keyRow; r++) {
      ws.getRow(r).eachCell((c) => {
        if (c.value === "id") keyRow = r;
      });
    }
    if (!keyRow) return;
    const keys = new Map<number, string>();
    ws.getRow(keyRow).eachCell((c, col) => {
      if (typeof c.value === "string") keys.set(col, c.value);
    });
    const idCol = [...keys.entries()].find(([, k]) => k === "id")?.[0];
    if (idCol === undefined) return;
    for (let r = keyRow + 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const id = cellValue(row.getCell(idCol));
      if (typeof id !== "string" || id === "") continue;
      for (const [col, key] of keys) {
        const value = cellValue(row.getCell(col));
        if (key.startsWith("actual:") && row.getCell(col).formula === undefined) {
          if (value !== null && value !== "") (entries.actuals[id] ??= {})[key.slice(7)] = value;
        } else if (key === "note" && value !== null && value !== "") entries.notes[id] = String(value);
        else if (key === "baseline" && value !== null && value !== "") entries.baselines[id] = value;
      }
    }
  });
  return entries;
}

export async function readEntriesFile(file: string): Promise<Entries> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return readEntries(wb);
}
