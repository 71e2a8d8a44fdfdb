import type { CellValue, SheetPlan, SheetSpec, StyleSpec } from "../../sheets/plan";
import { columnLetter } from "../../sheets/plan";

/**
 * The Office.js host: applies a sheet plan inside Excel. Everything is queued in batches and sent with few
 * context.sync() calls — one to learn which sheets exist, one to write — whatever the number of indicators;
 * a batch is flushed early only when its payload nears the budget (Excel on the web refuses requests over
 * 5 MB). Values and formulas go as 2D arrays; document text that Excel would parse (=, +, -, @) is given the
 * Text format before it is written, so it stays text. Calculation is suspended while writing. Features of
 * newer requirement sets are used only when `supports` says so; otherwise the report says what was left out.
 */
export interface ApplyOptions {
  /** Bytes of queued payload after which a batch is sent; default 4 MB, under Excel on the web's 5 MB. */
  payloadBudget?: number;
  /** Requirement-set check: Office.context.requirements.isSetSupported in Excel. */
  supports?: (set: string, version: string) => boolean;
}

export interface ApplyReport {
  syncs: number;
  /** Estimated payload of each sync, bytes. */
  payloads: number[];
  written: string[];
  /** Sheets that exist already: loading never overwrites them (refreshing merges instead). */
  existing: string[];
  /** Features left out because the Excel in use lacks their requirement set, with the reason. */
  degraded: { vi: string; en: string }[];
}

/** The requirement-set check of the Excel in use (Office.context.requirements), the one place that asks it. */
export function excelSupports(set: string, version: string): boolean {
  return Office.context.requirements.isSetSupported(set, version);
}

const TEXT_THAT_EXCEL_PARSES = /^[=+\-@]/;
/** Points per unit of column width (one "0" of the default font). */
const POINTS_PER_WIDTH = 6.5;

interface Batch {
  context: Excel.RequestContext;
  bytes: number;
  payloads: number[];
  budget: number;
}

function track(batch: Batch, value: unknown): void {
  batch.bytes += typeof value === "string" ? value.length + 2 : JSON.stringify(value ?? null).length;
}

async function sync(batch: Batch): Promise<void> {
  batch.payloads.push(batch.bytes);
  batch.bytes = 0;
  await batch.context.sync();
}

async function flushIfFull(batch: Batch): Promise<void> {
  if (batch.bytes >= batch.budget) await sync(batch);
}

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

function applyStyle(range: Excel.Range, s: StyleSpec, batch: Batch): void {
  const f = range.format;
  if (s.fill) f.fill.color = `#${s.fill}`;
  if (s.font) f.font.color = `#${s.font}`;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.size) f.font.size = s.size;
  if (s.hAlign) f.horizontalAlignment = s.hAlign === "left" ? "Left" : s.hAlign === "center" ? "Center" : "Right";
  if (s.vAlign) f.verticalAlignment = s.vAlign === "top" ? "Top" : s.vAlign === "middle" ? "Center" : "Bottom";
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.indent) f.indentLevel = s.indent;
  if (s.numFmt) range.numberFormat = [[s.numFmt]];
  if (s.locked === false) f.protection.locked = false;
  track(batch, s);
}

/** Cells of one style, as runs down each column ("C7:C60"), so a sheet needs few format requests. */
function styleRuns(sheet: SheetSpec): Map<string, string[]> {
  const runs = new Map<string, string[]>();
  const width = Math.max(0, ...sheet.rows.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    let start = -1;
    let style: string | undefined;
    const close = (end: number) => {
      if (style && start >= 0) {
        const letter = columnLetter(c + 1);
        const list = runs.get(style) ?? [];
        list.push(start === end ? `${letter}${start + 1}` : `${letter}${start + 1}:${letter}${end + 1}`);
        runs.set(style, list);
      }
    };
    for (let r = 0; r <= sheet.rows.length; r++) {
      const s = r < sheet.rows.length ? sheet.rows[r]![c]?.style : undefined;
      if (s !== style) {
        close(r - 1);
        start = r;
        style = s;
      }
    }
  }
  return runs;
}

