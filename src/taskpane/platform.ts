import { HostType, Storage, Utilities } from "@microsoft/office-js-helpers";

/**
 * The one module that uses @microsoft/office-js-helpers (archived since 2021), so that it can be replaced in
 * one commit: which host the pane runs in, and the pane's stored preferences.
 */
export type Platform = "excel" | "preview";

export async function detectPlatform(timeoutMs = 2500): Promise<Platform> {
  // Outside Office, Office.initialize may never be called: do not wait for it forever.
  await Promise.race([Utilities.initialize().catch(() => undefined), new Promise((r) => setTimeout(r, timeoutMs))]);
  try {
    return Utilities.isAddin && Utilities.host === HostType.EXCEL ? "excel" : "preview";
  } catch {
    return "preview";
  }
}

const store = (() => {
  try {
    return new Storage<string>("theo-doi-chi-tieu");
  } catch {
    return null; // storage blocked (private mode): preferences last for the session only
  }
})();

export function preference(key: string): string | null {
  try {
    return store?.get(key) ?? null;
  } catch {
    return null;
  }
}

export function setPreference(key: string, value: string): void {
  try {
    store?.set(key, value);
  } catch {
    /* not remembered; the pane still works */
  }
}
