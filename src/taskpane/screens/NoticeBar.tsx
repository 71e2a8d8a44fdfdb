import { Link, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Pane } from "../usePane";
import { t } from "../strings";

/** The result of the last action, at the top where the user looks: its text, the sheets it wrote (each a link), details. */
export function NoticeBar({ pane }: { pane: Pane }) {
  const { notice, lang } = pane;
  if (!notice) return null;
  return (
    <MessageBar intent={notice.kind} data-testid="notice" layout="multiline">
      <MessageBarBody style={{ overflowWrap: "anywhere" }}>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.text}
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
        {notice.details && (
          <details>
            <summary>{t(lang, "details")}</summary>
            <pre style={{ whiteSpace: "pre-wrap", fontSize: 11 }}>{notice.details}</pre>
          </details>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
