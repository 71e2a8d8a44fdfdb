import { Button, Text } from "@fluentui/react-components";
import { SUMMARY_SHEET } from "../../sheets/workbook";
import type { Pane } from "../usePane";
import { t } from "../strings";

/** Print: how the sheets are set up to print, the summary to open (Excel) or the workbook to download (preview). */
export function PrintScreen({ pane }: { pane: Pane }) {
  const { lang, busy, plan, preview } = pane;
  return (
    <section style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Text>{t(lang, "printHow")}</Text>
      <div>
        {preview ? (
          <Button onClick={() => void pane.download()} disabled={!plan || !!busy} data-testid="download">
            {t(lang, "download")}
          </Button>
        ) : (
          <Button onClick={() => pane.showSheet(SUMMARY_SHEET)} disabled={!plan || !!busy}>
            {t(lang, "openSummary")}
          </Button>
        )}
      </div>
    </section>
  );
}
