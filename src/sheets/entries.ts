import { foldText } from "../model/ids";
import type { CellValue, SheetPlan, SheetSpec } from "./plan";
import { parseCsv } from "./csv";
import { CELL_TEXT_LIMIT, shortenForCell } from "../parse/limits";
import { message } from "../i18n/messages";
import { periodKeyOfText, periodListText } from "../model/periodText";
import { typedEntry, type TypedEntry } from "../evaluate/typedEntry";

/**
 * Entries (actuals, notes) go into a sheet plan by stable id and period, and come back out of a workbook the
 * same way. An entry that matches no indicator, or several, is reported with its line — never dropped silently.
 */
export interface EntryRow {
  /** 1-based line of the source (a CSV file), for the report. */
  line: number;
  /** Stable id, or the indicator's name. */
  key: string;
  /**
   * Year or period as the table keys it ("2025", "2025-T01", a scenario's "Quý I") or as staff write it ("Năm 2025",
   * "Tháng 1/2025", "Quý I/2025", "6 tháng đầu năm 2025": model/periodText.ts); empty for a single-period sheet.
   */
  period: string;
  value: CellValue;
}

export interface Unmatched {
  line: number;
  key: string;
  period: string;
  why: { vi: string; en: string };
}

interface Slot {
  sheet: SheetSpec;
  row: number;
  id: string;
  name: string;
}

function inputBlocks(sheet: SheetSpec): string[] {
  return sheet.columns.filter((c) => c.key.startsWith("actual:") && c.input).map((c) => c.key.slice(7));
}

/** A task sheet's entries (evaluate/taskStatus.ts): a state, a completion date, a result — words and dates, not figures. */
const TASK_ENTRY_KEYS = new Set(["actual:state", "actual:done", "actual:result"]);

/** Input columns that take figures: an indicator's actuals (year, period, scenario quarter) and its baseline; notes do not. */
export function isNumericInput(key: string): boolean {
  return key === "baseline" || (key.startsWith("actual:") && !TASK_ENTRY_KEYS.has(key));
}

/** The unit cell of a plan's row (1-based), "" when the sheet has none (the growth scenarios). */
export function rowUnit(sheet: SheetSpec, row: number): string {
  const ui = sheet.columns.findIndex((c) => c.key === "unit");
  const v = ui >= 0 ? sheet.rows[row - 1]?.[ui]?.value : null;
  return typeof v === "string" ? v : "";
}

/**
 * What a typed entry is stored as in a column of a row (evaluate/typedEntry.ts): a figure typed as text becomes a
 * number in numeric input columns; a note, a task's entry, and text anywhere stay as typed.
 */
export function typedCell(key: string, value: CellValue | undefined, unit: string): TypedEntry {
  if (isNumericInput(key)) return typedEntry(value, unit);
  return value === undefined || value === null ? { value: null, as: "blank", readings: null } : { value, as: "kept", readings: null };
}

/** The block of a sheet an entry's period names: the key as given, a label as written, or a period as staff write it. */
function blockOf(sheet: SheetSpec, period: string): string | null {
  const blocks = inputBlocks(sheet);
  if (blocks.includes(period)) return period;
  if (blocks.length === 1 && (period === "" || blocks[0] === "target")) return blocks[0]!;
  const folded = foldText(period);
  const label = blocks.find((b) => foldText(b) === folded && folded !== "");
  if (label !== undefined) return label;
  const key = periodKeyOfText(period);
  return key !== null && blocks.includes(key) ? key : null;
}

/** Every indicator of a plan with its sheet and row, by id and by folded name. */
function slots(plan: SheetPlan): { byId: Map<string, Slot[]>; byName: Map<string, Slot[]> } {
  const byId = new Map<string, Slot[]>();
  const byName = new Map<string, Slot[]>();
  for (const sheet of plan.sheets) {
    const ni = sheet.columns.findIndex((c) => c.key === "name");
    for (const [id, row] of Object.entries(sheet.rowOf)) {
      const name = String(sheet.rows[row - 1]?.[ni]?.value ?? "");
      const slot = { sheet, row, id, name };
      byId.set(id, [...(byId.get(id) ?? []), slot]);
      const key = foldText(name);
      byName.set(key, [...(byName.get(key) ?? []), slot]);
    }
  }
  return { byId, byName };
}

