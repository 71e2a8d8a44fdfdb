/**
 * @file Text bytes that are not UTF-8: the first invalid byte found (to refuse with its line and byte), or the
 * bytes read in a legacy Vietnamese encoding — Windows-1258, TCVN3 (ABC, TCVN 5712:1993) or VNI-Windows — chosen
 * by how many Vietnamese syllables each reading gives. Pure (no Node): the browser may use it too.
 *
 * Old Vietnamese documents and the CSV files saved from them are often in these encodings (the .VnTime fonts are
 * TCVN3, the VNI-Times fonts VNI). Read as UTF-8 they come out as "T�� l�( h�"; read in the wrong legacy
 * encoding as "Tû lÖ". Each candidate reading is scored by its words with Vietnamese letters: a word that is a
 * well-formed Vietnamese syllable (an initial consonant, a vowel group, a final consonant, at most one tone) counts
 * for it, any other word with such letters — or a control character — against it. The best reading is taken
 * only when it is clearly Vietnamese (three quarters of its words and more than any other reading); otherwise
 * the text is refused at its first invalid byte.
 */

export type LegacyEncoding = "Windows-1258" | "TCVN3" | "VNI";

export type DecodedText =
  | { ok: true; text: string; encoding: "UTF-8" | LegacyEncoding; words: number }
  | { ok: false; offset: number; line: number; column: number; byte: number };

/**
 * TCVN 5712:1993 bytes 0x80–0xFF (VN1, whose upper half holds TCVN3/ABC's lowercase letters with tones and the
 * capitals Ă Â Ê Ô Ơ Ư Đ at the same places). 0xB0–0xB4 are combining tone marks. Checked against glibc's
 * TCVN5712-1 converter. The capitals VN1 puts among the C0 controls (0x01–0x17) are left to ASCII: a text file's
 * control bytes are not letters.
 */
// prettier-ignore
export const TCVN3_HIGH: readonly number[] = [
  0x00c0, 0x1ea2, 0x00c3, 0x00c1, 0x1ea0, 0x1eb6, 0x1eac, 0x00c8, 0x1eba, 0x1ebc, 0x00c9, 0x1eb8, 0x1ec6, 0x00cc, 0x1ec8, 0x0128,
  0x00cd, 0x1eca, 0x00d2, 0x1ece, 0x00d5, 0x00d3, 0x1ecc, 0x1ed8, 0x1edc, 0x1ede, 0x1ee0, 0x1eda, 0x1ee2, 0x00d9, 0x1ee6, 0x0168,
  0x00a0, 0x0102, 0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110, 0x0103, 0x00e2, 0x00ea, 0x00f4, 0x01a1, 0x01b0, 0x0111, 0x1eb0,
  0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00e0, 0x1ea3, 0x00e3, 0x00e1, 0x1ea1, 0x1eb2, 0x1eb1, 0x1eb3, 0x1eb5, 0x1eaf, 0x1eb4,
  0x1eae, 0x1ea6, 0x1ea8, 0x1eaa, 0x1ea4, 0x1ec0, 0x1eb7, 0x1ea7, 0x1ea9, 0x1eab, 0x1ea5, 0x1ead, 0x00e8, 0x1ec2, 0x1ebb, 0x1ebd,
  0x00e9, 0x1eb9, 0x1ec1, 0x1ec3, 0x1ec5, 0x1ebf, 0x1ec7, 0x00ec, 0x1ec9, 0x1ec4, 0x1ebe, 0x1ed2, 0x0129, 0x00ed, 0x1ecb, 0x00f2,
  0x1ed4, 0x1ecf, 0x00f5, 0x00f3, 0x1ecd, 0x1ed3, 0x1ed5, 0x1ed7, 0x1ed1, 0x1ed9, 0x1edd, 0x1edf, 0x1ee1, 0x1edb, 0x1ee3, 0x00f9,
  0x1ed6, 0x1ee7, 0x0169, 0x00fa, 0x1ee5, 0x1eeb, 0x1eed, 0x1eef, 0x1ee9, 0x1ef1, 0x1ef3, 0x1ef7, 0x1ef9, 0x00fd, 0x1ef5, 0x1ed0,
];

/** The five tone marks (grave, acute, tilde, hook above, dot below) as combining characters. */
const TONES = { grave: "\u0300", acute: "\u0301", tilde: "\u0303", hook: "\u0309", dot: "\u0323" } as const;
type Tone = keyof typeof TONES;
const TONE_MARKS = new Set<string>(Object.values(TONES));

/**
 * VNI-Windows: a letter is its base (ASCII, or ô for ơ and ö for ư) followed by a mark byte read as Latin-1;
 * capitals take the capital marks. Each entry: the marks after a base, by what they add. (i and y take their
 * own single characters: í ì æ ó ò, and î for ỵ.)
 */