function queueSheet(ws: Excel.Worksheet, plan: SheetPlan, sheet: SheetSpec, batch: Batch, supports: (set: string, v: string) => boolean): void {
  const height = sheet.rows.length;
  const width = Math.max(sheet.columns.length, ...sheet.rows.map((r) => r.length));
  if (height === 0 || width === 0) return;
  const last = `${columnLetter(width)}${height}`;
  if (sheet.hidden) ws.visibility = "Hidden";

  sheet.columns.forEach((c, i) => {
    const col = ws.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`);
    col.format.columnWidth = c.width * POINTS_PER_WIDTH;
    if (c.hidden) col.columnHidden = true;
    track(batch, 40);
  });

  // Text that Excel would read as a formula or a number sign gets the Text format before its value arrives.
  sheet.rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (typeof cell.value === "string" && TEXT_THAT_EXCEL_PARSES.test(cell.value)) {
        ws.getRange(`${columnLetter(c + 1)}${r + 1}`).numberFormat = [["@"]];
        track(batch, 30);
      }
    }),
  );

  const values: (CellValue | null)[][] = sheet.rows.map((cells) => Array.from({ length: width }, (_, c) => (cells[c]?.formula === undefined ? cells[c]?.value ?? null : null)));
  const formulas: (string | null)[][] = sheet.rows.map((cells) => Array.from({ length: width }, (_, c) => (cells[c]?.formula !== undefined ? `=${cells[c]!.formula}` : null)));
  const all = ws.getRange(`A1:${last}`);
  all.values = values as unknown as string[][];
  track(batch, values);
  if (formulas.some((row) => row.some((f) => f !== null))) {
    ws.getRange(`A1:${last}`).formulas = formulas as unknown as string[][];
    track(batch, formulas);
  }

  for (const [style, addresses] of styleRuns(sheet)) {
    const spec = plan.styles[style];
    if (!spec) continue;
    for (const address of addresses) applyStyle(ws.getRange(address), spec, batch);
  }
  for (const m of sheet.merges) {
    ws.getRange(m).merge(false);
    track(batch, m);
  }
  for (const [row, h] of Object.entries(sheet.heights)) {
    const r = ws.getRange(`${row}:${row}`);
    if (h === 0) r.rowHidden = true;
    else r.format.rowHeight = h;
    track(batch, 30);
  }
  if (sheet.table) {
    const table = ws.tables.add(`${sheet.table.ref}`, true);
    table.name = sheet.table.name;
    track(batch, sheet.table);
  }
  if ((sheet.freeze.row || sheet.freeze.column) && supports("ExcelApi", "1.7")) {
    ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetter(Math.max(1, sheet.freeze.column))}${Math.max(1, sheet.freeze.row)}`));
  }
  if (supports("ExcelApi", "1.6")) {
    for (const rule of sheet.conditional) {
      const s = plan.styles[rule.style] ?? {};
      const cf = ws.getRange(rule.range).conditionalFormats.add("Custom" as Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = `=${rule.formula}`;
      if (s.fill) cf.custom.format.fill.color = `#${s.fill}`;
      if (s.font) cf.custom.format.font.color = `#${s.font}`;
      track(batch, rule);
    }
  }
  if (supports("ExcelApi", "1.8")) {
    for (const v of sheet.validations) {
      const dv = ws.getRange(v.range).dataValidation;
      dv.rule =
        v.kind === "list"
          ? { list: { inCellDropDown: true, source: (v.list ?? []).join(",") } }
          : { decimal: { formula1: -1e15, formula2: 1e15, operator: "Between" as Excel.DataValidationOperator.between } };
      dv.errorAlert = { showAlert: true, style: "Warning" as Excel.DataValidationAlertStyle.warning, title: v.error.title, message: v.error.text };
      dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
      track(batch, v);
    }
  }
  if (supports("ExcelApi", "1.9") && !sheet.hidden) {
    const p = sheet.print;
    const layout = ws.pageLayout;
    layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "A4" as Excel.PaperType.a4;
    layout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
    layout.setPrintArea(p.area);
    if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows.replace(":", ":$")}`);
    const h = headerFooterParts(p.header);
    const f = headerFooterParts(p.footer);
    const page = layout.headersFooters.defaultForAllPages;
    page.leftHeader = h.left;
    page.centerHeader = h.center;
    page.rightHeader = h.right;
    page.leftFooter = f.left;
    page.centerFooter = f.center;
    page.rightFooter = f.right;
    track(batch, p);
  }
  // No password: targets and formulas are guarded against slips; staff can still add rows and columns, sort and filter.
  if (sheet.protect) ws.protection.protect({ allowAutoFilter: true, allowSort: true, allowInsertRows: true, allowInsertColumns: true, allowFormatColumns: true, allowFormatRows: true });
}

const DEGRADED: Record<string, { vi: string; en: string }> = {
  "1.6": { vi: "Excel này chưa hỗ trợ tô màu theo điều kiện (ExcelApi 1.6): trạng thái vẫn hiện bằng chữ và ký hiệu", en: "This Excel lacks conditional formats (ExcelApi 1.6): statuses still show as text and symbols" },
  "1.7": { vi: "Excel này chưa hỗ trợ cố định dòng tiêu đề (ExcelApi 1.7)", en: "This Excel cannot freeze panes (ExcelApi 1.7)" },
  "1.8": { vi: "Excel này chưa hỗ trợ kiểm tra nhập liệu và tạm dừng tính toán (ExcelApi 1.8)", en: "This Excel lacks data validation and calculation suspension (ExcelApi 1.8)" },
  "1.9": {
    vi: "Excel này chưa hỗ trợ thiết lập trang in và sự kiện thay đổi (ExcelApi 1.9): hãy đặt khổ A4 ngang, vừa một trang bề ngang khi in; danh sách kiểm tra cập nhật sau mỗi thao tác thay vì ngay khi gõ",
    en: "This Excel lacks page layout and change events (ExcelApi 1.9): set A4 landscape, fit to one page wide, when printing; the check list updates after each action rather than as you type",
  },
};

export async function applySheetPlan(context: Excel.RequestContext, plan: SheetPlan, options: ApplyOptions = {}): Promise<ApplyReport> {
  const supports = options.supports ?? excelSupports;
  const batch: Batch = { context, bytes: 0, payloads: [], budget: options.payloadBudget ?? 4_000_000 };
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await sync(batch);
  const names = new Set(worksheets.items.map((w) => w.name));
  const existing = plan.sheets.filter((s) => names.has(s.name)).map((s) => s.name);
  const degraded = ["1.6", "1.7", "1.8", "1.9"].filter((v) => !supports("ExcelApi", v)).map((v) => DEGRADED[v]!);
  if (supports("ExcelApi", "1.8")) context.application.suspendApiCalculationUntilNextSync();
  const written: string[] = [];
  for (const sheet of plan.sheets) {
    if (names.has(sheet.name)) continue;
    queueSheet(worksheets.add(sheet.name), plan, sheet, batch, supports);
    written.push(sheet.name);
    await flushIfFull(batch);
  }
  if (supports("ExcelApi", "1.4")) {
    for (const n of plan.names) {
      if (!names.has(n.sheet) && !written.includes(n.sheet)) continue;
      context.workbook.names.add(n.name, `='${n.sheet.replace(/'/g, "''")}'!${n.range}`);
      track(batch, n);
    }
  }
  await sync(batch);
  return { syncs: batch.payloads.length, payloads: batch.payloads, written, existing, degraded };
}
