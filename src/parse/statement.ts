import { scanNumbers, type NumberToken } from "./number";

/**
 * Splits a sentence that packs several targets ("Tăng trưởng GRDP đạt 7,0 - 7,5%. Trong đó: nông nghiệp tăng
 * 2,43%; …") into measurable clauses, each with the name it is about and the target phrase as printed.
 * Clauses are cut at ";", at ". " before a new sentence, at "trong đó", around parentheses that hold a target,
 * and at ", " or " và " only where the text before holds a target and the text after holds another one,
 * so that "có văn bằng, chứng chỉ đạt 55%" stays whole. Numbers that are not targets (years, decision
 * numbers such as 64/2003/QĐ-TTg, "công nghiệp 4.0", ages) are passed over.
 */
export interface Clause {
  /** What the target is about, as printed. */
  name: string;
  /** The target phrase, as printed ("đạt 7,0 - 7,5%"). */
  target: string;
  /** Text that frames the clause: a label before ":" ("Tỷ trọng") or the clause that "trong đó" refers to. */
  context: string;
  /** True for the parts after "trong đó" (of which). */
  ofWhich: boolean;
}

export interface SplitOptions {
  /** Prose mode: running text of a plan, where a clause ends with its target and the rest is commentary. */
  prose?: boolean;
  /** A pasted list: a clause without a number that says something reaches a standard ("huyện Thanh Ba đạt
   * chuẩn nông thôn mới") is a yes/no target of its own. */
  qualitative?: boolean;
}

/** Linear: it runs on tidied text (no two spaces in a row), so at each character the lazy name tries one space and three fixed words. */
const QUALITATIVE_CLAUSE = /^(\p{L}[^\d]*?)\s+((?:đạt chuẩn|được công nhận|hoàn thành)\b.*)$/iu;

/** Words that open a target phrase; the name ends before them. */
const CUES = [
  "mức giảm hạ hằng năm",
  "không vượt quá",
  "không quá",
  "tối thiểu",
  "ít nhất",
  "tối đa",
  "tương đương",
  "phấn đấu",
  "duy trì",
  "có thêm",
  "tăng thêm",
  "khoảng",
  "chiếm",
  "trên",
  "dưới",
  "còn",
  "tăng",
  "giảm",
  "đạt",
  "từ",
  "≥",
  "≤",
  ">",
  "<",
];
/** Units after which the name is the text before the number ("Thu nội địa 6.682 tỷ đồng"). */
const PLAIN_UNITS = /^(?:%|tỷ đồng|triệu đồng|nghìn tỷ đồng|đồng|usd|triệu usd|tỷ usd|ha|tấn|mw|kwh|tỷ kwh|km)(?:\/[^\s]+)*$/i;
const FILLERS = /^(?:có|phấn đấu|và|trong đó|trong)$/i;
const OF_WHICH = /(?:^|[,;.]\s*|\s)trong đó\s*:?\s*/giu;
const SENTENCE_END = /\.\s+(?=[A-ZĐÀ-Ỹ])/gu;
const PAREN = /\(([^()]*)\)/g;
/** A label before ":" ("Cơ cấu kinh tế: …", "Tỷ lệ bác sỹ, giường bệnh/1 vạn dân: …"): words, and numbers only as units. */
const LABEL = /^([^:]{2,60}):\s+/;
const DOUBLE_DIGIT = /(?:^|\s)(?:2|hai) con số(?=\s|$|[,.;])/;
const RANGE_END = /^\s*%?\s*(?:-|–|đến)\s*\d+(?:[.,]\d+)*/;

