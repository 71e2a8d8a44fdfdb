import { readFileSync } from "node:fs";
import { bilingual, message } from "../i18n/messages";
import { checkInputFile } from "./files";

export type TextFile = { ok: true; text: string } | { ok: false; error: string };

/**
 * Reads a user's text file: UTF-8 (with or without a BOM), or UTF-16 as Excel saves "Unicode Text" (a BOM, or
 * the NUL bytes of UTF-16 without one). A folder, a missing file, a file over the memory cap, and binary content
 * are errors with a message.
 */
export function readTextFile(path: string): TextFile {
  const check = checkInputFile(path, "text");
  if (!check.ok) return check;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { ok: false, error: bilingual(message("input.unreadable", { file: path, detail: (e as Error).message })) };
  }
  const text = decodeText(bytes);
  if (text === null) return { ok: false, error: bilingual(message("input.binary")) };
  return { ok: true, text };
}

/** Text from bytes in UTF-8 or UTF-16 (LE or BE); null for binary content. */
export function decodeText(bytes: Buffer): string | null {
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
  else {
    if (bytes.includes(0)) return null;
    return bytes.toString("utf8").replace(/^\uFEFF/, "");
  }
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
