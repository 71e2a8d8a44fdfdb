import { useEffect, useState } from "react";
import { Tab, TabList } from "@fluentui/react-components";
import type { Lang } from "../../i18n/messages";
import type { SheetPlan } from "../../sheets/plan";
import { TASK_STATES, TASK_STATUS_LABELS, excelSerial, isoOfSerial } from "../../evaluate/taskStatus";
import type { JudgedTask } from "../taskJudging";
import { t } from "../strings";

/**
 * The preview's task sheets (no Excel): one table per task appendix, where the state is chosen and the
 * completion date typed, each task judged at once as the sheet's formulas judge it.
 */
export function PreviewTasks(props: { lang: Lang; plan: SheetPlan; judged: JudgedTask[]; shown: string | null; onType: (id: string, block: string, value: string | number | null) => void }) {
  const { lang, plan, judged } = props;
  const sheets = plan.sheets.filter((s) => s.kind === "tasks");
  const [current, setCurrent] = useState(sheets[0]?.name ?? "");
  const names = sheets.map((s) => s.name).join("\n");
  // A task sheet shown from elsewhere (a link in a notice) becomes the current one — once, not on every render.
  useEffect(() => {
    if (props.shown && names.split("\n").includes(props.shown)) setCurrent(props.shown);
  }, [props.shown, names]);
  const sheet = sheets.find((s) => s.name === current) ?? sheets[0];
  if (!sheet) return null;
  const rows = judged.filter((j) => j.sheet === sheet.name);
  const cell = { border: "1px solid #ddd", padding: 3, verticalAlign: "top" } as const;
  const head = { border: "1px solid #ccc", background: "#1F4E78", color: "white", padding: 3 } as const;
  const isoOf = (v: unknown) => (typeof v === "number" ? isoOfSerial(v) : "");
  return (
    <section id="preview-tasks" data-testid="preview-tasks">
      <TabList size="small" selectedValue={sheet.name} onTabSelect={(_, d) => setCurrent(String(d.value))} style={{ flexWrap: "wrap" }}>
        {sheets.map((s) => (
          <Tab key={s.name} value={s.name} data-testid={`tasks-sheet-${s.name}`}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <div style={{ overflowX: "auto", maxWidth: "100%" }}>
        <table data-testid="preview-task-table" style={{ borderCollapse: "collapse", fontSize: 12 }}>
          <thead>
            <tr>
              {["TT", t(lang, "taskName"), t(lang, "leadAgency"), t(lang, "dueOn"), t(lang, "taskState"), t(lang, "doneOn"), t(lang, "status")].map((h) => (
                <th key={h} style={head}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((j) => (
              <tr key={j.id} data-id={j.id}>
                <td style={cell}>{j.task.code}</td>
                <td style={{ ...cell, minWidth: 180 }}>{j.task.name.length > 120 ? `${j.task.name.slice(0, 120)}…` : j.task.name}</td>
                <td style={{ ...cell, minWidth: 110 }}>{j.agencies.join("; ")}</td>
                <td style={cell}>{j.task.deadline.due ? j.task.deadline.due.split("-").reverse().join("/") : j.task.deadline.text}</td>
                <td style={{ ...cell, background: "#FFF2CC" }}>
                  <select id={`input-${j.id}-state`} aria-label={`${t(lang, "taskState")}: ${j.task.name.slice(0, 40)}`} value={typeof j.state === "string" ? j.state : ""} onChange={(e) => props.onType(j.id, "state", e.currentTarget.value || null)}>
                    <option value="" />
                    {TASK_STATES.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                </td>
                <td style={{ ...cell, background: "#FFF2CC" }}>
                  <input type="date" aria-label={`${t(lang, "doneOn")}: ${j.task.name.slice(0, 40)}`} value={isoOf(j.done)} onChange={(e) => props.onType(j.id, "done", e.currentTarget.value ? excelSerial(e.currentTarget.value) : null)} />
                </td>
                <td style={cell} data-testid={`task-status-${j.id}`}>
                  <span style={{ background: `#${TASK_STATUS_LABELS[j.status].fill}`, color: `#${TASK_STATUS_LABELS[j.status].font}`, padding: "0 4px" }}>
                    {TASK_STATUS_LABELS[j.status].symbol} {TASK_STATUS_LABELS[j.status][lang]}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
