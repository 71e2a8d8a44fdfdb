/**
 * Every message a user may see, in Vietnamese and English, in one place.
 * Templates take {name} parameters; `message()` fills them.
 */
export const MESSAGES = {
  "number.empty": { vi: "Ô trống, cần một số", en: "Empty cell, a number was expected" },
  "number.invalid": {
    vi: "“{text}” không phải là số (ví dụ hợp lệ: 95,1 hoặc 1.462,8)",
    en: "“{text}” is not a number (valid examples: 95,1 or 1.462,8)",
  },
  "number.ambiguous": {
    vi: "“{text}” có thể là {vi} (kiểu Việt Nam) hoặc {en} (kiểu Anh-Mỹ); đã đọc là {chosen}",
    en: "“{text}” may be {vi} (Vietnamese style) or {en} (US style); read as {chosen}",
  },
  "target.unparsed": {
    vi: "Không đọc được chỉ tiêu “{text}”: giữ nguyên văn bản, không đánh giá",
    en: "Could not read the target “{text}”: kept as text, not judged",
  },
  "target.typo": { vi: "Đã đọc “{typo}” là “{fixed}”", en: "Read “{typo}” as “{fixed}”" },
  "target.markup": { vi: "Đã bỏ định dạng HTML/markdown", en: "HTML/markdown marks removed" },
  "input.empty": { vi: "Tệp trống: không có bảng nào để đọc", en: "The file is empty: there is no table to read" },
  "input.binary": {
    vi: "Tệp không phải văn bản (có byte nhị phân): hãy dán bảng dạng văn bản, các cột cách nhau bằng Tab",
    en: "The file is not text (it has binary bytes): paste the table as text, columns separated by tabs",
  },
  "input.noHeader": {
    vi: "Không tìm thấy dòng tiêu đề bảng: cần ít nhất cột “Chỉ tiêu” và một cột chỉ tiêu kế hoạch (ví dụ “Kế hoạch năm 2025”), các cột cách nhau bằng Tab",
    en: "No table header found: at least a “Chỉ tiêu” (indicator) column and a target column (e.g. “Kế hoạch năm 2025”) are needed, columns separated by tabs",
  },
  "input.noRows": {
    vi: "Bảng có tiêu đề nhưng không có dòng chỉ tiêu nào",
    en: "The table has a header but no indicator rows",
  },
  "input.unreadable": { vi: "Không đọc được tệp {file}: {detail}", en: "Could not read the file {file}: {detail}" },
  "cli.unknownOption": { vi: "Tùy chọn không hợp lệ: {option}", en: "Unknown option: {option}" },
  "cli.missingValue": { vi: "Tùy chọn {option} cần một giá trị", en: "The option {option} needs a value" },
} as const satisfies Record<string, { vi: string; en: string }>;

export type MessageCode = keyof typeof MESSAGES;
export type Lang = "vi" | "en";

export interface Message {
  code: MessageCode;
  vi: string;
  en: string;
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function message(code: MessageCode, params: Record<string, string | number> = {}): Message {
  const m = MESSAGES[code];
  return { code, vi: fill(m.vi, params), en: fill(m.en, params) };
}

/** "vi / en" on one line, for logs and CLI errors. */
export function bilingual(m: Message): string {
  return `${m.vi} / ${m.en}`;
}
