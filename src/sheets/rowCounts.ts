/**
 * @file How many indicators a set of built sheets holds, by the one counting rule (model/counting.ts): every
 * indicator row but the parts of packed rows, which their sheet marks in its hidden part column.
 */
import { PART_KEY, PART_MARK } from "./indicatorSheet";
import type { SheetSpec } from "./plan";

export function countedRows(sheets: readonly SheetSpec[]): number {
  let n = 0;
  for (const s of sheets) {
    const part = s.columns.findIndex((c) => c.key === PART_KEY);
    for (const row of Object.values(s.rowOf)) if (part < 0 || s.rows[row - 1]?.[part]?.value !== PART_MARK) n++;
  }
  return n;
}
