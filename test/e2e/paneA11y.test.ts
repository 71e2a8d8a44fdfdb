/**
 * @file The task pane at Excel's width (320 px) as a person sees and hears it: results beside the action that
 * produced them (in view, focused, read out), the one counting rule, links that reach their sheets, notices in the
 * chosen language without hidden sheets, a typed figure beside its status, dates typed dd/mm/yyyy, and no axe
 * violation (WCAG 2.1 AA) on any tab, empty and loaded. Screenshots of each tab go to out/pane-*.png.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Locator, Page } from "playwright-core";
import { startPane, type PaneServer } from "../helpers/pane";
import { canonicalAgencies } from "../../src/sheets/agencyCells";
import { indicatorCount } from "../../src/model/counting";
import { appendix, row } from "../helpers/seedCatalog";

const ROOT = resolve(__dirname, "../..");
const OUT = join(ROOT, "out");
const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");
const TABS = ["load", "check", "refresh", "cycle", "print"];
const OTHERS = ["KG-CT06-2025", "KG-NQ29-2030", "KG-KH5N-2021-2025"];

let pane: PaneServer;

beforeAll(async () => {
  // IM_PANE_DIST: a production build made already (to run this file again without building).
  pane = await startPane();
  mkdirSync(OUT, { recursive: true });
}, 400_000);

afterAll(async () => {
  await pane?.close();
});

async function openPane(width = 320, height = 700): Promise<Page> {
  return (await pane.open(width, height)).page;
}

/** axe-core's WCAG 2.1 A and AA violations on the page, as "rule: targets". */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/** The element's box lies inside the viewport. */
async function inView(page: Page, el: Locator): Promise<boolean> {
  const box = await el.boundingBox();
  const vp = page.viewportSize()!;
  return !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width + 0.5 && box.y + Math.min(box.height, 120) <= vp.height + 0.5;
}

/** The text of the label of a checkbox (its test id is on the input). */
const labelOf = (page: Page, testId: string) => page.getByTestId(testId).evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? "");

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.closest("[data-testid]")?.getAttribute("data-testid") ?? "");

