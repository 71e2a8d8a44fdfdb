import type { CellValue, SheetPlan, SheetSpec, StyleSpec } from "../../sheets/plan";
import { columnLetter } from "../../sheets/plan";
import { freeSheetName, pointsIntoOtherSheets, renameSheets, sheetKey } from "../../sheets/names";
import { jsonBytes, newBatch, room, sync, track, type Batch } from "./batch";
import { features as featuresOf, TOO_OLD, type Features } from "./features";

/**
 * The Office.js host: applies a sheet plan inside Excel, within what Microsoft documents Excel to accept.
 *
 * - Text stays text. Excel reads a string written to Range.values as if typed, with en-US rules ("4.960" →
 *   4,96, "7-9" → a date, "2%" → 0,02 — Excel.Range.values remarks), unless the cell is formatted as Text: every
 *   text cell of the plan gets the Text format ("@") first, by runs down each column, then its value; the cell's
 *   own number format follows, which converts nothing already stored.
 * - Requests stay under Excel on the web's 5 MB: each call and its arguments are counted in UTF-8 bytes
 *   (batch.ts) and a batch is sent when it nears the budget — inside a sheet too, whose values go in row chunks.
 * - Members newer than ExcelApi 1.4 are used only where the Excel has them (features.ts); what is left out is
 *   reported. Below 1.4 nothing is written and the report says why.
 * - Atomic per sheet: each sheet is written under a temporary name and takes its real name only once complete
 *   (a refresh deletes the sheet it replaces in that same step), so a failed sync never leaves a half-built sheet
 *   under a real name; a load run again removes the leftovers and completes. The summary, whose formulas point
 *   into the other sheets, is written after they have their names.
 * - Page layout and freeze panes come in a step of their own: if Excel refuses them the sheets stay, and the
 *   report says what is missing. Protection comes last.
 * - Sheet names are compared as Excel does, without regard to case (and Unicode form): a plan sheet whose name
 *   only differs in case from one of staff's takes a free name ("Tổng hợp (2)").
 */
export interface ApplyOptions {
  /** Bytes of estimated request after which a batch is sent; default 3,5 MB, under Excel on the web's 5 MB. */
  payloadBudget?: number;
  /** What the Excel in use supports (features.ts); the host passes Office.context.requirements. */
  features?: Features;
  /** @deprecated use features: a requirement-set check. */
  supports?: (set: string, version: string) => boolean;
  /** Sheets of the workbook this write replaces (a refresh): deleted in the step that gives the new ones their names. */
  replace?: string[];
  /** Defined names to delete in that same step (a refresh rewrites them). */
  replaceNames?: string[];
}

export interface ApplyReport {
  syncs: number;
  /** Estimated request bytes of each sync. */
  payloads: number[];
  written: string[];
  /** Sheets that exist already: loading never overwrites them (refreshing merges instead). */
  existing: string[];
  /** Plan sheets written under another name, because staff have a sheet of that name in another case. */
  renamed: { from: string; to: string }[];
  /** Features left out because the Excel in use lacks their requirement set (or refused them), with the reason. */
  degraded: { vi: string; en: string }[];
  /** Below the minimum requirement set: nothing was written. */
  refused: { vi: string; en: string } | null;
}

export const TEMP_PREFIX = "~IM ";
const isTemp = (name: string) => name.startsWith(TEMP_PREFIX);
/** Points per unit of column width (one "0" of the default font). */
const POINTS_PER_WIDTH = 6.5;
/** Excel refuses rows taller than 409 points (Excel specifications and limits). */
export const MAX_ROW_POINTS = 409;
/** Rows per chunk of values are chosen so that a chunk stays near this many bytes. */
const CHUNK_BYTES = 900_000;

const asGrid = (v: unknown) => v as unknown as string[][];

function headerFooterParts(text: string): { left: string; center: string; right: string } {
  const parts = { left: "", center: "", right: "" };
  let current: keyof typeof parts = "center";
  for (const piece of text.split(/(&[LCR])/)) {
    if (piece === "&L") current = "left";
    else if (piece === "&C") current = "center";
    else if (piece === "&R") current = "right";
    else parts[current] += piece;
  }
  return parts;
}

