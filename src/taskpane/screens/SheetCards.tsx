/**
 * @file The preview's appendix sheet in a narrow pane (Excel's task pane, 320–350 px): each row a card — its
 * code, name and unit, then per block the target, the entry with its status beside it and, for a problem, what
 * is wrong; then the periods' entries and the pace. Nothing scrolls sideways.
 */
import { t } from "../strings";
import { StatusBadge } from "./StatusBadge";
import { EntryInput, PaceView, type SheetView } from "./PreviewSheets";

const SMALL = { fontSize: 11, color: "#424242" } as const;

export function SheetCards({ view }: { view: SheetView }) {
  const { lang, blocks, periods } = view;
  return (
    <ul data-testid="preview-cards" style={{ listStyle: "none", margin: "6px 0 0", padding: 0, display: "flex", flexDirection: "column", gap: 6, fontSize: 12 }}>
      {view.ids.map((id) => {
        const ind = view.cell(id, blocks[0]!)!.indicator;
        return (
          <li key={id} data-id={id} data-testid="sheet-card" style={{ border: "1px solid #d1d1d1", borderRadius: 4, padding: "4px 6px", marginLeft: Math.min(ind.level, 3) * 8, overflowWrap: "anywhere" }}>
            <div style={{ fontWeight: 600 }}>
              {ind.code ? `${ind.code}. ` : ""}
              {ind.name}
              {ind.unit && <span style={{ fontWeight: 400 }}> ({ind.unit})</span>}
            </div>
            {blocks.map((b) => {
              const j = view.cell(id, b)!;
              const label = `${t(lang, "target")}${b === "target" ? "" : ` ${b}`}`;
              if (j.target.kind === "composite")
                return (
                  <div key={b} style={SMALL}>
                    {label}: {j.target.text}
                  </div>
                );
              const problem = ["shortfall", "near", "invalid"].includes(j.judgement.status);
              return (
                <div key={b} style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: "2px 6px", marginTop: 3 }}>
                  <span style={{ ...SMALL, flexBasis: "100%" }}>
                    {label}: {j.target.text}
                  </span>
                  <EntryInput id={id} block={b} label={`${ind.name} ${b}`} value={view.shownValue(j.entry)} onType={view.onType} describedBy={`status-${id}-${b}${problem ? ` why-${id}-${b}` : ""}`} width={88} framed />
                  <span id={`status-${id}-${b}`} data-testid={`status-${id}-${b}`}>
                    <StatusBadge status={j.judgement.status} lang={lang} />
                  </span>
                  {problem && (
                    <span id={`why-${id}-${b}`} style={{ ...SMALL, flexBasis: "100%" }}>
                      {j.message[lang]}
                    </span>
                  )}
                </div>
              );
            })}
            {periods.length > 0 && (
              <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(84px, 1fr))", gap: 4, marginTop: 4 }}>
                {periods.map((b) => (
                  <label key={b} style={{ ...SMALL, display: "flex", flexDirection: "column" }}>
                    <span aria-hidden="true">{view.labelOf(b)}</span>
                    <EntryInput id={id} block={b} label={`${ind.name} ${view.labelOf(b)}`} value={view.shownValue(view.entries[id]?.[b])} onType={view.onType} width={80} framed />
                  </label>
                ))}
              </div>
            )}
            {periods.length > 0 && (
              <PaceView
                pace={view.pace(id)}
                lang={lang}
                id={id}
                wrap={(inner, attrs, colour) => (
                  <>
                    <div {...attrs} style={{ color: colour, fontWeight: 600, marginTop: 3 }}>
                      {t(lang, "pace")}: {inner}
                    </div>
                    {/* What is wrong, on the card: at 320 px there is no mouse to hover the pace for it. */}
                    {(attrs["data-pace"] === "invalid" || attrs["data-pace"] === "behind") && (
                      <div id={`pace-why-${id}`} data-testid={`pace-why-${id}`} style={SMALL}>
                        {attrs.title}
                      </div>
                    )}
                  </>
                )}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
