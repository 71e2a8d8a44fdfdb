import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Lang } from "../i18n/messages";
import type { Catalog, Plan } from "../model";
import type { WorkbookHost } from "../hosts/host";
import type { PreviewHost } from "../hosts/preview/previewHost";
import type { Entries } from "../sheets/indicatorSheet";
import { columnLetter, type SheetPlan } from "../sheets/plan";
import { buildWorkbookPlan, nowVi, SUMMARY_SHEET, todayVi } from "../sheets/workbook";
import { changeSummary, type Refresh } from "../sheets/merge";
import { judgePaceSheets, judgeSheets, indicatorsById, type JudgedCell } from "./judging";
import type { Pace } from "../evaluate/pace";
import { judgeTaskSheets, type JudgedTask } from "./taskJudging";
import { preference, setPreference } from "./platform";
import { openWorkbook } from "./opening";
import { t } from "./strings";
import type { Calendar } from "../model/period";
import { DEFAULT_REPORT_DAY, type Identity } from "../sheets/identity";
import { reportingRows, type ReportingRow } from "../sheets/reportingSheet";
import { countedIndicators } from "../model/counting";
import { same, yieldToBrowser, type Notice, type Said, type Slot } from "./notice";
import { save, useCycle, type Cycle } from "./useCycle";

/**
 * The pane's one hook: the host's actions (load, refresh, restore, download, select a cell) and the state they
 * share — the plan on screen, the entries, what is busy and where, the notice to show and where, the sheet the
 * preview shows. Screens get it as `pane` and hold only their own form state, so a new tab is one new file. The
 * reporting cycle's actions are in useCycle.ts.
 */
export type { Notice } from "./notice";

/** What is running, and beside which action its spinner shows. */
export interface Busy {
  label: string;
  at: Slot;
}

/** The preview's sheet to show (and the input to focus there); seq tells a repeated request from the last one. */
export interface Shown {
  name: string;
  focus: string | null;
  seq: number;
}

export interface Pane extends Cycle {
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
  /** The busy label, or null. */
  busy: string | null;
  busyAt: Busy | null;
  notice: Notice | null;
  /** Shows a notice beside its action (a new one takes the view and the focus once); null clears it. */
  tell: (n: Omit<Notice, "seq"> | null) => void;
  /** True the first time it is asked for a notice: the notice then takes the focus. */
  takeFocus: (seq: number) => boolean;
  fail: (e: unknown, at: Slot) => void;
  pending: Refresh | null;
  protect: boolean;
  setProtect: (on: boolean) => void;
  load: (source: Catalog, plans: string[], appendices: string[], calendar?: Calendar, at?: Slot) => Promise<void>;
  /** The pace of each row of the sheets with periods, by "sheet|id". */
  paces: Map<string, Pace>;
  /** Who has reported, by period (latest first) and agency: the reporting sheet as the engine reads it. */
  reporting: ReportingRow[];
  importTable: (pasted: Plan) => void;
  refresh: (dryRun: boolean) => Promise<void>;
  restore: () => Promise<void>;
  download: (at: Slot) => Promise<void>;
  typeEntry: (id: string, block: string, value: string | number | null) => void;
  showCell: (c: Pick<JudgedCell, "sheet" | "id" | "block">) => void;
  /** Shows a sheet: Excel activates it; the preview shows its table. */
  showSheet: (name: string) => void;
  /** Whether this host can show a sheet (the preview shows only the appendix and task sheets). */
  canShow: (name: string) => boolean;
  /** The preview's sheet to show (null: the first). */
  shown: Shown | null;
  /**
   * The short name of the next pasted table: "Bảng dán 1" at first, then the last one used, so that a revised
   * version of the same table is recognised as that table (and refreshed); staff rename it for another table.
   */
  pasteName: string;
  setPasteName: (name: string) => void;
}

/** The preview shows these kinds of sheets as tables; the others (summary, report, directory …) only in the file. */
const PREVIEWED = ["indicators", "scenario", "tasks"];

