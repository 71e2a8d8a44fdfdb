import { REPORT_MARK, REPORT_SHEET } from "./reportSheet";
import { DIRECTORY_MARK, DIRECTORY_SHEET, readDirectoryRows } from "./directorySheet";
import type { AgencyName } from "../parse/agencies";
import type { CellValue } from "./plan";
import { PACE_FORMULA_KEYS, type FormulaCell, type SheetLayout, type SnapshotCell, type SnapshotSheet, type WorkbookSnapshot } from "./snapshot";
import { columnLetter } from "./plan";
import { BUILT_KEY, KEY_ROW, LEGEND_TEXTS, RETIRED_LABEL, SECTION_MARK } from "./indicatorSheet";
import { SUMMARY_SHEET, SUMMARY_SHEETS_HEADER, SUMMARY_TOTAL } from "./workbook";
import { CONTINUED } from "./blockPrint";
import { WORD_LIST_SHEET } from "./formulas";
import { sheetKey } from "./names";
import { isEntryKey } from "./entryKeys";
import { IDENTITY_MARK, IDENTITY_SHEET, readIdentityRows, type ExportedEntry, type Identity } from "./identity";
import { RECEIPTS_SHEET, readReceiptRows, type Receipt } from "./receipts";
import { LEDGER_MARK, LEDGER_SHEET, readLedgerRows, type Ledger } from "./ledger";
import { REPORTING_MARK, REPORTING_SHEET, readReportDay } from "./reportingSheet";

/** The A1 mark that tells a service sheet of the add-in's from a sheet of staff's with the same name. */
const MARKS: Record<string, string> = { [REPORT_SHEET]: REPORT_MARK, [DIRECTORY_SHEET]: DIRECTORY_MARK, [REPORTING_SHEET]: REPORTING_MARK, [IDENTITY_SHEET]: IDENTITY_MARK, [LEDGER_SHEET]: LEDGER_MARK };
import type { Entries } from "./indicatorSheet";

/**
 * What is in a workbook now, read as data before a refresh: every managed sheet's rows by stable id (entries,
 * notes, the direction staff chose, their own columns and rows), plus everything that is no longer as the add-in
 * wrote it — a renamed sheet, a missing key or header row, a sorted or filtered table, a value typed over a
 * formula — reported, never ignored. Hosts turn their workbook into a WorkbookSnapshot (plain values); this
 * module knows nothing of Excel.
 */

export { OWN_FORMULA, SnapshotSheet, formulaCells, isOwnFormulaKey, snapshotOfPlan, type FormulaCell, type SheetLayout, type SnapshotCell, type WorkbookSnapshot } from "./snapshot";

export const LOG_SHEET = "Nhật ký thay đổi";
export const BACKUP_SHEET = "_IM_SAOLUU";
/** Sheets the add-in writes whole and may rewrite; any other sheet is the user's and is never touched. */
export const SERVICE_SHEETS = [SUMMARY_SHEET, REPORT_SHEET, DIRECTORY_SHEET, REPORTING_SHEET, WORD_LIST_SHEET, LOG_SHEET, BACKUP_SHEET, IDENTITY_SHEET, RECEIPTS_SHEET, LEDGER_SHEET];

export type Located = { sheet: string; cell: string; vi: string; en: string };

export interface ExistingRow {
  /** Stable id, or null for a row staff added themselves. */
  id: string | null;
  /** 1-based row in the sheet as it is now. */
  row: number;
  /** Values by column key: the add-in's visible columns ("code", "name", "target", "actual:2025", "note" …) and staff's own ("user:…"). */
  values: Record<string, CellValue>;
  /** Formulas staff typed where entries go, by column key (without "="). */
  formulas: Record<string, string>;
  /** Columns whose formula was replaced by a typed value, with that value. */
  overwritten: Record<string, CellValue>;
  /** True when the row is already kept as "no longer in the plan". */
  retired: boolean;
  /** The hidden bounds of the row's judged blocks ("h:<block>:min|max|stretch") that hold a value, not a formula. */
  bounds?: Record<string, CellValue>;
  /** The stamp of the target texts the row was last built with (hidden BUILT_KEY cell); absent in workbooks written before it. */
  built?: string;
}

