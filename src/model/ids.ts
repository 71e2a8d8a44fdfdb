/**
 * What one non-ASCII code point folds to, as the whole-text rule below would fold it: "" (a tone mark, dropped),
 * " " (a separator) or ASCII letters and digits. Each code point is folded once (NFD, tone marks dropped, đ → d,
 * lower case); the rule is the same per code point as over a whole text, since NFD decomposes code point by code
 * point and every mark it reorders is either dropped or becomes a separator.
 */
const FOLDED = new Map<number, string>();
/** Distinct code points remembered; past this a hostile text of rare letters is folded without being cached. */
const FOLDED_MAX = 8192;

/** The same for the code points below U+2000 (Latin, Vietnamese, tone marks), kept in an array for speed. */
const FOLDED_LOW: (string | undefined)[] = new Array<string | undefined>(0x2000).fill(undefined);

function foldCodePoint(cp: number): string {
  const known = cp < 0x2000 ? FOLDED_LOW[cp] : FOLDED.get(cp);
  if (known !== undefined) return known;
  const folded = String.fromCodePoint(cp)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ");
  if (cp < 0x2000) FOLDED_LOW[cp] = folded;
  else if (FOLDED.size < FOLDED_MAX) FOLDED.set(cp, folded);
  return folded;
}

/** ASCII code → what it folds to: its lower-case self (letters, digits, %), or 0 for a separator. */
const ASCII_FOLD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 37) ASCII_FOLD[c] = c;
  else if (c >= 65 && c <= 90) ASCII_FOLD[c] = c + 32;
}

let foldBuffer = new Uint8Array(1024);

/**
 * Folds a Vietnamese text to a comparison key: lower case, no tone marks, đ → d, every run of other characters
 * one space, none at the ends. One pass over the text into a byte buffer (the key is ASCII): linear, and without
 * the five whole-text copies a chain of replaces makes of a long pasted cell.
 */
export function foldText(text: string): string {
  const n = text.length;
  let out = foldBuffer.length >= n + 16 ? foldBuffer : new Uint8Array(n + 16);
  let len = 0;
  let gap = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const f = ASCII_FOLD[c]!;
      if (f === 0) gap = true;
      else {
        if (gap && len > 0) out[len++] = 32;
        gap = false;
        out[len++] = f;
      }
      continue;
    }
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
      }
    }
    const folded = foldCodePoint(cp);
    if (len + 2 * folded.length + 2 > out.length) {
      const grown = new Uint8Array(2 * out.length + 2 * folded.length + 16);
      grown.set(out.subarray(0, len));
      out = grown;
    }
    for (let k = 0; k < folded.length; k++) {
      const f = folded.charCodeAt(k);
      if (f === 32) gap = true;
      else {
        if (gap && len > 0) out[len++] = 32;
        gap = false;
        out[len++] = f;
      }
    }
  }
  if (out.length <= 65536) foldBuffer = out;
  return asciiString(out, len);
}

/** The first `len` bytes of an ASCII buffer as a string, in chunks small enough for `apply`. */
function asciiString(bytes: Uint8Array, len: number): string {
  if (len <= 24) {
    let s = "";
    for (let k = 0; k < len; k++) s += String.fromCharCode(bytes[k]!);
    return s;
  }
  const CHUNK = 8192;
  if (len <= CHUNK) return String.fromCharCode.apply(null, bytes.subarray(0, len) as unknown as number[]);
  const parts: string[] = [];
  for (let at = 0; at < len; at += CHUNK) parts.push(String.fromCharCode.apply(null, bytes.subarray(at, Math.min(len, at + CHUNK)) as unknown as number[]));
  return parts.join("");
}

/** FNV-1a, 32 bits, as 6 hex digits: short, deterministic, no dependency. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return ((h >>> 0) & 0xffffff).toString(16).padStart(6, "0");
}

/**
 * The stable id of an indicator: plan, appendix, code and a hash of the folded name, e.g. "TV-77-2025.IV.33.4be1c2".
 * The same row read again gives the same id; a renumbered row keeps its name hash, which the refresh merge
 * uses to find it again. Sub-rows use their parent's code with their position ("9.1").
 */
export function indicatorId(plan: string, appendix: string, code: string, name: string): string {
  const cleanCode = code.replace(/[^0-9A-Za-z.]+/g, "") || "0";
  return `${plan}.${appendix}.${cleanCode}.${shortHash(foldText(name))}`;
}

/** The name hash an id ends with ("TV.IV.7.a1b2c3" → "a1b2c3"): rows and tasks keep it when renumbered. */
export function hashOfId(id: string): string {
  return id.slice(id.lastIndexOf(".") + 1);
}

/** The name part of an id, for matching a renumbered row. */
export function nameKey(name: string): string {
  return shortHash(foldText(name));
}

/** A short name as an id for sheet names: "Đồng Tháp 2026" → "DONG-THAP-2026" (letters, digits, dashes, ≤ 16). */
export function idFromName(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "D")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return ascii.slice(0, 16).replace(/-+$/, "") || "BANG-DAN";
}
