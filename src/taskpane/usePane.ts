import { useCallback, useEffect, useMemo, useState } from "react";
import type { Lang } from "../i18n/messages";
import type { Catalog, Plan } from "../model";
import type { WorkbookHost } from "../hosts/host";
import type { PreviewHost } from "../hosts/preview/previewHost";
import type { Entries } from "../sheets/indicatorSheet";
import { columnLetter, type SheetPlan } from "../sheets/plan";
import { buildWorkbookPlan, nowVi, SUMMARY_SHEET, todayVi } from "../sheets/workbook";
import { changeSummary, type Refresh } from "../sheets/merge";
import { judgePaceSheets, judgeSheets, type JudgedCell } from "./judging";
import type { Pace } from "../evaluate/pace";
import { judgeTaskSheets, type JudgedTask } from "./taskJudging";
import { preference, setPreference } from "./platform";
import { openWorkbook } from "./opening";
import { t } from "./strings";
import type { Calendar } from "../model/period";
import { DEFAULT_REPORT_DAY, type Identity } from "../sheets/identity";
import { refreshWorkbook } from "../sheets/merge";
import { splitMaster, type AgencyForm } from "../sheets/forms";
import type { Collected, ReturnedForm } from "../sheets/collect";
import { reportingRows, type ReportingRow } from "../sheets/reportingSheet";

/**
 * The pane's one hook: the host's actions (load, refresh, restore, download, select a cell) and the state they
 * share — the plan on screen, the entries, what is busy, the notice to show, the sheets the last action wrote.
 * Screens get it as `pane` and hold only their own form state, so a new tab is one new file.
 */
export type Notice = { kind: "success" | "info" | "warning" | "error"; title: string; text: string; details?: string; sheets?: string[] };

export interface Pane {
  host: WorkbookHost;
  preview: PreviewHost | null;
  lang: Lang;
  switchLanguage: () => void;
  /** The seed catalog plus the tables imported (pasted or selected) in this session. */
  catalog: Catalog;
  plan: SheetPlan | null;
  entries: Entries;
  judged: JudgedCell[];
  /** Every task of the task sheets, judged. */
  judgedTasks: JudgedTask[];
  busy: string | null;
  notice: Notice | null;
  setNotice: (n: Notice | null) => void;
  fail: (e: unknown) => void;
  pending: Refresh | null;
  protect: boolean;
  setProtect: (on: boolean) => void;
  load: (source: Catalog, plans: string[], appendices: string[], calendar?: Calendar) => Promise<void>;
  /** The pace of each row of the sheets with periods, by "sheet|id". */
  paces: Map<string, Pace>;
  /** Who has reported, by period (latest first) and agency: the reporting sheet as the engine reads it. */
  reporting: ReportingRow[];
  /** The agencies' forms split off the workbook, ready to download. */
  forms: AgencyForm[];
  split: () => Promise<void>;
  downloadForm: (file: string) => Promise<void>;
  downloadForms: () => Promise<void>;
  /** Reads returned forms and lists what they bring; nothing is written until applyCollect. */
  readForms: (files: File[]) => Promise<void>;
  pendingCollect: Collected | null;
  applyCollect: () => Promise<void>;
  importTable: (pasted: Plan) => void;
  refresh: (dryRun: boolean) => Promise<void>;
  restore: () => Promise<void>;
  download: () => Promise<void>;
  typeEntry: (id: string, block: string, value: string | number | null) => void;
  showCell: (c: Pick<JudgedCell, "sheet" | "id" | "block">) => void;
  /** Shows a sheet: Excel activates it; the preview shows its table. */
  showSheet: (name: string) => void;
  /** The preview's sheet on screen (null: the first). */
  shownSheet: string | null;
  /**
   * The short name of the next pasted table: "Bảng dán 1" at first, then the last one used, so that a revised
   * version of the same table is recognised as that table (and refreshed); staff rename it for another table.
   */
  pasteName: string;
  setPasteName: (name: string) => void;
}

