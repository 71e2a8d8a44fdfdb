/**
 * @file What a refresh says of a row's target texts: a change of the plan (the document's targets are not those
 * the row was built with: noted beside the row) or a target typed over in the sheet (the document did not change:
 * the text is put back and said so, with no change note).
 */
import { shortHash } from "../model/ids";

export interface TargetDiff {
  /** Column key ("target", "plan:2021" …). */
  key: string;
  before: string;
  after: string;
}

/**
 * The stamp of the target texts a row is built with, kept in its hidden BUILT_KEY cell: short (a load of 1 000
 * indicators stays within its requests), and never read as a number ("t:" before the hash).
 */
export function builtStamp(texts: Record<string, string>): string {
  return `t:${shortHash(JSON.stringify(Object.entries(texts).map(([k, v]) => [k, v.trim()])))}`;
}

/**
 * Compares the catalog's target texts with what the row shows. Where the row's stamp says the document's targets
 * are those it was built with, a text shown otherwise was typed over and is restored; else (the document changed,
 * or a workbook written before the stamp) it is a change of the plan, as the sheet showed it before.
 */
export function compareTargets(texts: Record<string, string>, shown: (key: string) => string, stamp: string | undefined): { changed: TargetDiff[]; restored: TargetDiff[] } {
  const unchanged = stamp !== undefined && stamp === builtStamp(texts);
  const changed: TargetDiff[] = [];
  const restored: TargetDiff[] = [];
  for (const [key, after] of Object.entries(texts)) {
    const before = shown(key);
    if (before.trim() !== after.trim()) (unchanged ? restored : changed).push({ key, before, after });
  }
  return { changed, restored };
}
