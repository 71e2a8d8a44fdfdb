import type { Direction } from "../model/indicator";
import type { Target } from "../model/target";
import { foldText } from "../model/ids";
import { formatNumber, type NumberStyle } from "../parse/number";
import { readActual, type ActualReading } from "./actual";
import { judge, type JudgeOptions, type Judgement } from "./judge";
import { STATUS_VOCABULARY } from "./vocabulary";
import { readStatedVerdict, type StatedVerdict } from "./statedVerdict";

/**
 * An actual as year-end reports write it, read for `evaluate` and the report table (staff's input cells keep
 * the stricter reader of actual.ts, which the workbook's formulas mirror):
 * - words of estimate before the value: "ước đạt 7,1%", "ước tính", "dự ước", "ước thực hiện", "đạt";
 * - approximations and bounds, kept as a qualifier and judged conservatively: "khoảng 3%", "trên 5", "hơn 80",
 *   "gần 12.000", "dưới 3" — a bound that leans the bad way counts as just beyond its number;
 * - a value with its unit or count word, checked against the indicator's unit, with scale words converted:
 *   "950 triệu USD" against "tỷ USD" reads 0,95; "12 xã" against "%" is refused with the reason;
 * - a level and its change in one cell, "268.100 tỷ đồng, tăng 16,2%": the part in the indicator's unit;
 * - a range "61-62", judged by both ends (the worse one counts); a negative in parentheses "(2,15)";
 * - "Xuất siêu" (a trade surplus) for a trade-deficit indicator: better than any deficit, so beyond its cap;
 * - the report's own comparison with the plan ("vượt 21,6% kế hoạch", "đạt 135% dự toán", "(đạt kế hoạch
 *   8-8,3%)"): kept beside the value, and the verdict where the value cannot be compared (statedVerdict.ts).
 * Every reading that is not the bare number says how it was read ("đọc là …").
 */
export type Qualifier = "about" | "above" | "below" | null;

export interface ReportReading {
  /** One reading, or two for a range (its ends). */
  readings: ActualReading[];
  qualifier: Qualifier;
  /** How the text was read, when it was more than a bare value. */
  note: { vi: string; en: string } | null;
  /** The report's own comparison with the plan, when the cell states one. */
  stated?: StatedVerdict | null;
  /** "Xuất siêu" read for a trade-deficit indicator. */
  surplus?: boolean;
  /** The level a reduction left, written after it: "0,86% (còn 4,17%)" → 4,17. */
  level?: number | null;
}

/** "(còn 4,17%)" after a reduction: the level left, in a target or an actual. */
export function remainingLevel(text: string, style: NumberStyle = "vi"): number | null {
  const m = /\(\s*còn\s+([-−]?\d[\d.,]*)\s*%?\s*\)/iu.exec(text);
  if (!m) return null;
  const r = readActual(m[1]!, style);
  return r.kind === "number" ? r.value : null;
}

const ESTIMATE = /^(?:ước\s+thực\s+hiện|ước\s+tính|ước\s+đạt|dự\s+ước|ước|đạt|thực\s+hiện)\s+/iu;
/** Bound words, their qualifier, and how the English note names them. */
const BOUND: [RegExp, Qualifier, string][] = [
  [/^(?:khoảng|xấp\s+xỉ|chừng)\s+/iu, "about", "about"],
  [/^(?:trên|hơn|ít\s+nhất|tối\s+thiểu)\s+/iu, "above", "at least"],
  [/^(?:dưới|gần|chưa\s+đến|tối\s+đa)\s+/iu, "below", "at most"],
];
const SCALE: Record<string, number> = { nghin: 1e3, ngan: 1e3, van: 1e4, trieu: 1e6, ty: 1e9 };
const NUMBER_LEAD = /^[-−+]?\d[\d.,]*\s*%?/u;

