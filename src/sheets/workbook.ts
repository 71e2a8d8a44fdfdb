import { buildReportSheet, reportYearOf } from "./reportSheet";
import type { Catalog } from "../model/plan";
import { linkScenarios, pairScenarios } from "../evaluate/scenario";
import type { QuarterTargets } from "../evaluate/pace";
import type { Calendar } from "../model/period";
import { buildSheet, EMPTY_ENTRIES, indicatorSheetInput, scenarioSheetInput, type Entries, type SheetCarry, type SheetInput } from "./indicatorSheet";
import { compactFormulas, type SheetPlan, type SheetSpec } from "./plan";
import { STYLES } from "./styles";
import { wordListSheet } from "./formulas";
import { buildTaskSheet, taskSheetName, type TaskEntries } from "./taskSheet";
import type { AgencyName } from "../parse/agencies";
import { buildDirectorySheet } from "./directorySheet";
import { catalogVersions, DEFAULT_REPORT_DAY, identitySheet, ROW_PRESENT, type ExportedEntry, type Identity } from "./identity";
import { receiptsSheet, type Receipt } from "./receipts";
import { ledgerSheet, type Ledger } from "./ledger";
import { AGENCIES_KEY, buildReportingSheet, rowAgencies } from "./reportingSheet";
import { buildSummarySheet } from "./summarySheet";
import { reportingAgencies } from "./agencyCells";
import { periodYearOf } from "./pace";
import { isEntryKey } from "./entryKeys";
import type { Indicator } from "../model/indicator";

/**
 * The monitoring workbook of a catalog: the summary first (Tổng hợp), then one sheet per appendix; the two
 * GRDP scenario appendices (IIIa base, IIIb high) share one sheet. Pure: the same catalog and entries give the
 * same plan.
 */
export interface WorkbookOptions {
  /** "dd/mm/yyyy" shown as "Số liệu đến ngày". */
  asOf: string;
  tolerance: number;
  entries: Entries;
  /** Plan ids to include; all when absent. */
  plans?: string[];
  /** Appendices to include, as "plan.appendix" ("TV-QD77-2025.IV"); all of the plans' when absent. */
  appendices?: string[];
  /** Lock target and formula cells (input cells stay editable), no password. */
  protect?: boolean;
  /** Print the summary's full list of indicators by agency too (by default it prints the counts only). */
  printList?: boolean;
  /** What staff entered on task sheets, by task id; and the names staff gave those sheets, by "plan.appendix". */
  taskEntries?: TaskEntries;
  taskSheetNames?: Record<string, string>;
  /** Names and aliases staff added on the directory sheet, read back by a refresh. */
  agencies?: AgencyName[];
  /**
   * The reporting calendar (tháng, quý, 6 tháng, 9 tháng, năm). With one, the workbook follows the reporting
   * cycle: period columns (but for "năm"), the reporting sheet and the forms collected; without, whole years only.
   */
  calendar?: Calendar;
  /** The workbook's identity (its id and report day are kept; plan versions are those of this catalog). */
  identity?: Identity;
  /** Forms collected so far. */
  receipts?: Receipt[];
  /** The master's ledger of the forms it issued (sheets/ledger.ts), kept on its hidden sheet. */
  ledger?: Ledger | null;
  /** An agency's form instead of a master: its agency, period and the entries as split off go into its identity. */
  form?: FormStamp;
}

/** What makes a workbook an agency's form. */
export interface FormStamp {
  agency: string;
  /** "2025-T11" (or "2025" for whole years). */
  period: string;
  /** "Tháng 11/2025". */
  periodLabel: string;
  exported: string;
  masterFile: string;
  /** The form's id in the master's ledger and its signed stamp (sheets/ledger.ts); absent: an unsigned form. */
  id?: string;
  signature?: string;
}

/** Per plan, the indicators its quarterly GRDP scenario (Phụ lục IIIa/IIIb) speaks of, with the quarters' figures. */
export function scenarioLinks(catalog: Catalog): Map<string, QuarterTargets> {
  const links = new Map<string, QuarterTargets>();
  for (const plan of catalog.plans) {
    const base = plan.appendices.find((a) => a.layout === "scenario" && /a$/i.test(a.id));
    const high = plan.appendices.find((a) => a.layout === "scenario" && /b$/i.test(a.id));
    if (!base || !high) continue;
    const others = plan.appendices.filter((a) => a.layout !== "scenario").flatMap((a) => a.indicators);
    for (const [id, q] of linkScenarios(others, pairScenarios(base.indicators, high.indicators))) links.set(id, q);
  }
  return links;
}