/** An entry written into the plan: its line, the indicator it went to and the period (the sheet's block). */
export interface AppliedEntry {
  line: number;
  id: string;
  period: string;
  /** What the cell holds (a figure typed as text is a number: evaluate/typedEntry.ts). */
  value: CellValue;
  /** The value as given, and how it was stored: "preferred" when it read two ways and the vi-VN reading was taken. */
  given: CellValue;
  as: TypedEntry["as"];
  readings: TypedEntry["readings"];
}

export interface EntriesResult {
  plan: SheetPlan;
  /** How many were written (= filled.length). */
  applied: number;
  filled: AppliedEntry[];
  /** Every entry not written, with its line and why: the counts add up (applied + unmatched = entries given). */
  unmatched: Unmatched[];
}

/**
 * Writes entries into a plan by id (or name) and period. Never a silent choice: an entry that matches no
 * indicator or several, a period the table lacks, an empty value (bỏ trống: nothing to write), and two lines for
 * the same indicator and period (neither is written: which one is right is staff's call) are all reported with
 * their line. A figure is written as a number, text as typed (evaluate/typedEntry.ts, with the row's unit).
 */
export function applyEntries(plan: SheetPlan, entries: EntryRow[]): EntriesResult {
  const { byId, byName } = slots(plan);
  const unmatched: Unmatched[] = [];
  const resolved: { e: EntryRow; slot: Slot; block: string }[] = [];
  for (const e of entries) {
    const candidates = byId.get(e.key) ?? byName.get(foldText(e.key)) ?? [];
    const fail = (vi: string, en: string) => unmatched.push({ line: e.line, key: e.key, period: e.period, why: { vi, en } });
    if (candidates.length === 0) {
      fail("không có chỉ tiêu nào có mã hoặc tên này", "no indicator has this id or name");
      continue;
    }
    const fitting = candidates.filter((s) => blockOf(s.sheet, e.period) !== null);
    if (fitting.length === 0) {
      // The table's periods as staff write them ("Năm 2025, Tháng 1/2025 … Tháng 12/2025"), never as keys.
      const blocks = [...new Set(candidates.flatMap((s) => inputBlocks(s.sheet)))];
      const vi = periodListText(blocks, "vi");
      const en = periodListText(blocks, "en");
      if (periodKeyOfText(e.period) === null && e.period.trim() !== "") {
        fail(
          `không đọc được kỳ “${e.period}” (viết như “Tháng 1/2025”, “Quý I/2025”, “6 tháng đầu năm 2025”, “Năm 2025”); các kỳ của bảng: ${vi}`,
          `cannot read the period “${e.period}” (write it as “Tháng 1/2025”, “Quý I/2025”, “6 tháng đầu năm 2025”, “Năm 2025”); the table's periods: ${en}`,
        );
      } else fail(`kỳ “${e.period}” không có trong bảng (các kỳ: ${vi})`, `the period “${e.period}” is not in the table (periods: ${en})`);
      continue;
    }
    if (fitting.length > 1) {
      fail(`tên trùng với ${fitting.length} chỉ tiêu: hãy dùng mã (${fitting.map((s) => s.id).join(", ")})`, `the name matches ${fitting.length} indicators: use the id (${fitting.map((s) => s.id).join(", ")})`);
      continue;
    }
    if (e.value === null || (typeof e.value === "string" && e.value.trim() === "")) {
      fail("giá trị bỏ trống: không điền gì (ô giữ nguyên)", "the value is blank: nothing is written (the cell stays as it is)");
      continue;
    }
    const slot = fitting[0]!;
    resolved.push({ e, slot, block: blockOf(slot.sheet, e.period)! });
  }
  // Two lines for one cell: report both, write neither.
  const byCell = new Map<string, typeof resolved>();
  for (const r of resolved) {
    const key = `${r.slot.sheet.name}\u0000${r.slot.row}\u0000${r.block}`;
    byCell.set(key, [...(byCell.get(key) ?? []), r]);
  }
  const filled: AppliedEntry[] = [];
  for (const group of byCell.values()) {
    if (group.length > 1) {
      const lines = group.map((g) => g.e.line);
      for (const g of group) {
        const others = lines.filter((l) => l !== g.e.line).join(", ");
        unmatched.push({ line: g.e.line, key: g.e.key, period: g.e.period, why: { vi: `trùng chỉ tiêu và kỳ với dòng ${others}: không điền dòng nào, hãy giữ một dòng`, en: `same indicator and period as line ${others}: neither is written, keep one line` } });
      }
      continue;
    }
    const { e, slot, block } = group[0]!;
    const ci = slot.sheet.columns.findIndex((c) => c.key === `actual:${block}`);
    const row = slot.sheet.rows[slot.row - 1]!;
    const typed = typedCell(`actual:${block}`, e.value, rowUnit(slot.sheet, slot.row));
    row[ci] = { ...row[ci], value: typed.value };
    filled.push({ line: e.line, id: slot.id, period: block, value: typed.value, given: e.value, as: typed.as, readings: typed.readings });
  }
  unmatched.sort((a, b) => a.line - b.line);
  filled.sort((a, b) => a.line - b.line);
  return { plan, applied: filled.length, filled, unmatched };
}

