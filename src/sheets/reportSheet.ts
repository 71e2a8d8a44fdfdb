import type { Cell, ColumnSpec, ConditionalRule, SheetSpec } from "./plan";
import { rowHeight } from "./plan";
import { col, mainBlock, quote } from "./refs";
import { PART_KEY, PART_MARK, SECTION_MARK } from "./indicatorSheet";
import { reportWordFormula, targetHelpers, type TargetHelpers } from "./formulas";
import { periodYearOf } from "./pace";
import { REPORT_VERDICT } from "./verdicts";
import type { Indicator } from "../model/indicator";
import { emptyTarget, type Target } from "../model/target";
import { longestReason, reasonFormula, versusFormula, type BlockCells } from "./reportFormulas";
import { ITEM_MARK, NOT_DUE, NOT_MET_HEADING, OVERALL, itemName, partGroups } from "./reportText";

/**
 * The year-end report (Báo cáo kết quả thực hiện) as a province sends it: the opening sentence (the totals) and
 * a line per indicator not met, then TT | Chỉ tiêu | ĐVT | Kế hoạch | Ước thực hiện | So với kế hoạch | Đánh giá
 * grouped by appendix and section, then the place, the date and the signatures. Every figure is a formula over
 * the appendix sheets, so the report stays live as actuals are typed. Counts follow model/counting.ts: a packed
 * row is one indicator, judged from its parts (shown beneath it, never counted). A target due after the report
 * year is shown with its progress and "Chưa đến hạn đánh giá". `reportSentence` (reportText.ts) writes the same
 * sentence from the engine's judgements (the pane's print tab); a test recalculates the sheet in LibreOffice and
 * compares the two.
 *
 * The sentence is Vietnamese only: the workbook is built in Vietnamese (no option builds it in English), and a
 * report is sent in Vietnamese; the pane gives the English sentence to a reader who chose English.
 */
export const REPORT_SHEET = "Báo cáo năm";
/** Cell A1 of the report sheet: how a refresh knows the sheet is the add-in's, whatever staff named theirs. */
export const REPORT_MARK = "im:report";

export { REPORT_VERDICT } from "./verdicts";
export { reportSentence, notMetLines, type ReportCounts } from "./reportText";

/** The block a sheet reports for a year: that year's when the sheet has one, else its main block (the period, the year, the plan). */
export function reportBlock(sheet: SheetSpec, year: string): string {
  return sheet.columns.some((c) => c.key === `status:${year}`) ? year : mainBlock(sheet);
}

/** The year a block's target falls due: its own year, the last year of a whole period; null when it names none. */
export function dueYear(sheet: SheetSpec, block: string): string | null {
  if (/^\d{4}$/.test(block)) return block;
  if (block !== "period") return null;
  const years = sheet.columns.filter((c) => /^status:\d{4}$/.test(c.key)).map((c) => c.key.slice(7)).sort();
  return years[years.length - 1] ?? null;
}

/** Whether a sheet's targets are due in the report year (a 2030 target is not due in 2025). */
export function dueIn(sheet: SheetSpec, year: string): boolean {
  const due = dueYear(sheet, reportBlock(sheet, year));
  return due === null || due <= year;
}

/**
 * The year the report is for: the year of "Số liệu đến" when a sheet has a block for it, else the latest year
 * block before it (a 2025 plan reported in early 2026 is the 2025 report), else that year.
 */
export function reportYearOf(sheets: SheetSpec[], asOf: string): string {
  const asOfYear = /((?:19|20)\d\d)\s*$/.exec(asOf)?.[1] ?? String(new Date().getFullYear());
  const years = [...new Set(sheets.filter((s) => s.kind === "indicators").flatMap((s) => s.columns.filter((c) => /^status:\d{4}$/.test(c.key)).map((c) => c.key.slice(7))))].sort();
  if (years.includes(asOfYear)) return asOfYear;
  const before = years.filter((y) => y < asOfYear);
  return before[before.length - 1] ?? years[years.length - 1] ?? asOfYear;
}

