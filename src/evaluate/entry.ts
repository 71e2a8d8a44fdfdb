import type { NumberStyle } from "../parse/number";
import { readActual, type ActualReading } from "./actual";

/**
 * An input cell read as staff and reports write it, within what the workbook's formulas can mirror exactly
 * (sheets/formulas.ts, `wordsFormula`): the strict reading first; failing that, the words of estimate
 * ("ước", "dự ước", "ước tính", "ước thực hiện", "đạt") and the indicator's own unit ("6.120 tỷ đồng" where
 * the unit is "tỷ đồng") are taken out, and what is left is read when it stood together in the text:
 * "ước đạt 7,1%" → 7,1 %, "6.120 tỷ đồng" → 6.120, "Ước 95,5" → 95,5. Bounds ("trên 5"), other units and
 * scale words stay flagged — the report reader (reportActual.ts) and the message say how they would read.
 * Letters are compared in lower case and spaces folded as Excel's LOWER and TRIM do.
 */
export const ENTRY_WORDS = ["ước", "dự", "tính", "thực hiện", "đạt"] as const;

/** Excel's TRIM: spaces (U+0020 only) off both ends, inner runs folded to one. */
function excelTrim(s: string): string {
  return s.replace(/ +/g, " ").replace(/^ | $/g, "");
}

/** The text the formulas go on to read, or null when the words do not leave a value standing together. */
export function entryCore(text: string, unit: string): string | null {
  const whole = excelTrim(text.toLowerCase());
  let x = whole;
  const u = excelTrim(unit.toLowerCase());
  if (u !== "") x = x.split(u).join("");
  for (const w of ENTRY_WORDS) x = x.split(w).join("");
  const core = excelTrim(x);
  if (core === "" || core === whole || !whole.includes(core)) return null;
  return core;
}

export function readEntry(value: unknown, unit = "", style: NumberStyle = "vi"): ActualReading {
  const strict = readActual(value, style);
  if (typeof value !== "string" || strict.kind !== "invalid") return strict;
  const core = entryCore(value, unit);
  if (core === null) return strict;
  // The percent sign counts from the text as typed (the formulas look at its last character).
  const typedPercent = excelTrim(value).endsWith("%");
  const read = readActual(typedPercent && !core.endsWith("%") ? `${core}%` : core, style);
  return read.kind === "number" ? read : strict;
}
