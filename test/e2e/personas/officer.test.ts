/**
 * @file Persona: an agency officer (Bảo hiểm xã hội tỉnh) reports ten months of her indicators, in the pane's
 * preview at Excel's width (320 px, Chromium) and in the agency's returned form. What she must meet: every figure
 * she typed stored as a number (in the download and in the master the form is collected into), the row's pace
 * ("Tiến độ") beside her figures, within the pane, the one bad entry flagged "Lỗi nhập liệu" with what is wrong,
 * and LibreOffice giving each row the verdict the pane gave — never "Lỗi nhập liệu" for figures typed as
 * numbers. Screenshots go to out/persona-officer/.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { main } from "../../../src/cli/workbook";
import { runCli } from "../../helpers/cli";
import { startPane, scrollsSideways, type PaneServer } from "../../helpers/pane";
import { cellOf, outDir, recalculated, shown, squeeze } from "../../helpers/personas";
import { row } from "../../helpers/seedCatalog";

const TV = "TV-QD77-2025";
const AGENCY = "Bảo hiểm xã hội tỉnh";
const AS_OF = "15/11/2025";
const MONTHS = ["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09", "T10"];
/** Social insurance coverage (target 30,8 %): ten months as she types them, the latest above the target. */
const insured = { id: row(TV, "IV", "21").id, sheet: `${TV} IV`, typed: ["28,1", "28,4", "28,9", "29", "29,3", "29,8", "30,2", "30,5", "30,9", "31,2"] };
/** Unemployment insurance (target 26,0 %): ten months, the latest well below. */
const unemployed = { id: row(TV, "IV", "22").id, sheet: `${TV} IV`, typed: ["20", "20,4", "20,8", "21", "21,3", "21,6", "21,9", "22", "22,2", "22,5"] };
/** Health insurance coverage: September's figure, then October typed as words — the bad entry. */
const health = { id: row(TV, "II", "14").id, sheet: `${TV} II`, typed: { T09: "92,8", T10: "khoảng 93" } };
const number = (s: string) => Number(s.replace(",", "."));

const OUT = outDir("officer");
let pane: PaneServer;
const dir = mkdtempSync(join(tmpdir(), "im-persona-officer-"));

beforeAll(async () => {
  pane = await startPane();
}, 400_000); // a production build takes minutes on a busy two-core machine

afterAll(async () => {
  await pane?.close();
});

async function typeMonth(page: Page, id: string, month: string, value: string): Promise<void> {
  const input = page.locator(`[id="input-${id}-2025-${month}"]`);
  await input.fill(value);
  await input.press("Enter");
}

/** The card of a row, scrolled into view: its text, its box, the boxes of its month inputs and of its pace. */
async function look(page: Page, id: string) {
  const card = page.locator(`[data-testid="sheet-card"][data-id="${id}"]`);
  await card.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const inputs = await card.locator('input[id*="-2025-T"]').evaluateAll((els) =>
    els.filter((e) => (e as HTMLInputElement).value !== "").map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  );
  const pace = page.getByTestId(`pace-${id}`);
  return { card, text: squeeze(await card.innerText()), box: (await card.boundingBox())!, inputs, paceBox: (await pace.boundingBox())!, pace: await pace.getAttribute("data-pace"), paceText: squeeze(await pace.innerText()) };
}

