import { readFileSync } from "node:fs";
import { bilingual, message } from "../i18n/messages";
import { decodeVietnamese } from "../parse/legacyEncodings";
import { checkInputFile } from "./files";
import { fsFailure } from "./fsErrors";

export type TextFile = { ok: true; text: string } | { ok: false; error: string };

/**
 * Reads a user's text file: UTF-8 (with or without a BOM), or UTF-16 as Excel saves "Unicode Text" (a BOM, or
 * the NUL bytes of UTF-16 without one), or — where the bytes are not UTF-8 but read as Vietnamese in a legacy
 * encoding (Windows-1258, TCVN3, VNI: parse/legacyEncodings.ts) — in that encoding, said through `say` (stderr
 * by default). A folder, a missing file, a file over the memory cap, binary content and bytes that are neither
 * UTF-8 nor a legacy Vietnamese encoding (refused with the line and byte of the first invalid one) are errors
 * with a message; invalid UTF-8 is never silently replaced by "�".
 */
export function readTextFile(path: string, say: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): TextFile {
  const check = checkInputFile(path, "text");
  if (!check.ok) return check;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { ok: false, error: bilingual(fsFailure(e, path, "read") ?? message("input.unreadable", { file: path, detail: (e as Error).message })) };
  }
  return decodeTextFile(bytes, path, say);
}

/** A text file's bytes as text, or the message refusing them (see readTextFile). */
export function decodeTextFile(bytes: Buffer, file: string, say: (line: string) => void = () => undefined): TextFile {
  const utf16 = decodeUtf16(bytes);
  if (utf16 !== undefined) return utf16 === null ? { ok: false, error: bilingual(message("input.binary")) } : { ok: true, text: utf16 };
  if (bytes.includes(0)) return { ok: false, error: bilingual(message("input.binary")) };
  const read = decodeVietnamese(bytes);
  if (!read.ok) {
    const hex = read.byte.toString(16).toUpperCase().padStart(2, "0");
    return { ok: false, error: bilingual(message("text.notUtf8", { file, hex, line: read.line, column: read.column })) };
  }
  if (read.encoding !== "UTF-8") say(bilingual(message("text.legacyEncoding", { file, encoding: read.encoding, words: read.words })));
  return { ok: true, text: read.text };
}

/** Text from bytes in UTF-8 (or a legacy Vietnamese encoding) or UTF-16 (LE or BE); null for binary or undecodable content. */
export function decodeText(bytes: Buffer): string | null {
  const read = decodeTextFile(bytes, "");
  return read.ok ? read.text : null;
}

/** UTF-16 text (LE or BE, with a BOM or the NUL bytes of ASCII-heavy text), null for binary; undefined when the bytes are not UTF-16. */
function decodeUtf16(bytes: Buffer): string | null | undefined {
  const utf16 = (le: boolean, from: number) => {
    const body = Buffer.from(bytes.subarray(from, from + ((bytes.length - from) & ~1)));
    if (!le) body.swap16();
    return body.toString("utf16le");
  };
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = utf16(true, 2);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = utf16(false, 2);
  else if (looksUtf16(bytes, 1)) text = utf16(true, 0);
  else if (looksUtf16(bytes, 0)) text = utf16(false, 0);
  else return undefined;
  return text.includes("\u0000") ? null : text;
}

/** UTF-16 without a BOM: most bytes at the odd (LE) or even (BE) positions are NUL, as in ASCII-heavy text. */
function looksUtf16(bytes: Buffer, at: 0 | 1): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return false;
  let zeros = 0;
  let others = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i + at] === 0) zeros++;
    if (bytes[i + (1 - at)] === 0) others++;
  }
  return zeros > n / 4 && others === 0;
}
