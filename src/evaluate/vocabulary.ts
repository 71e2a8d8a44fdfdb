import type { Status } from "../model/status";

/**
 * One table of statuses: the Vietnamese and English labels, the colours on screen and in print, and a symbol
 * so that a black-and-white print still reads. Colours follow Excel's Good / Neutral / Bad cell styles, which
 * planning staff already know; "exceeded" is a deeper green, "invalid" a violet that cannot be taken for red.
 */
export interface StatusStyle {
  code: Status;
  vi: string;
  en: string;
  symbol: string;
  /** Cell fill and font colour, RGB hex without '#'. */
  fill: string;
  font: string;
  /** Order from worst to best, for summaries and for judging a packed row from its parts. */
  rank: number;
}

export const STATUS_VOCABULARY: Readonly<Record<Status, StatusStyle>> = {
  invalid: { code: "invalid", vi: "Lỗi nhập liệu", en: "Invalid input", symbol: "!", fill: "E4D0F5", font: "5B1A7A", rank: 0 },
  shortfall: { code: "shortfall", vi: "Không đạt", en: "Not met", symbol: "✗", fill: "FFC7CE", font: "9C0006", rank: 1 },
  near: { code: "near", vi: "Gần đạt", en: "Nearly met", symbol: "◐", fill: "FFEB9C", font: "9C5700", rank: 2 },
  met: { code: "met", vi: "Đạt", en: "Met", symbol: "✓", fill: "C6EFCE", font: "006100", rank: 3 },
  exceeded: { code: "exceeded", vi: "Vượt", en: "Exceeded", symbol: "▲", fill: "63BE7B", font: "003300", rank: 4 },
  no_data: { code: "no_data", vi: "Chưa có số liệu", en: "No data", symbol: "–", fill: "EDEDED", font: "595959", rank: 5 },
  not_applicable: { code: "not_applicable", vi: "Không đánh giá", en: "Not assessed", symbol: "○", fill: "FFFFFF", font: "7F7F7F", rank: 6 },
};

export const STATUS_ORDER: readonly Status[] = ["exceeded", "met", "near", "shortfall", "no_data", "invalid", "not_applicable"];

/** "✓ Đạt" / "✓ Met": the text a status cell shows, readable without colour. */
export function statusLabel(status: Status, lang: "vi" | "en" = "vi"): string {
  const s = STATUS_VOCABULARY[status];
  return `${s.symbol} ${lang === "vi" ? s.vi : s.en}`;
}
