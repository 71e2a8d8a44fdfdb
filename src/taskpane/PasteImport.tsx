import { useMemo, useState, type ReactNode } from "react";
import { Button, Input, Text, Textarea } from "@fluentui/react-components";
import type { Lang } from "../i18n/messages";
import type { Direction, Plan } from "../model";
import { parsePastedTable } from "../parse/document";
import { correctPlan, KIND_LABELS, readingOf, type Correction } from "../parse/reading";
import { t } from "./strings";
import type { Said, Slot } from "./notice";

/**
 * Importing an appendix table that is not in the seed catalog: pasted text or the selected range in Excel. The
 * table is read at once and shown row by row (kind of target, bounds, direction and why); the user can retype a
 * target or choose a direction, and only then write it to a sheet.
 */
export function PasteImport(props: {
  lang: Lang;
  busy: boolean;
  readSelection: () => Promise<string | null>;
  canSelect: boolean;
  onWrite: (plan: Plan) => void;
  /** A table that cannot be read: said beside the "Read the table" button. */
  onError: (line: Said) => void;
  /** A table read: the error of an earlier try no longer applies. */
  onRead: () => void;
  /** The place beside an action where its spinner and result show. */
  outcome: (at: Slot) => ReactNode;
  /** The table's short name (kept by the pane from one paste to the next). */
  name: string;
  onName: (name: string) => void;
}) {
  const { lang, name } = props;
  const [text, setText] = useState("");
  const [read, setRead] = useState<{ plan: Plan; skipped: number } | null>(null);
  const [corrections, setCorrections] = useState<Record<string, Correction>>({});
  // A table without a target column: the columns the user may have read as targets instead.
  const [columns, setColumns] = useState<string[]>([]);

  const parse = (source: string, targetColumn?: string) => {
    // The short name names the sheet ("Bảng dán 1" → "BANG-DAN-1 1") and, when the text has no heading, the table.
    const result = parsePastedTable(source, { name: name.trim() || t(lang, "pasteDefault", { n: 1 }), ...(targetColumn ? { targetColumn } : {}) });
    setCorrections({});
    setColumns(!result.ok ? result.targetColumns ?? [] : []);
    if (!result.ok) {
      setRead(null);
      // No target column: the pane's own words (the engine's message is the command line's, with its option).
      const offered = result.targetColumns ?? [];
      props.onError(offered.length > 0 ? { key: "noTargetColumnPane", params: { columns: offered.map((c) => `“${c}”`).join(", ") } } : result.error);
      return;
    }
    setRead({ plan: result.plan, skipped: result.skipped.length });
    props.onRead();
  };

  const corrected = useMemo(() => (read ? correctPlan(read.plan, corrections) : null), [read, corrections]);
  const rows = useMemo(() => (corrected ? readingOf(corrected, lang) : []), [corrected, lang]);
  const fix = (id: string, c: Correction) => setCorrections((all) => ({ ...all, [id]: { ...all[id], ...c } }));
  const dirLabel: Record<Direction, string> = { higher: t(lang, "dirHigher"), lower: t(lang, "dirLower"), band: t(lang, "dirBand") };
  const cell = { border: "1px solid #ddd", padding: 3, verticalAlign: "top" } as const;

  return (
    <section style={{ display: "flex", flexDirection: "column", gap: 6, marginTop: 12 }} data-testid="paste">
      <Text weight="semibold">{t(lang, "pasteTitle")}</Text>
      <Text size={200}>{t(lang, "pasteHint")}</Text>
      <Textarea aria-label={t(lang, "pasteLabel")} value={text} onChange={(_, d) => setText(d.value)} resize="vertical" rows={4} data-testid="paste-text" />
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap", alignItems: "center" }}>
        <Input aria-label={t(lang, "pasteCode")} placeholder={t(lang, "pasteCode")} title={t(lang, "pasteCode")} value={name} onChange={(_, d) => props.onName(d.value)} style={{ width: 140 }} data-testid="paste-code" />
        <Button onClick={() => parse(text)} disabled={props.busy || text.trim() === ""} data-testid="paste-read">
          {t(lang, "readTable")}
        </Button>
        {props.canSelect && (
          <Button
            onClick={() =>
              void props.readSelection().then((s) => {
                if (s === null) return;
                setText(s);
                parse(s);
              })
            }
            disabled={props.busy}
          >
            {t(lang, "useSelection")}
          </Button>
        )}
      </div>
      {props.outcome("paste-read")}
      {columns.length > 0 && (
        <div style={{ display: "flex", gap: 6, flexWrap: "wrap" }} data-testid="target-columns">
          {columns.map((c) => (
            <Button key={c} size="small" onClick={() => parse(text, c)} disabled={props.busy}>
              {t(lang, "readColumnAsTargets", { name: c })}
            </Button>
          ))}
        </div>
      )}
      {read && corrected && (
        <>
          <Text weight="semibold">{t(lang, "readingTitle")}</Text>
          {read.skipped > 0 && <Text size={200}>{t(lang, "skippedRows", { n: read.skipped })}</Text>}
          {(read.plan.tasks ?? []).length > 0 && (
            <Text size={200} data-testid="pasted-tasks">
              {t(lang, "pastedTasks", { n: (read.plan.tasks ?? []).reduce((n, a) => n + a.tasks.length, 0) })}
            </Text>
          )}
          <div style={{ overflowX: "auto", maxWidth: "100%" }}>
            <table style={{ borderCollapse: "collapse", fontSize: 12 }} data-testid="reading">
              <thead>
                <tr>
                  {["TT", t(lang, "indicator"), t(lang, "unit"), t(lang, "target"), t(lang, "readAs"), t(lang, "direction"), t(lang, "why")].map((h) => (
                    <th key={h} style={{ ...cell, background: "#1F4E78", color: "white" }}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-id={r.id} data-kind={r.kind} style={r.kind === "unparsed" ? { background: "#FFEB9C" } : undefined}>
                    <td style={cell}>{r.code}</td>
                    <td style={{ ...cell, paddingLeft: 3 + r.level * 10 }}>{r.name}</td>
                    <td style={cell}>{r.unit}</td>
                    <td style={cell}>
                      <input
                        aria-label={`${t(lang, "target")}: ${r.name}`}
                        defaultValue={r.text}
                        onBlur={(e) => fix(r.id, { target: e.currentTarget.value })}
                        onKeyDown={(e) => {
                          if (e.key === "Enter") e.currentTarget.blur();
                        }}
                        style={{ width: 90 }}
                      />
                    </td>
                    <td style={cell} data-testid="read-as">
                      {KIND_LABELS[r.kind][lang]} {r.bounds}
                    </td>
                    <td style={cell}>
                      <select aria-label={`${t(lang, "direction")}: ${r.name}`} value={r.direction} onChange={(e) => fix(r.id, { direction: e.currentTarget.value as Direction })}>
                        {(["higher", "lower", "band"] as Direction[]).map((d) => (
                          <option key={d} value={d}>
                            {dirLabel[d]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td style={{ ...cell, fontSize: 11, color: "#595959" }}>{r.why[lang]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Button appearance="primary" onClick={() => props.onWrite(corrected)} disabled={props.busy} data-testid="paste-write">
            {t(lang, "writeTable")}
          </Button>
          {props.outcome("paste-write")}
        </>
      )}
    </section>
  );
}