/** Cells with the same key down a column, as runs ("C7:C60"), so a sheet needs few format requests. */
function runsDown(sheet: SheetSpec, keyOf: (r: number, c: number) => string | undefined): Map<string, string[]> {
  const runs = new Map<string, string[]>();
  const width = Math.max(0, ...sheet.rows.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    let start = -1;
    let key: string | undefined;
    const close = (end: number) => {
      if (key !== undefined && start >= 0) {
        const letter = columnLetter(c + 1);
        const list = runs.get(key) ?? [];
        list.push(start === end ? `${letter}${start + 1}` : `${letter}${start + 1}:${letter}${end + 1}`);
        runs.set(key, list);
      }
    };
    for (let r = 0; r <= sheet.rows.length; r++) {
      const k = r < sheet.rows.length ? keyOf(r, c) : undefined;
      if (k !== key) {
        close(r - 1);
        start = r;
        key = k;
      }
    }
  }
  return runs;
}

const isText = (v: CellValue | undefined): v is string => typeof v === "string" && v !== "";

/**
 * The cells of the plan Excel would not keep as text unless told: every non-empty text value, as runs; `input`
 * holds the runs in input cells (a text staff typed, carried by a refresh), whose format goes back to General
 * once the text is in, so that what staff type there next is read as a number again.
 */
export function textRuns(sheet: SheetSpec, plan: SheetPlan): { all: string[]; input: string[] } {
  const runs = runsDown(sheet, (r, c) => {
    const cell = sheet.rows[r]![c];
    if (!cell || cell.formula !== undefined || !isText(cell.value)) return undefined;
    const style = cell.style ? plan.styles[cell.style] : undefined;
    return style?.locked === false && !style.numFmt ? "input" : "text";
  });
  return { all: [...(runs.get("text") ?? []), ...(runs.get("input") ?? [])], input: runs.get("input") ?? [] };
}

function applyStyle(range: Excel.Range, s: StyleSpec, batch: Batch, f: Features): void {
  const fmt = range.format;
  // Each property set is one action on its own object path (format, fill, font, protection): counted one by one.
  const set = (value: unknown) => track(batch, value);
  if (s.fill) set((fmt.fill.color = `#${s.fill}`));
  if (s.font) set((fmt.font.color = `#${s.font}`));
  if (s.bold !== undefined) set((fmt.font.bold = s.bold));
  if (s.italic !== undefined) set((fmt.font.italic = s.italic));
  if (s.size) set((fmt.font.size = s.size));
  if (s.hAlign) set((fmt.horizontalAlignment = s.hAlign === "left" ? "Left" : s.hAlign === "center" ? "Center" : "Right"));
  if (s.vAlign) set((fmt.verticalAlignment = s.vAlign === "top" ? "Top" : s.vAlign === "middle" ? "Center" : "Bottom"));
  if (s.wrap !== undefined) set((fmt.wrapText = s.wrap));
  if (s.indent && f.has("pageLayout")) set((fmt.indentLevel = s.indent)); // RangeFormat.indentLevel: ExcelApi 1.9
  // A single value applies to every cell of the range ("Update all cells in a range"); an array must match its shape.
  if (s.numFmt) set((range.numberFormat = asGrid(s.numFmt)));
  if (s.locked === false) set((fmt.protection.locked = false));
  track(batch, null); // the range itself
}

/** Values (text and numbers) and formulas of rows [from, to), as exact 2-D arrays; null leaves a cell as it is. */
async function writeRows(ws: Excel.Worksheet, sheet: SheetSpec, width: number, from: number, to: number, batch: Batch): Promise<void> {
  const rows = sheet.rows.slice(from, to);
  const address = `A${from + 1}:${columnLetter(width)}${to}`;
  const values = rows.map((cells) => Array.from({ length: width }, (_, c) => (cells[c] && cells[c]!.formula === undefined && cells[c]!.value !== undefined && cells[c]!.value !== "" ? cells[c]!.value! : null)));
  const formulas = rows.map((cells) => Array.from({ length: width }, (_, c) => (cells[c]?.formula !== undefined ? `=${cells[c]!.formula}` : null)));
  const hasValues = values.some((row) => row.some((v) => v !== null));
  const hasFormulas = formulas.some((row) => row.some((f) => f !== null));
  await room(batch, (hasValues ? jsonBytes(values) : 0) + (hasFormulas ? jsonBytes(formulas) : 0) + 1000);
  if (hasValues) {
    ws.getRange(address).values = asGrid(values);
    track(batch, values);
  }
  if (hasFormulas) {
    ws.getRange(address).formulas = asGrid(formulas);
    track(batch, formulas);
  }
}