describe("the task pane at 320 px: where the user looks, and for assistive technology", () => {
  test("every tab passes axe empty and loaded; a load answers beside its button, focused and read out; counts by the one rule; notices follow the language", async () => {
    const page = await openPane();
    for (const key of TABS) {
      await page.getByTestId(`tab-${key}`).click();
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: join(OUT, `pane-empty-${key}.png`) });
    }
    await page.getByTestId("tab-load").click();
    // Trà Vinh's Phụ lục II prints 23 targets (14 of them packed rows): it counts 23, as the summary does.
    expect(indicatorCount(appendix("TV-QD77-2025", "II"))).toBe(23);
    await expect(labelOf(page, "appendix-TV-QD77-2025.II")).resolves.toBe("Phụ lục II (23)");
    // A plan without a number reads naturally.
    const kg = await labelOf(page, "plan-KG-CT06-2025");
    expect(kg).toMatch(/^Kiên Giang — KH-UBND chưa ghi số \(05\/2025\): Kế hoạch/);
    expect(kg).not.toContain("/KH-UBND");

    for (const id of OTHERS) await page.getByTestId(`plan-${id}`).uncheck();
    // The plan's total is what loading it writes: the two growth scenarios (IIIa, IIIb) share one sheet of 13.
    await expect(labelOf(page, "plan-TV-QD77-2025")).resolves.toContain("(87 chỉ tiêu)");
    await page.getByTestId("load").click();
    const notice = page.getByTestId("notice");
    await notice.waitFor();
    expect(await inView(page, notice)).toBe(true);
    expect(await focusedTestId(page)).toBe("notice");
    // Beside the button pressed: just below it.
    const button = (await page.getByTestId("load").boundingBox())!;
    const at = (await notice.boundingBox())!;
    expect(at.y - (button.y + button.height)).toBeGreaterThanOrEqual(0);
    expect(at.y - (button.y + button.height)).toBeLessThan(60);
    await expect(page.getByTestId("live").innerText()).resolves.toContain("Đã tạo 7 trang với 87 chỉ tiêu.");
    await page.screenshot({ path: join(OUT, "pane-load-result.png") });
    // The preview shows the appendix and task sheets; the summary and report are named, not offered as links.
    const links = await page.getByTestId("loaded-sheets").locator("li").allInnerTexts();
    expect(links).toEqual(expect.arrayContaining(["TV-QD77-2025 II", "TV-QD77-2025 IV"]));
    expect(links).not.toContain("Tổng hợp");
    await expect(page.getByTestId("elsewhere-sheets").innerText()).resolves.toContain("Tổng hợp, Báo cáo năm");
    for (const name of links) {
      await page.getByTestId(`open-${name}`).click();
      const tab = page.locator(`[data-testid="sheet-${name}"], [data-testid="tasks-sheet-${name}"]`);
      await expect(tab.getAttribute("aria-selected")).resolves.toBe("true");
    }

    // A second load of the same plan: the sheets kept are named, the hidden ones never.
    await page.getByTestId("load").click();
    await expect(notice.innerText()).resolves.toContain("Các trang đã có được giữ nguyên");
    expect(await notice.innerText()).not.toMatch(/_IM/);
    // English: the notice is said again in English; on another tab it is not shown.
    await page.getByTestId("language").click();
    await expect(notice.innerText()).resolves.toContain("Sheets already there were kept");
    await page.getByTestId("tab-check").click();
    await expect(page.getByTestId("notice").count()).resolves.toBe(0);
    await expect(page.getByTestId("check-counts").innerText()).resolves.toMatch(/^87 indicators;/);
    await page.getByTestId("language").click();
    await page.getByTestId("tab-load").click();
    await page.getByTestId("dismiss").click();
    await expect(page.getByTestId("notice").count()).resolves.toBe(0);

    // A typed figure and its status, side by side and both in view.
    const retail = row("TV-QD77-2025", "IV", "7").id;
    await page.getByTestId("sheet-TV-QD77-2025 IV").click();
    const input = page.locator(`[id="input-${retail}-2025"]`);
    await input.scrollIntoViewIfNeeded();
    await input.fill("4");
    await input.press("Enter");
    const status = page.getByTestId(`status-${retail}-2025`);
    await expect(status.locator("[data-status]").getAttribute("data-status")).resolves.toBe("shortfall");
    const [ib, sb] = [(await input.boundingBox())!, (await status.boundingBox())!];
    expect(await inView(page, input)).toBe(true);
    expect(await inView(page, status)).toBe(true);
    expect(sb.x).toBeGreaterThanOrEqual(ib.x + ib.width);
    expect(Math.abs(sb.y + sb.height / 2 - (ib.y + ib.height / 2))).toBeLessThan(ib.height);
    await page.screenshot({ path: join(OUT, "pane-typed.png") });

    for (const key of TABS) {
      await page.getByTestId(`tab-${key}`).click();
      expect(await axeViolations(page)).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(OUT, `pane-${key}.png`) });
    }
    await page.context().close();
  }, 240_000);

  test("check tab: a problem on another sheet shows its cell; agencies by their canonical names; a packed row counts once", async () => {
    const page = await openPane();
    for (const id of OTHERS) await page.getByTestId(`plan-${id}`).uncheck();
    await page.getByTestId("load").click();
    await page.getByTestId("notice").waitFor();
    const innovation = row("TV-QD77-2025", "IV", "8").id;
    await page.getByTestId("sheet-TV-QD77-2025 IV").click();
    const input = page.locator(`[id="input-${innovation}-2025"]`);
    await input.fill("abc");
    await input.press("Enter");
    // The user moves to another sheet, then follows the problem from the check tab.
    await page.getByTestId("sheet-TV-QD77-2025 II").click();
    await page.getByTestId("tab-check").click();
    await expect(page.getByTestId("check-counts").innerText()).resolves.toMatch(/^87 chỉ tiêu;/);
    await expect(page.getByTestId("count-invalid").innerText()).resolves.toContain(": 1");
    await page.getByTestId("problem").filter({ hasText: "Chỉ số đổi mới sáng tạo" }).getByRole("link").click();
    await expect(page.getByTestId("sheet-TV-QD77-2025 IV").getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.evaluate(() => document.activeElement?.id ?? "")).resolves.toBe(`input-${innovation}-2025`);
    expect(await inView(page, input)).toBe(true);
    // Every agency heading is a canonical name of the directory.
    await page.getByTestId("tab-check").click();
    const agencies = await page.getByTestId("problem-agency").evaluateAll((els) => els.map((e) => e.getAttribute("data-agency") ?? ""));
    expect(agencies.length).toBeGreaterThan(0);
    for (const a of agencies) expect(canonicalAgencies(a)).toEqual([a]);
    await page.context().close();
  }, 180_000);

  test("a table that cannot be read: the error beside 'Đọc bảng', in view and focused, in the pane's words", async () => {
    const page = await openPane();
    await page.getByTestId("paste-text").fill(["Stt\tChỉ tiêu chủ yếu\tƯớc TH năm 2021", "1\tBác sỹ/vạn dân\t13-14"].join("\n"));
    await page.getByTestId("paste-read").click();
    const notice = page.getByTestId("notice");
    await notice.waitFor();
    expect(await inView(page, notice)).toBe(true);
    expect(await focusedTestId(page)).toBe("notice");
    const text = await notice.innerText();
    expect(text).toContain("không có cột chỉ tiêu kế hoạch");
    expect(text).not.toMatch(/--|target-column/);
    await expect(page.getByTestId("live").innerText()).resolves.toContain("không có cột chỉ tiêu kế hoạch");
    await page.screenshot({ path: join(OUT, "pane-paste-error.png") });
    await page.context().close();
  }, 60_000);

  test("a task's completion date is typed dd/mm/yyyy: 31/12/2025 is taken, 12/31/2025 is refused with a clear message", async () => {
    const page = await openPane();
    for (const id of ["KG-CT06-2025", "KG-NQ29-2030", "TV-QD77-2025"]) await page.getByTestId(`plan-${id}`).uncheck();
    await page.getByTestId("load").click();
    await page.getByTestId("notice").waitFor();
    const card = page.getByTestId("preview-task-cards").locator("li").first();
    const id = (await card.getAttribute("data-id"))!;
    await card.locator("select").selectOption("Đã hoàn thành");
    const done = page.getByTestId(`done-${id}`);
    await expect(done.getAttribute("type")).resolves.toBe("text");
    await done.fill("12/31/2025");
    await done.press("Enter");
    await expect(page.getByTestId(`done-error-${id}`).innerText()).resolves.toContain("ví dụ 31/12/2025");
    await expect(done.getAttribute("aria-invalid")).resolves.toBe("true");
    await done.fill("31/12/2025");
    await done.press("Enter");
    await expect(page.getByTestId(`done-error-${id}`).count()).resolves.toBe(0);
    await expect(page.getByTestId(`task-status-${id}`).getAttribute("data-status")).resolves.toMatch(/^done/);
    await expect(done.inputValue()).resolves.toBe("31/12/2025");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(OUT, "pane-tasks.png") });
    await page.context().close();
  }, 90_000);
});