/** The report's columns: B–H print; I–P are hidden helpers (the running list of not-met lines and its counts). */
const COLUMNS: ColumnSpec[] = [
  { key: "mark", header: "", width: 2, hidden: true },
  { key: "code", header: "TT", width: 6 },
  { key: "name", header: "Chỉ tiêu", width: 44 },
  { key: "unit", header: "ĐVT", width: 11 },
  { key: "plan", header: "Kế hoạch", width: 18 },
  { key: "actual", header: "Ước thực hiện", width: 13 },
  { key: "versus", header: "So với kế hoạch", width: 11 },
  { key: "verdict", header: "Đánh giá", width: 20 },
  { key: "h:list", header: "_dòng không đạt", width: 8, hidden: true },
  { key: "h:kind", header: "_loại dòng", width: 8, hidden: true },
  { key: "h:label", header: "_tên", width: 8, hidden: true },
  { key: "h:item", header: "_dòng", width: 8, hidden: true },
  { key: "h:lines", header: "_số dòng", width: 8, hidden: true },
  { key: "h:used", header: "_đã dùng", width: 8, hidden: true },
  { key: "h:listed", header: "_đã liệt kê", width: 8, hidden: true },
  { key: "h:code", header: "_mã", width: 8, hidden: true },
];
const WIDTH = COLUMNS.length;
/** What column H says for each row kind: a counted indicator, a part of a packed row. */
const COUNTED = "ind";
/** The printed width B:H in characters, and the characters a wrapped line of it holds (as `rowHeight` measures). */
const PRINTED = COLUMNS.slice(1, 8).reduce((s, c) => s + c.width, 0);
const PER_LINE = Math.floor(PRINTED * 1.15);
/** The lines the not-met list may take on the page: its heading, the indicators, a last "và N chỉ tiêu khác". */
export const LIST_LINES = 8;
/** The sentence at its longest (every clause, four-digit counts), to size its row. */
const LONGEST_SENTENCE =
  "Năm 2025, tổng số 9999 chỉ tiêu: có 9999/9999 chỉ tiêu đạt và vượt kế hoạch (vượt 9999, đạt 9999); 9999 chỉ tiêu không đạt; 9999 chỉ tiêu chưa có số liệu; 9999 chỉ tiêu có lỗi nhập liệu; 9999 chỉ tiêu không đánh giá; 9999 chỉ tiêu chưa đến hạn đánh giá.";
const across = (text: string) => rowHeight([{ value: text }], [{ key: "all", header: "", width: PRINTED }]);

interface Row {
  cells: Cell[];
  height?: number;
  /** Ranges merged on this row ("B7:H7"). */
  merges?: string[];
}

/** The target a block judges for an indicator: its year's in a table of years, the plan's otherwise. */
function blockTarget(sheet: SheetSpec, block: string, ind: Indicator | undefined): Target | null {
  if (!ind) return null;
  return sheet.columns.some((c) => c.key === `plan:${block}`) ? (ind.yearly[block] ?? emptyTarget("", "none")) : ind.target;
}

