import type { Direction, DirectionSource, DirectionVerdict } from "../model/indicator";
import type { Target } from "../model/target";
import { foldText } from "../model/ids";
import { isRankUnit } from "./units";

/**
 * Which way is better for an indicator, and why. In order of strength (GLOSSARY.md, "Which way is better"):
 * an explicit comparator in the target ("dưới", "<", "≤", "trên", "≥"), the kind of target (a reduction aims
 * lower, a growth higher, a rank is better when lower), the unit ("Thứ hạng"), the name of a quantity that is
 * bad when high (poverty, unemployment, bad debt, mortality …) or that is a share of a whole (a structure),
 * and last the default: higher is better. A user override beats all of them (`overrideDirection`).
 */

interface NameRule {
  /** Folded (no tone marks, lower case) fragment of the indicator name. */
  fragment: string;
  vi: string;
  en: string;
  /** Folded phrases in which the fragment does not make the quantity bad ("bảo hiểm thất nghiệp"). */
  except?: string[];
}

/** Quantities that are worse when higher (GLOSSARY.md), with the phrases in which the words mean something else. */
const LOWER_IS_BETTER: NameRule[] = [
  { fragment: "ho ngheo", vi: "hộ nghèo", en: "poverty", except: ["thoat ngheo", "ho tro ho ngheo"] },
  { fragment: "ngheo da chieu", vi: "nghèo đa chiều", en: "multidimensional poverty" },
  { fragment: "that nghiep", vi: "thất nghiệp", en: "unemployment", except: ["bao hiem that nghiep"] },
  { fragment: "no xau", vi: "nợ xấu", en: "bad debt" },
  { fragment: "no dong", vi: "nợ đọng", en: "arrears" },
  { fragment: "tu vong", vi: "tử vong", en: "mortality" },
  { fragment: "suy dinh duong", vi: "suy dinh dưỡng", en: "malnutrition" },
  { fragment: "lam phat", vi: "lạm phát", en: "inflation", except: ["kiem soat lam phat"] },
  // The growth of the consumer price index: "Khoảng 4" with 2,79 beats the plan (the national year-end reports
  // count it among the targets exceeded).
  { fragment: "gia tieu dung", vi: "tốc độ tăng giá tiêu dùng (CPI)", en: "consumer price growth (CPI)" },
  { fragment: "cpi", vi: "chỉ số giá tiêu dùng (CPI)", en: "consumer price index (CPI)" },
  { fragment: "nhap sieu", vi: "nhập siêu (thâm hụt thương mại; xuất siêu còn tốt hơn)", en: "trade deficit (a surplus is better still)" },
  { fragment: "boi chi", vi: "bội chi ngân sách", en: "budget deficit" },
  { fragment: "no cong", vi: "nợ công", en: "public debt" },
  // Recurrent spending as a share of the budget: the plans aim to bring it down in favour of investment.
  { fragment: "chi thuong xuyen", vi: "tỷ trọng chi thường xuyên (giảm để dành cho đầu tư)", en: "share of recurrent spending (brought down in favour of investment)" },
  { fragment: "tai nan giao thong", vi: "tai nạn giao thông", en: "traffic accidents" },
  { fragment: "sinh con thu 3", vi: "sinh con thứ 3 trở lên", en: "third and later births" },
  { fragment: "thu hang", vi: "thứ hạng", en: "rank" },
  { fragment: "xep hang", vi: "xếp hạng", en: "rank" },
  { fragment: "ty so gioi tinh", vi: "tỷ số giới tính khi sinh (trên mức tự nhiên)", en: "sex ratio at birth (above the natural level)" },
];

/** Shares of a whole: the parts of one whole cannot all rise, so the plan's value is a band to stay near. */
const BAND: NameRule[] = [
  { fragment: "ty trong", vi: "tỷ trọng (cơ cấu của một tổng thể)", en: "share of a whole (a structure)" },
  { fragment: "co cau", vi: "cơ cấu", en: "structure" },
  { fragment: "so voi grdp", vi: "so với GRDP (tỷ lệ cơ cấu)", en: "ratio to GRDP (a structure)" },
];


function verdict(direction: Direction, source: DirectionSource, vi: string, en: string): DirectionVerdict {
  return { direction, source, reason: { vi, en } };
}

