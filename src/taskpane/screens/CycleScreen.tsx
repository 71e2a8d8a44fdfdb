import { Button, Text } from "@fluentui/react-components";
import { ArrowDownload16Regular } from "@fluentui/react-icons";
import type { Pane } from "../usePane";
import { t } from "../strings";
import { REPORTING_LABELS } from "../../evaluate/reporting";
import { formatNumber } from "../../parse/number";
import { Outcome } from "./NoticeBar";

/**
 * The reporting cycle: who has reported for the latest period (from the workbook's reporting sheet and its
 * entries), one form per agency to download (each, or all in a .zip), and the returned forms collected — read in
 * the browser, merged, the changes listed before anything is written into the workbook.
 */
const shown = (v: unknown) => (typeof v === "number" ? formatNumber(v, 10) : v === null || v === undefined ? "" : String(v));

export function CycleScreen({ pane }: { pane: Pane }) {
  const { lang, busy, reporting, forms, pendingCollect } = pane;
  const latest = reporting.length > 0 ? reporting[0]!.period : null;
  const current = reporting.filter((r) => r.period === latest);
  return (
    <section style={{ display: "flex", flexDirection: "column", gap: 8, minWidth: 0 }} data-testid="cycle">
      <Text weight="semibold">{t(lang, "whoReported")}</Text>
      {current.length === 0 ? (
        <Text data-testid="no-reporting">{t(lang, "noReporting")}</Text>
      ) : (
        <div style={{ overflowX: "auto" }}>
          <Text size={200}>{t(lang, "reportingOf", { period: current[0]!.label, done: current.filter((r) => r.code === "on_time" || r.code === "late" || r.code === "complete").length, n: current.length })}</Text>
          <table style={{ borderCollapse: "collapse", fontSize: 12, width: "100%" }} data-testid="reporting">
            <thead>
              <tr>
                <th style={{ textAlign: "left" }}>{t(lang, "agency")}</th>
                <th>{t(lang, "received")}</th>
                <th>{t(lang, "statusShort")}</th>
              </tr>
            </thead>
            <tbody>
              {current.map((r) => (
                <tr key={r.agency} data-testid={`reporting-${r.agency}`}>
                  <td style={{ overflowWrap: "anywhere" }}>{r.agency}</td>
                  <td style={{ textAlign: "center", whiteSpace: "nowrap" }}>
                    {r.received}/{r.expected}
                  </td>
                  <td>
                    {REPORTING_LABELS[r.code].symbol} {REPORTING_LABELS[r.code][lang]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Text weight="semibold">{t(lang, "splitTitle")}</Text>
      <Text size={200}>{t(lang, "splitHint")}</Text>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button onClick={() => void pane.split()} disabled={!!busy || !pane.plan} data-testid="split">
          {t(lang, "split")}
        </Button>
        {forms.length > 0 && (
          <Button icon={<ArrowDownload16Regular />} onClick={() => void pane.downloadForms()} disabled={!!busy} data-testid="forms-zip">
            {t(lang, "formsZip", { n: forms.length })}
          </Button>
        )}
      </div>
      <Outcome pane={pane} at="split" />
      {forms.length > 0 && (
        <ul style={{ margin: 0, paddingLeft: 16, overflowWrap: "anywhere" }} data-testid="forms">
          {forms.map((f) => (
            <li key={f.file}>
              <Button appearance="transparent" size="small" onClick={() => void pane.downloadForm(f.file)} disabled={!!busy} data-testid={`form-${f.file}`}>
                {f.agency}
              </Button>{" "}
              <Text size={200}>{t(lang, "formCounts", { indicators: f.indicators, tasks: f.tasks })}</Text>
            </li>
          ))}
        </ul>
      )}

      <Text weight="semibold">{t(lang, "collectTitle")}</Text>
      <Text size={200}>{t(lang, "collectHint")}</Text>
      <input
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple
        disabled={!!busy || !pane.plan}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = "";
          if (files.length > 0) void pane.readForms(files);
        }}
        data-testid="collect-files"
        aria-label={t(lang, "collectTitle")}
      />
      <Outcome pane={pane} at="collect" />
      {pendingCollect && (
        <div style={{ display: "flex", flexDirection: "column", gap: 4 }} data-testid="collected">
          <Text>
            {t(lang, "collectedCounts", {
              edits: pendingCollect.edits.length,
              replaced: pendingCollect.edits.filter((e) => e.before !== null && e.before !== "").length,
              forms: pendingCollect.receipts.length,
              refused: pendingCollect.refused.length,
              conflicts: pendingCollect.conflicts.length,
              notes: pendingCollect.anomalies.length,
            })}
          </Text>
          <ul style={{ margin: 0, paddingLeft: 16, overflowWrap: "anywhere", fontSize: 12 }}>
            {pendingCollect.refused.map((r, k) => (
              <li key={`r${k}`} data-testid="collect-refused">
                <b>{r.form}</b>: {r[lang]}
              </li>
            ))}
            {pendingCollect.conflicts.map((c, k) => (
              <li key={`c${k}`} data-testid="collect-conflict">
                {t(lang, "conflict")}: {c.name} ({c.column}) — {c.values.map((v) => `${v.form} ${v.sheet}!${v.cell} = “${shown(v.value)}”`).join("; ")}
              </li>
            ))}
            {pendingCollect.anomalies.map((a, k) => (
              <li key={`a${k}`} data-testid="collect-note">
                {a.form}
                {a.sheet ? ` ${a.sheet}${a.cell ? `!${a.cell}` : ""}` : ""}: {a[lang]}
              </li>
            ))}
            {pendingCollect.edits.map((e, k) => (
              <li key={`e${k}`} data-testid="collect-edit">
                [{e.masterSheet}] {e.code} {e.name} ({e.column}): {e.before !== null && e.before !== "" ? `${shown(e.before)} → ` : ""}
                <b>{shown(e.value)}</b> ← {e.form}
              </li>
            ))}
          </ul>
          <div>
            <Button appearance="primary" onClick={() => void pane.applyCollect()} disabled={!!busy || (pendingCollect.edits.length === 0 && pendingCollect.receipts.length === 0)} data-testid="collect-apply">
              {t(lang, "collectApply")}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
