import { REPORT_SHEET } from "../../sheets/reportSheet";
import { columnLetter } from "../../sheets/plan";
import type { CellValue } from "../../sheets/plan";
import { BACKUP_SHEET, LOG_SHEET, isIndicatorId, isOwnFormulaKey, OWN_FORMULA, type SnapshotCell, type SnapshotSheet, type WorkbookSnapshot } from "../../sheets/existing";
import { SUMMARY_SHEET } from "../../sheets/workbook";
import { IDENTITY_SHEET } from "../../sheets/identity";
import { RECEIPTS_SHEET } from "../../sheets/receipts";
import { REPORTING_SHEET } from "../../sheets/reportingSheet";
import { WORD_LIST_SHEET } from "../../sheets/formulas";
import { sheetKey } from "../../sheets/names";
import { jsonBytes, RESPONSE_BUDGET } from "./batch";
import type { Features } from "./features";

/**
 * Reading the add-in's sheets back inside Excel, within Excel on the web's 5 MB per response:
 * 1. the sheet list, the defined names and each sheet's used range (addresses only);
 * 2. the top rows of each sheet, where the add-in's hidden key row is (row 5, or near it if rows moved);
 * 3. only the add-in's sheets (a key row, indicator ids, or a service sheet's name), in row chunks grouped
 *    into syncs by the response they will bring: `formulas` where entries go (a constant comes back as its
 *    value, a formula staff typed as its text), number formats only where a percentage may be typed, and for
 *    the add-in's own formula columns just their values plus, on ExcelApi 1.9, the constants Excel finds among
 *    them (a value typed over a formula) — not the formulas' text, which is most of a workbook's bytes.
 * Staff's own sheets are never read. The number of syncs does not grow with the number of indicators until the
 * sheets outgrow one response; then it grows with their bytes, never past the limit.
 */
const TOP_ROWS = 12;
const TOP_COLUMNS = 256;
/** Cells per range read. */
const CHUNK_CELLS = 20_000;

const SERVICE = [SUMMARY_SHEET, REPORT_SHEET, LOG_SHEET, BACKUP_SHEET, WORD_LIST_SHEET, IDENTITY_SHEET, RECEIPTS_SHEET, REPORTING_SHEET].map(sheetKey);
/** A service sheet under its name, or under the free name it took beside a sheet of staff's ("Tổng hợp (2)"). */
export function isServiceSheetName(name: string): boolean {
  return SERVICE.includes(sheetKey(name.replace(/ \(\d+\)$/, "")));
}

