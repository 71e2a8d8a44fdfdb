import { useState } from "react";
import { Button, Checkbox, Select, Text } from "@fluentui/react-components";
import type { Calendar } from "../../model/period";
import type { UiKey } from "../strings";
import type { Pane } from "../usePane";
import { PasteImport } from "../PasteImport";
import { t } from "../strings";
import { indicatorCount, plannedIndicatorCount } from "../../model/counting";
import { planHeading, planLabel } from "../planLabel";
import { Outcome } from "./NoticeBar";

/** Load: choose plans and appendices and write them into sheets, or import another table (pasted or selected). */
export function LoadScreen({ pane }: { pane: Pane }) {
  const { lang, catalog, busy } = pane;
  const [chosen, setChosen] = useState<string[]>(catalog.plans.filter((p) => p.appendices.length > 0).map((p) => p.id));
  // Appendices left out, as "plan.appendix"; every appendix of a chosen plan is loaded otherwise.
  const [leftOut, setLeftOut] = useState<string[]>([]);
  const [calendar, setCalendar] = useState<Calendar | "">("");
  // Indicator appendices and task appendices alike, as "plan.appendix".
  const appendices = () => catalog.plans.flatMap((p) => [...p.appendices, ...(p.tasks ?? [])].map((a) => `${p.id}.${a.id}`)).filter((k) => !leftOut.includes(k));
  return (
    <section style={{ display: "flex", flexDirection: "column", gap: 4 }}>
      <Text weight="semibold">{t(lang, "choosePlans")}</Text>
      {catalog.plans.map((p) => {
        // Counted by the one rule (model/counting.ts): a packed row is one indicator, a scenario pair one table.
        const count = plannedIndicatorCount(p.appendices);
        const full = `${planHeading(p, lang)}: ${p.title}`;
        return (
          <div key={p.id} style={{ minWidth: 0 }}>
            <Checkbox
              disabled={count === 0}
              checked={chosen.includes(p.id)}
              onChange={(_, d) => setChosen((c) => (d.checked ? [...c, p.id] : c.filter((x) => x !== p.id)))}
              label={{
                children: `${planLabel(p, lang)} (${count ? `${count} ${t(lang, "indicators")}` : t(lang, "noTable")})`,
                title: full,
                style: { overflowWrap: "anywhere" },
              }}
              data-testid={`plan-${p.id}`}
            />
            {chosen.includes(p.id) && (p.tasks ?? []).length > 0 && (
              <Choices
                items={(p.tasks ?? []).map((a) => ({ key: `${p.id}.${a.id}`, label: t(lang, "tasksOf", { id: a.id, n: a.tasks.length }), title: a.title, testId: `tasks-${p.id}.${a.id}` }))}
                leftOut={leftOut}
                setLeftOut={setLeftOut}
              />
            )}
            {chosen.includes(p.id) && p.appendices.filter((a) => a.indicators.length > 0).length > 1 && (
              <Choices
                items={p.appendices
                  .filter((a) => a.indicators.length > 0)
                  .map((a) => ({ key: `${p.id}.${a.id}`, label: `${t(lang, "appendix")} ${a.id} (${indicatorCount(a.indicators)})`, title: a.title, testId: `appendix-${p.id}.${a.id}` }))}
                leftOut={leftOut}
                setLeftOut={setLeftOut}
              />
            )}
          </div>
        );
      })}
      <label style={{ display: "flex", flexDirection: "column", gap: 2, marginTop: 4 }}>
        <Text>{t(lang, "calendar")}</Text>
        <Select value={calendar} onChange={(_, d) => setCalendar(d.value as Calendar | "")} data-testid="calendar">
          {CALENDARS.map(([value, key]) => (
            <option key={value} value={value}>
              {t(lang, key)}
            </option>
          ))}
        </Select>
      </label>
      <div>
        <Button appearance="primary" onClick={() => void pane.load(catalog, chosen, appendices(), calendar === "" ? undefined : calendar)} disabled={!!busy || chosen.length === 0} data-testid="load">
          {t(lang, "load")}
        </Button>
      </div>
      <Outcome pane={pane} at="load" />
      <PasteImport
        lang={lang}
        busy={!!busy}
        canSelect={pane.host.kind === "excel"}
        readSelection={() => pane.host.readSelection().catch((e: unknown) => (pane.fail(e, "paste-read"), null))}
        onError={(line) => pane.tell({ kind: "error", at: "paste-read", title: { key: "pasteTitle" }, lines: [line] })}
        onRead={() => pane.notice?.at === "paste-read" && pane.tell(null)}
        outcome={(at) => <Outcome pane={pane} at={at} />}
        onWrite={pane.importTable}
        name={pane.pasteName}
        onName={pane.setPasteName}
      />
    </section>
  );
}

const CALENDARS: [Calendar | "", UiKey][] = [
  ["", "calendarNone"],
  ["month", "calendarMonth"],
  ["quarter", "calendarQuarter"],
  ["half", "calendarHalf"],
  ["nine", "calendarNine"],
  ["year", "calendarYear"],
];

/** One checkbox per appendix of a chosen plan (indicators or tasks): checked unless left out. */
function Choices(props: { items: { key: string; label: string; title: string; testId: string }[]; leftOut: string[]; setLeftOut: (f: (l: string[]) => string[]) => void }) {
  return (
    <div style={{ display: "flex", flexWrap: "wrap", marginLeft: 28 }}>
      {props.items.map((i) => (
        <Checkbox
          key={i.key}
          size="medium"
          checked={!props.leftOut.includes(i.key)}
          onChange={(_, d) => props.setLeftOut((l) => (d.checked ? l.filter((x) => x !== i.key) : [...l, i.key]))}
          label={i.label}
          title={i.title}
          data-testid={i.testId}
        />
      ))}
    </div>
  );
}
