/** @file Restore: puts back the entries saved before the last refresh or collect (the backup sheet), and says which one it took back. */
import type { CellValue } from "./plan";
import { columnLetter } from "./plan";
import type { Existing, Located } from "./existing";
import { BACKUP_COLUMN as C, BACKUP_KINDS } from "./backup";
import { message } from "../i18n/messages";
import { formatNumber } from "../parse/number";
import { typedCell } from "./entries";

/**
 * One action puts back the entries saved before the last refresh or collect: each saved entry goes to the row
 * of its indicator (by stable id, wherever that row is now) and the column of its key. After a collect every cell
 * it wrote returns to what it held before — a cell that was empty is emptied again — unless staff changed the
 * cell since (then it is kept and listed). Other entries typed since are never cleared; rows staff added and
 * values once typed over formulas are listed for a person to look at. The result says which refresh or collect
 * (when, which forms) it took back.
 */
export interface Edit {
  sheet: string;
  cell: string;
  value: CellValue;
}

export interface RestoreSource {
  kind: "collect" | "refresh";
  /** When the backup was taken ("dd/mm/yyyy hh:mm"). */
  at: string;
  /** The forms the collect took in (file names), in the backup's order. */
  forms: string[];
}

export interface Restore {
  edits: Edit[];
  /** Saved entries that could not be put back automatically, with why. */
  skipped: Located[];
  /** What the backup was taken before; null when the workbook has none. */
  source: RestoreSource | null;
  /** What was restored, in one sentence each language. */
  summary: { vi: string; en: string };
}

const blank = (v: CellValue | undefined): boolean => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const same = (a: CellValue | undefined, b: CellValue | undefined): boolean => {
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === "string" && typeof b === "string") return a.trim() === b.trim();
  return a === b;
};
const shown = (v: CellValue | undefined) => (blank(v) ? "" : String(v));
/** A value as a message says it: numbers the language's way, an empty cell named. */
const said = (v: CellValue | undefined, lang: "vi" | "en"): string => {
  if (blank(v)) return lang === "vi" ? "ô trống" : "empty";
  return `“${typeof v === "number" ? formatNumber(v, 10, lang) : String(v)}”`;
};

/** "a.xlsx, b.xlsx, c.xlsx và 4 phiếu khác": the forms, a long list cut short. */
function formList(forms: string[], lang: "vi" | "en"): string {
  const head = forms.slice(0, 4).join(", ");
  const more = forms.length - 4;
  if (more <= 0) return head;
  return lang === "vi" ? `${head} và ${more} phiếu khác` : `${head} and ${more} more`;
}

function summaryOf(source: RestoreSource | null, n: number): { vi: string; en: string } {
  if (!source) return message("restore.noBackup");
  const params = { n, at: source.at, forms: formList(source.forms, "vi"), formsEn: formList(source.forms, "en") };
  if (source.kind === "collect") return message(n > 0 ? "restore.collect" : "restore.unchangedCollect", params);
  return message(n > 0 ? "restore.refresh" : "restore.unchangedRefresh", params);
}

export function restoreEdits(existing: Existing): Restore {
  const edits: Edit[] = [];
  const skipped: Located[] = [];
  const rows = new Map<string, { sheet: (typeof existing.sheets)[number]; row: (typeof existing.sheets)[number]["rows"][number] }>();
  for (const sheet of existing.sheets) for (const row of sheet.rows) if (row.id) rows.set(row.id, { sheet, row });
  const forms: string[] = [];
  let at = "";
  for (const saved of existing.backup) {
    const cellOf = (k: number): CellValue => saved[k] ?? null;
    const str = (k: number) => shown(cellOf(k));
    const [sheetName, cell, id, key, kind, form] = [str(C.sheet), str(C.cell), str(C.id), str(C.key), str(C.kind), str(C.form)];
    const value = blank(cellOf(C.value)) ? null : cellOf(C.value);
    if (str(C.at) !== "") at = str(C.at);
    if (form !== "" && !forms.includes(form)) forms.push(form);
    if (kind === BACKUP_KINDS.received) continue;
    if (kind === BACKUP_KINDS.formula) {
      skipped.push({ sheet: sheetName, cell, vi: `công thức “${shown(value)}” được giữ qua lần cập nhật; không khôi phục tự động`, en: `the formula “${shown(value)}” is kept by refreshes; it is not restored automatically` });
      continue;
    }
    if (kind !== BACKUP_KINDS.entry && kind !== BACKUP_KINDS.empty) {
      skipped.push({
        sheet: sheetName,
        cell,
        vi: kind === BACKUP_KINDS.userRow ? `dòng do người dùng thêm (“${shown(value)}”): được giữ khi cập nhật, không khôi phục tự động` : `giá trị “${shown(value)}” (${kind}): hãy xem và nhập lại nếu cần`,
        en: kind === BACKUP_KINDS.userRow ? `a user-added row (“${shown(value)}”): kept by refreshes, not restored automatically` : `the value “${shown(value)}” (${kind}): look at it and enter it again if needed`,
      });
      continue;
    }
    const found = rows.get(id);
    const col = found ? found.sheet.keys.indexOf(key) : -1;
    if (!found || col < 0) {
      skipped.push({ sheet: sheetName, cell, vi: `không còn chỗ cho ${key} của ${id}`, en: `no place left for ${key} of ${id}` });
      continue;
    }
    const place = `${columnLetter(col + 1)}${found.row.row}`;
    const now = found.row.values[key] ?? null;
    // A figure saved as text ("121" from an older preview) goes back as the number it is (evaluate/typedEntry.ts).
    const unit = found.row.values.unit;
    const back = typedCell(key, value, typeof unit === "string" ? unit : "").value;
    if (same(now, back)) continue;
    // A cell a collect wrote: taken back while it still holds what the form brought.
    if (form !== "" && !same(now, cellOf(C.after))) {
      const why = message("restore.changedSince", { now: said(now, "vi"), after: said(cellOf(C.after), "vi"), before: said(value, "vi"), nowEn: said(now, "en"), afterEn: said(cellOf(C.after), "en"), beforeEn: said(value, "en"), form });
      skipped.push({ sheet: found.sheet.name, cell: place, vi: why.vi, en: why.en });
      continue;
    }
    edits.push({ sheet: found.sheet.name, cell: place, value: back });
  }
  const source: RestoreSource | null = existing.backup.length === 0 ? null : { kind: forms.length > 0 ? "collect" : "refresh", at, forms };
  const { vi, en } = summaryOf(source, edits.length);
  return { edits, skipped, source, summary: { vi, en } };
}
