/**
 * A strict model of Excel's JavaScript API, for tests and the benchmark: it refuses what Microsoft's
 * documentation says Excel refuses, so that a host that passes here has a chance in real Excel. Each rule
 * names its source. It is not our fake: which members exist, and from which ExcelApi version, is read from
 * @types/office-js (api.ts); what a typed string becomes follows the documented rules (typed.ts).
 *
 * Rules (source in brackets):
 * R1 Operations are queued on proxy objects and run only at context.sync(), in order; when one fails the sync
 *    rejects with its error code and the operations after it do not run, those before it stay done
 *    [Application-specific API model, "sync()"; Error handling with the application-specific JavaScript APIs:
 *    learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling].
 * R2 A scalar property read before load() and sync() throws PropertyNotLoaded
 *    [Load the properties of an object: learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load].
 * R3 A member newer than the Excel's ExcelApi version fails at sync with ApiNotFound; a member that is not in
 *    the API at all is undefined, and calling it throws at once [the "[Api set: ExcelApi x]" remarks of each
 *    member; Excel JavaScript API requirement sets: learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets].
 * R4 A string written to values (or a non-formula to formulas) is read as typed with en-US rules unless the cell's
 *    format is "@" (typed.ts); changing a format later converts nothing [Excel.Range.values remarks].
 * R5 null in a 2-D array leaves that cell as it is; "" clears it; null is not a valid single value
 *    [Blank and null values in Excel add-ins: learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values].
 * R6 A 2-D array must have the range's rows and columns; a single (non-array) value applies to every cell
 *    [Performance optimization using the Excel JavaScript API, "Update all cells in a range"; InvalidArgument].
 * R7 Cell-level properties (values, formulas, numberFormat) cannot be set on an unbounded range ("A:B")
 *    [same page: "The API will return an error if you attempt to set cell-level properties for an unbounded range"].
 * R8 Excel on the web refuses a request or a response over 5 MB; the size counts the calls, the objects and the
 *    values, in bytes [Resource limits and performance optimization for Office Add-ins, "Excel add-ins";
 *    Performance optimization, "Payload size limit best practices"]. A range read is limited to 5,000,000 cells.
 *    The request is measured as Office.js serialises it (Actions and ObjectPaths as JSON: excel-web-16.00.js,
 *    ClientRequest.buildRequestMessageBodyAndRequestFlags), in UTF-8.
 * R9 Sheet names: 1–31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe, not
 *    "History", unique without regard to case [Rename a worksheet: support.microsoft.com/office/3f1f7148-…;
 *    Excel.Worksheet.name]; ItemAlreadyExists otherwise.
 * R10 Excel keeps one visible sheet: deleting the last visible one fails [Excel.Worksheet.delete; Hide or unhide worksheets].
 * R11 A locked cell of a protected sheet cannot be changed, nor formatted unless the protection allows it;
 *    protect() on a protected sheet fails [Excel.WorksheetProtection.protect: "Fails if the worksheet has already
 *    been protected"; Protect a worksheet: support.microsoft.com/office/…-3179efdb]. Sorting and inserting rows
 *    inside a table are not possible on a protected sheet [Protect a worksheet, "Tables"].
 * R12 A formula is at most 8,192 characters, a text value inside a formula at most 255, a cell's text at most
 *    32,767 characters [Excel specifications and limits: support.microsoft.com/office/1672b34d-…; Excel's
 *    "Text values in formulas are limited to 255 characters"]. A row is at most 409 points tall.
 * R13 Tables cannot overlap; table names are unique in the workbook (with defined names, without regard to
 *    case), start with a letter, "_" or "\", hold no spaces and are not cell references [Rename an Excel table:
 *    support.microsoft.com/office/fbf49a4f-…; Excel.TableCollection.add].
 * R14 Defined names are unique without regard to case [Define and use names in formulas]. getItem of a missing
 *    sheet, name or table fails with ItemNotFound; the *OrNullObject variants give a null object instead
 *    [*OrNullObject methods: learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties].
 */
import { excelApi, versionAtMost, type ApiSchema } from "./api";
import { typedInto } from "./typed";

export const PAYLOAD_LIMIT = 5_000_000;
const CELL_READ_LIMIT = 5_000_000;
const MAX_FORMULA = 8192;
const MAX_LITERAL = 255;
const MAX_TEXT = 32_767;
const MAX_ROW_HEIGHT = 409;

export interface ModelCell {
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
  locked: boolean;
  /** Formats set on the cell (fill, font …), so that the used range with formats can be told. */
  formatted: boolean;
}

export interface ModelTable {
  name: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  filtered: boolean;
}

export interface ModelSheet {
  /** Stable across renames, as Worksheet.id is [Excel.Worksheet.id: "the value of the identifier remains the same even when the worksheet is renamed or moved"]. */
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<number, ModelCell>;
  tables: ModelTable[];
  protected: boolean;
  protection: Record<string, boolean>;
  conditional: { range: string; formula: string; fill?: string; font?: string }[];
  validations: { range: string; rule: unknown }[];
  merges: string[];
  rowHeights: Map<number, number>;
  hiddenRows: Set<number>;
  colWidths: Map<number, number>;
  hiddenCols: Set<number>;
  freeze: string | null;
  /** Page layout settings as set: orientation, zoom, print area … */
  layout: Record<string, unknown>;
}

export interface ModelStats {
  syncs: number;
  /** Bytes of each request and each response, in order of the syncs. */
  requests: number[];
  responses: number[];
  /** Error code of every sync that failed. */
  failures: string[];
}

export interface ExcelModelOptions {
  /** The highest ExcelApi version this Excel supports ("1.17" for Microsoft 365, "1.7" for Office 2019 …). */
  version?: string;
  /** Other sets it supports ("ExcelApiOnline 1.1" on the web). */
  extraSets?: string[];
  /** Sheets there at the start, by name (each visible and empty). */
  sheets?: string[];
  /** A sync that fails at this 1-based number, whatever it holds (to test a load interrupted half-way). */
  failAtSync?: number;
}