export function usePane(props: { catalog: Catalog; host: WorkbookHost; initialLang: Lang }): Pane {
  const { host } = props;
  const [imported, setImported] = useState<Plan[]>([]);
  const catalog = useMemo<Catalog>(() => ({ plans: [...props.catalog.plans.filter((p) => !imported.some((x) => x.id === p.id)), ...imported] }), [props.catalog, imported]);
  const preview = host.kind === "preview" ? (host as PreviewHost) : null;
  const [lang, setLang] = useState<Lang>(props.initialLang);
  const [plan, setPlan] = useState<SheetPlan | null>(null);
  const [entries, setEntries] = useState<Entries>({ actuals: {}, notes: {}, baselines: {} });
  const [busyAt, setBusy] = useState<Busy | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<Refresh | null>(null);
  const [protect, setProtectState] = useState(preference("protect") !== "off");
  const [shown, setShown] = useState<Shown | null>(null);
  const [pasteName, setPasteName] = useState<string>(t(props.initialLang, "pasteDefault", { n: 1 }));
  const seq = useRef(0);
  const focused = useRef(0);

  const switchLanguage = () => {
    const next: Lang = lang === "vi" ? "en" : "vi";
    setLang(next);
    setPreference("lang", next);
    document.documentElement.lang = next;
  };
  const setProtect = (on: boolean) => {
    setProtectState(on);
    setPreference("protect", on ? "on" : "off");
  };
  const tell = useCallback((n: Omit<Notice, "seq"> | null) => setNotice(n ? { ...n, seq: ++seq.current } : null), []);
  const takeFocus = useCallback((s: number) => (s > focused.current ? ((focused.current = s), true) : false), []);
  const fail = (e: unknown, at: Slot) =>
    tell({ kind: "error", at, title: { key: "error" }, lines: [{ key: "failed" }], details: [same(e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e))] });

  /** Runs an action with its spinner beside it, after the browser has painted the spinner; a failure becomes the error notice there. */
  const busyWith = async (label: string, at: Slot, action: () => Promise<void>) => {
    setBusy({ label, at });
    try {
      await yieldToBrowser();
      await action();
    } catch (e) {
      fail(e, at);
    } finally {
      setBusy(null);
    }
  };

  const load = (source: Catalog, plans: string[], appendices: string[], calendar?: Calendar, at: Slot = "load") =>
    busyWith(t(lang, "loading"), at, async () => {
      tell(null);
      // A workbook of its own identity: the forms split from it are known as its forms when they come back.
      const identity: Identity = { kind: "master", master: newId(), versions: {}, calendar: calendar ?? null, reportDay: DEFAULT_REPORT_DAY };
      const built = buildWorkbookPlan(source, { asOf: todayVi(), plans, appendices, protect, calendar, identity });
      await yieldToBrowser();
      const result = await host.load(built);
      const hidden = new Set(built.sheets.filter((s) => s.hidden).map((s) => s.name));
      const written = built.sheets.filter((s) => result.written.includes(s.name) && !hidden.has(s.name));
      // Counted by the one rule (model/counting.ts): a packed row is one indicator, its parts are not counted beside it.
      const byId = indicatorsById(source);
      const rowsOf = (kinds: string[]) => written.filter((s) => kinds.includes(s.kind)).flatMap((s) => Object.keys(s.rowOf));
      const indicators = countedIndicators(rowsOf(["indicators", "scenario"]).flatMap((id) => byId.get(id) ?? [])).length;
      const tasks = rowsOf(["tasks"]).length;
      await yieldToBrowser();
      setPlan(preview ? preview.plan() : built);
      setEntries(await host.readEntries());
      const existing = result.existing.filter((n) => !hidden.has(n));
      const lines: Said[] = [{ key: "loaded", params: { sheets: written.length, indicators } }];
      if (tasks > 0) lines.push({ key: "loadedTasks", params: { tasks } });
      if (existing.length) lines.push({ key: "existing", params: { names: existing.join(", ") } });
      if (existing.includes(SUMMARY_SHEET) && written.length > 0) lines.push({ key: "summaryStale" });
      lines.push(...result.degraded);
      const names = written.map((s) => s.name);
      tell({
        kind: existing.length || result.degraded.length ? "warning" : "success",
        at,
        title: { key: "tabLoad" },
        lines,
        sheets: names.filter((n) => canShowIn(built, n)),
        elsewhere: names.filter((n) => !canShowIn(built, n)),
      });
    });
  /** Whether the host shows a sheet of this plan: Excel every sheet, the preview its appendix and task tables. */
  const canShowIn = (p: SheetPlan | null, name: string) => !preview || PREVIEWED.includes(p?.sheets.find((s) => s.name === name)?.kind ?? "");

  const importTable = (pasted: Plan) => {
    setImported((list) => [...list.filter((p) => p.id !== pasted.id), pasted]);
    void load({ plans: [pasted] }, [pasted.id], pasted.appendices.map((a) => `${pasted.id}.${a.id}`), undefined, "paste-write");
  };

  const refresh = (dryRun: boolean) =>
    busyWith(t(lang, "refreshing"), "refresh", async () => {
      tell(null);
      const d = new Date();
      const result = await host.refresh(catalog, { asOf: todayVi(d), tolerance: 0.05, now: nowVi(d), protect, dryRun });
      setPending(dryRun && result.changes.length > 0 ? result : null);
      if (!dryRun && result.changes.length > 0) {
        setPlan(preview ? preview.plan() : result.plan);
        setEntries(await host.readEntries());
      }
      const summary = { vi: changeSummary(result.changes, "vi").toLowerCase(), en: changeSummary(result.changes, "en").toLowerCase() };
      const line: Said =
        result.changes.length === 0
          ? { key: "noChanges" }
          : dryRun
            ? { vi: t("vi", "changesFound", { summary: summary.vi }), en: t("en", "changesFound", { summary: summary.en }) }
            : { key: "refreshed", params: { n: result.changes.length, b: result.backedUp } };
      tell({
        kind: result.notices.length ? "warning" : "success",
        at: "refresh",
        title: { key: "tabRefresh" },
        lines: [line],
        details: result.notices.length ? result.notices.map((n) => ({ vi: `${n.sheet}!${n.cell}: ${n.vi}`, en: `${n.sheet}!${n.cell}: ${n.en}` })) : undefined,
      });
    });

  const restore = () =>
    busyWith(t(lang, "refreshing"), "refresh", async () => {
      tell(null);
      const result = await host.restore();
      setEntries(await host.readEntries());
      if (preview) setPlan(preview.plan());
      tell({
        kind: result.skipped.length ? "warning" : "success",
        at: "refresh",
        title: { key: "restore" },
        lines: [result.summary],
        details: result.skipped.length ? result.skipped.map((n) => ({ vi: `${n.sheet}!${n.cell}: ${n.vi}`, en: `${n.sheet}!${n.cell}: ${n.en}` })) : undefined,
      });
    });

  const download = (at: Slot) =>
    busyWith(t(lang, "downloading"), at, async () => {
      if (!preview) return;
      save(await preview.download(), "theo-doi-chi-tieu.xlsx");
    });

  const cycle = useCycle({ host, preview, catalog, lang, protect, busyWith, tell, setPlan, setEntries });

  const typeEntry = useCallback(
    (id: string, block: string, value: string | number | null) => {
      if (!preview) return;
      preview.setEntry(id, block, typeof value === "string" && value.trim() === "" ? null : value);
      void preview.readEntries().then(setEntries);
    },
    [preview],
  );

  /** The cell of an entry: Excel selects it on its sheet; the preview shows its sheet and focuses its input. */
  const showCell = (c: Pick<JudgedCell, "sheet" | "id" | "block">) => {
    if (preview) return setShown((s) => ({ name: c.sheet, focus: `input-${c.id}-${c.block}`, seq: (s?.seq ?? 0) + 1 }));
    const sheet = plan?.sheets.find((s) => s.name === c.sheet);
    const col = sheet?.columns.findIndex((k) => k.key === `actual:${c.block}`) ?? -1;
    const row = sheet?.rowOf[c.id];
    if (sheet && col >= 0 && row) host.select(sheet.name, `${columnLetter(col + 1)}${row}`).catch((e: unknown) => fail(e, "top"));
  };
  const showSheet = (name: string) => {
    if (!preview) return void host.select(name, "A1").catch((e: unknown) => fail(e, "top"));
    setShown((s) => ({ name, focus: null, seq: (s?.seq ?? 0) + 1 }));
  };
  const canShow = (name: string) => canShowIn(plan, name);

  // Opened on a workbook that already has monitoring sheets (inside Excel): read them, write nothing.
  useEffect(() => {
    if (host.kind !== "excel") return;
    let gone = false;
    openWorkbook(host, props.catalog).then(
      (opened) => {
        if (gone || !opened) return;
        setPlan(opened.plan);
        setEntries(opened.entries);
        const lines: Said[] = [{ key: "opened", params: { sheets: opened.sheets } }];
        if (opened.changes > 0) lines.push({ key: "openedChanges", params: { n: opened.changes } });
        tell({ kind: opened.changes > 0 ? "warning" : "info", at: "load", title: { key: "title" }, lines });
      },
      (e: unknown) => !gone && fail(e, "load"),
    );
    return () => {
      gone = true;
    };
    // Once, when the pane opens on its host.
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

  return {
    ...cycle,
    host,
    preview,
    lang,
    switchLanguage,
    catalog,
    plan,
    entries,
    judged,
    judgedTasks,
    busy: busyAt?.label ?? null,
    busyAt,
    notice,
    tell,
    takeFocus,
    fail,
    pending,
    protect,
    setProtect,
    load,
    importTable,
    refresh,
    restore,
    download,
    typeEntry,
    showCell,
    showSheet,
    canShow,
    shown,
    pasteName,
    setPasteName,
    paces,
    reporting,
  };
}

/** A new workbook's id: random, so that two workbooks of the same plans are told apart. */
function newId(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
}
