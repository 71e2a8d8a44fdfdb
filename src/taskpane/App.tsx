import { useState, type ComponentType } from "react";
import { Button, FluentProvider, MessageBar, MessageBarActions, MessageBarBody, Spinner, Tab, TabList, Text, webLightTheme } from "@fluentui/react-components";
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
import { NoticeBar } from "./screens/NoticeBar";

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
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main style={{ padding: "12px 8px", display: "flex", flexDirection: "column", gap: 10, fontFamily: "Segoe UI, Arial, sans-serif", minWidth: 0, boxSizing: "border-box" }}>
        <header style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: 8 }}>
          <Text as="h1" weight="semibold" size={500}>
            {t(lang, "title")}
          </Text>
          <Button appearance="subtle" onClick={pane.switchLanguage} data-testid="language">
            {t(lang, "language")}
          </Button>
        </header>
        {preview && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t(lang, "previewNote")}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" icon={<ArrowDownload16Regular />} onClick={() => void pane.download()} disabled={!plan || !!busy} data-testid="download-top">
                {t(lang, "downloadShort")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(String(d.value))} size="small" style={{ flexWrap: "wrap" }} data-testid="tabs">
          {SCREENS.map((s) => (
            <Tab key={s.key} value={s.key} aria-label={t(lang, s.full)} title={t(lang, s.full)} data-testid={`tab-${s.key}`} style={{ paddingLeft: 2, paddingRight: 2, minWidth: 0 }}>
              {/* The icon above its short label, narrow padding: five tabs fit in one row at 320 px in either language. */}
              <span style={{ display: "flex", flexDirection: "column", alignItems: "center", lineHeight: 1.2 }}>
                <s.icon />
                <span>{t(lang, s.short)}</span>
              </span>
            </Tab>
          ))}
        </TabList>
        {busy && <Spinner size="tiny" label={busy} data-testid="busy" />}
        <NoticeBar pane={pane} />
        <current.Screen pane={pane} />
        {preview && plan && <PreviewSheets lang={lang} plan={plan} judged={pane.judged} paces={pane.paces} entries={pane.entries.actuals} shown={pane.shownSheet} onType={pane.typeEntry} />}
        {preview && plan && <PreviewTasks lang={lang} plan={plan} judged={pane.judgedTasks} shown={pane.shownSheet} onType={pane.typeEntry} />}
      </main>
    </FluentProvider>
  );
}