export interface ExcelModel {
  context: Excel.RequestContext;
  stats: ModelStats;
  sheets: ModelSheet[];
  names: Map<string, { name: string; formula: string }>;
  version: string;
  supports(set: string, version: string): boolean;
  sheet(name: string): ModelSheet | undefined;
  /** A cell as Excel holds it ("A1"), or undefined. */
  cell(sheet: string, address: string): ModelCell | undefined;
  /** Types into a cell as staff would (typed.ts rules; refused on a locked cell of a protected sheet). */
  type(sheet: string, address: string, text: string | number): void;
  /** Sets the selection (for getSelectedRange). */
  select(sheet: string, address: string): void;
  /** Fires worksheets.onChanged for a changed range. */
  change(sheet: string, address: string, changeType?: string): Promise<void>;
  /** Installs Excel.run, Office.context.requirements and Office.onReady as globals; returns the remover. */
  install(): () => void;
  /** Fails the next sync with this error code. */
  failNextSync(code: string): void;
}

export type ModelError = Error & { code: string; debugInfo: { errorLocation?: string } };

function fail(code: string, message: string, location?: string): never {
  const e = new Error(`${code}: ${message}`) as ModelError;
  e.name = "RichApi.Error";
  e.code = code;
  e.debugInfo = { errorLocation: location };
  throw e;
}

const KEY = (r: number, c: number) => r * 20_000 + c;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export interface Area {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  /** Whole columns or rows. */
  unbounded: boolean;
}

/** "B7", "B7:D9", "C:C", "5:5", with or without $ [Excel.Worksheet.getRange: an A1 address]. */
export function parseAddress(address: string): Area | null {
  const a = address.replace(/\$/g, "").split("!").pop()!.toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(a);
  if (m) {
    const [r1, c1] = [Number(m[2]), colNumber(m[1]!)];
    const [r2, c2] = m[3] ? [Number(m[4]), colNumber(m[3])] : [r1, c1];
    if (r1 < 1 || r2 > MAX_ROWS || c2 > MAX_COLS) return null;
    return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2), unbounded: false };
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (m) return { r1: 1, r2: MAX_ROWS, c1: colNumber(m[1]!), c2: colNumber(m[2]!), unbounded: true };
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) return { r1: Number(m[1]), r2: Number(m[2]), c1: 1, c2: MAX_COLS, unbounded: true };
  return null;
}

const addressOf = (a: Area) => (a.r1 === a.r2 && a.c1 === a.c2 ? `${colLetters(a.c1)}${a.r1}` : `${colLetters(a.c1)}${a.r1}:${colLetters(a.c2)}${a.r2}`);

const overlaps = (a: { r1: number; c1: number; r2: number; c2: number }, b: { r1: number; c1: number; r2: number; c2: number }) =>
  a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

/** R9 [Rename a worksheet]. */
export function sheetNameProblem(name: string): string | null {
  if (typeof name !== "string" || name.length === 0) return "a sheet name cannot be empty";
  if (name.length > 31) return "a sheet name has at most 31 characters";
  if (/[:\\/?*[\]]/.test(name)) return "a sheet name cannot contain : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "a sheet name cannot start or end with an apostrophe";
  if (name.toLowerCase() === "history") return "History is a reserved sheet name";
  return null;
}

const sameName = (a: string, b: string) => a.toLocaleUpperCase("en-US") === b.toLocaleUpperCase("en-US");

/** R13 [Rename an Excel table]. */
function tableNameProblem(name: string): string | null {
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return "a table name starts with a letter, _ or \\ and holds only letters, digits, _ and .";
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name) || /^R\d*C\d*$/i.test(name)) return "a table name cannot be a cell reference";
  if (name.length > 255) return "a table name has at most 255 characters";
  return null;
}

/** R12: string literals inside a formula. */
function longestLiteral(formula: string): number {
  let longest = 0;
  for (const m of formula.matchAll(/"((?:[^"]|"")*)"/g)) longest = Math.max(longest, m[1]!.replace(/""/g, '"').length);
  return longest;
}

const utf8 = (s: string) => Buffer.byteLength(s, "utf8");

interface Proxied {
  cls: string;
  /** The object path's id, for sizing the request as Office.js serialises it. */
  pathId: number;
  /** Finds the object's state when an operation runs (at sync). */
  locate: () => unknown;
  /** Set for a path through a member this Excel lacks: every operation on it fails (R3). */
  poison: ModelError | null;
  loaded: Map<string, unknown>;
}

interface Operation {
  bytes: number;
  run: () => void;
  /** For loads: the response value's size, known after run. */
  response?: () => unknown;
}

interface RangeTarget {
  sheet: ModelSheet;
  area: Area;
}

