import type { CellValue } from "./plan";
import type { Existing, ExistingRow } from "./existing";
import { ROW_PRESENT, type ExportedEntry } from "./identity";
import { receiptKey, type Receipt } from "./receipts";
import { columnLetter } from "./plan";
import { periodLabel } from "../model/period";
import { typedCell } from "./entries";
import { trustForm } from "./formTrust";
import { message } from "../i18n/messages";

/**
 * Collecting agencies' forms into the master, as pure data: every entry staff changed in a form (against the
 * entry as it was when the form was split off) goes to its indicator or task in the master by stable id. Nothing
 * is guessed: a form of another master or of an older plan is refused; a value typed over a target, a deleted
 * row, a row or a formula staff added, a renamed sheet, a cell cleared are reported with the form's file and
 * cell and change nothing; two forms that give one cell different values are both reported and neither is
 * applied; a value already in the master is not an edit, so collecting the same forms again changes nothing.
 * A figure a form holds as text ("121" in a text-formatted cell) is collected as the number it is, and compared
 * as one (evaluate/typedEntry.ts, with the master row's unit); notes and words stay as typed.
 * A form is trusted only as the master's ledger records it (sheets/formTrust.ts): agency, period, baseline and the
 * rows it may deliver are the ledger's; a form whose stamp does not verify is refused, a row it was not issued
 * with is refused and named; a change it makes to a row's settings (direction, Cộng dồn, tolerance, the hidden
 * bounds) is reported by cell and not taken.
 */
export interface ReturnedForm {
  /** The file name, as staff sent it (for messages only: a form is known by its identity, not its name). */
  file: string;
  existing: Existing;
  /** When staff last saved it (Excel serial), from the file's properties; null when unknown. */
  saved: number | null;
}

export interface Edit {
  id: string;
  key: string;
  value: CellValue;
  /** The master's value before (null: the cell was empty). */
  before: CellValue;
  form: string;
  sheet: string;
  cell: string;
  /** The column's header in the form, as staff saw it ("Tháng 11 2025", "Tình trạng"). */
  column: string;
  /** The master sheet and the row's code and name, for the change log. */
  masterSheet: string;
  code: string;
  name: string;
}

export interface FormNote {
  form: string;
  sheet: string;
  cell: string;
  vi: string;
  en: string;
}

export interface Conflict {
  id: string;
  key: string;
  name: string;
  /** The column's header, as in the forms. */
  column: string;
  values: { form: string; sheet: string; cell: string; value: CellValue }[];
}

export interface Collected {
  edits: Edit[];
  /** Forms refused whole, with why. */
  refused: FormNote[];
  /** What a form holds that is not collected, and forms returned twice. */
  anomalies: FormNote[];
  conflicts: Conflict[];
  /** One per form accepted that the master has not collected before. */
  receipts: Receipt[];
}

interface MasterRow {
  sheet: string;
  row: ExistingRow;
  keys: string[];
}

const SHOWN_KEYS = /^(code|name|unit|target|plan:.+)$/;
const isTarget = (key: string) => key === "target" || key.startsWith("plan:");

/** A row's settings a form may not change: the master keeps its own, the change is reported by cell. */
const SETTINGS: Record<string, { vi: string; en: string }> = {
  direction: { vi: "Hướng", en: "direction (Hướng)" },
  accumulate: { vi: "Cộng dồn", en: "accumulation (Cộng dồn)" },
  "h:tolerance": { vi: "dung sai (cột ẩn)", en: "tolerance (hidden column)" },
};

const COLLECTED = (key: string) => key.startsWith("actual:") || key === "note" || key === "baseline";

const same = (a: CellValue | undefined, b: CellValue | undefined) => {
  const x = a ?? null;
  const y = b ?? null;
  if (typeof x === "string" && typeof y === "string") return x.trim() === y.trim();
  return x === y || ((x === null || x === "") && (y === null || y === ""));
};
const blank = (v: CellValue | undefined) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