/** "triệu USD" → { scale: 1e6, rest: "usd" }; "tỷ đồng" → { 1e9, "dong" }; "%" → { 1, "%" }. */
function unitParts(unit: string): { scale: number; rest: string } {
  const f = foldText(unit.trim()).replace(/\s+/g, " ");
  const m = /^(nghin ty|nghin|ngan|van|trieu|ty)\b\s*(.*)$/.exec(f);
  if (!m) return { scale: 1, rest: f };
  return { scale: m[1] === "nghin ty" ? 1e12 : SCALE[m[1]!]!, rest: m[2]!.trim() };
}

const num = (x: number, lang: "vi" | "en") => formatNumber(x, Math.abs(x) >= 100 ? 1 : 3, lang);

interface Part {
  reading: ActualReading;
  unitWord: string;
}

/** The leading number of a text and the words after it ("950 triệu USD" → 950, "triệu USD"). */
function leadingNumber(text: string, style: NumberStyle): Part | null {
  const m = NUMBER_LEAD.exec(text);
  if (!m) return null;
  const reading = readActual(m[0].trim(), style);
  if (reading.kind !== "number") return null;
  return { reading, unitWord: text.slice(m[0].length).trim() };
}

export function readReportActual(value: unknown, unit: string, style: NumberStyle = "vi", indicatorName = ""): ReportReading {
  const plain = readActual(value, style);
  if (typeof value !== "string" || plain.kind !== "invalid") return { readings: [plain], qualifier: null, note: null };
  const { stated, rest } = readStatedVerdict(value.trim().replace(/\s+/g, " "));
  const level = remainingLevel(value, style);
  if (!stated) {
    const r = readValue(rest, unit, style, indicatorName);
    return level === null ? r : { ...r, level, note: r.note ? { vi: `${r.note.vi}; còn ${num(level, "vi")}`, en: `${r.note.en}; ${num(level, "en")} left` } : { vi: `đọc là: giảm ${r.readings[0]?.kind === "number" ? num(r.readings[0].value, "vi") : "?"}, còn ${num(level, "vi")}: xét cả mức còn lại`, en: `read as: down by ${r.readings[0]?.kind === "number" ? num(r.readings[0].value, "en") : "?"}, ${num(level, "en")} left: the level is judged too` } };
  }
  const said = { vi: `báo cáo ghi “${stated.words}”`, en: `the report says “${stated.words}”` };
  const valueRead: ReportReading = rest === "" ? { readings: [{ kind: "no_data" }], qualifier: null, note: null } : readValue(rest, unit, style, indicatorName);
  const n = valueRead.note;
  return { ...valueRead, stated, note: n ? { vi: `${n.vi}; ${said.vi}`, en: `${n.en}; ${said.en}` } : { vi: `đọc là: ${said.vi}`, en: `read as: ${said.en}` } };
}