function endOf(address: string): { row: number; col: number } {
  const m = /([A-Z]+)(\d+)$/.exec(address.split("!").pop() ?? "");
  if (!m) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

type Kind = "own" | "entry" | "plain";

interface Pending {
  sheet: number;
  firstRow: number;
  firstCol: number;
  kind: Kind;
  main: Excel.Range;
  format: Excel.Range | null;
  constants: Excel.RangeAreas | null;
  cells: number;
}

/** Where an add-in sheet's cells are, kept from a full read so that a change can be re-read alone. */
export interface SheetLayout {
  /** Worksheet.id: stays the same when staff rename the sheet. */
  id: string;
  /** The sheet's index in the snapshot. */
  index: number;
  /** 1-based row of the hidden key row, 0 where the sheet has none. */
  keyRow: number;
  keys: CellValue[] | null;
  lastRow: number;
  lastCol: number;
}

export interface ExcelRead {
  snapshot: WorkbookSnapshot;
  /** Defined names of the workbook. */
  names: string[];
  layouts: SheetLayout[];
  syncs: number;
}

/** One changed range, as Excel's WorksheetChangedEventArgs says it. */
export interface SheetChange {
  worksheetId: string;
  address: string;
  changeType: string;
}

/** Column runs of the same kind: [first column, last column, kind], 1-based. */
function columnRuns(keys: CellValue[], width: number, keyed: boolean): [number, number, Kind][] {
  const kindOf = (c: number): Kind => {
    if (!keyed) return "plain";
    const key = keys[c - 1];
    if (isOwnFormulaKey(key)) return "own";
    if (typeof key === "string" && (key.startsWith("actual:") || key === "baseline" || key.startsWith("user:") || key === "note")) return "entry";
    // Columns without a key are staff's own columns: entries too.
    return typeof key === "string" && key !== "" ? "plain" : "entry";
  };
  const runs: [number, number, Kind][] = [];
  for (let c = 1; c <= width; c++) {
    const k = kindOf(c);
    const last = runs[runs.length - 1];
    if (last && last[2] === k && last[1] === c - 1) last[1] = c;
    else runs.push([c, c, k]);
  }
  return runs;
}

export async function snapshotFromExcel(context: Excel.RequestContext, f: Features): Promise<ExcelRead> {
  let syncs = 0;
  const send = async () => {
    syncs++;
    await context.sync();
  };
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/id");
  const names = context.workbook.names;
  names.load("items/name");
  await send();
  const used = worksheets.items.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load("address");
    return range;
  });
  await send();
  const ends = used.map((r) => (r.isNullObject ? { row: 0, col: 0 } : endOf(r.address)));
  const tops = worksheets.items.map((ws, i) => {
    const { row, col } = ends[i]!;
    if (row === 0) return null;
    const top = ws.getRange(`A1:${columnLetter(Math.min(col, TOP_COLUMNS))}${Math.min(row, TOP_ROWS)}`);
    top.load("values");
    return top;
  });
  await send();

  const sheets: SnapshotSheet[] = [];
  const rows: SnapshotCell[][][] = [];
  const pending: Pending[] = [];
  const wss: Excel.Worksheet[] = [];
  const layouts: SheetLayout[] = [];
  worksheets.items.forEach((ws, i) => {
    const top = tops[i];
    const values = (top?.values ?? []) as CellValue[][];
    const keyRow = values.findIndex((row) => row.includes("id"));
    const ours = keyRow >= 0 || values.some((row) => row.some(isIndicatorId)) || isServiceSheetName(ws.name);
    if (!ours || !top) return;
    const index = sheets.length;
    sheets.push({ name: ws.name, hidden: ws.visibility !== "Visible", rows: [], hiddenRows: [], filtered: false });
    rows.push([]);
    const keys = keyRow >= 0 ? values[keyRow]! : null;
    const { row: lastRow, col: lastCol } = ends[i]!;
    layouts.push({ id: ws.id, index, keyRow: keyRow + 1, keys, lastRow, lastCol });
    pending.push(...regions(ws, f, index, keys, { r1: 1, c1: 1, r2: lastRow, c2: lastCol }));
    if (f.has("pageLayout")) ws.tables.load("items/autoFilter/isDataFiltered");
    if (f.has("freezePanes")) ws.protection.load("protected"); // a refresh says the protection it puts back
    wss.push(ws);
  });
  await readRegions(pending, rows, send);
  sheets.forEach((s, i) => {
    s.rows = Array.from({ length: rows[i]!.length }, (_, r) => rows[i]![r] ?? []);
    s.filtered = f.has("pageLayout") ? wss[i]!.tables.items.some((t) => t.autoFilter.isDataFiltered) : false;
    if (f.has("pageLayout")) s.tables = wss[i]!.tables.items.length;
    if (f.has("freezePanes")) s.protected = wss[i]!.protection.protected;
  });
  return { snapshot: { sheets }, names: names.items.map((n) => n.name), layouts, syncs };
}

/** The reads of one area of a sheet: row chunks, split where the kind of column changes. */
function regions(ws: Excel.Worksheet, f: Features, index: number, keys: CellValue[] | null, area: { r1: number; c1: number; r2: number; c2: number }): Pending[] {
  const out: Pending[] = [];
  const runs = columnRuns(keys ?? [], area.c2, keys !== null).filter(([, c2]) => c2 >= area.c1);
  const rowsPerChunk = Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, area.c2 - area.c1 + 1)));
  for (let r = area.r1; r <= area.r2; r += rowsPerChunk) {
    const r2 = Math.min(area.r2, r + rowsPerChunk - 1);
    for (const [from, c2, kind] of runs) {
      const c1 = Math.max(from, area.c1);
      const address = `${columnLetter(c1)}${r}:${columnLetter(c2)}${r2}`;
      const constants = kind === "own" && f.has("pageLayout") ? ws.getRange(address).getSpecialCellsOrNullObject("Constants" as Excel.SpecialCellType.constants) : null;
      out.push({ sheet: index, firstRow: r, firstCol: c1, kind, main: ws.getRange(address), format: kind === "entry" ? ws.getRange(address) : null, constants, cells: (r2 - r + 1) * (c2 - c1 + 1) });
    }
  }
  return out;
}

/**
 * Re-reads only the ranges staff changed (from the worksheets' change events) into a previous full read, and
 * returns it updated — a few cells instead of the workbook. Changes to staff's own sheets are ignored (the
 * add-in never reads them). Returns null where only a full read is right: rows inserted or deleted, a change
 * in the header or key rows, a change of unknown kind, or more cells than one full read's chunk.
 */
