/**
 * @file What a returned form may be trusted for, decided from the master's ledger (sheets/ledger.ts), never
 * from what the form says of itself: its stamp must verify under the master's key and match the ledger; the
 * agency, period, split time, plan versions and entries as split are the ledger's; only the rows it was issued
 * with may deliver. A form issued before the ledger existed is taken on its own word, with a notice.
 */
import { message } from "../i18n/messages";
import type { Existing } from "./existing";
import { IDENTITY_SHEET, ROW_PRESENT, type ExportedEntry, type Identity } from "./identity";
import { issuedIds, stampText, type IssuedForm, type Ledger } from "./ledger";
import { sheetKey } from "./names";
import type { CellValue } from "./plan";
import { verify } from "./signing";

export interface Trusted {
  agency: string;
  period: string;
  exported: string;
  versions: Record<string, string>;
  /** The entries as split, the baseline of what staff changed. */
  entries: ExportedEntry[];
  /** The ids the form was issued with; null: unknown (a form issued before the ledger). */
  ids: Set<string> | null;
  /** Said of the form as a whole (an unverified form). */
  notices: { vi: string; en: string }[];
}

export type Trust = { ok: true; trusted: Trusted } | { ok: false; vi: string; en: string };

const refuse = (m: { vi: string; en: string }): Trust => ({ ok: false, vi: m.vi, en: m.en });

/** "dd/mm/yyyy hh:mm" as a sortable number (yyyymmddhhmm); null for anything else. */
function minuteOrder(text: string | undefined): number | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec((text ?? "").trim());
  return m ? Number(`${m[3]}${m[2]}${m[1]}${m[4]}${m[5]}`) : null;
}

const shown = (v: CellValue | undefined) => (v === null || v === undefined ? "" : String(v));
const sameValue = (a: CellValue | undefined, b: CellValue | undefined) => {
  const x = a ?? null;
  const y = b ?? null;
  if (typeof x === "number" && typeof y === "number") return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  return shown(x).trim() === shown(y).trim();
};

/** The identity sheets a workbook holds (the real one, and copies such as "_IM_DINHDANH (2)"). */
export function identitySheets(existing: Existing): string[] {
  const key = sheetKey(IDENTITY_SHEET);
  return (existing.serviceNames ?? []).filter((n) => sheetKey(n.replace(/ \(\d+\)$/, "")) === key);
}

/** What of a form's identity differs from the ledger's record of it, one phrase per field. */
function altered(fid: Identity, issued: IssuedForm, master: string): { vi: string; en: string }[] {
  const out: { vi: string; en: string }[] = [];
  const field = (vi: string, en: string, form: string | undefined, ledger: string) => {
    if ((form ?? "") !== ledger) out.push(message("ledger.fieldAltered", { fieldVi: vi, fieldEn: en, form: form ?? "", ledger }));
  };
  field("cơ quan", "agency", fid.agency, issued.agency);
  field("kỳ báo cáo", "period", fid.period, issued.period);
  field("thời điểm tách", "split time", fid.exported, issued.exported);
  field("mã workbook tổng hợp", "master id", fid.master, master);
  const plans = [...new Set([...Object.keys(fid.versions), ...Object.keys(issued.versions)])].sort();
  for (const p of plans) field(`phiên bản ${p}`, `version of ${p}`, fid.versions[p], issued.versions[p] ?? "");
  return out;
}

/** Entries as split that the form's identity holds differently from the ledger (at most a few, named). */
function alteredEntries(form: ExportedEntry[], issued: ExportedEntry[]): string[] {
  const key = (e: ExportedEntry) => `${e.id}\u0000${e.key}`;
  const mine = new Map(issued.map((e) => [key(e), e]));
  const theirs = new Map(form.map((e) => [key(e), e]));
  const out: string[] = [];
  for (const k of new Set([...mine.keys(), ...theirs.keys()])) {
    const a = mine.get(k);
    const b = theirs.get(k);
    if (a?.key === ROW_PRESENT || b?.key === ROW_PRESENT) {
      if (!a || !b) out.push(`${(a ?? b)!.id}`);
      continue;
    }
    if (!sameValue(a?.value, b?.value)) out.push(`${(a ?? b)!.id} [${(a ?? b)!.key}] “${shown(b?.value)}” (${shown(a?.value)})`);
  }
  return out;
}

/**
 * Decides what a form may deliver. `fid` is the form's identity (a form of this master: checked before), and
 * `exported` its entries as split by its own account.
 */
export function trustForm(master: { identity: Identity; ledger: Ledger | null }, form: Existing, fid: Identity, exported: ExportedEntry[]): Trust {
  const copies = identitySheets(form);
  if (copies.length > 1) return refuse(message("ledger.twoIdentities", { sheets: copies.join(", ") }));
  const ledger = master.ledger;
  if (fid.form !== undefined || fid.signature !== undefined) {
    if (!ledger) return refuse(message("ledger.noLedger"));
    const issued = fid.form ? ledger.forms.find((f) => f.form === fid.form) : undefined;
    if (!issued) return refuse(message("ledger.notIssued", { id: fid.form ?? "" }));
    const changed = altered(fid, issued, master.identity.master);
    if (changed.length > 0) return refuse(message("ledger.stampAltered", { vi: changed.map((c) => c.vi).join("; "), en: changed.map((c) => c.en).join("; ") }));
    if (!fid.signature || !verify(ledger.key, stampText(fid), fid.signature)) return refuse(message("ledger.badSignature"));
    const entries = alteredEntries(exported, issued.entries);
    if (entries.length > 0) {
      const list = `${entries.slice(0, 5).join("; ")}${entries.length > 5 ? ` (+${entries.length - 5})` : ""}`;
      return refuse(message("ledger.entriesAltered", { n: entries.length, list }));
    }
    return { ok: true, trusted: { agency: issued.agency, period: issued.period, exported: issued.exported, versions: issued.versions, entries: issued.entries, ids: issuedIds(issued), notices: [] } };
  }
  // No stamp: a form split before the ledger — unless the ledger was started before its split time (stamp removed).
  if (ledger) {
    const split = minuteOrder(fid.exported);
    const since = minuteOrder(ledger.since);
    if (split === null || since === null || split >= since) return refuse(message("ledger.stampRemoved", { since: ledger.since }));
  }
  return {
    ok: true,
    trusted: { agency: fid.agency ?? "", period: fid.period ?? "", exported: fid.exported ?? "", versions: fid.versions, entries: exported, ids: null, notices: [message("ledger.unverified")] },
  };
}
