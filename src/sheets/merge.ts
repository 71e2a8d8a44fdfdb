import type { Catalog, Indicator } from "../model";
import type { WorkbookOptions } from "./workbook";
import { calendarOfKeys, periodEntryKey, type Calendar } from "../model/period";
import { ACCUMULATION_CHOICES, paceBlockOf, periodEntryKeys } from "./pace";
import { withEdits, type Edit } from "./collect";
import { BACKUP_HEADERS, BACKUP_KINDS, backupRows } from "./backup";
import { DEFAULT_REPORT_DAY, IDENTITY_SHEET, type Identity } from "./identity";
import { RECEIPTS_SHEET, type Receipt } from "./receipts";
import type { Ledger } from "./ledger";
import { foldText, hashOfId, nameKey } from "../model/ids";
import { logRow, type Change, type ChangeKind } from "./changeLog";
import { compareTargets, type TargetDiff } from "./targetChange";
import { layoutChanges } from "./layoutRestore";
import { DIRECTION_LABELS, targetTexts, type CarriedRow, type Entries, type SheetCarry, type SheetInput } from "./indicatorSheet";
import { buildWorkbookPlan, SUMMARY_SHEET, workbookSheetInputs } from "./workbook";
import { mergeTaskSheets } from "./taskMerge";
import { columnLetter, type CellValue, type SheetPlan, type SheetSpec } from "./plan";
import { BACKUP_SHEET, LOG_COLUMNS, LOG_FIRST_ROW, LOG_SHEET, SERVICE_SHEETS, type Existing, type ExistingRow, type ExistingSheet, type Located } from "./existing";

/**
 * Refresh without loss: the current catalog and what the workbook holds now → the new sheet plan. Indicators
 * are matched by stable id, then by name (a renumbered row), then a sub-row through its renumbered parent, then
 * by code, unit and a name that only gained or lost words (a reworded row).
 * Entries, notes, the direction staff chose and their own columns and rows are carried over untouched; a
 * changed target is updated and noted (old and new text); an indicator gone from the plan keeps its row and
 * entries, marked "Không còn trong kế hoạch"; new indicators come in the document's order. Refreshing twice
 * with the same catalog gives the same plan and no change. Pure: hosts read and write.
 */
export { CHANGE_LABELS, changeSummary, logRow, type Change, type ChangeKind } from "./changeLog";

export interface RefreshOptions {
  asOf: string;
  tolerance: number;
  /** Plan ids to refresh; by default those already in the workbook (all when it has none). */
  plans?: string[];
  /** When the refresh happens, "dd/mm/yyyy hh:mm", for the change log and the backup. */
  now: string;
  protect?: boolean;
  /** The reporting calendar; by default the one the workbook's sheets have (whole years when none). */
  calendar?: Calendar;
  /** The id a workbook without an identity gets (drawn by the caller: the merge is pure); none: it stays without. */
  newId?: string;
  /** Entries and receipts of collected forms (sheets/collect.ts), written by this rebuild. */
  collected?: { edits: Edit[]; receipts: Receipt[] };
  /** The ledger of issued forms to write (a split records its forms); by default the workbook's own is kept. */
  ledger?: Ledger;
  /** Keep the backup sheet as it is (a split records its forms without taking away what restore would put back). */
  keepBackup?: boolean;
}

/** The reporting calendar a workbook's sheets were written with, from their period columns ("actual:2025-T01"). */
export function calendarOfExisting(existing: Existing): Calendar | undefined {
  const keys = existing.sheets.flatMap((s) => s.keys.map((k) => (k.startsWith("actual:") ? periodEntryKey(k.slice(7))?.key : undefined)).filter((k): k is string => k !== undefined));
  return calendarOfKeys(keys) ?? undefined;
}

export interface Refresh {
  plan: SheetPlan;
  changes: Change[];
  notices: Located[];
  /** The add-in's sheets the new plan replaces (entries carried over). */
  replace: string[];
  /** Sheets left exactly as they are: staff's own, unrecognised, and appendices gone from the catalog. */
  keep: string[];
  /** Entries saved to the backup sheet before anything is written. */
  backedUp: number;
  /** What the plan was built from: the entries and carry-over by sheet (agencies' forms are built from them). */
  build: { options: Partial<WorkbookOptions> & { asOf: string }; carry: Record<string, SheetCarry> };
}