export function usePane(props: { catalog: Catalog; host: WorkbookHost; initialLang: Lang }): Pane {
  const { host } = props;
  const [imported, setImported] = useState<Plan[]>([]);
  const catalog = useMemo<Catalog>(() => ({ plans: [...props.catalog.plans.filter((p) => !imported.some((x) => x.id === p.id)), ...imported] }), [props.catalog, imported]);
  const preview = host.kind === "preview" ? (host as PreviewHost) : null;
  const [lang, setLang] = useState<Lang>(props.initialLang);
  const [plan, setPlan] = useState<SheetPlan | null>(null);
  const [entries, setEntries] = useState<Entries>({ actuals: {}, notes: {}, baselines: {} });
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<Refresh | null>(null);
  const [protect, setProtectState] = useState(preference("protect") !== "off");
  const [shownSheet, setShownSheet] = useState<string | null>(null);
  const [pasteName, setPasteName] = useState<string>(t(props.initialLang, "pasteDefault", { n: 1 }));

  const switchLanguage = () => {
    const next: Lang = lang === "vi" ? "en" : "vi";
    setLang(next);
    setPreference("lang", next);
  };
  const setProtect = (on: boolean) => {
    setProtectState(on);
    setPreference("protect", on ? "on" : "off");
  };
  const fail = (e: unknown) => setNotice({ kind: "error", title: t(lang, "error"), text: lang === "vi" ? "Không hoàn tất được thao tác." : "The action could not be completed.", details: e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e) });

  /** Runs an action with its busy label; a failure becomes the error notice. */
  const busyWith = async (label: string, action: () => Promise<void>) => {
    setBusy(label);
    try {
      await action();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const load = (source: Catalog, plans: string[], appendices: string[], calendar?: Calendar) =>
    busyWith(t(lang, "loading"), async () => {
      setNotice(null);
      // A workbook of its own identity: the forms split from it are known as its forms when they come back.
      const identity: Identity = { kind: "master", master: newId(), versions: {}, calendar: calendar ?? null, reportDay: DEFAULT_REPORT_DAY };
      const built = buildWorkbookPlan(source, { asOf: todayVi(), plans, appendices, protect, calendar, identity });
      const result = await host.load(built);
      const written = built.sheets.filter((s) => result.written.includes(s.name));
      const indicators = written.filter((s) => s.kind !== "tasks").reduce((n, s) => n + Object.keys(s.rowOf).length, 0);
      const tasks = written.filter((s) => s.kind === "tasks").reduce((n, s) => n + Object.keys(s.rowOf).length, 0);
      setPlan(preview ? preview.plan() : built);
      setEntries(await host.readEntries());
      const lines = [t(lang, "loaded", { sheets: result.written.length, indicators }) + (tasks > 0 ? ` ${t(lang, "loadedTasks", { tasks })}` : "")];
      if (result.existing.length) lines.push(t(lang, "existing", { names: result.existing.join(", ") }));
      if (result.existing.includes(SUMMARY_SHEET) && result.written.length > 0) lines.push(t(lang, "summaryStale"));
      for (const d of result.degraded) lines.push(d[lang]);
      const shown = written.filter((s) => !s.hidden).map((s) => s.name);
      setNotice({ kind: result.existing.length || result.degraded.length ? "warning" : "success", title: t(lang, "tabLoad"), text: lines.join(" "), sheets: shown });
    });

  const importTable = (pasted: Plan) => {
    setImported((list) => [...list.filter((p) => p.id !== pasted.id), pasted]);
    void load({ plans: [pasted] }, [pasted.id], pasted.appendices.map((a) => `${pasted.id}.${a.id}`));
  };

  const refresh = (dryRun: boolean) =>
    busyWith(t(lang, "refreshing"), async () => {
      setNotice(null);
      const d = new Date();
      const result = await host.refresh(catalog, { asOf: todayVi(d), tolerance: 0.05, now: nowVi(d), protect, dryRun });
      setPending(dryRun && result.changes.length > 0 ? result : null);
      if (!dryRun && result.changes.length > 0) {
        setPlan(preview ? preview.plan() : result.plan);
        setEntries(await host.readEntries());
      }
      const summary = changeSummary(result.changes, lang).toLowerCase();
      const text = result.changes.length === 0 ? t(lang, "noChanges") : dryRun ? t(lang, "changesFound", { summary }) : t(lang, "refreshed", { n: result.changes.length, b: result.backedUp });
      setNotice({ kind: result.notices.length ? "warning" : "success", title: t(lang, "tabRefresh"), text, details: result.notices.length ? result.notices.map((n) => `${n.sheet}!${n.cell}: ${n[lang]}`).join("\n") : undefined });
    });

  const restore = () =>
    busyWith(t(lang, "refreshing"), async () => {
      const result = await host.restore();
      setEntries(await host.readEntries());
      if (preview) setPlan(preview.plan());
      setNotice({ kind: result.skipped.length ? "warning" : "success", title: t(lang, "restore"), text: t(lang, "restored", { n: result.edits.length }), details: result.skipped.map((n) => `${n.sheet}!${n.cell}: ${n[lang]}`).join("\n") || undefined });
    });

  const download = () =>
    busyWith(t(lang, "downloading"), async () => {
      if (!preview) return;
      const blob = await preview.download();
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "theo-doi-chi-tieu.xlsx";
      document.body.appendChild(a);
      a.click();
      a.remove();
    });

  const [forms, setForms] = useState<AgencyForm[]>([]);
  const [pendingCollect, setPendingCollect] = useState<Collected | null>(null);
  const [returned, setReturned] = useState<ReturnedForm[]>([]);

  const split = () =>
    busyWith(t(lang, "splitting"), async () => {
      setNotice(null);
      const d = new Date();
      const existing = await host.readWorkbook();
      const refresh = refreshWorkbook(catalog, existing, { asOf: todayVi(d), tolerance: 0.05, now: nowVi(d), protect });
      const result = splitMaster(catalog, existing, refresh, { now: nowVi(d), masterFile: t(lang, "title") });
      if (result.error) {
        setForms([]);
        setNotice({ kind: "error", title: t(lang, "splitTitle"), text: result.error[lang] });
        return;
      }
      setForms(result.forms);
      setNotice({ kind: "success", title: t(lang, "splitTitle"), text: t(lang, "splitDone", { n: result.forms.length }) });
    });

  const save = (blob: Blob, name: string) => {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  const downloadForm = (file: string) =>
    busyWith(t(lang, "downloading"), async () => {
      const form = forms.find((f) => f.file === file);
      if (!form) return;
      const { formBytes } = await import(/* webpackChunkName: "xlsx-host" */ "../hosts/xlsx/forms");
      save(new Blob([await formBytes(form.plan)], { type: XLSX }), form.file);
    });
  const downloadForms = () =>
    busyWith(t(lang, "downloading"), async () => {
      const { formsZip } = await import(/* webpackChunkName: "xlsx-host" */ "../hosts/xlsx/forms");
      const bytes = await formsZip(forms);
      save(new Blob([bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer], { type: "application/zip" }), "phieu-bao-cao.zip");
    });

  const readForms = (files: File[]) =>
    busyWith(t(lang, "collecting"), async () => {
      setNotice(null);
      const { readFormBytes } = await import(/* webpackChunkName: "xlsx-host" */ "../hosts/xlsx/forms");
      const read: ReturnedForm[] = [];
      const unreadable: string[] = [];
      for (const f of files) {
        try {
          read.push(await readFormBytes(f.name, new Uint8Array(await f.arrayBuffer())));
        } catch (e) {
          unreadable.push(`${f.name}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      const d = new Date();
      const { collected } = await host.collect(catalog, read, { asOf: todayVi(d), tolerance: 0.05, now: nowVi(d), protect, dryRun: true });
      const refused = unreadable.map((u) => ({ form: u.split(":")[0]!, sheet: "", cell: "", vi: `không đọc được như một tệp .xlsx (${u})`, en: `cannot be read as an .xlsx file (${u})` }));
      setReturned(read);
      setPendingCollect({ ...collected, refused: [...collected.refused, ...refused] });
    });

  const applyCollect = () =>
    busyWith(t(lang, "refreshing"), async () => {
      const d = new Date();
      const { collected, refresh } = await host.collect(catalog, returned, { asOf: todayVi(d), tolerance: 0.05, now: nowVi(d), protect, dryRun: false });
      setPendingCollect(null);
      if (refresh) {
        setPlan(preview ? preview.plan() : refresh.plan);
        setEntries(await host.readEntries());
      }
      setNotice({
        kind: collected.refused.length || collected.conflicts.length ? "warning" : "success",
        title: t(lang, "collectTitle"),
        text: refresh ? t(lang, "collectDone", { n: collected.edits.length, b: refresh.backedUp }) : t(lang, "noChanges"),
      });
    });

  const typeEntry = useCallback(
    (id: string, block: string, value: string | number | null) => {
      if (!preview) return;
      preview.setEntry(id, block, typeof value === "string" && value.trim() === "" ? null : value);
      void preview.readEntries().then(setEntries);
    },
    [preview],
  );

  /** The cell of an entry: its sheet's row for the indicator and the period's input column. */
  const showCell = (c: Pick<JudgedCell, "sheet" | "id" | "block">) => {
    const sheet = plan?.sheets.find((s) => s.name === c.sheet);
    const col = sheet?.columns.findIndex((k) => k.key === `actual:${c.block}`) ?? -1;
    const row = sheet?.rowOf[c.id];
    if (sheet && col >= 0 && row) host.select(sheet.name, `${columnLetter(col + 1)}${row}`).catch(fail);
  };
  const showSheet = (name: string) => {
    if (!preview) return void host.select(name, "A1").catch(fail);
    setShownSheet(name);
    document.getElementById("preview-sheets")?.scrollIntoView({ block: "start" });
  };

  // Opened on a workbook that already has monitoring sheets (inside Excel): read them, write nothing.
  useEffect(() => {
    if (host.kind !== "excel") return;
    let gone = false;
    openWorkbook(host, props.catalog).then(
      (opened) => {
        if (gone || !opened) return;
        setPlan(opened.plan);
        setEntries(opened.entries);
        const text = [t(lang, "opened", { sheets: opened.sheets })];
        if (opened.changes > 0) text.push(t(lang, "openedChanges", { n: opened.changes }));
        setNotice({ kind: opened.changes > 0 ? "warning" : "info", title: t(lang, "title"), text: text.join(" ") });
      },
      (e: unknown) => !gone && fail(e),
    );
    return () => {
      gone = true;
    };
    // Once, when the pane opens on its host (the language of the notice is the one it opened in).
  }, [host]);

  // Staff typing in Excel updates the lists (the host re-reads only what changed and ignores its own writes).
  useEffect(() => {
    let stop: (() => void) | null = null;
    let gone = false;
    void host.watch(setEntries).then((s) => (gone ? s() : (stop = s)));
    return () => {
      gone = true;
      stop?.();
    };
  }, [host]);

  const judged = useMemo(() => (plan ? judgeSheets(catalog, plan, entries) : []), [catalog, plan, entries]);
  const judgedTasks = useMemo(() => (plan ? judgeTaskSheets(catalog, plan, entries) : []), [catalog, plan, entries]);
  const paces = useMemo(() => (plan ? judgePaceSheets(catalog, plan, entries) : new Map<string, Pace>()), [catalog, plan, entries]);
  const reporting = useMemo(() => (plan ? reportingRows(plan, entries, todayVi()) : []), [plan, entries]);

  return { host, preview, lang, switchLanguage, catalog, plan, entries, judged, judgedTasks, busy, notice, setNotice, fail, pending, protect, setProtect, load, importTable, refresh, restore, download, typeEntry, showCell, showSheet, shownSheet, pasteName, setPasteName, paces, reporting, forms, split, downloadForm, downloadForms, readForms, pendingCollect, applyCollect };
}

/** A new workbook's id: random, so that two workbooks of the same plans are told apart. */
function newId(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
}