export { SUMMARY_SHEET, SUMMARY_SHEETS_HEADER, SUMMARY_TOTAL } from "./summarySheet";
export { reportingAgencies } from "./agencyCells";

/**
 * The sheets of a catalog's workbook in order, as inputs to the sheet builder (also what a refresh matches
 * against). `appendix` keeps only some appendices, by "plan.appendix" (the GRDP scenario pair counts as its base
 * or its high appendix).
 */
export function workbookSheetInputs(catalog: Catalog, plans?: string[], appendix?: (key: string) => boolean): SheetInput[] {
  const inputs: SheetInput[] = [];
  const wanted = (plan: string, ...ids: string[]) => !appendix || ids.some((id) => appendix(`${plan}.${id}`));
  for (const plan of catalog.plans.filter((p) => !plans || plans.includes(p.id))) {
    const base = plan.appendices.find((a) => a.layout === "scenario" && /a$/i.test(a.id));
    const high = plan.appendices.find((a) => a.layout === "scenario" && /b$/i.test(a.id));
    for (const a of plan.appendices) {
      if (base && high && (a === base || a === high)) {
        if (a === base && wanted(plan.id, base.id, high.id)) inputs.push(scenarioSheetInput(plan, pairScenarios(base.indicators, high.indicators), { base: base.scenario ?? "", high: high.scenario ?? "" }));
        continue;
      }
      if (a.indicators.length === 0 || !wanted(plan.id, a.id)) continue;
      inputs.push(indicatorSheetInput(plan, a));
    }
  }
  return inputs;
}