/**
 * A reworded name that is still the same indicator: one name holds every word of the other (words added or
 * dropped, "… (PII)", "… trên địa bàn tỉnh"). A changed word ("cáp quang" → "điện") is another indicator, so
 * its entries stay with the old row rather than move.
 */
function extends_(a: string, b: string): boolean {
  const wa = new Set(foldText(a).split(" ").filter(Boolean));
  const wb = new Set(foldText(b).split(" ").filter(Boolean));
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  return small.size >= 3 && [...small].every((w) => large.has(w));
}

function codeOf(id: string): string {
  return id.split(".").slice(2, -1).join(".");
}

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}

interface Match {
  old: ExistingRow;
  ind: Indicator;
}

/** Pairs old rows with new indicators: by id, then by name, then a sub-row through its parent, then a reworded name. */
function matchRows(old: ExistingRow[], fresh: Indicator[]): { matches: Match[]; retired: ExistingRow[]; added: Indicator[] } {
  const byId = new Map(fresh.map((i) => [i.id, i]));
  const taken = new Set<string>();
  const matches: Match[] = [];
  let rest: ExistingRow[] = [];
  for (const row of old) {
    const ind = byId.get(row.id!);
    if (ind) {
      matches.push({ old: row, ind });
      taken.add(ind.id);
    } else rest.push(row);
  }
  // A sub-row ("9.1") follows its parent when the parent was renumbered ("10.1").
  const subRowCode = (): ((row: ExistingRow) => string | null) => {
    const parentCode = new Map<string, string>();
    for (const m of matches) if (!codeOf(m.old.id!).includes(".")) parentCode.set(codeOf(m.old.id!), codeOf(m.ind.id));
    return (row) => {
      const code = codeOf(row.id!);
      const cut = code.lastIndexOf(".");
      const parent = cut < 0 ? undefined : parentCode.get(code.slice(0, cut));
      return parent === undefined ? null : `${parent}${code.slice(cut)}`;
    };
  };
  const passes: (() => (row: ExistingRow, ind: Indicator) => boolean)[] = [
    () => (row, ind) => hashOfId(row.id!) === nameKey(ind.name),
    () => {
      const moved = subRowCode();
      return (row, ind) => hashOfId(row.id!) === hashOfId(ind.id) && moved(row) === codeOf(ind.id);
    },
    () => (row, ind) => codeOf(row.id!) === codeOf(ind.id) && foldText(text(row.values.unit)) === foldText(ind.unit) && extends_(text(row.values.name), ind.name),
  ];
  for (const makePass of passes) {
    const pass = makePass();
    const left: ExistingRow[] = [];
    for (const row of rest) {
      const candidates = fresh.filter((i) => !taken.has(i.id) && pass(row, i));
      const others = rest.filter((r) => r !== row && candidates.length === 1 && pass(r, candidates[0]!));
      if (candidates.length === 1 && others.length === 0) {
        matches.push({ old: row, ind: candidates[0]! });
        taken.add(candidates[0]!.id);
      } else left.push(row);
    }
    rest = left;
  }
  return { matches, retired: rest, added: fresh.filter((i) => !taken.has(i.id)) };
}

interface SheetMerge {
  carry: SheetCarry;
  changes: Change[];
}

