import type { Catalog } from "../model/plan";
import type { AgencyName } from "../parse/agencies";
import { splitAgencies } from "../parse/agencies";
import { periodLabel, periodOfMonth, periodsOf, type Calendar } from "../model/period";
import type { Existing } from "./existing";
import type { Refresh } from "./merge";
import type { SheetPlan } from "./plan";
import type { SheetCarry } from "./indicatorSheet";
import { buildWorkbookPlan, reportingAgencies, type FormStamp } from "./workbook";
import { catalogVersions, IDENTITY_SHEET, readIdentityRows } from "./identity";
import { formId, stampText, withIssued, type IssuedForm, type Ledger } from "./ledger";
import { sign } from "./signing";
import { periodYearOf } from "./pace";
import { reportYearOf } from "./reportSheet";

/**
 * One form per agency, split off a master: the agency's indicators (those whose "Cơ quan chủ trì" names it) and
 * its tasks (those it leads), with the master's entries, ids, sheet names, calendar and formulas, targets locked,
 * its name and the period in every title, and an identity naming the master, its plan versions, the time of the
 * split and every entry as it stood. Agencies named only as groups ("Các sở, ngành") get no form; they are listed.
 * Under the master's ledger (sheets/ledger.ts) every form gets an id and a stamp signed with the master's key, and
 * the split returns the ledger with the forms it issued, for the caller to write into the master.
 */
export interface AgencyForm {
  agency: string;
  file: string;
  plan: SheetPlan;
  indicators: number;
  tasks: number;
}

export interface Split {
  forms: AgencyForm[];
  /** The master's ledger with these forms recorded (to write into the master); absent: the forms are unsigned. */
  ledger?: Ledger;
  /** Why no form could be split, when so. */
  error?: { vi: string; en: string };
}