export function createExcelModel(options: ExcelModelOptions = {}): ExcelModel {
  const version = options.version ?? "1.17";
  const extra = new Set(options.extraSets ?? []);
  const api: ApiSchema = excelApi();
  const stats: ModelStats = { syncs: 0, requests: [], responses: [], failures: [] };
  const sheets: ModelSheet[] = [];
  const names = new Map<string, { name: string; formula: string }>();
  let queue: Operation[] = [];
  let requestBytes = 0;
  let nextId = 1;
  let selection: { sheet: string; address: string } | null = null;
  let failNext: string | null = null;
  const changeHandlers: ((e: unknown) => Promise<unknown>)[] = [];

  const supports = (set: string, v: string) => (set === "ExcelApi" ? versionAtMost(v, version) : [...extra].some((x) => x === `${set} ${v}`));

  let sheetIds = 0;
  const newSheet = (name: string): ModelSheet => ({
    id: `{00000000-0001-0000-0000-${String(++sheetIds).padStart(12, "0")}}`,
    name,
    visibility: "Visible",
    cells: new Map(),
    tables: [],
    protected: false,
    protection: {},
    conditional: [],
    validations: [],
    merges: [],
    rowHeights: new Map(),
    hiddenRows: new Set(),
    colWidths: new Map(),
    hiddenCols: new Set(),
    freeze: null,
    layout: {},
  });
  for (const n of options.sheets ?? ["Sheet1"]) sheets.push(newSheet(n));

  // WorksheetCollection.getItem takes "the name or ID of the worksheet" [Excel.WorksheetCollection.getItem].
  const findSheet = (name: string) => sheets.find((s) => sameName(s.name, name) || s.id === name);
  const cellAt = (sheet: ModelSheet, r: number, c: number, create: boolean): ModelCell | undefined => {
    let cell = sheet.cells.get(KEY(r, c));
    if (!cell && create) {
      cell = { value: "", formula: null, numberFormat: "General", locked: true, formatted: false };
      sheet.cells.set(KEY(r, c), cell);
    }
    return cell;
  };

  // ---- the request, as Office.js serialises it (R8) ----
  const pathBytes = (name: string, parent: number, args: unknown[]) =>
    utf8(JSON.stringify({ [nextId]: { Id: nextId, ObjectPathType: 5, Name: name, ParentObjectPathId: parent, ArgumentInfo: { Arguments: args } } })) + 1;
  const actionBytes = (type: number, name: string, path: number, args: unknown[]) => utf8(JSON.stringify({ Id: nextId, ActionType: type, Name: name, ObjectPathId: path, ArgumentInfo: { Arguments: args } })) + 1;

  const enqueue = (op: Operation) => {
    queue.push(op);
    requestBytes += op.bytes;
  };

  const guard = (p: Proxied) => {
    if (p.poison) throw p.poison;
  };

  // ---- protection (R11) ----
  const checkEditable = (t: RangeTarget, what: "value" | "format" | "rowHeight" | "columnWidth") => {
    const s = t.sheet;
    if (!s.protected) return;
    if (what === "rowHeight" && s.protection.allowFormatRows) return;
    if (what === "columnWidth" && s.protection.allowFormatColumns) return;
    if (what === "format" && s.protection.allowFormatCells) return;
    if (what === "rowHeight" || what === "columnWidth") fail("AccessDenied", `${s.name} is protected: ${what} cannot be changed`);
    for (let r = t.area.r1; r <= Math.min(t.area.r2, t.area.r1 + 100_000); r++)
      for (let c = t.area.c1; c <= Math.min(t.area.c2, t.area.c1 + 1000); c++) {
        const cell = cellAt(s, r, c, false);
        if (cell ? cell.locked : true) fail("AccessDenied", `the cell ${colLetters(c)}${r} of ${s.name} is locked and the sheet is protected`);
      }
  };

  // ---- writing cells (R4–R7, R12) ----
  const eachCell = (t: RangeTarget, input: unknown, what: string, write: (cell: ModelCell, v: unknown, r: number, c: number) => void) => {
    const { area } = t;
    if (area.unbounded) fail("InvalidArgument", `${what} cannot be set on the unbounded range ${addressOf(area)}`);
    const rows = area.r2 - area.r1 + 1;
    const cols = area.c2 - area.c1 + 1;
    if (input === null || input === undefined) fail("InvalidArgument", `null is not a valid value for ${what}`);
    if (!Array.isArray(input)) {
      for (let r = area.r1; r <= area.r2; r++) for (let c = area.c1; c <= area.c2; c++) write(cellAt(t.sheet, r, c, true)!, input, r, c);
      return;
    }
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
      fail("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what} of ${addressOf(area)}: ${rows}×${cols} expected, ${input.length}×${Array.isArray(input[0]) ? (input[0] as unknown[]).length : "?"} given)`);
    }
    input.forEach((row: unknown[], i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        write(cellAt(t.sheet, area.r1 + i, area.c1 + j, true)!, v, area.r1 + i, area.c1 + j);
      }),
    );
  };

  const storeValue = (cell: ModelCell, v: unknown, asFormula: boolean) => {
    if (typeof v === "number" || typeof v === "boolean") {
      Object.assign(cell, { value: v, formula: null });
      return;
    }
    if (typeof v !== "string") fail("InvalidArgument", `not a cell value: ${JSON.stringify(v)}`);
    if (v.length > MAX_TEXT) fail("InvalidArgument", `a cell holds at most ${MAX_TEXT} characters (${v.length} given)`);
    const stored = asFormula && v.startsWith("=") ? { value: 0, formula: v } : typedInto(v, cell.numberFormat);
    if (stored.formula !== null) {
      if (stored.formula.length > MAX_FORMULA) fail("InvalidArgument", `a formula has at most ${MAX_FORMULA} characters (${stored.formula.length} given)`);
      if (longestLiteral(stored.formula) > MAX_LITERAL) fail("InvalidArgument", `Text values in formulas are limited to ${MAX_LITERAL} characters`);
    }
    cell.value = stored.value;
    cell.formula = stored.formula;
    if (stored.numberFormat && cell.numberFormat === "General") cell.numberFormat = stored.numberFormat;
  };

  // ---- reading ----
  const usedArea = (sheet: ModelSheet, valuesOnly: boolean): Area | null => {
    let r1 = Infinity,
      c1 = Infinity,
      r2 = 0,
      c2 = 0;
    for (const [key, cell] of sheet.cells) {
      const has = cell.value !== "" || cell.formula !== null || (!valuesOnly && (cell.formatted || cell.numberFormat !== "General" || !cell.locked));
      if (!has) continue;
      const r = Math.floor(key / 20_000);
      const c = key % 20_000;
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    }
    return r2 === 0 ? null : { r1, c1, r2, c2, unbounded: false };
  };

  const grid = (t: RangeTarget, read: (cell: ModelCell | undefined) => unknown): unknown[][] => {
    const a = t.area.unbounded ? null : t.area;
    if (!a) fail("InvalidArgument", "cannot read cell values of an unbounded range");
    if ((a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1) > CELL_READ_LIMIT) fail("InvalidArgument", `a range read is limited to ${CELL_READ_LIMIT} cells`);
    const out: unknown[][] = [];
    for (let r = a.r1; r <= a.r2; r++) {
      const row: unknown[] = [];
      for (let c = a.c1; c <= a.c2; c++) row.push(read(cellAt(t.sheet, r, c, false)));
      out.push(row);
    }
    return out;
  };

  const display = (cell: ModelCell | undefined): string => {
    if (!cell) return "";
    if (typeof cell.value === "number" && /%/.test(cell.numberFormat)) return `${Number((cell.value * 100).toPrecision(12))}%`;
    if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
    return String(cell.value);
  };

  /** Loadable scalar properties of each class: how the model reads them from the state. */
  const readers: Record<string, Record<string, (target: never) => unknown>> = {
    Worksheet: {
      name: (s: ModelSheet) => s.name,
      visibility: (s: ModelSheet) => s.visibility,
      id: (s: ModelSheet) => s.id,
      position: (s: ModelSheet) => sheets.indexOf(s),
    },
    Range: {
      address: (t: RangeTarget) => `${/[^A-Za-z0-9_.]/.test(t.sheet.name) ? `'${t.sheet.name.replace(/'/g, "''")}'` : t.sheet.name}!${addressOf(t.area)}`,
      values: (t: RangeTarget) => grid(t, (c) => (c ? c.value : "")),
      formulas: (t: RangeTarget) => grid(t, (c) => (c ? (c.formula ?? c.value) : "")),
      numberFormat: (t: RangeTarget) => grid(t, (c) => (c ? c.numberFormat : "General")),
      text: (t: RangeTarget) => grid(t, display),
      rowCount: (t: RangeTarget) => t.area.r2 - t.area.r1 + 1,
      columnCount: (t: RangeTarget) => t.area.c2 - t.area.c1 + 1,
      rowIndex: (t: RangeTarget) => t.area.r1 - 1,
      columnIndex: (t: RangeTarget) => t.area.c1 - 1,
      isNullObject: () => false,
    },
    RangeAreas: { address: (t: { sheet: ModelSheet; areas: Area[] }) => t.areas.map(addressOf).join(","), areaCount: (t: { areas: Area[] }) => t.areas.length, isNullObject: () => false },
    Table: { name: (t: ModelTable) => t.name },
    AutoFilter: { isDataFiltered: (t: ModelTable) => t.filtered, enabled: () => true },
    NamedItem: { name: (n: { name: string }) => n.name, value: (n: { formula: string }) => n.formula, formula: (n: { formula: string }) => n.formula, type: () => "Range" },
    WorksheetProtection: { protected: (s: ModelSheet) => s.protected, options: (s: ModelSheet) => ({ ...s.protection }) },
  };

  const makeProxy = (cls: string, locate: () => unknown, pathId: number, poison: ModelError | null): unknown => {
    const self: Proxied = { cls, locate, pathId, poison, loaded: new Map() };
    const members = api[cls];
    return new Proxy(
      {},
      {
        get: (_t, prop) => {
          if (prop === "__model") return self;
          if (typeof prop !== "string") return undefined;
          if (prop === "then") return undefined; // not a thenable
          if (prop === "isNullObject") {
            if (!self.loaded.has("isNullObject")) fail("PropertyNotLoaded", `isNullObject of ${cls} is not available before load() and sync()`);
            return self.loaded.get("isNullObject");
          }
          if (prop === "items") {
            if (!self.loaded.has("items")) fail("PropertyNotLoaded", `The property 'items' of ${cls} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
            return self.loaded.get("items");
          }
          if (prop === "context") return context;
          const member = members?.[prop];
          if (!member) return undefined; // R3: not in the API — calling it throws a TypeError
          const lacks = member.set && !supports(member.set, member.version ?? "99") ? apiNotFound(cls, prop, member.set, member.version) : null;
          if (member.kind === "method") return (...args: unknown[]) => call(self, prop, args, member.type, lacks);
          if (member.type && api[member.type] && !readers[cls]?.[prop]) return navigate(self, prop, member.type, lacks);
          // An event (onChanged …): its type is not a class of Excel; add() registers the handler (R3 applies).
          if (/^on[A-Z]/.test(prop)) return events(lacks);
          if (self.loaded.has(prop)) return self.loaded.get(prop);
          fail("PropertyNotLoaded", `The property '${prop}' of ${cls} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
        },
        set: (_t, prop, value) => {
          if (typeof prop !== "string") return false;
          const member = members?.[prop];
          if (!member || member.kind !== "property") throw new TypeError(`${cls}.${prop} is not a property of the Excel API`);
          if (member.readonly) throw new TypeError(`${cls}.${prop} is read-only`);
          const lacks = member.set && !supports(member.set, member.version ?? "99") ? apiNotFound(cls, prop, member.set, member.version) : null;
          enqueue({
            bytes: actionBytes(4, prop, self.pathId, [value]),
            run: () => {
              guard(self);
              if (lacks) throw lacks;
              setProperty(self, prop, value);
            },
          });
          return true;
        },
      },
    );
  };

  const apiNotFound = (cls: string, member: string, set: string, v: string | null): ModelError => {
    try {
      fail("ApiNotFound", `The API you are trying to use could not be found: ${cls}.${member} needs ${set} ${v} (this Excel has ExcelApi ${version})`);
    } catch (e) {
      return e as ModelError;
    }
  };

  const child = (parent: Proxied, name: string, args: unknown[], cls: string, locate: () => unknown, lacks: ModelError | null) => {
    const id = nextId++;
    requestBytes += pathBytes(name, parent.pathId, args);
    return makeProxy(cls, locate, id, parent.poison ?? lacks);
  };

  const rangeTarget = (sheet: () => ModelSheet, address: string): (() => RangeTarget) => {
    return () => {
      const area = parseAddress(address);
      if (!area) fail("InvalidArgument", `not a valid address: ${address}`);
      return { sheet: sheet(), area };
    };
  };

  /**
   * Navigation properties: objects reached from an object (range.format, sheet.protection …), the same object
   * each time, as Office.js caches them. They keep the parent's target (a range's format is the range's cells).
   */
  const navigate = (self: Proxied, prop: string, cls: string, lacks: ModelError | null) => {
    const cached = self.loaded.get(`__nav:${prop}`);
    if (cached) return cached;
    // A sheet's two page-break collections (vertical, horizontal) keep which one they are.
    const made = child(self, prop, [], cls, () => (cls === "WorksheetCollection" ? sheets : cls === "NamedItemCollection" ? names : cls === "PageBreakCollection" ? { sheet: self.locate(), which: prop } : self.locate()), lacks);
    self.loaded.set(`__nav:${prop}`, made);
    return made;
  };

  const events = (lacks: ModelError | null) => ({
    add: (handler: (e: unknown) => Promise<unknown>) => {
      enqueue({
        bytes: 120,
        run: () => {
          if (lacks) throw lacks;
          changeHandlers.push(handler);
        },
      });
      return { context, remove: () => void changeHandlers.splice(changeHandlers.indexOf(handler), 1) };
    },
  });

  const sheetOf = (t: unknown) => t as ModelSheet;

  const call = (self: Proxied, method: string, args: unknown[], returns: string | null, lacks: ModelError | null): unknown => {
    const cls = self.cls;
    const op = (run: () => void, response?: () => unknown) => {
      enqueue({
        bytes: actionBytes(3, method, self.pathId, args),
        run: () => {
          guard(self);
          if (lacks) throw lacks;
          run();
        },
        response,
      });
    };
    if (method === "load") return load(self, args[0]);
    if (method === "toJSON" || method === "track" || method === "untrack") return self;
    const key = `${cls}.${method}`;
    switch (key) {
      case "WorksheetCollection.add": {
        const name = String(args[0] ?? `Sheet${sheets.length + 1}`);
        let created: ModelSheet | null = null;
        op(() => {
          const problem = sheetNameProblem(name);
          if (problem) fail("InvalidArgument", problem);
          if (findSheet(name)) fail("ItemAlreadyExists", `A sheet named "${findSheet(name)!.name}" already exists (sheet names are compared without regard to case)`);
          created = newSheet(name);
          sheets.push(created);
        });
        return child(self, method, args, "Worksheet", () => created ?? fail("ItemNotFound", `sheet ${name} was not created`), lacks);
      }
      case "WorksheetCollection.getItem":
      case "WorksheetCollection.getItemOrNullObject": {
        const name = String(args[0]);
        const orNull = method.endsWith("OrNullObject");
        return child(self, method, args, "Worksheet", () => findSheet(name) ?? (orNull ? null : fail("ItemNotFound", `The requested resource doesn't exist: sheet ${name}`)), lacks);
      }
      case "WorksheetCollection.getActiveWorksheet":
        return child(self, method, args, "Worksheet", () => sheets.find((s) => s.visibility === "Visible")!, lacks);
      case "Workbook.getSelectedRange":
        return child(self, method, args, "Range", () => {
          if (!selection) fail("InvalidSelection", "nothing is selected");
          return rangeTarget(() => findSheet(selection!.sheet)!, selection!.address)();
        }, lacks);
      case "Worksheet.getRange": {
        const address = String(args[0] ?? "");
        return child(self, method, args, "Range", rangeTarget(() => sheetOf(self.locate()), address), lacks);
      }
      case "Worksheet.getRangeByIndexes": {
        const [r, c, h, w] = args as number[];
        return child(self, method, args, "Range", () => ({ sheet: sheetOf(self.locate()), area: { r1: r! + 1, c1: c! + 1, r2: r! + h!, c2: c! + w!, unbounded: false } }), lacks);
      }
      case "Worksheet.getUsedRange":
      case "Worksheet.getUsedRangeOrNullObject": {
        const orNull = method.endsWith("OrNullObject");
        return child(self, method, args, "Range", () => {
          const s = sheetOf(self.locate());
          const area = usedArea(s, args[0] === true) ?? (orNull ? null : { r1: 1, c1: 1, r2: 1, c2: 1, unbounded: false });
          return area ? { sheet: s, area } : null;
        }, lacks);
      }
      case "Worksheet.delete":
        op(() => {
          const s = sheetOf(self.locate());
          if (s.visibility === "Visible" && !sheets.some((x) => x !== s && x.visibility === "Visible")) fail("InvalidOperation", "a workbook must contain at least one visible worksheet");
          sheets.splice(sheets.indexOf(s), 1);
        });
        return undefined;
      case "Worksheet.activate":
        op(() => {
          const s = sheetOf(self.locate());
          if (s.visibility !== "Visible") fail("InvalidOperation", "a hidden sheet cannot be activated");
        });
        return undefined;
      case "Range.select":
        op(() => {
          const t = self.locate() as RangeTarget;
          selection = { sheet: t.sheet.name, address: addressOf(t.area) };
        });
        return undefined;
      case "Range.merge":
        op(() => {
          const t = self.locate() as RangeTarget;
          checkEditable(t, "format");
          if (t.sheet.tables.some((tb) => overlaps(tb, t.area))) fail("InvalidOperation", "cells in a table cannot be merged");
          t.sheet.merges.push(addressOf(t.area));
        });
        return undefined;
      case "Range.clear":
        op(() => {
          const t = self.locate() as RangeTarget;
          checkEditable(t, "value");
          for (let r = t.area.r1; r <= t.area.r2; r++) for (let c = t.area.c1; c <= t.area.c2; c++) t.sheet.cells.delete(KEY(r, c));
        });
        return undefined;
      case "Range.getSpecialCellsOrNullObject": {
        const kind = String(args[0]);
        return child(self, method, args, "RangeAreas", () => {
          const t = self.locate() as RangeTarget;
          const found: Area[] = [];
          for (let c = t.area.c1; c <= t.area.c2; c++) {
            let start = -1;
            for (let r = t.area.r1; r <= t.area.r2 + 1; r++) {
              const cell = r <= t.area.r2 ? cellAt(t.sheet, r, c, false) : undefined;
              const hit = !!cell && (kind === "Formulas" ? cell.formula !== null : kind === "Constants" ? cell.formula === null && cell.value !== "" : false);
              if (hit && start < 0) start = r;
              if (!hit && start >= 0) {
                found.push({ r1: start, r2: r - 1, c1: c, c2: c, unbounded: false });
                start = -1;
              }
            }
          }
          return found.length ? { sheet: t.sheet, areas: found } : null;
        }, lacks);
      }
      case "TableCollection.add": {
        const address = String(args[0]);
        let created: ModelTable | null = null;
        op(() => {
          const s = sheetOf(self.locate());
          const area = parseAddress(address);
          if (!area || area.unbounded) fail("InvalidArgument", `not a table range: ${address}`);
          if (s.tables.some((t) => overlaps(t, area))) fail("InvalidOperation", `A table can't overlap another table (${address})`);
          if (s.protected) fail("AccessDenied", `${s.name} is protected: a table cannot be added`);
          const used = new Set(sheets.flatMap((x) => x.tables.map((t) => t.name.toUpperCase())));
          let n = 1;
          while (used.has(`TABLE${n}`)) n++;
          created = { name: `Table${n}`, ...area, filtered: false };
          s.tables.push(created);
        });
        return child(self, method, args, "Table", () => created ?? fail("ItemNotFound", "table was not created"), lacks);
      }
      case "NamedItemCollection.add":
        op(() => {
          const name = String(args[0]);
          if (names.has(name.toUpperCase()) || sheets.some((s) => s.tables.some((t) => sameName(t.name, name)))) fail("ItemAlreadyExists", `the name ${name} already exists`);
          if (tableNameProblem(name)) fail("InvalidArgument", `not a valid name: ${name}`);
          const ref = typeof args[1] === "string" ? args[1] : "";
          names.set(name.toUpperCase(), { name, formula: ref.startsWith("=") ? ref : `=${ref}` });
        });
        return child(self, method, args, "NamedItem", () => names.get(String(args[0]).toUpperCase()), lacks);
      case "NamedItemCollection.getItem":
      case "NamedItemCollection.getItemOrNullObject": {
        const name = String(args[0]).toUpperCase();
        const orNull = method.endsWith("OrNullObject");
        return child(self, method, args, "NamedItem", () => names.get(name) ?? (orNull ? null : fail("ItemNotFound", `The requested resource doesn't exist: name ${args[0]}`)), lacks);
      }
      case "NamedItem.delete":
        op(() => {
          const n = self.locate() as { name: string };
          names.delete(n.name.toUpperCase());
        });
        return undefined;
      case "WorksheetProtection.protect":
        op(() => {
          const s = sheetOf(self.locate());
          if (s.protected) fail("InvalidOperation", `${s.name} is already protected (protect() fails on a protected sheet)`);
          s.protected = true;
          s.protection = { ...((args[0] as Record<string, boolean>) ?? {}) };
        });
        return undefined;
      case "WorksheetProtection.unprotect":
        op(() => {
          const s = sheetOf(self.locate());
          s.protected = false;
        });
        return undefined;
      case "WorksheetFreezePanes.freezeAt":
      case "WorksheetFreezePanes.freezeRows":
        op(() => {
          sheetOf(self.locate()).freeze = method === "freezeRows" ? `rows ${args[0]}` : `at ${String((args[0] as { __model?: Proxied })?.__model ? addressOf(((args[0] as { __model: Proxied }).__model.locate() as RangeTarget).area) : args[0])}`;
        });
        return undefined;
      case "PageBreakCollection.add":
        // "Adds a page break before the top-left cell of the range specified" [Excel.PageBreakCollection.add].
        op(() => {
          const { sheet, which } = self.locate() as { sheet: ModelSheet; which: string };
          const address = String(args[0]);
          if (!parseAddress(address)) fail("InvalidArgument", `not a valid address: ${address}`);
          sheet.layout[which] = [...((sheet.layout[which] as string[] | undefined) ?? []), address];
        });
        return undefined;
      case "PageLayout.setPrintArea":
      case "PageLayout.setPrintTitleRows":
      case "PageLayout.setPrintTitleColumns":
        op(() => {
          sheetOf(self.locate()).layout[method] = args[0];
        });
        return undefined;
      case "ConditionalFormatCollection.add": {
        let cf: ModelSheet["conditional"][number] | null = null;
        op(() => {
          const t = self.locate() as RangeTarget;
          checkEditable(t, "format");
          cf = { range: addressOf(t.area), formula: "" };
          t.sheet.conditional.push(cf);
        });
        return child(self, method, args, "ConditionalFormat", () => ({ cf: () => cf }), lacks);
      }
      case "Application.suspendApiCalculationUntilNextSync":
        op(() => undefined);
        return undefined;
    }
    // Any other member the API has: recorded; an object it returns is one more path.
    op(() => undefined);
    return returns && api[returns] ? child(self, method, args, returns, () => self.locate(), lacks) : undefined;
  };

  const setProperty = (self: Proxied, prop: string, value: unknown) => {
    const key = `${self.cls}.${prop}`;
    const t = self.locate();
    switch (key) {
      case "Range.values":
      case "Range.formulas": {
        const r = t as RangeTarget;
        checkEditable(r, "value");
        eachCell(r, value, prop, (cell, v) => storeValue(cell, v, prop === "formulas"));
        return;
      }
      case "Range.numberFormat": {
        const r = t as RangeTarget;
        checkEditable(r, "format");
        eachCell(r, value, prop, (cell, v) => {
          cell.numberFormat = String(v);
        });
        return;
      }
      case "Range.columnHidden":
      case "Range.rowHidden": {
        const r = t as RangeTarget;
        checkEditable(r, prop === "rowHidden" ? "rowHeight" : "columnWidth");
        for (let i = prop === "rowHidden" ? r.area.r1 : r.area.c1; i <= (prop === "rowHidden" ? r.area.r2 : r.area.c2); i++) (prop === "rowHidden" ? r.sheet.hiddenRows : r.sheet.hiddenCols)[value ? "add" : "delete"](i);
        return;
      }
      case "RangeFormat.rowHeight": {
        const r = t as RangeTarget;
        checkEditable(r, "rowHeight");
        if (typeof value !== "number" || value < 0 || value > MAX_ROW_HEIGHT) fail("InvalidArgument", `a row is at most ${MAX_ROW_HEIGHT} points tall (${String(value)} given)`);
        for (let i = r.area.r1; i <= r.area.r2; i++) r.sheet.rowHeights.set(i, value);
        return;
      }
      case "RangeFormat.columnWidth": {
        const r = t as RangeTarget;
        checkEditable(r, "columnWidth");
        for (let i = r.area.c1; i <= r.area.c2; i++) r.sheet.colWidths.set(i, value as number);
        return;
      }
      case "FormatProtection.locked": {
        const r = t as RangeTarget;
        checkEditable(r, "format");
        eachCell(r, value, "locked", (cell, v) => {
          cell.locked = v === true;
        });
        return;
      }
      case "Worksheet.name": {
        const s = t as ModelSheet;
        const name = String(value);
        const problem = sheetNameProblem(name);
        if (problem) fail("InvalidArgument", problem);
        const other = findSheet(name);
        if (other && other !== s) fail("ItemAlreadyExists", `A sheet named "${other.name}" already exists`);
        s.name = name;
        return;
      }
      case "Worksheet.position": {
        const s = t as ModelSheet;
        sheets.splice(sheets.indexOf(s), 1);
        sheets.splice(Math.max(0, Math.min(Number(value), sheets.length)), 0, s);
        return;
      }
      case "Worksheet.visibility": {
        const s = t as ModelSheet;
        if (value !== "Visible" && !sheets.some((x) => x !== s && x.visibility === "Visible")) fail("InvalidOperation", "a workbook must contain at least one visible worksheet");
        s.visibility = value as ModelSheet["visibility"];
        return;
      }
      case "Table.name": {
        const tb = t as ModelTable;
        const name = String(value);
        const problem = tableNameProblem(name);
        if (problem) fail("InvalidArgument", problem);
        if (sheets.some((s) => s.tables.some((x) => x !== tb && sameName(x.name, name))) || names.has(name.toUpperCase())) fail("ItemAlreadyExists", `A table or name ${name} already exists`);
        tb.name = name;
        return;
      }
      case "ConditionalFormatRule.formula":
      case "ConditionalRangeFill.color":
      case "ConditionalRangeFont.color": {
        const cf = (t as { cf?: () => ModelSheet["conditional"][number] | null }).cf?.();
        if (!cf) return;
        if (prop === "formula") {
          if (String(value).length > MAX_FORMULA) fail("InvalidArgument", "a conditional-format formula has at most 8,192 characters");
          cf.formula = String(value);
        } else if (self.cls === "ConditionalRangeFill") cf.fill = String(value);
        else cf.font = String(value);
        return;
      }
      case "DataValidation.rule": {
        const r = t as RangeTarget;
        checkEditable(r, "format");
        r.sheet.validations.push({ range: addressOf(r.area), rule: value });
        return;
      }
    }
    // Formats of cells (fill, font, alignment …) and page layout: checked against protection, recorded.
    if (/^(RangeFormat|RangeFill|RangeFont|RangeBorder)\./.test(key)) {
      const r = t as RangeTarget;
      checkEditable(r, "format");
      for (let i = r.area.r1; i <= Math.min(r.area.r2, r.area.r1 + 5000); i++) for (let j = r.area.c1; j <= Math.min(r.area.c2, r.area.c1 + 200); j++) cellAt(r.sheet, i, j, true)!.formatted = true;
      return;
    }
    if (/^(PageLayout|HeaderFooter)\./.test(key)) {
      sheetOf(t).layout[key] = value;
    }
  };

  /** load("a,b"), load(["a"]), load("items/name"), load({ select }) [ClientObject.load]. */
  const load = (self: Proxied, what: unknown): unknown => {
    const list = typeof what === "string" ? what.split(",") : Array.isArray(what) ? what : what && typeof what === "object" && "select" in what ? String((what as { select: string }).select).split(",") : [];
    const props = list.map((p) => String(p).trim()).filter(Boolean);
    let response: unknown = null;
    const id = nextId++;
    enqueue({
      bytes: utf8(JSON.stringify({ Id: id, ActionType: 2, Name: "", ObjectPathId: self.pathId, QueryInfo: { Select: props, Expand: [] } })) + 1,
      run: () => {
        guard(self);
        const target = self.locate();
        if (target === null || target === undefined) {
          self.loaded.set("isNullObject", true);
          response = { _IsNull: true };
          return;
        }
        self.loaded.set("isNullObject", false);
        response = loadInto(self, target, props);
      },
      response: () => response,
    });
    return undefined;
  };

  const checkLoadable = (cls: string, prop: string) => {
    const member = api[cls]?.[prop];
    if (!member) fail("InvalidArgument", `${cls} has no property ${prop}`);
    if (member.set && !supports(member.set, member.version ?? "99")) throw apiNotFound(cls, prop, member.set, member.version);
  };

  const loadInto = (self: Proxied, target: unknown, props: string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const collection = COLLECTIONS[self.cls];
    if (collection) {
      const itemProps = props.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
      const items = collection.items(target);
      const proxies = items.map((item) => {
        const id = nextId++;
        const p = makeProxy(collection.of, () => item, id, null) as { __model: Proxied };
        const loaded = loadPaths(collection.of, item, itemProps, p.__model);
        return { proxy: p, loaded };
      });
      self.loaded.set("items", proxies.map((x) => x.proxy));
      out.value = proxies.map((x) => x.loaded);
      return out;
    }
    return loadPaths(self.cls, target, props, self);
  };

  /** Loads scalar properties and paths through navigation properties ("autoFilter/isDataFiltered", "tables/items/name"). */
  const loadPaths = (cls: string, target: unknown, props: string[], into: Proxied): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const path of props) {
      const [head, ...rest] = path.split("/");
      checkLoadable(cls, head!);
      const member = api[cls]![head!]!;
      if (rest.length === 0) {
        const reader = readers[cls]?.[head!];
        if (!reader) fail("InvalidArgument", `the strict model does not read ${cls}.${head}`);
        const value = reader(target as never);
        into.loaded.set(head!, value);
        out[head!] = value;
        continue;
      }
      const next = member.type!;
      const nextTarget = target;
      let subProxy = into.loaded.get(`__nav:${head}`) as { __model: Proxied } | undefined;
      if (!subProxy) {
        subProxy = makeProxy(next, () => nextTarget, 0, null) as { __model: Proxied };
        into.loaded.set(`__nav:${head}`, subProxy);
      }
      const sub = subProxy.__model;
      out[head!] = COLLECTIONS[next] ? loadInto(sub, nextTarget, [rest.join("/")]) : loadPaths(next, nextTarget, [rest.join("/")], sub);
    }
    return out;
  };

  const COLLECTIONS: Record<string, { of: string; items: (t: unknown) => unknown[] }> = {
    WorksheetCollection: { of: "Worksheet", items: () => [...sheets] },
    // workbook.tables (every sheet's) or worksheet.tables.
    TableCollection: { of: "Table", items: (t) => (Array.isArray(t) ? (t as ModelSheet[]).flatMap((s) => s.tables) : [...(t as ModelSheet).tables]) },
    NamedItemCollection: { of: "NamedItem", items: () => [...names.values()] },
  };

  // ---- sync (R1, R8) ----
  const sync = async (): Promise<void> => {
    stats.syncs++;
    const ops = queue;
    const bytes = requestBytes + 80; // {"AutoKeepReference":false,"Actions":[…],"ObjectPaths":{…}}
    queue = [];
    requestBytes = 0;
    stats.requests.push(bytes);
    if (options.failAtSync === stats.syncs || failNext) {
      const code = failNext ?? "GeneralException";
      failNext = null;
      stats.responses.push(0);
      stats.failures.push(code);
      fail(code, `the sync failed (${code})`);
    }
    if (bytes > PAYLOAD_LIMIT) {
      stats.responses.push(0);
      stats.failures.push("RequestPayloadSizeLimitExceeded");
      fail("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${bytes} bytes > ${PAYLOAD_LIMIT}).`);
    }
    let responseBytes = 20;
    try {
      for (const op of ops) {
        op.run();
        if (op.response) responseBytes += utf8(JSON.stringify({ ActionId: 0, Value: op.response() })) + 1;
      }
    } catch (e) {
      stats.responses.push(responseBytes);
      stats.failures.push((e as ModelError).code ?? "Error");
      throw e;
    }
    stats.responses.push(responseBytes);
    if (responseBytes > PAYLOAD_LIMIT) {
      stats.failures.push("ResponsePayloadSizeLimitExceeded");
      fail("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${responseBytes} bytes > ${PAYLOAD_LIMIT}).`);
    }
  };

  const base = makeProxy("RequestContext", () => sheets, nextId++, null) as object;
  let syncOverride: (() => Promise<void>) | null = null;
  const context = new Proxy(base, {
    // A test may wrap sync (to watch the workbook between syncs, or to fail one of them).
    set: (_t, prop, value) => {
      if (prop !== "sync") return false;
      syncOverride = value as () => Promise<void>;
      return true;
    },
    get: (t, prop) => {
      if (prop === "sync") return syncOverride ?? sync;
      if (prop === "trackedObjects") return { add: () => undefined, remove: () => undefined };
      return (t as Record<string | symbol, unknown>)[prop];
    },
  }) as unknown as Excel.RequestContext;

  const model: ExcelModel = {
    context,
    stats,
    sheets,
    names,
    version,
    supports,
    sheet: (name) => findSheet(name),
    cell: (name, address) => {
      const s = findSheet(name);
      const a = parseAddress(address);
      return s && a ? cellAt(s, a.r1, a.c1, false) : undefined;
    },
    type: (name, address, text) => {
      const s = findSheet(name)!;
      const a = parseAddress(address)!;
      checkEditable({ sheet: s, area: a }, "value");
      storeValue(cellAt(s, a.r1, a.c1, true)!, text, false);
    },
    select: (sheet, address) => {
      selection = { sheet, address };
    },
    change: async (sheet, address, changeType = "RangeEdited") => {
      const id = findSheet(sheet)?.id ?? sheet;
      for (const h of [...changeHandlers]) await h({ worksheetId: id, address, changeType, source: "Local" });
    },
    failNextSync: (code) => {
      failNext = code;
    },
    install: () => {
      const g = globalThis as Record<string, unknown>;
      const before = { Excel: g.Excel, Office: g.Office };
      g.Excel = {
        run: async (a: unknown, b?: unknown) => {
          const batch = (typeof a === "function" ? a : b) as (c: Excel.RequestContext) => Promise<unknown>;
          const result = await batch(context);
          await context.sync();
          return result;
        },
      };
      g.Office = {
        context: { requirements: { isSetSupported: (set: string, v?: string | number) => supports(set, String(v ?? "1.1")) } },
        onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
        HostType: { Excel: "Excel" },
      };
      return () => {
        g.Excel = before.Excel;
        g.Office = before.Office;
      };
    },
  };
  return model;
}

/** Every cell of a sheet, as "A1" → cell, for assertions. */
export function cellsOf(sheet: ModelSheet): Map<string, ModelCell> {
  const out = new Map<string, ModelCell>();
  for (const [key, cell] of sheet.cells) out.set(`${colLetters(key % 20_000)}${Math.floor(key / 20_000)}`, cell);
  return out;
}