export interface ExistingSheet {
  name: string;
  /** "plan.appendix" prefix of the ids on the sheet, which names the appendix even after a rename. */
  source: string;
  keys: string[];
  headers: string[];
  /** Staff's own columns: key ("user:<header>") and header. */
  userColumns: { key: string; header: string }[];
  rows: ExistingRow[];
  hiddenRows: number;
  /** Values staff typed above the table (beside the title and legend): reported and backed up, as titles are rebuilt. */
  strays: { cell: string; value: CellValue }[];
}

export interface Existing {
  sheets: ExistingSheet[];
  /**
   * Sheets the add-in wrote that can no longer be read safely (the hidden key row gone, or every id cleared):
   * kept exactly as they are, their appendix not refreshed, so no entry in them is lost or mismatched.
   */
  damaged: { name: string; ids: string[] }[];
  /** Sheets the add-in did not write (or no longer recognises): left exactly as they are. */
  foreign: string[];
  /** What is not as the add-in wrote it, with its place. */
  notices: Located[];
  /** Rows of the change log so far, kept and appended to. */
  log: CellValue[][];
  /** Rows of the backup sheet (entries saved before the last refresh). */
  backup: CellValue[][];
  /** The sheets the summary counts, in its order; null when there is no summary sheet. */
  summary: string[] | null;
  /** The add-in's service sheets as they are named in this workbook (the summary may be "Tổng hợp (2)" beside a sheet of staff's). */
  serviceNames: string[];
  /** The directory sheet's names and aliases as they are now (staff may have added some); empty without one. */
  directory?: AgencyName[];
  /** The workbook's identity (sheets/identity.ts), and a form's entries as they were split off; null without one. */
  identity?: Identity | null;
  exported?: ExportedEntry[];
  /** Forms collected so far (sheets/receipts.ts). */
  receipts?: Receipt[];
  /** The master's ledger of the forms it issued, with its signing key (sheets/ledger.ts); null without one. */
  ledger?: Ledger | null;
  /** The report day as the reporting sheet says it now (staff may change it there). */
  reportDay?: number | null;
  /** Every sheet as it stands, in the workbook's order (service sheets by their base name). */
  layout?: SheetLayout[];
}

/** A sheet named like a service sheet, or like one with a free-name suffix ("Tổng hợp (2)"), compared as Excel does. */
function serviceBase(name: string): string | null {
  const key = sheetKey(name.replace(/ \(\d+\)$/, ""));
  return SERVICE_SHEETS.find((s) => sheetKey(s) === key) ?? null;
}

const ID = /^[^.\s]+\.[^.\s]+\..+\.[0-9a-f]{6}$/;

export function isIndicatorId(value: unknown): value is string {
  return typeof value === "string" && ID.test(value);
}

/** "plan.appendix" of an id. */
export function sourceOf(id: string): string {
  const [plan, appendix] = id.split(".");
  return `${plan}.${appendix}`;
}

function isEmpty(v: SnapshotCell | undefined): boolean {
  return v === undefined || v === null || v === "";
}

function plain(v: SnapshotCell | undefined): CellValue {
  return v === undefined || (typeof v === "object" && v !== null) ? null : (v as CellValue);
}

function isFormula(v: SnapshotCell | undefined): v is FormulaCell {
  return typeof v === "object" && v !== null;
}

export { isEntryKey };

/** Columns the add-in fills with formulas (the whole-period actual is the latest year's); a typed value there replaced one. */
function isFormulaKey(key: string): boolean {
  return /^(status|gap|achievement):/.test(key) || PACE_FORMULA_KEYS.has(key) || key === "actual:period";
}

