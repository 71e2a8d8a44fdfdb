/**
 * @file The snapshot a host gives of a workbook for the pure core: each sheet's cells as plain values (formulas
 * marked), hidden rows, and how the sheet stands (hidden, protected, its tables) — and the snapshot of a plan.
 */
import { z } from "zod";
import { CellValue } from "./plan";

/**
 * A cell that holds a formula, with its text (en-US, without "="): the add-in's own formulas are rebuilt, but a
 * formula staff typed where an entry goes (an actual "=1234/5678*100", a note, their own column) is theirs
 * and is carried over as a formula.
 */
export type FormulaCell = { formula: string };
export type SnapshotCell = CellValue | FormulaCell;

/**
 * The add-in's own formula columns (statuses, gaps, achievement, helpers, the whole-period actual) are rebuilt
 * by a refresh, so a host reading a large workbook need not keep their text: it gives OWN_FORMULA instead, one
 * shared object, once it has read the key row.
 */
/** The in-year columns the add-in computes: the figure to date, the year-end estimate, the pace. */
export const PACE_FORMULA_KEYS = new Set(["todate", "estimate", "pace"]);

export const OWN_FORMULA: FormulaCell = Object.freeze({ formula: "" });
export function isOwnFormulaKey(key: unknown): boolean {
  return typeof key === "string" && (/^(status|gap|achievement|h):/.test(key) || PACE_FORMULA_KEYS.has(key) || key === "actual:period");
}

/** For hosts: turns formula texts into snapshot cells, dropping the text in the add-in's own columns after the key row. */
export function formulaCells(): { cell: (col: number, formula: string) => FormulaCell; own: (col: number) => boolean; row: (cells: SnapshotCell[]) => void } {
  let keys: SnapshotCell[] | null = null;
  return {
    cell: (col, formula) => (keys && isOwnFormulaKey(keys[col]) ? OWN_FORMULA : { formula }),
    own: (col) => keys !== null && isOwnFormulaKey(keys[col]),
    row: (cells) => {
      if (!keys && cells.includes("id")) keys = cells;
    },
  };
}

export const SnapshotSheet = z.object({
  name: z.string(),
  hidden: z.boolean(),
  /** Cells from A1, row by row; a formula cell is { formula }. A percentage-formatted number is read in points. */
  rows: z.array(z.array(z.union([CellValue, z.object({ formula: z.string() })]))),
  /** 1-based rows hidden by a filter or by hand (rows the add-in hid itself, such as the key row, included). */
  hiddenRows: z.array(z.number()).default([]),
  /** A filter is on (Excel reports that where it cannot say which rows it hides). */
  filtered: z.boolean().optional(),
  /** The sheet is protected; absent where the host cannot tell. */
  protected: z.boolean().optional(),
  /** How many Excel tables (ListObjects) the sheet holds; absent where the host cannot tell. */
  tables: z.number().optional(),
});
export type SnapshotSheet = z.infer<typeof SnapshotSheet>;

export interface WorkbookSnapshot {
  sheets: SnapshotSheet[];
}

/** How a sheet stands in the workbook, in the workbook's order: what a refresh puts back is said (sheets/layoutRestore.ts). */
export interface SheetLayout {
  name: string;
  hidden: boolean;
  protected?: boolean;
  tables?: number;
}

/**
 * The snapshot of a sheet plan as a host would read it back after writing it: the preview host's workbook and
 * the tests' starting point.
 */
export function snapshotOfPlan(sheets: { name: string; hidden?: boolean; protect?: boolean; table?: unknown; rows: { value?: CellValue; formula?: string }[][]; heights: Record<string, number> }[]): WorkbookSnapshot {
  return {
    sheets: sheets.map((s) => ({
      name: s.name,
      hidden: s.hidden ?? false,
      ...(s.protect !== undefined ? { protected: s.protect } : {}),
      ...(s.table !== undefined ? { tables: s.table ? 1 : 0 } : {}),
      rows: s.rows.map((cells) => cells.map((c): SnapshotCell => (c.formula !== undefined ? { formula: c.formula } : c.value ?? null))),
      hiddenRows: Object.entries(s.heights)
        .filter(([, h]) => h === 0)
        .map(([r]) => Number(r)),
    })),
  };
}
