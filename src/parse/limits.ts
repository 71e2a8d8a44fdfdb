import type { Plan } from "../model";
import { bilingual, message } from "../i18n/messages";

/**
 * Excel keeps at most 32,767 characters in a cell ("Excel specifications and limits": total number of
 * characters that a cell can contain). A longer text from a document or a paste would be cut by Excel without a
 * word, or refused by Office.js; it is shortened here, where the reader can say so, with a note on the
 * indicator.
 */
export const CELL_TEXT_LIMIT = 32_767;
const MARK = " … [rút gọn / shortened]";

export function shortenForCell(text: string): string {
  if (text.length <= CELL_TEXT_LIMIT) return text;
  // Do not cut a surrogate pair in two.
  let end = CELL_TEXT_LIMIT - MARK.length;
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? "")) end--;
  return text.slice(0, end) + MARK;
}

/** Shortens every indicator text a sheet cell will hold, noting each on its indicator. */
export function shortenPlanTexts(plan: Plan): void {
  plan.title = shortenForCell(plan.title);
  for (const ind of plan.appendices.flatMap((a) => a.indicators)) {
    const fields: [string, string, (v: string) => void][] = [
      ["name", ind.name, (v) => (ind.name = v)],
      ["unit", ind.unit, (v) => (ind.unit = v)],
      ["agency", ind.agency, (v) => (ind.agency = v)],
      ["target", ind.target.text, (v) => (ind.target.text = v)],
      ["statement", ind.statement ?? "", (v) => (ind.statement = v)],
    ];
    for (const [field, value, set] of fields) {
      if (value.length <= CELL_TEXT_LIMIT) continue;
      set(shortenForCell(value));
      ind.notes.push(bilingual(message("text.shortened", { field, length: value.length.toLocaleString("vi-VN"), limit: CELL_TEXT_LIMIT.toLocaleString("vi-VN") })));
    }
  }
}
