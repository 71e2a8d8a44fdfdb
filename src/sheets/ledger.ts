/**
 * @file The master's ledger of the forms it issued, on a hidden sheet of the master (`_IM_SOPHIEU`): the key the
 * master signs its forms' stamps with (drawn at the first split, never written into a form), when the ledger was
 * started, and for every form issued its id, agency, period, split time, plan versions and every entry as it was
 * split (the ids it holds among them). Collecting trusts the ledger, never what a returned form says of itself
 * (sheets/formTrust.ts).
 */
import type { Identity, ExportedEntry } from "./identity";
import { ROW_PRESENT } from "./identity";
import { dataSheet, type CellValue, type SheetSpec } from "./plan";
import { isKey, sign } from "./signing";

export const LEDGER_SHEET = "_IM_SOPHIEU";
export const LEDGER_MARK = "im:ledger";

export interface IssuedForm {
  /** The form's id in the ledger (also in its identity). */
  form: string;
  agency: string;
  period: string;
  /** When it was split off, "dd/mm/yyyy hh:mm". */
  exported: string;
  masterFile: string;
  /** plan id → version, as at the split. */
  versions: Record<string, string>;
  /** Every entry as split, and one ROW_PRESENT entry per row it holds (its value the row's number). */
  entries: ExportedEntry[];
}

export interface Ledger {
  /** The master's signing key, 64 hex digits. */
  key: string;
  /** When the first form was issued under the ledger ("dd/mm/yyyy hh:mm"): a form split since carries a stamp. */
  since: string;
  /** How many forms were ever issued (ids are never reused, even after old forms are dropped). */
  issued: number;
  forms: IssuedForm[];
}

/** Forms kept per agency: the latest ones (an older form coming back is refused and named, to be split again). */
export const FORMS_KEPT_PER_AGENCY = 6;

/** What a form's signature covers: who issued it to whom, for which period, when, from which plan versions. */
export function stampText(s: { form?: string; master: string; agency?: string; period?: string; exported?: string; versions: Record<string, string> }): string {
  const versions = Object.keys(s.versions)
    .sort()
    .map((p) => `${p}=${s.versions[p]}`);
  return ["im-form-stamp-1", s.form ?? "", s.master, s.agency ?? "", s.period ?? "", s.exported ?? "", ...versions].join("\n");
}

/** The id of the n-th form a ledger issues: a digest under the key, so ids are unguessable and never repeat. */
export function formId(ledger: Ledger, n: number, agency: string, period: string, exported: string): string {
  return sign(ledger.key, ["im-form-id", String(n), agency, period, exported].join("\n")).slice(0, 20);
}

/**
 * The ledger after a split: the forms issued added, and for each agency only its latest FORMS_KEPT_PER_AGENCY
 * (a form of a replaced plan version stays while it is among them, so its refusal says it is of an older plan).
 */
export function withIssued(ledger: Ledger, issued: IssuedForm[]): Ledger {
  const all = [...ledger.forms, ...issued];
  const kept: IssuedForm[] = [];
  const seen = new Map<string, number>();
  for (let k = all.length - 1; k >= 0; k--) {
    const f = all[k]!;
    const n = seen.get(f.agency) ?? 0;
    if (n >= FORMS_KEPT_PER_AGENCY) continue;
    seen.set(f.agency, n + 1);
    kept.unshift(f);
  }
  return { ...ledger, issued: ledger.issued + issued.length, forms: kept };
}

/** The form's identity with its id and signature, as written into it. */
export function signedIdentity(ledger: Ledger, identity: Identity, form: string): Identity {
  const stamped = { ...identity, form };
  return { ...stamped, signature: sign(ledger.key, stampText(stamped)) };
}

/** The ids of the rows a form was issued with. */
export function issuedIds(form: IssuedForm): Set<string> {
  return new Set(form.entries.filter((e) => e.key === ROW_PRESENT).map((e) => e.id));
}

const TITLE = "Sổ phiếu đã tách — khoá ký phiếu, không sửa, không gửi đi / ledger of the forms issued — holds the signing key: do not edit, do not send";

/** The hidden ledger sheet: a mark, the key, the start, the count, then per form its row, versions and entries. */
export function ledgerSheet(ledger: Ledger): SheetSpec {
  const rows: CellValue[][] = [[LEDGER_MARK, TITLE], ["key", ledger.key], ["since", ledger.since], ["issued", ledger.issued]];
  for (const f of ledger.forms) {
    rows.push(["form", f.form, f.agency, f.period, f.exported, f.masterFile]);
    for (const [plan, version] of Object.entries(f.versions)) rows.push(["version", f.form, plan, version]);
    for (const e of f.entries) rows.push(["entry", f.form, e.sheet, e.id, e.key, e.value]);
  }
  return dataSheet(
    LEDGER_SHEET,
    [0, 1, 2, 3, 4, 5].map((k) => ({ key: `c${k}`, header: "", width: k === 1 ? 24 : 18 })),
    rows.map((r) => r.map((value) => ({ value }))),
  );
}

/** Reads the ledger sheet's rows back; null when they are not one (no mark, or no valid key). */
export function readLedgerRows(rows: CellValue[][]): Ledger | null {
  if (rows[0]?.[0] !== LEDGER_MARK) return null;
  let key = "";
  let since = "";
  let issued = 0;
  const forms = new Map<string, IssuedForm>();
  for (const r of rows.slice(1)) {
    const [k, a, b, c, d, e] = r;
    if (k === "key" && typeof a === "string") key = a.trim().toLowerCase();
    else if (k === "since") since = String(a ?? "");
    else if (k === "issued" && typeof a === "number") issued = a;
    else if (k === "form" && typeof a === "string" && a !== "") {
      forms.set(a, { form: a, agency: String(b ?? ""), period: String(c ?? ""), exported: String(d ?? ""), masterFile: String(e ?? ""), versions: {}, entries: [] });
    } else if (k === "version" && typeof a === "string" && typeof b === "string") {
      const f = forms.get(a);
      if (f) f.versions[b] = String(c ?? "");
    } else if (k === "entry" && typeof a === "string" && typeof b === "string" && typeof c === "string" && typeof d === "string") {
      forms.get(a)?.entries.push({ sheet: b, id: c, key: d, value: e ?? null });
    }
  }
  if (!isKey(key)) return null;
  return { key, since, issued: Math.max(issued, forms.size), forms: [...forms.values()] };
}