function readValue(value: string, unit: string, style: NumberStyle, indicatorName: string): ReportReading {
  const plain = readActual(value, style);
  if (plain.kind !== "invalid") return { readings: [plain], qualifier: null, note: null };
  let text = value;
  const said: { vi: string[]; en: string[] } = { vi: [], en: [] };

  // A trade surplus where a deficit is capped.
  if (/^xuất siêu\b/iu.test(text) && /nhập siêu/iu.test(indicatorName)) {
    return {
      readings: [{ kind: "number", value: 0, percent: false, ambiguous: null }],
      qualifier: "below",
      surplus: true,
      note: { vi: "đọc là xuất siêu: không nhập siêu, tốt hơn mọi mức nhập siêu", en: "read as a trade surplus: no deficit, better than any deficit" },
    };
  }
  // A negative in parentheses, as accounts write it.
  const paren = /^\((\d[\d.,]*)\)\s*(.*)$/.exec(text);
  if (paren) {
    text = `-${paren[1]} ${paren[2]}`.trim();
    said.vi.push("số trong ngoặc là số âm");
    said.en.push("a number in parentheses is negative");
  }
  // Words of estimate, then a bound.
  for (let k = 0; k < 2 && ESTIMATE.test(text); k++) text = text.replace(ESTIMATE, "");
  let qualifier: Qualifier = null;
  for (const [re, q, en] of BOUND) {
    const m = re.exec(text);
    if (!m) continue;
    qualifier = q;
    text = text.slice(m[0].length);
    said.vi.push(`“${m[0].trim().toLowerCase()}”`);
    said.en.push(`“${m[0].trim().toLowerCase()}” (${en})`);
    break;
  }
  // "từ 60 đến 62": a range.
  text = text.replace(/^từ\s+(?=\d)/iu, "");
  // A level and its change: keep the part whose unit is the indicator's.
  const parts = text.split(/[,;]\s+(?=(?:tăng|giảm|bằng|đạt)\b)/iu);
  const want = unitParts(unit);
  const candidates = parts.map((p) => p.replace(/^(?:tăng|giảm|bằng|đạt)\s+/iu, "").trim());
  // A range of values: judged by both ends.
  const range = /^([-−]?\d[\d.,]*)\s*(%?)\s*(?:-|–|—|đến)\s*(\d[\d.,]*)\s*(%?)\s*(.*)$/u.exec(candidates[0] ?? "");
  if (range && candidates.length === 1) {
    const a = readActual(range[1]! + (range[2] || range[4]), style);
    const b = readActual(range[3]! + range[4], style);
    if (a.kind === "number" && b.kind === "number") {
      return { readings: [a, b], qualifier, note: note(said, { vi: `khoảng từ ${num(a.value, "vi")} đến ${num(b.value, "vi")}: xét cả hai đầu`, en: `a range from ${num(a.value, "en")} to ${num(b.value, "en")}: both ends judged` }) };
    }
  }
  for (const candidate of candidates) {
    const part = leadingNumber(candidate, style);
    if (!part || part.reading.kind !== "number") continue;
    const got = part.unitWord === "" || part.reading.percent ? null : unitParts(part.unitWord);
    if (got === null) {
      if (candidates.length > 1 && part.reading.percent !== (want.rest === "%")) continue;
      return { readings: [part.reading], qualifier, note: note(said, null) };
    }
    // The same unit, a shortened one ("27,5 giường" against "giường bệnh"), or a bare scale word ("hơn 80 tỷ"
    // against "tỷ đồng").
    const shortened = got.rest !== "" && (want.rest.startsWith(`${got.rest} `) || want.rest.startsWith(`${got.rest}/`));
    if (got.rest === want.rest || shortened || (got.rest === "" && got.scale !== 1)) {
      const value = (part.reading.value * got.scale) / want.scale;
      const converted = got.scale !== want.scale;
      return {
        readings: [{ ...part.reading, value }],
        qualifier,
        note: note(said, converted ? { vi: `${num(part.reading.value, "vi")} ${part.unitWord} = ${num(value, "vi")} ${unit}`, en: `${num(part.reading.value, "en")} ${part.unitWord} = ${num(value, "en")} ${unit}` } : null),
      };
    }
    if (candidates.length === 1) {
      return {
        readings: [{ kind: "invalid", reason: "not_a_number" }],
        qualifier,
        note: { vi: `đơn vị “${part.unitWord}” không khớp với “${unit}”: không so sánh được`, en: `the unit “${part.unitWord}” does not match “${unit}”: cannot be compared` },
      };
    }
  }
  // A word staff would also type ("Hoàn thành", "Đạt") after the estimate words.
  const word = readActual(text, style);
  return { readings: [word], qualifier, note: word.kind === "invalid" ? null : note(said, null) };
}

function note(said: { vi: string[]; en: string[] }, extra: { vi: string; en: string } | null): { vi: string; en: string } | null {
  const vi = [...said.vi, ...(extra ? [extra.vi] : [])];
  const en = [...said.en, ...(extra ? [extra.en] : [])];
  return vi.length ? { vi: `đọc là: ${vi.join("; ")}`, en: `read as: ${en.join("; ")}` } : null;
}

