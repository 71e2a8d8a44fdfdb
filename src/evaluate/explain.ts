import { readReportActual } from "./reportActual";
import type { Target } from "../model/target";
import type { Direction } from "../model/indicator";
import { formatNumber } from "../parse/number";
import { isRankUnit } from "../parse/units";
import { message, type Message } from "../i18n/messages";
import type { Judgement } from "./judge";

/**
 * The one-line explanation of a judgement, in Vietnamese and English: "Thực hiện 93 % so với chỉ tiêu ≥ 95,1:
 * thiếu 2,1 điểm %". Made on demand (the sheet, the pane, the CLI), never on the evaluation hot path.
 */
export interface Explained {
  vi: string;
  en: string;
  warning: Message | null;
}

function num(x: number, lang: "vi" | "en"): string {
  return formatNumber(x, Math.abs(x) >= 100 ? 1 : 2, lang);
}

function withUnit(x: number, unit: string, lang: "vi" | "en"): string {
  const u = unit.trim();
  if (u === "") return num(x, lang);
  return u.startsWith("%") ? `${num(x, lang)}${u}` : `${num(x, lang)} ${u}`;
}

/** Points of a percentage are "điểm %" / "percentage points"; anything else keeps its unit. */
function gapText(gap: number, unit: string, lang: "vi" | "en", index: boolean): string {
  const u = unit.trim();
  const g = num(Math.abs(gap), lang);
  if (index) return lang === "vi" ? `${g} điểm chỉ số` : `${g} index points`;
  if (isRankUnit(u)) return lang === "vi" ? `${g} bậc` : `${g} places`;
  if (u === "%" || u.startsWith("%/")) return lang === "vi" ? `${g} điểm %` : `${g} percentage points`;
  return u === "" ? g : `${g} ${u}`;
}

function pair(make: (lang: "vi" | "en") => Message): { vi: string; en: string } {
  return { vi: make("vi").vi, en: make("en").en };
}

export function explain(j: Judgement, target: Target, unit: string, rawText = "", direction: Direction = "higher"): Explained {
  const text = rawText.trim();
  let warning: Message | null = null;
  if (j.warning) {
    const value = j.actual !== null ? num(j.actual, "vi") : "";
    warning = message(`eval.warn.${j.warning}`, { text, value });
  }
  const out = (m: { vi: string; en: string }): Explained => ({ vi: m.vi, en: m.en, warning });
  switch (j.reason) {
    case "no_data":
      return out(message("eval.noData"));
    case "no_target":
      return out(message("eval.noTarget"));
    case "unparsed_target":
      return out(message("eval.unparsed", { target: target.text }));
    case "composite":
      return out(message("eval.composite"));
    case "stated":
      return out(message(`eval.stated.${j.status === "exceeded" ? "exceeded" : j.status === "met" ? "met" : "short"}`, { text }));
    case "baseline_missing":
      return out(message("eval.baselineMissing", { target: target.text }));
    case "qualitative":
      return out(message(j.status === "met" ? "eval.qualitativeMet" : "eval.qualitativeShort", { target: target.text }));
    case "invalid_input": {
      if (j.invalid === "excel_error") return out(message("eval.excelError", { text }));
      if (j.invalid === "range_not_value") return out(message("eval.rangeNotValue", { text }));
      if (j.invalid === "qualitative_expected") return out(message("eval.qualitativeExpected", { text }));
      if (j.invalid === "number_expected") return out(message("eval.numberExpected", { text }));
      if (j.invalid === "percent_expected") return out(message("eval.percentExpected", { text, target: target.text }));
      if (j.invalid === "ambiguous") {
        const digits = text.replace(/[^0-9]/g, "");
        const asWhole = Number(digits);
        const asDecimal = Number(`${digits.slice(0, -3)}.${digits.slice(-3)}`);
        return out({
          vi: message("eval.ambiguous", { text, vi: num(asWhole, "vi"), en: num(asDecimal, "vi"), hint: `${num(asDecimal, "vi")} hoặc ${formatNumber(asWhole, 0, "vi")}` }).vi,
          en: message("eval.ambiguous", { text, vi: num(asWhole, "en"), en: num(asDecimal, "en"), hint: `${num(asDecimal, "vi")} or ${formatNumber(asWhole, 0, "vi")}` }).en,
        });
      }
      // Words a report would write ("ước đạt 7,1%", "6.120 tỷ đồng"): say what the report reader makes of them,
      // so staff can type the number (the cell stays flagged: its formulas read numbers only).
      const read = text === "" ? null : readReportActual(text, unit);
      const first = read && read.readings.length === 1 && !read.stated ? read.readings[0]! : null;
      if (first && first.kind === "number") {
        return out(pair((lang) => message("eval.notANumberReadable", { text, value: num(first.value, lang), qualifier: read!.qualifier ? (lang === "vi" ? " (có chữ ước lượng)" : " (with a word of approximation)") : "" })));
      }
      return out(message("eval.notANumber", { text }));
    }
    case "compared":
      break;
  }
  const x = j.actual ?? 0;
  const gap = j.gap ?? 0;
  if (target.kind === "reduction" || target.kind === "growth") {
    const change = j.change ?? 0;
    const changeUnit = target.change === "percent" ? "%" : target.change === "points" && unit.trim() === "%" ? "%" : unit;
    const verdict = (lang: "vi" | "en") =>
      j.status === "exceeded" || j.status === "met"
        ? lang === "vi"
          ? j.status === "exceeded" ? "vượt" : "đạt"
          : j.status === "exceeded" ? "exceeded" : "met"
        : lang === "vi"
          ? `thiếu ${gapText(gap, changeUnit, "vi", false)}`
          : `short by ${gapText(gap, changeUnit, "en", false)}`;
    const reduce = target.kind === "reduction";
    const m = pair((lang) =>
      message("eval.change", {
        verb: reduce ? (change >= 0 ? "Giảm" : "Tăng") : change >= 0 ? "Tăng" : "Giảm",
        verbEn: reduce ? (change >= 0 ? "Down" : "Up") : change >= 0 ? "Up" : "Down",
        change: gapText(change, changeUnit, lang, false),
        baseline: withUnit(x + (reduce ? change : -change), target.change === "percent" ? unit : unit, lang),
        target: target.text,
        verdict: verdict("vi"),
        verdictEn: verdict("en"),
      }),
    );
    return out(m);
  }
  const actual = (lang: "vi" | "en") =>
    target.index ? num(x, lang) : isRankUnit(unit) ? (lang === "vi" ? `hạng ${num(x, lang)}` : `rank ${num(x, lang)}`) : withUnit(x, unit, lang);
  const g = (lang: "vi" | "en") => gapText(gap, unit, lang, target.index);
  const behind = j.status === "near" || j.status === "shortfall";
  const code = !behind
    ? j.status === "exceeded" ? "eval.ahead" : "eval.onTarget"
    : direction === "band" ? "eval.offBand" : Math.abs(gap) <= 1e-9 ? "eval.atThreshold" : "eval.behind";
  return out(pair((lang) => message(code, { actual: actual(lang), target: target.text, gap: g(lang) })));
}
