import { useState, type ComponentType } from "react";
import { Button, FluentProvider, MessageBar, MessageBarActions, MessageBarBody, Text, webLightTheme } from "@fluentui/react-components";
import { ArrowDownload16Regular, ArrowSync20Regular, CheckmarkCircle20Regular, DocumentAdd20Regular, MailInbox20Regular, Print20Regular } from "@fluentui/react-icons";
import type { Lang } from "../i18n/messages";
import type { Catalog } from "../model";
import type { WorkbookHost } from "../hosts/host";
import { usePane, type Pane } from "./usePane";
import { t, type UiKey } from "./strings";
import { LoadScreen } from "./screens/LoadScreen";
import { CheckScreen } from "./screens/CheckScreen";
import { RefreshScreen } from "./screens/RefreshScreen";
import { PrintScreen } from "./screens/PrintScreen";
import { CycleScreen } from "./screens/CycleScreen";
import { PreviewSheets } from "./screens/PreviewSheets";
import { PreviewTasks } from "./screens/PreviewTasks";
import { Outcome, noticeText } from "./screens/NoticeBar";
import { TabStrip, panelId, tabId } from "./screens/TabStrip";
import { SLOT_TAB } from "./notice";

/**
 * The task pane: a header, one tab per screen, the result of the last action, the screen. It fits Excel's
 * task pane (320 px on Windows, 350 px on the web): tabs carry an icon above a short label (the full name on
 * hover and for screen readers), long texts wrap, wide tables scroll inside their own box. A new screen is a
 * new file in screens/ and one line in SCREENS.
 */
interface Screen {
  key: string;
  icon: ComponentType;
  short: UiKey;
  full: UiKey;
  Screen: ComponentType<{ pane: Pane }>;
}

const SCREENS: Screen[] = [
  { key: "load", icon: DocumentAdd20Regular, short: "tabLoadShort", full: "tabLoad", Screen: LoadScreen },
  { key: "check", icon: CheckmarkCircle20Regular, short: "tabCheck", full: "tabCheck", Screen: CheckScreen },
  { key: "refresh", icon: ArrowSync20Regular, short: "tabRefreshShort", full: "tabRefresh", Screen: RefreshScreen },
  { key: "cycle", icon: MailInbox20Regular, short: "tabCycleShort", full: "tabCycle", Screen: CycleScreen },
  { key: "print", icon: Print20Regular, short: "tabPrintShort", full: "tabPrint", Screen: PrintScreen },
];

export function App(props: { catalog: Catalog; host: WorkbookHost; initialLang: Lang }) {
  const pane = usePane(props);
  const { lang, preview, plan, busy } = pane;
  const [tab, setTab] = useState("load");
  const current = SCREENS.find((s) => s.key === tab) ?? SCREENS[0]!;
  // A notice belongs to the tab of the action that produced it: read out (and shown) there, not on the other tabs.
  const notice = pane.notice && (SLOT_TAB[pane.notice.at] ?? tab) === tab ? pane.notice : null;
  const live = busy ?? (notice ? noticeText(notice, lang) : "");
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main style={{ padding: "12px 8px", display: "flex", flexDirection: "column", gap: 10, fontFamily: "Segoe UI, Arial, sans-serif", minWidth: 0, boxSizing: "border-box" }}>
        <header style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: 8 }}>
          <Text as="h1" weight="semibold" size={500}>
            {t(lang, "title")}
          </Text>
          <Button appearance="subtle" onClick={pane.switchLanguage} data-testid="language" lang={lang === "vi" ? "en" : "vi"}>
            {t(lang, "language")}
          </Button>
        </header>
        {/* Results read out to screen readers as they come (the notice itself also takes the focus). */}
        <div role="status" aria-live="polite" data-testid="live" style={VISUALLY_HIDDEN}>
          {live}
        </div>
        {preview && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t(lang, "previewNote")}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" icon={<ArrowDownload16Regular />} onClick={() => void pane.download("top")} disabled={!plan || !!busy} data-testid="download-top">
                {t(lang, "downloadShort")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <Outcome pane={pane} at="top" />
        <TabStrip
          group="pane"
          label={t(lang, "paneTabs")}
          selected={tab}
          onSelect={setTab}
          testId="tabs"
          style={{ flexWrap: "nowrap" }}
          tabStyle={{ flex: "1 1 auto", paddingLeft: 2, paddingRight: 2 }}
          items={SCREENS.map((s) => ({
            value: s.key,
            label: t(lang, s.full),
            title: t(lang, s.full),
            testId: `tab-${s.key}`,
            // The icon above its short label, narrow padding: five tabs fit in one row at 320 px in either language.
            content: (
              <span style={{ display: "flex", flexDirection: "column", alignItems: "center", lineHeight: 1.2 }}>
                <s.icon />
                <span>{t(lang, s.short)}</span>
              </span>
            ),
          }))}
        />
        <div role="tabpanel" id={panelId("pane")} aria-labelledby={tabId("pane", current.key)} style={{ minWidth: 0 }}>
          <current.Screen pane={pane} />
        </div>
        {preview && plan && <PreviewSheets lang={lang} plan={plan} judged={pane.judged} paces={pane.paces} entries={pane.entries.actuals} shown={pane.shown} onType={pane.typeEntry} />}
        {preview && plan && <PreviewTasks lang={lang} plan={plan} judged={pane.judgedTasks} shown={pane.shown} onType={pane.typeEntry} />}
        {/* The footer: the link to the user guide (help.html, beside taskpane.html), in a window of its own. */}
        <footer data-testid="footer">
          <a href="help.html" target="_blank" rel="noopener noreferrer" title={t(lang, "helpTitle")} data-testid="help-link">
            {t(lang, "help")}
          </a>
        </footer>
      </main>
    </FluentProvider>
  );
}

const VISUALLY_HIDDEN = { position: "absolute", width: 1, height: 1, margin: -1, padding: 0, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", border: 0 } as const;