export function collectForms(master: Existing, forms: ReturnedForm[], now: string): Collected {
  const identity = master.identity ?? null;
  const refused: FormNote[] = [];
  const anomalies: FormNote[] = [];
  const receipts: Receipt[] = [];
  if (!identity || identity.kind !== "master") {
    for (const f of forms) refused.push({ form: f.file, sheet: "", cell: "", vi: "workbook tổng hợp chưa có định danh: hãy cập nhật nó một lần rồi tách lại phiếu", en: "the master has no identity: refresh it once, then split the forms again" });
    return { edits: [], refused, anomalies, conflicts: [], receipts };
  }
  const rows = new Map<string, MasterRow>();
  for (const s of master.sheets) for (const r of s.rows) if (r.id) rows.set(r.id, { sheet: s.name, row: r, keys: s.keys });
  const known = new Set((master.receipts ?? []).map(receiptKey));
  const candidates = new Map<string, { edit: Edit; form: string }[]>();
  const seenForms = new Map<string, string>();

  for (const form of forms) {
    const note = (sheet: string, cell: string, vi: string, en: string) => anomalies.push({ form: form.file, sheet, cell, vi, en });
    const refuse = (vi: string, en: string) => refused.push({ form: form.file, sheet: "", cell: "", vi, en });
    const fid = form.existing.identity;
    if (!fid) {
      refuse("không phải phiếu báo cáo của Theo dõi chỉ tiêu (không có trang định danh)", "not a form of Indicator Monitor (no identity sheet)");
      continue;
    }
    if (fid.kind !== "form") {
      refuse("đây là một workbook tổng hợp, không phải phiếu của một cơ quan", "this is a master workbook, not an agency's form");
      continue;
    }
    if (fid.master !== identity.master) {
      refuse(`phiếu được tách từ một workbook tổng hợp khác (mã ${fid.master.slice(0, 8)}…, workbook này: ${identity.master.slice(0, 8)}…): không đưa vào`, `the form was split from another master (id ${fid.master.slice(0, 8)}…, this one: ${identity.master.slice(0, 8)}…): not collected`);
      continue;
    }
    // Who the form is for, when it was split and its entries as split: the ledger's, never the form's own word.
    const trust = trustForm({ identity, ledger: master.ledger ?? null }, form.existing, fid, form.existing.exported ?? []);
    if (!trust.ok) {
      refuse(trust.vi, trust.en);
      continue;
    }
    const t = trust.trusted;
    const issued = (id: string) => !t.ids || t.ids.has(id);
    // The plans the form holds rows of: each must be in the master at the version the form was split from.
    const held = new Set(form.existing.sheets.flatMap((s) => s.rows.filter((r) => r.id && issued(r.id)).map((r) => r.id!.split(".")[0]!)));
    const stale = [...held].filter((plan) => t.versions[plan] !== undefined && identity.versions[plan] !== undefined && identity.versions[plan] !== t.versions[plan]);
    const gone = [...held].filter((plan) => identity.versions[plan] === undefined || t.versions[plan] === undefined);
    if (stale.length > 0 || gone.length > 0) {
      refuse(
        `phiếu được tách từ phiên bản cũ của kế hoạch ${[...stale, ...gone].join(", ")} (chỉ tiêu đã được cập nhật sau đó): hãy tách lại phiếu từ workbook tổng hợp hiện tại và gửi cho ${t.agency || "cơ quan"}`,
        `the form was split from an older version of the plan ${[...stale, ...gone].join(", ")} (targets were refreshed since): split the form again from the current master and send it to ${t.agency || "the agency"}`,
      );
      continue;
    }
    const formKey = `${t.agency}\u0000${t.period}\u0000${t.exported}`;
    const twice = seenForms.get(formKey);
    if (twice !== undefined) note("", "", `cùng một phiếu (${t.agency}, ${periodLabel(t.period)}) được nộp hai lần, cùng với ${twice}: giá trị giống nhau chỉ đưa vào một lần, giá trị khác nhau được báo và không đưa vào`, `the same form (${t.agency}, ${periodLabel(t.period, "en")}) was returned twice, with ${twice}: equal values go in once, different ones are reported and not collected`);
    seenForms.set(formKey, form.file);
    for (const n of t.notices) note("", "", n.vi, n.en);
    for (const n of form.existing.notices) note(n.sheet, n.cell, n.vi, n.en);

    const exported = new Map<string, ExportedEntry>();
    const exportedRows = new Map<string, string>();
    const exportedAt = new Map<string, number>();
    for (const e of t.entries) {
      if (e.key === ROW_PRESENT) {
        exportedRows.set(e.id, e.sheet);
        if (typeof e.value === "number") exportedAt.set(e.id, e.value);
      }
      else exported.set(`${e.id}\u0000${e.key}`, e);
    }
    const presentIds = new Set<string>();
    let count = 0;
    for (const sheet of form.existing.sheets) {
      const firstId = sheet.rows.find((r) => r.id && exportedRows.has(r.id))?.id;
      const exportName = firstId ? exportedRows.get(firstId) : undefined;
      if (exportName !== undefined && exportName !== sheet.name && !form.existing.sheets.some((s) => s.name === exportName)) {
        note(sheet.name, "A1", `trang “${exportName}” đã được đổi tên thành “${sheet.name}” trong phiếu: số liệu vẫn được đọc theo mã, tên trang trong workbook tổng hợp giữ nguyên`, `the sheet “${exportName}” was renamed “${sheet.name}” in the form: entries are still read by id; the master's sheet keeps its name`);
      }
      const cellOf = (row: ExistingRow, key: string) => `${columnLetter(sheet.keys.indexOf(key) + 1)}${row.row}`;
      // Columns are named in messages by the header staff see, never by their key.
      const headerOf = (key: string) => sheet.headers[sheet.keys.indexOf(key)] || key;
      for (const row of sheet.rows) {
        if (!row.id) {
          note(sheet.name, `A${row.row}`, "dòng được thêm trong phiếu: không đưa vào workbook tổng hợp (hãy báo phòng tổng hợp nếu cần thêm chỉ tiêu)", "a row added in the form: not collected (ask the planning department if an indicator is missing)");
          continue;
        }
        if (!issued(row.id)) {
          const m = rows.get(row.id);
          const refusedRow = message("ledger.foreignRow", { id: row.id, name: String(m?.row.values.name ?? ""), agency: t.agency });
          note(sheet.name, `A${row.row}`, refusedRow.vi, refusedRow.en);
          continue;
        }
        presentIds.add(row.id);
        const m = rows.get(row.id);
        if (!m) {
          note(sheet.name, `A${row.row}`, `chỉ tiêu ${row.id} không có trong workbook tổng hợp: không đưa vào`, `the indicator ${row.id} is not in the master: not collected`);
          continue;
        }
        for (const [key, value] of Object.entries(row.values)) {
          if (SHOWN_KEYS.test(key) && !same(value, m.row.values[key])) {
            note(sheet.name, cellOf(row, key), `ô “${isTarget(key) ? "chỉ tiêu" : headerOf(key)}” bị sửa trong phiếu (“${String(m.row.values[key] ?? "")}” → “${String(value)}”): workbook tổng hợp giữ nguyên`, `the “${isTarget(key) ? "target" : headerOf(key)}” cell was changed in the form (“${String(m.row.values[key] ?? "")}” → “${String(value)}”): the master keeps its own`);
          }
        }
        for (const [key, label] of Object.entries(SETTINGS)) {
          const mine = m.row.values[key];
          if (mine === undefined || mine === null || same(row.values[key], mine)) continue;
          const changed = message("ledger.setting", { columnVi: label.vi, columnEn: label.en, before: String(mine), after: String(row.values[key] ?? "") });
          note(sheet.name, cellOf(row, key), changed.vi, changed.en);
        }
        // The hidden bounds the status formulas judge by: the master's own, where it holds them as values.
        for (const [key, mine] of Object.entries(m.row.bounds ?? {})) {
          const theirs = row.bounds?.[key];
          if (typeof mine === "number" && typeof theirs === "number" ? Math.abs(mine - theirs) <= 1e-9 * Math.max(1, Math.abs(mine)) : same(theirs, mine)) continue;
          const changed = message("ledger.setting", { columnVi: `cận ẩn “${key}”`, columnEn: `hidden bound “${key}”`, before: String(mine), after: String(theirs ?? "") });
          note(sheet.name, cellOf(row, key), changed.vi, changed.en);
        }
        for (const [key, value] of Object.entries(row.overwritten)) {
          note(sheet.name, cellOf(row, key), `ô công thức bị gõ đè bằng “${String(value)}” trong phiếu: không đưa vào`, `a formula cell was typed over with “${String(value)}” in the form: not collected`);
        }
        for (const [key, formula] of Object.entries(row.formulas)) {
          if (COLLECTED(key)) note(sheet.name, cellOf(row, key), `ô có công thức “=${formula}”: không đưa vào, hãy gõ giá trị`, `the cell holds the formula “=${formula}”: not collected, type the value`);
        }
        const keys = new Set([...Object.keys(row.values), ...[...exported.values()].filter((e) => e.id === row.id).map((e) => e.key)]);
        for (const key of keys) {
          if (!COLLECTED(key) || row.formulas[key] !== undefined) continue;
          const unit = typeof m.row.values.unit === "string" ? m.row.values.unit : "";
          const value = typedCell(key, row.values[key] ?? null, unit).value;
          const was = typedCell(key, exported.get(`${row.id}\u0000${key}`)?.value ?? null, unit).value;
          if (same(value, was)) continue;
          if (!m.keys.includes(key)) {
            note(sheet.name, cellOf(row, key), `cột “${headerOf(key)}” không có trong workbook tổng hợp: không đưa vào`, `the column “${headerOf(key)}” is not in the master: not collected`);
            continue;
          }
          if (blank(value)) {
            note(sheet.name, cellOf(row, key), `ô “${String(was)}” đã bị xoá trong phiếu: workbook tổng hợp giữ giá trị cũ (xoá ở đó nếu đúng là cần xoá)`, `the cell “${String(was)}” was cleared in the form: the master keeps its value (clear it there if it should go)`);
            continue;
          }
          count++;
          const edit: Edit = {
            id: row.id,
            key,
            value,
            before: m.row.values[key] ?? null,
            form: form.file,
            sheet: sheet.name,
            cell: cellOf(row, key),
            column: headerOf(key),
            masterSheet: m.sheet,
            code: String(m.row.values.code ?? ""),
            name: String(m.row.values.name ?? ""),
          };
          const k = `${row.id}\u0000${key}`;
          candidates.set(k, [...(candidates.get(k) ?? []), { edit, form: form.file }]);
        }
      }
    }
    for (const [id, sheet] of exportedRows) {
      if (!presentIds.has(id)) {
        const m = rows.get(id);
        note(sheet, exportedAt.has(id) ? `A${exportedAt.get(id)}` : "", `dòng “${String(m?.row.values.name ?? id)}” đã bị xoá trong phiếu: workbook tổng hợp giữ nguyên dòng và số liệu`, `the row “${String(m?.row.values.name ?? id)}” was deleted in the form: the master keeps the row and its entries`);
      }
    }
    const receipt: Receipt = { agency: t.agency, period: t.period, file: form.file, filled: form.saved, collected: now, entries: count, exported: t.exported };
    // A form sent back as it was split off (nothing changed, not saved since) is not a report.
    const split = serialOfMinute(t.exported);
    if (count === 0 && (form.saved === null || (split !== null && Math.abs(form.saved - split) < 2 / 1440))) {
      note("", "", "phiếu chưa được điền: không có thay đổi và chưa được lưu lại từ khi tách, không tính là đã nộp", "the form was not filled in: nothing changed and it was not saved since the split, so it does not count as received");
      continue;
    }
    if (!known.has(receiptKey(receipt)) && !receipts.some((r) => receiptKey(r) === receiptKey(receipt))) receipts.push(receipt);
  }

  const edits: Edit[] = [];
  const conflicts: Conflict[] = [];
  for (const list of candidates.values()) {
    const first = list[0]!.edit;
    if (list.some((c) => !same(c.edit.value, first.value))) {
      conflicts.push({ id: first.id, key: first.key, name: first.name, column: first.column, values: list.map((c) => ({ form: c.form, sheet: c.edit.sheet, cell: c.edit.cell, value: c.edit.value })) });
      continue;
    }
    // Already in the master: nothing to do (the same forms collected again).
    if (same(first.value, first.before)) continue;
    edits.push(first);
  }
  return { edits, refused, anomalies, conflicts, receipts };
}

/** Applies the edits to a master read as data (the rows' values), for the rebuild that writes them. */
export function withEdits(existing: Existing, edits: Edit[]): Existing {
  if (edits.length === 0) return existing;
  const byId = new Map<string, Edit[]>();
  for (const e of edits) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
  return {
    ...existing,
    sheets: existing.sheets.map((s) => ({
      ...s,
      rows: s.rows.map((r) => {
        const mine = r.id ? byId.get(r.id) : undefined;
        if (!mine) return r;
        const values = { ...r.values };
        for (const e of mine) values[e.key] = e.value;
        return { ...r, values };
      }),
    })),
  };
}

/** "dd/mm/yyyy hh:mm" → Excel serial with the time; null for anything else. */
export function serialOfMinute(text: string): number | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  return (Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4]), Number(m[5])) - Date.UTC(1899, 11, 30)) / 86_400_000;
}