/** Whether a folded name has `words` as whole words (bounded by a space or an end), without copying the name. */
function hasWords(folded: string, words: string): boolean {
  for (let at = folded.indexOf(words); at >= 0; at = folded.indexOf(words, at + 1)) {
    const end = at + words.length;
    if ((at === 0 || folded.charCodeAt(at - 1) === 32) && (end === folded.length || folded.charCodeAt(end) === 32)) return true;
  }
  return false;
}

function nameHas(folded: string, rule: NameRule): boolean {
  if (rule.except?.some((e) => hasWords(folded, e))) return false;
  return hasWords(folded, rule.fragment);
}

export function inferDirection(name: string, unit: string, target: Target): DirectionVerdict {
  if (target.kind === "rank" || isRankUnit(unit)) {
    return verdict("lower", "unit", "đơn vị là thứ hạng: hạng nhỏ hơn là tốt hơn", "the unit is a rank: a smaller rank is better");
  }
  if (target.kind === "at_least" || (target.kind === "maintain" && target.min !== null && target.max === null)) {
    return verdict("higher", "comparator", `chỉ tiêu “${target.text}” là mức tối thiểu`, `the target “${target.text}” is a minimum`);
  }
  if (target.kind === "at_most" || (target.kind === "maintain" && target.max !== null && target.min === null)) {
    return verdict("lower", "comparator", `chỉ tiêu “${target.text}” là mức tối đa`, `the target “${target.text}” is a maximum`);
  }
  if (target.kind === "reduction") {
    return verdict("lower", "kind", "chỉ tiêu là mức giảm: thấp hơn là tốt hơn", "the target is a reduction: lower is better");
  }
  if (target.kind === "growth" || target.kind === "stretch") {
    return verdict("higher", "kind", "chỉ tiêu là mức tăng: cao hơn là tốt hơn", "the target is a growth: higher is better");
  }
  const folded = foldText(name);
  // "Giảm tỷ lệ hộ nghèo …", "Mức giảm …", "Trong đó: Giảm …" with a bare number or range ("1-1,5", "4"):
  // the number is the size of the reduction, and a larger one is better (the national report judges 1,1
  // against "1-1,5 điểm" and "trên 4" against "4" as met).
  const reduceFirst = /^(trong do:? )?(muc )?giam(?: |$)/.test(folded);
  // "Tỷ lệ hộ nghèo giảm (%)": the word after the quantity, the number is again the size of the reduction.
  const reduceLast = /\sgiam(\s+\S{1,4})?$/.test(folded); // folded text has lost the parentheses: "... giam %"
  if (reduceLast && (target.kind === "exact" || target.kind === "range")) {
    return verdict("higher", "name", "tên chỉ tiêu là mức giảm: số là mức giảm, giảm nhiều hơn là tốt hơn", "the indicator is a reduction: the number is its size, a larger reduction is better");
  }
  if (reduceFirst) {
    if (target.kind === "exact" || target.kind === "range") {
      return verdict("higher", "name", "tên chỉ tiêu là mức giảm: số là mức giảm, giảm nhiều hơn là tốt hơn", "the indicator is a reduction: the number is its size, a larger reduction is better");
    }
    return verdict("lower", "name", "tên chỉ tiêu bắt đầu bằng “Giảm”", "the indicator name starts with “Giảm” (reduce)");
  }
  const bad = LOWER_IS_BETTER.find((r) => nameHas(folded, r));
  if (bad) {
    if (bad.fragment === "ty so gioi tinh" && target.kind === "range") {
      return verdict("band", "name", "tỷ số giới tính khi sinh: trong khoảng là đạt", "sex ratio at birth: inside the range is met");
    }
    return verdict("lower", "name", `tên chỉ tiêu: ${bad.vi} (thấp hơn là tốt hơn)`, `indicator name: ${bad.en} (lower is better)`);
  }
  const band = BAND.find((r) => nameHas(folded, r));
  if (band && (target.kind === "exact" || target.kind === "range" || target.kind === "none")) {
    return verdict("band", "name", `tên chỉ tiêu: ${band.vi}`, `indicator name: ${band.en}`);
  }
  return verdict("higher", "default", "mặc định: cao hơn là tốt hơn", "default: higher is better");
}

/** A user's (or an analyst's) decision, which beats every inferred reason. */
export function overrideDirection(direction: Direction, why: { vi: string; en: string }): DirectionVerdict {
  return { direction, source: "override", reason: why };
}