function readSheet(sheet: SnapshotSheet, notices: Located[]): ExistingSheet | { damaged: string[] } | null {
  const at = (cell: string, vi: string, en: string) => notices.push({ sheet: sheet.name, cell, vi, en });
  // The key row is row 5 as written; a row inserted or deleted above it moves it, so look around.
  let keyRow = -1;
  for (let r = 0; r < Math.min(sheet.rows.length, 12) && keyRow < 0; r++) {
    if (sheet.rows[r]!.some((v) => v === "id")) keyRow = r;
  }
  const idsSomewhere = sheet.rows.some((row) => row.some((v) => isIndicatorId(v)));
  if (keyRow < 0) {
    if (idsSomewhere) {
      at("A5", "không còn hàng khoá ẩn (hàng 5): trang không được đọc và được giữ nguyên, phụ lục của nó không được cập nhật", "the hidden key row (row 5) is gone: the sheet is not read and is kept as it is; its appendix is not refreshed");
      return { damaged: sheet.rows.flatMap((row) => row.filter((v): v is string => isIndicatorId(v))) };
    }
    return null;
  }
  if (keyRow !== KEY_ROW - 1) {
    at(`A${keyRow + 1}`, `hàng khoá ẩn đã dời từ hàng ${KEY_ROW} sang hàng ${keyRow + 1} (có hàng được chèn hoặc xoá phía trên)`, `the hidden key row moved from row ${KEY_ROW} to row ${keyRow + 1} (rows inserted or deleted above)`);
  }
  const rawKeys = sheet.rows[keyRow]!.map((k) => (typeof k === "string" ? k : ""));
  const idCol = rawKeys.indexOf("id");
  // Row after the key row is the header as written; if it holds an id or a section heading, staff deleted it.
  let headerRow = keyRow + 1;
  const headerCells = sheet.rows[headerRow] ?? [];
  const first = typeof headerCells[idCol] === "string" ? (headerCells[idCol] as string) : "";
  if (ID.test(first) || first.startsWith(SECTION_MARK)) {
    at(`A${headerRow + 1}`, "hàng tiêu đề của bảng đã bị xoá: các dòng vẫn được đọc theo mã", "the table's header row was deleted: rows are still read by id");
    headerRow = keyRow;
  }
  const headers = (sheet.rows[headerRow] ?? []).map((h) => (typeof h === "string" ? h : h === null || h === undefined ? "" : String(h)));
  const width = Math.max(rawKeys.length, ...sheet.rows.slice(headerRow).map((r) => r.length));
  // Columns without a key are staff's own, named by their header (or their letter).
  const keys: string[] = [];
  const userColumns: { key: string; header: string }[] = [];
  for (let c = 0; c < width; c++) {
    let key = rawKeys[c] ?? "";
    const header = headerRow !== keyRow ? headers[c] ?? "" : "";
    if (key === "" || key.startsWith("user:")) {
      const hasData = sheet.rows.slice(headerRow + 1).some((row) => !isEmpty(row[c]));
      if (key === "" && !hasData && header === "") {
        keys.push("");
        continue;
      }
      if (key === "") key = `user:${header || `Cột ${columnLetter(c + 1)}`}`;
      // Two columns of staff's with the same header stay two columns.
      let unique = key;
      const taken = (k: string) => userColumns.some((u) => u.key === k) || (rawKeys.includes(k) && k !== rawKeys[c]);
      for (let n = 2; taken(unique); n++) unique = `${key} (${n})`;
      userColumns.push({ key: unique, header: header || unique.slice(5) });
      key = unique;
    }
    keys.push(key);
  }
  const visibleKeys = keys.map((k, c) => ({ k, c })).filter(({ k }) => k !== "" && k !== "id" && !k.startsWith("h:"));
  const tolCol = keys.indexOf("h:tolerance");
  const builtCol = keys.indexOf(BUILT_KEY);
  const boundCols = keys.map((k, c) => ({ k, c })).filter(({ k }) => /^h:.+:(min|max|stretch)$/.test(k));

  // Above the key row stand the title (column B, rows moved down if staff inserted some) and the legend (C–J of
  // the row above the key row), rebuilt by a refresh; anything else there is staff's, reported and backed up.
  // A task sheet's legend runs C–K, and its row 3 holds the "số liệu đến" date (C3) and a note (D3).
  const taskSheet = keys.includes("status:task");
  const strays: { cell: string; value: CellValue }[] = [];
  for (let r = 0; r < keyRow; r++) {
    const t = r - (keyRow - (KEY_ROW - 1));
    (sheet.rows[r] ?? []).forEach((v, c) => {
      if (isEmpty(v) || c === 1 || (t === 3 && c >= 2 && c <= (taskSheet ? 10 : 9)) || (taskSheet && t === 2 && (c === 2 || c === 3))) return;
      // A table printed across pages has its legend in the first page's columns, rows 3–4 (indicatorSheet.ts).
      if ((t === 2 || t === 3) && !taskSheet && typeof v === "string" && LEGEND_TEXTS.has(v)) return;
      const value = isFormula(v) ? `=${v.formula}` : plain(v);
      strays.push({ cell: `${columnLetter(c + 1)}${r + 1}`, value });
      at(`${columnLetter(c + 1)}${r + 1}`, `“${String(value)}” ở phía trên bảng (vùng tiêu đề được tạo lại): được lưu ở trang sao lưu`, `“${String(value)}” above the table (the title area is rebuilt): it is kept in the backup sheet`);
    });
  }

  const rows: ExistingRow[] = [];
  const seen = new Set<string>();
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r]!;
    const idCell = cells[idCol];
    // A section heading is rebuilt; anything typed on its row is kept as a row of staff's own.
    const section = typeof idCell === "string" && idCell.startsWith(SECTION_MARK);
    if (section && !visibleKeys.some(({ k, c }) => k !== "code" && k !== "name" && !isEmpty(cells[c]))) continue;
    const id = !section && isIndicatorId(idCell) ? idCell : null;
    const values: Record<string, CellValue> = {};
    const overwritten: Record<string, CellValue> = {};
    const formulas: Record<string, string> = {};
    let retired = false;
    for (const { k, c } of visibleKeys) {
      const v = cells[c];
      if (isFormula(v)) {
        if (isEntryKey(k) && !isFormulaKey(k)) formulas[k] = v.formula;
        continue;
      }
      if (isEmpty(v)) continue;
      const value = plain(v);
      if (id && isFormulaKey(k)) {
        if (value === RETIRED_LABEL) retired = true;
        else overwritten[k] = value;
        continue;
      }
      values[k] = value;
    }
    if (id && tolCol >= 0 && typeof cells[tolCol] === "number") values["h:tolerance"] = cells[tolCol] as number;
    if (id === null && Object.keys(values).length === 0 && Object.keys(formulas).length === 0) continue;
    if (id !== null) {
      if (seen.has(id)) {
        at(`A${r + 1}`, `mã ${id} xuất hiện hai lần (dòng bị sao chép?): dòng sau được giữ như dòng do người dùng thêm`, `id ${id} appears twice (a copied row?): the later row is kept as a user-added row`);
        rows.push({ id: null, row: r + 1, values: { ...values, ...overwritten }, formulas, overwritten: {}, retired: false });
        continue;
      }
      seen.add(id);
    }
    for (const [k, v] of Object.entries(overwritten)) {
      const c = keys.indexOf(k);
      at(`${columnLetter(c + 1)}${r + 1}`, `ô công thức đã bị gõ đè bằng “${String(v)}”: giá trị được lưu ở trang sao lưu, công thức được đặt lại`, `a formula cell was typed over with “${String(v)}”: the value is kept in the backup sheet and the formula restored`);
    }
    for (const [k, f] of Object.entries(formulas)) {
      // A formula that points at cells of this sheet may need a look if its row moves.
      if (/(^|[^A-Za-z_!'])\$?[A-Z]{1,3}\$?\d+/.test(f.replace(/'[^']*'![$A-Z0-9:]+|[A-Za-z_][\w.]*![$A-Z0-9:]+|"[^"]*"/g, ""))) {
        const c = keys.indexOf(k);
        at(`${columnLetter(c + 1)}${r + 1}`, `công thức “=${f}” được giữ nguyên; nó trỏ tới ô trong trang này, hãy kiểm tra lại nếu dòng bị dời sau khi cập nhật`, `the formula “=${f}” is kept as it is; it points at cells of this sheet, so check it if the row moves in the refresh`);
      }
    }
    const bounds: Record<string, CellValue> = {};
    if (id) for (const { k, c } of boundCols) if (!isEmpty(cells[c]) && !isFormula(cells[c])) bounds[k] = plain(cells[c]);
    const built = id && builtCol >= 0 && typeof cells[builtCol] === "string" ? { built: cells[builtCol] as string } : {};
    rows.push({ id, row: r + 1, values, formulas, overwritten, retired, ...(Object.keys(bounds).length > 0 ? { bounds } : {}), ...built });
  }
  const ids = rows.filter((x) => x.id).map((x) => x.id!);
  if (ids.length === 0 && rows.length === 0) return null;
  if (ids.length === 0 && idCol >= 0) {
    // Rows with data and not one id: they cannot be matched to indicators, and replacing the sheet would lose them.
    at(`${columnLetter(idCol + 1)}${rows[0]!.row}`, "cột mã chỉ tiêu (ẩn) đã bị xoá ở mọi dòng: không ghép được số liệu với chỉ tiêu; trang được giữ nguyên, phụ lục của nó không được cập nhật", "the (hidden) indicator id column was cleared on every row: entries cannot be matched to indicators; the sheet is kept as it is and its appendix is not refreshed");
    return { damaged: [] };
  }
  const sources = new Map<string, number>();
  for (const id of ids) sources.set(sourceOf(id), (sources.get(sourceOf(id)) ?? 0) + 1);
  const source = [...sources.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
  const hiddenRows = sheet.hiddenRows.filter((r) => r > headerRow + 1).length;
  if (hiddenRows > 0) {
    at(`A${headerRow + 2}`, `${hiddenRows} dòng đang bị ẩn (lọc): vẫn được đọc đủ; sau khi cập nhật bảng hiện lại mọi dòng`, `${hiddenRows} rows are hidden (filtered): all are read; after the refresh every row shows again`);
  } else if (sheet.filtered) {
    at(`A${headerRow + 1}`, "bảng đang được lọc: mọi dòng vẫn được đọc đủ; sau khi cập nhật bảng bỏ lọc", "the table is filtered: every row is still read; after the refresh the filter is cleared");
  }
  return { name: sheet.name, source, keys, headers, userColumns, rows, hiddenRows, strays };
}

/** Reads a workbook snapshot: the add-in's sheets as data, the change log so far, and what is amiss. */
export function readExisting(snapshot: WorkbookSnapshot): Existing {
  const notices: Located[] = [];
  const sheets: ExistingSheet[] = [];
  const foreign: string[] = [];
  let log: CellValue[][] = [];
  let backup: CellValue[][] = [];
  let summary: string[] | null = null;
  const serviceNames: string[] = [];
  const damaged: Existing["damaged"] = [];
  let directory: AgencyName[] = [];
  let identity: Identity | null = null;
  let exported: ExportedEntry[] = [];
  let receipts: Receipt[] = [];
  let ledger: Ledger | null = null;
  let reportDay: number | null = null;
  const layout: SheetLayout[] = [];
  for (const raw of snapshot.sheets) {
    // A sheet named like the summary (in another case, or "(2)") is the add-in's only if it holds the summary's table of sheets; staff's "tổng hợp" is theirs.
    const base = serviceBase(raw.name);
    // The report sheet is the add-in's only with its mark in A1 (a staff sheet may well be called "Báo cáo năm").
    const isService =
      base !== null &&
      (base === REPORT_SHEET || base === DIRECTORY_SHEET || base === REPORTING_SHEET || base === IDENTITY_SHEET || base === LEDGER_SHEET
        ? raw.rows[0]?.[0] === MARKS[base]
        : raw.name === base || (base === SUMMARY_SHEET ? raw.rows.some((r) => r[1] === SUMMARY_SHEETS_HEADER) : base === LOG_SHEET ? raw.rows[1]?.[0] === LOG_COLUMNS[0]!.header : false));
    if (isService) serviceNames.push(raw.name);
    const sheet = isService ? { ...raw, name: base } : raw;
    layout.push({ name: sheet.name, hidden: raw.hidden, ...(raw.protected !== undefined ? { protected: raw.protected } : {}), ...(raw.tables !== undefined ? { tables: raw.tables } : {}) });
    if (!isService && base !== null) {
      foreign.push(raw.name);
      continue;
    }
    if (sheet.name === LOG_SHEET) {
      log = sheet.rows.slice(LOG_FIRST_ROW - 1).filter((r) => r.some((v) => !isEmpty(v))).map((r) => r.slice(0, LOG_COLUMNS.length).map(plain));
      continue;
    }
    if (sheet.name === BACKUP_SHEET) {
      backup = sheet.rows.slice(LOG_FIRST_ROW - 1).filter((r) => r.some((v) => !isEmpty(v))).map((r) => r.map(plain));
      continue;
    }
    if (sheet.name === IDENTITY_SHEET) {
      const read = readIdentityRows(sheet.rows.map((r) => r.map(plain)));
      identity = read?.identity ?? null;
      exported = read?.exported ?? [];
      continue;
    }
    if (sheet.name === LEDGER_SHEET) {
      ledger = readLedgerRows(sheet.rows.map((r) => r.map(plain)));
      continue;
    }
    if (sheet.name === RECEIPTS_SHEET) {
      receipts = readReceiptRows(sheet.rows.map((r) => r.map(plain)));
      continue;
    }
    if (sheet.name === REPORTING_SHEET) {
      reportDay = readReportDay(sheet.rows.map((r) => r.map(plain)));
      continue;
    }
    if (sheet.name === DIRECTORY_SHEET) {
      directory = readDirectoryRows(sheet.rows.map((r) => r.map(plain)));
      continue;
    }
    if (sheet.name === SUMMARY_SHEET) {
      const labels = sheet.rows.map((r) => r[1]);
      const from = labels.indexOf(SUMMARY_SHEETS_HEADER);
      const to = labels.indexOf(SUMMARY_TOTAL, from);
      // A header repeated where the table's print runs onto a new page (blockPrint.ts) is no sheet's name.
      summary = from >= 0 && to > from ? labels.slice(from + 1, to).map((v) => String(plain(v) ?? "")).filter((v) => v !== `${SUMMARY_SHEETS_HEADER}${CONTINUED}`) : [];
      continue;
    }
    if (SERVICE_SHEETS.includes(sheet.name)) continue;
    const read = readSheet(sheet, notices);
    if (read && "damaged" in read) damaged.push({ name: sheet.name, ids: read.damaged });
    else if (read) sheets.push(read);
    else foreign.push(sheet.name);
  }
  return { sheets, damaged, foreign, notices, log, backup, summary, serviceNames, directory, identity, exported, receipts, ledger, reportDay, layout };
}

/** What staff entered, by stable id: actuals per period, notes, baselines (formulas they typed are not values). */
export function entriesOf(existing: Existing): Entries {
  const entries: Entries = { actuals: {}, notes: {}, baselines: {} };
  for (const sheet of existing.sheets) {
    for (const row of sheet.rows) {
      if (!row.id) continue;
      for (const [key, value] of Object.entries(row.values)) {
        if (key.startsWith("actual:")) (entries.actuals[row.id] ??= {})[key.slice(7)] = value;
        else if (key === "note") entries.notes[row.id] = String(value);
        else if (key === "baseline") entries.baselines[row.id] = value;
      }
    }
  }
  return entries;
}

/** The change log sheet: a title row, a header row, then one row per change. */
export const LOG_FIRST_ROW = 3;
export const LOG_COLUMNS = [
  { header: "Thời điểm", width: 12 },
  { header: "Văn bản nguồn", width: 24 },
  { header: "Trang", width: 18 },
  { header: "TT", width: 6 },
  { header: "Chỉ tiêu", width: 44 },
  { header: "Thay đổi", width: 22 },
  { header: "Trước", width: 24 },
  { header: "Sau", width: 24 },
];
