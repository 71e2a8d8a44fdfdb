import { useCallback, useEffect, useMemo, useState } from "react";
import {
  Badge,
  Button,
  Checkbox,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  webLightTheme,
} from "@fluentui/react-components";
import type { Lang } from "../i18n/messages";
import type { Catalog } from "../model";
import type { WorkbookHost } from "../hosts/host";
import type { PreviewHost } from "../hosts/preview/previewHost";
import type { Entries } from "../sheets/indicatorSheet";
import { columnLetter, type SheetPlan } from "../sheets/plan";
import { buildWorkbookPlan, nowVi, SUMMARY_SHEET, todayVi } from "../sheets/workbook";
import { STATUS_ORDER, STATUS_VOCABULARY, statusLabel } from "../evaluate/vocabulary";
import { countByStatus, inputBlocks, judgeSheets, type JudgedCell } from "./judging";
import { preference, setPreference } from "./platform";
import { CHANGE_LABELS, changeSummary, type Refresh } from "../sheets/merge";
import { t } from "./strings";
import { PasteImport } from "./PasteImport";
import { openWorkbook } from "./opening";

type TabKey = "load" | "check" | "refresh" | "print";
type Notice = { kind: "success" | "info" | "warning" | "error"; title: string; text: string; details?: string };

export function App(props: { catalog: Catalog; host: WorkbookHost; initialLang: Lang }) {
  const { host } = props;
  // The seed catalog plus the tables the user imported (pasted or selected) in this session.
  const [imported, setImported] = useState<Catalog["plans"]>([]);
  const catalog = useMemo<Catalog>(() => ({ plans: [...props.catalog.plans.filter((p) => !imported.some((x) => x.id === p.id)), ...imported] }), [props.catalog, imported]);
  const preview = host.kind === "preview" ? (host as PreviewHost) : null;
  const [lang, setLang] = useState<Lang>(props.initialLang);
  const [tab, setTab] = useState<TabKey>("load");
  const [chosen, setChosen] = useState<string[]>(catalog.plans.filter((p) => p.appendices.length > 0).map((p) => p.id));
  // Appendices left out by the user, as "plan.appendix"; every appendix of a chosen plan is loaded otherwise.
  const [leftOut, setLeftOut] = useState<string[]>([]);
  const [plan, setPlan] = useState<SheetPlan | null>(null);
  const [entries, setEntries] = useState<Entries>({ actuals: {}, notes: {}, baselines: {} });
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<Refresh | null>(null);
  const [protect, setProtect] = useState(preference("protect") !== "off");

  const switchLanguage = () => {
    const next: Lang = lang === "vi" ? "en" : "vi";
    setLang(next);
    setPreference("lang", next);
  };

  const fail = (e: unknown) => setNotice({ kind: "error", title: t(lang, "error"), text: lang === "vi" ? "Không hoàn tất được thao tác." : "The action could not be completed.", details: e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e) });

  const load = async (source: Catalog = catalog, plans: string[] = chosen) => {
    setBusy(t(lang, "loading"));
    setNotice(null);
    try {
      const appendices = source.plans.flatMap((p) => p.appendices.map((a) => `${p.id}.${a.id}`)).filter((k) => !leftOut.includes(k));
      const built = buildWorkbookPlan(source, { asOf: todayVi(), plans, appendices, protect });
      const result = await host.load(built);
      const indicators = built.sheets.filter((s) => result.written.includes(s.name)).reduce((n, s) => n + Object.keys(s.rowOf).length, 0);
      setPlan(preview ? preview.plan() : built);
      setEntries(await host.readEntries());
      const lines = [t(lang, "loaded", { sheets: result.written.length, indicators })];
      if (result.existing.length) lines.push(t(lang, "existing", { names: result.existing.join(", ") }));
      if (result.existing.includes(SUMMARY_SHEET) && result.written.length > 0) lines.push(t(lang, "summaryStale"));
      for (const d of result.degraded) lines.push(d[lang]);
      setNotice({ kind: result.existing.length || result.degraded.length ? "warning" : "success", title: t(lang, "tabLoad"), text: lines.join(" ") });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const typeEntry = useCallback(
    (id: string, block: string, value: string) => {
      if (!preview) return;
      preview.setEntry(id, block, value.trim() === "" ? null : value);
      void preview.readEntries().then(setEntries);
    },
    [preview],
  );

  const download = async () => {
    if (!preview) return;
    setBusy(t(lang, "downloading"));
    try {
      const blob = await preview.download();
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "theo-doi-chi-tieu.xlsx";
      document.body.appendChild(a);
      a.click();
      a.remove();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const refresh = async (dryRun: boolean) => {
    setBusy(t(lang, "refreshing"));
    setNotice(null);
    try {
      const d = new Date();
      const result = await host.refresh(catalog, { asOf: todayVi(d), tolerance: 0.05, now: nowVi(d), protect, dryRun });
      const summary = changeSummary(result.changes, lang).toLowerCase();
      setPending(dryRun && result.changes.length > 0 ? result : null);
      if (!dryRun && result.changes.length > 0) {
        setPlan(preview ? preview.plan() : result.plan);
        setEntries(await host.readEntries());
      }
      const text = result.changes.length === 0 ? t(lang, "noChanges") : dryRun ? t(lang, "changesFound", { summary }) : t(lang, "refreshed", { n: result.changes.length, b: result.backedUp });
      setNotice({ kind: result.notices.length ? "warning" : "success", title: t(lang, "tabRefresh"), text, details: result.notices.length ? result.notices.map((n) => `${n.sheet}!${n.cell}: ${n[lang]}`).join("\n") : undefined });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const restore = async () => {
    setBusy(t(lang, "refreshing"));
    try {
      const result = await host.restore();
      setEntries(await host.readEntries());
      setPlan(preview ? preview.plan() : plan);
      setNotice({ kind: result.skipped.length ? "warning" : "success", title: t(lang, "restore"), text: t(lang, "restored", { n: result.edits.length }), details: result.skipped.map((n) => `${n.sheet}!${n.cell}: ${n[lang]}`).join("\n") || undefined });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
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

  // Staff typing in Excel updates the lists (debounced; the add-in's own writes are ignored by the host).
  useEffect(() => {
    let stop: (() => void) | null = null;
    let gone = false;
    void host.watch(setEntries).then((s) => (gone ? s() : (stop = s)));
    return () => {
      gone = true;
      stop?.();
    };
  }, [host]);

  /** The cell of an entry: its sheet's row for the indicator and the period's input column. */
  const showCell = (c: JudgedCell) => {
    const sheet = plan?.sheets.find((s) => s.name === c.sheet);
    const col = sheet?.columns.findIndex((k) => k.key === `actual:${c.block}`) ?? -1;
    const row = sheet?.rowOf[c.id];
    if (sheet && col >= 0 && row) host.select(sheet.name, `${columnLetter(col + 1)}${row}`).catch(fail);
  };

  const judged = useMemo(() => (plan ? judgeSheets(catalog, plan, entries) : []), [catalog, plan, entries]);

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main style={{ padding: 12, display: "flex", flexDirection: "column", gap: 10, fontFamily: "Segoe UI, Arial, sans-serif" }}>
        <header style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
          <Text as="h1" weight="semibold" size={500}>
            {t(lang, "title")}
          </Text>
          <Button appearance="subtle" onClick={switchLanguage} data-testid="language">
            {t(lang, "language")}
          </Button>
        </header>
        {preview && (
          <MessageBar intent="info">
            <MessageBarBody>{t(lang, "previewNote")}</MessageBarBody>
          </MessageBar>
        )}
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabKey)}>
          <Tab value="load">{t(lang, "tabLoad")}</Tab>
          <Tab value="check">{t(lang, "tabCheck")}</Tab>
          <Tab value="refresh" data-testid="tab-refresh">
            {t(lang, "tabRefresh")}
          </Tab>
          <Tab value="print">{t(lang, "tabPrint")}</Tab>
        </TabList>
        {busy && <Spinner size="tiny" label={busy} />}
        {notice && (
          <MessageBar intent={notice.kind} data-testid="notice">
            <MessageBarBody>
              <MessageBarTitle>{notice.title}</MessageBarTitle>
              {notice.text}
              {notice.details && (
                <details>
                  <summary>{t(lang, "details")}</summary>
                  <pre style={{ whiteSpace: "pre-wrap", fontSize: 11 }}>{notice.details}</pre>
                </details>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {tab === "load" && (
          <section>
            <Text weight="semibold">{t(lang, "choosePlans")}</Text>
            {catalog.plans.map((p) => {
              const count = p.appendices.reduce((n, a) => n + a.indicators.length, 0);
              return (
                <div key={p.id}>
                  <Checkbox
                    disabled={count === 0}
                    checked={chosen.includes(p.id)}
                    onChange={(_, d) => setChosen((c) => (d.checked ? [...c, p.id] : c.filter((x) => x !== p.id)))}
                    label={`${p.province} — ${p.number}: ${p.title.slice(0, 80)}${p.title.length > 80 ? "…" : ""} (${count ? `${count} ${t(lang, "indicators")}` : t(lang, "noTable")})`}
                    data-testid={`plan-${p.id}`}
                  />
                  {chosen.includes(p.id) && p.appendices.filter((a) => a.indicators.length > 0).length > 1 && (
                    <div style={{ display: "flex", flexWrap: "wrap", marginLeft: 28 }}>
                      {p.appendices
                        .filter((a) => a.indicators.length > 0)
                        .map((a) => {
                          const key = `${p.id}.${a.id}`;
                          return (
                            <Checkbox
                              key={key}
                              size="medium"
                              checked={!leftOut.includes(key)}
                              onChange={(_, d) => setLeftOut((l) => (d.checked ? l.filter((x) => x !== key) : [...l, key]))}
                              label={`${t(lang, "appendix")} ${a.id} (${a.indicators.length})`}
                              title={a.title}
                              data-testid={`appendix-${key}`}
                            />
                          );
                        })}
                    </div>
                  )}
                </div>
              );
            })}
            <Button appearance="primary" onClick={() => void load()} disabled={!!busy || chosen.length === 0} data-testid="load">
              {t(lang, "load")}
            </Button>
            <PasteImport
              lang={lang}
              busy={!!busy}
              canSelect={host.kind === "excel"}
              readSelection={() => host.readSelection().catch((e: unknown) => (fail(e), null))}
              onError={(title, text) => setNotice({ kind: "error", title, text })}
              onWrite={(pasted) => {
                setImported((list) => [...list.filter((p) => p.id !== pasted.id), pasted]);
                void load({ plans: [pasted] }, [pasted.id]);
              }}
            />
          </section>
        )}
        {tab === "check" && <CheckView lang={lang} judged={judged} loaded={!!plan} onShow={showCell} />}
        {tab === "refresh" && (
          <section style={{ display: "flex", flexDirection: "column", gap: 8 }} data-testid="refresh">
            <Text>{t(lang, "refreshIntro")}</Text>
            <Checkbox
              checked={protect}
              onChange={(_, d) => {
                setProtect(!!d.checked);
                setPreference("protect", d.checked ? "on" : "off");
              }}
              label={t(lang, "protect")}
              data-testid="protect"
            />
            <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
              <Button onClick={() => void refresh(true)} disabled={!!busy} data-testid="refresh-preview">
                {t(lang, "previewChanges")}
              </Button>
              <Button appearance="primary" onClick={() => void refresh(false)} disabled={!!busy || !pending} data-testid="refresh-apply">
                {t(lang, "applyRefresh")}
              </Button>
              <Button onClick={() => void restore()} disabled={!!busy} data-testid="restore">
                {t(lang, "restore")}
              </Button>
            </div>
            {pending && (
              <ul style={{ margin: "2px 0 8px 16px", padding: 0 }} data-testid="changes">
                {pending.changes.map((c, k) => (
                  <li key={k}>
                    [{c.sheet}] {c.code} {c.name} — <b>{CHANGE_LABELS[c.kind][lang]}</b>
                    {c.before || c.after ? `: ${c.before || "—"} → ${c.after || "—"}` : ""}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        {tab === "print" && (
          <section style={{ display: "flex", flexDirection: "column", gap: 8 }}>
            <Text>{t(lang, "printHow")}</Text>
            {!preview && (
              <Button onClick={() => host.select(SUMMARY_SHEET, "B1").catch(fail)} disabled={!plan || !!busy}>
                {t(lang, "openSummary")}
              </Button>
            )}
            {preview && (
              <Button onClick={() => void download()} disabled={!plan || !!busy} data-testid="download">
                {t(lang, "download")}
              </Button>
            )}
          </section>
        )}
        {preview && plan && <PreviewSheets lang={lang} plan={plan} judged={judged} onType={typeEntry} />}
      </main>
    </FluentProvider>
  );
}

function StatusBadge(props: { status: JudgedCell["judgement"]["status"]; lang: Lang }) {
  const s = STATUS_VOCABULARY[props.status];
  return (
    <span data-status={props.status} style={{ background: `#${s.fill}`, color: `#${s.font}`, padding: "1px 6px", borderRadius: 4, fontWeight: 600, whiteSpace: "nowrap" }}>
      {statusLabel(props.status, props.lang)}
    </span>
  );
}

function CheckView(props: { lang: Lang; judged: JudgedCell[]; loaded: boolean; onShow: (c: JudgedCell) => void }) {
  const { lang, judged } = props;
  if (!props.loaded) return <Text>{t(lang, "nothingLoaded")}</Text>;
  const counts = countByStatus(judged);
  const problems = judged.filter((c) => ["shortfall", "near", "invalid"].includes(c.judgement.status));
  const byAgency = new Map<string, JudgedCell[]>();
  for (const p of problems) {
    const key = p.indicator.agency || t(lang, "noAgency");
    byAgency.set(key, [...(byAgency.get(key) ?? []), p]);
  }
  return (
    <section data-testid="check">
      <div style={{ display: "flex", flexWrap: "wrap", gap: 6, marginBottom: 8 }}>
        {STATUS_ORDER.map((s) => (
          <Badge key={s} appearance="tint" color="informative" data-testid={`count-${s}`}>
            {statusLabel(s, lang)}: {counts[s]}
          </Badge>
        ))}
      </div>
      <Text weight="semibold">{t(lang, "problems")}</Text>
      {problems.length === 0 && <Text block>{t(lang, "noProblems")}</Text>}
      {[...byAgency.entries()].map(([agency, cells]) => (
        <div key={agency}>
          <Text weight="semibold" block>
            {agency}
          </Text>
          <ul style={{ margin: "2px 0 8px 16px", padding: 0 }}>
            {cells.map((c) => (
              <li key={`${c.id}-${c.block}`} data-testid="problem">
                <a
                  href={`#input-${c.id}-${c.block}`}
                  onClick={(e) => {
                    e.preventDefault();
                    props.onShow(c);
                  }}
                >
                  {c.indicator.name}
                </a>{" "}
                <StatusBadge status={c.judgement.status} lang={lang} /> <span>{c.message[lang]}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function PreviewSheets(props: { lang: Lang; plan: SheetPlan; judged: JudgedCell[]; onType: (id: string, block: string, value: string) => void }) {
  const { lang, plan, judged } = props;
  const sheets = plan.sheets.filter((s) => s.kind === "indicators" || s.kind === "scenario");
  const [current, setCurrent] = useState(sheets[0]?.name ?? "");
  const sheet = sheets.find((s) => s.name === current) ?? sheets[0];
  if (!sheet) return null;
  const blocks = inputBlocks(sheet);
  const byKey = new Map(judged.filter((j) => j.sheet === sheet.name).map((j) => [`${j.id}|${j.block}`, j]));
  const ids = Object.entries(sheet.rowOf).sort((a, b) => a[1] - b[1]);
  return (
    <section>
      <TabList size="small" selectedValue={sheet.name} onTabSelect={(_, d) => setCurrent(String(d.value))}>
        {sheets.map((s) => (
          <Tab key={s.name} value={s.name} data-testid={`sheet-${s.name}`}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <div style={{ overflowX: "auto" }}>
        <table data-testid="preview-table" style={{ borderCollapse: "collapse", fontSize: 12 }}>
          <thead>
            <tr>
              {["TT", t(lang, "indicator"), t(lang, "unit")].map((h) => (
                <th key={h} style={{ border: "1px solid #ccc", background: "#1F4E78", color: "white", padding: 3 }}>
                  {h}
                </th>
              ))}
              {blocks.flatMap((b) => [
                <th key={`t-${b}`} style={{ border: "1px solid #ccc", background: "#1F4E78", color: "white", padding: 3 }}>{`${t(lang, "target")} ${/^\d{4}$|^Q|^Quý|tháng|Cả năm/.test(b) ? b : ""}`}</th>,
                <th key={`a-${b}`} style={{ border: "1px solid #ccc", background: "#1F4E78", color: "white", padding: 3 }}>{`${t(lang, "actual")} ${b === "target" ? "" : b}`}</th>,
                <th key={`s-${b}`} style={{ border: "1px solid #ccc", background: "#1F4E78", color: "white", padding: 3 }}>{t(lang, "status")}</th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {ids.map(([id]) => {
              const first = byKey.get(`${id}|${blocks[0]}`);
              if (!first) return null;
              const ind = first.indicator;
              return (
                <tr key={id} data-id={id}>
                  <td style={{ border: "1px solid #ddd", padding: 3 }}>{ind.code}</td>
                  <td style={{ border: "1px solid #ddd", padding: 3, paddingLeft: 3 + ind.level * 12 }}>{ind.name}</td>
                  <td style={{ border: "1px solid #ddd", padding: 3 }}>{ind.unit}</td>
                  {blocks.flatMap((b) => {
                    const j = byKey.get(`${id}|${b}`)!;
                    return [
                      <td key={`t-${b}`} style={{ border: "1px solid #ddd", padding: 3 }}>
                        {j.target.kind === "composite" ? "—" : j.target.text}
                      </td>,
                      <td key={`a-${b}`} style={{ border: "1px solid #ddd", padding: 1, background: "#FFF2CC" }}>
                        {j.target.kind === "composite" ? null : (
                          <input
                            id={`input-${id}-${b}`}
                            aria-label={`${ind.name} ${b}`}
                            defaultValue={j.entry === null ? "" : String(j.entry)}
                            onBlur={(e) => props.onType(id, b, e.currentTarget.value)}
                            onKeyDown={(e) => {
                              if (e.key === "Enter") e.currentTarget.blur();
                            }}
                            style={{ width: 70, border: "none", background: "transparent" }}
                          />
                        )}
                      </td>,
                      <td key={`s-${b}`} style={{ border: "1px solid #ddd", padding: 3 }} title={j.message[lang]} data-testid={`status-${id}-${b}`}>
                        {j.target.kind === "composite" ? null : <StatusBadge status={j.judgement.status} lang={lang} />}
                      </td>,
                    ];
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