/** The agency's name as a file name: no tone marks, words joined by "-" ("So-Tai-chinh_2025-T11.xlsx"). */
export function formFileName(agency: string, period: string): string {
  const plain = agency
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"))
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${plain || "Co-quan"}_${period}.xlsx`;
}

/** The period a form reports, from "Số liệu đến": the period of the calendar holding that month ("2025-T11"). */
export function formPeriod(calendar: Calendar, year: string, asOf: string): { key: string; label: string } {
  const m = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(asOf);
  const month = m ? (Number(m[3]) > Number(year) ? 12 : Number(m[3]) < Number(year) ? 1 : Number(m[2])) : 12;
  const p = calendar === "year" ? null : periodOfMonth(calendar, month) ?? periodsOf(calendar)[0]!;
  const key = p ? `${year}-${p.key}` : year;
  return { key, label: periodLabel(key) };
}

/** The lead agencies of a task, by canonical name (agencies only, not groups). */
function taskLeads(lead: string, extra?: readonly AgencyName[]): string[] {
  return [...new Set(splitAgencies(lead, "lead", extra).filter((m) => m.role === "lead" && m.kind === "agency").map((m) => m.name))];
}

/** The catalog as one agency sees it: its indicators (with the packed rows they belong to) and its tasks. */
export function agencyCatalog(catalog: Catalog, agency: string, extra?: readonly AgencyName[]): Catalog {
  return {
    ...catalog,
    plans: catalog.plans.map((plan) => ({
      ...plan,
      appendices: plan.appendices
        .filter((a) => a.layout !== "scenario")
        .map((a) => {
          const mine = new Set(a.indicators.filter((i) => reportingAgencies(i.agency, extra).includes(agency)).map((i) => i.id));
          // A packed row comes with its parts, and a part with its packed row, so the combined status still reads.
          for (const i of a.indicators) if (i.parentId && mine.has(i.parentId)) mine.add(i.id);
          for (const i of a.indicators) if (i.parentId && mine.has(i.id)) mine.add(i.parentId);
          return { ...a, indicators: a.indicators.filter((i) => mine.has(i.id)) };
        }),
      tasks: (plan.tasks ?? []).map((t) => ({ ...t, tasks: t.tasks.filter((x) => taskLeads(x.lead, extra).includes(agency)) })).filter((t) => t.tasks.length > 0),
    })),
  };
}

/**
 * Splits a master (read as data, refreshed against its catalog to gather its entries) into one form per agency.
 * The master must have an identity and be up to date with the catalog: a form of stale targets would be refused
 * when it comes back.
 */
export function splitMaster(catalog: Catalog, master: Existing, refresh: Refresh, options: { now: string; masterFile: string; agencies?: string[]; newKey?: string }): Split {
  const identity = master.identity;
  if (!identity || identity.kind !== "master") {
    return { forms: [], error: { vi: "workbook chưa có định danh (tạo bởi phiên bản trước, hoặc là một phiếu): hãy cập nhật nó một lần (npm run workbook -- --in TỆP.xlsx --out TỆP.xlsx) rồi tách phiếu", en: "the workbook has no identity (written by an earlier version, or it is a form): refresh it once (npm run workbook -- --in FILE.xlsx --out FILE.xlsx), then split" } };
  }
  const current = catalogVersions(catalog, Object.keys(identity.versions));
  // A plan loaded into the workbook after its identity was written has no version there until a refresh.
  const held = new Set(master.sheets.flatMap((s) => s.rows.filter((r) => r.id).map((r) => r.id!.split(".")[0]!)));
  const stale = [...new Set([...Object.keys(identity.versions).filter((p) => current[p] !== identity.versions[p]), ...[...held].filter((p) => identity.versions[p] === undefined)])];
  if (stale.length > 0) {
    return { forms: [], error: { vi: `workbook chưa được cập nhật theo văn bản hiện hành (${stale.join(", ")}): hãy cập nhật trước khi tách phiếu`, en: `the workbook is not up to date with the current documents (${stale.join(", ")}): refresh it before splitting` } };
  }
  const build = refresh.build;
  const calendar = build.options.calendar ?? "year";
  // The period's year: the sheets' reporting year, or (whole years only) the year the report is for.
  const year = periodYearOf(refresh.plan.sheets) ?? reportYearOf(refresh.plan.sheets, build.options.asOf);
  const period = formPeriod(calendar, year, build.options.asOf);
  const extra = build.options.agencies;
  const wanted = new Set(options.agencies ?? []);
  // Forms carry what staff set on the master's rows (direction, Cộng dồn), not the rows and columns of its own.
  const carry: Record<string, SheetCarry> = Object.fromEntries(Object.entries(build.carry).map(([k, c]) => [k, { ...c, rows: [], columns: [] }]));
  const agencies = agencyList(catalog, build.options.plans, extra);
  // The key is drawn once, at the first split under a ledger (by the caller: the split is pure), and stays in the master.
  const ledger: Ledger | null = master.ledger ?? (options.newKey ? { key: options.newKey, since: options.now, issued: 0, forms: [] } : null);
  const forms: AgencyForm[] = [];
  const issued: IssuedForm[] = [];
  for (const agency of agencies) {
    if (wanted.size > 0 && !wanted.has(agency)) continue;
    const sub = agencyCatalog(catalog, agency, extra);
    const form: FormStamp = { agency, period: period.key, periodLabel: period.label, exported: options.now, masterFile: options.masterFile };
    if (ledger) {
      form.id = formId(ledger, ledger.issued + issued.length + 1, agency, period.key, options.now);
      form.signature = sign(ledger.key, stampText({ form: form.id, master: identity.master, agency, period: period.key, exported: options.now, versions: identity.versions }));
    }
    const plan = buildWorkbookPlan(sub, { ...build.options, protect: true, form, identity: { ...identity, calendar: build.options.calendar ?? null } }, carry);
    const indicators = plan.sheets.filter((s) => s.kind === "indicators").reduce((n, s) => n + Object.keys(s.rowOf).length, 0);
    const tasks = plan.sheets.filter((s) => s.kind === "tasks").reduce((n, s) => n + Object.keys(s.rowOf).length, 0);
    if (indicators + tasks === 0) continue;
    if (ledger && form.id) {
      // What the ledger records is exactly what the form's identity holds as split (read back from its sheet).
      const stamp = plan.sheets.find((s) => s.name === IDENTITY_SHEET);
      const entries = stamp ? (readIdentityRows(stamp.rows.map((r) => r.map((c) => c.value ?? null)))?.exported ?? []) : [];
      issued.push({ form: form.id, agency, period: period.key, exported: options.now, masterFile: options.masterFile, versions: { ...identity.versions }, entries });
    }
    forms.push({ agency, file: formFileName(agency, period.key), plan, indicators, tasks });
  }
  return ledger ? { forms, ledger: withIssued(ledger, issued) } : { forms };
}

/** Every agency that reports an indicator or leads a task of these plans, in Vietnamese order. */
export function agencyList(catalog: Catalog, plans?: string[], extra?: readonly AgencyName[]): string[] {
  const names = new Set<string>();
  for (const plan of catalog.plans.filter((p) => !plans || plans.includes(p.id))) {
    for (const a of plan.appendices) if (a.layout !== "scenario") for (const i of a.indicators) for (const n of reportingAgencies(i.agency, extra)) names.add(n);
    for (const t of plan.tasks ?? []) for (const x of t.tasks) for (const n of taskLeads(x.lead, extra)) names.add(n);
  }
  return [...names].sort((a, b) => a.localeCompare(b, "vi"));
}
