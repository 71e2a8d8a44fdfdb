import { freeSheetName, renameSheets, sheetKey } from "../../sheets/names";
import { withColumnBreaks } from "./breaks";
import ExcelJS from "exceljs";
import type { Cell, SheetPlan, SheetSpec, StyleSpec } from "../../sheets/plan";
import { toFileFormula } from "./formula";

/**
 * Applies a sheet plan to an .xlsx workbook with ExcelJS: values, formulas, styles, merged titles, the Excel
 * table, conditional formats, input validation (warnings, never a hard stop), print setup and protection.
 * Text is always written as a text cell: only the plan's formulas become formulas.
 */
export function excelStyle(s: StyleSpec): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (s.bold || s.italic || s.size || s.font) {
    style.font = { name: "Arial", size: s.size ?? 10, bold: s.bold, italic: s.italic, color: s.font ? { argb: `FF${s.font}` } : undefined };
  }
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${s.fill}` } };
  if (s.numFmt) style.numFmt = s.numFmt;
  if (s.hAlign || s.vAlign || s.wrap || s.indent) {
    style.alignment = { horizontal: s.hAlign, vertical: s.vAlign, wrapText: s.wrap, indent: s.indent };
  }
  if (s.border) {
    const thin = { style: "thin" as const, color: { argb: "FFA6A6A6" } };
    style.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (s.locked === false) style.protection = { locked: false };
  return style;
}

/** One planned cell into an ExcelJS cell: its formula (in the file's form) or its value, and its style. */
export function writeCell(target: ExcelJS.Cell, cell: Cell, style: Partial<ExcelJS.Style> | undefined): void {
  if (cell.formula !== undefined) target.value = { formula: toFileFormula(cell.formula) } as ExcelJS.CellFormulaValue;
  else if (cell.value !== undefined && cell.value !== null) target.value = cell.value;
  if (style) target.style = style as ExcelJS.Style;
}

const PROTECTION = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, insertRows: true, insertColumns: true, autoFilter: true, sort: true };

export function addSheet(wb: ExcelJS.Workbook, plan: SheetPlan, sheet: SheetSpec): void {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.hidden ? "hidden" : "visible",
    properties: sheet.tabColor ? { tabColor: { argb: `FF${sheet.tabColor}` } } : {},
    views: sheet.freeze.row || sheet.freeze.column ? [{ state: "frozen", xSplit: sheet.freeze.column, ySplit: sheet.freeze.row }] : [],
  });
  ws.columns = sheet.columns.map((c) => ({ key: c.key, width: c.width, hidden: c.hidden ?? false }));
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (key: string | undefined) => {
    if (!key) return undefined;
    let s = styles.get(key);
    if (!s) {
      s = excelStyle(plan.styles[key] ?? {});
      styles.set(key, s);
    }
    return s;
  };
  if (sheet.table) {
    // A real Excel table over the header and data rows: filter buttons, sorting, a name Office.js can address.
    const { headerRow } = sheet.table;
    const last = sheet.dataRows?.last ?? headerRow;
    const seen = new Map<string, number>();
    const names = (sheet.rows[headerRow - 1] ?? []).map((c, i) => {
      const base = String(c.value ?? "") || `Cột ${i + 1}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return n === 1 ? base : `${base} (${n})`;
    });
    const tableRows = sheet.rows.slice(headerRow, last).map((cells) =>
      names.map((_, ci) => {
        const cell = cells[ci];
        if (cell?.formula !== undefined) return { formula: toFileFormula(cell.formula) } as ExcelJS.CellFormulaValue;
        return cell?.value ?? null;
      }),
    );
    ws.addTable({
      name: sheet.table.name,
      ref: `A${headerRow}`,
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleLight1", showRowStripes: false },
      columns: names.map((name) => ({ name, filterButton: true })),
      rows: tableRows.length > 0 ? tableRows : [names.map(() => null)],
    });
  }
  sheet.rows.forEach((cells, ri) => {
    const row = ws.getRow(ri + 1);
    cells.forEach((cell, ci) => writeCell(row.getCell(ci + 1), cell, styleOf(cell.style)));
  });
  for (const [r, h] of Object.entries(sheet.heights)) {
    const row = ws.getRow(Number(r));
    if (h === 0) row.hidden = true;
    else row.height = h;
  }
  for (const m of sheet.merges) ws.mergeCells(m);
  sheet.conditional.forEach((rule, k) => {
    const s = plan.styles[rule.style] ?? {};
    ws.addConditionalFormatting({
      ref: rule.range,
      rules: [
        {
          type: "expression",
          priority: k + 1,
          formulae: [toFileFormula(rule.formula)],
          style: {
            fill: s.fill ? { type: "pattern", pattern: "solid", bgColor: { argb: `FF${s.fill}` }, fgColor: { argb: `FF${s.fill}` } } : undefined,
            font: s.font ? { color: { argb: `FF${s.font}` }, bold: s.bold } : undefined,
          },
        },
      ],
    });
  });
  for (const v of sheet.validations) {
    const common = {
      allowBlank: true,
      showInputMessage: true,
      promptTitle: v.prompt.title,
      prompt: v.prompt.text,
      showErrorMessage: true,
      errorStyle: "warning" as const,
      errorTitle: v.error.title,
      error: v.error.text,
    };
    const validation: ExcelJS.DataValidation =
      v.kind === "list"
        ? { type: "list", formulae: [`"${(v.list ?? []).join(",")}"`], ...common }
        : { type: "decimal", operator: "between", formulae: [-1e15, 1e15], ...common };
    (ws as unknown as { dataValidations: { add: (range: string, v: ExcelJS.DataValidation) => void } }).dataValidations.add(v.range, validation);
  }
  const p = sheet.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: p.paperSize,
    orientation: p.orientation,
    ...(p.scale ? { fitToPage: false, scale: p.scale } : { fitToPage: true, fitToWidth: p.fitToWidth, fitToHeight: p.fitToHeight }),
    // ExcelJS prefixes "$" to each end's column only ("$B1:$L37"), which LibreOffice reads as no print area:
    // give the rows their "$" too.
    // A hidden sheet (the word lists) gets none: LibreOffice prints a hidden sheet that has a print area.
    printArea: sheet.hidden ? undefined : p.area.replace(/([A-Z]+)(\d+)/g, "$1$$$2"),
    printTitlesRow: p.titleRows ?? undefined,
    printTitlesColumn: p.titleColumns,
    pageOrder: "downThenOver",
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    horizontalCentered: true,
  };
  ws.headerFooter = { oddHeader: p.header, oddFooter: p.footer };
  // A page starts before each of these rows: ExcelJS breaks after the row it is given.
  for (const r of p.rowBreaks ?? []) if (r > 1) ws.getRow(r - 1).addPageBreak();
  // No password: protection guards targets and formulas against slips, staff can still add rows and columns.
  if (sheet.protect) void ws.protect("", PROTECTION);
}

