import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import ExcelJS from "exceljs";
import { readEntriesFile } from "../../src/hosts/xlsx/files";
import { appendix, row } from "../helpers/seedCatalog";

/**
 * The task pane in a real browser outside Excel (preview mode), as a person without Excel would try it:
 * headless Chromium from Debian, the Office.js CDN request answered by a stub, the production build served
 * on loopback.
 */
const ROOT = resolve(__dirname, "../..");
const OUT = join(ROOT, "out");
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".xml": "application/xml" };

let dist = "";
let server: Server;
let base = "";
let browser: Browser;

beforeAll(async () => {
  if (!CHROMIUM) throw new Error("Chromium is not installed: apt-get install -y --no-install-recommends chromium");
  // IM_PANE_DIST: a production build made already (to run this file again without building).
  dist = process.env.IM_PANE_DIST ?? mkdtempSync(join(tmpdir(), "im-dist-"));
  if (!process.env.IM_PANE_DIST) execFileSync(process.execPath, [join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--output-path", dist], { cwd: ROOT, stdio: "pipe" });
  server = createServer((req, res) => {
    const path = join(dist, decodeURIComponent((req.url ?? "/").split("?")[0]!));
    if (!path.startsWith(dist) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(readFileSync(path));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  mkdirSync(OUT, { recursive: true });
}, 400_000); // a production build takes minutes on a busy two-core machine

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function openPane(page: Page): Promise<void> {
  // Not inside Office: the CDN's Office.js is answered by a stub that defines nothing.
  await page.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: "/* Office.js stub: outside Office */" }));
  await page.goto(`${base}/taskpane.html`);
  await page.waitForSelector('body[data-ready="preview"]', { timeout: 20_000 });
}

async function typeInto(page: Page, id: string, value: string): Promise<void> {
  const input = page.locator(`[id="input-${id}-2025"]`);
  await input.fill(value);
  await input.press("Enter");
}

describe("the task pane in preview mode (headless Chromium)", () => {
  test("loads Trà Vinh appendix IV, judges typed actuals, speaks English on request, downloads the workbook", async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await openPane(page);
    await page.getByText("Chế độ xem thử").waitFor();

    // Load only the Trà Vinh plan, without its appendix II.
    for (const id of ["KG-CT06-2025", "KG-NQ29-2030", "KG-KH5N-2021-2025"]) await page.getByTestId(`plan-${id}`).uncheck();
    await page.getByTestId("appendix-TV-QD77-2025.II").uncheck();
    await page.getByTestId("load").click();
    const notice = page.getByTestId("notice");
    await notice.waitFor();
    const withoutII = 126 - appendix("TV-QD77-2025", "II").length;
    // Tổng hợp, Báo cáo năm, III (IIIa+IIIb), IV, the task sheet of Phụ lục I and the directory of agencies.
    expect(await notice.innerText()).toContain(`Đã tạo 6 trang với ${withoutII} chỉ tiêu. Trong đó có 78 nhiệm vụ ở các trang nhiệm vụ.`);
    await page.getByTestId("sheet-TV-QD77-2025 IV").click();

    const debt = row("TV-QD77-2025", "IV", "1").id; // < 3
    const retail = row("TV-QD77-2025", "IV", "7").id; // 5,19
    const innovation = row("TV-QD77-2025", "IV", "8").id; // rank 35 đến 40
    const industry = row("TV-QD77-2025", "IV", "6").id; // 9,77; phấn đấu 14,43
    await typeInto(page, debt, "2,5");
    await typeInto(page, retail, "4");
    await typeInto(page, innovation, "abc");
    await typeInto(page, industry, "15");

    const status = (id: string) => page.locator(`[data-testid="status-${id}-2025"] [data-status]`).getAttribute("data-status");
    expect(await status(debt)).toBe("met");
    expect(await status(retail)).toBe("shortfall");
    expect(await status(innovation)).toBe("invalid");
    expect(await status(industry)).toBe("exceeded");
    expect(await page.locator(`[data-testid="status-${retail}-2025"]`).innerText()).toContain("✗ Không đạt");
    await page.screenshot({ path: join(OUT, "taskpane-preview.png"), fullPage: false });

    // The check list: shortfalls and bad entries, grouped by agency, with what was expected.
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    const problems = page.getByTestId("problem");
    await expect(problems.filter({ hasText: "Chỉ số đổi mới sáng tạo" }).innerText()).resolves.toContain("“abc” không phải là số");
    await expect(problems.filter({ hasText: "Tốc độ tăng tổng mức bán lẻ" }).innerText()).resolves.toContain("thiếu 1,19 điểm %");
    await expect(page.getByTestId("count-invalid").innerText()).resolves.toContain(": 1");
    // A click on a problem shows its cell (in the preview: focuses its input).
    await problems.filter({ hasText: "Chỉ số đổi mới sáng tạo" }).getByRole("link").click();
    await expect(page.evaluate(() => document.activeElement?.id ?? "")).resolves.toBe(`input-${innovation}-2025`);

    // English, remembered across a reload.
    await page.getByTestId("language").click();
    await page.getByRole("tab", { name: "Check" }).click();
    await expect(problems.filter({ hasText: "Chỉ số đổi mới sáng tạo" }).innerText()).resolves.toContain("“abc” is not a number");
    await page.screenshot({ path: join(OUT, "taskpane-english.png") });

    // Download the workbook and read it back with the file host.
    await page.getByRole("tab", { name: "Print report" }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
    const file = join(mkdtempSync(join(tmpdir(), "im-dl-")), "download.xlsx");
    await download.saveAs(file);
    const entries = await readEntriesFile(file);
    // The preview host now stores a typed number as a number (as Excel does), text as text.
    expect(entries.actuals[debt]).toEqual({ "2025": 2.5 });
    expect(entries.actuals[innovation]).toEqual({ "2025": "abc" });
    expect(entries.actuals[industry]).toEqual({ "2025": 15 });

    // Refresh with the same documents: nothing to change, the typed actuals stay, the lock is a remembered toggle.
    await page.getByTestId("tab-refresh").click();
    await page.getByTestId("refresh-preview").click();
    await expect(page.getByTestId("notice").innerText()).resolves.toContain("No changes.");
    await expect(page.getByTestId("refresh-apply").isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId("protect").isChecked()).resolves.toBe(true);
    await page.getByTestId("protect").click();
    await page.screenshot({ path: join(OUT, "taskpane-refresh.png") });
    await page.getByRole("tab", { name: "Check" }).click();
    await expect(page.getByTestId("count-invalid").innerText()).resolves.toContain(": 1");

    await page.reload();
    await page.waitForSelector('body[data-ready="preview"]');
    await page.getByTestId("tab-refresh").click();
    await expect(page.getByTestId("protect").isChecked()).resolves.toBe(false);
    await page.getByText("Preview mode").waitFor();
    await context.close();
  }, 120_000);

  test("imports a pasted appendix table: shows how each row was read, takes corrections, writes and judges it", async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
    const page = await context.newPage();
    await openPane(page);
    const table = readFileSync(join(ROOT, "test/fixtures/reordered-2026.tsv"), "utf8");
    await page.getByTestId("paste-text").fill(table);
    await page.getByTestId("paste-code").fill("QD-12");
    await page.getByTestId("paste-read").click();
    const reading = page.getByTestId("reading");
    await reading.waitFor();
    const readAs = (name: string) => reading.locator("tr", { hasText: name }).getByTestId("read-as").innerText();
    await expect(readAs("Tỷ lệ bao phủ bảo hiểm y tế")).resolves.toBe("Tối thiểu ≥ 95,1");
    await expect(readAs("Chỉ số đổi mới sáng tạo")).resolves.toBe("Thứ hạng 35 – 40");
    await expect(readAs("Tỷ lệ hộ nghèo")).resolves.toBe("Giảm −0,5 điểm");

    // Correct one target and one direction before writing.
    const target = page.getByRole("textbox", { name: "Chỉ tiêu KH: Tỷ lệ bao phủ bảo hiểm y tế" });
    await target.fill("≥ 96");
    await target.press("Enter");
    await expect(readAs("Tỷ lệ bao phủ bảo hiểm y tế")).resolves.toBe("Tối thiểu ≥ 96");
    await page.getByRole("combobox", { name: "Hướng: Tổng vốn đầu tư toàn xã hội" }).selectOption("band");
    await page.screenshot({ path: join(OUT, "taskpane-paste.png") });

    await page.getByTestId("paste-write").click();
    await expect(page.getByTestId("notice").innerText()).resolves.toContain("Đã tạo");
    await page.getByTestId("sheet-QD-12 2").click(); // the table says "PHỤ LỤC 2"
    const rowOf = page.locator("[data-testid=preview-table] tr", { hasText: "Tỷ lệ bao phủ bảo hiểm y tế" });
    await expect(rowOf.innerText()).resolves.toContain("≥ 96");
    const input = rowOf.locator("input");
    await input.fill("95,5");
    await input.press("Enter");
    await expect(rowOf.locator("[data-status]").getAttribute("data-status")).resolves.toBe("near");

    // The plan is revised: the same table pasted again with a higher target and a row dropped. Writing keeps
    // the sheet; the refresh tab shows the changes first, then applies them without losing the typed actual.
    const revised = table.replace("≥ 95,1", "≥ 97").split("\n").filter((l) => !l.includes("Thu ngân sách")).join("\n");
    await page.getByRole("tab", { name: "Nạp chỉ tiêu" }).click();
    await page.getByTestId("paste-text").fill(revised);
    await page.getByTestId("paste-read").click();
    await page.getByTestId("paste-write").click();
    await expect(page.getByTestId("notice").innerText()).resolves.toContain("Cập nhật chỉ tiêu");
    await page.getByTestId("tab-refresh").click();
    await page.getByTestId("refresh-preview").click();
    const changes = page.getByTestId("changes");
    await expect(changes.innerText()).resolves.toMatch(/Sửa chỉ tiêu: ≥ 96 → ≥ 97/);
    await expect(changes.innerText()).resolves.toContain("Thu ngân sách nhà nước trên địa bàn — Không còn trong kế hoạch");
    await page.getByTestId("refresh-apply").click();
    await expect(page.getByTestId("notice").innerText()).resolves.toContain("Đã cập nhật 2 thay đổi");
    await page.getByTestId("sheet-QD-12 2").click();
    await expect(rowOf.locator("input").inputValue()).resolves.toBe("95,5");
    await expect(rowOf.innerText()).resolves.toContain("≥ 97");
    await expect(rowOf.locator("[data-status]").getAttribute("data-status")).resolves.toBe("near");
    await context.close();
  }, 120_000);

  test("says what is wrong with a paste that is not an appendix table", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openPane(page);
    await page.getByTestId("paste-text").fill("Kính gửi các sở, ngành\nđề nghị báo cáo trước ngày 15/12");
    await page.getByTestId("paste-read").click();
    const notice = page.getByTestId("notice");
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/tiêu đề|header/i);
    await expect(page.getByTestId("reading").count()).resolves.toBe(0);
    await context.close();
  }, 60_000);

  test("task appendices: loaded with their plan, overdue tasks listed by lead agency, a state chosen in the preview judged at once", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    await openPane(page);
    for (const id of ["KG-CT06-2025", "KG-NQ29-2030", "TV-QD77-2025"]) await page.getByTestId(`plan-${id}`).uncheck();
    await expect(page.getByText("Nhiệm vụ: phụ lục NV (81)").count()).resolves.toBe(1);
    await page.getByTestId("load").click();
    await page.getByTestId("notice").waitFor();
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    const tasks = page.getByTestId("task-problems");
    await tasks.waitFor();
    // Today is past every 2021 deadline of the Kiên Giang plan: its dated tasks are overdue.
    await expect(page.getByTestId("task-counts").innerText()).resolves.toMatch(/^81 nhiệm vụ: 29 quá hạn/);
    const promotion = page.getByTestId("task-problem").filter({ hasText: "Chương trình xúc tiến đầu tư giai đoạn 2021-2025" });
    await expect(promotion.innerText()).resolves.toContain("✗ Quá hạn");
    await expect(tasks.innerText()).resolves.toContain("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch");
    // The link shows the task's state cell; choosing "Không thực hiện" there takes it off the list.
    await promotion.getByRole("link").click();
    const select = page.locator("select:focus");
    await expect(select.count()).resolves.toBe(1);
    await select.selectOption("Không thực hiện");
    await expect(page.getByTestId("task-counts").innerText()).resolves.toMatch(/^81 nhiệm vụ: 28 quá hạn/);
    await expect(page.getByTestId("task-problem").filter({ hasText: "Chương trình xúc tiến đầu tư giai đoạn 2021-2025" }).count()).resolves.toBe(0);
    const layout = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(layout.scroll).toBeLessThanOrEqual(layout.client);
    await page.screenshot({ path: join(OUT, "taskpane-320-tasks.png"), fullPage: false });
    await context.close();
  }, 90_000);

  test("a report table without a target column: the pane says so and reads the column the user picks", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    await openPane(page);
    const table = ["Stt\tChỉ tiêu chủ yếu\tƯớc TH năm 2021", "1\tGRDP bình quân đầu người (USD/người)\t>2.300", "2\tBác sỹ/vạn dân\t13-14"].join("\n");
    await page.getByTestId("paste-text").fill(table);
    await page.getByTestId("paste-read").click();
    const notice = page.getByTestId("notice");
    await notice.waitFor();
    expect(await notice.innerText()).toContain("không có cột chỉ tiêu kế hoạch");
    await expect(page.getByTestId("reading").count()).resolves.toBe(0);
    const offer = page.getByTestId("target-columns").getByRole("button", { name: "Đọc cột “Ước TH năm 2021” làm chỉ tiêu" });
    await offer.click();
    const reading = page.getByTestId("reading");
    await reading.waitFor();
    await expect(reading.locator("tbody tr").count()).resolves.toBe(2);
    await expect(reading.locator('tbody tr[data-kind="range"]').count()).resolves.toBe(1);
    await context.close();
  }, 60_000);

  test("the reporting cycle at 320 px: a monthly calendar chosen at load, who has reported, one form per agency, a returned form collected", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await openPane(page);
    for (const id of ["KG-CT06-2025", "KG-NQ29-2030", "KG-KH5N-2021-2025"]) await page.getByTestId(`plan-${id}`).uncheck();
    await page.getByTestId("calendar").selectOption("month");
    await page.getByTestId("load").click();
    await page.getByTestId("notice").waitFor();
    await page.getByTestId("tab-cycle").click();
    // The 2025 plan followed after its year: every month has begun; December is the latest period.
    const finance = page.getByTestId("reporting-Sở Tài chính");
    await expect(finance.innerText()).resolves.toMatch(/0\/3\s+✗ Chưa nộp — quá hạn/);
    await page.getByTestId("split").click();
    await expect(page.getByTestId("notice").innerText()).resolves.toMatch(/Đã tạo \d+ phiếu báo cáo\./);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("form-So-Tai-chinh_2025-T12.xlsx").click()]);
    const dir = mkdtempSync(join(tmpdir(), "im-cycle-pane-"));
    const form = join(dir, download.suggestedFilename());
    await download.saveAs(form);
    expect(download.suggestedFilename()).toBe("So-Tai-chinh_2025-T12.xlsx");
    // Sở Tài chính fills December for its first indicator and saves; a file that is no form comes along.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(form);
    const ws = wb.worksheets.find((w) => w.getRow(5).values && (w.getRow(5).values as unknown[]).includes("actual:2025-T12"))!;
    const keys = ws.getRow(5).values as unknown[];
    const first = ws.getRow(8);
    first.getCell(keys.indexOf("actual:2025-T12")).value = 14.5;
    const id = String(first.getCell(keys.indexOf("id")).value);
    wb.modified = new Date();
    const filled = join(dir, "tai-chinh-da-dien.xlsx");
    await wb.xlsx.writeFile(filled);
    const stranger = join(dir, "khong-phai-phieu.xlsx");
    const other = new ExcelJS.Workbook();
    other.addWorksheet("Sheet1").getCell("A1").value = "số liệu";
    await other.xlsx.writeFile(stranger);
    await page.getByTestId("collect-files").setInputFiles([filled, stranger]);
    const collected = page.getByTestId("collected");
    await collected.waitFor();
    await expect(page.getByTestId("collect-edit").innerText()).resolves.toContain("14,5 ← tai-chinh-da-dien.xlsx");
    await expect(page.getByTestId("collect-refused").innerText()).resolves.toContain("khong-phai-phieu.xlsx: không phải phiếu báo cáo");
    const layout = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(layout.scroll).toBeLessThanOrEqual(layout.client);
    await page.getByTestId("cycle").screenshot({ path: join(OUT, "taskpane-320-cycle.png") });
    await page.getByTestId("collect-apply").click();
    await expect(page.getByTestId("notice").innerText()).resolves.toContain("Đã đưa 1 số liệu vào workbook");
    await page.getByTestId("sheet-TV-QD77-2025 IV").click();
    await expect(page.locator(`[id="input-${id}-2025-T12"]`).inputValue()).resolves.toBe("14,5");
    await expect(page.getByTestId(`pace-${id}`).getAttribute("data-pace")).resolves.not.toBe("no_data");
    await expect(finance.innerText()).resolves.toMatch(/1\/3/);
    await context.close();
  }, 120_000);

  describe.each([320, 350])("at Excel's task-pane width, %i px", (width) => {
    /** Whether the page scrolls sideways, and each tab's box against the viewport. */
    const layout = (page: Page) =>
      page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        tabs: Array.from(document.querySelectorAll('[data-testid="tabs"] [role="tab"]')).map((el) => {
          const r = el.getBoundingClientRect();
          const label = el.textContent ?? "";
          const clipped = Array.from(el.querySelectorAll("*")).some((c) => c.scrollWidth > c.clientWidth + 1 && getComputedStyle(c).overflow !== "visible");
          return { label, left: r.left, right: r.right, top: r.top, bottom: r.bottom, clipped };
        }),
      }));

    test("no horizontal scrolling, every tab whole and visible, the result of a load in view with its sheets listed", async () => {
      const context = await browser.newContext({ viewport: { width, height: 700 }, acceptDownloads: true });
      const page = await context.newPage();
      await openPane(page);
      for (const lang of ["vi", "en"]) {
        const before = await layout(page);
        expect(before.scrollWidth).toBeLessThanOrEqual(before.clientWidth);
        expect(before.tabs).toHaveLength(5);
        // One row of tabs: the pane's width is for the screen, not for a second row of them.
        expect(new Set(before.tabs.map((t) => Math.round(t.top))).size).toBe(1);
        for (const tab of before.tabs) {
          expect(tab.left).toBeGreaterThanOrEqual(0);
          expect(tab.right).toBeLessThanOrEqual(width);
          expect(tab.bottom).toBeLessThanOrEqual(700);
          expect(tab.clipped).toBe(false);
        }
        if (lang === "vi") await page.getByTestId("language").click();
      }
      await page.getByTestId("language").click(); // back to Vietnamese
      // Every screen fits too.
      for (const key of ["check", "refresh", "cycle", "print", "load"]) {
        await page.getByTestId(`tab-${key}`).click();
        const l = await layout(page);
        expect(l.scrollWidth).toBeLessThanOrEqual(l.clientWidth);
      }
      await page.screenshot({ path: join(OUT, `taskpane-${width}.png`), fullPage: false });

      // Load: the result shows where the user looks (beside the button), with a link to each sheet written.
      await page.getByTestId("load").click();
      const notice = page.getByTestId("notice");
      await notice.waitFor();
      const box = (await notice.boundingBox())!;
      expect(box.y).toBeLessThan(700);
      expect(box.y + Math.min(box.height, 60)).toBeLessThan(700);
      await expect(page.getByTestId("loaded-sheets").locator("li").count()).resolves.toBeGreaterThanOrEqual(6);
      await page.getByTestId("open-TV-QD77-2025 IV").click();
      await expect(page.locator('[data-testid="sheet-TV-QD77-2025 IV"]').getAttribute("aria-selected")).resolves.toBe("true");
      const after = await layout(page);
      expect(after.scrollWidth).toBeLessThanOrEqual(after.clientWidth);
      await page.screenshot({ path: join(OUT, `taskpane-${width}-loaded.png`), fullPage: false });

      // The print tab opens with the year-end report's sentence, live, with a copy button.
      await page.getByTestId("tab-print").click();
      await expect(page.getByTestId("report-sentence").innerText()).resolves.toMatch(/^Năm 2025, tổng số \d+ chỉ tiêu: chưa có chỉ tiêu nào đủ số liệu để đánh giá; \d+ chỉ tiêu chưa có số liệu(; \d+ chỉ tiêu chưa đến hạn đánh giá)?\.$/);
      await expect(page.getByTestId("copy-sentence").isVisible()).resolves.toBe(true);
      const printed = await layout(page);
      expect(printed.scrollWidth).toBeLessThanOrEqual(printed.clientWidth);

      // The download is reachable from the top, whatever the tab.
      await page.getByTestId("tab-check").click();
      await expect(page.getByTestId("check-counts").innerText()).resolves.toMatch(/^\d+ chỉ tiêu; \d+ ô nhập số thực hiện/);
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-top").click()]);
      expect(download.suggestedFilename()).toBe("theo-doi-chi-tieu.xlsx");
      await context.close();
    }, 120_000);
  });
});
