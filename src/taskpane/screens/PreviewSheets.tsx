import type { ReactNode } from "react";
import type { Lang } from "../../i18n/messages";
import type { SheetPlan } from "../../sheets/plan";
import { inputBlocks, type JudgedCell } from "../judging";
import type { Pace } from "../../evaluate/pace";
import { PACE_VOCABULARY } from "../../evaluate/pace";
import { periodEntryKey, periodsOf, calendarOfKeys } from "../../model/period";
import { formatNumber } from "../../parse/number";
import { STATUS_VOCABULARY } from "../../evaluate/vocabulary";
import { t } from "../strings";
import type { Shown } from "../usePane";
import { TabStrip, panelId, tabId } from "./TabStrip";
import { useNarrow, useShown } from "./useShown";
import { SheetCards } from "./SheetCards";
import { SheetTable } from "./SheetTable";

/**
 * The preview's sheets (no Excel): one appendix sheet at a time, where actuals are typed and judged at once. A
 * wide pane shows the sheet as a table scrolling sideways; Excel's narrow pane shows each row as a card, its
 * entry with its status beside it, so that a figure and what it means are seen together.
 */
export interface SheetView {
  lang: Lang;
  /** The year's blocks, each with its target and status. */
  blocks: string[];
  /** The reporting calendar's periods: inputs only, then the pace. */
  periods: string[];
  labelOf: (block: string) => string;
  shownValue: (v: unknown) => string;
  /** The judged cell of a row and block. */
  cell: (id: string, block: string) => JudgedCell | undefined;
  /** The rows in the sheet's order. */
  ids: string[];
  entries: Record<string, Record<string, unknown>>;
  pace: (id: string) => Pace | undefined;
  onType: (id: string, block: string, value: string) => void;
}

export function PreviewSheets(props: { lang: Lang; plan: SheetPlan; judged: JudgedCell[]; paces: Map<string, Pace>; entries: Record<string, Record<string, unknown>>; shown: Shown | null; onType: (id: string, block: string, value: string) => void }) {
  const { lang, plan, judged } = props;
  const sheets = plan.sheets.filter((s) => s.kind === "indicators" || s.kind === "scenario");
  const [current, setCurrent] = useShown(
    props.shown,
    sheets.map((s) => s.name),
    "preview-sheets",
  );
  const narrow = useNarrow(640);
  const sheet = sheets.find((s) => s.name === current) ?? sheets[0];
  if (!sheet) return null;
  const blocks = inputBlocks(sheet).filter((b) => !periodEntryKey(b));
  const periods = inputBlocks(sheet).filter((b) => periodEntryKey(b));
  const calendar = calendarOfKeys(periods.map((b) => periodEntryKey(b)!.key));
  const byKey = new Map(judged.filter((j) => j.sheet === sheet.name).map((j) => [`${j.id}|${j.block}`, j]));
  const view: SheetView = {
    lang,
    blocks,
    periods,
    labelOf: (b) => (calendar ? (periodsOf(calendar).find((p) => p.key === periodEntryKey(b)!.key)?.[lang === "vi" ? "label" : "en"] ?? b) : b),
    shownValue: (v) => (v === null || v === undefined ? "" : typeof v === "number" ? formatNumber(v, 10, lang) : String(v)),
    cell: (id, b) => byKey.get(`${id}|${b}`),
    ids: Object.entries(sheet.rowOf)
      .sort((a, b) => a[1] - b[1])
      .map(([id]) => id)
      .filter((id) => byKey.has(`${id}|${blocks[0]}`)),
    entries: props.entries,
    pace: (id) => props.paces.get(`${sheet.name}|${id}`),
    onType: props.onType,
  };
  return (
    <section id="preview-sheets" aria-label={t(lang, "sheetsOfPreview")}>
      <TabStrip
        group="sheets"
        label={t(lang, "sheetsOfPreview")}
        selected={sheet.name}
        onSelect={setCurrent}
        items={sheets.map((s) => ({ value: s.name, content: s.name, testId: `sheet-${s.name}` }))}
      />
      <div role="tabpanel" id={panelId("sheets")} aria-labelledby={tabId("sheets", sheet.name)} style={{ minWidth: 0 }}>
        {narrow ? <SheetCards view={view} /> : <SheetTable view={view} />}
      </div>
    </section>
  );
}

/** An entry of the preview: typed, then judged when it is left (Enter or Tab). */
export function EntryInput(props: { id: string; block: string; label: string; value: string; onType: (id: string, block: string, value: string) => void; describedBy?: string; width: number; framed?: boolean }) {
  return (
    <input
      id={`input-${props.id}-${props.block}`}
      aria-label={props.label}
      aria-describedby={props.describedBy}
      defaultValue={props.value}
      inputMode="decimal"
      onBlur={(e) => e.currentTarget.value !== props.value && props.onType(props.id, props.block, e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") e.currentTarget.blur();
      }}
      style={{ width: props.width, boxSizing: "border-box", font: "inherit", ...(props.framed ? { border: "1px solid #8a8886", borderRadius: 3, padding: "2px 4px", background: "#FFF2CC" } : { border: "none", background: "transparent" }) }}
    />
  );
}

/** The pace of a row, as the sheet's "Tiến độ" says it, with the estimate behind it on hover. */
export function PaceView(props: { pace: Pace | undefined; lang: Lang; id: string; wrap: (inner: ReactNode, attrs: Record<string, string>, colour: string) => ReactNode }) {
  const p = props.pace;
  const status = p?.status ?? "no_data";
  // The colours of the statuses the pace stands for (met, not met, invalid input, no data).
  const colour = `#${STATUS_VOCABULARY[status === "on_track" ? "met" : status === "behind" ? "shortfall" : status === "invalid" ? "invalid" : "no_data"].font}`;
  return props.wrap(
    <>
      {PACE_VOCABULARY[status].symbol} {PACE_VOCABULARY[status][props.lang]}
    </>,
    { title: p?.explanation[props.lang] ?? "", "data-testid": `pace-${props.id}`, "data-pace": status },
    colour,
  );
}