/** Row chunks of a sheet, each near CHUNK_BYTES of values and formulas. */
function rowChunks(sheet: SheetSpec): [number, number][] {
  const chunks: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  sheet.rows.forEach((cells, r) => {
    const row = jsonBytes(cells.map((c) => c.value ?? c.formula ?? null)) + cells.length * 6;
    if (bytes + row > CHUNK_BYTES && r > start) {
      chunks.push([start, r]);
      start = r;
      bytes = 0;
    }
    bytes += row;
  });
  if (start < sheet.rows.length) chunks.push([start, sheet.rows.length]);
  return chunks;
}

/** Content, formats, table, colours and checks of one sheet (not its page layout, freeze panes or protection). */
async function queueSheet(ws: Excel.Worksheet, plan: SheetPlan, sheet: SheetSpec, batch: Batch, f: Features, tableName: string | null): Promise<void> {
  const height = sheet.rows.length;
  const width = Math.max(sheet.columns.length, ...sheet.rows.map((r) => r.length));
  if (height === 0 || width === 0) return;

  sheet.columns.forEach((c, i) => {
    const col = ws.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`);
    col.format.columnWidth = c.width * POINTS_PER_WIDTH;
    if (c.hidden) col.columnHidden = true;
    track(batch, 16);
  });
  // 1. Text format on every text cell, before any value arrives (a single "@" for each run).
  const text = textRuns(sheet, plan);
  for (const run of text.all) {
    ws.getRange(run).numberFormat = asGrid("@");
    track(batch, run);
  }
  // 2. Values and formulas, by row chunks within the budget.
  for (const [from, to] of rowChunks(sheet)) await writeRows(ws, sheet, width, from, to, batch);
  for (const run of text.input) {
    ws.getRange(run).numberFormat = asGrid("General");
    track(batch, run);
  }
  // 3. Formats, including the number formats of input cells (which convert nothing already written).
  for (const [style, addresses] of runsDown(sheet, (r, c) => sheet.rows[r]![c]?.style)) {
    const spec = plan.styles[style];
    if (!spec) continue;
    for (const address of addresses) {
      applyStyle(ws.getRange(address), spec, batch, f);
      await room(batch);
    }
  }
  for (const m of sheet.merges) {
    ws.getRange(m).merge(false);
    track(batch, m);
  }
  for (const [row, h] of Object.entries(sheet.heights)) {
    const r = ws.getRange(`${row}:${row}`);
    if (h === 0) r.rowHidden = true;
    else r.format.rowHeight = Math.min(h, MAX_ROW_POINTS);
    track(batch, 20);
  }
  await room(batch);
  if (sheet.table && tableName) {
    const table = ws.tables.add(sheet.table.ref, true);
    table.name = tableName;
    track(batch, sheet.table);
  }
  if (f.has("conditionalFormats")) {
    for (const rule of sheet.conditional) {
      const s = plan.styles[rule.style] ?? {};
      const cf = ws.getRange(rule.range).conditionalFormats.add("Custom" as Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = `=${rule.formula}`;
      if (s.fill) cf.custom.format.fill.color = `#${s.fill}`;
      if (s.font) cf.custom.format.font.color = `#${s.font}`;
      track(batch, rule);
      track(batch, rule);
    }
  }
  if (f.has("validation")) {
    for (const v of sheet.validations) {
      const dv = ws.getRange(v.range).dataValidation;
      dv.rule =
        v.kind === "list"
          ? { list: { inCellDropDown: true, source: (v.list ?? []).join(",") } }
          : { decimal: { formula1: -1e15, formula2: 1e15, operator: "Between" as Excel.DataValidationOperator.between } };
      dv.errorAlert = { showAlert: true, style: "Warning" as Excel.DataValidationAlertStyle.warning, title: v.error.title, message: v.error.text };
      dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
      track(batch, v);
      track(batch, v);
    }
  }
  if (sheet.tabColor && f.has("freezePanes")) ws.tabColor = `#${sheet.tabColor}`; // Worksheet.tabColor: ExcelApi 1.7
  if (sheet.hidden) ws.visibility = "Hidden";
  await room(batch);
}

