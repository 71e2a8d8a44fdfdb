/**
 * @file The preview's answer to "show this sheet" (a link in a notice) and "show this cell" (a problem in the
 * check tab): the sheet becomes the current one, then the view moves to its table, or to the cell's input,
 * which takes the focus — once per request, whatever sheet the user had chosen in between.
 */
import { useEffect, useState } from "react";
import type { Shown } from "../usePane";

/** Runs `then` once the element is in the page (a few frames at most: the sheet may only now be rendering). */
function whenThere(id: string, then: (el: HTMLElement) => void, tries = 20): void {
  const el = document.getElementById(id);
  if (el) return then(el);
  if (tries > 0) requestAnimationFrame(() => whenThere(id, then, tries - 1));
}

/** The current sheet of a preview section (of `names`), following the pane's requests. */
export function useShown(shown: Shown | null, names: string[], section: string): [string, (name: string) => void] {
  const [current, setCurrent] = useState(names[0] ?? "");
  const mine = !!shown && names.includes(shown.name);
  useEffect(() => {
    if (!shown || !mine) return;
    setCurrent(shown.name);
    if (shown.focus)
      whenThere(shown.focus, (el) => {
        el.scrollIntoView({ block: "center" });
        el.focus({ preventScroll: true });
      });
    else whenThere(section, (el) => el.scrollIntoView({ block: "start" }));
    // Once per request (seq), not on every render.
  }, [shown?.seq, mine]);
  return [names.includes(current) ? current : (names[0] ?? ""), setCurrent];
}

/** True while the pane is narrower than `px` (Excel's task pane: 320 to 350 px unless widened). */
export function useNarrow(px: number): boolean {
  const query = `(max-width: ${px}px)`;
  const [narrow, setNarrow] = useState(() => typeof matchMedia === "function" && matchMedia(query).matches);
  useEffect(() => {
    if (typeof matchMedia !== "function") return;
    const m = matchMedia(query);
    const on = () => setNarrow(m.matches);
    on();
    m.addEventListener("change", on);
    return () => m.removeEventListener("change", on);
  }, [query]);
  return narrow;
}