export function buildWorkbookPlan(catalog: Catalog, options: Partial<WorkbookOptions> & { asOf: string }, carry?: Record<string, SheetCarry>): SheetPlan {
  const opts = { ...options, tolerance: options.tolerance ?? 0.05, entries: options.entries ?? EMPTY_ENTRIES };
  // A refresh keeps the name staff gave a sheet (carry.name).
  const only = opts.appendices ? new Set(opts.appendices) : null;
  const scenarios = opts.calendar && opts.calendar !== "year" ? scenarioLinks(catalog) : undefined;
  const agenciesOf = opts.calendar ? (i: Indicator) => reportingAgencies(i.agency, opts.agencies) : undefined;
  const prefix = opts.form ? `PHIẾU BÁO CÁO: ${opts.form.agency.toUpperCase()} — ${opts.form.periodLabel.toUpperCase()} — ` : "";
  const sheets = workbookSheetInputs(catalog, opts.plans, only ? (key) => only.has(key) : undefined).map((input) => {
    const sheet = compactFormulas(buildSheet({ ...input, title: `${prefix}${input.title}`, name: carry?.[input.name]?.name ?? input.name }, { ...opts, scenarios, agenciesOf, carry: carry?.[input.name] }));
    return opts.protect ? { ...sheet, protect: true } : sheet;
  });
  const planIds = catalog.plans.filter((p) => !opts.plans || opts.plans.includes(p.id)).map((p) => p.id);
  // One sheet per task appendix, after the indicator sheets (a refresh names the ones it keeps in `appendices`).
  for (const plan of catalog.plans.filter((p) => planIds.includes(p.id))) {
    for (const a of plan.tasks ?? []) {
      const source = `${plan.id}.${a.id}`;
      if (only && !only.has(source)) continue;
      const name = opts.taskSheetNames?.[source] ?? taskSheetName(plan, a);
      const sheet = compactFormulas(buildTaskSheet(plan, a, { asOf: opts.asOf, entries: opts.taskEntries, name, agencies: opts.agencies, titlePrefix: prefix }));
      sheets.push(opts.protect ? { ...sheet, protect: true } : sheet);
    }
  }
  const lists = wordListSheet();
  const identity = opts.identity ? { ...opts.identity, calendar: opts.calendar ?? null, versions: opts.form ? opts.identity.versions : catalogVersions(catalog, planIds) } : null;
  if (opts.form) {
    // An agency's form: its sheets, their summary, and its identity with the entries as they stand now.
    const stamp = identity ? [identitySheet({ ...identity, kind: "form", agency: opts.form.agency, period: opts.form.period, exported: opts.form.exported, masterFile: opts.form.masterFile, form: opts.form.id, signature: opts.form.signature }, exportedEntries(sheets))] : [];
    const summary = buildSummarySheet(catalog, planIds, sheets, opts.asOf, opts.printList ?? false, opts.agencies);
    return { title: `Phiếu báo cáo — ${opts.form.agency}`, styles: STYLES, sheets: [summary, ...sheets, lists.sheet, ...stamp], names: lists.names };
  }
  const reportYear = reportYearOf(sheets, opts.asOf);
  // The report's targets (its "So với kế hoạch") and the place it is signed in, when its plans share one province.
  const reported = catalog.plans.filter((p) => planIds.includes(p.id));
  const provinces = [...new Set(reported.map((p) => p.province.trim()))];
  const indicators = new Map(reported.flatMap((p) => p.appendices.flatMap((a) => a.indicators.map((i) => [i.id, i] as const))));
  const report = compactFormulas(buildReportSheet(sheets, reportYear, opts.asOf, { indicators, place: provinces.length === 1 ? provinces[0] : "" }));
  const directory = buildDirectorySheet({ plans: catalog.plans.filter((p) => planIds.includes(p.id)) }, opts.agencies);
  const cycle: SheetSpec[] = [];
  if (opts.calendar) {
    const reportDay = opts.identity?.reportDay ?? DEFAULT_REPORT_DAY;
    cycle.push(compactFormulas(buildReportingSheet({ sheets, calendar: opts.calendar, year: periodYearOf(sheets) ?? reportYear, agencies: reportingAgencyList(sheets), receipts: opts.receipts ?? [], reportDay, asOf: opts.asOf })));
  }
  const summary = compactFormulas(buildSummarySheet(catalog, planIds, sheets, opts.asOf, opts.printList ?? false, opts.agencies, cycle[0] ?? null));
  const service = [...(identity ? [identitySheet(identity)] : []), ...(opts.calendar || (opts.receipts ?? []).length > 0 ? [receiptsSheet(opts.receipts ?? [])] : []), ...(opts.ledger ? [ledgerSheet(opts.ledger)] : [])];
  return { title: "Theo dõi chỉ tiêu", styles: STYLES, sheets: [summary, ...cycle, report, ...sheets, directory, lists.sheet, ...service], names: lists.names };
}


/** Every agency that reports an indicator of these sheets, in Vietnamese order. */
export function reportingAgencyList(sheets: SheetSpec[]): string[] {
  const names = new Set<string>();
  for (const s of sheets) {
    const ai = s.columns.findIndex((c) => c.key === AGENCIES_KEY);
    if (ai < 0) continue;
    for (const row of Object.values(s.rowOf)) for (const a of rowAgencies(s.rows[row - 1]?.[ai]?.value)) names.add(a);
  }
  return [...names].sort((a, b) => a.localeCompare(b, "vi"));
}

/** Every entry a set of sheets holds (input columns with a value), and every row, as a form records them when split off. */
export function exportedEntries(sheets: SheetSpec[]): ExportedEntry[] {
  const out: ExportedEntry[] = [];
  for (const s of sheets) {
    const inputs = s.columns.map((c, k) => ({ c, k })).filter(({ c }) => c.input && isEntryKey(c.key));
    for (const [id, row] of Object.entries(s.rowOf)) {
      out.push({ sheet: s.name, id, key: ROW_PRESENT, value: row });
      for (const { c, k } of inputs) {
        const cell = s.rows[row - 1]?.[k];
        if (cell?.value !== undefined && cell.value !== null && cell.value !== "") out.push({ sheet: s.name, id, key: c.key, value: cell.value });
      }
    }
  }
  return out;
}

export function todayVi(d = new Date()): string {
  return `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
}

/** "dd/mm/yyyy hh:mm": when a refresh happened, for the change log and the backup. */
export function nowVi(d = new Date()): string {
  return `${todayVi(d)} ${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}
