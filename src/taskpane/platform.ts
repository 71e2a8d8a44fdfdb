import { Storage } from "@microsoft/office-js-helpers";

/**
 * The one module that uses @microsoft/office-js-helpers (archived since 2021), so that it can be replaced in
 * one commit: which host the pane runs in, and the pane's stored preferences.
 */
export type Platform = "excel" | "preview";

/**
 * Inside Office, Office.onReady resolves once Office.js has initialised, however long Excel takes to start; in a
 * plain browser Office.js resolves it at once with no host ("Office.onReady … host: null" outside Office,
 * [Initialize your Office Add-in]). Where the CDN's Office.js did not load at all (offline preview), there is no
 * Office to wait for. No timer: a slow Excel start must not drop the pane into preview mode.
 */
export async function detectPlatform(office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office): Promise<Platform> {
  if (typeof office?.onReady !== "function") return "preview";
  try {
    const info = await office.onReady();
    return info?.host === (office.HostType?.Excel ?? "Excel") ? "excel" : "preview";
  } catch {
    return "preview";
  }
}

/** What detectPlatform needs of the Office global. */
export interface OfficeLike {
  onReady?: () => Promise<{ host: unknown } | undefined>;
  HostType?: { Excel: unknown };
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
