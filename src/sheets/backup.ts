/** @file The rows of the backup sheet (_IM_SAOLUU) a refresh or a collect writes before anything else, so one action can put them back. */
import type { Edit } from "./collect";
import type { Existing } from "./existing";
import { isEntryKey } from "./entryKeys";
import { columnLetter, type CellValue } from "./plan";
import { RECEIPTS_SHEET, type Receipt } from "./receipts";
import { periodLabel } from "../model/period";

/**
 * Every entry as it was, with its place. A collect adds, for each cell it writes, the value it writes and the
 * form it came from (a cell that was empty gets a row of its own, so restoring empties it again), and one row
 * per form received: restore says which collect it takes back.
 */
export const BACKUP_HEADERS = ["Trang", "Ô", "Mã chỉ tiêu", "Cột (khoá)", "Tên cột", "Giá trị", "Loại", "Sao lưu lúc", "Giá trị ghi từ phiếu", "Phiếu"];
/** The "Loại" of a saved value, as a planning officer reads it; restore puts back entries (empty ones too) only. */
export const BACKUP_KINDS = {
  entry: "số liệu nhập",
  empty: "ô trống trước khi thu phiếu",
  formula: "công thức nhập",
  userRow: "dòng người dùng thêm",
  overwritten: "gõ đè lên công thức",
  aboveTable: "ô phía trên bảng",
  received: "phiếu đã nhận",
} as const;

/** A backup row, by column. */
export const BACKUP_COLUMN = { sheet: 0, cell: 1, id: 2, key: 3, header: 4, value: 5, kind: 6, at: 7, after: 8, form: 9 } as const;

export function backupRows(existing: Existing, now: string, collected?: { edits: Edit[]; receipts: Receipt[] }): CellValue[][] {
  const out: CellValue[][] = [];
  const byId = new Map<string, Edit[]>();
  for (const e of collected?.edits ?? []) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
  for (const sheet of existing.sheets) {
    for (const stray of sheet.strays) out.push([sheet.name, stray.cell, "", "", "", stray.value, BACKUP_KINDS.aboveTable, now]);
    for (const row of sheet.rows) {
      const collectedHere = (row.id ? byId.get(row.id) : undefined) ?? [];
      // The key says where a value goes back; the column's header says it to a person.
      const save = (key: string, value: CellValue, kind: string) => {
        const c = sheet.keys.indexOf(key);
        const edit = kind === BACKUP_KINDS.entry || kind === BACKUP_KINDS.empty ? collectedHere.find((e) => e.key === key) : undefined;
        out.push([sheet.name, `${columnLetter(c + 1)}${row.row}`, row.id ?? "", key, sheet.headers[c] ?? "", value, kind, now, ...(edit ? [edit.value, edit.form] : [])]);
      };
      for (const [key, value] of Object.entries(row.values)) {
        if (isEntryKey(key) || key === "direction" || !row.id) save(key, value, row.id ? BACKUP_KINDS.entry : BACKUP_KINDS.userRow);
      }
      for (const [key, formula] of Object.entries(row.formulas)) save(key, `=${formula}`, BACKUP_KINDS.formula);
      for (const [key, value] of Object.entries(row.overwritten)) save(key, value, BACKUP_KINDS.overwritten);
      // A collected value into an empty cell: the cell was empty, and restoring empties it again.
      for (const e of collectedHere) if (!(e.key in row.values) && !(e.key in row.formulas) && sheet.keys.includes(e.key)) save(e.key, null, BACKUP_KINDS.empty);
    }
  }
  for (const r of collected?.receipts ?? []) out.push([RECEIPTS_SHEET, "", "", "", "", `${r.agency} — ${periodLabel(r.period)}`, BACKUP_KINDS.received, now, r.entries, r.file]);
  return out;
}
