import { Badge, Text } from "@fluentui/react-components";
import { STATUS_ORDER, statusLabel } from "../../evaluate/vocabulary";
import { countByStatus, type JudgedCell } from "../judging";
import type { Pane } from "../usePane";
import { StatusBadge } from "./StatusBadge";
import { t } from "../strings";
import { TASK_STATUS_LABELS } from "../../evaluate/taskStatus";
import type { JudgedTask } from "../taskJudging";

/**
 * Check: how many indicators and how many entry cells (one per indicator and period), the cells by status,
 * then the shortfalls and invalid entries by agency, each a link to its cell; then the tasks overdue (or with an
 * entry that cannot be read) by lead agency, each a link to its state cell.
 */
export function CheckScreen({ pane }: { pane: Pane }) {
  const { lang, judged } = pane;
  if (!pane.plan) return <Text>{t(lang, "nothingLoaded")}</Text>;
  const counts = countByStatus(judged);
  const indicators = new Set(judged.map((c) => c.id)).size;
  const problems = judged.filter((c) => ["shortfall", "near", "invalid"].includes(c.judgement.status));
  const byAgency = new Map<string, JudgedCell[]>();
  for (const p of problems) {
    const key = p.indicator.agency || t(lang, "noAgency");
    byAgency.set(key, [...(byAgency.get(key) ?? []), p]);
  }
  return (
    <section data-testid="check" style={{ minWidth: 0 }}>
      <Text block data-testid="check-counts">
        {t(lang, "checkCounts", { indicators, cells: judged.length, empty: counts.no_data })}
      </Text>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 6, margin: "6px 0 8px" }}>
        {STATUS_ORDER.map((s) => (
          <Badge key={s} appearance="tint" color="informative" data-testid={`count-${s}`} title={t(lang, "cellsWithStatus")}>
            {statusLabel(s, lang)}: {counts[s]}
          </Badge>
        ))}
      </div>
      <Text weight="semibold">{t(lang, "problems")}</Text>
      {problems.length === 0 && <Text block>{t(lang, "noProblems")}</Text>}
      {[...byAgency.entries()].map(([agency, cells]) => (
        <div key={agency}>
          <Text weight="semibold" block style={{ overflowWrap: "anywhere" }}>
            {agency}
          </Text>
          <ul style={{ margin: "2px 0 8px 16px", padding: 0, overflowWrap: "anywhere" }}>
            {cells.map((c) => (
              <li key={`${c.id}-${c.block}`} data-testid="problem">
                <a
                  href={`#input-${c.id}-${c.block}`}
                  onClick={(e) => {
                    e.preventDefault();
                    pane.showCell(c);
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
