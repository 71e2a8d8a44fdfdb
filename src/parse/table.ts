import { foldText } from "../model/ids";
import { cleanText } from "./clean";
import type { NumberStyle } from "./number";

/**
 * Tables in text: what a user gets by copying a table from Word or a PDF, and what the seed documents hold.
 * Cells are separated by tabs. A table starts at a header row and runs over blank lines (page breaks) while
 * tab rows follow; a header repeated after a page break is skipped; a row that only continues the cells of
 * the row above (it starts in lower case, without a row number) is merged into it. Columns are found by
 * their header text, never by position, so a table from another province with other columns works too.
 */

export type ColumnRole =
  | { role: "code" }
  | { role: "name" }
  | { role: "unit" }
  | { role: "agency" }
  | { role: "note" }
  | { role: "target"; year: string | null }
  | { role: "yearly"; year: string }
  | { role: "history"; key: string }
  | { role: "actual"; key: string }
  | { role: "period"; label: string }
  | { role: "other" };

export interface TableRow {
  /** 1-based line in the source where the row starts. */
  line: number;
  cells: string[];
}

export interface TextTable {
  /** 1-based line of the first header row. */
  line: number;
  /** Header text of each column (group and sub-header joined: "Kế hoạch các năm 2021"). */
  headers: string[];
  roles: ColumnRole[];
  rows: TableRow[];
  /** Non-table lines between the previous table (or the start) and this one: appendix number, title. */
  preamble: string[];
  /** vi unless the numbers of the table are written the en-US way ("107.27"). */
  style: NumberStyle;
  /** A table of tasks (Tên đề án/nhiệm vụ, Nội dung công việc), not of indicators. */
  isTaskTable: boolean;
}

