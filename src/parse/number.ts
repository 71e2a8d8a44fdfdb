import { message, type Message } from "../i18n/messages";

/**
 * Numbers as printed in plans and typed by staff: vi-VN first (decimal comma, thousands dot: "1.462,8"),
 * tolerant of en-US ("107.27", "1,462.8"). A value that cannot be read is an error value with a message,
 * never NaN or 0. A value that reads two ways ("1.800", "1,800") is read in the preferred style and the
 * other reading is reported, so that the caller (which knows the unit) can decide whether to warn.
 */
export type NumberStyle = "vi" | "en";

export type ParsedNumber =
  | { ok: true; value: number; percent: boolean; ambiguous: { vi: number; en: number } | null }
  | { ok: false; error: Message };

const CH_0 = 48;
const CH_9 = 57;

function isDigit(c: number): boolean {
  return c >= CH_0 && c <= CH_9;
}

/** Spaces that may stand around or inside a number: space, tab, no-break and narrow no-break space. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** True when `s` is digit groups joined by `sep`: first group 1-3 digits, the others exactly 3. */
function isGrouped(s: string, sep: string): boolean {
  const parts = s.split(sep);
  if (parts.length < 2) return false;
  const first = parts[0]!;
  if (first.length < 1 || first.length > 3) return false;
  for (let i = 1; i < parts.length; i++) if (parts[i]!.length !== 3) return false;
  return true;
}

function digitsOnly(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

function fail(text: string): ParsedNumber {
  return { ok: false, error: text.trim() === "" ? message("number.empty") : message("number.invalid", { text: text.trim() }) };
}

/** Reads one number. `style` is the preferred reading when a text reads two ways. */
export function parseNumber(text: string, style: NumberStyle = "vi"): ParsedNumber {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let percent = false;
  if (end > start && text.charCodeAt(end - 1) === 37 /* % */) {
    percent = true;
    end--;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  }
  let negative = false;
  const c0 = text.charCodeAt(start);
  if (c0 === 45 /* - */ || c0 === 0x2212 /* − */ || c0 === 0x2013 /* – */) {
    negative = true;
    start++;
  } else if (c0 === 43 /* + */) {
    start++;
  }
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  if (start >= end) return fail(text);

  // Collect the body; spaces inside are allowed only as thousands separators ("1 462,8").
  let body = "";
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  let spaced = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) body += text[i];
    else if (c === 46) {
      lastDot = body.length;
      dots++;
      body += ".";
    } else if (c === 44) {
      lastComma = body.length;
      commas++;
      body += ",";
    } else if (isSpace(c)) {
      spaced = true;
      body += " ";
    } else return fail(text);
  }
  if (!isDigit(body.charCodeAt(0)) || !isDigit(body.charCodeAt(body.length - 1))) return fail(text);
  if (spaced) {
    // Space-grouped: "30 000" or "1 462,8".
    const decimalAt = Math.max(lastDot, lastComma);
    const intPart = decimalAt >= 0 ? body.slice(0, decimalAt) : body;
    const frac = decimalAt >= 0 ? body.slice(decimalAt + 1) : "";
    if (dots + commas > 1 || !isGrouped(intPart, " ") || (decimalAt >= 0 && !digitsOnly(frac))) return fail(text);
    return done(Number(intPart.replace(/ /g, "") + (frac ? "." + frac : "")), negative, percent, null);
  }

  let value: number;
  let ambiguous: { vi: number; en: number } | null = null;
  if (dots === 0 && commas === 0) {
    value = Number(body);
  } else if (dots > 0 && commas > 0) {
    // Both: the last one is the decimal separator, the other groups thousands.
    const decimalIsComma = lastComma > lastDot;
    const group = decimalIsComma ? "." : ",";
    if ((decimalIsComma ? commas : dots) !== 1) return fail(text);
    const at = decimalIsComma ? lastComma : lastDot;
    const intPart = body.slice(0, at);
    const frac = body.slice(at + 1);
    if (!isGrouped(intPart, group) || !digitsOnly(frac)) return fail(text);
    value = Number(intPart.split(group).join("") + "." + frac);
  } else {
    const sep = dots > 0 ? "." : ",";
    const count = dots > 0 ? dots : commas;
    if (count > 1) {
      // Several of one separator can only be thousands groups: "1.462.800", "1,462,800".
      if (!isGrouped(body, sep)) return fail(text);
      value = Number(body.split(sep).join(""));
    } else {
      const at = body.indexOf(sep);
      const intPart = body.slice(0, at);
      const frac = body.slice(at + 1);
      if (!digitsOnly(intPart) || !digitsOnly(frac)) return fail(text);
      const asDecimal = Number(intPart + "." + frac);
      const canBeGroup = frac.length === 3 && intPart.length <= 3 && !(intPart.length > 1 && intPart[0] === "0") && intPart !== "0";
      if (!canBeGroup) {
        value = asDecimal;
      } else {
        const asGroup = Number(intPart + frac);
        // The dot groups thousands in vi-VN and marks decimals in en-US; the comma the other way round.
        const vi = sep === "." ? asGroup : asDecimal;
        const en = sep === "." ? asDecimal : asGroup;
        value = style === "vi" ? vi : en;
        ambiguous = { vi: negative ? -vi : vi, en: negative ? -en : en };
      }
    }
  }
  return done(value, negative, percent, ambiguous);
}

function done(value: number, negative: boolean, percent: boolean, ambiguous: { vi: number; en: number } | null): ParsedNumber {
  if (!Number.isFinite(value)) return { ok: false, error: message("number.invalid", { text: String(value) }) };
  return { ok: true, value: negative ? -value : value, percent, ambiguous };
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats a number the vi-VN way ("1.462,8"); formatters are made once per precision and kept. */
export function formatNumber(value: number, maxDecimals = 2, lang: "vi" | "en" = "vi"): string {
  const key = `${lang}:${maxDecimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: maxDecimals, useGrouping: true });
    formatters.set(key, f);
  }
  return f.format(value);
}

/** A number inside running text, with where it stands. */
export interface NumberToken {
  text: string;
  value: number;
  start: number;
  end: number;
  percent: boolean;
}

const NUMBER_IN_TEXT = /\d+(?:[.,]\d+)*(?:\s?%)?/g;

/** Finds the numbers in a sentence, read the vi-VN way. */
export function scanNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  NUMBER_IN_TEXT.lastIndex = 0;
  for (let m = NUMBER_IN_TEXT.exec(text); m; m = NUMBER_IN_TEXT.exec(text)) {
    const p = parseNumber(m[0]);
    if (p.ok) out.push({ text: m[0], value: p.value, start: m.index, end: m.index + m[0].length, percent: p.percent });
  }
  return out;
}
