/**
 * @file A worksheet's XML read with the tokenizer (xmlScan.ts), in one linear pass: its rows as the snapshot
 * holds them (the fast reader), or only checked against Excel's grid before ExcelJS loads it (the guard).
 */
import type { CellValue } from "../../sheets/plan";
import { formulaCells, OWN_FORMULA, type SnapshotCell } from "../../sheets/existing";
import { richText, scanXml, STOP_SCAN, unescapeX, type Kind } from "./xmlScan";
import { EXCEL_COLUMNS, EXCEL_ROWS, EXPANDED_CELLS, packageRefused } from "./unsafe";
import { cellRef } from "./unzip";

/** A row number as a worksheet writes it ("12"), refused past Excel's last row or where it is no number. */
function rowNumber(text: string, part: string): number {
  if (!/^\d+$/.test(text)) throw packageRefused("package.badReference", { part, ref: text.slice(0, 40) });
  const r = Number(text);
  if (text.length > 8 || r > EXCEL_ROWS) throw packageRefused("package.rowTooFar", { part, row: text.slice(0, 40), max: "1.048.576" });
  if (r < 1) throw packageRefused("package.badReference", { part, ref: text });
  return r;
}

/** A cell's column from its reference ("AB12" → 28), refused past column XFD or where it is no reference. */
function columnOf(ref: string, part: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  const digits = ref.slice(i);
  if (i === 0 || !/^\d*$/.test(digits)) throw packageRefused("package.badReference", { part, ref: ref.slice(0, 40) });
  if (col > EXCEL_COLUMNS) throw packageRefused("package.columnTooFar", { part, ref: ref.slice(0, 40), max: "XFD" });
  if (digits.length > 8 || Number(digits) > EXCEL_ROWS) throw packageRefused("package.rowTooFar", { part, row: digits.slice(0, 40), max: "1.048.576" });
  return col;
}

/**
 * The rows of a worksheet as the fast reader gives them (values as ExcelJS reads them: see fastRead.ts), and
 * its hidden rows; null where the sheet holds shared formulas (ExcelJS translates those). Only cells inside
 * `<sheetData>` count; elements the reader does not know are passed over.
 */
export function readSheetRows(part: string, xml: Uint8Array, strings: string[], kinds: Kind[]): { rows: SnapshotCell[][]; hiddenRows: number[]; protected: boolean; tables: number } | null {
  const rows: SnapshotCell[][] = [];
  const hiddenRows: number[] = [];
  // How the sheet stands (a refresh says what it puts back): protected, and its tables.
  let protectedSheet = false;
  let tables = 0;
  const formulas = formulaCells();
  const rich = richText();
  let inData = false;
  let r = 0; // the current row's number
  let inRow = false;
  let cells: SnapshotCell[] = [];
  let col = 0;
  // The cell being read.
  let inCell = false;
  let type = "n";
  let style: Kind = "plain";
  let formula: string | null = null;
  let value: string | null = null;
  let capture: "f" | "v" | null = null;
  let text = "";
  let isDepth = 0;
  let seenIs = false;
  let inline = "";
  const ok = scanXml(part, xml, {
    open(name, a) {
      if (!inData) {
        if (name === "sheetData") inData = true;
        else if (name === "sheetProtection") protectedSheet = a.sheet === "1" || a.sheet === "true";
        else if (name === "tablePart") tables++;
        return;
      }
      if (inCell) {
        if (isDepth > 0) {
          if (name === "is") isDepth++;
          rich.open(name);
        } else if (name === "f" && formula === null) {
          if (a.t === "shared") throw STOP_SCAN;
          capture = "f";
          text = "";
        } else if (name === "v" && value === null && capture === null) {
          capture = "v";
          text = "";
        } else if (name === "is" && !seenIs) {
          isDepth = 1;
          seenIs = true;
        }
        return;
      }
      if (name === "row" && !inRow) {
        inRow = true;
        r = a.r !== undefined ? rowNumber(a.r, part) : r + 1;
        if (r > EXCEL_ROWS) throw packageRefused("package.rowTooFar", { part, row: r, max: "1.048.576" });
        if (a.hidden === "1" || a.hidden === "true") hiddenRows.push(r);
        cells = [];
        col = 0;
      } else if (name === "c" && inRow) {
        inCell = true;
        col = a.r !== undefined ? columnOf(a.r, part) : col + 1;
        if (col > EXCEL_COLUMNS) throw packageRefused("package.columnTooFar", { part, ref: `${col}`, max: "XFD" });
        type = a.t ?? "n";
        style = kinds[Number(a.s ?? 0)] ?? "plain";
        formula = null;
        value = null;
        capture = null;
        isDepth = 0;
        seenIs = false;
        inline = "";
      }
    },
    close(name) {
      if (!inData) return;
      if (inCell) {
        if (isDepth > 0) {
          if (name === "is") {
            isDepth--;
            if (isDepth === 0) inline = rich.take();
          } else rich.close(name);
          return;
        }
        if (capture === "f" && name === "f") {
          formula = text;
          capture = null;
        } else if (capture === "v" && name === "v") {
          value = text;
          capture = null;
        } else if (name === "c") {
          inCell = false;
          const cell = cellOf(col, type, style, formula, value, inline, strings, formulas);
          if (cell !== undefined) cells[col - 1] = cell;
        }
        return;
      }
      if (name === "row" && inRow) {
        inRow = false;
        for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
        formulas.row(cells);
        while (rows.length < r - 1) rows.push([]);
        rows.push(cells);
      } else if (name === "sheetData") inData = false;
    },
    text(t) {
      if (capture !== null) text += t;
      else if (isDepth > 0) rich.text(t);
    },
  });
  return ok ? { rows, hiddenRows, protected: protectedSheet, tables } : null;
}

