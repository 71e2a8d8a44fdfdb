import { useEffect, useState } from "react";
import { Tab, TabList } from "@fluentui/react-components";
import type { Lang } from "../../i18n/messages";
import type { SheetPlan } from "../../sheets/plan";
import { inputBlocks, type JudgedCell } from "../judging";
import type { Pace } from "../../evaluate/pace";
import { PACE_VOCABULARY } from "../../evaluate/pace";
import { periodEntryKey, periodsOf, calendarOfKeys } from "../../model/period";
import { formatNumber } from "../../parse/number";
import { STATUS_VOCABULARY } from "../../evaluate/vocabulary";
import { StatusBadge } from "./StatusBadge";
import { t } from "../strings";

/**
 * The preview's sheets (no Excel): one table per appendix sheet, scrolling sideways inside the pane, where
 * actuals are typed and judged at once.
 */
export function PreviewSheets(props: { lang: Lang; plan: SheetPlan; judged: JudgedCell[]; paces: Map<string, Pace>; entries: Record<string, Record<string, unknown>>; shown: string | null; onType: (id: string, block: string, value: string) => void }) {
  const { lang, plan, judged } = props;
  const sheets = plan.sheets.filter((s) => s.kind === "indicators" || s.kind === "scenario");
  const [current, setCurrent] = useState(props.shown ?? sheets[0]?.name ?? "");
  // A sheet shown from elsewhere (a link in a notice) becomes the current one.
  useEffect(() => {
    if (props.shown) setCurrent(props.shown);
  }, [props.shown]);
  const sheet = sheets.find((s) => s.name === current) ?? sheets[0];
  if (!sheet) return null;
  // The year's blocks, each with its target and status; the reporting calendar's periods, inputs only, then the pace.
  const blocks = inputBlocks(sheet).filter((b) => !periodEntryKey(b));
  const periods = inputBlocks(sheet).filter((b) => periodEntryKey(b));
  const calendar = calendarOfKeys(periods.map((b) => periodEntryKey(b)!.key));
  const labelOf = (b: string) => (calendar ? (periodsOf(calendar).find((p) => p.key === periodEntryKey(b)!.key)?.[lang === "vi" ? "label" : "en"] ?? b) : b);
  const shownValue = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "number" ? formatNumber(v, 10, lang) : String(v));
  const byKey = new Map(judged.filter((j) => j.sheet === sheet.name).map((j) => [`${j.id}|${j.block}`, j]));
  const ids = Object.entries(sheet.rowOf).sort((a, b) => a[1] - b[1]);
  return (
    <section id="preview-sheets">
      <TabList size="small" selectedValue={sheet.name} onTabSelect={(_, d) => setCurrent(String(d.value))} style={{ flexWrap: "wrap" }}>
        {sheets.map((s) => (
          <Tab key={s.name} value={s.name} data-testid={`sheet-${s.name}`}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <div style={{ overflowX: "auto", maxWidth: "100%" }}>
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
              {periods.map((b) => (
                <th key={`p-${b}`} style={{ border: "1px solid #ccc", background: "#1F4E78", color: "white", padding: 3 }}>
                  {labelOf(b)}
                </th>
              ))}
              {periods.length > 0 && <th style={{ border: "1px solid #ccc", background: "#1F4E78", color: "white", padding: 3 }}>{t(lang, "pace")}</th>}
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
                            defaultValue={shownValue(j.entry)}
                            onBlur={(e) => e.currentTarget.value !== shownValue(j.entry) && props.onType(id, b, e.currentTarget.value)}
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
                  {periods.map((b) => {
                    return (
                      <td key={`p-${b}`} style={{ border: "1px solid #ddd", padding: 1, background: "#FFF2CC" }}>
                        <input
                          id={`input-${id}-${b}`}
                          aria-label={`${ind.name} ${labelOf(b)}`}
                          defaultValue={shownValue(props.entries[id]?.[b])}
                          onBlur={(e) => e.currentTarget.value !== shownValue(props.entries[id]?.[b]) && props.onType(id, b, e.currentTarget.value)}
                          onKeyDown={(e) => {
                            if (e.key === "Enter") e.currentTarget.blur();
                          }}
                          style={{ width: 56, border: "none", background: "transparent" }}
                        />
                      </td>
                    );
                  })}
                  {periods.length > 0 && <PaceCell pace={props.paces.get(`${sheet.name}|${id}`)} lang={lang} id={id} />}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The pace of a row, as the sheet's "Tiến độ" says it, with the estimate behind it on hover. */
function PaceCell(props: { pace: Pace | undefined; lang: Lang; id: string }) {
  const p = props.pace;
  const status = p?.status ?? "no_data";
  // The colours of the statuses the pace stands for (met, not met, invalid input, no data).
  const colour = `#${STATUS_VOCABULARY[status === "on_track" ? "met" : status === "behind" ? "shortfall" : status === "invalid" ? "invalid" : "no_data"].font}`;
  return (
    <td style={{ border: "1px solid #ddd", padding: 3, whiteSpace: "nowrap", color: colour, fontWeight: 600 }} title={p?.explanation[props.lang] ?? ""} data-testid={`pace-${props.id}`} data-pace={status}>
      {PACE_VOCABULARY[status].symbol} {PACE_VOCABULARY[status][props.lang]}
    </td>
  );
}
