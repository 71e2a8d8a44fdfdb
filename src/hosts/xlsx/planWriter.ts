import type { Cell, SheetPlan, SheetSpec, StyleSpec } from "../../sheets/plan";
import { columnLetter, columnNumber } from "../../sheets/plan";
import { toFileFormula } from "./formula";
import { streamDeflater, zipWriter, type Deflater, type Sink } from "./zip";

/**
 * A sheet plan written straight to SpreadsheetML (ECMA-376 Part 1), part by part into a zip as each is ready:
 * a sheet's XML is built, compressed and written before the next one is begun, so a large workbook costs its
 * plan and one sheet at a time, not a whole workbook model. It writes what the ExcelJS host writes (write.ts:
 * values, formulas with the file format's "_xlfn." prefixes, text always as text, named styles, widths and
 * heights, frozen panes, merged titles, one Excel table per appendix, conditional formats, input validation
 * as warnings, print setup with titles, scale and column breaks, header and footer, protection without a
 * password, hidden sheets, the formulas' names) and a test reads both back and compares them. The ExcelJS host
 * stays for what this cannot do: writing into a workbook that holds sheets of staff's.
 *
 * Element order within a worksheet follows CT_Worksheet (18.3.1.99): sheetPr, dimension, sheetViews,
 * sheetFormatPr, cols, sheetData, sheetProtection, mergeCells, conditionalFormatting, dataValidations,
 * printOptions, pageMargins, pageSetup, headerFooter, rowBreaks, colBreaks, tableParts.
 */
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** XML text: the five entities escaped, and characters XML 1.0 forbids written as Excel writes them (_x000B_). */
export function esc(text: string): string {
  let out = text;
  if (out.includes("&")) out = out.replace(/&/g, "&amp;");
  if (out.includes("<")) out = out.replace(/</g, "&lt;");
  if (out.includes(">")) out = out.replace(/>/g, "&gt;");
  if (out.includes('"')) out = out.replace(/"/g, "&quot;");
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(out)) out = out.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`).replace(/[\ufffe\uffff]/g, "");
  return out;
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;
const absolute = (range: string) => range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

interface StyleTable {
  xf: Map<string, number>;
  dxf: Map<string, number>;
  xml: string;
}

/** styles.xml from the plan's named styles: one cell format per style, one differential format per colour rule's style. */
function styleTable(plan: SheetPlan): StyleTable {
  const fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  const borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  const numFmts: string[] = [];
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  const index = (list: string[], item: string) => {
    const k = list.indexOf(item);
    if (k >= 0) return k;
    list.push(item);
    return list.length - 1;
  };
  const BUILTIN: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
  const xf = new Map<string, number>();
  for (const [key, s] of Object.entries(plan.styles)) xf.set(key, cellFormat(s));
  function cellFormat(s: StyleSpec): number {
    const font = s.bold || s.italic || s.size || s.font ? index(fonts, `<font>${s.bold ? "<b/>" : ""}${s.italic ? "<i/>" : ""}${s.font ? `<color rgb="FF${s.font}"/>` : ""}<sz val="${s.size ?? 10}"/><name val="Arial"/><family val="2"/></font>`) : 0;
    const fill = s.fill ? index(fills, `<fill><patternFill patternType="solid"><fgColor rgb="FF${s.fill}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const thin = '<color rgb="FFA6A6A6"/>';
    const border = s.border ? index(borders, `<border><left style="thin">${thin}</left><right style="thin">${thin}</right><top style="thin">${thin}</top><bottom style="thin">${thin}</bottom><diagonal/></border>`) : 0;
    let numFmt = 0;
    if (s.numFmt) {
      if (BUILTIN[s.numFmt] !== undefined) numFmt = BUILTIN[s.numFmt]!;
      else {
        const code = `formatCode="${esc(s.numFmt)}"`;
        const at = numFmts.findIndex((f) => f.includes(code));
        numFmt = 164 + (at >= 0 ? at : numFmts.push(`<numFmt numFmtId="${164 + numFmts.length}" ${code}/>`) - 1);
      }
    }
    const align =
      s.hAlign || s.vAlign || s.wrap || s.indent
        ? `<alignment${s.hAlign ? ` horizontal="${s.hAlign}"` : ""}${s.vAlign ? ` vertical="${s.vAlign === "middle" ? "center" : s.vAlign}"` : ""}${s.wrap ? ' wrapText="1"' : ""}${s.indent ? ` indent="${s.indent}"` : ""}/>`
        : "";
    const protection = s.locked === false ? '<protection locked="0"/>' : "";
    const applies = `${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""}${numFmt ? ' applyNumberFormat="1"' : ""}${align ? ' applyAlignment="1"' : ""}${protection ? ' applyProtection="1"' : ""}`;
    const body = align + protection;
    return index(xfs, `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applies}${body ? `>${body}</xf>` : "/>"}`);
  }
  const dxfs: string[] = [];
  const dxf = new Map<string, number>();
  const ruleStyles = new Set(plan.sheets.flatMap((s) => s.conditional.map((c) => c.style)));
  for (const key of ruleStyles) {
    const s = plan.styles[key] ?? {};
    const font = s.font || s.bold ? `<font>${s.bold ? "<b/>" : ""}${s.font ? `<color rgb="FF${s.font}"/>` : ""}</font>` : "";
    const fill = s.fill ? `<fill><patternFill patternType="solid"><fgColor rgb="FF${s.fill}"/><bgColor rgb="FF${s.fill}"/></patternFill></fill>` : "";
    dxf.set(key, index(dxfs, `<dxf>${font}${fill}</dxf>`));
  }
  const xml =
    `${XML}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : "") +
    `<fonts count="${fonts.length}">${fonts.join("")}</fonts><fills count="${fills.length}">${fills.join("")}</fills><borders count="${borders.length}">${borders.join("")}</borders>` +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `<dxfs count="${dxfs.length}">${dxfs.join("")}</dxfs><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;
  return { xf, dxf, xml };
}

