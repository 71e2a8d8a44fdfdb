import { detectPlatform } from "../../src/taskpane/platform";

/** Start-up: the pane waits for Office.onReady inside Office, however slow, and never times out into preview. */
describe("detectPlatform", () => {
  test("a slow Excel start (onReady after 10 s) still gives the Excel host", async () => {
    jest.useFakeTimers();
    try {
      const office = { onReady: () => new Promise<{ host: string }>((r) => setTimeout(() => r({ host: "Excel" }), 10_000)), HostType: { Excel: "Excel" } };
      let result: string | null = null;
      void detectPlatform(office).then((p) => (result = p));
      await jest.advanceTimersByTimeAsync(5_000);
      expect(result).toBeNull(); // still waiting: no timer decided for it
      await jest.advanceTimersByTimeAsync(5_000);
      expect(result).toBe("excel");
    } finally {
      jest.useRealTimers();
    }
  });

  test("outside Office: onReady with no host, a failing onReady, or no Office.js at all give the preview", async () => {
    expect(await detectPlatform({ onReady: async () => ({ host: null }), HostType: { Excel: "Excel" } })).toBe("preview");
    expect(await detectPlatform({ onReady: async () => Promise.reject(new Error("blocked")) })).toBe("preview");
    expect(await detectPlatform(undefined)).toBe("preview");
    expect(await detectPlatform({ onReady: async () => ({ host: "Word" }), HostType: { Excel: "Excel" } })).toBe("preview");
  });
});
