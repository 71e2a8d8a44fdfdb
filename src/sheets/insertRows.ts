/**
 * @file Inserting rows into a planned sheet as Excel inserts them: every reference of the sheet to its own rows
 * (formulas, colour rules, merges, print area and titles, heights, the data rows) moves down; references to
 * other sheets stay. What the summary uses to repeat a block's header where its print runs onto a new page.
 */
import type { Cell, SheetSpec } from "./plan";

export interface RowInsert {
  /** The row (1-based, before any insert) the new row goes before. */
  before: number;
  cells: Cell[];
  height?: number;
}

/**
 * A formula's text, a quoted string, a reference to another sheet, or a reference to this one (its row in group 2).
 * Names (IM_DAT), functions (LOG10(…)) and whole columns ($B:$B) are not references to rows.
 */
const TOKEN = /"(?:[^"]|"")*"|(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|(?<![\w.$])(\$?[A-Z]{1,3}\$?)(\d+)(?![\w(])/g;

/** A1 text (a formula or a range) with its own rows moved by `shift`. */
export function shiftReferences(text: string, shift: (row: number) => number): string {
  return text.replace(TOKEN, (whole, column: string | undefined, row: string | undefined) => (column !== undefined && row !== undefined ? `${column}${shift(Number(row))}` : whole));
}

/** The sheet with the rows inserted; `moved` gives a row's new number (rows before the first insert keep theirs). */
export function insertRows(sheet: SheetSpec, inserts: RowInsert[]): { sheet: SheetSpec; moved: (row: number) => number; placed: number[] } {
  const sorted = [...inserts].sort((a, b) => a.before - b.before);
  const moved = (row: number) => row + sorted.filter((i) => i.before <= row).length;
  const shift = (text: string) => shiftReferences(text, moved);
  const rows = sheet.rows.map((cells) => cells.map((c) => (c.formula !== undefined ? { ...c, formula: shift(c.formula) } : c)));
  const heights: Record<string, number> = {};
  for (const [r, h] of Object.entries(sheet.heights)) heights[String(moved(Number(r)))] = h;
  // Each new row stands right above the row it went before (after the new rows already before it).
  const placed: number[] = [];
  sorted.forEach((ins, k) => {
    const at = ins.before + k;
    placed.push(at);
    while (rows.length < at - 1) rows.push([]);
    rows.splice(at - 1, 0, ins.cells.map((c) => (c.formula !== undefined ? { ...c, formula: shift(c.formula) } : c)));
    if (ins.height !== undefined) heights[String(at)] = ins.height;
  });
  const p = sheet.print;
  return {
    moved,
    placed,
    sheet: {
      ...sheet,
      rows,
      heights,
      merges: sheet.merges.map(shift),
      table: sheet.table ? { ...sheet.table, ref: shift(sheet.table.ref), headerRow: moved(sheet.table.headerRow) } : null,
      dataRows: sheet.dataRows ? { first: moved(sheet.dataRows.first), last: moved(sheet.dataRows.last) } : null,
      rowOf: Object.fromEntries(Object.entries(sheet.rowOf).map(([id, r]) => [id, moved(r)])),
      freeze: sheet.freeze.row ? { ...sheet.freeze, row: moved(sheet.freeze.row + 1) - 1 } : sheet.freeze,
      conditional: sheet.conditional.map((c) => ({ ...c, range: shift(c.range), formula: shift(c.formula) })),
      validations: sheet.validations.map((v) => ({ ...v, range: shift(v.range) })),
      print: {
        ...p,
        area: shift(p.area),
        titleRows: p.titleRows ? p.titleRows.split(":").map((r) => String(moved(Number(r)))).join(":") : null,
        ...(p.rowBreaks ? { rowBreaks: p.rowBreaks.map(moved) } : {}),
      },
    },
  };
}