export function buildReportSheet(sheets: SheetSpec[], year: string, asOf: string, options: { indicators?: ReadonlyMap<string, Indicator>; place?: string } = {}): SheetSpec {
  const out: Row[] = [];
  const pad = (cells: Cell[]) => [...cells, ...Array.from({ length: Math.max(0, WIDTH - cells.length) }, () => ({}))];
  const push = (cells: Cell[], extra: Omit<Row, "cells"> = {}) => out.push({ cells: pad(cells), ...extra });
  const across2 = (r: number) => [`B${r}:H${r}`];
  push([{ value: REPORT_MARK, style: "helper" }, { value: `BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM ${year}`, style: "title" }], { height: 22, merges: across2(1) });
  push([{}, { value: `Số liệu đến ngày ${asOf}. Các ô dưới đây là công thức: tự cập nhật khi nhập số thực hiện ở các trang phụ lục.`, style: "subtitle" }], { merges: across2(2) });
  const sentenceRow = out.length + 1;
  push([], { height: across(LONGEST_SENTENCE), merges: across2(sentenceRow) }); // the sentence, filled below
  const listRow = out.length + 1;
  push([], { height: LIST_LINES * 13 + 3, merges: across2(listRow) }); // the lines not met, filled below
  push([]);
  const headerRow = out.length + 1;
  push([{}, ...COLUMNS.slice(1, 8).map((c) => ({ value: c.header, style: "sumHeader" }))], { height: 30 });
  const first = out.length + 1;
  const fill = (from: number, style: string) => Array.from({ length: 8 - from }, () => ({ style }));

  for (const sheet of sheets.filter((s) => s.kind === "indicators")) {
    const block = reportBlock(sheet, year);
    const due = dueIn(sheet, year);
    const at = (key: string) => sheet.columns.findIndex((c) => c.key === key);
    const ref = (key: string, r: number) => {
      const c = col(sheet, key);
      return c ? `${quote(sheet.name)}!${c}${r}` : null;
    };
    const text = (key: string, r: number) => {
      const v = at(key) >= 0 ? sheet.rows[r - 1]?.[at(key)]?.value : undefined;
      return v === undefined || v === null ? "" : String(v);
    };
    const { first: from, last: to } = sheet.dataRows ?? { first: 0, last: -1 };
    const ids: string[] = [];
    for (let r = from; r <= to; r++) {
      const id = sheet.rows[r - 1]?.[at("id")]?.value;
      if (typeof id === "string" && !id.startsWith(SECTION_MARK) && sheet.rowOf[id] === r) ids.push(id);
    }
    const isPart = (r: number) => text(PART_KEY, r) === PART_MARK;
    const counted = ids.filter((id) => !isPart(sheet.rowOf[id]!)).length;
    // The appendix's heading across the table, with its count (model/counting.ts) and, for a later target, when it falls due.
    const heading = String(sheet.rows[0]?.[1]?.value ?? sheet.name);
    const dueNote = due ? "" : ` — mục tiêu đến năm ${dueYear(sheet, block)}, chưa đến hạn đánh giá năm ${year}`;
    const headingText = `${heading} (${counted} chỉ tiêu${dueNote})`;
    push([{}, { value: headingText, style: "section" }, ...fill(2, "section")], { height: across(headingText), merges: across2(out.length + 1) });

    // The pace's estimate ("Ước cả năm", from the periods typed) stands for the year while its cell is empty.
    const estimate = periodYearOf([sheet]) === block && col(sheet, "estimate") ? "estimate" : null;
    const cellsOf = (b: string, r: number): BlockCells => ({
      code: ref(`h:${b}:code`, r)!,
      value: ref(`h:${b}:value`, r)!,
      min: ref(`h:${b}:min`, r)!,
      max: ref(`h:${b}:max`, r)!,
      baseline: ref(`h:${b}:baseline`, r)!,
      years: ref(`h:${b}:years`, r)!,
      direction: ref("h:direction", r)!,
    });
    let parts: { row: number; name: string }[] = [];
    for (let r = from; r <= to; r++) {
      const idValue = sheet.rows[r - 1]?.[at("id")]?.value;
      if (typeof idValue === "string" && idValue.startsWith(SECTION_MARK)) {
        const n = out.length + 1;
        push([{}, { formula: `${ref("code", r)}&""`, style: "section" }, { formula: `${ref("name", r)}&""`, style: "section" }, ...fill(3, "section")], {
          height: rowHeight([{ value: text("name", r) }], [{ key: "n", header: "", width: PRINTED - COLUMNS[1]!.width }]),
          merges: [`C${n}:H${n}`],
        });
        continue;
      }
      if (typeof idValue !== "string" || sheet.rowOf[idValue] !== r) continue;
      const n = out.length + 1;
      const ind = options.indicators?.get(idValue);
      const kind = text(`h:${block}:kind`, r);
      const target = blockTarget(sheet, block, ind);
      const h: TargetHelpers = target
        ? targetHelpers(target, ind!.unit)
        : { ...targetHelpers(emptyTarget("", "none"), ""), kind: kind as Target["kind"], min: Number(text(`h:${block}:min`, r)) || null, max: Number(text(`h:${block}:max`, r)) || null };
      const part = isPart(r);
      const yc = cellsOf(block, r);
      const actual = ref(`actual:${block}`, r)!;
      // The estimate judged against the year's target (not a quarter of a scenario) stands in while the year's cell is empty.
      const withEstimate = estimate !== null && due && !part && kind !== "composite" && !sheet.rows[r - 1]?.[at("h:pace:min")]?.formula;
      const useEstimate = withEstimate ? `AND(${actual}="",ISNUMBER(${ref("estimate", r)}))` : null;
      const code = due ? (useEstimate ? `IF(${useEstimate},${ref("h:pace:code", r)},${yc.code})` : yc.code) : `"${NOT_DUE.code}"`;
      const versus = useEstimate ? `IF(${useEstimate},${versusFormula(cellsOf("pace", r), h)},${versusFormula(yc, h)})` : versusFormula(yc, h);
      const shownActual = useEstimate ? `IF(${actual}="",IF(ISNUMBER(${ref("estimate", r)}),${ref("estimate", r)},""),${actual})` : `IF(${actual}="","",${actual})`;
      const plan = ref(`plan:${block}`, r) ?? ref("target", r);
      const verdict = due ? `IF(P${n}="not_applicable","${REPORT_VERDICT.not_applicable.vi} ("&${reasonFormula(yc, kind)}&")",${reportWordFormula(`P${n}`)})` : `"${NOT_DUE.vi}"`;
      const name = text("name", r);
      const cells: Cell[] = [
        {},
        { formula: `${ref("code", r)}&""`, style: "center" },
        { formula: `${ref("name", r)}&""`, style: part ? "name1" : "sumLabel" },
        ref("unit", r) ? { formula: `${ref("unit", r)}&""`, style: "unit" } : { style: "unit" },
        plan ? { formula: `${plan}&""`, style: "sumLabel" } : { style: "sumLabel" },
        { formula: shownActual, style: "sumLabel" },
        { formula: versus, style: "reportPercent" },
        { formula: verdict, style: "reportStatus" },
      ];
      cells[9] = { value: part ? PART_MARK : COUNTED, style: "helper" };
      cells[10] = { value: itemName(name), style: "helper" };
      cells[15] = { formula: code, style: "helper" };
      const notMet = (row: number) => `OR(P${row}="near",P${row}="shortfall")`;
      if (part) {
        parts.push({ row: n, name });
        cells[11] = { value: "", style: "helper" };
      } else {
        cells[11] = { formula: `IF(${notMet(n)},K${n},"")`, style: "helper" };
        parts = [];
      }
      push(cells, {
        height: rowHeight(
          [{}, {}, { value: name }, { value: text("unit", r) }, { value: text(`plan:${block}`, r) || text("target", r) }, {}, {}, { value: longestReason(kind) ? `${REPORT_VERDICT.not_applicable.vi} (${longestReason(kind)})` : "" }],
          COLUMNS,
        ),
      });
      // A packed row's line names its parts not met with it: "Tăng trưởng GRDP — nông nghiệp" (reportText.ts).
      const next = ids[ids.indexOf(idValue) + 1];
      if (part && (next === undefined || !isPart(sheet.rowOf[next]!))) packedLine(out, parts);
    }
  }
  if (out.length < first) push([]); // no appendix sheet: one empty row keeps the formulas' ranges whole
  const last = out.length;
  // Hidden helpers: the not-met lines that fit the list's room, one after another (I), and what they take (M–O).
  for (let r = first; r <= last; r++) {
    const cells = out[r - 1]!.cells;
    const prev = (c: string, empty: string) => (r === first ? empty : `${c}${r - 1}`);
    if (!cells[11]?.formula && !cells[11]?.value) cells[11] = { value: "", style: "helper" };
    cells[12] = { formula: `IF(L${r}="",0,ROUNDUP((LEN(L${r})+${ITEM_MARK.length})/${PER_LINE},0))`, style: "helper" };
    const fits = `AND(L${r}<>"",${prev("N", "0")}+M${r}<=${LIST_LINES - 2})`;
    cells[13] = { formula: `IF(L${r}="",${prev("N", "0")},IF(${fits},${prev("N", "0")}+M${r},${LIST_LINES}))`, style: "helper" };
    cells[14] = { formula: `${prev("O", "0")}+IF(${fits},1,0)`, style: "helper" };
    cells[8] = { formula: `${prev("I", '""')}&IF(${fits},IF(${prev("I", '""')}="","",CHAR(10))&"${ITEM_MARK}"&L${r},"")`, style: "helper" };
  }
  // The counts, each once, in the hidden helpers of the sentence's row (I–P): the sentence reads them.
  const count = (...codes: string[]) => codes.map((c) => `COUNTIFS(P${first}:P${last},"${c}",J${first}:J${last},"${COUNTED}")`).join("+");
  const tallies = [count("exceeded"), count("met"), count("near", "shortfall"), count("no_data"), count("invalid"), count("not_applicable"), count(NOT_DUE.code), `COUNTIF(J${first}:J${last},"${COUNTED}")`];
  tallies.forEach((formula, k) => (out[sentenceRow - 1]!.cells[8 + k] = { formula, style: "helper" }));
  const [exc, met, not, noData, bad, na, notDue, total] = tallies.map((_, k) => `${"IJKLMNOP"[k]}${sentenceRow}`);
  const judged = `(${exc}+${met}+${not})`;
  const tail = `IF(${bad}>0,"; "&${bad}&" chỉ tiêu có lỗi nhập liệu","")&IF(${na}>0,"; "&${na}&" chỉ tiêu không đánh giá","")&IF(${notDue}>0,"; "&${notDue}&" chỉ tiêu chưa đến hạn đánh giá","")`;
  out[sentenceRow - 1]!.cells[1] = {
    formula: `"Năm ${year}, tổng số "&${total}&" chỉ tiêu: "&IF(${judged}=0,"chưa có chỉ tiêu nào đủ số liệu để đánh giá; "&${noData}&" chỉ tiêu chưa có số liệu","có "&(${exc}+${met})&"/"&${judged}&" chỉ tiêu đạt và vượt kế hoạch (vượt "&${exc}&", đạt "&${met}&"); "&${not}&" chỉ tiêu không đạt; "&${noData}&" chỉ tiêu chưa có số liệu")&${tail}&"."`,
    style: "reportLead",
  };
  const more = `(${not}-O${last})`;
  out[listRow - 1]!.cells[1] = {
    formula: `IF(${not}=0,"","${NOT_MET_HEADING.vi}"&CHAR(10)&I${last}&IF(${more}>0,IF(O${last}>0,CHAR(10)&"${ITEM_MARK}và "&${more}&" chỉ tiêu khác không đạt (xem cột Đánh giá).","${ITEM_MARK}"&${more}&" chỉ tiêu (xem cột Đánh giá)."),""))`,
    style: "subtitleWrap",
  };
  const end = signature(out, push, options.place);
  const conditional: ConditionalRule[] = (["exceeded", "met", "near", "shortfall", "no_data", "invalid"] as const).map((s) => ({
    range: `H${first}:H${last}`,
    formula: `$P${first}="${s}"`,
    style: `cf.${s === "near" ? "shortfall" : s}`,
  }));
  return {
    name: REPORT_SHEET,
    kind: "report",
    plan: null,
    appendix: null,
    columns: COLUMNS,
    rows: out.map((r) => r.cells),
    heights: Object.fromEntries(out.flatMap((r, k) => (r.height ? [[String(k + 1), r.height]] : []))),
    merges: out.flatMap((r) => r.merges ?? []),
    table: null,
    dataRows: { first, last },
    rowOf: {},
    freeze: { row: headerRow, column: 0 },
    conditional,
    validations: [],
    print: {
      orientation: "portrait",
      paperSize: 9,
      fitToWidth: 1,
      fitToHeight: 0,
      titleRows: `${headerRow}:${headerRow}`,
      area: `B1:H${end}`,
      header: `&L&8Theo dõi chỉ tiêu — báo cáo năm ${year}&R&8Số liệu đến ${asOf}`,
      footer: `&C&8Trang &P/&N`,
    },
    protect: false,
    tabColor: "375623",
  };
}

