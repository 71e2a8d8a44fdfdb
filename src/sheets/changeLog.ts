/**
 * @file The refresh's changes: their kinds and labels, a change log row, and the one-line count of changes by kind.
 */
import type { CellValue } from "./plan";

/**
 * What a refresh changed, by kind. "restored" is a target typed over in the sheet and put back from the document
 * (no plan change: no change note stays); "layout" is a sheet put back as the add-in writes it (its place among
 * the add-in's sheets, shown again, its Excel table or protection made again).
 */
export type ChangeKind = "added" | "target" | "restored" | "renumbered" | "renamed" | "unit" | "retired" | "summary" | "layout" | "collected" | "received" | "identity";

export const CHANGE_LABELS: Record<ChangeKind, { vi: string; en: string }> = {
  added: { vi: "Thêm mới", en: "Added" },
  target: { vi: "Sửa chỉ tiêu", en: "Target changed" },
  // Issue #22, item 6: a target typed over in the sheet and put back from the document is no plan change.
  restored: { vi: "Đã khôi phục chỉ tiêu bị gõ đè", en: "The target typed over was restored" },
  renumbered: { vi: "Đổi số thứ tự", en: "Renumbered" },
  renamed: { vi: "Đổi tên", en: "Renamed" },
  unit: { vi: "Đổi đơn vị", en: "Unit changed" },
  retired: { vi: "Không còn trong kế hoạch", en: "No longer in the plan" },
  summary: { vi: "Cập nhật trang Tổng hợp", en: "Summary sheet updated" },
  layout: { vi: "Khôi phục trang tính", en: "Sheet restored" },
  collected: { vi: "Số liệu từ phiếu", en: "Entry from a form" },
  received: { vi: "Nhận phiếu báo cáo", en: "Form received" },
  identity: { vi: "Thêm định danh workbook", en: "Workbook identity added" },
};

export interface Change {
  kind: ChangeKind;
  sheet: string;
  /** Plan number of the source document. */
  source: string;
  code: string;
  name: string;
  before: string;
  after: string;
}

export function logRow(change: Change, now: string): CellValue[] {
  return [now, change.source, change.sheet, change.code, change.name, CHANGE_LABELS[change.kind].vi, change.before, change.after];
}

/** "Sửa chỉ tiêu 1, Không còn trong kế hoạch 1": the changes counted by kind, in one line. */
export function changeSummary(changes: Change[], lang: "vi" | "en"): string {
  const counts = countChanges(changes);
  return (Object.keys(counts) as ChangeKind[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${CHANGE_LABELS[k][lang]} ${counts[k]}`)
    .join(", ");
}

/** Changes counted by kind. */
function countChanges(changes: Change[]): Record<ChangeKind, number> {
  const counts = Object.fromEntries(Object.keys(CHANGE_LABELS).map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const c of changes) counts[c.kind]++;
  return counts;
}