const YEAR_SPAN = /((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?/;
const QUARTER = /^(quy (i|ii|iii|iv|1|2|3|4)|6 thang|9 thang|ca nam|nam)$/;

/** What a header says its column holds. `group` is the merged header above it, if any. */
export function classifyHeader(header: string, group = ""): ColumnRole {
  const h = foldText(header);
  const g = foldText(group);
  const both = `${g} ${h}`.trim();
  if (h === "") return { role: "other" };
  if (/^(stt|tt|so tt|so thu tu)$/.test(h)) return { role: "code" };
  if (/^(co quan|don vi) (chu tri|theo doi|chiu trach nhiem)/.test(h) || /^(co quan|don vi) (thuc hien|phu trach)$/.test(h)) {
    return { role: "agency" };
  }
  if (/^(don vi tinh|don vi|dvt)$/.test(h)) return { role: "unit" };
  if (/^ghi chu/.test(h)) return { role: "note" };
  if (/^(chi tieu|ten chi tieu|noi dung chi tieu|nganh kinh te|chi tieu chu yeu|ten de an nhiem vu|noi dung cong viec|noi dung)$/.test(h)) {
    return { role: "name" };
  }
  const span = YEAR_SPAN.exec(header);
  const key = span ? (span[2] ? `${span[1]}-${span[2]}` : span[1]!) : null;
  const quarter = QUARTER.exec(h);
  if (quarter && !/thuc hien|^th /.test(g + " ")) return { role: "period", label: header.trim() };
  // Actual values: "Ước TH năm 2025", "Thực hiện 2025", "TH 6 tháng".
  if (/^(uoc th|uoc thuc hien|uoc tinh|th|thuc hien|tinh hinh thuc hien|ket qua thuc hien)\b/.test(h)) {
    return /^uoc/.test(h) ? { role: "actual", key: key ?? header.trim() } : { role: "history", key: key ?? header.trim() };
  }
  if (/^(thuc hien|th|ket qua)\b/.test(g) && key) return { role: "history", key };
  if (/^(ke hoach|kh|chi tieu|muc tieu)\b/.test(g) && key && !span?.[2]) return { role: "yearly", year: key };
  if (/^(muc tieu|chi tieu ke hoach|chi tieu tinh|chi tieu nam|ke hoach nam|kh nam|ke hoach|kh|chi tieu giao|chi tieu)\b/.test(h)) {
    return { role: "target", year: key };
  }
  if (/^(kich ban)/.test(both)) return { role: "period", label: header.trim() };
  if (/^(19|20)\d\d$/.test(h)) return { role: "yearly", year: h };
  return { role: "other" };
}

function splitCells(line: string): string[] {
  return line.split("\t").map((c) => cleanText(c));
}

function isTabLine(line: string): boolean {
  return line.includes("\t");
}

/** A header row names the indicator column and at least one other known column. */
function headerRoles(cells: string[]): ColumnRole[] | null {
  const roles = cells.map((c) => classifyHeader(c));
  const hasName = roles.some((r) => r.role === "name");
  const known = roles.filter((r) => r.role !== "other" && r.role !== "name").length;
  return hasName && known >= 1 ? roles : null;
}

/** The second header row under merged cells: years or quarter labels, nothing in the code and name columns. */
function isSubHeader(cells: string[], roles: ColumnRole[]): boolean {
  let labels = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (c === "") continue;
    const r = roles[i]?.role;
    if (r === "code" || r === "name") return false;
    if (/^(19|20)\d\d$/.test(c) || QUARTER.test(foldText(c))) labels++;
    else return false;
  }
  return labels >= 2;
}

function mergeHeaders(top: string[], sub: string[]): { headers: string[]; roles: ColumnRole[] } {
  const width = Math.max(top.length, sub.length);
  const headers: string[] = [];
  const roles: ColumnRole[] = [];
  let group = "";
  for (let i = 0; i < width; i++) {
    const t = top[i] ?? "";
    const s = sub[i] ?? "";
    if (t !== "") group = t;
    if (s === "") {
      headers.push(t);
      roles.push(classifyHeader(t));
      if (t !== "") group = t;
      continue;
    }
    const g = t !== "" ? t : group;
    headers.push(`${g} ${s}`.trim());
    roles.push(classifyHeader(s, g));
  }
  return { headers, roles };
}

const VI_DECIMAL = /\d,\d/;
const EN_DECIMAL = /^\d+\.\d{1,2}$|^\d+\.\d{4,}$/;

function detectStyle(rows: TableRow[], roles: ColumnRole[]): NumberStyle {
  let vi = 0;
  let en = 0;
  for (const row of rows) {
    row.cells.forEach((c, i) => {
      const role = roles[i]?.role;
      if (role === "name" || role === "agency" || role === "code" || role === "note") return;
      if (VI_DECIMAL.test(c)) vi++;
      if (EN_DECIMAL.test(c.trim())) en++;
    });
  }
  return en > 0 && vi === 0 ? "en" : "vi";
}

const RULE_CELL = /^[-=_:|+]+$/;
const LOWER_START = /^[a-zà-ỹđ(),;.]/u;

function sameCells(a: string[], b: string[]): boolean {
  const x = a.filter((c) => c !== "");
  const y = b.filter((c) => c !== "");
  return x.length > 0 && x.length === y.length && x.every((c, i) => foldText(c) === foldText(y[i]!));
}

/** Finds every table in a text: seed documents, pasted tables, files given to the CLI. */
export function findTables(text: string): TextTable[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const tables: TextTable[] = [];
  let preamble: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!isTabLine(line)) {
      if (line.trim() !== "") preamble.push(cleanText(line));
      i++;
      continue;
    }
    const top = splitCells(line);
    const topRoles = headerRoles(top);
    if (!topRoles) {
      i++;
      continue;
    }
    const startLine = i + 1;
    i++;
    let headers = top;
    let roles = topRoles;
    let sub: string[] | null = null;
    if (i < lines.length && isTabLine(lines[i]!) && isSubHeader(splitCells(lines[i]!), topRoles)) {
      sub = splitCells(lines[i]!);
      ({ headers, roles } = mergeHeaders(top, sub));
      i++;
    }
    const nameCol = roles.findIndex((r) => r.role === "name");
    const codeCol = roles.findIndex((r) => r.role === "code");
    const rows: TableRow[] = [];
    let pendingBreak = false;
    while (i < lines.length) {
      const l = lines[i]!;
      if (l.trim() === "") {
        pendingBreak = true;
        i++;
        continue;
      }
      if (!isTabLine(l)) break;
      const cells = splitCells(l);
      if (sameCells(cells, top) || (sub && sameCells(cells, sub))) {
        i++; // header repeated after a page break
        continue;
      }
      if (cells.every((c) => c === "" || RULE_CELL.test(c))) {
        // an empty row, or a rule line such as "----\t--\t---" left by a converter
        i++;
        continue;
      }
      const code = codeCol >= 0 ? cells[codeCol] ?? "" : "";
      const name = nameCol >= 0 ? cells[nameCol] ?? "" : "";
      const previous = rows[rows.length - 1];
      const continues = previous && code === "" && (LOWER_START.test(name) || (name === "" && pendingBreak));
      if (continues) {
        cells.forEach((c, k) => {
          if (c === "") return;
          const before = previous.cells[k] ?? "";
          previous.cells[k] = before === "" ? c : `${before} ${c}`;
        });
      } else {
        rows.push({ line: i + 1, cells });
      }
      pendingBreak = false;
      i++;
    }
    const folded = headers.map((h) => foldText(h));
    const isTaskTable = folded.some((h) => /^(ten de an|noi dung cong viec)/.test(h));
    tables.push({ line: startLine, headers, roles, rows, preamble, style: detectStyle(rows, roles), isTaskTable });
    preamble = [];
  }
  return tables;
}
