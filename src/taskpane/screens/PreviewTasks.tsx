import { useState } from "react";
import type { Lang } from "../../i18n/messages";
import type { SheetPlan } from "../../sheets/plan";
import { TASK_STATES, TASK_STATUS_LABELS } from "../../evaluate/taskStatus";
import type { JudgedTask } from "../taskJudging";
import { t } from "../strings";
import type { Shown } from "../usePane";
import { parseViDate, viDateOfIso, viDateOfSerial } from "../dates";
import { TabStrip, panelId, tabId } from "./TabStrip";
import { useNarrow, useShown } from "./useShown";

/**
 * The preview's task sheets (no Excel): one task appendix at a time, where the state is chosen and the
 * completion date typed (dd/mm/yyyy), each task judged at once as the sheet's formulas judge it. A wide pane shows
 * a table; Excel's narrow pane shows each task as a card, its entries with its status.
 */
type OnType = (id: string, block: string, value: string | number | null) => void;

export function PreviewTasks(props: { lang: Lang; plan: SheetPlan; judged: JudgedTask[]; shown: Shown | null; onType: OnType }) {
  const { lang, plan, judged } = props;
  const sheets = plan.sheets.filter((s) => s.kind === "tasks");
  const [current, setCurrent] = useShown(
    props.shown,
    sheets.map((s) => s.name),
    "preview-tasks",
  );
  const narrow = useNarrow(640);
  const sheet = sheets.find((s) => s.name === current) ?? sheets[0];
  if (!sheet) return null;
  const rows = judged.filter((j) => j.sheet === sheet.name);
  const cell = { border: "1px solid #ddd", padding: 3, verticalAlign: "top" } as const;
  const head = { border: "1px solid #ccc", background: "#1F4E78", color: "white", padding: 3 } as const;
  const due = (j: JudgedTask) => (j.task.deadline.due ? viDateOfIso(j.task.deadline.due) : j.task.deadline.text);
  const name = (j: JudgedTask) => (j.task.name.length > 120 ? `${j.task.name.slice(0, 120)}…` : j.task.name);
  return (
    <section id="preview-tasks" data-testid="preview-tasks" aria-label={t(lang, "sheetsOfTasks")}>
      <TabStrip group="tasks" label={t(lang, "sheetsOfTasks")} selected={sheet.name} onSelect={setCurrent} items={sheets.map((s) => ({ value: s.name, content: s.name, testId: `tasks-sheet-${s.name}` }))} />
      <div role="tabpanel" id={panelId("tasks")} aria-labelledby={tabId("tasks", sheet.name)} style={{ minWidth: 0 }}>
        {narrow ? (
          <ul data-testid="preview-task-cards" style={{ listStyle: "none", margin: "6px 0 0", padding: 0, display: "flex", flexDirection: "column", gap: 6, fontSize: 12 }}>
            {rows.map((j) => (
              <li key={j.id} data-id={j.id} style={{ border: "1px solid #d1d1d1", borderRadius: 4, padding: "4px 6px", overflowWrap: "anywhere" }}>
                <div style={{ fontWeight: 600 }}>
                  {j.task.code ? `${j.task.code}. ` : ""}
                  {name(j)}
                </div>
                <div style={{ fontSize: 11, color: "#424242" }}>
                  {j.agencies.join("; ")}
                  {due(j) ? ` — ${t(lang, "dueOn")} ${due(j)}` : ""}
                </div>
                <div style={{ display: "flex", flexWrap: "wrap", gap: "4px 8px", alignItems: "center", marginTop: 3 }}>
                  <StateSelect j={j} lang={lang} onType={props.onType} />
                  <DoneDate j={j} lang={lang} onType={props.onType} />
                  <TaskStatusBadge j={j} lang={lang} />
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <div style={{ overflowX: "auto", maxWidth: "100%" }}>
            <table data-testid="preview-task-table" style={{ borderCollapse: "collapse", fontSize: 12 }}>
              <thead>
                <tr>
                  {["TT", t(lang, "taskName"), t(lang, "leadAgency"), t(lang, "dueOn"), t(lang, "taskState"), t(lang, "doneOn"), t(lang, "status")].map((h) => (
                    <th key={h} scope="col" style={head}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((j) => (
                  <tr key={j.id} data-id={j.id}>
                    <td style={cell}>{j.task.code}</td>
                    <td style={{ ...cell, minWidth: 180 }}>{name(j)}</td>
                    <td style={{ ...cell, minWidth: 110 }}>{j.agencies.join("; ")}</td>
                    <td style={cell}>{due(j)}</td>
                    <td style={{ ...cell, background: "#FFF2CC" }}>
                      <StateSelect j={j} lang={lang} onType={props.onType} />
                    </td>
                    <td style={{ ...cell, background: "#FFF2CC" }}>
                      <DoneDate j={j} lang={lang} onType={props.onType} />
                    </td>
                    <td style={cell}>
                      <TaskStatusBadge j={j} lang={lang} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}

function StateSelect({ j, lang, onType }: { j: JudgedTask; lang: Lang; onType: OnType }) {
  return (
    <select id={`input-${j.id}-state`} aria-label={`${t(lang, "taskState")}: ${j.task.name.slice(0, 40)}`} value={typeof j.state === "string" ? j.state : ""} onChange={(e) => onType(j.id, "state", e.currentTarget.value || null)}>
      <option value="" />
      {TASK_STATES.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      ))}
    </select>
  );
}

/** The completion date, typed dd/mm/yyyy: written when it reads as a day, else said what is wrong (nothing written). */
function DoneDate({ j, lang, onType }: { j: JudgedTask; lang: Lang; onType: OnType }) {
  const written = typeof j.done === "number" ? viDateOfSerial(j.done) : typeof j.done === "string" ? j.done : "";
  const [wrong, setWrong] = useState<string | null>(null);
  const errorId = `done-error-${j.id}`;
  const take = (text: string) => {
    if (text.trim() === "") {
      setWrong(null);
      if (written !== "") onType(j.id, "done", null);
      return;
    }
    const serial = parseViDate(text);
    if (serial === null) return setWrong(text.trim());
    setWrong(null);
    if (serial !== j.done) onType(j.id, "done", serial);
  };
  return (
    <span style={{ display: "inline-flex", flexDirection: "column" }}>
      <input
        id={`input-${j.id}-done`}
        type="text"
        inputMode="numeric"
        placeholder={t(lang, "dateHint")}
        aria-label={`${t(lang, "doneOn")} (${t(lang, "dateHint")}): ${j.task.name.slice(0, 40)}`}
        aria-invalid={wrong !== null}
        aria-describedby={wrong !== null ? errorId : undefined}
        defaultValue={written}
        key={written}
        onBlur={(e) => take(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") e.currentTarget.blur();
        }}
        style={{ width: 96, font: "inherit" }}
        data-testid={`done-${j.id}`}
      />
      {wrong !== null && (
        <span id={errorId} role="alert" style={{ color: "#A4262C", fontSize: 11, maxWidth: 200 }} data-testid={`done-error-${j.id}`}>
          {t(lang, "dateInvalid", { text: wrong })}
        </span>
      )}
    </span>
  );
}

function TaskStatusBadge({ j, lang }: { j: JudgedTask; lang: Lang }) {
  const l = TASK_STATUS_LABELS[j.status];
  return (
    <span data-testid={`task-status-${j.id}`} data-status={j.status} style={{ background: `#${l.fill}`, color: `#${l.font}`, padding: "0 4px", whiteSpace: "nowrap" }}>
      {l.symbol} {l[lang]}
    </span>
  );
}
