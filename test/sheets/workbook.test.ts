import { TASK_STATUS_LABELS } from "../../src/evaluate/taskStatus";
import { REPORT_SHEET } from "../../src/sheets/reportSheet";
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWorkbookPlan, SUMMARY_SHEET } from "../../src/sheets/workbook";
import { SheetPlan } from "../../src/sheets/plan";
import { applyEntries, parseEntriesCsv } from "../../src/sheets/entries";
import { writeWorkbookFile } from "../../src/hosts/xlsx/files";
import { readEntriesFile } from "../../src/hosts/xlsx/files";
import { parsePastedTable } from "../../src/parse/document";
import { STATUS_VOCABULARY } from "../../src/evaluate/vocabulary";
import { seedCatalog, seedIndicators } from "../helpers/seedCatalog";
import { readExisting, snapshotOfPlan } from "../../src/sheets/existing";
import { refreshWorkbook } from "../../src/sheets/merge";

const plan = buildWorkbookPlan(seedCatalog().catalog, { asOf: "22/11/2026" });

describe("the monitoring workbook plan of the seeds", () => {
  test("validates against its schema", () => {
    expect(() => SheetPlan.parse(plan)).not.toThrow();
  });

  test("has the summary first, then one sheet per appendix, the two GRDP scenarios on one", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([
      SUMMARY_SHEET,
      REPORT_SHEET,
      "KG-CT06-2025 I",
      "KG-NQ29-2030 II.2",
      "KG-KH5N-2021-2025 BB",
      "TV-QD77-2025 II",
      "TV-QD77-2025 III",
      "TV-QD77-2025 IV",
      "KG-KH5N-2021-2025 NV",
      "TV-QD77-2025 NV I",
      "Danh mục cơ quan",
      "_IM",
    ]);
    expect(plan.sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual(["_IM"]);
    expect(plan.names.map((n) => n.name)).toEqual(["IM_KHONG_SO_LIEU", "IM_DAT", "IM_KHONG_DAT", "IM_MA", "IM_NHAN", "IM_DANH_GIA", "IM_NV_TT", "IM_NV_MA", "IM_NV_NHAN"]);
  });

  test("every indicator has a row, the base and high scenario rows sharing one", () => {
    const rows = plan.sheets.filter((s) => s.kind !== "tasks").reduce((n, s) => n + Object.keys(s.rowOf).length, 0);
    expect(rows).toBe(seedIndicators().length - 13);
    // And every task has one on its task sheet.
    expect(plan.sheets.filter((s) => s.kind === "tasks").reduce((n, s) => n + Object.keys(s.rowOf).length, 0)).toBe(78 + 81);
  });

  test("every sheet has a title, a legend with every status, and an A4 landscape print setup: one page wide, or across pages at a fixed scale with its code and name repeated", () => {
    // The year-end report prints as reports are printed: A4 portrait, one page wide, its header row repeated.
    const report = plan.sheets.find((s) => s.kind === "report")!;
    expect(report.print).toMatchObject({ orientation: "portrait", paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
    expect(report.print.titleRows).toMatch(/^\d+:\d+$/);
    for (const sheet of plan.sheets.filter((s) => !s.hidden && s.kind !== "report" && s.kind !== "directory")) {
      expect(String(sheet.rows[0]![1]!.value)).toMatch(/\p{Lu}{4}/u);
      const legend = sheet.rows[3]!.map((c) => c.value).filter(Boolean);
      // A task sheet's legend has the task statuses (and no "Lỗi nhập liệu", which is red wherever it is).
      const statuses = sheet.kind === "tasks" ? Object.entries(TASK_STATUS_LABELS).filter(([k]) => k !== "invalid").map(([, v]) => v) : Object.values(STATUS_VOCABULARY);
      for (const s of statuses) expect(legend).toContain(`${s.symbol} ${s.vi}`);
      expect(sheet.print).toMatchObject({ orientation: "landscape", paperSize: 9 });
      const width = sheet.columns.filter((c) => !c.hidden).reduce((n, c) => n + c.width, 0);
      if (width > 200) expect(sheet.print).toMatchObject({ scale: 65, titleColumns: sheet.kind === "scenario" ? "B:C" : "B:D" });
      else expect(sheet.print).toMatchObject({ fitToWidth: 1, fitToHeight: 0 });
      if (sheet.kind !== "summary") expect(sheet.print.titleRows).toMatch(/^\d+:\d+$/);
      expect(sheet.print.footer).toContain("&P/&N");
    }
  });

  test("legend cells are wide and tall enough for their text (9-point text, about 0,8 column units per character, 11 points per line)", () => {
    for (const sheet of plan.sheets.filter((s) => !s.hidden)) {
      const lines = Math.floor((sheet.heights["4"] ?? 15) / 11);
      sheet.rows[3]!.forEach((cell, c) => {
        if (!cell.style?.startsWith("legend.") || typeof cell.value !== "string") return;
        const width = sheet.columns[c]!.width;
        const needed = cell.value.split(" ").reduce((acc, word) => {
          const last = acc[acc.length - 1]!;
          if ((last + " " + word).trim().length * 0.8 <= width) acc[acc.length - 1] = `${last} ${word}`.trim();
          else acc.push(word);
          return acc;
        }, [""]).length;
        if (needed > lines) throw new Error(`${sheet.name} ${cell.value}: ${needed} lines in a ${width}-wide cell ${sheet.heights["4"] ?? 15} pt high`);
      });
    }
  });

  test("the five-year table has a plan, an actual and a status per year and a whole-period judgement", () => {
    const bb = plan.sheets.find((s) => s.name === "KG-KH5N-2021-2025 BB")!;
    const keys = bb.columns.map((c) => c.key);
    for (const y of ["2021", "2022", "2023", "2024", "2025"]) expect(keys).toEqual(expect.arrayContaining([`plan:${y}`, `actual:${y}`, `status:${y}`]));
    expect(keys).toEqual(expect.arrayContaining(["actual:period", "status:period", "gap:period"]));
    expect(bb.columns.find((c) => c.key === "actual:2021")!.input).toBe(true);
    expect(bb.columns.find((c) => c.key === "actual:period")!.input).toBeFalsy();
  });

  test("a packed row takes its status from its parts", () => {
    const ii = plan.sheets.find((s) => s.name === "TV-QD77-2025 II")!;
    const parent = seedIndicators().find((i) => i.plan === "TV-QD77-2025" && i.appendix === "II" && i.code === "1")!;
    const codeCol = ii.columns.findIndex((c) => c.key.endsWith(":code"));
    const f = ii.rows[ii.rowOf[parent.id]! - 1]![codeCol]!.formula!;
    expect(f).toContain("COUNTIF(");
    expect(f).toContain(`${ii.rowOf[parent.id]! + 1}:`);
  });

  test("status colours are conditional formats keyed on the status code, one rule per status", () => {
    const iv = plan.sheets.find((s) => s.name === "TV-QD77-2025 IV")!;
    const statusRules = iv.conditional.filter((r) => r.style.startsWith("cf.") && r.range.startsWith(iv.print.area[0] ?? "") === false);
    expect(new Set(iv.conditional.map((r) => r.style))).toEqual(new Set(Object.keys(STATUS_VOCABULARY).map((s) => `cf.${s}`)));
    expect(statusRules.length).toBeGreaterThan(6);
  });

  test("input cells carry a Vietnamese prompt and a warning, never a hard stop", () => {
    const iv = plan.sheets.find((s) => s.name === "TV-QD77-2025 IV")!;
    expect(iv.validations.length).toBeGreaterThan(0);
    const list = iv.validations.find((v) => v.kind === "list")!;
    expect(list.list).toEqual(["Đạt", "Không đạt"]);
    expect(iv.validations.every((v) => v.error.text.includes("Tiếp tục?"))).toBe(true);
  });
});

describe("the workbook file", () => {
  const dir = mkdtempSync(join(tmpdir(), "im-wb-"));

  test("document text is written as literal text, never as a formula", async () => {
    const pasted = parsePastedTable('TT\tChỉ tiêu\tĐơn vị\tKH năm 2026\n1\t=HYPERLINK("http://x","bấm")\t%\t+5\n2\t@SUM(A1)\t-\t-3\n');
    expect(pasted.ok).toBe(true);
    if (!pasted.ok) return;
    const p = buildWorkbookPlan({ plans: [pasted.plan] }, { asOf: "01/01/2026" });
    const file = join(dir, "literal.xlsx");
    await writeWorkbookFile(p, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(p.sheets.find((s) => s.kind === "indicators")!.name)!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => {
      if (typeof c.value === "string" && /^[=+@-]/.test(c.value)) {
        expect(c.formula).toBeUndefined();
        expect(c.type).toBe(ExcelJS.ValueType.String);
        texts.push(c.value);
      }
    }));
    expect(texts).toEqual(expect.arrayContaining(['=HYPERLINK("http://x","bấm")', "@SUM(A1)", "+5"]));
  });

  test("each appendix sheet holds one named Excel table over its header and rows", async () => {
    const file = join(dir, "tables.xlsx");
    await writeWorkbookFile(plan, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const tables = wb.worksheets.flatMap((ws) =>
      (ws as unknown as { getTables: () => { table: { name: string; tableRef?: string; ref?: string } }[] }).getTables().map((t) => [ws.name, t.table.name]),
    );
    expect(tables).toEqual(plan.sheets.filter((s) => s.table).map((s) => [s.name, s.table!.name]));
    expect(tables).toHaveLength(8);
  });

  test("entries put in by id and by name come back by id", async () => {
    const csv = seedIndicators()
      .filter((i) => i.plan === "TV-QD77-2025" && i.appendix === "IV" && i.level === 0)
      .slice(0, 5)
      .map((i, k) => `${i.id};2025;${["2,5", "abc", "95,1%", "", "1.800"][k]}`)
      .join("\n");
    const filled = applyEntries(buildWorkbookPlan(seedCatalog().catalog, { asOf: "22/11/2026" }), parseEntriesCsv(`id;period;value\n${csv}\nTỷ lệ huy động trẻ mẫu giáo;;90\n`).rows);
    expect(filled.applied).toBe(5);
    // The blank value is reported, not written.
    expect(filled.unmatched.map((u) => [u.line, u.why.en])).toEqual([[5, "the value is blank: nothing is written (the cell stays as it is)"]]);
    const file = join(dir, "entries.xlsx");
    await writeWorkbookFile(filled.plan, file);
    const back = await readEntriesFile(file);
    const ids = seedIndicators().filter((i) => i.plan === "TV-QD77-2025" && i.appendix === "IV" && i.level === 0).map((i) => i.id);
    // Figures come back as the numbers they were written as (evaluate/typedEntry.ts); text as typed.
    expect(back.actuals[ids[0]!]).toEqual({ "2025": 2.5 });
    expect(back.actuals[ids[1]!]).toEqual({ "2025": "abc" });
    expect(back.actuals[ids[2]!]).toEqual({ "2025": "95,1%" });
    expect(back.actuals[ids[3]!]).toBeUndefined();
    expect(back.actuals[ids[4]!]).toEqual({ "2025": "1.800" });
    const kindergarten = seedIndicators().find((i) => i.name === "Tỷ lệ huy động trẻ mẫu giáo")!;
    expect(back.actuals[kindergarten.id]).toEqual({ "2025": 90 });
  });

  test("entries that match nothing, or several, are reported with their line", () => {
    const r = applyEntries(buildWorkbookPlan(seedCatalog().catalog, { asOf: "22/11/2026" }), parseEntriesCsv("id,period,value\nKhông có chỉ tiêu này,2025,1\nTốc độ tăng,2025,5\nTỷ lệ che phủ rừng,2030,11\n").rows);
    expect(r.applied).toBe(0);
    expect(r.unmatched.map((u) => [u.line, u.why.en.split(":")[0]])).toEqual([
      [2, "no indicator has this id or name"],
      [3, "the name matches 2 indicators"],
      [4, "the period “2030” is not in the table (periods"],
    ]);
  });
});

describe("choosing appendices", () => {
  it("builds only the chosen appendices; the GRDP scenario pair comes with either half", () => {
    const names = (appendices: string[]) => buildWorkbookPlan(seedCatalog().catalog, { asOf: "31/12/2025", plans: ["TV-QD77-2025"], appendices }).sheets.filter((s) => s.kind !== "lists" && s.kind !== "report" && s.kind !== "directory").map((s) => s.name);
    expect(names(["TV-QD77-2025.IV"])).toEqual(["Tổng hợp", "TV-QD77-2025 IV"]);
    expect(names(["TV-QD77-2025.IIIb", "TV-QD77-2025.II"])).toEqual(["Tổng hợp", "TV-QD77-2025 II", "TV-QD77-2025 III"]);
  });

  it("a refresh updates the appendices the workbook has and adds none unless its plan is named", () => {
    const catalog = seedCatalog().catalog;
    const existing = readExisting(snapshotOfPlan(buildWorkbookPlan(catalog, { asOf: "31/12/2025", plans: ["TV-QD77-2025"], appendices: ["TV-QD77-2025.IV"] }).sheets));
    const options = { asOf: "31/12/2025", tolerance: 0.05, now: "22/11/2026 10:00" };
    const same = refreshWorkbook(catalog, existing, options);
    expect(same.changes).toEqual([]);
    expect(same.plan.sheets.filter((s) => s.kind === "indicators" || s.kind === "scenario").map((s) => s.name)).toEqual(["TV-QD77-2025 IV"]);
    const named = refreshWorkbook(catalog, existing, { ...options, plans: ["TV-QD77-2025"] });
    expect(new Set(named.changes.map((c) => `${c.kind} ${c.sheet}`))).toEqual(new Set(["added TV-QD77-2025 II", "added TV-QD77-2025 III", "summary Tổng hợp"]));
  });
});
