/**
 * One target cell that sets several sub-targets, as resolutions print them:
 * - comparators in a row: "< 7,0 <10,0" (two caps, for two sub-indicators named in the row's text);
 * - a structure of shares: "41,5% - 16,2% - 38,9% - 3,4%" (three or more values joined by dashes; two would
 *   be a range);
 * - regions: "khu vực đô thị đạt 99%, khu vực nông thôn đạt 95%" (a label, then its target, for each part).
 * The parts are in the order printed; a report's actuals for them ("6,8 9,9") are matched by that order.
 * Anything else is not split: null.
 */
export interface SubTarget {
  /** The part's own words ("khu vực đô thị"), when the cell names it. */
  label: string | null;
  /** Its target text ("< 7,0", "41,5%", "đạt 99%"). */
  text: string;
}

const NUM = String.raw`\d[\d.,]*`;
const COMPARATOR_PART = new RegExp(String.raw`(?:[<>≤≥]=?|=)\s*${NUM}\s*%?`, "gu");
const STRUCTURE_PART = new RegExp(String.raw`^${NUM}\s*%?$`, "u");
const REGION_PART = new RegExp(String.raw`^(\p{L}[\p{L}\s]*?\p{L})\s*:?\s+((?:đạt|là|chiếm|trên|dưới|từ|khoảng|tối thiểu|ít nhất)?\s*[<>≤≥]?\s*${NUM}.*)$`, "iu");

export function splitSubTargets(raw: string): SubTarget[] | null {
  const text = raw.trim().replace(/\s+/g, " ");
  // Comparators in a row, the whole cell made of them.
  const comparators = text.match(COMPARATOR_PART) ?? [];
  if (comparators.length >= 2 && comparators.join("").replace(/\s+/g, "") === text.replace(/\s+/g, "")) {
    return comparators.map((c) => ({ label: null, text: c.trim() }));
  }
  // A structure: three or more values joined by dashes.
  const dashed = text.split(/\s+[-–—]\s+/u);
  if (dashed.length >= 3 && dashed.every((p) => STRUCTURE_PART.test(p.trim()))) {
    return dashed.map((p) => ({ label: null, text: p.trim() }));
  }
  // Regions or groups, each with its label: "khu vực đô thị đạt 99%, khu vực nông thôn đạt 95%".
  const pieces = text.split(/\s*[,;]\s+(?=\p{L})/u);
  if (pieces.length >= 2) {
    const parts = pieces.map((p) => REGION_PART.exec(p));
    if (parts.every((m) => m !== null && /\p{L}{2}/u.test(m[1]!) && !/^(?:tăng|giảm|đạt|trên|dưới|từ|khoảng|phấn đấu)$/iu.test(m[1]!.trim()))) {
      return parts.map((m) => ({ label: m![1]!.trim(), text: m![2]!.trim() }));
    }
  }
  return null;
}

/** The values of a report's cell for several sub-targets, in order: "6,8 9,9", "41,5% - 16,2% - …", "đô thị 99,2%, nông thôn 96%". */
export function splitSubActuals(raw: string, count: number): string[] | null {
  const text = raw.trim().replace(/\s+/g, " ");
  const candidates = [
    text.split(/\s+[-–—]\s+/u),
    text.split(/\s*;\s*|,\s+/u),
    text.split(" "),
  ];
  for (const parts of candidates) {
    const values = parts.map((p) => p.trim()).filter((p) => p !== "");
    if (values.length === count && values.every((v) => /\d/.test(v))) return values.map((v) => v.replace(/^\p{L}[\p{L}\s]*?(?=\s*(?:đạt\s+)?[<>≤≥]?\s*\d)/u, "").trim());
  }
  return null;
}
