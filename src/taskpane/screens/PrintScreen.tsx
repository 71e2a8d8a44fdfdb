import { useMemo, useState } from "react";
import { Button, Text } from "@fluentui/react-components";
import { SUMMARY_SHEET, todayVi } from "../../sheets/workbook";
import { notMetLines, REPORT_SHEET, reportSentence, reportYearOf } from "../../sheets/reportSheet";
import { reportCountsOf } from "../report";
import type { Pane } from "../usePane";
import { t } from "../strings";
import { Outcome } from "./NoticeBar";

/**
 * Print: the sentence the year-end report opens with (live, with a copy button), how the sheets are set up to
 * print, the summary and the report to open (Excel) or the workbook to download (preview).
 */
export function PrintScreen({ pane }: { pane: Pane }) {
  const { lang, busy, plan, preview } = pane;
  const [copied, setCopied] = useState(false);
  const sentence = useMemo(() => {
    if (!plan) return null;
    const year = reportYearOf(plan.sheets, todayVi());
    // The totals, then a line per indicator not met (the report sheet's sentence and lines, counted the same way).
    const counts = reportCountsOf(pane.catalog, plan, pane.entries, year, pane.judged, lang);
    return [reportSentence(counts, year, lang), ...notMetLines(counts, lang)].join("\n");
  }, [plan, pane.catalog, pane.entries, pane.judged, lang]);
  const copy = () => {
    if (!sentence) return;
    void navigator.clipboard?.writeText(sentence).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <section style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      {sentence && (
        <div style={{ border: "1px solid #c8c8c8", borderRadius: 4, padding: 8, overflowWrap: "anywhere" }}>
          <Text weight="semibold" block>
            {t(lang, "reportSentence")}
          </Text>
          <Text block data-testid="report-sentence" style={{ whiteSpace: "pre-line" }}>
            {sentence}
          </Text>
          <Button size="small" onClick={copy} data-testid="copy-sentence" style={{ marginTop: 6 }}>
            {copied ? t(lang, "copied") : t(lang, "copy")}
          </Button>
        </div>
      )}
      <Text>{t(lang, "printHow")}</Text>
      <div>
        {preview ? (
          <Button onClick={() => void pane.download("print")} disabled={!plan || !!busy} data-testid="download">
            {t(lang, "download")}
          </Button>
        ) : (
          <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
            <Button onClick={() => pane.showSheet(SUMMARY_SHEET)} disabled={!plan || !!busy}>
              {t(lang, "openSummary")}
            </Button>
            <Button onClick={() => pane.showSheet(REPORT_SHEET)} disabled={!plan || !!busy}>
              {t(lang, "openReport")}
            </Button>
          </div>
        )}
      </div>
      <Outcome pane={pane} at="print" />
    </section>
  );
}