export interface EntriesCsv {
  rows: EntryRow[];
  /** Lines that could not be read as "id or name, period, value", with why. */
  problems: Unmatched[];
  /** Lines given (blank lines and the header not counted): rows + problems. */
  lines: number;
  /** Values longer than an Excel cell holds (32 767 characters), shortened, each with why (issue #22). */
  shortened: Unmatched[];
}

const HEADER = /^(id|mã|ma|mã chỉ tiêu|name|tên|ten|chỉ tiêu|chi tieu)$/i;

/**
 * Reads "id or name, period, value" lines: tab, semicolon (Vietnamese Excel's CSV) or comma separated, quoted
 * fields as RFC 4180 (a quoted "2,5" in a comma file), a header line recognised. A line whose field count is not
 * three is reported, not guessed — in a comma file "id,2025,2,5" may be 2,5 or 2 with a stray 5; trailing empty
 * fields (as spreadsheets export them) are fine.
 */
export function parseEntriesCsv(text: string): EntriesCsv {
  const clean = text.replace(/^\uFEFF/, "");
  const sample = clean.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  const separator = sample.includes("\t") ? "\t" : sample.includes(";") ? ";" : ",";
  const rows: EntryRow[] = [];
  const problems: Unmatched[] = [];
  const shortened: Unmatched[] = [];
  // Line numbers of the file: a quoted field may hold a line break, so count them as the parser goes.
  let line = 1;
  parseCsv(clean, separator).forEach((raw, k) => {
    const at = line;
    line += 1 + raw.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
    const cells = raw.map((c) => c.trim());
    if (cells.every((c) => c === "")) return;
    if (k === 0 && HEADER.test(cells[0] ?? "")) return;
    while (cells.length > 3 && cells[cells.length - 1] === "") cells.pop();
    const [key = "", period = "", value = ""] = cells;
    if (cells.length !== 3) {
      const name = separator === "\t" ? "Tab" : `“${separator}”`;
      const hint =
        separator === "," && cells.length === 4 && /^\d+$/.test(cells[2]!) && /^\d+$/.test(cells[3]!)
          ? { vi: ` — có thể là số thập phân “${cells[2]},${cells[3]}”: hãy đặt trong ngoặc kép ("${cells[2]},${cells[3]}") hoặc dùng dấu chấm phẩy`, en: ` — perhaps the decimal “${cells[2]},${cells[3]}”: quote it ("${cells[2]},${cells[3]}") or use semicolons` }
          : { vi: "", en: "" };
      problems.push({
        line: at,
        key,
        period,
        why: { vi: `dòng có ${cells.length} trường (cách nhau bằng ${name}), cần đúng 3: mã hoặc tên, kỳ, giá trị${hint.vi}`, en: `the line has ${cells.length} fields (separated by ${name}); exactly 3 are needed: id or name, period, value${hint.en}` },
      });
      return;
    }
    if (value.length > CELL_TEXT_LIMIT) {
      const limits = { length: value.length.toLocaleString("vi-VN"), limit: CELL_TEXT_LIMIT.toLocaleString("vi-VN") };
      const why = message("csv.valueShortened", limits);
      shortened.push({ line: at, key, period, why: { vi: why.vi, en: why.en } });
    }
    rows.push({ line: at, key, period, value: value === "" ? null : shortenForCell(value) });
  });
  return { rows, problems, lines: rows.length + problems.length, shortened };
}