const VNI_MARKS: { lower: string; upper: string; quality: "" | "\u0302" | "\u0306"; tone: Tone | null }[] = [
  { lower: "ù", upper: "Ù", quality: "", tone: "acute" },
  { lower: "ø", upper: "Ø", quality: "", tone: "grave" },
  { lower: "û", upper: "Û", quality: "", tone: "hook" },
  { lower: "õ", upper: "Õ", quality: "", tone: "tilde" },
  { lower: "ï", upper: "Ï", quality: "", tone: "dot" },
  { lower: "â", upper: "Â", quality: "\u0302", tone: null },
  { lower: "á", upper: "Á", quality: "\u0302", tone: "acute" },
  { lower: "à", upper: "À", quality: "\u0302", tone: "grave" },
  { lower: "å", upper: "Å", quality: "\u0302", tone: "hook" },
  { lower: "ã", upper: "Ã", quality: "\u0302", tone: "tilde" },
  { lower: "ä", upper: "Ä", quality: "\u0302", tone: "dot" },
  { lower: "ê", upper: "Ê", quality: "\u0306", tone: null },
  { lower: "é", upper: "É", quality: "\u0306", tone: "acute" },
  { lower: "è", upper: "È", quality: "\u0306", tone: "grave" },
  { lower: "ú", upper: "Ú", quality: "\u0306", tone: "hook" },
  { lower: "ü", upper: "Ü", quality: "\u0306", tone: "tilde" },
  { lower: "ë", upper: "Ë", quality: "\u0306", tone: "dot" },
];

/** VNI sequences (as Latin-1 text) → Unicode, longest first when read. */
export const VNI_TABLE: ReadonlyMap<string, string> = (() => {
  const table = new Map<string, string>();
  const put = (vni: string, base: string, quality: string, tone: Tone | null) => table.set(vni, `${base}${quality}${tone ? TONES[tone] : ""}`.normalize("NFC"));
  for (const [lowerBase, upperBase, own] of [
    ["a", "A", "\u0302\u0306"],
    ["e", "E", "\u0302"],
    ["o", "O", "\u0302"],
    ["u", "U", ""],
    ["y", "Y", ""],
    ["ô", "Ô", ""], // ơ
    ["ö", "Ö", ""], // ư
  ] as const) {
    const [lowerTarget, upperTarget] = lowerBase === "ô" ? ["ơ", "Ơ"] : lowerBase === "ö" ? ["ư", "Ư"] : [lowerBase, upperBase];
    if (lowerBase === "ô" || lowerBase === "ö") {
      table.set(lowerBase, lowerTarget);
      table.set(upperBase, upperTarget);
    }
    for (const m of VNI_MARKS) {
      if (m.quality !== "" && !own.includes(m.quality)) continue;
      if (lowerBase === "y" && m.tone === "dot") continue; // ỵ is î
      put(lowerBase + m.lower, lowerTarget, m.quality, m.tone);
      put(upperBase + m.upper, upperTarget, m.quality, m.tone);
    }
  }
  const singles: [string, string][] = [
    ["í", "í"], ["ì", "ì"], ["æ", "ỉ"], ["ó", "ĩ"], ["ò", "ị"], ["î", "ỵ"], ["ñ", "đ"],
    ["Í", "Í"], ["Ì", "Ì"], ["Æ", "Ỉ"], ["Ó", "Ĩ"], ["Ò", "Ị"], ["Î", "Ỵ"], ["Ñ", "Đ"],
  ];
  for (const [vni, uni] of singles) table.set(vni, uni);
  return table;
})();

/** The byte offset of the first byte that is not valid UTF-8 (RFC 3629: no overlong forms, no surrogates, up to U+10FFFF), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  return utf8Census(bytes, true).first;
}

/**
 * UTF-8 sequences of two bytes or more that are valid, and bytes that start no valid sequence; the offset of the
 * first of those (-1 if none). `stop`: stop at the first invalid byte.
 */
export function utf8Census(bytes: Uint8Array, stop = false): { valid: number; invalid: number; first: number } {
  const n = bytes.length;
  let valid = 0;
  let invalid = 0;
  let first = -1;
  for (let i = 0; i < n; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = sequenceLength(bytes, i);
    if (need > 0) {
      valid++;
      i += need;
      continue;
    }
    invalid++;
    if (first < 0) first = i;
    if (stop) break;
    i++;
  }
  return { valid, invalid, first };
}