function mergeSheet(input: SheetInput, old: ExistingSheet, entries: Entries, options: RefreshOptions, calendar: Calendar | undefined, notices: Located[]): SheetMerge {
  const sheet = old.name;
  const source = input.plan.number;
  const header = (key: string) => old.headers[old.keys.indexOf(key)] || key;
  const inputBlocks = new Set(input.blocks.filter((b) => b.actual === "input").map((b) => b.key));
  // The period cells the rebuilt sheet has (a calendar dropped, or a new reporting year, keeps the old ones as columns).
  if (input.kind === "indicators") for (const k of periodEntryKeys(paceBlockOf([...inputBlocks], calendar, options.asOf))) inputBlocks.add(k);
  const keepsBaseline = input.blocks.length === 1;
  const carry: SheetCarry = { values: {}, rows: [], columns: old.userColumns.map((c) => ({ ...c, input: true })), formulas: {} };
  if (old.name !== input.name) carry.name = old.name;
  const extraColumn = (key: string, label: string) => {
    if (!carry.columns.some((c) => c.key === key)) carry.columns.push({ key, header: label, input: true });
  };
  const changes: Change[] = [];
  const idRows = old.rows.filter((r) => r.id !== null);
  const { matches, added } = matchRows(idRows, input.rows);
  const matchOf = new Map(matches.map((m) => [m.old, m]));

  for (const { old: row, ind } of matches) {
    const kept: Record<string, CellValue> = {};
    for (const [key, value] of Object.entries(row.values)) {
      if (key.startsWith("actual:")) {
        const block = key.slice(7);
        if (inputBlocks.has(block)) (entries.actuals[ind.id] ??= {})[block] = value;
        else {
          kept[key] = value;
          extraColumn(key, `${header(key)} (kỳ cũ)`);
        }
      } else if (key === "note") entries.notes[ind.id] = text(value);
      else if (key === "baseline") {
        if (keepsBaseline) entries.baselines[ind.id] = value;
        else {
          kept[key] = value;
          extraColumn(key, `${header(key)} (giữ lại)`);
        }
      } else if (key.startsWith("user:") || key === "change") kept[key] = value;
      else if (key === "direction" && Object.values(DIRECTION_LABELS).includes(text(value))) kept[key] = value;
      else if (key === "accumulate" && ACCUMULATION_CHOICES.includes(text(value))) kept[key] = value;
      else if (key === "h:tolerance" && value !== options.tolerance) kept[key] = value;
    }
    for (const [key, formula] of Object.entries(row.formulas)) {
      (carry.formulas[ind.id] ??= {})[key] = formula;
      if (key.startsWith("actual:") && !inputBlocks.has(key.slice(7))) extraColumn(key, `${header(key)} (kỳ cũ)`);
      if (key === "baseline" && !keepsBaseline) extraColumn(key, `${header(key)} (giữ lại)`);
    }
    const at = (kind: ChangeKind, before: string, after: string) => changes.push({ kind, sheet, source, code: ind.code, name: ind.name, before, after });
    const oldCode = text(row.values.code);
    if (oldCode !== ind.code) at("renumbered", oldCode, ind.code);
    if (foldText(text(row.values.name)) !== foldText(ind.name)) at("renamed", text(row.values.name), ind.name);
    if (input.kind !== "scenario" && text(row.values.unit).trim() !== ind.unit.trim()) at("unit", text(row.values.unit), ind.unit);
    const texts = targetTexts(input, ind);
    const { changed, restored } = compareTargets(texts, (k) => text(row.values[k]), row.built);
    const label = (k: string) => (Object.keys(texts).length > 1 ? `${header(k)}: ` : "");
    const side = (diffs: TargetDiff[], which: "before" | "after") => diffs.map((d) => `${label(d.key)}${d[which]}`).join("; ");
    if (changed.length > 0) {
      at("target", side(changed, "before"), side(changed, "after"));
      kept.change = `${options.now.slice(0, 10)}: “${side(changed, "before")}” → “${side(changed, "after")}”`;
    }
    if (restored.length > 0) at("restored", side(restored, "before"), side(restored, "after"));
    if (Object.keys(kept).length > 0) carry.values[ind.id] = kept;
  }

  // Rows that are not the plan's keep their place: after the indicator that came before them.
  let anchor: string | null = null;
  for (const row of old.rows) {
    const m = matchOf.get(row);
    if (m) {
      anchor = m.ind.id;
      continue;
    }
    const values: Record<string, CellValue> = {};
    for (const [key, value] of Object.entries(row.values)) {
      // The reader keeps no status, gap or whole-period value for an indicator's row; on a row staff added, all is theirs.
      if (key.startsWith("h:")) continue;
      values[key] = value;
      if (key.startsWith("actual:") && !inputBlocks.has(key.slice(7))) extraColumn(key, `${header(key)} (kỳ cũ)`);
      if (key === "baseline" && !keepsBaseline) extraColumn(key, `${header(key)} (giữ lại)`);
    }
    for (const key of Object.keys(row.formulas)) {
      if (key.startsWith("actual:") && !inputBlocks.has(key.slice(7))) extraColumn(key, `${header(key)} (kỳ cũ)`);
      if (key === "baseline" && !keepsBaseline) extraColumn(key, `${header(key)} (giữ lại)`);
    }
    const carried: CarriedRow = { anchor, id: row.id, values, formulas: row.formulas };
    carry.rows.push(carried);
    if (row.id && !row.retired) changes.push({ kind: "retired", sheet, source, code: text(row.values.code), name: text(row.values.name), before: text(row.values.target), after: "" });
  }
  for (const ind of added) changes.push({ kind: "added", sheet, source, code: ind.code, name: ind.name, before: "", after: targetTexts(input, ind).target ?? "" });

  // A sorted table is put back in the document's order; say so.
  const order = new Map(input.rows.map((i, k) => [i.id, k]));
  const positions = matches.map((m) => ({ row: m.old.row, at: order.get(m.ind.id)! })).sort((a, b) => a.row - b.row);
  if (positions.some((p, k) => k > 0 && p.at < positions[k - 1]!.at)) {
    notices.push({ sheet, cell: `A${positions[0]!.row}`, vi: "bảng đã được sắp xếp lại: sau khi cập nhật các dòng trở về thứ tự của văn bản (số liệu đi theo từng chỉ tiêu)", en: "the table was sorted: after the refresh rows return to the document's order (entries stay with their indicator)" });
  }
  return { carry, changes };
}

