import { z } from "zod";
import type { Catalog, Plan } from "../model/plan";
import { shortHash } from "../model/ids";
import { Calendar } from "../model/period";
import { dataSheet, type CellValue, type SheetSpec } from "./plan";

/**
 * A workbook's identity, on a hidden sheet: which master it is (an id drawn when it is first written and kept
 * by every refresh), the version of each plan it was built from, its reporting calendar and report day; an
 * agency's form adds whose form it is, for which period, when it was split off, from which file, and every
 * entry as it stood then (so collecting knows what staff changed, not only what differs from the master now).
 * Forms are recognised by this sheet, whatever their file is called.
 */
export const IDENTITY_SHEET = "_IM_DINHDANH";
export const IDENTITY_MARK = "im:identity";

export const Identity = z.object({
  kind: z.enum(["master", "form"]),
  /** The master's id (a form carries its master's). */
  master: z.string(),
  /** plan id → version (a hash of its indicators, targets and tasks). */
  versions: z.record(z.string(), z.string()),
  calendar: Calendar.nullable(),
  /** Day of the month a period's report is due (default 20). */
  reportDay: z.number().int().min(1).max(31),
  /** A form: the agency (canonical name), the period ("2025-T11"), when and from which file it was split. */
  agency: z.string().optional(),
  period: z.string().optional(),
  exported: z.string().optional(),
  masterFile: z.string().optional(),
  /** A form issued under the master's ledger (sheets/ledger.ts): its id there, and its stamp signed with the master's key. */
  form: z.string().optional(),
  signature: z.string().optional(),
});
export type Identity = z.infer<typeof Identity>;

/** An entry of a form as it was split off: sheet, id, column key, value. */
export interface ExportedEntry {
  sheet: string;
  id: string;
  key: string;
  value: CellValue;
}

export const DEFAULT_REPORT_DAY = 20;
/** The key of an exported entry that only records that the row was in the form. */
export const ROW_PRESENT = "#row";

/**
 * A plan's version: a hash of what a form's cells depend on — each indicator's id, unit and targets, each task's
 * id and deadline. A revised plan (a target changed, an indicator added) has another version.
 */
export function planVersion(plan: Plan): string {
  const parts: string[] = [];
  for (const a of plan.appendices) {
    for (const i of a.indicators) parts.push([i.id, i.unit, i.target.text, ...Object.entries(i.yearly).map(([y, t]) => `${y}=${t.text}`), ...Object.entries(i.periods).map(([p, t]) => `${p}=${t.text}`)].join("\u0001"));
  }
  for (const a of plan.tasks ?? []) for (const t of a.tasks) parts.push([t.id, t.deadline.text].join("\u0001"));
  return `${shortHash(parts.join("\u0002"))}${shortHash(parts.reverse().join("\u0003"))}`;
}

/** The versions of the plans that have tables (a plan without indicators or tasks has nothing a form could hold). */
export function catalogVersions(catalog: Catalog, plans?: string[]): Record<string, string> {
  return Object.fromEntries(
    catalog.plans
      .filter((p) => (!plans || plans.includes(p.id)) && (p.appendices.some((a) => a.indicators.length > 0) || (p.tasks ?? []).some((t) => t.tasks.length > 0)))
      .map((p) => [p.id, planVersion(p)]),
  );
}

const FIELDS: (keyof Identity)[] = ["kind", "master", "calendar", "reportDay", "agency", "period", "exported", "masterFile", "form", "signature"];
const ENTRIES_HEADER = "Số liệu khi tách phiếu";

/** The hidden identity sheet: a mark, one field per row, the plan versions, and a form's entries as split. */
export function identitySheet(identity: Identity, exported: ExportedEntry[] = []): SheetSpec {
  const rows: CellValue[][] = [[IDENTITY_MARK, "Định danh workbook — không sửa / workbook identity — do not edit"]];
  for (const f of FIELDS) if (identity[f] !== undefined) rows.push([f, identity[f] as CellValue]);
  for (const [plan, version] of Object.entries(identity.versions)) rows.push(["version", plan, version]);
  if (exported.length > 0) {
    rows.push([ENTRIES_HEADER]);
    for (const e of exported) rows.push(["entry", e.sheet, e.id, e.key, e.value]);
  }
  return dataSheet(
    IDENTITY_SHEET,
    [0, 1, 2, 3, 4].map((k) => ({ key: `c${k}`, header: "", width: 20 })),
    rows.map((r) => r.map((value) => ({ value }))),
  );
}

/** Reads the identity sheet's rows back; null when they are not one (no mark, or fields that do not parse). */
export function readIdentityRows(rows: CellValue[][]): { identity: Identity; exported: ExportedEntry[] } | null {
  if (rows[0]?.[0] !== IDENTITY_MARK) return null;
  const fields: Record<string, unknown> = { versions: {} };
  const exported: ExportedEntry[] = [];
  for (const r of rows.slice(1)) {
    const [k, a, b, c, d] = r;
    if (k === "version" && typeof a === "string") (fields.versions as Record<string, string>)[a] = String(b ?? "");
    else if (k === "entry" && typeof a === "string" && typeof b === "string" && typeof c === "string") exported.push({ sheet: a, id: b, key: c, value: d ?? null });
    else if (typeof k === "string" && (FIELDS as string[]).includes(k)) fields[k] = k === "reportDay" ? Number(a) : a === null || a === undefined ? null : String(a);
  }
  if (fields.calendar === undefined) fields.calendar = null;
  const parsed = Identity.safeParse(fields);
  return parsed.success ? { identity: parsed.data, exported } : null;
}
