/**
 * Text as it comes out of converted documents: HTML tags (<i>, <sup>1</sup>, <br>), markdown marks (**, *),
 * non-breaking spaces, soft hyphens. Cleaning keeps every word and removes only the marks.
 */
const FOOTNOTE = /<sup>\s*\d+\s*<\/sup>/gi;
const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;
const MARKDOWN = /\*\*|__|(?<![\w\d])\*(?=\S)|(?<=\S)\*(?![\w\d])/g;
const SOFT = /\u00ad/g;

export function hasMarkup(text: string): boolean {
  FOOTNOTE.lastIndex = 0;
  TAG.lastIndex = 0;
  MARKDOWN.lastIndex = 0;
  return TAG.test(text) || MARKDOWN.test(text);
}

/**
 * Letters some PDF fonts put in place of Vietnamese ones, which text extraction then copies: "ƣ" (U+01A3,
 * Latin "oi") for "ư", "Ƣ" for "Ư", "Ð" (U+00D0, eth) for "Đ". Read as the letters a reader sees.
 */
const PDF_LETTERS: [RegExp, string][] = [
  [/\u01A3/g, "ư"],
  [/\u01A2/g, "Ư"],
  [/\u00D0/g, "Đ"],
];

const PDF_LETTER = /[\u01A2\u01A3\u00D0]/;

/**
 * Removes markup and folds white space; footnote markers (<sup>1</sup>) go with their tags. Linear and light on a
 * long pasted cell: each replace runs only when its mark is in the text (tags need "<", markdown "*" or "_"), and
 * white space is folded in one pass that keeps the text as it is when it has only single spaces.
 */
export function cleanText(text: string): string {
  let out = text;
  if (PDF_LETTER.test(out)) for (const [re, letter] of PDF_LETTERS) out = out.replace(re, letter);
  out = out.normalize("NFC");
  if (out.includes("<")) out = out.replace(FOOTNOTE, "").replace(TAG, "");
  if (out.includes("*") || out.includes("_")) out = out.replace(MARKDOWN, "");
  if (out.includes("\u00ad")) out = out.replace(SOFT, "");
  return foldSpaces(out);
}

/** What cleaning folds as a space: JavaScript's \s (what `trim` strips) and the zero-width space U+200B. */
function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Every run of spaces one plain space, none at the ends, in one pass; the text itself when nothing changes. */
function foldSpaces(text: string): string {
  const n = text.length;
  let start = 0;
  while (start < n && isSpace(text.charCodeAt(start))) start++;
  let end = n;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let parts: string[] | null = null;
  let from = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) continue;
    let j = i + 1;
    while (j < end && isSpace(text.charCodeAt(j))) j++;
    if (c !== 32 || j > i + 1) {
      (parts ??= []).push(text.slice(from, i));
      from = j;
    }
    i = j - 1;
  }
  if (parts === null) return start === 0 && end === n ? text : text.slice(start, end);
  parts.push(text.slice(from, end));
  return parts.join(" ");
}

/** Typos seen in the plans, read through and reported: [typo, reading]. */
export const KNOWN_TYPOS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/đuy trì/giu, "duy trì", "đuy trì"],
  [/phân đầu/giu, "phấn đấu", "phân đầu"],
  [/%%/g, "%", "%%"],
];
