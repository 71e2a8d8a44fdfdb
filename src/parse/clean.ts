/**
 * Text as it comes out of converted documents: HTML tags (<i>, <sup>1</sup>, <br>), markdown marks (**, *),
 * non-breaking spaces, soft hyphens. Cleaning keeps every word and removes only the marks.
 */
const FOOTNOTE = /<sup>\s*\d+\s*<\/sup>/gi;
const TAG = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;
const MARKDOWN = /\*\*|__|(?<![\w\d])\*(?=\S)|(?<=\S)\*(?![\w\d])/g;
const SPACES = /[\s\u00a0\u202f\u2009\u200b]+/g;
const SOFT = /\u00ad/g;

export function hasMarkup(text: string): boolean {
  FOOTNOTE.lastIndex = 0;
  TAG.lastIndex = 0;
  MARKDOWN.lastIndex = 0;
  return TAG.test(text) || MARKDOWN.test(text);
}

/** Removes markup and folds white space; footnote markers (<sup>1</sup>) go with their tags. */
/**
 * Letters some PDF fonts put in place of Vietnamese ones, which text extraction then copies: "ƣ" (U+01A3,
 * Latin "oi") for "ư", "Ƣ" for "Ư", "Ð" (U+00D0, eth) for "Đ". Read as the letters a reader sees.
 */
const PDF_LETTERS: [RegExp, string][] = [
  [/\u01A3/g, "ư"],
  [/\u01A2/g, "Ư"],
  [/\u00D0/g, "Đ"],
];

export function cleanText(text: string): string {
  let out = text;
  for (const [re, letter] of PDF_LETTERS) out = out.replace(re, letter);
  return out
    .normalize("NFC")
    .replace(FOOTNOTE, "")
    .replace(TAG, "")
    .replace(MARKDOWN, "")
    .replace(SOFT, "")
    .replace(SPACES, " ")
    .trim();
}

/** Typos seen in the plans, read through and reported: [typo, reading]. */
export const KNOWN_TYPOS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/đuy trì/giu, "duy trì", "đuy trì"],
  [/phân đầu/giu, "phấn đấu", "phân đầu"],
  [/%%/g, "%", "%%"],
];