/** Page layout and freeze panes of one sheet (ExcelApi 1.7 and 1.9), queued in a step of their own. */
function queueLayout(ws: Excel.Worksheet, sheet: SheetSpec, batch: Batch, f: Features): void {
  if ((sheet.freeze.row || sheet.freeze.column) && f.has("freezePanes")) {
    // freezeRows / freezeColumns where only one is frozen: no range object, no activation of the sheet.
    if (sheet.freeze.row && !sheet.freeze.column) ws.freezePanes.freezeRows(sheet.freeze.row);
    else if (sheet.freeze.column && !sheet.freeze.row) ws.freezePanes.freezeColumns(sheet.freeze.column);
    else ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetter(sheet.freeze.column)}${sheet.freeze.row}`));
    track(batch, sheet.freeze);
  }
  if (f.has("pageLayout") && !sheet.hidden) {
    const p = sheet.print;
    const layout = ws.pageLayout;
    layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "A4" as Excel.PaperType.a4;
    layout.zoom = p.scale ? { scale: p.scale } : { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
    layout.printOrder = "DownThenOver" as Excel.PrintOrder.downThenOver;
    layout.setPrintArea(p.area);
    if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows.replace(":", ":$")}`);
    if (p.titleColumns) layout.setPrintTitleColumns(`$${p.titleColumns.replace(":", ":$")}`);
    // A page starts before each of these columns (Worksheet.verticalPageBreaks: ExcelApi 1.9, as page layout).
    for (const letter of p.columnBreaks ?? []) ws.verticalPageBreaks.add(`${letter}1`);
    // A page starts before each of these rows (the summary's blocks).
    for (const r of p.rowBreaks ?? []) if (r > 1) ws.horizontalPageBreaks.add(`A${r}`);
    const h = headerFooterParts(p.header);
    const ft = headerFooterParts(p.footer);
    const page = layout.headersFooters.defaultForAllPages;
    page.leftHeader = h.left;
    page.centerHeader = h.center;
    page.rightHeader = h.right;
    page.leftFooter = ft.left;
    page.centerFooter = ft.center;
    page.rightFooter = ft.right;
    track(batch, p);
    track(batch, p);
  }
}

/** Protection options Excel honours for what staff do on a locked sheet: type in input cells, filter, resize, format. */
export const PROTECTION: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowFormatCells: false,
  allowInsertRows: true,
  allowInsertColumns: true,
  allowSort: true,
};

const LAYOUT_FAILED = (code: string) => ({
  vi: `Excel không nhận thiết lập trang in hoặc cố định dòng tiêu đề (${code}): các trang tính vẫn được ghi đủ; hãy đặt khổ in bằng tay`,
  en: `Excel refused the page layout or freeze panes (${code}): the sheets are written in full; set up printing by hand`,
});

function tableNameFree(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toUpperCase()); n++) candidate = `${name}_${n}`;
  taken.add(candidate.toUpperCase());
  return candidate;
}

