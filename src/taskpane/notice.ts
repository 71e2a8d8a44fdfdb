/**
 * @file What a notice of the pane is: a result or an error, kept as message keys and parameters (or both
 * languages' texts) and put into words when it is shown, so that it follows the language chosen after it came; the
 * place it belongs to (next to the action that produced it) and the tab that place is on.
 */
import type { Lang } from "../i18n/messages";
import { t, type UiKey } from "./strings";

/** A text of the pane: a key of strings.ts with its parameters, or a text given in both languages (a message of the engine). */
export type Said = { key: UiKey; params?: Record<string, string | number> } | { vi: string; en: string };

/** Where a notice is shown: beside the action that produced it. "top" is shown on every tab (the download at the top). */
export type Slot = "top" | "load" | "paste-read" | "paste-write" | "refresh" | "split" | "collect" | "print";

/** The tab each place is on (null: every tab). */
export const SLOT_TAB: Record<Slot, string | null> = {
  top: null,
  load: "load",
  "paste-read": "load",
  "paste-write": "load",
  refresh: "refresh",
  split: "cycle",
  collect: "cycle",
  print: "print",
};

export interface Notice {
  kind: "success" | "info" | "warning" | "error";
  at: Slot;
  title: Said;
  lines: Said[];
  /** Lines behind a "details" disclosure (technical details, the notes of a refresh). */
  details?: Said[];
  /** Sheets the action wrote, each a link to it. */
  sheets?: string[];
  /** Sheets it wrote that this host cannot show (the preview's summary, report …): named, not linked. */
  elsewhere?: string[];
  /** Told apart from the notice before it: the view moves to a new notice once. */
  seq: number;
}

export function say(lang: Lang, s: Said): string {
  return "key" in s ? t(lang, s.key, s.params) : s[lang];
}

/** The same text in both languages (a file name, an error of the browser). */
export const same = (text: string): Said => ({ vi: text, en: text });

/** Lets the browser paint (the spinner) before heavy synchronous work: one frame, then a macrotask. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      resolve();
    };
    // A hidden page runs no frames: the timer lets the work go on all the same.
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(go, 0));
    setTimeout(go, 100);
  });
}
