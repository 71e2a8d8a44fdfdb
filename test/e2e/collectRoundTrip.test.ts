import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbookPlan, nowVi } from "../../src/sheets/workbook";
import { readEntriesFile, readFormFile, snapshotOfWorkbookFile, writeFileRefresh, writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { readExisting, entriesOf } from "../../src/sheets/existing";
import { refreshWorkbook } from "../../src/sheets/merge";
import { splitMaster, type AgencyForm } from "../../src/sheets/forms";
import { collectForms, type Collected } from "../../src/sheets/collect";
import type { Catalog } from "../../src/model";
import type { Entries } from "../../src/sheets/indicatorSheet";
import { seedCatalog, seedIndicators } from "../helpers/seedCatalog";
import { convert, recalculatedSheetCsv } from "../helpers/libreoffice";
import { set, type Edit } from "../helpers/formEdits";
import { editedCatalog } from "../helpers/refresh";
import { runCli } from "../helpers/cli";
import { main } from "../../src/cli/workbook";
import { reportingRows } from "../../src/sheets/reportingSheet";
import { LATE_NONE, LATE_PREFIX, REPORTING_BLOCK_HEADER } from "../../src/sheets/summaryReporting";
import type { SheetPlan } from "../../src/sheets/plan";

/**
 * The reporting cycle on the seed plans, end to end through real files: a master with a monthly calendar is split
 * into one form per agency; forms are filled as staff do (values typed, one saved by LibreOffice, one with a
 * target typed over, a row deleted, a sheet renamed and a cell cleared, one sent twice, two agencies giving one
 * shared indicator different values, one form of another master, one of an older plan); the forms are collected;
 * every typed value reaches its indicator, nothing else changes, every anomaly is reported; a second collect
 * changes nothing; LibreOffice recalculates the master's reporting sheet.
 */
const AS_OF = "15/11/2025";
const T11 = "actual:2025-T11";
const T10 = "actual:2025-T10";

async function build(catalog: Catalog, dir: string, id: string, entries?: Entries): Promise<string> {
  const file = join(dir, `master-${id}.xlsx`);
  const plan = buildWorkbookPlan(catalog, { asOf: AS_OF, calendar: "month", protect: true, entries, identity: { kind: "master", master: id, versions: {}, calendar: "month", reportDay: 20 } });
  await writeWorkbookFile(plan, file);
  return file;
}

async function split(catalog: Catalog, master: string, dir: string): Promise<(AgencyForm & { path: string })[]> {
  const existing = readExisting(await snapshotOfWorkbookFile(master));
  const refresh = refreshWorkbook(catalog, existing, { asOf: AS_OF, tolerance: 0.05, now: "03/11/2025 08:00" });
  const result = splitMaster(catalog, existing, refresh, { now: "03/11/2025 08:00", masterFile: "master.xlsx" });
  expect(result.error).toBeUndefined();
  const out: (AgencyForm & { path: string })[] = [];
  for (const f of result.forms) {
    const path = join(dir, f.file);
    await writeWorkbookFile(f.plan, path);
    out.push({ ...f, path });
  }
  return out;
}

/** Opens a form, applies staff's edits, saves it as Excel would (the save time is the date filled). */
async function fill(path: string, out: string, saved: string, ...edits: Edit[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  for (const e of edits) e(wb);
  wb.modified = new Date(saved);
  await wb.xlsx.writeFile(out);
  return out;
}


function idsOf(form: AgencyForm): string[] {
  return form.plan.sheets.filter((s) => s.kind === "indicators").flatMap((s) => Object.keys(s.rowOf));
}

jest.setTimeout(180_000);

describe("the reporting cycle: split, fill, collect (seed plans, real files, LibreOffice)", () => {
  const { catalog } = seedCatalog();
  const dir = mkdtempSync(join(tmpdir(), "im-cycle-"));
  let master: string;
  let forms: (AgencyForm & { path: string })[];
  const byAgency = (a: string) => forms.find((f) => f.agency === a)!;
  let before: Entries;
  let collected: Collected;
  let typed: { id: string; key: string; value: number | string }[];
  let returned: string[];
  let shared: { id: string; a: string; b: string };
  let replacedId: string;
  let clearedId: string;
  let statId: string;
  let out: string;
  let masterPlan: SheetPlan;

  beforeAll(async () => {
    master = await build(catalog, dir, "11111111-aaaa-4bbb-8ccc-000000000001");
    forms = await split(catalog, master, dir);
    // One indicator two agencies report: its row is in both forms.
    const owners = new Map<string, string[]>();
    for (const f of forms) for (const id of idsOf(f)) owners.set(id, [...(owners.get(id) ?? []), f.agency]);
    const [sharedId, agencies] = [...owners.entries()].find(([, a]) => a.length === 2 && !a.includes("Sở Tài chính") && !a.includes("Cục Thống kê tỉnh"))!;
    shared = { id: sharedId, a: agencies[0]!, b: agencies[1]! };
    replacedId = idsOf(byAgency("Sở Tài chính"))[0]!;
    clearedId = idsOf(byAgency("Sở Y tế"))[2]!;
    // Values in the master (as if typed by the planning department): one a form will replace, one a form clears.
    const entries: Entries = { actuals: { [replacedId]: { "2025-T10": 11 }, [clearedId]: { "2025-T09": 50 } }, notes: {}, baselines: {} };
    master = await build(catalog, dir, "11111111-aaaa-4bbb-8ccc-000000000001", entries);
    forms = await split(catalog, master, dir);
    before = entriesOf(readExisting(await snapshotOfWorkbookFile(master)));
    expect(before.actuals[replacedId]).toEqual({ "2025-T10": 11 });

    const finance = idsOf(byAgency("Sở Tài chính"));
    const health = idsOf(byAgency("Sở Y tế"));
    const financeTask = Object.keys(byAgency("Sở Tài chính").plan.sheets.find((s) => s.kind === "tasks")!.rowOf)[0]!;
    const packed = new Set(seedIndicators().filter((i) => i.target.kind === "composite").map((i) => i.id));
    const stats = idsOf(byAgency("Cục Thống kê tỉnh")).filter((id) => !packed.has(id) && !owners.get(id)!.includes(shared.a) && !owners.get(id)!.includes(shared.b));
    statId = stats[0]!;
    typed = [
      { id: finance[0]!, key: T10, value: 12.5 }, // replaces the master's 11
      { id: finance[1]!, key: T11, value: 14.2 },
      { id: finance[2]!, key: "note", value: "Số liệu ước tính của Sở Tài chính" },
      { id: financeTask, key: "actual:state", value: "Đã hoàn thành" }, // a task the agency leads
      { id: health[0]!, key: T11, value: 95.4 },
      { id: health[1]!, key: T11, value: 30.6 },
      { id: health[3]!, key: T11, value: "khoảng 30" }, // words: kept as typed, flagged in the master
      { id: statId, key: T11, value: 7.1 },
    ];
    const financeFile = await fill(byAgency("Sở Tài chính").path, join(dir, "tc-filled.xlsx"), "2025-11-18T03:00:00Z", ...typed.slice(0, 4).map((t) => set(t.id, t.key, t.value)));
    // Sent twice: the same file under another name.
    const financeAgain = join(dir, "So-Tai-chinh (1).xlsx");
    copyFileSync(financeFile, financeAgain);
    // Sở Y tế fills it, then it is opened and saved in LibreOffice.
    const healthExcel = await fill(byAgency("Sở Y tế").path, join(dir, "yt-excel.xlsx"), "2025-11-19T03:00:00Z", ...typed.slice(4, 7).map((t) => set(t.id, t.key, t.value)), set(clearedId, "actual:2025-T09", null));
    const healthLo = convert(healthExcel, "xlsx", mkdtempSync(join(tmpdir(), "im-cycle-lo-")));
    // Cục Thống kê: a value, a target typed over, a row deleted, a sheet renamed, a cell cleared.
    const statForm = byAgency("Cục Thống kê tỉnh");
    const statSheet = statForm.plan.sheets.find((s) => s.kind === "indicators" && s.rowOf[statId])!;
    const deletedId = Object.keys(statSheet.rowOf).find((id) => id !== statId && !owners.get(id)!.includes(shared.a) && !owners.get(id)!.includes(shared.b))!;
    const statFile = await fill(
      statForm.path,
      join(dir, "ct-filled.xlsx"),
      "2025-11-25T03:00:00Z",
      set(statId, T11, 7.1),
      set(statId, "target", "≥ 5"),
      (wb) => {
        const ws = wb.getWorksheet(statSheet.name)!;
        ws.spliceRows(statSheet.rowOf[deletedId]!, 1);
        ws.name = "Chỉ tiêu của Cục";
      },
    );
    // The shared indicator: two agencies, two values.
    const sharedA = await fill(byAgency(shared.a).path, join(dir, "shared-a.xlsx"), "2025-11-17T03:00:00Z", set(shared.id, T11, 3));
    const sharedB = await fill(byAgency(shared.b).path, join(dir, "shared-b.xlsx"), "2025-11-17T04:00:00Z", set(shared.id, T11, 4));
    // Another master's form.
    const otherDir = mkdtempSync(join(tmpdir(), "im-cycle-other-"));
    const other = await build(catalog, otherDir, "22222222-aaaa-4bbb-8ccc-000000000002");
    const otherForms = await split(catalog, other, otherDir);
    const stranger = await fill(otherForms.find((f) => f.agency === "Sở Tài chính")!.path, join(dir, "khac.xlsx"), "2025-11-18T03:00:00Z", set(finance[1]!, T11, 99));
    returned = [financeFile, financeAgain, healthLo, statFile, sharedA, sharedB, stranger];
    const read = await Promise.all(returned.map((f) => readFormFile(f)));
    collected = collectForms(readExisting(await snapshotOfWorkbookFile(master)), read, nowVi());
    out = join(dir, "master-after.xlsx");
    const refresh = refreshWorkbook(catalog, readExisting(await snapshotOfWorkbookFile(master)), { asOf: AS_OF, tolerance: 0.05, now: nowVi(), collected });
    await writeFileRefresh(master, out, refresh);
    masterPlan = refresh.plan;
  }, 300_000);

  it("brings every typed value to its indicator, the value it replaces listed with the master's old one", () => {
    const got = collected.edits.map((e) => ({ id: e.id, key: e.key, value: e.value })).sort((a, b) => (a.id + a.key).localeCompare(b.id + b.key));
    const want = typed.map((t) => ({ id: t.id, key: t.key, value: t.value })).sort((a, b) => (a.id + a.key).localeCompare(b.id + b.key));
    expect(got).toEqual(want);
    const replaced = collected.edits.filter((e) => e.before !== null);
    expect(replaced.map((e) => [e.id, e.before, e.value])).toEqual([[replacedId, 11, 12.5]]);
  });

  it("writes them into the master file and changes nothing else; the backup keeps the replaced value", async () => {
    const after = await readEntriesFile(out);
    const expected: Entries = JSON.parse(JSON.stringify(before));
    for (const t of typed) {
      if (t.key === "note") expected.notes[t.id] = String(t.value);
      else (expected.actuals[t.id] ??= {})[t.key.slice(7)] = t.value;
    }
    expect(after.actuals).toEqual(expected.actuals);
    expect(after.notes).toEqual(expected.notes);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const backup = wb.getWorksheet("_IM_SAOLUU")!;
    const rows = backup.getSheetValues().filter(Array.isArray) as unknown[][];
    expect(rows.some((r) => r.includes(replacedId) && r.includes(11))).toBe(true);
    const log = wb.getWorksheet("Nhật ký thay đổi")!;
    const logText = (log.getSheetValues().filter(Array.isArray) as unknown[][]).map((r) => r.join(" | ")).join("\n");
    expect(logText).toContain("Số liệu từ phiếu");
    expect(logText).toMatch(/tc-filled\.xlsx/);
  });

  it("reports every anomaly with the form's file and cell, and applies none of them", () => {
    const notes = collected.anomalies.map((a) => `${a.form} ${a.sheet}!${a.cell} ${a.vi}`);
    const has = (form: string, text: RegExp) => expect(notes.some((n) => n.startsWith(form) && text.test(n))).toBe(true);
    has("ct-filled.xlsx", /ô “chỉ tiêu” bị sửa trong phiếu \(“.*” → “≥ 5”\): workbook tổng hợp giữ nguyên/);
    has("ct-filled.xlsx", /!A\d+ dòng “.*” đã bị xoá trong phiếu: workbook tổng hợp giữ nguyên dòng/);
    has("ct-filled.xlsx", /đã được đổi tên thành “Chỉ tiêu của Cục”/);
    has("So-Tai-chinh (1).xlsx", /được nộp hai lần, cùng với tc-filled\.xlsx/);
    has("yt-excel.xlsx", /ô “50” đã bị xoá trong phiếu: workbook tổng hợp giữ giá trị cũ/);
    expect(collected.anomalies.find((a) => /bị sửa trong phiếu/.test(a.vi))!.cell).toMatch(/^[A-Z]+\d+$/);
    // The conflicting values: both reported, neither applied.
    expect(collected.conflicts).toHaveLength(1);
    expect(collected.conflicts[0]!.values.map((v) => [v.form, v.value])).toEqual([["shared-a.xlsx", 3], ["shared-b.xlsx", 4]]);
    expect(collected.edits.some((e) => e.id === shared.id)).toBe(false);
    // The form of another master: refused whole.
    expect(collected.refused.map((r) => [r.form, r.vi.slice(0, 45)])).toEqual([["khac.xlsx", "phiếu được tách từ một workbook tổng hợp khác"]]);
  });

  it("records each form received once, with the date it was filled", () => {
    const by = (agency: string) => collected.receipts.filter((r) => r.agency === agency);
    expect(by("Sở Tài chính")).toHaveLength(1);
    expect(by("Sở Tài chính")[0]!.period).toBe("2025-T11");
    expect(by("Sở Y tế")).toHaveLength(1);
    expect(by("Cục Thống kê tỉnh")[0]!.filled).toBeGreaterThan(by("Sở Tài chính")[0]!.filled!);
  });

  it("changes nothing when the same forms are collected again", async () => {
    const again = collectForms(readExisting(await snapshotOfWorkbookFile(out)), await Promise.all(returned.map((f) => readFormFile(f))), nowVi());
    expect(again.edits).toEqual([]);
    expect(again.receipts).toEqual([]);
    const cli = await runCli(main, ["--in", out, "--collect", ...returned, "--out", join(dir, "again.xlsx")]);
    expect(cli.code).toBe(0);
    expect(cli.out).toContain("Không có thay đổi / No changes");
    expect(readFileSync(join(dir, "again.xlsx")).equals(readFileSync(out))).toBe(true);
  });

  it("refuses a form split before the plan was revised", async () => {
    const revised = editedCatalog();
    // Only Trà Vinh's plan changes; the master is refreshed with the revision.
    const mixed: Catalog = { ...catalog, plans: catalog.plans.map((p) => revised.plans.find((r) => r.id === p.id) ?? p) };
    const existing = readExisting(await snapshotOfWorkbookFile(out));
    const refresh = refreshWorkbook(mixed, existing, { asOf: AS_OF, tolerance: 0.05, now: nowVi() });
    const revisedFile = join(dir, "master-revised.xlsx");
    await writeFileRefresh(out, revisedFile, refresh);
    const tv = forms.find((f) => f.plan.sheets.some((s) => s.name.startsWith("TV-QD77-2025")) && f.agency === "Sở Tài chính")!;
    const old = await fill(tv.path, join(dir, "tc-old.xlsx"), "2025-11-20T03:00:00Z", set(idsOf(tv)[1]!, T11, 15));
    const result = collectForms(readExisting(await snapshotOfWorkbookFile(revisedFile)), [await readFormFile(old)], nowVi());
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]!.vi).toMatch(/^phiếu được tách từ phiên bản cũ của kế hoạch TV-QD77-2025/);
    expect(result.edits).toEqual([]);
  });

  it("LibreOffice recalculates the reporting sheet: received counts, dates filled, on time and late", async () => {
    const rows = await recalculatedSheetCsv(out, "Tình hình báo cáo");
    const row = (agency: string) => rows.find((r) => r[0] === "2025-T11" && r[2] === agency)!;
    const finance = row("Sở Tài chính");
    expect(finance.slice(3, 6)).toEqual(["3", "1", "2"]); // 3 to report, one value for November (the T10 value and the note are not), 2 missing
    expect(finance[8]).toBe("✓ Đúng hạn");
    expect(row("Cục Thống kê tỉnh")[8]).toBe("◐ Trễ hạn"); // filled on the 25th
    expect(row("Sở Y tế")[4]).toBe("3"); // two numbers and the words: each counts as received
    // An agency that sent nothing, its report day (20/11) not past on 15/11.
    expect(rows.find((r) => r[0] === "2025-T11" && r[4] === "0")![8]).toBe("– Chưa đến hạn");
    // The words typed for November stay words, and the pace says so.
    const words = typed.find((t) => typeof t.value === "string" && t.key === T11)!;
    const sheetName = (await readExisting(await snapshotOfWorkbookFile(out))).sheets.find((s) => s.rows.some((r) => r.id === words.id))!.name;
    const sheetRows = await recalculatedSheetCsv(out, sheetName);
    const keys = sheetRows[4]!;
    const wordsRow = sheetRows.find((r) => r[0] === words.id)!;
    expect(wordsRow[keys.indexOf(T11)]).toBe("khoảng 30");
    expect(wordsRow[keys.indexOf("pace")]).toBe("! Lỗi nhập liệu");
    // The engine's reading of who has reported (the pane's) equals the recalculated sheet, line by line.
    const engine = reportingRows(masterPlan, await readEntriesFile(out), AS_OF);
    const sheetLines = rows.filter((r) => /^2025-T\d\d$/.test(r[0] ?? ""));
    expect(engine.map((e) => [e.period, e.agency, String(e.expected), String(e.received), e.code])).toEqual(sheetLines.map((r) => [r[0], r[2], r[3], r[4], r[9]]));
    // The summary counts every period's agencies by status as the engine does (the overdue and late first), and
    // names the overdue and late ones under each period.
    const summary = await recalculatedSheetCsv(out, "Tổng hợp");
    const heading = summary.findIndex((r) => r[1] === REPORTING_BLOCK_HEADER);
    expect(heading).toBeGreaterThan(0);
    for (const [period, label] of [["2025-T11", "Tháng 11/2025"], ["2025-T10", "Tháng 10/2025"]]) {
      const at = summary.findIndex((r, k) => k > heading && r[1] === label);
      const lines = engine.filter((e) => e.period === period);
      const by = (c: string) => lines.filter((e) => e.code === c).length;
      expect([label, summary[at]!.slice(2, 8).map(Number)]).toEqual([label, [lines.length, by("missing"), by("late"), by("on_time"), by("complete"), by("not_due")]]);
      const named = lines.filter((e) => e.code === "late" || e.code === "missing").map((e) => e.agency);
      expect(summary[at + 1]![1]).toBe(named.length ? `${LATE_PREFIX}${named.join("; ")}` : LATE_NONE);
    }
    const nov = engine.filter((e) => e.period === "2025-T11");
    expect(nov.filter((e) => e.code === "on_time" || e.code === "late").length).toBeGreaterThanOrEqual(3);
    // October's reports were due on 20/10: missing.
    expect(rows.find((r) => r[0] === "2025-T10" && r[2] === "Sở Y tế")![8]).toBe("✗ Chưa nộp — quá hạn");
  });
});