function serviceSheet(name: string, title: string, headers: { header: string; width: number }[], rows: CellValue[][], hidden: boolean): SheetSpec {
  const width = headers.length;
  const last = Math.max(LOG_FIRST_ROW, rows.length + LOG_FIRST_ROW - 1);
  return {
    name,
    kind: "lists",
    plan: null,
    appendix: null,
    columns: headers.map((h, k) => ({ key: `c${k}`, header: h.header, width: h.width })),
    rows: [
      [{ value: title, style: "title" }, ...headers.slice(1).map(() => ({}))],
      headers.map((h) => ({ value: h.header, style: "header" })),
      ...rows.map((r) => headers.map((_, k) => ({ value: r[k] ?? null, style: "text" }))),
    ],
    heights: { "2": 30 },
    merges: [],
    table: null,
    dataRows: { first: LOG_FIRST_ROW, last },
    rowOf: {},
    freeze: { row: 2, column: 0 },
    conditional: [],
    validations: [],
    print: { orientation: "landscape", paperSize: 9, fitToWidth: 1, fitToHeight: 0, titleRows: "2:2", area: `A1:${columnLetter(width)}${last}`, header: "", footer: "&C&8Trang &P/&N" },
    protect: false,
    tabColor: hidden ? null : "7F7F7F",
    hidden,
  };
}

/**
 * The appendix ("plan.appendix") a sheet shows, from its ids and the appendices the catalog knows: an appendix
 * id may hold a dot ("II.2"), so the id alone cannot say where the appendix ends; the longest known
 * "plan.appendix." that most ids start with wins. An appendix the catalog no longer has keeps the id's reading.
 */
export function sheetSource(sheet: ExistingSheet, known: string[]): string {
  return sourceOfIds(sheet.rows.filter((r) => r.id).map((r) => r.id!), known) || sheet.source;
}

