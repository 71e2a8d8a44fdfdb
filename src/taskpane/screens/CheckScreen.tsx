import { useMemo } from "react";
import { Badge, Text } from "@fluentui/react-components";
import { STATUS_ORDER, statusLabel } from "../../evaluate/vocabulary";
import { countByStatus, type JudgedCell } from "../judging";
import type { Pane } from "../usePane";
import { StatusBadge } from "./StatusBadge";
import { t } from "../strings";
import { TASK_STATUS_LABELS } from "../../evaluate/taskStatus";
import type { JudgedTask } from "../taskJudging";
import { problemsByAgency, statusCounts } from "../checkRows";

/**
 * Check: how many indicators (a packed row is one) and entry cells, the indicators by status as the summary counts
 * them, then the shortfalls and invalid entries by canonical agency, each a link to its cell (a packed row's parts
 * beneath it); then the tasks overdue (or with an entry that cannot be read) by lead agency, each a link to its
 * state cell.
 */
export function CheckScreen({ pane }: { pane: Pane }) {
  const { lang, judged, plan, catalog, entries } = pane;
  const counted = useMemo(() => (plan ? statusCounts(catalog, plan, entries, judged) : null), [catalog, plan, entries, judged]);
  const byAgency = useMemo(() => (plan ? problemsByAgency(catalog, plan, judged, t(lang, "noAgency")) : []), [catalog, plan, judged, lang]);
  if (!plan || !counted) return <Text>{t(lang, "nothingLoaded")}</Text>;
  const cells = countByStatus(judged);
  const link = (c: JudgedCell, text: string) => (
    <a
      href={`#input-${c.id}-${c.block}`}
      onClick={(e) => {
        e.preventDefault();
        pane.showCell(c);
      }}
    >
      {text}
    </a>
  );
  const blockOf = (c: JudgedCell) => (/^\d{4}$/.test(c.block) ? ` (${c.block})` : "");
  return (
    <section data-testid="check" style={{ minWidth: 0 }}>
      <Text block data-testid="check-counts">
        {t(lang, "checkCounts", { indicators: counted.indicators, cells: judged.length, empty: cells.no_data })}
      </Text>
      <Text block size={200} style={{ marginTop: 6 }}>
        {t(lang, "statusCounts")}
      </Text>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 6, margin: "4px 0 8px" }}>
        {STATUS_ORDER.map((s) => (
          <Badge key={s} appearance="tint" color="informative" data-testid={`count-${s}`} title={t(lang, "indicatorsWithStatus")}>
            {statusLabel(s, lang)}: {counted.byStatus[s]}
          </Badge>
        ))}
      </div>
      <Text as="h2" weight="semibold" block style={{ margin: 0, fontSize: "inherit" }}>
        {t(lang, "problems")}
      </Text>
      {byAgency.length === 0 && <Text block>{t(lang, "noProblems")}</Text>}
      {byAgency.map(([agency, rows]) => (
        <div key={agency} data-testid="problem-agency" data-agency={agency}>
          <Text as="h3" weight="semibold" block style={{ overflowWrap: "anywhere", margin: 0, fontSize: "inherit" }}>
            {agency}
          </Text>
          <ul style={{ margin: "2px 0 8px 16px", padding: 0, overflowWrap: "anywhere" }}>
            {rows.map((r) => (
              <li key={`${r.sheet}-${r.indicator.id}`} data-testid="problem" data-id={r.indicator.id}>
                {r.cells.length > 0
                  ? r.cells.map((c, k) => (
                      <span key={c.block}>
                        {k > 0 && <br />}
                        {link(c, `${c.indicator.name}${blockOf(c)}`)} <StatusBadge status={c.judgement.status} lang={lang} /> <span>{c.message[lang]}</span>
                      </span>
                    ))
                  : link(r.parts[0]!, r.indicator.name)}
                {r.parts.length > 0 && (
                  <ul style={{ margin: "2px 0 2px 14px", padding: 0 }} aria-label={t(lang, "packedParts")} data-testid="problem-parts">
                    {r.parts.map((c) => (
                      <li key={`${c.id}-${c.block}`}>
                        {link(c, `${c.indicator.name}${blockOf(c)}`)} <StatusBadge status={c.judgement.status} lang={lang} /> <span>{c.message[lang]}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <TaskProblems pane={pane} />
    </section>
  );
}

function TaskProblems({ pane }: { pane: Pane }) {
  const { lang, judgedTasks } = pane;
  if (judgedTasks.length === 0) return null;
  const n = (...s: string[]) => judgedTasks.filter((j) => s.includes(j.status)).length;
  const late = judgedTasks.filter((j) => j.status === "overdue" || j.status === "invalid");
  const byAgency = new Map<string, JudgedTask[]>();
  for (const j of late) for (const a of j.agencies.length ? j.agencies : [t(lang, "noAgency")]) byAgency.set(a, [...(byAgency.get(a) ?? []), j]);
  const agencies = [...byAgency.keys()].sort((a, b) => a.localeCompare(b, "vi"));
  return (
    <div data-testid="task-problems" style={{ marginTop: 10 }}>
      <Text weight="semibold" block>
        {t(lang, "overdueTasks")}
      </Text>
      <Text block size={200} data-testid="task-counts">
        {t(lang, "taskCounts", { tasks: judgedTasks.length, overdue: n("overdue"), soon: n("due_soon"), done: n("done_on_time", "done_late", "done") })}
      </Text>
      {late.length === 0 && <Text block>{t(lang, "noOverdueTasks")}</Text>}
      {agencies.map((agency) => (
        <div key={agency}>
          <Text weight="semibold" block style={{ overflowWrap: "anywhere" }}>
            {agency}
          </Text>
          <ul style={{ margin: "2px 0 8px 16px", padding: 0, overflowWrap: "anywhere" }}>
            {byAgency.get(agency)!.map((j) => (
              <li key={j.id} data-testid="task-problem">
                <a
                  href={`#input-${j.id}-state`}
                  onClick={(e) => {
                    e.preventDefault();
                    pane.showCell(j);
                  }}
                >
                  {j.task.code ? `${j.task.code}. ` : ""}
                  {j.task.name.length > 90 ? `${j.task.name.slice(0, 90)}…` : j.task.name}
                </a>{" "}
                <span style={{ background: `#${TASK_STATUS_LABELS[j.status].fill}`, color: `#${TASK_STATUS_LABELS[j.status].font}`, padding: "0 4px", borderRadius: 3 }}>
                  {TASK_STATUS_LABELS[j.status].symbol} {TASK_STATUS_LABELS[j.status][lang]}
                </span>{" "}
                <span>{j.task.deadline.due ? `${t(lang, "dueOn")} ${j.task.deadline.due.split("-").reverse().join("/")}` : ""}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