function cellOf(col: number, type: string, style: Kind, formula: string | null, v: string | null, inline: string, strings: string[], formulas: ReturnType<typeof formulaCells>): SnapshotCell | undefined {
  // The add-in's own formula columns are rebuilt by a refresh: their text is not kept.
  if (formula !== null) return formulas.own(col - 1) ? OWN_FORMULA : formulas.cell(col - 1, unescapeX(formula).replace(/^=/, "").replace(/_xlfn\./g, ""));
  let value: CellValue;
  // An empty inline string is no value, as ExcelJS reads it.
  if (type === "inlineStr") value = inline || null;
  else if (v === null) value = null;
  else if (type === "s") value = strings[Number(v)] ?? "";
  else if (type === "str" || type === "e") value = unescapeX(v);
  else if (type === "b") value = v === "1" || v === "true";
  else if (type === "d") value = unescapeX(v).slice(0, 10);
  else {
    const n = Number(v);
    value = style === "percent" ? Number((n * 100).toPrecision(12)) : style === "date" ? new Date(Math.round((n - 25569) * 86_400_000)).toISOString().slice(0, 10) : n;
  }
  return value === null ? undefined : value;
}

/**
 * A worksheet checked before ExcelJS loads it: every row and cell inside Excel's grid, column ranges too, and
 * the cells ExcelJS expands one by one (merged ranges, data validations' ranges) within EXPANDED_CELLS —
 * ExcelJS walks every row up to the last and every address of those ranges.
 */
export function checkSheetLimits(part: string, xml: Uint8Array, expanded: { cells: number }): void {
  const area = (ref: string) => {
    let n = 0;
    for (const range of ref.split(" ")) {
      if (!range) continue;
      const [a, b] = range.split(":");
      const from = cellRef(a!);
      const to = b === undefined ? from : cellRef(b);
      if (!from || !to) throw packageRefused("package.badRange", { part, ref: range.slice(0, 40) });
      n += (Math.abs(to.row - from.row) + 1) * (Math.abs(to.col - from.col) + 1);
    }
    return n;
  };
  const spend = (ref: string) => {
    expanded.cells += area(ref);
    if (expanded.cells > EXPANDED_CELLS) throw packageRefused("package.rangesTooLarge", { part, cap: EXPANDED_CELLS.toLocaleString("vi-VN") });
  };
  let r = 0;
  scanXml(part, xml, {
    open(name, a) {
      if (name === "row") r = a.r !== undefined ? rowNumber(a.r, part) : r + 1;
      else if (name === "c" && a.r !== undefined) columnOf(a.r, part);
      else if (name === "col" && (Number(a.min) > EXCEL_COLUMNS || Number(a.max) > EXCEL_COLUMNS)) throw packageRefused("package.columnTooFar", { part, ref: `${a.min}:${a.max}`, max: "XFD" });
      else if (name === "mergeCell" && a.ref) spend(a.ref);
      else if (name === "dataValidation" && a.sqref) spend(a.sqref);
      if (r > EXCEL_ROWS) throw packageRefused("package.rowTooFar", { part, row: r, max: "1.048.576" });
    },
    close() {},
  });
}

/** A comments part checked the same way: ExcelJS puts each comment in its cell, making the rows up to it. */
export function checkCommentRefs(part: string, xml: Uint8Array): void {
  scanXml(part, xml, {
    open(name, a) {
      if (name === "comment" && a.ref !== undefined && !cellRef(a.ref)) throw packageRefused("package.badRange", { part, ref: a.ref.slice(0, 40) });
    },
    close() {},
  });
}
