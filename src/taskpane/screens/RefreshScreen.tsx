import { Button, Checkbox, Text } from "@fluentui/react-components";
import { CHANGE_LABELS } from "../../sheets/merge";
import type { Pane } from "../usePane";
import { t } from "../strings";
import { Outcome } from "./NoticeBar";

/** Refresh: preview what the documents change, apply it (nothing typed is lost), restore, and the lock toggle. */
export function RefreshScreen({ pane }: { pane: Pane }) {
  const { lang, busy, pending } = pane;
  return (
    <section style={{ display: "flex", flexDirection: "column", gap: 8 }} data-testid="refresh">
      <Text>{t(lang, "refreshIntro")}</Text>
      <Checkbox checked={pane.protect} onChange={(_, d) => pane.setProtect(!!d.checked)} label={t(lang, "protect")} data-testid="protect" />
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button onClick={() => void pane.refresh(true)} disabled={!!busy} data-testid="refresh-preview">
          {t(lang, "previewChanges")}
        </Button>
        <Button appearance="primary" onClick={() => void pane.refresh(false)} disabled={!!busy || !pending} data-testid="refresh-apply">
          {t(lang, "applyRefresh")}
        </Button>
        <Button onClick={() => void pane.restore()} disabled={!!busy} data-testid="restore">
          {t(lang, "restore")}
        </Button>
      </div>
      <Outcome pane={pane} at="refresh" />
      {pending && (
        <ul style={{ margin: "2px 0 8px 16px", padding: 0, overflowWrap: "anywhere" }} data-testid="changes">
          {pending.changes.map((c, k) => (
            <li key={k}>
              [{c.sheet}] {c.code} {c.name} — <b>{CHANGE_LABELS[c.kind][lang]}</b>
              {c.before || c.after ? `: ${c.before || "—"} → ${c.after || "—"}` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
