import { emptyTarget, type ChangeMeasure, type Target } from "../model/target";
import { foldText } from "../model/ids";
import { bilingual, message } from "../i18n/messages";
import { cleanText, hasMarkup, KNOWN_TYPOS } from "./clean";
import { parseNumber, type NumberStyle } from "./number";
import { isRankUnit } from "./units";

/**
 * The grammar of target phrases (GLOSSARY.md, "How targets are written"). A phrase is read left to right:
 * lead words ("đạt", "chiếm", "khoảng", a comparator, "giảm", "tăng", "duy trì"), one number or a range,
 * then a unit and trailing words ("trở lên", "/năm", "xã"). What does not fit is `unparsed`, never guessed.
 */
export interface TargetContext {
  /** Indicator name: "Giảm tỷ lệ hộ nghèo" makes a bare "2" a reduction. */
  name?: string;
  /** Indicator unit: "Thứ hạng" makes the target a rank; "%" makes "giảm 0,15%" a change in points. */
  unit?: string;
  /** The number style of the table the phrase comes from ("en" for the GRDP scenario tables). */
  style?: NumberStyle;
  /** The indicator is itself a rate of change ("Tăng trưởng GRDP", "Tốc độ tăng"): "tăng 2,43%" is its value. */
  rateOfChange?: boolean;
  /** The values are growth indices (100 = no change). */
  index?: boolean;
}

type Comparator = { side: "min" | "max"; inclusive: boolean };
type Change = "reduction" | "growth";

interface Lead {
  words: string;
  comparator?: Comparator;
  approx?: boolean;
  change?: Change;
  perYear?: boolean;
  maintain?: boolean;
}

/** Lead words, longest first so that "không quá" wins over "không". */
const LEADS: Lead[] = (
  [
    { words: "mức giảm hạ hằng năm", change: "reduction", perYear: true },
    { words: "mức giảm hạ hàng năm", change: "reduction", perYear: true },
    { words: "mức giảm hằng năm", change: "reduction", perYear: true },
    { words: "mức giảm hàng năm", change: "reduction", perYear: true },
    { words: "giảm bình quân", change: "reduction", perYear: true },
    { words: "tăng bình quân", change: "growth", perYear: true },
    { words: "giảm trung bình", change: "reduction", perYear: true },
    { words: "tăng trung bình", change: "growth", perYear: true },
    { words: "tăng trưởng bình quân", change: "growth", perYear: true },
    { words: "tăng trưởng trung bình", change: "growth", perYear: true },
    { words: "bình quân", perYear: true },
    { words: "trung bình", perYear: true },
    { words: "xuống dưới", comparator: { side: "max", inclusive: false } },
    { words: "xuống còn", comparator: { side: "max", inclusive: true } },
    { words: "xuống", comparator: { side: "max", inclusive: true } },
    { words: "ổn định", maintain: true },
    { words: "không vượt quá", comparator: { side: "max", inclusive: true } },
    { words: "không thấp hơn", comparator: { side: "min", inclusive: true } },
    { words: "không dưới", comparator: { side: "min", inclusive: true } },
    { words: "không quá", comparator: { side: "max", inclusive: true } },
    { words: "tối thiểu", comparator: { side: "min", inclusive: true } },
    { words: "ít nhất", comparator: { side: "min", inclusive: true } },
    { words: "tối đa", comparator: { side: "max", inclusive: true } },
    { words: "thấp hơn", comparator: { side: "max", inclusive: false } },
    { words: "cao hơn", comparator: { side: "min", inclusive: false } },
    { words: "còn dưới", comparator: { side: "max", inclusive: false } },
    { words: "tăng thêm", change: "growth" },
    { words: "có thêm", change: "growth" },
    { words: "duy trì", maintain: true },
    { words: "giữ mức", maintain: true },
    { words: "phấn đấu", },
    { words: "tương đương" },
    { words: "khoảng", approx: true },
    { words: "xấp xỉ", approx: true },
    { words: "trên", comparator: { side: "min", inclusive: false } },
    { words: "hơn", comparator: { side: "min", inclusive: false } },
    { words: "vượt", comparator: { side: "min", inclusive: false } },
    { words: "dưới", comparator: { side: "max", inclusive: false } },
    { words: "còn", comparator: { side: "max", inclusive: true } },
    { words: "giảm", change: "reduction" },
    { words: "tăng", change: "growth" },
    { words: "thêm", change: "growth" },
    { words: "đạt", },
    { words: "chiếm", },
    { words: "bằng", },
    { words: "là", },
    { words: "có", },
    { words: "từ", },
    { words: "mức", },
    { words: "ở", },
    { words: ">=", comparator: { side: "min", inclusive: true } },
    { words: "<=", comparator: { side: "max", inclusive: true } },
    { words: "≥", comparator: { side: "min", inclusive: true } },
    { words: "≤", comparator: { side: "max", inclusive: true } },
    { words: ">", comparator: { side: "min", inclusive: false } },
    { words: "<", comparator: { side: "max", inclusive: false } },
  ] as Lead[]
).sort((a, b) => b.words.length - a.words.length);