/** The length of the valid multi-byte UTF-8 sequence at `i`, or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  let need: number;
  let min: number;
  if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
  else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
  else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
  else return 0;
  let cp = b & (0x3f >> need);
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    if (c === undefined || (c & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  return cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0 : need + 1;
}

/** Where a byte offset is: its line (1-based) and its byte within the line (1-based). */
export function lineAndColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Bytes read as UTF-8 (a BOM dropped), else in the legacy encoding that reads as Vietnamese, else where UTF-8 fails. */
export function decodeVietnamese(bytes: Uint8Array): DecodedText {
  const census = utf8Census(bytes);
  const bad = census.first;
  if (bad < 0) {
    const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
    return { ok: true, text, encoding: "UTF-8", words: 0 };
  }
  // UTF-8 with a few damaged bytes (more valid sequences than invalid bytes; legacy text makes valid ones only by
  // chance): refused where it breaks, never read as legacy mojibake ("Chá»‰").
  if (census.valid >= census.invalid) return refusedAt(bytes, bad);
  const candidates = (["Windows-1258", "TCVN3", "VNI"] as const).map((encoding) => {
    const text = decodeLegacy(bytes, encoding);
    return { encoding, text, ...scoreVietnamese(text) };
  });
  candidates.sort((a, b) => b.good - b.bad - (a.good - a.bad));
  const [best, next] = candidates;
  if (best && best.good > 0 && best.good >= 3 * best.bad && best.good - best.bad > (next ? next.good - next.bad : 0)) {
    return { ok: true, text: best.text, encoding: best.encoding, words: best.good };
  }
  return refusedAt(bytes, bad);
}

function refusedAt(bytes: Uint8Array, offset: number): DecodedText {
  const { line, column } = lineAndColumn(bytes, offset);
  return { ok: false, offset, line, column, byte: bytes[offset]! };
}

/** Bytes in one legacy encoding, as Unicode text in NFC. */
export function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding): string {
  if (encoding === "Windows-1258") return new TextDecoder("windows-1258").decode(bytes).normalize("NFC");
  if (encoding === "TCVN3") {
    let out = "";
    for (let i = 0; i < bytes.length; i += 8192) {
      const chunk = bytes.subarray(i, i + 8192);
      out += String.fromCharCode(...Array.from(chunk, (b) => (b < 0x80 ? b : TCVN3_HIGH[b - 0x80]!)));
    }
    return out.normalize("NFC");
  }
  // VNI: bytes as Windows-1252 text, then each base-and-mark pair (longest first) read as its letter.
  const latin = new TextDecoder("windows-1252").decode(bytes);
  let out = "";
  for (let i = 0; i < latin.length; ) {
    const two = VNI_TABLE.get(latin.slice(i, i + 2));
    if (two !== undefined && i + 1 < latin.length) {
      out += two;
      i += 2;
      continue;
    }
    const one = VNI_TABLE.get(latin[i]!);
    out += one ?? latin[i]!;
    i++;
  }
  return out.normalize("NFC");
}

const ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"];
const CODAS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
// prettier-ignore
const VOWEL_GROUPS = new Set([
  "a", "ai", "ao", "au", "ay", "ă", "â", "âu", "ây", "e", "eo", "ê", "êu", "i", "ia", "iu", "iê", "iêu", "o", "oa", "oai", "oao",
  "oay", "oă", "oe", "oeo", "oi", "oo", "ô", "ôi", "ơ", "ơi", "u", "ua", "uâ", "uây", "uê", "ui", "uô", "uôi", "uơ", "uy", "uya",
  "uyê", "uyu", "ư", "ưa", "ưi", "ưu", "ươ", "ươi", "ươu", "y", "yê", "yêu",
]);

/** Whether a lowercase word (NFC) is a well-formed Vietnamese syllable: onset, vowel group, coda, at most one tone. */
export function isVietnameseSyllable(word: string): boolean {
  const parts = word.normalize("NFD");
  let tones = 0;
  let bare = "";
  for (const ch of parts) {
    if (TONE_MARKS.has(ch)) tones++;
    else bare += ch;
  }
  if (tones > 1) return false;
  bare = bare.normalize("NFC");
  for (const onset of ONSETS) {
    if (!bare.startsWith(onset)) continue;
    const rest = bare.slice(onset.length);
    for (const coda of CODAS) {
      if (!rest.endsWith(coda)) continue;
      const vowels = rest.slice(0, rest.length - coda.length);
      if (VOWEL_GROUPS.has(vowels)) return true;
    }
  }
  return false;
}

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/;

/**
 * How Vietnamese a text reads: words with a Vietnamese letter that are syllables (good) and that are not (bad),
 * plus control characters other than tab and line breaks (bad) — what a wrong reading leaves. Reads at most
 * the first 20 000 words, which decide.
 */
export function scoreVietnamese(text: string): { good: number; bad: number } {
  let good = 0;
  let bad = 0;
  let seen = 0;
  for (const m of text.matchAll(/[\p{L}\p{M}]+|[\p{Cc}\ufffd]/gu)) {
    const word = m[0];
    if (!/[\p{L}\p{M}]/u.test(word)) {
      if (word !== "\t" && word !== "\n" && word !== "\r") bad++;
      continue;
    }
    const lower = word.toLowerCase();
    if (!/[^\p{ASCII}]/u.test(lower)) continue;
    if (++seen > 20_000) break;
    if (VIETNAMESE_LETTER.test(lower.normalize("NFC")) && isVietnameseSyllable(lower)) good++;
    else bad++;
  }
  return { good, bad };
}
