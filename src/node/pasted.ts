import { basename } from "node:path";
import type { Catalog } from "../model";
import { parsePastedTable, type Skipped } from "../parse/document";
import { bilingual } from "../i18n/messages";
import { readTextFile } from "./input";

/** The catalog of a table given as a file (--from), or the message to print when it cannot be read. */
export function catalogFromFile(file: string, name?: string, id?: string, targetColumn?: string): { ok: true; catalog: Catalog; skipped: Record<string, Skipped[]> } | { ok: false; error: string } {
  const text = readTextFile(file);
  if (!text.ok) return { ok: false, error: text.error };
  // The table's short name: --name, else the file's name without its extension.
  const pasted = parsePastedTable(text.text, { source: basename(file), name: name ?? basename(file).replace(/\.[^.]+$/, ""), ...(id ? { id } : {}), ...(targetColumn ? { targetColumn } : {}) });
  if (!pasted.ok) return { ok: false, error: `${file}: ${bilingual(pasted.error)}` };
  return { ok: true, catalog: { plans: [pasted.plan] }, skipped: { [pasted.plan.id]: pasted.skipped } };
}
