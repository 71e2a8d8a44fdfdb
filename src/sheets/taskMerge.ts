import type { Catalog } from "../model";
import { hashOfId } from "../model/ids";
import type { CellValue } from "./plan";
import type { Existing, ExistingSheet, Located } from "./existing";
import type { TaskEntries } from "./taskSheet";
import { excelSerial } from "../evaluate/taskStatus";

/**
 * A refresh of the task sheets: each is rebuilt from the revised task appendix with what staff entered
 * (tình trạng, ngày hoàn thành, kết quả, ghi chú) carried by task id — or, for a task whose number changed (an
 * unnumbered table's tasks are numbered by position), by the hash of its name when exactly one task has it. A
 * sheet that holds anything the rebuild would not carry — a task no longer in the plan, a row or column of
 * staff's own, a formula typed where an entry goes — is kept exactly as it is, with a notice, so nothing entered
 * is ever lost; its appendix is then not refreshed.
 */
export interface TaskMerge {
  entries: TaskEntries;
  /** "plan.appendix" → the sheet's name in the workbook (staff may have renamed it). */
  names: Record<string, string>;
  /** Task appendices rebuilt. */
  sources: string[];
  /** Sheets matched: replaced when rebuilt, kept when not. */
  used: ExistingSheet[];
  keep: string[];
  notices: Located[];
  added: { sheet: string; code: string; name: string }[];
}

const TASK_KEYS = ["actual:state", "actual:done", "actual:result"] as const;


/**
 * A completion date as a host reads it back: Excel gives the serial; the file reader gives a date-formatted
 * cell as its day, "yyyy-mm-dd". Both go back in as the serial. Text staff typed ("31/12/2025" as text) stays
 * as typed, and flagged, as it was.
 */
function asDate(v: CellValue): CellValue {
  if (typeof v !== "string") return v;
  return /^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? excelSerial(v.trim()) : v;
}

export function mergeTaskSheets(catalog: Catalog, existing: Existing, plans: string[] | undefined, take: (source: string) => ExistingSheet | undefined): TaskMerge {
  const out: TaskMerge = { entries: { values: {}, notes: {} }, names: {}, sources: [], used: [], keep: [], notices: [], added: [] };
  for (const plan of catalog.plans.filter((p) => !plans || plans.includes(p.id))) {
    for (const appendix of plan.tasks ?? []) {
      const source = `${plan.id}.${appendix.id}`;
      const old = take(source);
      if (!old) {
        // A refresh covers the sheets the workbook has; a new workbook (no sheets) gets every one.
        if (existing.sheets.length === 0) out.sources.push(source);
        continue;
      }
      out.used.push(old);
      const ids = new Set(appendix.tasks.map((t) => t.id));
      const byHash = new Map<string, string[]>();
      for (const t of appendix.tasks) byHash.set(hashOfId(t.id), [...(byHash.get(hashOfId(t.id)) ?? []), t.id]);
      const target = (id: string): string | null => (ids.has(id) ? id : byHash.get(hashOfId(id))?.length === 1 ? byHash.get(hashOfId(id))![0]! : null);
      const lost = old.rows.filter((r) => r.id === null || target(r.id) === null || Object.keys(r.formulas).length > 0);
      if (lost.length > 0 || old.userColumns.length > 0) {
        out.keep.push(old.name);
        out.notices.push({
          sheet: old.name,
          cell: "A1",
          vi: "trang nhiệm vụ có dòng, cột hoặc công thức riêng, hoặc nhiệm vụ không còn trong kế hoạch: giữ nguyên trang cùng số liệu, phụ lục nhiệm vụ này không được cập nhật",
          en: "the task sheet holds rows, columns or formulas of staff's own, or tasks no longer in the plan: it is kept as it is, with its entries, and this task appendix is not refreshed",
        });
        continue;
      }
      out.sources.push(source);
      out.names[source] = old.name;
      const carried = new Set<string>();
      for (const row of old.rows) {
        const id = target(row.id!)!;
        carried.add(id);
        const values: Record<string, CellValue> = {};
        for (const key of TASK_KEYS) {
          const v = row.values[key];
          if (v !== undefined && v !== null && v !== "") values[key.slice(7)] = key === "actual:done" ? asDate(v) : v;
        }
        if (Object.keys(values).length > 0) out.entries.values[id] = values;
        const note = row.values.note;
        if (note !== undefined && note !== null && note !== "") out.entries.notes[id] = String(note);
      }
      for (const t of appendix.tasks) if (!carried.has(t.id)) out.added.push({ sheet: old.name, code: t.code, name: t.name });
    }
  }
  return out;
}
