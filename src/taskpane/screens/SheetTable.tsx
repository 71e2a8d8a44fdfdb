/**
 * @file The preview's appendix sheet as a table (a wide pane): code, name, unit, then per block the target, the
 * entry and its status side by side, then the periods' entries and the pace; it scrolls sideways in its own box.
 */
import { t } from "../strings";
import { StatusBadge } from "./StatusBadge";
import { EntryInput, PaceView, type SheetView } from "./PreviewSheets";

const HEAD = { border: "1px solid #ccc", background: "#1F4E78", color: "white", padding: 3 } as const;
const CELL = { border: "1px solid #ddd", padding: 3 } as const;

export function SheetTable({ view }: { view: SheetView }) {
  const { lang, blocks, periods } = view;
  return (
    <div style={{ overflowX: "auto", maxWidth: "100%" }}>
      <table data-testid="preview-table" style={{ borderCollapse: "collapse", fontSize: 12 }}>
        <thead>
          <tr>
            {["TT", t(lang, "indicator"), t(lang, "unit")].map((h) => (
              <th key={h} scope="col" style={HEAD}>
                {h}
              </th>
            ))}
            {blocks.flatMap((b) => [
              <th key={`t-${b}`} scope="col" style={HEAD}>{`${t(lang, "target")} ${/^\d{4}$|^Q|^Quý|tháng|Cả năm/.test(b) ? b : ""}`}</th>,
              <th key={`a-${b}`} scope="col" style={HEAD}>{`${t(lang, "actual")} ${b === "target" ? "" : b}`}</th>,
              <th key={`s-${b}`} scope="col" style={HEAD}>
                {t(lang, "status")}
              </th>,
            ])}
            {periods.map((b) => (
              <th key={`p-${b}`} scope="col" style={HEAD}>
                {view.labelOf(b)}
              </th>
            ))}
            {periods.length > 0 && (
              <th scope="col" style={HEAD}>
                {t(lang, "pace")}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {view.ids.map((id) => {
            const ind = view.cell(id, blocks[0]!)!.indicator;
            return (
              <tr key={id} data-id={id}>
                <td style={CELL}>{ind.code}</td>
                <td style={{ ...CELL, paddingLeft: 3 + ind.level * 12, minWidth: 160 }}>{ind.name}</td>
                <td style={CELL}>{ind.unit}</td>
                {blocks.flatMap((b) => {
                  const j = view.cell(id, b)!;
                  const packed = j.target.kind === "composite";
                  return [
                    <td key={`t-${b}`} style={CELL}>
                      {packed ? "—" : j.target.text}
                    </td>,
                    <td key={`a-${b}`} style={{ ...CELL, padding: 1, background: "#FFF2CC" }}>
                      {packed ? null : <EntryInput id={id} block={b} label={`${ind.name} ${b}`} value={view.shownValue(j.entry)} onType={view.onType} describedBy={`status-${id}-${b}`} width={70} />}
                    </td>,
                    <td key={`s-${b}`} id={`status-${id}-${b}`} style={CELL} title={j.message[lang]} data-testid={`status-${id}-${b}`}>
                      {packed ? null : <StatusBadge status={j.judgement.status} lang={lang} />}
                    </td>,
                  ];
                })}
                {periods.map((b) => (
                  <td key={`p-${b}`} style={{ ...CELL, padding: 1, background: "#FFF2CC" }}>
                    <EntryInput id={id} block={b} label={`${ind.name} ${view.labelOf(b)}`} value={view.shownValue(view.entries[id]?.[b])} onType={view.onType} width={56} />
                  </td>
                ))}
                {periods.length > 0 && (
                  <PaceView
                    pace={view.pace(id)}
                    lang={lang}
                    id={id}
                    wrap={(inner, attrs, colour) => (
                      <td {...attrs} style={{ ...CELL, whiteSpace: "nowrap", color: colour, fontWeight: 600 }}>
                        {inner}
                      </td>
                    )}
                  />
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
