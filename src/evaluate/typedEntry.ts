/**
 * @file What a typed entry is stored as — one rule for every writer of input cells (the preview's inputs and its
 * download, `--actuals`, collecting forms, restoring a backup): a number typed as text becomes a number cell,
 * everything else stays the text a person typed.
 *
 * Why it matters: a period cell holding the text "121" is not a number to the pace (the sheet's formulas and
 * evaluate/pace.ts flag any text there), and a workbook opened without the add-in must read what staff meant.
 *
 * The decision (README, "Typed entries"):
 * - A plain number, read the vi-VN way first and tolerant of en-US (parse/number.ts): "121", "2,8", "-0,5",
 *   "1.462,8", "1 462,8", "107.27", "+5" → the number.
 * - A text that reads two ways ("1.800": 1800 or 1,8) is settled as the engine settles it with the row's unit
 *   (evaluate/judge.ts `resolveAmbiguity`): a count takes its whole reading ("1.800" hộ → 1800, "1,800" hộ →
 *   1800); another unit takes the vi-VN reading, as the README's "Ambiguous entries" documents (the writer may
 *   say so); where the engine would flag it — a percentage that would read above 100 ("1.800" for "%") — it
 *   stays text, so the cell is flagged with both readings and the person says which. Never silently switched.
 * - A percentage typed with its sign ("95,1%") stays text: the sign matters (against a growth index "7,5%" is
 *   the index 107,5) and a number cell cannot carry it without a percent format; the formulas read it.
 * - Words, no-data marks ("x", "chưa có"), bounds ("trên 5"), ranges ("61-62"), units ("6.120 tỷ đồng"),
 *   estimates ("ước 95,5"), Excel error texts and anything beginning with "=" stay text exactly as typed. Text
 *   never becomes a formula: the result is a value, and hosts write values as literals.
 * - Nothing but spaces is nothing (null); numbers and booleans a host already holds are kept as they are.
 */
import { readActual } from "./actual";
import { resolveAmbiguity } from "./judge";

export type TypedValue = string | number | boolean | null;

export interface TypedEntry {
  /** What the cell holds: a number, the text as typed, a value kept as it was, or null. */
  value: TypedValue;
  /**
   * number: a plain number; resolved: it read two ways and the unit settled it; preferred: it read two ways and
   * the vi-VN reading was taken (worth a note); ambiguous: it read two ways and stays text to be flagged; text:
   * stays text; kept: a number or boolean given as such; blank: nothing typed.
   */
  as: "number" | "resolved" | "preferred" | "ambiguous" | "text" | "kept" | "blank";
  /** The two readings of a text that reads two ways. */
  readings: { vi: number; en: number } | null;
}

/** The cell a typed entry becomes, with why; `unit` is the row's unit ("%", "hộ", "tỷ đồng"), "" when unknown. */
export function typedEntry(value: TypedValue | undefined, unit = ""): TypedEntry {
  if (value === undefined || value === null) return { value: null, as: "blank", readings: null };
  if (typeof value !== "string") return { value, as: "kept", readings: null };
  if (value.trim() === "") return { value: null, as: "blank", readings: null };
  const text = { value, as: "text" as const, readings: null };
  const reading = readActual(value);
  if (reading.kind !== "number" || reading.percent) return text;
  if (!reading.ambiguous) return { value: reading.value, as: "number", readings: null };
  const resolved = resolveAmbiguity(reading, unit);
  if (!resolved) return { value, as: "ambiguous", readings: reading.ambiguous };
  return { value: resolved.value, as: resolved.warning ? "preferred" : "resolved", readings: reading.ambiguous };
}

/** Just the cell value of `typedEntry`. */
export function storedEntry(value: TypedValue | undefined, unit = ""): TypedValue {
  return typedEntry(value, unit).value;
}
