import { z } from "zod";

/**
 * A sheet plan: a pure description of the sheets to have — cells (values, formulas, style keys), columns,
 * merged title cells, one Excel table per appendix, conditional formats keyed on status, input validation,
 * print setup, protection. It can be printed as JSON, compared in a test, and applied by either host
 * (ExcelJS for files and the browser preview, Office.js inside Excel). Hosts decide nothing.
 */
export const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof CellValue>;

export const Cell = z.object({
  /** A literal value. Text is always literal: hosts never let text become a formula. */
  value: CellValue.optional(),
  /** An Excel formula (en-US syntax, without "="). */
  formula: z.string().optional(),
  style: z.string().optional(),
});
export type Cell = z.infer<typeof Cell>;

export const StyleSpec = z.object({
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  size: z.number().optional(),
  /** Fill and font colours, RGB hex without '#'. */
  fill: z.string().optional(),
  font: z.string().optional(),
  numFmt: z.string().optional(),
  hAlign: z.enum(["left", "center", "right"]).optional(),
  vAlign: z.enum(["top", "middle", "bottom"]).optional(),
  wrap: z.boolean().optional(),
  indent: z.number().optional(),
  border: z.boolean().optional(),
  /** false for input cells, which stay editable when the sheet is protected. */
  locked: z.boolean().optional(),
});
export type StyleSpec = z.infer<typeof StyleSpec>;

export const ColumnSpec = z.object({
  /** What the column holds, for hosts reading entries back ("actual:2025", "note", "id"). */
  key: z.string(),
  header: z.string(),
  width: z.number(),
  hidden: z.boolean().optional(),
  /** Staff type here. */
  input: z.boolean().optional(),
});
export type ColumnSpec = z.infer<typeof ColumnSpec>;

export const ConditionalRule = z.object({
  /** A1 range, e.g. "H7:H60". */
  range: z.string(),
  /** Formula relative to the top-left cell of the range, e.g. `$AD7="shortfall"`. */
  formula: z.string(),
  style: z.string(),
});
export type ConditionalRule = z.infer<typeof ConditionalRule>;

export const ValidationSpec = z.object({
  range: z.string(),
  kind: z.enum(["decimal", "list"]),
  /** For lists: the allowed entries. */
  list: z.array(z.string()).optional(),
  prompt: z.object({ title: z.string(), text: z.string() }),
  error: z.object({ title: z.string(), text: z.string() }),
});
export type ValidationSpec = z.infer<typeof ValidationSpec>;

export const PrintSpec = z.object({
  orientation: z.enum(["landscape", "portrait"]),
  /** 9 = A4. */
  paperSize: z.number(),
  fitToWidth: z.number(),
  fitToHeight: z.number(),
  /** Header rows repeated on every page, e.g. "6:6". */
  titleRows: z.string().nullable(),
  /**
   * A fixed scale in percent instead of fitting to pages: wide tables print across pages at a legible size,
   * with `titleColumns` (the indicator's code, name and unit, e.g. "B:D") repeated on every page, down then over.
   */
  scale: z.number().optional(),
  titleColumns: z.string().optional(),
  /** Columns before which a printed page starts (a whole block per page), e.g. ["J", "O"]. */
  columnBreaks: z.array(z.string()).optional(),
  /** Rows (1-based) before which a printed page starts (the summary: a block that would not fit starts a page), e.g. [40, 71]. */
  rowBreaks: z.array(z.number()).optional(),
  /** Print area, e.g. "B1:L60" (hidden helper columns never print). */
  area: z.string(),
  header: z.string(),
  footer: z.string(),
});
export type PrintSpec = z.infer<typeof PrintSpec>;

export const TableSpec = z.object({
  name: z.string(),
  /** A1 range including the header row. */
  ref: z.string(),
  headerRow: z.number(),
});
export type TableSpec = z.infer<typeof TableSpec>;

export const SheetKind = z.enum(["indicators", "scenario", "tasks", "summary", "report", "directory", "lists"]);