/** The "plan.appendix" most of these ids start with (the longer key on a tie); "" when none does. */
function sourceOfIds(ids: string[], known: string[]): string {
  let best = "";
  let bestCount = 0;
  for (const key of known) {
    const count = ids.filter((id) => id.startsWith(`${key}.`)).length;
    if (count > bestCount || (count === bestCount && count > 0 && key.length > best.length)) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

/** The appendix of a sheet the catalog gives: that of its first indicator (the GRDP scenario sheet: its base appendix). */
function inputSource(input: SheetInput, known: string[]): string {
  const id = input.rows[0]?.id;
  const matches = id ? known.filter((k) => id.startsWith(`${k}.`)) : [];
  return matches.sort((a, b) => b.length - a.length)[0] ?? `${input.plan.id}.${input.appendix.id}`;
}

/** Every "plan.appendix" of a catalog, task appendices included. */
function knownSources(catalog: Catalog): string[] {
  return catalog.plans.flatMap((p) => [...p.appendices.map((a) => `${p.id}.${a.id}`), ...(p.tasks ?? []).map((a) => `${p.id}.${a.id}`)]);
}

export function refreshWorkbook(catalog: Catalog, read: Existing, options: RefreshOptions): Refresh {
  const known = knownSources(catalog);
  const before: Existing = { ...read, sheets: read.sheets.map((s) => ({ ...s, source: sheetSource(s, known) })) };
  // Collected entries are written as if staff had typed them; the backup keeps the entries as they were.
  const existing = withEdits(before, options.collected?.edits ?? []);
  const calendar = options.calendar ?? read.identity?.calendar ?? calendarOfExisting(existing);
  const identity: Identity | undefined =
    read.identity ?? (options.newId ? { kind: "master", master: options.newId, versions: {}, calendar: calendar ?? null, reportDay: DEFAULT_REPORT_DAY } : undefined);
  const reportDay = read.reportDay ?? identity?.reportDay ?? DEFAULT_REPORT_DAY;
  const receipts = [...(read.receipts ?? []), ...(options.collected?.receipts ?? [])];
  const present = new Set(existing.sheets.map((s) => s.source.split(".")[0]!));
  const plans = options.plans ?? (present.size > 0 ? catalog.plans.map((p) => p.id).filter((id) => present.has(id)) : undefined);
  // A refresh updates the appendices the workbook has; adding one is a load (or naming its plan in `plans`).
  const sources = new Set(existing.sheets.map((s) => s.source));
  const inputs = workbookSheetInputs(catalog, plans, options.plans || existing.sheets.length === 0 ? undefined : (key) => sources.has(key));
  const notices = [...existing.notices];
  const entries: Entries = { actuals: {}, notes: {}, baselines: {} };
  const carry: Record<string, SheetCarry> = {};
  const changes: Change[] = [];
  const used = new Set<ExistingSheet>();
  // A damaged sheet stands for its appendix: that appendix is not refreshed, so no second sheet takes its name.
  const standing = inputs.filter((input) => {
    const source = inputSource(input, known);
    return !existing.damaged.some((d) => d.name === input.name || sourceOfIds(d.ids, known) === source);
  });
  for (const input of standing) {
    const source = inputSource(input, known);
    const old = existing.sheets.find((s) => !used.has(s) && s.source === source && s.source !== "") ?? existing.sheets.find((s) => !used.has(s) && s.name === input.name);
    if (!old) {
      for (const ind of input.rows) changes.push({ kind: "added", sheet: input.name, source: input.plan.number, code: ind.code, name: ind.name, before: "", after: targetTexts(input, ind).target ?? "" });
      continue;
    }
    used.add(old);
    if (old.name !== input.name) {
      notices.push({ sheet: old.name, cell: "A1", vi: `trang “${input.name}” đã được đổi tên thành “${old.name}”: giữ tên mới`, en: `the sheet “${input.name}” was renamed “${old.name}”: the new name is kept` });
    }
    const merged = mergeSheet(input, old, entries, options, calendar, notices);
    carry[input.name] = merged.carry;
    changes.push(...merged.changes);
  }
  // Task sheets: rebuilt with their entries, or kept whole when the rebuild could not carry everything.
  const tasks = mergeTaskSheets(catalog, existing, plans, (source) => existing.sheets.find((s) => !used.has(s) && s.source === source));
  for (const s of tasks.used) used.add(s);
  notices.push(...tasks.notices);
  for (const a of tasks.added) changes.push({ kind: "added", sheet: a.sheet, source: "", code: a.code, name: a.name, before: "", after: "" });
  const keep = [...existing.foreign, ...existing.damaged.map((d) => d.name), ...tasks.keep];
  for (const old of existing.sheets) {
    if (used.has(old)) continue;
    keep.push(old.name);
    notices.push({ sheet: old.name, cell: "A1", vi: "phụ lục của trang này không có trong văn bản nguồn: trang được giữ nguyên cùng số liệu", en: "this sheet's appendix is not in the source document: the sheet is kept as it is, with its entries" });
  }
  const appendices = [...standing.map((input) => inputSource(input, known)), ...tasks.sources];
  const build: Refresh["build"] = {
    options: { asOf: options.asOf, tolerance: options.tolerance, entries, plans, appendices, protect: options.protect, taskEntries: tasks.entries, taskSheetNames: tasks.names, agencies: existing.directory, calendar, identity: identity ? { ...identity, reportDay } : undefined, receipts, ledger: options.ledger ?? read.ledger ?? null },
    carry,
  };
  const plan = buildWorkbookPlan(catalog, build.options, carry);
  // A sheet loaded after the summary was written is not counted there until the summary is rebuilt.
  const counted = plan.sheets.filter((s) => s.kind === "indicators" || s.kind === "scenario").map((s) => s.name);
  if (existing.sheets.length > 0 && (existing.summary === null || existing.summary.join("\n") !== counted.join("\n"))) {
    changes.push({ kind: "summary", sheet: SUMMARY_SHEET, source: "", code: "", name: SUMMARY_SHEET, before: (existing.summary ?? []).join(", "), after: counted.join(", ") });
  }
  if (!read.identity && identity) changes.push({ kind: "identity", sheet: IDENTITY_SHEET, source: "", code: "", name: identity.master, before: "", after: "" });
  // A value that replaces another is logged one by one; values into empty cells, counted per form and sheet.
  const fresh = new Map<string, number>();
  for (const e of options.collected?.edits ?? []) {
    if (e.before === null || e.before === "") {
      const k = `${e.form}\u0000${e.masterSheet}`;
      fresh.set(k, (fresh.get(k) ?? 0) + 1);
      continue;
    }
    changes.push({ kind: "collected", sheet: e.masterSheet, source: `${e.form} (${e.sheet}!${e.cell})`, code: e.code, name: e.name, before: String(e.before), after: String(e.value) });
  }
  for (const [k, n] of fresh) {
    const [form, sheet] = k.split("\u0000");
    changes.push({ kind: "collected", sheet: sheet!, source: form!, code: "", name: `${n} số liệu vào ô còn trống`, before: "", after: String(n) });
  }
  for (const r of options.collected?.receipts ?? []) changes.push({ kind: "received", sheet: RECEIPTS_SHEET, source: r.file, code: r.period, name: r.agency, before: "", after: `${r.entries}` });
  // Service sheets by their name — but not a sheet of staff's that only shares the name (their "Báo cáo năm").
  const replace = [...existing.sheets.filter((s) => used.has(s) && !tasks.keep.includes(s.name)).map((s) => s.name), ...new Set([...SERVICE_SHEETS, ...(existing.serviceNames ?? [])])].filter((n) => !existing.foreign.includes(n));
  // What the rewrite puts back (order, hidden, table, protection) is said, never done silently.
  changes.push(...layoutChanges(existing.layout ?? [], [...plan.sheets, { name: LOG_SHEET, hidden: false, protect: false, table: null }, { name: BACKUP_SHEET, hidden: true, protect: false, table: null }], replace));
  const log = [...existing.log, ...changes.map((c) => logRow(c, options.now))];
  const backup = options.keepBackup ? existing.backup : backupRows(before, options.now, options.collected);
  plan.sheets.push(serviceSheet(LOG_SHEET, "NHẬT KÝ THAY ĐỔI CHỈ TIÊU", LOG_COLUMNS, log, false));
  plan.sheets.push(serviceSheet(BACKUP_SHEET, "Sao lưu số liệu trước lần cập nhật hoặc thu phiếu gần nhất (dùng để khôi phục)", BACKUP_HEADERS.map((h) => ({ header: h, width: 16 })), backup, true));
  return { plan, changes, notices, replace, keep, backedUp: backup.filter((r) => r[6] !== BACKUP_KINDS.received).length, build };
}