export function toWorkbook(plan: SheetPlan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Theo dõi chỉ tiêu";
  wb.title = plan.title;
  return writeInto(wb, plan, []);
}

/**
 * Writes a plan into a workbook that may hold other sheets: the sheets named in `replace` are removed first,
 * every other sheet is left as it is and placed after the plan's sheets.
 */
export function writeInto(wb: ExcelJS.Workbook, given: SheetPlan, replace: string[]): ExcelJS.Workbook {
  wb.calcProperties.fullCalcOnLoad = true;
  for (const ws of [...wb.worksheets]) if (replace.includes(ws.name)) wb.removeWorksheet(ws.id);
  const kept = [...wb.worksheets];
  // A plan sheet whose name a kept sheet of staff's already has (names compare without case) takes a free name,
  // "Báo cáo năm (2)", with every formula that names it rewritten — as inside Excel.
  const taken = new Set(kept.map((ws) => sheetKey(ws.name)));
  const renames = new Map<string, string>();
  for (const sheet of given.sheets) {
    const name = freeSheetName(sheet.name, taken);
    taken.add(sheetKey(name));
    if (name !== sheet.name) renames.set(sheet.name, name);
  }
  const plan = renameSheets(given, renames);
  for (const sheet of plan.sheets) addSheet(wb, plan, sheet);
  // ExcelJS orders sheets by orderNo (not in its typings): the plan's sheets first, then the kept ones.
  wb.worksheets.forEach((ws) => {
    const k = kept.indexOf(ws);
    const at = k >= 0 ? plan.sheets.length + k : plan.sheets.findIndex((s) => s.name === ws.name);
    (ws as unknown as { orderNo: number }).orderNo = at + 1;
  });
  for (const n of plan.names) wb.definedNames.add(`'${n.sheet.replace(/'/g, "''")}'!${n.range}`, n.name);
  return wb;
}

/** The .xlsx bytes of a workbook holding the plan's sheets, with what ExcelJS cannot write added (column page breaks). */
export async function workbookBytes(wb: ExcelJS.Workbook, plan: SheetPlan | null): Promise<Uint8Array> {
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return plan ? withColumnBreaks(bytes, plan.sheets.map((s) => ({ name: s.name, columnBreaks: s.print.columnBreaks }))) : bytes;
}

export async function workbookBuffer(plan: SheetPlan): Promise<ArrayBuffer> {
  const bytes = await workbookBytes(toWorkbook(plan), plan);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
