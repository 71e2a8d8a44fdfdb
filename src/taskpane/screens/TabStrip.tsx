/**
 * @file A row of tabs by the WAI-ARIA tabs pattern (one tab in the Tab order, arrow keys, Home and End move and
 * select), styled with Fluent's tokens. Fluent's TabList is not used: its focus sentinels are focusable elements
 * hidden from assistive technology (axe: aria-hidden-focus).
 */
import { useRef, type CSSProperties, type KeyboardEvent, type ReactNode } from "react";
import { tokens } from "@fluentui/react-components";

export interface TabItem {
  value: string;
  content: ReactNode;
  /** The accessible name when the content is short (an icon and a short label). */
  label?: string;
  title?: string;
  testId?: string;
}

/** The id of a tab's element, for its panel's aria-labelledby. */
export const tabId = (group: string, value: string) => `tab-${group}-${value}`.replace(/[^\w-]/g, "_");
/** The id of a tab's panel, for the tab's aria-controls. */
export const panelId = (group: string) => `panel-${group}`.replace(/[^\w-]/g, "_");

export function TabStrip(props: { group: string; items: TabItem[]; selected: string; onSelect: (value: string) => void; label: string; testId?: string; style?: CSSProperties; tabStyle?: CSSProperties }) {
  const { items, selected, group } = props;
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const go = (k: number) => {
    const i = (k + items.length) % items.length;
    refs.current[i]?.focus();
    props.onSelect(items[i]!.value);
  };
  const onKey = (e: KeyboardEvent, k: number) => {
    const to = { ArrowRight: k + 1, ArrowLeft: k - 1, Home: 0, End: items.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    go(to);
  };
  return (
    <div role="tablist" aria-label={props.label} data-testid={props.testId} style={{ display: "flex", flexWrap: "wrap", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, ...props.style }}>
      {items.map((it, k) => {
        const on = it.value === selected;
        return (
          <button
            key={it.value}
            ref={(el) => {
              refs.current[k] = el;
            }}
            type="button"
            role="tab"
            id={tabId(group, it.value)}
            aria-selected={on}
            aria-controls={panelId(group)}
            aria-label={it.label}
            title={it.title}
            tabIndex={on ? 0 : -1}
            data-testid={it.testId}
            onClick={() => props.onSelect(it.value)}
            onKeyDown={(e) => onKey(e, k)}
            style={{
              font: "inherit",
              fontSize: tokens.fontSizeBase200,
              lineHeight: tokens.lineHeightBase200,
              fontWeight: on ? tokens.fontWeightSemibold : tokens.fontWeightRegular,
              color: on ? tokens.colorNeutralForeground1 : tokens.colorNeutralForeground2,
              background: "transparent",
              border: "none",
              borderBottom: `3px solid ${on ? tokens.colorCompoundBrandStroke : "transparent"}`,
              padding: "4px 6px 3px",
              cursor: "pointer",
              minWidth: 0,
              ...props.tabStyle,
            }}
          >
            {it.content}
          </button>
        );
      })}
    </div>
  );
}