export const SheetSpec = z.object({
  name: z.string().max(31),
  kind: SheetKind,
  /** The plan and appendix the sheet shows, for hosts reading entries back. */
  plan: z.string().nullable(),
  appendix: z.string().nullable(),
  columns: z.array(ColumnSpec),
  /** Rows from row 1; each row a list of cells from column A. */
  rows: z.array(z.array(Cell)),
  /** Row heights (1-based row → points). */
  heights: z.record(z.string(), z.number()),
  merges: z.array(z.string()),
  table: TableSpec.nullable(),
  /** First data row and last data row of the table. */
  dataRows: z.object({ first: z.number(), last: z.number() }).nullable(),
  /** Row (1-based) of each indicator id, for reading entries back and for refresh. */
  rowOf: z.record(z.string(), z.number()),
  freeze: z.object({ row: z.number(), column: z.number() }),
  conditional: z.array(ConditionalRule),
  validations: z.array(ValidationSpec),
  print: PrintSpec,
  protect: z.boolean(),
  tabColor: z.string().nullable(),
  /** Hidden sheets hold what formulas look up (the word lists). */
  hidden: z.boolean().optional(),
});
export type SheetSpec = z.infer<typeof SheetSpec>;

export const DefinedName = z.object({ name: z.string(), sheet: z.string(), range: z.string() });
export type DefinedName = z.infer<typeof DefinedName>;

export const SheetPlan = z.object({
  title: z.string(),
  styles: z.record(z.string(), StyleSpec),
  sheets: z.array(SheetSpec),
  /** Workbook-level names the formulas use (IM_DAT → '_IM'!$B$1:$B$13). */
  names: z.array(DefinedName),
});
export type SheetPlan = z.infer<typeof SheetPlan>;

/**
 * A hidden sheet that only holds data — word lists the formulas look up, the workbook's identity, the forms
 * received: no table, no colour, its print area its cells (a hidden sheet gets none in the file).
 */
export function dataSheet(name: string, columns: ColumnSpec[], rows: Cell[][]): SheetSpec {
  return {
    name,
    kind: "lists",
    plan: null,
    appendix: null,
    columns,
    rows,
    heights: {},
    merges: [],
    table: null,
    dataRows: null,
    rowOf: {},
    freeze: { row: 0, column: 0 },
    conditional: [],
    validations: [],
    print: { orientation: "portrait", paperSize: 9, fitToWidth: 1, fitToHeight: 0, titleRows: null, area: `A1:${columnLetter(Math.max(columns.length, 1))}${Math.max(rows.length, 1)}`, header: "", footer: "" },
    protect: false,
    tabColor: null,
    hidden: true,
  };
}

/** Column number (1-based) → letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Column letters → number (1-based): A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B7" → row and column (1-based); null for anything else. */
export function cellPosition(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(address);
  return m ? { row: Number(m[2]), col: columnNumber(m[1]!) } : null;
}

/**
 * Row heights for wrapped text: neither Excel nor LibreOffice fits the rows of a file on open, so the plan says
 * how tall each row is (Arial 10: about 1,15 characters per unit of column width, 13 points a line).
 */
export function rowHeight(cells: Cell[], columns: ColumnSpec[], minimum = 15): number {
  let lines = 1;
  cells.forEach((cell, i) => {
    const column = columns[i];
    if (!column || column.hidden || typeof cell.value !== "string" || cell.value === "") return;
    const perLine = Math.max(4, Math.floor(column.width * 1.15));
    const n = cell.value.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, n);
  });
  return Math.max(minimum, lines * 13 + 3);
}

/**
 * Makes a sheet's formulas compact in memory. A formula built by concatenation is kept by V8 as a tree of its
 * parts (a "cons string") until something reads it, several times the size of its text: for the large plan,
 * 212 MB instead of 84. Reading one character flattens it. Called on each sheet as it is built, so a large
 * workbook's peak memory is its text, not its ropes. Returns the sheet.
 */
export function compactFormulas<T extends { rows: { formula?: string }[][] }>(sheet: T): T {
  for (const row of sheet.rows) for (const cell of row) if (cell.formula) cell.formula.charCodeAt(0);
  return sheet;
}