/** A number in running text that is a target, not a year, a document number, an age or a version. */
function isMeasurable(text: string, n: NumberToken): boolean {
  const before = text.slice(Math.max(0, n.start - 24), n.start).toLowerCase();
  const after = text.slice(n.end, n.end + 12).toLowerCase();
  if (!n.percent && (/^\/[A-Za-zĐđ]/.test(after) || /^\/\d+\//.test(after))) return false; // 165/QĐ-TTg, 64/2003/QĐ-TTg
  if (/\/$/.test(before)) return false; // the 2003 of 64/2003
  if (/(?:số|năm|thời kỳ|giai đoạn|kỳ|khóa|tháng|ngày)\s*$/.test(before)) return false;
  if (/^\s*[-–]\s*(?:19|20)\d\d\b/.test(after) && n.value >= 1900 && n.value <= 2100) return false; // 2021-2030
  if (/[-–]\s*$/.test(before) && n.value >= 1900 && n.value <= 2100 && /(?:19|20)\d\d\s*[-–]\s*$/.test(before)) return false;
  if (/công nghiệp\s*$/.test(before) && n.text === "4.0") return false;
  if (/(?:tuổi|độ tuổi)\s*$/.test(before) || /^\s*tuổi/.test(after)) return false;
  if (/top\s*$/.test(before)) return true;
  return true;
}

export function measurableNumbers(text: string): NumberToken[] {
  const out = scanNumbers(text).filter((n) => isMeasurable(text, n));
  const dd = DOUBLE_DIGIT.exec(text);
  if (dd) {
    const start = dd.index + dd[0].indexOf(dd[0].trim());
    if (!out.some((n) => n.start === start)) out.push({ text: "2", value: 10, start, end: start + 1, percent: false });
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

export function hasTarget(text: string): boolean {
  return measurableNumbers(text).length > 0;
}

/**
 * Trims separators (",;.:–-" and spaces before, ",;.:" and spaces after) and collapses white space. A scan, not
 * `/[\s,;.:]+$/`: that regex restarts at every character of a long run of dots that does not end the text.
 */
const LEADING = new Set([..." \t\n\r\f\v\u00a0,;.:–-"]);
const TRAILING = new Set([..." \t\n\r\f\v\u00a0,;.:"]);
function tidy(s: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && (LEADING.has(s[from]!) || /\s/.test(s[from]!))) from++;
  while (to > from && (TRAILING.has(s[to - 1]!) || /\s/.test(s[to - 1]!))) to--;
  return s.slice(from, to).replace(/\s+/g, " ");
}

/**
 * Splits a chunk at ", " and " và " where both sides hold a target (a stretch "và phấn đấu" stays joined).
 * Linear in the chunk: its measurable numbers are found once, and "the text before holds a target" is read from
 * them — the same verdict as reading the slice on its own, since a number's context that decides (the words
 * right before it, "/" or "-" right after it) never reaches across a separator.
 */
function splitAtCommas(chunk: string): string[] {
  const seps = [...chunk.matchAll(/,\s+|\s+và\s+/g)];
  const parts: string[] = [];
  const targets = seps.length > 0 ? targetSpans(chunk) : [];
  let k = 0; // the first target starting at or after `from`
  let from = 0;
  let firstOfBefore: string | null = null;
  for (let i = 0; i < seps.length; i++) {
    const sep = seps[i]!;
    const at = sep.index!;
    const nextAt = i + 1 < seps.length ? seps[i + 1]!.index! : chunk.length;
    const next = chunk.slice(at + sep[0].length, nextAt);
    while (k < targets.length && targets[k]!.start < from) k++;
    const beforeHasTarget = k < targets.length && targets[k]!.end <= at;
    const startsStretch = /^phấn đấu\s/i.test(next.trim());
    const equivalent = /^tương đương\s/i.test(next.trim());
    // "Trong nông nghiệp còn 28%, trong công nghiệp - xây dựng và dịch vụ chiếm 72%": the next clause opens
    // like this one, and its target comes after a noun coordination.
    firstOfBefore ??= firstWord(chunk.slice(from, at));
    const parallel = sep[0].includes(",") && firstWord(next) !== "" && firstWord(next) === firstOfBefore && targets.length > 0 && targets[targets.length - 1]!.start >= at;
    if (beforeHasTarget && (hasTarget(next) || equivalent || parallel) && !startsStretch) {
      parts.push(chunk.slice(from, at));
      from = at + sep[0].length;
      firstOfBefore = null;
    }
  }
  parts.push(chunk.slice(from));
  return parts;
}

/** Where the targets of a text are: its measurable numbers and every "2 con số" (double digits), in order. */
function targetSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = scanNumbers(text).filter((n) => isMeasurable(text, n));
  for (const m of text.matchAll(new RegExp(DOUBLE_DIGIT.source, "g"))) {
    const start = m.index + m[0].indexOf(m[0].trim());
    spans.push({ start, end: start + 1 });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The first word of a text, lower-cased (read up to the first space only). */
function firstWord(s: string): string {
  const m = /^\s*(\S*)/.exec(s);
  return (m?.[1] ?? "").toLowerCase();
}

/** Where the target phrase starts: at the cue words right before the first measurable number. */
function targetStart(clause: string, n: NumberToken): { at: number; cued: boolean } {
  let at = n.start;
  let cued = false;
  for (let guard = 0; guard < 4; guard++) {
    const before = clause.slice(0, at).trimEnd();
    const lower = before.toLowerCase();
    const cue = CUES.find((c) => lower.endsWith(c) && (lower.length === c.length || /[\s(]/.test(lower.charAt(lower.length - c.length - 1)) || /[<>≤≥]/.test(c)));
    if (!cue) break;
    at = before.length - cue.length;
    cued = true;
  }
  return { at, cued };
}

const LETTER_OR_SPACE = /[\p{L}\s]/u;
const COUNTED_TAIL = /^\s*\d[\d.,]*\s*\p{L}[\p{L}\s]*$/u;

/**
 * "giường bệnh/1 vạn dân" at the end of the text after a number: what the number counts, per how many. A scan
 * for what `/^[^\d]*?(\p{L}[\p{L}\s]*\/\s*\d[\d.,]*\s*\p{L}[\p{L}\s]*)$/u` matched (that regex restarted
 * its letters at every character of a long text with no "/": quadratic): the "/" is the last one (none follows
 * it), no digit before it, and the words before it run back from it to the last character that is no letter
 * or space.
 */
function countedPart(text: string): string | null {
  const slash = text.lastIndexOf("/");
  if (slash < 0 || !COUNTED_TAIL.test(text.slice(slash + 1))) return null;
  const head = Array.from(text.slice(0, slash)); // by code point, as the regex's "u" flag reads
  if (head.some((c) => c >= "0" && c <= "9")) return null;
  let start = head.length;
  while (start > 0 && LETTER_OR_SPACE.test(head[start - 1]!)) start--;
  while (start < head.length && !/\p{L}/u.test(head[start]!)) start++;
  if (start >= head.length) return null;
  return head.slice(start).join("") + text.slice(slash);
}

function clauseOf(raw: string, context: string, ofWhich: boolean, prose: boolean): Clause | null {
  let text = tidy(raw.replace(/^trong đó\s*:?\s*/i, ""));
  const numbers = measurableNumbers(text);
  const first = numbers[0];
  if (!first) return null;
  if (prose) {
    // Running text: the clause ends with its target; what follows a comma without a number is commentary.
    const lastNumber = numbers[numbers.length - 1]!;
    const cut = text.slice(lastNumber.end).search(/,\s/);
    if (cut >= 0) text = tidy(text.slice(0, lastNumber.end + cut));
  }
  const { at, cued } = targetStart(text, first);
  // "… bình quân đầu người đến đạt từ 63 triệu đồng": "đến" before the verb is no part of the name.
  let name = tidy(text.slice(0, at)).replace(/\s+đến$/u, "");
  if (prose) name = tidy(name.replace(/^.*\bmục tiêu\s+/i, ""));
  const target = tidy(text.slice(at));
  const afterNumber = tidy(text.slice(first.end).replace(RANGE_END, ""));
  const plainUnit = afterNumber === "" || PLAIN_UNITS.test(afterNumber);
  const nameWords = name.split(/\s+/).filter(Boolean);
  // "48,5 giường bệnh/1 vạn dân" after a label: the clause is named by what it counts.
  const counted = nameWords.length === 0 && context !== "" ? countedPart(afterNumber) : null;
  if (counted) name = counted.charAt(0).toUpperCase() + counted.slice(1);
  else if (nameWords.length < 2 && (nameWords.length === 0 || FILLERS.test(name))) name = text;
  else if (!cued && !plainUnit) name = text;
  return { name, target, context, ofWhich };
}

/** The measurable clauses of a sentence, in document order. */
export function splitStatement(sentence: string, options: SplitOptions = {}): Clause[] {
  const prose = options.prose ?? false;
  let text = tidy(sentence);
  let label = "";
  const labelled = LABEL.exec(text);
  if (labelled && !hasTarget(labelled[1]!)) {
    label = labelled[1]!.trim();
    text = text.slice(labelled[0].length);
  }
  // Parentheses that hold a target become clauses of their own: "(trong đó nước sạch 85%)".
  const inner: string[] = [];
  text = text.replace(PAREN, (whole, body: string) => {
    if (hasTarget(body) && /[a-zà-ỹđ]/i.test(body)) {
      inner.push(body);
      return "";
    }
    return whole;
  });

  const clauses: Clause[] = [];
  let lastMain = label;
  for (const sentencePart of text.split(SENTENCE_END)) {
    // After "trong đó" the list of parts runs to the end of the sentence, across ";".
    let ofWhichOpen = false;
    for (const piece of sentencePart.split(/;\s*/)) {
      const ofWhichParts = piece.split(OF_WHICH);
      ofWhichParts.forEach((part, k) => {
        if (k > 0) ofWhichOpen = true;
        for (const chunk of splitAtCommas(part)) {
          const ofWhich = ofWhichOpen;
          const qualitative = options.qualitative && !hasTarget(chunk) ? QUALITATIVE_CLAUSE.exec(tidy(chunk)) : null;
          // Named by the whole clause, as a person lists it; the target is the yes/no "Đạt".
          const c = qualitative ? { name: tidy(chunk).charAt(0).toUpperCase() + tidy(chunk).slice(1), target: "Đạt", context: label, ofWhich: false } : clauseOf(chunk, ofWhich ? lastMain : label, ofWhich, prose);
          if (!c) continue;
          if (c.name === tidy(chunk) && /^tương đương\s/i.test(c.target) && clauses.length > 0) {
            // "…, tương đương 4.302 USD": the same indicator in another unit.
            const previous = clauses[clauses.length - 1]!;
            c.name = previous.name;
            c.context = previous.context;
            c.ofWhich = previous.ofWhich;
          }
          clauses.push(c);
          if (!ofWhich) lastMain = c.name;
        }
      });
    }
  }
  for (const body of inner) {
    const c = clauseOf(body, lastMain, true, prose);
    if (c) clauses.push(c);
  }
  return clauses;
}