export async function applySheetPlan(context: Excel.RequestContext, input: SheetPlan, options: ApplyOptions = {}): Promise<ApplyReport> {
  const f = options.features ?? featuresOf(options.supports ?? (() => true));
  const batch = newBatch(context, options.payloadBudget);
  const report: ApplyReport = { syncs: 0, payloads: batch.payloads, written: [], existing: [], renamed: [], degraded: [...f.degraded], refused: null };
  if (!f.enough) return { ...report, degraded: [], refused: TOO_OLD };

  // 1. What is there: sheet names, table names, defined names (one sync).
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const tables = context.workbook.tables;
  tables.load("items/name");
  const definedNames = context.workbook.names;
  definedNames.load("items/name");
  await sync(batch);
  const replace = new Set(options.replace ?? []);
  const present = worksheets.items.map((w) => ({ ws: w, name: w.name, visible: w.visibility === "Visible" }));
  // Leftovers of a write that failed half-way: sheets that never got their real name.
  for (const p of present.filter((x) => isTemp(x.name))) p.ws.delete();
  const kept = present.filter((x) => !isTemp(x.name) && !replace.has(x.name));
  const exact = new Set(kept.map((x) => x.name));
  const taken = new Set(kept.map((x) => sheetKey(x.name)));

  // 2. Names: an existing sheet of exactly that name is kept (a load never overwrites); one that differs only in case is staff's, so ours takes a free name.
  const renames = new Map<string, string>();
  const toWrite: SheetSpec[] = [];
  for (const s of input.sheets) {
    if (exact.has(s.name)) {
      report.existing.push(s.name);
      continue;
    }
    const name = freeSheetName(s.name, taken);
    taken.add(sheetKey(name));
    if (name !== s.name) {
      renames.set(s.name, name);
      report.renamed.push({ from: s.name, to: name });
    }
    toWrite.push(s);
  }
  const plan = renameSheets({ ...input, sheets: toWrite }, renames);
  const tableTaken = new Set([...tables.items.map((t) => t.name.toUpperCase()), ...definedNames.items.filter((n) => !(options.replaceNames ?? []).includes(n.name)).map((n) => n.name.toUpperCase())]);
  const independent = plan.sheets.filter((s) => !pointsIntoOtherSheets(s));
  const dependent = plan.sheets.filter((s) => pointsIntoOtherSheets(s));
  if (f.has("validation")) context.application.suspendApiCalculationUntilNextSync();

  // 3. Every sheet that points nowhere else, each under a temporary name.
  const temps: { ws: Excel.Worksheet; sheet: SheetSpec; temp: string }[] = [];
  let k = 1;
  const usedTemp = new Set(present.map((p) => p.name));
  for (const sheet of independent) {
    while (usedTemp.has(`${TEMP_PREFIX}${k}`)) k++;
    const temp = `${TEMP_PREFIX}${k++}`;
    const ws = worksheets.add(temp);
    track(batch, temp);
    await queueSheet(ws, plan, sheet, batch, f, sheet.table ? tableNameFree(sheet.table.name, tableTaken) : null);
    temps.push({ ws, sheet, temp });
  }
  await sync(batch);

  // 4. The swap, in one step: the replaced sheets and names go, the new sheets take their names, names are defined.
  const visibleLeft = present.some((p) => p.visible && !isTemp(p.name) && !replace.has(p.name)) || temps.some((t) => !t.sheet.hidden) || dependent.length > 0;
  const placeholder = !visibleLeft ? worksheets.add(`${TEMP_PREFIX}0`) : null;
  for (const p of present.filter((x) => !isTemp(x.name) && replace.has(x.name))) {
    p.ws.delete();
    track(batch, p.name);
  }
  for (const n of options.replaceNames ?? []) {
    if (definedNames.items.some((x) => x.name === n)) context.workbook.names.getItem(n).delete();
    track(batch, n);
  }
  for (const t of temps) {
    t.ws.name = t.sheet.name;
    track(batch, t.sheet.name);
    report.written.push(t.sheet.name);
  }
  for (const n of plan.names) {
    if (!exact.has(n.sheet) && !plan.sheets.some((s) => s.name === n.sheet)) continue;
    context.workbook.names.add(n.name, `='${n.sheet.replace(/'/g, "''")}'!${n.range}`);
    track(batch, n);
  }
  await sync(batch);

  // 5. Sheets whose formulas point into the others (the summary), now that those have their names; first among ours.
  const firstOurs = present.filter((p) => !isTemp(p.name) && !replace.has(p.name)).length;
  const direct: { ws: Excel.Worksheet; sheet: SheetSpec }[] = [];
  for (const sheet of dependent) {
    const ws = worksheets.add(sheet.name);
    track(batch, sheet.name);
    await queueSheet(ws, plan, sheet, batch, f, sheet.table ? tableNameFree(sheet.table.name, tableTaken) : null);
    ws.position = firstOurs;
    direct.push({ ws, sheet });
    report.written.push(sheet.name);
  }
  if (placeholder) placeholder.delete();
  if (direct.length > 0 || placeholder) await sync(batch);

  // 6. Page layout and freeze panes, on their own: a refusal degrades instead of aborting.
  const all = [...temps, ...direct];
  if (all.some(({ sheet }) => sheet.freeze.row || sheet.freeze.column || !sheet.hidden)) {
    for (const { ws, sheet } of all) queueLayout(ws, sheet, batch, f);
    if (batch.bytes > 0) {
      try {
        await sync(batch);
      } catch (e) {
        report.degraded.push(LAYOUT_FAILED(String((e as { code?: string }).code ?? (e as Error).message)));
      }
    }
  }
  // 7. Protection last (protect() fails on a sheet already protected; these are new).
  // A sheet is locked only where the add-in can unlock it again (restore, refresh): WorksheetProtection.unprotect is ExcelApi 1.7.
  const locked = f.has("freezePanes") ? all.filter(({ sheet }) => sheet.protect) : [];
  for (const { ws } of locked) {
    ws.protection.protect(PROTECTION);
    track(batch, PROTECTION);
  }
  if (locked.length > 0) await sync(batch);
  report.syncs = batch.payloads.length;
  return report;
}
