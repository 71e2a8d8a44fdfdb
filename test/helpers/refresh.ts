import ExcelJS from "exceljs";
import { buildCatalog } from "../../src/parse/catalog";
import { SEED_DOCUMENTS } from "../../src/parse/seeds";
import { readSeed } from "../../src/node/seeds-fs";
import type { Catalog } from "../../src/model";
import { KEY_ROW } from "../../src/sheets/indicatorSheet";
import { cellValue } from "../../src/hosts/xlsx/read";

/** Trà Vinh's plan (the seed with five appendices), its appendix IV's data lines editable as text. */
export const TV = "TV-QD77-2025";
export const TV_FILE = "004_23dbc6410858588b.txt";
const TV_SPEC = SEED_DOCUMENTS.filter((d) => d.meta.id === TV);

/** The lines of appendix IV's table rows (from "1\tTỷ lệ nợ xấu…" to the end of the table). */
export function appendixIvRows(): { before: string[]; rows: string[]; after: string[] } {
  const lines = readSeed(TV_FILE).split("\n");
  const start = lines.findIndex((l, k) => k > 300 && /^1\tTỷ lệ nợ xấu/.test(l));
  let end = start;
  while (end < lines.length && (lines[end]!.includes("\t") || lines[end]!.trim() === "")) end++;
  return { before: lines.slice(0, start), rows: lines.slice(start, end), after: lines.slice(end) };
}

/** The TV document's text with appendix IV's rows as given (the rest of the document unchanged). */
export function tvText(rows?: string[]): string {
  const parts = appendixIvRows();
  return [...parts.before, ...(rows ?? parts.rows), ...parts.after].join("\n");
}

/** The TV catalog from appendix IV's rows as given (the rest of the document unchanged). */
export function tvCatalog(rows?: string[]): Catalog {
  const text = tvText(rows);
  return buildCatalog((file) => (file === TV_FILE ? text : readSeed(file)), TV_SPEC).catalog;
}

/** Column keys of a sheet (the hidden key row) → column number. */
export function keyColumns(ws: ExcelJS.Worksheet): Map<string, number> {
  const keys = new Map<string, number>();
  ws.getRow(KEY_ROW).eachCell((c, col) => {
    if (typeof c.value === "string") keys.set(c.value, col);
  });
  return keys;
}

/** Data rows of a sheet: row number → values by key (formulas skipped). */
export function sheetRows(ws: ExcelJS.Worksheet): { row: number; values: Record<string, unknown> }[] {
  const keys = keyColumns(ws);
  const out: { row: number; values: Record<string, unknown> }[] = [];
  for (let r = KEY_ROW + 2; r <= ws.rowCount; r++) {
    const values: Record<string, unknown> = {};
    for (const [key, col] of keys) {
      const cell = ws.getRow(r).getCell(col);
      if (cell.formula !== undefined) continue;
      const v = cellValue(cell);
      if (v !== null && v !== "") values[key] = v;
    }
    if (Object.keys(values).length > 0) out.push({ row: r, values });
  }
  return out;
}

export function rowOfId(ws: ExcelJS.Worksheet, id: string): number {
  const found = sheetRows(ws).find((r) => r.values.id === id);
  if (!found) throw new Error(`no row with id ${id} in ${ws.name}`);
  return found.row;
}

export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return again;
}

const line = (rows: string[], code: string) => rows.findIndex((l) => l.startsWith(`${code}\t`));

/**
 * Appendix IV edited as a revised plan would be: target 1 changed, 15 and 16 swapped, 13 removed, a row added
 * after 20 with 21–27 renumbered 22–28. Built once.
 */
let edited: Catalog | null = null;
export function editedCatalog(): Catalog {
  edited ??= tvCatalog(editedIvRows());
  return edited;
}

/** Appendix IV's rows as the revised plan prints them (see `editedCatalog`). */
export function editedIvRows(): string[] {
  const out = [...appendixIvRows().rows];
  // A target edited (bad-debt ratio < 3 → < 2,5).
  out[line(out, "1")] = out[line(out, "1")]!.replace("\t< 3\t", "\t< 2,5\t");
  // Two rows swapped, codes following their place (15 ↔ 16).
  const a = line(out, "15");
  const b = line(out, "16");
  const fifteen = out[a]!.replace(/^15\t/, "16\t");
  out[a] = out[b]!.replace(/^16\t/, "15\t");
  out[b] = fifteen;
  // A row removed (13, fibre cable households).
  out.splice(line(out, "13"), 1);
  // A row added after 20, and 21–27 renumbered 22–28.
  for (let c = 27; c >= 21; c--) {
    const k = line(out, String(c));
    if (k >= 0) out[k] = out[k]!.replace(new RegExp(`^${c}\\t`), `${c + 1}\t`);
  }
  out.splice(line(out, "20") + 1, 0, "21\tTỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ\t%\t≥ 30\tSở Lao động- Thương binh và Xã hội");
  return out;
}

