import ExcelJS from "exceljs";
import type { CellValue } from "../../sheets/plan";
import { formulaCells, type SnapshotCell, type WorkbookSnapshot } from "../../sheets/existing";
import { readSharedStrings } from "./xmlScan";

/**
 * Reading an .xlsx workbook as the pure core sees it: cell values (a percentage-formatted number in points, as
 * Excel stores 95,1% as 0,951), formulas as text, hidden rows — from a loaded workbook, or streamed from a file.
 * Entries, refreshes and restores all start here.
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

/** A cell as the merge sees it: its formula (without "="; text dropped in the add-in's own columns), or its value. */
function snapshotCell(cell: ExcelJS.Cell, col: number, formulas: ReturnType<typeof formulaCells>): SnapshotCell {
  if (cell.formula !== undefined || cell.type === ExcelJS.ValueType.Formula) return formulas.cell(col, (cell.formula ?? "").replace(/^=/, "").replace(/_xlfn\./g, ""));
  return cellValue(cell);
}

export function snapshotOf(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets = wb.worksheets.map((ws) => {
    const rows: SnapshotCell[][] = [];
    const hiddenRows: number[] = [];
    const formulas = formulaCells();
    // Only the rows the sheet holds (getRow would make every row up to the last): the others read empty.
    const held = (ws as unknown as { _rows: (ExcelJS.Row | undefined)[] })._rows;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = held[r - 1];
      if (!row) {
        rows.push([]);
        continue;
      }
      if (row.hidden) hiddenRows.push(r);
      const cells: SnapshotCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // A merged range's value is its first cell's; the others only echo it.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        cells[c - 1] = snapshotCell(cell, c - 1, formulas);
      });
      for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
      formulas.row(cells);
      rows.push(cells);
    }
    const standing = ws as unknown as { sheetProtection?: { sheet?: boolean } | null; tables?: Record<string, unknown> };
    return { name: ws.name, hidden: ws.state !== "visible", rows, hiddenRows, protected: standing.sheetProtection?.sheet === true, tables: Object.keys(standing.tables ?? {}).length };
  });
  return { sheets };
}

/**
 * The snapshot of an .xlsx file, streamed: values only (hidden rows included), a fraction of the memory and time
 * of loading the whole workbook model.
 */
export async function snapshotOfFile(file: string | NodeJS.ReadableStream): Promise<WorkbookSnapshot> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file as string, { sharedStrings: "cache", styles: "cache", worksheets: "emit", hyperlinks: "ignore", entries: "emit" });
  // ExcelJS 4.4's stream reader decodes each chunk of the shared strings on its own, so a Vietnamese letter
  // split across two chunks comes out as "��". Read that part whole and decode it once.
  const patched = reader as unknown as { _parseSharedStrings: (entry: AsyncIterable<Buffer>) => AsyncGenerator<never>; sharedStrings: string[] };
  // ExcelJS iterates this as a generator (yield*); it has nothing to emit in "cache" mode.
  // eslint-disable-next-line require-yield
  patched._parseSharedStrings = async function* (entry) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk);
    patched.sharedStrings = sharedStrings(Buffer.concat(chunks).toString("utf8"));
  };
  // Nor does it read a row's hidden flag (a filtered table): the worksheet's XML is scanned for it on the way.
  const withHidden = reader as unknown as { _parseWorksheet: (source: AsyncIterable<Buffer | string>, sheetNo: string) => Generator<{ value: { hiddenRows?: number[]; standing?: Standing } }> };
  const parseWorksheet = withHidden._parseWorksheet;
  withHidden._parseWorksheet = function* (source, sheetNo) {
    const hidden: number[] = [];
    const standing: Standing = { protected: false, tables: 0 };
    for (const event of parseWorksheet.call(this, hiddenRowsOf(source, hidden, standing), sheetNo)) {
      event.value.hiddenRows = hidden;
      event.value.standing = standing;
      yield event;
    }
  };
  const sheets: WorkbookSnapshot["sheets"] = [];
  for await (const ws of reader) {
    const sheet = ws as unknown as AsyncIterable<ExcelJS.Row> & { name: string; state?: string; hiddenRows?: number[]; standing?: Standing };
    const rows: SnapshotCell[][] = [];
    const formulas = formulaCells();
    for await (const row of sheet) {
      const cells: SnapshotCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells[c - 1] = snapshotCell(cell, c - 1, formulas);
      });
      for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
      formulas.row(cells);
      while (rows.length < row.number - 1) rows.push([]);
      rows.push(cells);
    }
    sheets.push({ name: sheet.name, hidden: (sheet.state ?? "visible") !== "visible", rows, hiddenRows: sheet.hiddenRows ?? [], ...(sheet.standing ?? {}) });
  }
  return { sheets };
}

/**
 * Passes a worksheet's XML through unchanged, noting the rows marked hidden ("<row r=\"12\" hidden=\"1\" …>").
 * Most chunks hold no hidden row: a byte search skips them; a chunk that does is decoded (latin1: tags are
 * ASCII, and no character is split) together with the end of the one before, for a tag cut in two.
 */
/** How a sheet stands, as the worksheet XML says: protected, and how many tables (a refresh says what it puts back). */
interface Standing {
  protected: boolean;
  tables: number;
}

async function* hiddenRowsOf(source: AsyncIterable<Buffer | string>, hidden: number[], standing: Standing): AsyncGenerator<Buffer | string> {
  const seen = new Set<number>();
  let tail = Buffer.alloc(0);
  for await (const chunk of source) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "latin1") : chunk;
    const joined = tail.length > 0 ? Buffer.concat([tail, bytes.subarray(0, 512)]) : bytes.subarray(0, 0);
    if (bytes.includes('hidden="') || joined.includes('hidden="')) {
      const text = Buffer.concat([tail, bytes]).toString("latin1");
      for (const m of text.matchAll(/<row\b[^>]*>/g)) {
        if (!/\shidden="(1|true)"/.test(m[0])) continue;
        const r = Number(/\sr="(\d+)"/.exec(m[0])?.[1] ?? 0);
        if (!seen.has(r)) {
          seen.add(r);
          hidden.push(r);
        }
      }
    }
    // The protection and table parts stand after the cells; set (not counted) from each chunk with the tail, so a tag cut in two is read once.
    if (bytes.includes("<sheetProtection") || bytes.includes("<tableParts") || joined.includes("<sheetProtection") || joined.includes("<tableParts")) {
      const text = Buffer.concat([tail, bytes]).toString("latin1");
      const protection = /<sheetProtection\b[^>]*>/.exec(text);
      if (protection) standing.protected = /\ssheet="(1|true)"/.test(protection[0]);
      const parts = /<tableParts\b[^>]*\scount="(\d+)"/.exec(text);
      if (parts) standing.tables = Number(parts[1]);
    }
    tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 512)));
    yield chunk;
  }
}

/** The shared strings of an .xlsx (xl/sharedStrings.xml) as plain text, rich runs joined, phonetic runs left out (tokenized: xmlScan.ts). */
export function sharedStrings(xml: string): string[] {
  return readSharedStrings(xml);
}