/** Shared strings: each text once, by first use. */
interface Strings {
  of(text: string): number;
  xml(): string;
}

function sharedStrings(): Strings {
  const index = new Map<string, number>();
  const list: string[] = [];
  let count = 0;
  return {
    of: (text) => {
      let k = index.get(text);
      if (k === undefined) {
        k = list.length;
        list.push(text);
        index.set(text, k);
      }
      count++;
      return k;
    },
    xml: () => {
      const items = list.map((t) => `<si><t${/^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : ""}>${esc(t)}</t></si>`);
      return `${XML}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${list.length}">${items.join("")}</sst>`;
    },
  };
}

/** The table's column names: the header row's texts, made unique as Excel requires ("Ghi chú (2)"). */
export function tableColumnNames(sheet: SheetSpec): string[] {
  const headerRow = sheet.table!.headerRow;
  const seen = new Map<string, number>();
  return sheet.columns.map((_, i) => {
    const cell = sheet.rows[headerRow - 1]?.[i];
    const base = String(cell?.value ?? "") || `Cột ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

function cellXml(ref: string, cell: Cell, style: number | undefined, strings: Strings): string {
  const s = style ? ` s="${style}"` : "";
  if (cell.formula !== undefined) return `<c r="${ref}"${s}><f>${esc(toFileFormula(cell.formula))}</f></c>`;
  const v = cell.value;
  if (v === undefined || v === null) return s ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s} t="s"><v>${strings.of(String(v))}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="s"><v>${strings.of(v)}</v></c>`;
}

function sheetXml(sheet: SheetSpec, styles: StyleTable, strings: Strings, tableRel: string | null): string {
  const parts: string[] = [];
  const p = sheet.print;
  const width = Math.max(sheet.columns.length, ...sheet.rows.map((r) => r.length), 1);
  const height = Math.max(sheet.rows.length, 1);
  const fit = !p.scale;
  parts.push(`${XML}<worksheet ${NS}>`);
  const tab = sheet.tabColor ? `<tabColor rgb="FF${sheet.tabColor}"/>` : "";
  parts.push(`<sheetPr>${tab}${fit ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`);
  parts.push(`<dimension ref="A1:${columnLetter(width)}${height}"/>`);
  const { row: fr, column: fc } = sheet.freeze;
  if (fr || fc) {
    const pane = fr && fc ? "bottomRight" : fr ? "bottomLeft" : "topRight";
    parts.push(
      `<sheetViews><sheetView workbookViewId="0"><pane${fc ? ` xSplit="${fc}"` : ""}${fr ? ` ySplit="${fr}"` : ""} topLeftCell="${columnLetter(fc + 1)}${fr + 1}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`,
    );
  }
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (sheet.columns.length > 0) parts.push(`<cols>${sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.hidden ? ' hidden="1"' : ""}/>`).join("")}</cols>`);
  parts.push("<sheetData>");
  const letters = Array.from({ length: width }, (_, i) => columnLetter(i + 1));
  const names = sheet.table ? tableColumnNames(sheet) : null;
  // Cells inside a merged range take the style of its first cell, as Excel and ExcelJS give them.
  const mergedStyle = new Map<string, string | undefined>();
  for (const m of sheet.merges) {
    const [from, to] = m.split(":");
    const a = /([A-Z]+)(\d+)/.exec(from!)!;
    const b = /([A-Z]+)(\d+)/.exec(to ?? from!)!;
    const style = sheet.rows[Number(a[2]) - 1]?.[columnNumber(a[1]!) - 1]?.style;
    for (let r = Number(a[2]); r <= Number(b[2]); r++) for (let c = columnNumber(a[1]!); c <= columnNumber(b[1]!); c++) if (r !== Number(a[2]) || c !== columnNumber(a[1]!)) mergedStyle.set(`${r}:${c}`, style);
  }
  const heights = sheet.heights;
  const rowCount = Math.max(sheet.rows.length, ...Object.keys(heights).map(Number));
  for (let r = 1; r <= rowCount; r++) {
    const cells = sheet.rows[r - 1] ?? [];
    const h = heights[String(r)];
    const attrs = h === undefined ? "" : h === 0 ? ' hidden="1"' : ` ht="${h}" customHeight="1"`;
    let body = "";
    for (let c = 0; c < cells.length; c++) {
      let cell = cells[c]!;
      // The table's header cells hold its column names.
      if (names && r === sheet.table!.headerRow && cell.formula === undefined) cell = { ...cell, value: names[c] ?? cell.value };
      if (mergedStyle.has(`${r}:${c + 1}`)) cell = { ...cell, style: mergedStyle.get(`${r}:${c + 1}`) };
      body += cellXml(`${letters[c]}${r}`, cell, cell.style ? styles.xf.get(cell.style) : undefined, strings);
    }
    if (body || attrs) parts.push(`<row r="${r}"${attrs}>${body}</row>`);
  }
  parts.push("</sheetData>");
  if (sheet.protect) parts.push('<sheetProtection sheet="1" formatColumns="0" formatRows="0" insertColumns="0" insertRows="0" sort="0" autoFilter="0"/>');
  if (sheet.merges.length) parts.push(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`);
  sheet.conditional.forEach((rule, k) => {
    parts.push(`<conditionalFormatting sqref="${rule.range}"><cfRule type="expression" dxfId="${styles.dxf.get(rule.style) ?? 0}" priority="${k + 1}"><formula>${esc(toFileFormula(rule.formula))}</formula></cfRule></conditionalFormatting>`);
  });
  if (sheet.validations.length) {
    const items = sheet.validations.map((v) => {
      const common = `allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="warning" promptTitle="${esc(v.prompt.title)}" prompt="${esc(v.prompt.text)}" errorTitle="${esc(v.error.title)}" error="${esc(v.error.text)}" sqref="${v.range}"`;
      return v.kind === "list"
        ? `<dataValidation type="list" ${common}><formula1>${esc(`"${(v.list ?? []).join(",")}"`)}</formula1></dataValidation>`
        : `<dataValidation type="decimal" operator="between" ${common}><formula1>-1000000000000000</formula1><formula2>1000000000000000</formula2></dataValidation>`;
    });
    parts.push(`<dataValidations count="${items.length}">${items.join("")}</dataValidations>`);
  }
  parts.push('<printOptions horizontalCentered="1"/><pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  parts.push(`<pageSetup paperSize="${p.paperSize}" orientation="${p.orientation}"${p.scale ? ` scale="${p.scale}"` : ` fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}"`} pageOrder="downThenOver"/>`);
  if (p.header || p.footer) parts.push(`<headerFooter>${p.header ? `<oddHeader>${esc(p.header)}</oddHeader>` : ""}${p.footer ? `<oddFooter>${esc(p.footer)}</oddFooter>` : ""}</headerFooter>`);
  const rowBreaks = (p.rowBreaks ?? []).filter((r) => r > 1);
  if (rowBreaks.length) parts.push(`<rowBreaks count="${rowBreaks.length}" manualBreakCount="${rowBreaks.length}">${rowBreaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join("")}</rowBreaks>`);
  const breaks = p.columnBreaks ?? [];
  if (breaks.length) parts.push(`<colBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((b) => `<brk id="${columnNumber(b) - 1}" max="1048575" man="1"/>`).join("")}</colBreaks>`);
  if (tableRel) parts.push(`<tableParts count="1"><tablePart r:id="${tableRel}"/></tableParts>`);
  parts.push("</worksheet>");
  return parts.join("");
}

function tableXml(sheet: SheetSpec, id: number): string {
  const t = sheet.table!;
  const names = tableColumnNames(sheet);
  const ref = t.ref;
  return (
    `${XML}<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${esc(t.name)}" displayName="${esc(t.name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${names.length}">${names.map((n, k) => `<tableColumn id="${k + 1}" name="${esc(n.replace(/\n/g, " "))}"/>`).join("")}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/></table>'
  );
}

function w3c(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

/** Writes a plan as an .xlsx package into `sink`, part after part. */
export async function writePlanPackage(plan: SheetPlan, sink: Sink, deflater: Deflater, when = new Date()): Promise<void> {
  const zip = zipWriter(sink, deflater, when);
  const styles = styleTable(plan);
  const strings = sharedStrings();
  const sheets = plan.sheets;
  const tables = sheets.map((s, i) => (s.table ? i : -1)).filter((i) => i >= 0);
  const overrides = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
    ...sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`),
    ...tables.map((_, k) => `<Override PartName="/xl/tables/table${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`),
  ];
  await zip.add(
    "[Content_Types].xml",
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`,
  );
  await zip.add(
    "_rels/.rels",
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  );
  await zip.add(
    "docProps/core.xml",
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Theo dõi chỉ tiêu</dc:creator><dc:title>${esc(plan.title)}</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">${w3c(when)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${w3c(when)}</dcterms:modified></cp:coreProperties>`,
  );
  await zip.add("docProps/app.xml", `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Theo dõi chỉ tiêu</Application></Properties>`);
  // The workbook: its sheets, the names the formulas use, print areas and titles, recalculation on open.
  const defined: string[] = plan.names.map((n) => `<definedName name="${esc(n.name)}">${esc(`${quoteSheet(n.sheet)}!${n.range}`)}</definedName>`);
  sheets.forEach((s, i) => {
    const p = s.print;
    if (!s.hidden && p.area) defined.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${esc(`${quoteSheet(s.name)}!${absolute(p.area)}`)}</definedName>`);
    const titles = [p.titleColumns ? `${quoteSheet(s.name)}!$${p.titleColumns.split(":")[0]}:$${p.titleColumns.split(":")[1]}` : null, p.titleRows ? `${quoteSheet(s.name)}!$${p.titleRows.split(":")[0]}:$${p.titleRows.split(":")[1]}` : null].filter(Boolean);
    if (!s.hidden && titles.length) defined.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(titles.join(","))}</definedName>`);
  });
  const firstVisible = Math.max(0, sheets.findIndex((s) => !s.hidden));
  await zip.add(
    "xl/workbook.xml",
    `${XML}<workbook ${NS}><workbookPr/><bookViews><workbookView activeTab="${firstVisible}" firstSheet="${firstVisible}"/></bookViews><sheets>${sheets
      .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ""} r:id="rId${i + 1}"/>`)
      .join("")}</sheets>${defined.length ? `<definedNames>${defined.join("")}</definedNames>` : ""}<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`,
  );
  await zip.add(
    "xl/_rels/workbook.xml.rels",
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${sheets.length + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  await zip.add("xl/styles.xml", styles.xml);
  // Every text of every sheet first: readers that stream a package (ExcelJS's among them) need the shared
  // strings before the sheets that point into them.
  for (const sheet of sheets) {
    const names = sheet.table ? tableColumnNames(sheet) : null;
    sheet.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (cell.formula !== undefined) return;
        const v = names && r + 1 === sheet.table!.headerRow ? (names[c] ?? cell.value) : cell.value;
        if (typeof v === "string") strings.of(v);
        else if (typeof v === "number" && !Number.isFinite(v)) strings.of(String(v));
      }),
    );
  }
  await zip.add("xl/sharedStrings.xml", strings.xml());
  let tableId = 0;
  for (const [i, sheet] of sheets.entries()) {
    const table = sheet.table ? ++tableId : 0;
    await zip.add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet, styles, strings, table ? "rId1" : null));
    if (table) {
      await zip.add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/table" Target="../tables/table${table}.xml"/></Relationships>`);
      await zip.add(`xl/tables/table${table}.xml`, tableXml(sheet, table));
    }
  }
  await zip.finish();
}

/** The .xlsx bytes of a plan (the browser's downloads; Node passes zlib). */
export async function planBytes(plan: SheetPlan, deflater: Deflater = streamDeflater, when = new Date()): Promise<ArrayBuffer> {
  const chunks: Uint8Array[] = [];
  await writePlanPackage(plan, (c) => void chunks.push(c), deflater, when);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out.buffer;
}