describe("an agency officer reports ten months, in the pane at 320 px and in her agency's form", () => {
  /** What the pane showed for each row's pace ("✓ Đúng tiến độ"), to compare with LibreOffice. */
  const paneSaid = new Map<string, string>();
  let downloaded = "";
  let collected = "";

  test("in the pane: the monthly calendar chosen at load, ten months typed, each row's pace beside its figures within 320 px; the bad entry flagged with its message", async () => {
    const { context, page } = await pane.open(320, 700, true);
    for (const id of ["KG-CT06-2025", "KG-NQ29-2030", "KG-KH5N-2021-2025"]) await page.getByTestId(`plan-${id}`).uncheck();
    await page.getByRole("combobox", { name: /Kỳ báo cáo/ }).selectOption({ label: "Hàng tháng" });
    await page.getByTestId("load").click();
    await page.getByTestId("notice").waitFor();

    await page.getByTestId(`sheet-${insured.sheet}`).click();
    for (const r of [insured, unemployed]) for (const [k, v] of r.typed.entries()) await typeMonth(page, r.id, MONTHS[k]!, v);
    // What she typed is what she sees (a figure, not a reformatted or emptied cell).
    for (const r of [insured, unemployed]) for (const [k, v] of r.typed.entries()) await expect(page.locator(`[id="input-${r.id}-2025-${MONTHS[k]}"]`).inputValue()).resolves.toBe(v);

    const seen = { insured: await look(page, insured.id), unemployed: await look(page, unemployed.id) };
    expect([seen.insured.pace, seen.unemployed.pace]).toEqual(["on_track", "behind"]);
    await page.screenshot({ path: join(OUT, "pane-320-iv.png") });
    for (const [name, s] of Object.entries(seen)) {
      expect([name, s.inputs.length]).toEqual([name, 10]);
      // The figures and the pace side by side in one card, the card whole in the pane: nothing to the right of 320 px.
      for (const b of [...s.inputs, { left: s.paceBox.x, right: s.paceBox.x + s.paceBox.width, top: s.paceBox.y, bottom: s.paceBox.y + s.paceBox.height }]) {
        expect([name, b.left >= 0, b.right <= 320]).toEqual([name, true, true]);
        expect([name, b.top >= s.box.y, b.bottom <= s.box.y + s.box.height]).toEqual([name, true, true]);
      }
      expect([name, s.box.y >= 0, s.box.y + s.box.height <= 700]).toEqual([name, true, true]);
      expect(s.paceText).toMatch(/^Tiến độ: /);
      paneSaid.set(name === "insured" ? insured.id : unemployed.id, s.paceText.replace(/^Tiến độ: /, ""));
    }
    expect(seen.insured.paceText).toBe("Tiến độ: ✓ Đúng tiến độ");
    expect(seen.unemployed.paceText).toBe("Tiến độ: ✗ Chậm tiến độ");
    expect(await scrollsSideways(page)).toBe(false);

    // Appendix II: September's figure, then words for October.
    await page.getByTestId(`sheet-${health.sheet}`).click();
    for (const [m, v] of Object.entries(health.typed)) await typeMonth(page, health.id, m, v);
    const bad = await look(page, health.id);
    expect(bad.pace).toBe("invalid");
    expect(bad.paceText).toBe("Tiến độ: ! Lỗi nhập liệu");
    // The message is on the card, where she looks at 320 px (a tooltip needs a mouse she may not have).
    expect(bad.text).toContain("Tháng 10: “khoảng 93” không phải là số");
    expect([bad.paceBox.x >= 0, bad.paceBox.x + bad.paceBox.width <= 320]).toEqual([true, true]);
    paneSaid.set(health.id, bad.paceText.replace(/^Tiến độ: /, ""));
    await bad.card.screenshot({ path: join(OUT, "pane-320-bad-entry.png") });
    await page.screenshot({ path: join(OUT, "pane-320-ii.png") });
    expect(await scrollsSideways(page)).toBe(false);

    // She downloads the workbook.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-top").click()]);
    downloaded = join(dir, "tai-ve.xlsx");
    await download.saveAs(downloaded);
    await context.close();
  }, 180_000);

  test("in her agency's form: the months typed as staff do (numbers, and figures that arrive as text), a bad text entry; collected into the master", async () => {
    const master = join(dir, "tong-hop.xlsx");
    const built = await runCli(main, ["--out", master, "--plans", TV, "--periods", "thang", "--as-of", AS_OF]);
    expect(built.code).toBe(0);
    const forms = join(dir, "phieu");
    const split = await runCli(main, ["--in", master, "--split-by-agency", "--agency", AGENCY, "--out", forms, "--as-of", AS_OF]);
    expect([split.code, split.err]).toEqual([0, ""]);
    const form = /→ (\S+\.xlsx)/.exec(split.out)![1]!;

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(form);
    // The month cells she types into take a number as a number (a cell formatted as text would keep "28,1" as text).
    for (const m of MONTHS) expect([m, cellOf(wb, insured.id, `actual:2025-${m}`).numFmt ?? ""]).not.toEqual([m, "@"]);
    // Social insurance typed in Excel: numbers. Unemployment pasted from a report: the same figures, as text.
    insured.typed.forEach((v, k) => (cellOf(wb, insured.id, `actual:2025-${MONTHS[k]}`).value = number(v)));
    unemployed.typed.forEach((v, k) => (cellOf(wb, unemployed.id, `actual:2025-${MONTHS[k]}`).value = v));
    cellOf(wb, health.id, "actual:2025-T09").value = number(health.typed.T09);
    cellOf(wb, health.id, "actual:2025-T10").value = health.typed.T10;
    wb.modified = new Date("2025-11-18T03:00:00Z");
    const filled = join(dir, "bhxh-da-dien.xlsx");
    await wb.xlsx.writeFile(filled);

    collected = join(dir, "tong-hop-da-thu.xlsx");
    const collect = await runCli(main, ["--in", master, "--collect", filled, "--out", collected, "--as-of", AS_OF]);
    expect([collect.code, collect.err]).toEqual([0, ""]);
  }, 120_000);

  test("the figures are numbers in both files, the words stay words; LibreOffice gives each row the pace the pane showed", async () => {
    expect(downloaded).not.toBe("");
    expect(collected).not.toBe("");
    const files = { downloaded: new ExcelJS.Workbook(), collected: new ExcelJS.Workbook() };
    await files.downloaded.xlsx.readFile(downloaded);
    await files.collected.xlsx.readFile(collected);
    for (const [name, wb] of Object.entries(files)) {
      for (const r of [insured, unemployed]) r.typed.forEach((v, k) => expect([name, r.id, MONTHS[k], cellOf(wb, r.id, `actual:2025-${MONTHS[k]}`).value]).toEqual([name, r.id, MONTHS[k], number(v)]));
      expect([name, cellOf(wb, health.id, "actual:2025-T09").value]).toEqual([name, 92.8]);
      expect([name, cellOf(wb, health.id, "actual:2025-T10").value]).toEqual([name, "khoảng 93"]);
    }
    // One LibreOffice run recalculates both: the download and the master the form was collected into.
    const [down, master] = await recalculated([downloaded, collected]);
    for (const [name, wb] of [["downloaded", down!], ["collected", master!]] as const) {
      for (const id of [insured.id, unemployed.id, health.id]) expect([name, id, shown(cellOf(wb, id, "pace"))]).toEqual([name, id, paneSaid.get(id)]);
      for (const id of [insured.id, unemployed.id]) expect([name, id, shown(cellOf(wb, id, "pace"))]).not.toEqual([name, id, "! Lỗi nhập liệu"]);
    }
  }, 240_000);
});
