import { useEffect, useRef } from "react";
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import { Dismiss16Regular } from "@fluentui/react-icons";
import type { Lang } from "../../i18n/messages";
import type { Pane } from "../usePane";
import { t } from "../strings";
import { say, type Notice, type Slot } from "../notice";

/**
 * The place beside an action where its work shows: a spinner while it runs, then its result or error — its text
 * in the language chosen now, the sheets it wrote (each a link where this host can show it), details, a button
 * to dismiss it. A new result takes the view and the focus once, so that the user sees it where they pressed.
 */
export function Outcome({ pane, at }: { pane: Pane; at: Slot }) {
  const { notice, busyAt, lang } = pane;
  return (
    <>
      {busyAt?.at === at && <Spinner size="tiny" label={busyAt.label} data-testid="busy" style={{ justifyContent: "flex-start" }} />}
      {notice?.at === at && <NoticeBar pane={pane} notice={notice} lang={lang} />}
    </>
  );
}

/** The text of a notice as the live region reads it. */
export function noticeText(notice: Notice, lang: Lang): string {
  return [say(lang, notice.title), ...notice.lines.map((l) => say(lang, l))].join(". ").replace(/\.\./g, ".");
}

function NoticeBar({ pane, notice, lang }: { pane: Pane; notice: Notice; lang: Lang }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = `notice-title-${notice.seq}`;
  useEffect(() => {
    const el = ref.current;
    if (!el || !pane.takeFocus(notice.seq)) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
  }, [notice.seq, pane]);
  return (
    <MessageBar ref={ref} tabIndex={-1} intent={notice.kind} data-testid="notice" data-at={notice.at} layout="multiline" aria-labelledby={titleId} style={{ scrollMarginTop: 8, scrollMarginBottom: 8 }}>
      <MessageBarBody style={{ overflowWrap: "anywhere" }}>
        <MessageBarTitle id={titleId}>{say(lang, notice.title)}</MessageBarTitle>
        {notice.lines.map((l) => say(lang, l)).join(" ")}
        {notice.sheets && notice.sheets.length > 0 && (
          <ul style={{ margin: "4px 0 0 16px", padding: 0 }} data-testid="loaded-sheets">
            {notice.sheets.map((name) => (
              <li key={name}>
                <Link as="button" onClick={() => pane.showSheet(name)} data-testid={`open-${name}`}>
                  {name}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {notice.elsewhere && notice.elsewhere.length > 0 && (
          <div style={{ marginTop: 4 }} data-testid="elsewhere-sheets">
            {t(lang, "elsewhere", { names: notice.elsewhere.join(", ") })}
          </div>
        )}
        {notice.details && notice.details.length > 0 && (
          <details>
            <summary>{t(lang, "details")}</summary>
            <pre style={{ whiteSpace: "pre-wrap", fontSize: 11 }}>{notice.details.map((d) => say(lang, d)).join("\n")}</pre>
          </details>
        )}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" size="small" icon={<Dismiss16Regular />} aria-label={t(lang, "dismiss")} title={t(lang, "dismiss")} onClick={() => pane.tell(null)} data-testid="dismiss" />} />
    </MessageBar>
  );
}
