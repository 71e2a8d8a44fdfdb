import { foldText } from "../model/ids";
import type { CellValue, SheetPlan, SheetSpec } from "./plan";
import { parseCsv } from "./csv";

/**
 * Entries (actuals, notes) go into a sheet plan by stable id and period, and come back out of a workbook the
 * same way. An entry that matches no indicator, or several, is reported with its line — never dropped silently.
 */
export interface EntryRow {
  /** 1-based line of the source (a CSV file), for the report. */
  line: number;
  /** Stable id, or the indicator's name. */
  key: string;
  /** Year or period ("2025", "Quý I"); empty for a single-period sheet. */
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

export function applyEntries(plan: SheetPlan, entries: EntryRow[]): { plan: SheetPlan; applied: number; unmatched: Unmatched[] } {
  const { byId, byName } = slots(plan);
  const unmatched: Unmatched[] = [];
  let applied = 0;
  for (const e of entries) {
    const candidates = byId.get(e.key) ?? byName.get(foldText(e.key)) ?? [];
    const fail = (vi: string, en: string) => unmatched.push({ line: e.line, key: e.key, period: e.period, why: { vi, en } });
    if (candidates.length === 0) {
      fail("không có chỉ tiêu nào có mã hoặc tên này", "no indicator has this id or name");
      continue;
    }
    const fitting = candidates.filter((s) => {
      const blocks = inputBlocks(s.sheet);
      return blocks.includes(e.period) || (blocks.length === 1 && (e.period === "" || blocks[0] === "target"));
    });
    if (fitting.length === 0) {
      const periods = [...new Set(candidates.flatMap((s) => inputBlocks(s.sheet)))].join(", ");
      fail(`kỳ “${e.period}” không có trong bảng (các kỳ: ${periods})`, `the period “${e.period}” is not in the table (periods: ${periods})`);
      continue;
    }
    if (fitting.length > 1) {
      fail(`tên trùng với ${fitting.length} chỉ tiêu: hãy dùng mã (${fitting.map((s) => s.id).join(", ")})`, `the name matches ${fitting.length} indicators: use the id (${fitting.map((s) => s.id).join(", ")})`);
      continue;
    }
    const slot = fitting[0]!;
    const blocks = inputBlocks(slot.sheet);
    const block = blocks.includes(e.period) ? e.period : blocks[0]!;
    const ci = slot.sheet.columns.findIndex((c) => c.key === `actual:${block}`);
    const row = slot.sheet.rows[slot.row - 1]!;
    row[ci] = { ...row[ci], value: e.value };
    applied++;
  }
  return { plan, applied, unmatched };
}

/** Reads "id or name, period, value" lines (comma, semicolon or tab separated; a header line is recognised). */
export function parseEntriesCsv(text: string): EntryRow[] {
  const clean = text.replace(/^\uFEFF/, "");
  const sample = clean.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  const separator = sample.includes("\t") ? "\t" : sample.includes(";") ? ";" : ",";
  const out: EntryRow[] = [];
  parseCsv(clean, separator).forEach((cells, k) => {
    if (cells.every((c) => c.trim() === "")) return;
    const [key = "", period = "", value = ""] = cells.map((c) => c.trim());
    if (k === 0 && /^(id|mã|ma|name|tên|chỉ tiêu|chi tieu)$/i.test(key)) return;
    out.push({ line: k + 1, key, period, value: value === "" ? null : value });
  });
  return out;
}
