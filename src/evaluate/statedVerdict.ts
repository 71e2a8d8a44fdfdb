import { parseNumber } from "../parse/number";

/**
 * A report's own comparison with the plan, written beside (or instead of) the value: "vượt 21,6% kế hoạch",
 * "đạt 135% dự toán HĐND tỉnh giao", "bằng 115,9% dự toán", "tăng 37,8% so với dự toán", "đạt 99,8% kế
 * hoạch", "vượt mức chỉ tiêu Trung ương giao 22,2%", "(vượt mục tiêu Nghị quyết 0,36%)", "(đạt kế hoạch
 * 8-8,3%)", "hoàn thành kế hoạch", "không đạt kế hoạch". Read as a verdict and, where the words give one, the
 * share of the plan reached (1,216 for "vượt 21,6% kế hoạch"). The rest of the text (the value) is returned
 * for the value reader.
 */
export interface StatedVerdict {
  verdict: "exceeded" | "met" | "shortfall";
  /** Share of the plan reached, when the words give it ("đạt 135% dự toán" → 1,35). */
  share: number | null;
  /** The words as written. */
  words: string;
}

const PLAN = String.raw`(?:kế\s+hoạch|KH|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu|nghị\s+quyết|NQ)(?![\p{L}\d])`;
const NUM = String.raw`(\d[\d.,]*)`;
const OPEN = String.raw`(?:^|[,;]\s*|\(\s*)`;
/** The rest of the statement up to the next clause; a decimal comma ("8-8,3%") is not a clause break. */
const TAIL = String.raw`(?:[^,;()]|(?<=\d),(?=\d))*\)?`;

/** "vượt 21,6% kế hoạch", "đạt 135% dự toán", "tăng 37,8% so với dự toán", "bằng 115,9% dự toán". */
const SHARE = new RegExp(String.raw`${OPEN}(vượt|đạt|bằng|tăng|giảm)\s+(?:mức\s+)?(?:khoảng\s+|gần\s+|trên\s+|hơn\s+)?${NUM}\s*%\s*(?:so\s+(?:với\s+)?)?${PLAN}${TAIL}`, "iu");
/** "vượt mức chỉ tiêu Trung ương giao 22,2%", "(vượt mục tiêu Nghị quyết 0,36%)". */
const OVER = new RegExp(String.raw`${OPEN}vượt\s+(?:mức\s+)?(?:so\s+với\s+)?${PLAN}[^,;()\d]*${NUM}?\s*%?${TAIL}`, "iu");
/** "vượt 50 USD so với kế hoạch", "thấp hơn 2 điểm % so với kế hoạch". */
const AMOUNT = new RegExp(String.raw`${OPEN}(vượt|cao\s+hơn|hụt|thấp\s+hơn|thiếu)\s+${NUM}\s*[^\d,;()]*?\s+so\s+(?:với\s+)?${PLAN}${TAIL}`, "iu");
/** "(đạt kế hoạch 8-8,3%)", "hoàn thành kế hoạch", "không đạt kế hoạch", "chưa đạt chỉ tiêu". */
const WORD = new RegExp(String.raw`${OPEN}(không\s+đạt|chưa\s+đạt|chưa\s+hoàn\s+thành|không\s+hoàn\s+thành|đạt|hoàn\s+thành)\s+(?:so\s+(?:với\s+)?)?${PLAN}${TAIL}`, "iu");

/** A number in the words ("21,6", "7.213,5"), read as the rest of the project reads vi-VN numbers. */
function number(text: string): number {
  const n = parseNumber(text, "vi");
  return n.ok ? n.value : Number.NaN;
}

function cut(text: string, m: RegExpExecArray): string {
  return (text.slice(0, m.index) + text.slice(m.index + m[0].length)).replace(/[\s,;(]+$/u, "").replace(/^[\s,;)]+/u, "").trim();
}

export function readStatedVerdict(text: string): { stated: StatedVerdict | null; rest: string } {
  const share = SHARE.exec(text);
  if (share && !Number.isNaN(number(share[2]!))) {
    const verb = share[1]!.toLowerCase();
    const x = number(share[2]!) / 100;
    const s = verb === "vượt" || verb === "tăng" ? 1 + x : verb === "giảm" ? 1 - x : x;
    const verdict = s > 1 + 1e-9 ? "exceeded" : s >= 1 - 1e-9 ? "met" : "shortfall";
    return { stated: { verdict, share: s, words: share[0].replace(/^[\s,;(]+|[\s)]+$/gu, "") }, rest: cut(text, share) };
  }
  const over = OVER.exec(text);
  if (over) return { stated: { verdict: "exceeded", share: null, words: over[0].replace(/^[\s,;(]+|[\s)]+$/gu, "") }, rest: cut(text, over) };
  const amount = AMOUNT.exec(text);
  if (amount) {
    const over = /^(?:vượt|cao)/iu.test(amount[1]!);
    return { stated: { verdict: over ? "exceeded" : "shortfall", share: null, words: amount[0].replace(/^[\s,;(]+|[\s)]+$/gu, "") }, rest: cut(text, amount) };
  }
  const word = WORD.exec(text);
  if (word) {
    const met = !/^(?:không|chưa)/iu.test(word[1]!);
    return { stated: { verdict: met ? "met" : "shortfall", share: null, words: word[0].replace(/^[\s,;(]+|[\s)]+$/gu, "") }, rest: cut(text, word) };
  }
  return { stated: null, rest: text };
}
