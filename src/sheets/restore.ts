import type { CellValue } from "./plan";
import { columnLetter } from "./plan";
import type { Existing, Located } from "./existing";
import { BACKUP_KINDS } from "./merge";

/**
 * One action puts back the entries saved before the last refresh: each saved entry goes to the row of its
 * indicator (by stable id, wherever that row is now) and the column of its key. Entries typed since are never
 * cleared; rows staff added and values once typed over formulas are listed for a person to look at.
 */
export interface Edit {
  sheet: string;
  cell: string;
  value: CellValue;
}

export interface Restore {
  edits: Edit[];
  /** Saved entries that could not be put back automatically, with why. */
  skipped: Located[];
}

export function restoreEdits(existing: Existing): Restore {
  const edits: Edit[] = [];
  const skipped: Located[] = [];
  const rows = new Map<string, { sheet: (typeof existing.sheets)[number]; row: (typeof existing.sheets)[number]["rows"][number] }>();
  for (const sheet of existing.sheets) for (const row of sheet.rows) if (row.id) rows.set(row.id, { sheet, row });
  for (const saved of existing.backup) {
    const [sheetName, cell, id, key, , value, kind] = saved.map((v) => v ?? "") as [string, string, string, string, string, CellValue, string];
    if (kind === BACKUP_KINDS.formula) {
      skipped.push({ sheet: String(sheetName), cell: String(cell), vi: `công thức “${String(value)}” được giữ qua lần cập nhật; không khôi phục tự động`, en: `the formula “${String(value)}” is kept by refreshes; it is not restored automatically` });
      continue;
    }
    if (kind !== BACKUP_KINDS.entry) {
      skipped.push({
        sheet: String(sheetName),
        cell: String(cell),
        vi: kind === BACKUP_KINDS.userRow ? `dòng do người dùng thêm (“${String(value)}”): được giữ khi cập nhật, không khôi phục tự động` : `giá trị “${String(value)}” (${String(kind)}): hãy xem và nhập lại nếu cần`,
        en: kind === BACKUP_KINDS.userRow ? `a user-added row (“${String(value)}”): kept by refreshes, not restored automatically` : `the value “${String(value)}” (${String(kind)}): look at it and enter it again if needed`,
      });
      continue;
    }
    const found = rows.get(String(id));
    const col = found ? found.sheet.keys.indexOf(String(key)) : -1;
    if (!found || col < 0) {
      skipped.push({ sheet: String(sheetName), cell: String(cell), vi: `không còn chỗ cho ${String(key)} của ${String(id)}`, en: `no place left for ${String(key)} of ${String(id)}` });
      continue;
    }
    const now = found.row.values[String(key)] ?? null;
    if (now !== value) edits.push({ sheet: found.sheet.name, cell: `${columnLetter(col + 1)}${found.row.row}`, value });
  }
  return { edits, skipped };
}