/**
 * Judges a report's actual: each reading (both ends of a range), the worse counting. A bound that leans the bad
 * way ("trên 5" where lower is better, "dưới 12.000" or "gần 12.000" where higher is better) is judged a hair
 * beyond its number, so it never meets a target it only touches. One that leans the good way is judged at its
 * number, and meets a strict threshold at that number ("dưới 3" against "< 3"), but never counts as exceeding
 * on the strength of the hair alone ("trên 5" against "5" is met).
 */
export function judgeReportActual(target: Target, direction: Direction, read: ReportReading, options: JudgeOptions = {}): Judgement {
  const j = withLevel(judgeValue(target, direction, read, options), target, read, options.tolerance ?? 0.05);
  // A surplus is not a smaller deficit: it is beyond any cap on the deficit (the national 2019 report: "Vượt").
  if (read.surplus && direction === "lower" && j.status === "met") return { ...j, status: "exceeded" };
  // The value could not be compared (no target, an unread one, no value, a unit of its own): the report's words.
  if (read.stated && j.reason !== "compared" && j.reason !== "qualitative") return statedJudgement(read.stated, options.tolerance ?? 0.05);
  return j;
}

/**
 * A reduction with the level it leaves, in the target and in the actual ("0,7% (còn 4,33%)" against "0,86% (còn
 * 4,17%)"): the level is judged too — at most the planned level is met, below it exceeded — and the worse of
 * the two counts, so a large reduction from a higher start does not pass for reaching the planned level.
 */
function withLevel(j: Judgement, target: Target, read: ReportReading, tolerance: number): Judgement {
  const planned = remainingLevel(target.text);
  if (planned === null || read.level === undefined || read.level === null || (j.reason !== "compared" && j.reason !== "baseline_missing")) return j;
  const x = read.level;
  const status = x < planned - 1e-9 ? "exceeded" : x <= planned + 1e-9 ? "met" : x <= planned + tolerance * Math.abs(planned) + 1e-9 ? "near" : "shortfall";
  const rank = (s: Judgement["status"]) => STATUS_VOCABULARY[s].rank;
  if (j.reason === "baseline_missing") return { ...j, status, reason: "compared", actual: x, compared: planned, gap: planned - x };
  return rank(status) < rank(j.status) ? { ...j, status } : j;
}

function statedJudgement(stated: StatedVerdict, tolerance: number): Judgement {
  const status = stated.verdict !== "shortfall" ? stated.verdict : stated.share !== null && stated.share >= 1 - tolerance - 1e-9 ? "near" : "shortfall";
  return { status, gap: null, achievement: stated.share, capped: false, reason: "stated", invalid: null, actual: null, compared: null, change: null, warning: null };
}

function judgeValue(target: Target, direction: Direction, read: ReportReading, options: JudgeOptions): Judgement {
  const rank = (j: Judgement) => STATUS_VOCABULARY[j.status].rank;
  const MET = STATUS_VOCABULARY.met.rank;
  const one = (r: ActualReading): Judgement => {
    const at = judge(target, direction, r, options);
    if (r.kind !== "number" || read.qualifier === null || read.qualifier === "about") return at;
    const hair = Math.max(Math.abs(r.value) * 1e-9, 1e-8);
    const leaned = judge(target, direction, { ...r, value: r.value + (read.qualifier === "above" ? hair : -hair) }, options);
    const bad = (read.qualifier === "above" && direction === "lower") || (read.qualifier === "below" && direction !== "lower");
    if (bad) return leaned;
    return rank(leaned) > rank(at) && rank(leaned) <= MET ? leaned : at;
  };
  return read.readings.map(one).reduce((worst, j) => (rank(j) < rank(worst) ? j : worst));
}
