/**
 * @file Shared set-up of the persona tests (test/e2e/personas/): workbooks recalculated by LibreOffice in one run,
 * read back with ExcelJS (a formula's value is the one LibreOffice computed), and rows found by id and column key.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { soffice } from "./libreoffice";
import { keyColumns } from "./refresh";

/** Where the persona tests leave what a person would look at (screenshots, printed pages). */
export function outDir(persona: string): string {
  const dir = resolve(__dirname, "../../out", `persona-${persona}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Opens `files` in one headless LibreOffice run, which recalculates every formula on load, and saves them as
 * .xlsx with the values it computed; returns each as an ExcelJS workbook (same order). The names must differ.
 */
export async function recalculated(files: string[]): Promise<ExcelJS.Workbook[]> {
  const dir = mkdtempSync(join(tmpdir(), "im-persona-lo-"));
  const profile = mkdtempSync(join(tmpdir(), "im-lo-profile-"));
  execFileSync(soffice(), [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", dir, ...files], { timeout: 240_000, stdio: "pipe" });
  return Promise.all(
    files.map(async (f) => {
      const out = join(dir, basename(f).replace(/\.[^.]+$/, ".xlsx"));
      if (!existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      return wb;
    }),
  );
}

/** A cell as a person reads it: a formula's computed value, rich text joined, a date as ISO text. */
export function shown(cell: ExcelJS.Cell): string | number | boolean | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "object" && !(v instanceof Date)) {
    if ("result" in v || "formula" in v || "sharedFormula" in v) {
      const r = (v as { result?: unknown }).result;
      if (r === undefined || r === null) return "";
      if (typeof r === "object" && r !== null && "error" in r) return String((r as { error: string }).error);
      return r instanceof Date ? r.toISOString() : (r as string | number | boolean);
    }
    if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
    if ("text" in v) return String((v as { text: unknown }).text);
  }
  if (v instanceof Date) return v.toISOString();
  return v as string | number | boolean;
}

/** The sheet of `wb` whose hidden id column holds `id`, with that row's number. */
export function findRow(wb: ExcelJS.Workbook, id: string): { ws: ExcelJS.Worksheet; row: number; keys: Map<string, number> } {
  for (const ws of wb.worksheets) {
    const keys = keyColumns(ws);
    const idCol = keys.get("id");
    if (!idCol) continue;
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(idCol).value === id) return { ws, row: r, keys };
  }
  throw new Error(`no row with id ${id} in the workbook`);
}

/** The cell of an indicator's row under a column key ("actual:2025-T03", "pace"), on whichever sheet holds it. */
export function cellOf(wb: ExcelJS.Workbook, id: string, key: string): ExcelJS.Cell {
  const { ws, row, keys } = findRow(wb, id);
  const col = keys.get(key);
  if (!col) throw new Error(`no column “${key}” on ${ws.name}`);
  return ws.getRow(row).getCell(col);
}

/** Whitespace made one space, ends trimmed: text compared as a printed page gives it. */
export const squeeze = (s: string) => s.replace(/\s+/g, " ").trim();