export async function rereadChanges(context: Excel.RequestContext, f: Features, previous: ExcelRead, changes: SheetChange[]): Promise<ExcelRead | null> {
  const pending: Pending[] = [];
  const rows = previous.snapshot.sheets.map((s) => s.rows);
  const layouts = previous.layouts.map((l) => ({ ...l }));
  let cells = 0;
  for (const change of changes) {
    const layout = layouts.find((l) => l.id === change.worksheetId);
    if (!layout) continue;
    if (change.changeType !== "RangeEdited") return null;
    const ws = context.workbook.worksheets.getItem(layout.id);
    for (const part of change.address.split(",")) {
      const [from, to] = part.split("!").pop()!.replace(/\$/g, "").split(":");
      const p = endOf(from!);
      const q = endOf(to ?? from!);
      if (p.row === 0 || q.row === 0) return null; // whole rows or columns
      const area = { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
      if (area.r1 <= (layout.keyRow || TOP_ROWS)) return null;
      cells += (area.r2 - area.r1 + 1) * (area.c2 - area.c1 + 1);
      if (cells > CHUNK_CELLS) return null;
      layout.lastRow = Math.max(layout.lastRow, area.r2);
      layout.lastCol = Math.max(layout.lastCol, area.c2);
      pending.push(...regions(ws, f, layout.index, layout.keys, area));
    }
  }
  if (pending.length === 0) return { ...previous, syncs: 0 };
  const copies = rows.map((r) => r.map((line) => [...line]));
  let syncs = 0;
  await readRegions(pending, copies, async () => {
    syncs++;
    await context.sync();
  });
  const sheets = previous.snapshot.sheets.map((s, i) => ({ ...s, rows: Array.from({ length: copies[i]!.length }, (_, r) => copies[i]![r] ?? []) }));
  return { snapshot: { sheets }, names: previous.names, layouts, syncs };
}

/** Loads the pending reads, grouped into syncs by the response they will bring (bytes per cell measured as we go), into rows. */
async function readRegions(pending: Pending[], rows: SnapshotCell[][][], send: () => Promise<void>): Promise<void> {
  // Bytes a cell brings back, by kind of column: a first guess, then what each kind measured (× 1,5) — own formula
  // columns read as values are mostly short numbers and codes (about 20 bytes a cell on a 1 000-indicator sheet),
  // entries come with their number formats; one figure for all let a cheap group talk the next, dense one past the
  // 5 MB limit, and a high guess for all split a 1 000-indicator sheet's read in two.
  const perCell: Record<Kind, number> = { own: 40, entry: 60, plain: 60 };
  const cost = (p: Pending) => p.cells * perCell[p.kind];
  for (let i = 0; i < pending.length; ) {
    const group: Pending[] = [];
    let bytes = 0;
    while (i < pending.length && (group.length === 0 || bytes + cost(pending[i]!) < RESPONSE_BUDGET)) {
      const p = pending[i++]!;
      // Own formula columns: their values (the formulas' text only where Excel cannot say which cells are constants).
      p.main.load(p.kind === "own" && p.constants ? "values" : "formulas");
      p.format?.load("numberFormat");
      p.constants?.load("address");
      bytes += cost(p);
      group.push(p);
    }
    await send();
    const got: Record<Kind, number> = { own: 0, entry: 0, plain: 0 };
    const cells: Record<Kind, number> = { own: 0, entry: 0, plain: 0 };
    for (const p of group) {
      const grid = (p.kind === "own" && p.constants ? p.main.values : p.main.formulas) as CellValue[][];
      got[p.kind] += jsonBytes(grid) + (p.format ? jsonBytes(p.format.numberFormat) : 0);
      cells[p.kind] += p.cells;
      const constants = p.constants && !p.constants.isNullObject ? constantCells(p.constants.address) : null;
      const target = rows[p.sheet]!;
      grid.forEach((line, dr) => {
        const r = p.firstRow - 1 + dr;
        const row = (target[r] ??= []);
        line.forEach((v, dc) => {
          const c = p.firstCol - 1 + dc;
          while (row.length < c) row.push(null);
          row[c] = cellOf(v, p, dr, dc, constants, c);
        });
      });
    }
    for (const k of Object.keys(perCell) as Kind[]) if (cells[k] > 0) perCell[k] = Math.max(8, Math.ceil((got[k] / cells[k]) * 1.5));
  }
}

/** "Sheet!C7:C9,E12" → the set of "r,c" (1-based) it covers. */
function constantCells(address: string): Set<string> {
  const out = new Set<string>();
  for (const part of address.split(",")) {
    const a = part.split("!").pop()!.replace(/\$/g, "");
    const [from, to] = a.split(":");
    const p = endOf(from!);
    const q = endOf(to ?? from!);
    for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) out.add(`${r},${c}`);
  }
  return out;
}

function cellOf(v: CellValue, p: Pending, dr: number, dc: number, constants: Set<string> | null, col: number): SnapshotCell {
  if (p.kind === "own") {
    // With ExcelApi 1.9 Excel says which cells are constants (typed over a formula, or the key row); without it the formulas' text says.
    if (constants) {
      if (!constants.has(`${p.firstRow + dr},${col + 1}`)) return v === "" ? null : OWN_FORMULA;
    } else if (typeof v === "string" && v.startsWith("=")) return OWN_FORMULA;
  } else if (typeof v === "string" && v.startsWith("=")) return { formula: v.slice(1) };
  if (v === "" || v === null || v === undefined) return null;
  const format = p.format ? String((p.format.numberFormat as unknown[][])[dr]?.[dc] ?? "") : "";
  if (typeof v === "number" && /%/.test(format)) return Number((v * 100).toPrecision(12));
  return v;
}