/**
 * The line of a packed row (the row above `parts`) when it is not met: its lead part's name, then its other parts
 * not met, each name once (reportText.ts `packedItem`, as a formula over the parts' verdict codes and names).
 */
function packedLine(out: Row[], parts: { row: number; name: string }[]): void {
  const head = parts[0]!.row - 1;
  const groups = partGroups(parts.map((p) => p.name));
  const notMet = (ks: number[]) => `OR(${ks.map((k) => `P${parts[k]!.row}="near",P${parts[k]!.row}="shortfall"`).join(",")})`;
  const others = groups.others.map((g) => `IF(${notMet(g.parts)},", "&K${parts[g.parts[0]!]!.row},"")`).join("&") || `""`;
  const cells = out[head - 1]!.cells;
  cells[10] = { value: groups.lead, style: "helper" };
  cells[11] = {
    formula: `IF(OR(P${head}="near",P${head}="shortfall"),K${head}&IF(${others}="",""," — "&IF(${notMet(groups.leadParts)},"${OVERALL.vi}, ","")&MID(${others},3,32767)),"")`,
    style: "helper",
  };
}

/** The end of a report: the place and date, who drew it up and the head of the office, with room to sign. */
function signature(out: Row[], push: (cells: Cell[], extra?: Omit<Row, "cells">) => void, place = ""): number {
  push([]);
  const dateRow = out.length + 1;
  push([{}, {}, {}, {}, {}, { value: `${place.trim() || "……………"}, ngày …… tháng …… năm ……`, style: "signDate" }], { merges: [`F${dateRow}:H${dateRow}`] });
  const titles = out.length + 1;
  push([{}, { value: "NGƯỜI LẬP BIỂU", style: "signTitle" }, {}, {}, {}, { value: "THỦ TRƯỞNG ĐƠN VỊ", style: "signTitle" }], { merges: [`B${titles}:D${titles}`, `F${titles}:H${titles}`] });
  const notes = out.length + 1;
  push([{}, { value: "(Ký, ghi rõ họ tên)", style: "signNote" }, {}, {}, {}, { value: "(Ký tên, đóng dấu)", style: "signNote" }], { merges: [`B${notes}:D${notes}`, `F${notes}:H${notes}`] });
  push([], { height: 60 }); // room to sign, inside the print area (a tall row: blank rows are dropped by writers)
  return out.length;
}
