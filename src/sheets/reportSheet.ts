import type { Cell, ConditionalRule, SheetSpec } from "./plan";
import { rowHeight } from "./plan";
import { col, mainBlock, quote } from "./refs";
import { SECTION_MARK } from "./indicatorSheet";
import { reportWordFormula } from "./formulas";
import { REPORT_VERDICT } from "./verdicts";

/**
 * The year-end report (Báo cáo kết quả thực hiện) in the form provincial reports use: TT | Chỉ tiêu | ĐVT |
 * Kế hoạch | Ước thực hiện | So với kế hoạch | Đánh giá (Vượt / Đạt / Không đạt), grouped by appendix and
 * section, and above it the sentence such reports open with, in Vietnamese and English. Every cell is a formula
 * over the appendix sheets, so the report stays live as actuals are typed. `reportSentence` writes the same
 * sentence from the engine's judgements (the pane's print tab); a test recalculates the sheet in LibreOffice and
 * compares the two.
 */
export const REPORT_SHEET = "Báo cáo năm";
/** Cell A1 of the report sheet: how a refresh knows the sheet is the add-in's, whatever staff named theirs. */
export const REPORT_MARK = "im:report";

export { REPORT_VERDICT } from "./verdicts";

/** The block a sheet reports for a year: that year's when the sheet has one, else its main block (the period, the year, the plan). */
export function reportBlock(sheet: SheetSpec, year: string): string {
  return sheet.columns.some((c) => c.key === `status:${year}`) ? year : mainBlock(sheet);
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

export interface ReportCounts {
  exceeded: number;
  met: number;
  /** Names of the indicators not met (near or short), in report order. */
  notMet: string[];
  noData: number;
  invalid: number;
}

/** "Năm 2025, có 18/23 chỉ tiêu đạt và vượt kế hoạch (vượt 7, đạt 11); 5 chỉ tiêu không đạt: …; 2 chỉ tiêu chưa có số liệu." */
export function reportSentence(c: ReportCounts, year: string, lang: "vi" | "en"): string {
  const judged = c.exceeded + c.met + c.notMet.length;
  const list = c.notMet.length ? `: ${c.notMet.join(", ")}` : "";
  if (judged === 0) {
    return lang === "vi"
      ? `Năm ${year}: chưa có chỉ tiêu nào đủ số liệu để đánh giá; ${c.noData} chỉ tiêu chưa có số liệu${c.invalid > 0 ? `; ${c.invalid} chỉ tiêu có lỗi nhập liệu` : ""}.`
      : `In ${year}: no indicator has data to judge yet; ${c.noData} without data${c.invalid > 0 ? `; ${c.invalid} with invalid input` : ""}.`;
  }
  if (lang === "vi") {
    const bad = c.invalid > 0 ? `; ${c.invalid} chỉ tiêu có lỗi nhập liệu` : "";
    return `Năm ${year}, có ${c.exceeded + c.met}/${judged} chỉ tiêu đạt và vượt kế hoạch (vượt ${c.exceeded}, đạt ${c.met}); ${c.notMet.length} chỉ tiêu không đạt${list}; ${c.noData} chỉ tiêu chưa có số liệu${bad}.`;
  }
  const bad = c.invalid > 0 ? `; ${c.invalid} with invalid input` : "";
  return `In ${year}, ${c.exceeded + c.met} of ${judged} indicators met or exceeded the plan (exceeded ${c.exceeded}, met ${c.met}); ${c.notMet.length} not met${list}; ${c.noData} without data${bad}.`;
}

const WIDTH = 10; // A (mark) … H (Đánh giá), I and J hidden helpers

export function buildReportSheet(sheets: SheetSpec[], year: string, asOf: string): SheetSpec {
  const rows: Cell[][] = [];
  const pad = (cells: Cell[]) => [...cells, ...Array.from({ length: Math.max(0, WIDTH - cells.length) }, () => ({}))];
  rows.push(pad([{ value: REPORT_MARK, style: "helper" }, { value: `BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM ${year}`, style: "title" }]));
  rows.push(pad([{}, { value: `Số liệu đến ngày ${asOf}. Các ô dưới đây là công thức: tự cập nhật khi nhập số thực hiện ở các trang phụ lục.`, style: "subtitle" }]));
  const sentenceRow = rows.length + 1;
  rows.push(pad([])); // the Vietnamese sentence, filled below
  rows.push(pad([])); // the English one
  rows.push(pad([]));
  const headerRow = rows.length + 1;
  rows.push(pad([{}, ...["TT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Ước thực hiện", "So với kế hoạch", "Đánh giá"].map((h) => ({ value: h, style: "sumHeader" }))]));
  const first = rows.length + 1;
  // The texts the formulas will show, by row, to size the rows (a formula cell has no text to measure).
  const shown = new Map<number, Cell[]>();
  const verdict = reportWordFormula;
  for (const sheet of sheets.filter((s) => s.kind === "indicators")) {
    const block = reportBlock(sheet, year);
    const ref = (key: string, r: number) => {
      const c = col(sheet, key);
      return c ? `${quote(sheet.name)}!${c}${r}` : null;
    };
    rows.push(pad([{}, { value: String(sheet.rows[0]?.[1]?.value ?? sheet.name), style: "section" }, ...Array.from({ length: 6 }, () => ({ style: "section" }))]));
    shown.set(rows.length, [{}, {}, { value: String(sheet.rows[0]?.[1]?.value ?? sheet.name) }]);
    const text = (key: string, r: number) => {
      const i = sheet.columns.findIndex((c) => c.key === key);
      const v = i >= 0 ? sheet.rows[r - 1]?.[i]?.value : undefined;
      return v === undefined || v === null ? "" : String(v);
    };
    const idCol = sheet.columns.findIndex((c) => c.key === "id");
    const { first: from, last: to } = sheet.dataRows ?? { first: 0, last: -1 };
    for (let r = from; r <= to; r++) {
      const id = sheet.rows[r - 1]?.[idCol]?.value;
      if (typeof id === "string" && id.startsWith(SECTION_MARK)) {
        rows.push(pad([{}, { formula: `${ref("code", r)}&""`, style: "section" }, { formula: `${ref("name", r)}&""`, style: "section" }, ...Array.from({ length: 5 }, () => ({ style: "section" }))]));
        shown.set(rows.length, [{}, {}, { value: text("name", r) }]);
        continue;
      }
      if (typeof id !== "string" || sheet.rowOf[id] !== r) continue;
      const plan = ref(`plan:${block}`, r) ?? ref("target", r);
      const actual = ref(`actual:${block}`, r)!;
      const versus = ref(`achievement:${block}`, r);
      const code = ref(`h:${block}:code`, r)!;
      rows.push(
        pad([
          {},
          { formula: `${ref("code", r)}&""`, style: "center" },
          { formula: `${ref("name", r)}&""`, style: "sumLabel" },
          ref("unit", r) ? { formula: `${ref("unit", r)}&""`, style: "sumLabel" } : { style: "sumLabel" },
          plan ? { formula: `${plan}&""`, style: "sumLabel" } : { style: "sumLabel" },
          { formula: `IF(${actual}="","",${actual})`, style: "sumLabel" },
          versus ? { formula: `IF(ISNUMBER(${versus}),${versus},"")`, style: "sumPercent" } : { style: "sumPercent" },
          { formula: verdict(code), style: "status" },
        ]),
      );
      shown.set(rows.length, [{}, {}, { value: text("name", r) }, { value: text("unit", r) }, { value: text(`plan:${block}`, r) || text("target", r) }]);
    }
  }
  if (rows.length < first) rows.push(pad([])); // no appendix sheet: one empty row keeps the formulas' ranges whole
  const last = rows.length;
  // Hidden helpers: I — the names not met so far, joined; the counts read column H.
  for (let r = first; r <= last; r++) {
    const cells = rows[r - 1]!;
    cells[8] = { formula: `${r === first ? '""' : `I${r - 1}`}&IF(H${r}="Không đạt",IF(${r === first ? '""' : `I${r - 1}`}="","",", ")&C${r},"")`, style: "helper" };
  }
  const count = (word: string) => `COUNTIF(H${first}:H${last},"${word}")`;
  const exc = count("Vượt");
  const met = count("Đạt");
  const not = count("Không đạt");
  const noData = count("Chưa có số liệu");
  const bad = count("Lỗi nhập liệu");
  const list = `I${last}`;
  const judged = `(${exc}+${met}+${not})`;
  const badVi = `IF(${bad}>0,"; "&${bad}&" chỉ tiêu có lỗi nhập liệu","")`;
  const badEn = `IF(${bad}>0,"; "&${bad}&" with invalid input","")`;
  rows[sentenceRow - 1]![1] = {
    formula: `IF(${judged}=0,"Năm ${year}: chưa có chỉ tiêu nào đủ số liệu để đánh giá; "&${noData}&" chỉ tiêu chưa có số liệu"&${badVi}&".","Năm ${year}, có "&(${exc}+${met})&"/"&(${exc}+${met}+${not})&" chỉ tiêu đạt và vượt kế hoạch (vượt "&${exc}&", đạt "&${met}&"); "&${not}&" chỉ tiêu không đạt"&IF(${not}>0,": "&${list},"")&"; "&${noData}&" chỉ tiêu chưa có số liệu"&${badVi}&".")`,
    style: "subtitleWrap",
  };
  rows[sentenceRow]![1] = {
    formula: `IF(${judged}=0,"In ${year}: no indicator has data to judge yet; "&${noData}&" without data"&${badEn}&".","In ${year}, "&(${exc}+${met})&" of "&(${exc}+${met}+${not})&" indicators met or exceeded the plan (exceeded "&${exc}&", met "&${met}&"); "&${not}&" not met"&IF(${not}>0,": "&${list},"")&"; "&${noData}&" without data"&${badEn}&".")`,
    style: "subtitleWrap",
  };
  const conditional: ConditionalRule[] = (["exceeded", "met", "shortfall", "no_data", "invalid"] as const).map((s) => ({
    range: `H${first}:H${last}`,
    formula: `H${first}="${REPORT_VERDICT[s]!.vi}"`,
    style: `cf.${s}`,
  }));
  const columns = [
    { key: "mark", header: "", width: 2, hidden: true },
    { key: "code", header: "TT", width: 6 },
    { key: "name", header: "Chỉ tiêu", width: 46 },
    { key: "unit", header: "ĐVT", width: 12 },
    { key: "plan", header: "Kế hoạch", width: 18 },
    { key: "actual", header: "Ước thực hiện", width: 14 },
    { key: "versus", header: "So với kế hoạch", width: 12 },
    { key: "verdict", header: "Đánh giá", width: 16 },
    { key: "h:notMet", header: "_không đạt", width: 8, hidden: true },
    { key: "pad", header: "", width: 2, hidden: true },
  ];
  const heights: Record<string, number> = { "1": 22, [String(sentenceRow)]: 48, [String(sentenceRow + 1)]: 48, [String(headerRow)]: 30 };
  for (const [r, cells] of shown) heights[String(r)] = rowHeight(cells, columns);
  return {
    name: REPORT_SHEET,
    kind: "report",
    plan: null,
    appendix: null,
    columns,
    rows,
    heights,
    merges: [`B1:H1`, `B2:H2`, `B${sentenceRow}:H${sentenceRow}`, `B${sentenceRow + 1}:H${sentenceRow + 1}`],
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
      area: `B1:H${last}`,
      header: `&L&8Theo dõi chỉ tiêu — báo cáo năm ${year}&R&8Số liệu đến ${asOf}`,
      footer: `&C&8Trang &P/&N`,
    },
    protect: false,
    tabColor: "375623",
  };
}
