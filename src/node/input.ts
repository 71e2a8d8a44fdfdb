import { readFileSync } from "node:fs";
import { bilingual, message } from "../i18n/messages";

export type TextFile = { ok: true; text: string } | { ok: false; error: string };

/** Reads a user's file as UTF-8 text; binary content (NUL bytes) and unreadable files are errors with a message. */
export function readTextFile(path: string): TextFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { ok: false, error: bilingual(message("input.unreadable", { file: path, detail: (e as Error).message })) };
  }
  if (bytes.includes(0)) return { ok: false, error: bilingual(message("input.binary")) };
  return { ok: true, text: bytes.toString("utf8").replace(/^\uFEFF/, "") };
}
