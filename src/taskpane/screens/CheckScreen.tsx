import { Badge, Text } from "@fluentui/react-components";
import { STATUS_ORDER, statusLabel } from "../../evaluate/vocabulary";
import { countByStatus, type JudgedCell } from "../judging";
import type { Pane } from "../usePane";
import { StatusBadge } from "./StatusBadge";
import { t } from "../strings";

/**
 * Check: how many indicators and how many entry cells (one per indicator and period), the cells by status,
 * then the shortfalls and invalid entries by agency, each a link to its cell.
 */
export function CheckScreen({ pane }: { pane: Pane }) {
  const { lang, judged } = pane;
  if (!pane.plan) return <Text>{t(lang, "nothingLoaded")}</Text>;
  const counts = countByStatus(judged);
  const indicators = new Set(judged.map((c) => c.id)).size;
  const problems = judged.filter((c) => ["shortfall", "near", "invalid"].includes(c.judgement.status));
  const byAgency = new Map<string, JudgedCell[]>();
  for (const p of problems) {
    const key = p.indicator.agency || t(lang, "noAgency");
    byAgency.set(key, [...(byAgency.get(key) ?? []), p]);
  }
  return (
    <section data-testid="check" style={{ minWidth: 0 }}>
      <Text block data-testid="check-counts">
        {t(lang, "checkCounts", { indicators, cells: judged.length, empty: counts.no_data })}
      </Text>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 6, margin: "6px 0 8px" }}>
        {STATUS_ORDER.map((s) => (
          <Badge key={s} appearance="tint" color="informative" data-testid={`count-${s}`} title={t(lang, "cellsWithStatus")}>
            {statusLabel(s, lang)}: {counts[s]}
          </Badge>
        ))}
      </div>
      <Text weight="semibold">{t(lang, "problems")}</Text>
      {problems.length === 0 && <Text block>{t(lang, "noProblems")}</Text>}
      {[...byAgency.entries()].map(([agency, cells]) => (
        <div key={agency}>
          <Text weight="semibold" block style={{ overflowWrap: "anywhere" }}>
            {agency}
          </Text>
          <ul style={{ margin: "2px 0 8px 16px", padding: 0, overflowWrap: "anywhere" }}>
            {cells.map((c) => (
              <li key={`${c.id}-${c.block}`} data-testid="problem">
                <a
                  href={`#input-${c.id}-${c.block}`}
                  onClick={(e) => {
                    e.preventDefault();
                    pane.showCell(c);
                  }}
                >
                  {c.indicator.name}
                </a>{" "}
                <StatusBadge status={c.judgement.status} lang={lang} /> <span>{c.message[lang]}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
