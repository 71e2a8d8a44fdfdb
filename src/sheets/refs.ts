import { columnLetter, type SheetSpec } from "./plan";

/** References into a planned sheet, for the summary and the report that point into the appendix sheets. */
export function quote(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** The column letter of a sheet's column by key. */
export function col(sheet: SheetSpec, key: string): string | null {
  const i = sheet.columns.findIndex((c) => c.key === key);
  return i >= 0 ? columnLetter(i + 1) : null;
}

/** The block whose status stands for the sheet: the whole period, the full year, or the single plan. */
export function mainBlock(sheet: SheetSpec): string {
  const keys = sheet.columns.filter((c) => c.key.startsWith("status:")).map((c) => c.key.slice(7));
  return keys.includes("period") ? "period" : keys.includes("Cả năm") ? "Cả năm" : keys[keys.length - 1]!;
}