const NUMBER_AT_START = /^[-−]?\d+(?:[.,]\d+)*/;
const RANGE_SEPARATOR = /^\s*(?:-|–|—|đến|tới)\s*(?:khoảng\s*)?([-−]?\d+(?:[.,]\d+)*)/;
const OUT_OF = /^\s*\/\s*(\d+)/;
const PER_YEAR_TAIL = /^\/\s*năm(?=\s|$|[,.;])/;
const PER_YEAR_LEAD = /(?:^|\s)(?:hằng|hàng|mỗi) năm(?=\s|$)|bình quân/;
const OR_MORE = /(?:^|\s)trở lên(?=\s|$|[,.;])/;
const OR_LESS = /(?:^|\s)trở xuống(?=\s|$|[,.;])/;
const DOUBLE_DIGIT = /^(?:2|hai) con số(?=\s|$|[,.;])/;
const NO_DIGIT = /^[^0-9]*$/;
const QUALITATIVE_WORDS = new Set(["đạt", "hoàn thành", "có", "x", "đạt chuẩn"]);
/** Verbs that open a goal without a number: such a goal is judged achieved or not. */
const QUALITATIVE_GOAL = /^(?:giữ vững|giữ gìn|duy trì|bảo đảm|đảm bảo|hoàn thành|nâng cao|tiếp tục|xây dựng|thực hiện)(?=\s|$)/;
const STRETCH_SPLIT = /^(.*?)\s*(?:;|,|\svà)\s+phấn đấu\s+(.*)$/;
/** Trailing spaces and ".;,:" cut by a backward scan (`/[\s.;,:]+$/` restarts at every character of a long run that does not end the text). */
function withoutTrailingPunctuation(s: string): string {
  let end = s.length;
  while (end > 0 && /[\s.;,:]/.test(s.charAt(end - 1))) end--;
  return s.slice(0, end);
}
const UNIT_STOP = /[(,;:]|\s(?:đạt|được|trong đó|và)\s/;
const GIAM_NAME = /^giam\b/;

function startsWithWord(s: string, words: string): boolean {
  if (!s.startsWith(words)) return false;
  const next = s.charAt(words.length);
  // Symbols (>, ≤) need no space after them; words need a boundary.
  if (!/[a-zà-ỹđ]/i.test(words.charAt(words.length - 1))) return true;
  return next === "" || !/[a-zà-ỹđ0-9]/i.test(next) || /\d/.test(next);
}

function note(t: Target, text: string): void {
  if (!t.notes.includes(text)) t.notes.push(text);
}

/** Applies the known typo readings to a lower-case phrase, noting each one. */
function readThroughTypos(s: string, t: Target): string {
  let out = s;
  for (const [pattern, fixed, typo] of KNOWN_TYPOS) {
    pattern.lastIndex = 0;
    if (pattern.test(out)) {
      pattern.lastIndex = 0;
      out = out.replace(pattern, fixed);
      note(t, bilingual(message("target.typo", { typo, fixed })));
    }
  }
  return out;
}

/** Reads a target phrase into a typed target. Never throws; unknown phrases come back as `unparsed`. */
/**
 * Characters that show as nothing (zero-width spaces, joiners, direction marks, a BOM) inside a number of a
 * copied target: "9\u200B0" reads as the 90 a reader sees, with a note (between words they are spaces).
 */
const INVISIBLE = /(?<=\d)[\u200B-\u200F\u2060-\u2064\uFEFF]+(?=\d)/g;

/**
 * A character that does not belong in a number: a Latin letter between digits ("9x0"), the letters a scan or
 * typist confuses with digits next to one ("9o", "1O0", "l00"), or a lone letter stuck to a number that is no
 * unit ("95,1a"). The grammar would read the digits before it and drop the rest, so the target is not read.
 */
function strayCharacter(text: string): { char: string; token: string } | null {
  // The runs of letters, digits, "." and "," that hold a digit (one greedy class: linear, where
  // `[\p{L}\d.,]*\d[\p{L}\d.,]*` re-read a long run of letters from each of its characters).
  for (const m of text.matchAll(/[\p{L}\d.,]+/gu)) {
    const token = m[0];
    if (!/\d/.test(token)) continue;
    const between = /\d([a-zA-Z])(?=\d)/.exec(token);
    if (between && !/^\d+(?:[.,]\d+)?(?:km|cm|mm|m)[23]$/i.test(token)) return { char: between[1]!, token };
    const confused = /(?<=\d)[oOlI](?![a-zA-Zà-ỹ])|(?<![\p{L}])[oOlI](?=\d)/u.exec(token);
    if (confused) return { char: confused[0], token };
    const lone = /^\d+(?:[.,]\d+)*([a-zA-Z])$/.exec(token);
    if (lone && !/[mgthkMGTHK]/.test(lone[1]!)) return { char: lone[1]!, token };
  }
  return null;
}

export function parseTarget(raw: string, ctx: TargetContext = {}): Target {
  const invisible = raw.match(INVISIBLE)?.length ?? 0;
  const text = cleanText(invisible > 0 ? raw.replace(INVISIBLE, "") : raw);
  const t = emptyTarget(text, "unparsed");
  if (hasMarkup(raw)) note(t, bilingual(message("target.markup")));
  if (invisible > 0) note(t, bilingual(message("target.invisible", { count: invisible })));
  const stray = strayCharacter(text);
  if (stray) {
    note(t, bilingual(message("target.stray", stray)));
    return unparsed(t);
  }
  const s = framing(withoutTrailingPunctuation(readThroughTypos(text.toLowerCase(), t)), t);
  if (s === "") {
    t.kind = "none";
    return t;
  }
  if (ctx.index) t.index = true;

  // A base target with a stretch aim: "9,77; phấn đấu tăng khoảng 14,43", "đạt 8% và phấn đấu 2 con số".
  const stretch = STRETCH_SPLIT.exec(s);
  if (stretch && /\d/.test(stretch[1] ?? "")) {
    const base = readPhrase(stretch[1]!, ctx, t);
    const aim = readPhrase(stretch[2]!, { ...ctx, rateOfChange: true }, emptyTarget(stretch[2]!, "unparsed"));
    const baseValue = base?.min ?? base?.max ?? null;
    const aimValue = aim?.min ?? aim?.max ?? null;
    if (base && aim && baseValue !== null && aimValue !== null) {
      Object.assign(t, base, {
        kind: "stretch",
        min: baseValue,
        max: null,
        minInclusive: true,
        maxInclusive: true,
        stretch: aimValue,
        approx: base.approx || aim.approx,
        unit: base.unit ?? aim.unit,
      });
      return t;
    }
    return unparsed(t);
  }

  if (QUALITATIVE_WORDS.has(s)) {
    t.kind = "qualitative";
    t.expected = withoutTrailingPunctuation(text);
    return t;
  }
  if (NO_DIGIT.test(s) && !DOUBLE_DIGIT.test(s)) {
    if (QUALITATIVE_GOAL.test(s)) {
      t.kind = "qualitative";
      t.expected = "Đạt";
      return t;
    }
    return unparsed(t);
  }
  const read = readPhrase(s, ctx, t);
  if (!read) return unparsed(t);
  Object.assign(t, read);
  return t;
}

/**
 * Words around the measurable phrase that say nothing about the number: a phrase wrapped in parentheses
 * ("(ít nhất 31%)"); the end of the term ("đến năm 2025 đạt 1,8 tỷ USD": noted, the number is the term's); the
 * indicator restated before its verb ("Tỷ lệ đô thị hóa đạt 45%", "Ổn định tỷ lệ che phủ rừng từ 57 - 58%").
 */
function framing(phrase: string, t: Target): string {
  let s = phrase.trim();
  const wrapped = /^\((.*)\)$/.exec(s);
  if (wrapped && !/[()]/.test(wrapped[1]!)) s = wrapped[1]!.trim();
  const term = /^(?:đến|tới|đến hết|đến cuối) năm ((?:19|20)\d\d),?\s+(.*)$/.exec(s);
  if (term) {
    note(t, bilingual(message("target.term", { year: term[1]! })));
    s = term[2]!.trim();
  }
  // "ổn định <the indicator> từ 57 - 58%": the words between the verb and the number restate the indicator.
  const steady = /^(ổn định|duy trì)\s+([^\d]*?)\s+((?:từ|ở mức|mức|đạt|trên|dưới|khoảng)\s+\d.*)$/.exec(s);
  if (steady && steady[2]!.split(" ").length >= 2) return `${steady[1]} ${steady[3]}`;
  // "<the indicator> đạt 45%", "Tỷ lệ hộ nghèo dưới 1,5%": nothing but words before the verb, and one number
  // clause after it ("khu vực đô thị đạt 99%, khu vực nông thôn đạt 95%" holds two and is not read as one).
  const restated = /^([^\d()]+?)\s+(đạt|chiếm|là|dưới|trên|khoảng|ít nhất|tối thiểu|không quá|không dưới)\s+(\d.*)$/.exec(s);
  if (restated && restated[1]!.split(" ").length >= 2 && !LEADS.some((l) => startsWithWord(s, l.words)) && !/[,;]\s+\D*\d/.test(restated[3]!)) {
    return `${restated[2]} ${restated[3]}`;
  }
  return s;
}

function unparsed(t: Target): Target {
  t.kind = "unparsed";
  note(t, bilingual(message("target.unparsed", { text: t.text })));
  return t;
}

/** The measurable part of a phrase; null when it does not fit the grammar. */
function readPhrase(phrase: string, ctx: TargetContext, t: Target): Partial<Target> | null {
  let s = phrase.trim();
  let comparator: Comparator | undefined;
  let change: Change | undefined;
  let approx = false;
  let perYear = false;
  let maintain = false;

  // Lead words, in any order: "duy trì dưới", "đạt khoảng", "giảm bình quân", "> ".
  for (let guard = 0; guard < 8; guard++) {
    const lead = LEADS.find((l) => startsWithWord(s, l.words));
    if (!lead) break;
    s = s.slice(lead.words.length).trim();
    if (lead.comparator && !comparator) comparator = lead.comparator;
    if (lead.change && !change) change = lead.change;
    if (lead.approx) approx = true;
    if (lead.perYear) perYear = true;
    if (lead.maintain) maintain = true;
  }

  if (DOUBLE_DIGIT.test(s)) {
    // "2 con số": a double-digit growth, 10 or more.
    return finish({ kind: "at_least", min: 10, max: null, minInclusive: true, unit: "%", approx, perYear }, ctx, maintain);
  }

  const first = NUMBER_AT_START.exec(s);
  if (!first) return null;
  if (PER_YEAR_LEAD.test(phrase.slice(0, phrase.length - s.length))) perYear = true;
  const n1 = parseNumber(first[0], ctx.style ?? "vi");
  if (!n1.ok) return null;
  let rest = s.slice(first[0].length);
  let percent = false;
  if (rest.trimStart().startsWith("%")) {
    percent = true;
    rest = rest.trimStart().slice(1);
  }

  let n2: number | null = null;
  const range = RANGE_SEPARATOR.exec(rest);
  if (range) {
    const p = parseNumber(range[1]!, ctx.style ?? "vi");
    if (!p.ok) return null;
    n2 = p.value;
    rest = rest.slice(range[0].length);
    if (rest.trimStart().startsWith("%")) {
      percent = true;
      rest = rest.trimStart().slice(1);
    }
  }
  let outOf: number | null = null;
  const of = OUT_OF.exec(rest);
  if (of && n2 === null) {
    outOf = Number(of[1]);
    rest = rest.slice(of[0].length);
  }

  // The tail: "/năm", "trở lên", a unit or the whole the share is of.
  let tail = rest.trim();
  let unit: string | null = percent ? "%" : null;
  if (PER_YEAR_TAIL.test(tail)) {
    perYear = true;
    unit = (unit ?? "") + "/năm";
    tail = tail.replace(PER_YEAR_TAIL, "").trim();
  }
  if (OR_MORE.test(tail) && !comparator) comparator = { side: "min", inclusive: true };
  if (OR_LESS.test(tail) && !comparator) comparator = { side: "max", inclusive: true };
  tail = tail.replace(OR_MORE, "").replace(OR_LESS, "").trim();
  const stop = UNIT_STOP.exec(" " + tail + " ");
  const words = (stop ? (" " + tail).slice(0, stop.index) : tail).trim();
  let shareOf: string | null = null;
  if (words) {
    if (percent) shareOf = originalCase(t.text, words);
    else unit = originalCase(t.text, words);
  }

  const nameSaysReduce = ctx.name !== undefined && GIAM_NAME.test(foldText(ctx.name));
  if (!change && nameSaysReduce && !comparator && n2 === null) change = "reduction";
  if (change === "growth" && ctx.rateOfChange) change = undefined; // the rate itself: "nông nghiệp tăng 2,43%"

  const part: Partial<Target> = { approx, perYear, unit, outOf, shareOf };
  if (change) {
    const measure: ChangeMeasure = isRateUnit(ctx.unit, unit) ? "points" : percent ? "percent" : "units";
    return finish(
      { ...part, kind: change, min: n1.value, max: null, minInclusive: comparator?.inclusive ?? true, change: measure },
      ctx,
      false,
    );
  }
  if (n2 !== null) {
    const [lo, hi] = n1.value <= n2 ? [n1.value, n2] : [n2, n1.value];
    return finish({ ...part, kind: "range", min: lo, max: hi, minInclusive: true, maxInclusive: true }, ctx, maintain);
  }
  if (comparator?.side === "min") {
    return finish({ ...part, kind: "at_least", min: n1.value, max: null, minInclusive: comparator.inclusive }, ctx, maintain);
  }
  if (comparator?.side === "max") {
    return finish({ ...part, kind: "at_most", min: null, max: n1.value, maxInclusive: comparator.inclusive }, ctx, maintain);
  }
  return finish({ ...part, kind: "exact", min: n1.value, max: n1.value }, ctx, maintain);
}

/** A change measured in % of a rate indicator is a change in points ("giảm 0,15%" of a poverty rate). */
function isRateUnit(indicatorUnit: string | undefined, phraseUnit: string | null): boolean {
  const u = (indicatorUnit ?? "").trim();
  if (u === "%") return true;
  return u === "" && phraseUnit === "%";
}

/** The fragment as the document wrote it (the grammar reads a lower-case copy). */
function originalCase(original: string, lower: string): string {
  const at = original.toLowerCase().indexOf(lower);
  return at >= 0 ? original.slice(at, at + lower.length) : lower;
}

function finish(part: Partial<Target>, ctx: TargetContext, maintain: boolean): Partial<Target> {
  const out: Partial<Target> = { minInclusive: true, maxInclusive: true, ...part };
  if (out.kind === "at_least") out.maxInclusive = true;
  if (out.kind === "at_most") out.minInclusive = true;
  if (isRankUnit(ctx.unit) && (out.kind === "exact" || out.kind === "range" || out.kind === "at_most" || out.kind === "at_least")) {
    out.kind = "rank";
  }
  if (maintain && (out.kind === "exact" || out.kind === "range" || out.kind === "at_most" || out.kind === "at_least")) {
    out.kind = "maintain";
  }
  return out;
}
