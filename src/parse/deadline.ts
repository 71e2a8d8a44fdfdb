import type { Deadline } from "../model/task";
import { foldText } from "../model/ids";

/**
 * A task's deadline as plans write it, with the reason for the date read:
 * - "Quý IV/2021" → 31/12/2021; "Quý II" with no year → the quarter of the plan's first year (said);
 * - "Năm 2021", "2022" → 31/12 of that year; "Tháng 6/2025", "tháng 6 năm 2025" → the month's last day;
 * - "6 tháng đầu năm", "9 tháng" → 30/06, 30/09 of the plan's first year;
 * - "Hàng năm" / "Hằng năm" → due each year of the plan (the first year's 31/12 given); "Thường xuyên" →
 *   continuous, no due date; blank → none;
 * - with no deadline column (or a blank one), a date in the task's own text: "trước ngày 31/01/2025", "trong
 *   tháng 3", "trong quý I/2025", "năm 2025".
 */
export interface DeadlineContext {
  /** The plan's first year: the year of a quarter or a month written without one. */
  planYear: number | null;
  /** The task's text, searched when the deadline column says nothing. */
  taskText?: string;
}

const QUARTER_END: Record<string, string> = { i: "03-31", "1": "03-31", ii: "06-30", "2": "06-30", iii: "09-30", "3": "09-30", iv: "12-31", "4": "12-31" };

function monthEnd(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function vnDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

const none = (text: string): Deadline => ({
  text,
  kind: "none",
  due: null,
  recurring: null,
  reason: text === "" ? { vi: "không ghi thời hạn", en: "no deadline given" } : { vi: `“${text}”: không đọc được thời hạn`, en: `“${text}”: no deadline could be read` },
});

function dated(text: string, iso: string, vi: string, en: string): Deadline {
  return { text, kind: "date", due: iso, recurring: null, reason: { vi: `${vi}: hạn ${vnDate(iso)}`, en: `${en}: due ${vnDate(iso)}` } };
}

/** The deadline a phrase names, or null when it names none. */
function readPhrase(text: string, ctx: DeadlineContext): Deadline | null {
  const f = foldText(text);
  if (f === "") return null;
  // "Hàng năm" and "Hằng năm" fold alike.
  if (/^hang nam\b/.test(f)) {
    const due = ctx.planYear ? `${ctx.planYear}-12-31` : null;
    return { text, kind: "yearly", due, recurring: "yearly", reason: { vi: "hằng năm: đến hạn vào cuối mỗi năm của kế hoạch", en: "every year: due at the end of each year of the plan" } };
  }
  if (/^thuong xuyen\b/.test(f)) return { text, kind: "continuous", due: null, recurring: null, reason: { vi: "thường xuyên: làm liên tục, không có hạn", en: "ongoing: continuous, no due date" } };
  // A quarter: "Quý IV/2021", "quý II năm 2025", "Quý II".
  const q = /\bquy (iv|iii|ii|i|1|2|3|4)\b(?:\s*(?:nam\s*)?((?:19|20)\d\d))?/.exec(f);
  if (q) {
    const year = q[2] ? Number(q[2]) : ctx.planYear;
    if (year === null) return null;
    const iso = `${year}-${QUARTER_END[q[1]!]}`;
    return q[2]
      ? dated(text, iso, `quý ${q[1]!.toUpperCase()}/${year}`, `quarter ${q[1]!.toUpperCase()} of ${year}`)
      : dated(text, iso, `quý ${q[1]!.toUpperCase()}, không ghi năm: năm đầu của kế hoạch (${year})`, `quarter ${q[1]!.toUpperCase()} with no year: the plan's first year (${year})`);
  }
  // "6 tháng đầu năm", "9 tháng".
  const part = /\b(6|9) thang(?: dau nam)?\b(?:\s*(?:nam\s*)?((?:19|20)\d\d))?/.exec(f);
  if (part && !/\bthang (6|9)\b/.test(f.slice(0, part.index + 1))) {
    const year = part[2] ? Number(part[2]) : ctx.planYear;
    if (year === null) return null;
    return dated(text, monthEnd(year, Number(part[1])), `${part[1]} tháng đầu năm ${year}`, `the first ${part[1]} months of ${year}`);
  }
  // A date: "31/01/2025", "ngày 31 tháng 01 năm 2025".
  const d = /\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)\b/.exec(text) ?? /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)/iu.exec(text);
  if (d) {
    const [day, month, year] = [Number(d[1]), Number(d[2]), Number(d[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      return dated(text, iso, "ngày ghi trong văn bản", "the date written");
    }
  }
  // A month: "Tháng 6/2025", "tháng 6 năm 2025", "trong tháng 3".
  const m = /\bthang (\d{1,2})(?:\s+(?:nam\s+)?((?:19|20)\d\d))?\b/.exec(f);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) {
    const year = m[2] ? Number(m[2]) : ctx.planYear;
    if (year === null) return null;
    const iso = monthEnd(year, Number(m[1]));
    return m[2] ? dated(text, iso, `tháng ${m[1]}/${year}`, `month ${m[1]} of ${year}`) : dated(text, iso, `tháng ${m[1]}, không ghi năm: năm đầu của kế hoạch (${year})`, `month ${m[1]} with no year: the plan's first year (${year})`);
  }
  // A year: "Năm 2021", "2022".
  const y = /^(?:nam\s+)?((?:19|20)\d\d)$/.exec(f) ?? /\bnam ((?:19|20)\d\d)\b/.exec(f);
  if (y) return dated(text, `${y[1]}-12-31`, `năm ${y[1]}`, `the year ${y[1]}`);
  return null;
}

/** Phrases of a task's text that give it a deadline ("trước ngày 31/01/2025", "trong tháng 3", "trong quý I/2025"). */
const IN_TEXT = /(?:trước|chậm nhất|hoàn thành trong|trong)\s+(?:ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d\d|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?:19|20)\d\d|\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*(?:19|20)\d\d|(?:tháng|quý)\s+[\dIVX]+(?:\s*(?:\/|năm)\s*(?:19|20)\d\d)?|năm\s+(?:19|20)\d\d)/iu;

export function parseDeadline(raw: string, ctx: DeadlineContext): Deadline {
  const text = raw.trim().replace(/\s+/g, " ");
  if (text !== "") return readPhrase(text, ctx) ?? none(text);
  // A task that opens with "Thường xuyên" is continuous; else a date in its text.
  if (ctx.taskText && /^thường xuyên\s/iu.test(ctx.taskText.trim())) {
    return { text: "Thường xuyên", kind: "continuous", due: null, recurring: null, reason: { vi: "trong nội dung: thường xuyên, không có hạn", en: "in the task's text: ongoing, no due date" } };
  }
  const found = ctx.taskText ? IN_TEXT.exec(ctx.taskText) : null;
  if (found) {
    const read = readPhrase(found[0], ctx);
    if (read) return { ...read, text: found[0], reason: { vi: `trong nội dung: ${read.reason.vi}`, en: `in the task's text: ${read.reason.en}` } };
  }
  return none("");
}
