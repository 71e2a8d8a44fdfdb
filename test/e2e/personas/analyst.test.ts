/**
 * @file Persona: an analyst of the planning department runs the monthly cycle on the seed plans with the command
 * line, on real files: a master with a monthly calendar and entries typed as staff write periods ("Tháng 1/2025",
 * "T2/2025", "Năm 2025"), forms split per agency, filled and collected; then the province revises Trà Vinh's plan
 * (a changed target, rows renumbered, a row dropped, a row added) and she refreshes the master, splits and collects
 * again, and finally takes the last collect back ("Khôi phục"). What she must meet: no entered value lost or moved
 * to another indicator (every entry compared by id before and after), every change reported, a form of the old
 * plan refused with its reason, and the restore putting back exactly the entries before the last collect.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../../src/cli/workbook";
import * as seedsFs from "../../../src/node/seeds-fs";
import { readEntriesFile } from "../../../src/hosts/xlsx/files";
import type { Entries } from "../../../src/sheets/indicatorSheet";
import { runCli } from "../../helpers/cli";
import { cellOf, shown } from "../../helpers/personas";
import { editedCatalog, editedIvRows, tvText, TV_FILE } from "../../helpers/refresh";
import { appendix, row, seedIndicators } from "../../helpers/seedCatalog";

const TV = "TV-QD77-2025";
const AS_OF = "15/11/2025";
const dir = mkdtempSync(join(tmpdir(), "im-persona-analyst-"));
const file = (name: string) => join(dir, name);
const iv = (code: string) => row(TV, "IV", code).id;

/**
 * The id an indicator has after the revision: a renumbered row's id follows its new number ("IV.23.5ffb7d" →
 * "IV.24.5ffb7d"), found by its name in the revised appendix (one row of that name and level); a row the revision
 * dropped keeps its id (its row stays, marked "Không còn trong kế hoạch"); other plans are unchanged.
 */
function revisedId(id: string): string {
  if (!id.startsWith(`${TV}.`)) return id;
  const old = seedIndicators().find((i) => i.id === id)!;
  const revised = editedCatalog().plans.find((p) => p.id === TV)!.appendices.flatMap((a) => a.indicators);
  const same = revised.filter((i) => i.id.split(".")[1] === id.split(".")[1] && i.name === old.name && i.level === old.level);
  if (same.length > 1) throw new Error(`${id}: ${same.length} rows named “${old.name}” in the revised plan`);
  return same[0]?.id ?? id;
}

/** Entries keyed by the ids they have after the revision. */
const renamed = (m: Map<string, unknown>) => new Map([...m].map(([k, v]) => [`${revisedId(k.split("|")[0]!)}|${k.split("|")[1]}`, v]));

/** Every entry of a workbook as "id|key" → value (actuals by period, notes as "note"). */
function flat(e: Entries): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [id, blocks] of Object.entries(e.actuals)) for (const [k, v] of Object.entries(blocks)) out.set(`${id}|${k}`, v);
  for (const [id, note] of Object.entries(e.notes)) out.set(`${id}|note`, note);
  for (const [id, b] of Object.entries(e.baselines)) out.set(`${id}|baseline`, b);
  return out;
}

/** The forms a split wrote, by agency ("  Sở Y tế: 10 chỉ tiêu … → /path/So-Y-te_2025-T11.xlsx"). */
function formsOf(out: string): Map<string, string> {
  return new Map([...out.matchAll(/^ {2}(.+?): \d+ chỉ tiêu[^\n]*→ (\S+\.xlsx)$/gm)].map((m) => [m[1]!, m[2]!]));
}

/** Opens a form, sets cells (id, column key, value) as staff type them, saves it as Excel would. */
async function fill(form: string, out: string, cells: [string, string, ExcelJS.CellValue][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(form);
  for (const [id, key, value] of cells) cellOf(wb, id, key).value = value;
  wb.modified = new Date("2025-11-18T03:00:00Z");
  await wb.xlsx.writeFile(out);
  return out;
}

jest.setTimeout(180_000);

describe("an analyst refreshes a revised plan in a master with typed entries and collected forms, collects again, then restores", () => {
  const labour = "Sở Lao động - Thương binh và Xã hội";
  const ict = "Sở Thông tin và Truyền thông";
  const insurance = "Bảo hiểm xã hội tỉnh";
  let typed: Map<string, unknown>;
  let afterCollect: Map<string, unknown>;
  let afterRefresh: Map<string, unknown>;
  let afterSecond: Map<string, unknown>;
  let refreshOut = "";
  let secondOut = "";
  const kg = appendix("KG-CT06-2025", appendix("KG-CT06-2025", "I").length ? "I" : "II").find((i) => i.target.kind !== "composite" && i.target.kind !== "none")!;

  beforeAll(async () => {
    // The entries the department typed, periods as staff write them.
    const csv = [
      `${iv("1")};Tháng 1/2025;2,8`,
      `${iv("1")};T2/2025;2,7`,
      `${iv("1")};Năm 2025;2,6`, // its target becomes < 2,5 in the revision
      `${iv("13")};Năm 2025;82`, // dropped from the revised plan
      `${iv("16")};2025;91`, // 15 and 16 swap places
      `${iv("25")};Tháng 3/2025;92`, // renumbered 26
      `${kg.id};Năm 2025;1`,
    ];
    writeFileSync(file("so-lieu.csv"), csv.join("\n"));
    const built = await runCli(main, ["--out", file("m0.xlsx"), "--periods", "thang", "--as-of", AS_OF, "--actuals", file("so-lieu.csv")]);
    expect([built.code, built.err]).toEqual([0, ""]);
    expect(built.out).toContain(`${csv.length} dòng đọc được / lines read; ${csv.length} đã điền / written`);
    typed = flat(await readEntriesFile(file("m0.xlsx")));

    // The first round of forms, filled and collected.
    const split = await runCli(main, ["--in", file("m0.xlsx"), "--split-by-agency", "--out", file("phieu-1"), "--as-of", AS_OF]);
    expect([split.code, split.err]).toEqual([0, ""]);
    const forms = formsOf(split.out);
    const months = ["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09", "T10"];
    const filled = [
      await fill(forms.get(labour)!, file("ldtbxh.xlsx"), [...months.map((m, k): [string, string, ExcelJS.CellValue] => [iv("23"), `actual:2025-${m}`, 90 + k]), [iv("27"), "actual:2025-T10", "khoảng 75"]]),
      await fill(forms.get(ict)!, file("tttt.xlsx"), [[iv("13"), "actual:2025-T10", 85], [iv("14"), "actual:2025-T10", "65"]]),
      await fill(forms.get(insurance)!, file("bhxh.xlsx"), [[iv("21"), "actual:2025-T10", 31], [iv("21"), "note", "Số liệu đến 31/10"]]),
    ];
    const collect = await runCli(main, ["--in", file("m0.xlsx"), "--collect", ...filled, "--out", file("m1.xlsx"), "--as-of", AS_OF]);
    expect([collect.code, collect.err]).toEqual([0, ""]);
    afterCollect = flat(await readEntriesFile(file("m1.xlsx")));

    // The revised plan: Trà Vinh's document now prints appendix IV as revised.
    const revised = tvText(editedIvRows());
    editedCatalog(); // built (and kept) from the document as it was, before the folder holds the revision
    const real = seedsFs.readSeed;
    const spy = jest.spyOn(seedsFs, "readSeed").mockImplementation((f: string) => (f === TV_FILE ? revised : real(f)));
    try {
      const refresh = await runCli(main, ["--in", file("m1.xlsx"), "--out", file("m2.xlsx"), "--as-of", AS_OF]);
      expect([refresh.code, refresh.err]).toEqual([0, ""]);
      refreshOut = refresh.out;
      afterRefresh = flat(await readEntriesFile(file("m2.xlsx")));
      // The second round: forms split from the revised master; an old form comes back too.
      const again = await runCli(main, ["--in", file("m2.xlsx"), "--split-by-agency", "--agency", labour, "--out", file("phieu-2"), "--as-of", AS_OF]);
      expect([again.code, again.err]).toEqual([0, ""]);
      const second = await fill(formsOf(again.out).get(labour)!, file("ldtbxh-2.xlsx"), [[revisedId(iv("23")), "actual:2025-T11", 101], [revisedId(iv("24")), "actual:2025-T11", "95,5"]]);
      const old = await fill(forms.get(labour)!, file("ldtbxh-cu.xlsx"), [[iv("24"), "actual:2025-T11", 77]]);
      const collect2 = await runCli(main, ["--in", file("m2.xlsx"), "--collect", second, old, "--out", file("m3.xlsx"), "--as-of", AS_OF]);
      expect([collect2.code, collect2.err]).toEqual([0, ""]);
      secondOut = collect2.out;
      afterSecond = flat(await readEntriesFile(file("m3.xlsx")));
    } finally {
      spy.mockRestore();
    }
  }, 300_000);

  test("the typed entries are numbers, in the periods staff named", () => {
    expect(typed.get(`${iv("1")}|2025-T01`)).toBe(2.8);
    expect(typed.get(`${iv("1")}|2025-T02`)).toBe(2.7);
    expect(typed.get(`${iv("1")}|2025`)).toBe(2.6);
    expect(typed.get(`${iv("25")}|2025-T03`)).toBe(92);
    expect(typed.size).toBe(7);
  });

  test("the first collect brings every figure, as a number, the words as words, and keeps what was typed", () => {
    for (const [k, v] of typed) expect([k, afterCollect.get(k)]).toEqual([k, v]);
    for (let m = 1; m <= 10; m++) expect(afterCollect.get(`${iv("23")}|2025-T${String(m).padStart(2, "0")}`)).toBe(89 + m);
    expect(afterCollect.get(`${iv("27")}|2025-T10`)).toBe("khoảng 75");
    expect(afterCollect.get(`${iv("13")}|2025-T10`)).toBe(85);
    expect(afterCollect.get(`${iv("14")}|2025-T10`)).toBe(65); // typed as text "65": a number all the same
    expect(afterCollect.get(`${iv("21")}|2025-T10`)).toBe(31);
    expect(afterCollect.get(`${iv("21")}|note`)).toBe("Số liệu đến 31/10");
    expect(afterCollect.size).toBe(typed.size + 10 + 5);
  });

  test("the refresh loses no entry: every entry, by id (a renumbered row's new id), holds the same value after it", () => {
    // The renumbered rows are among them, and their ids did change: the comparison follows the indicator, not the number.
    expect(revisedId(iv("23"))).toBe(row(TV, "IV", "23").id.replace(".IV.23.", ".IV.24."));
    expect(revisedId(iv("13"))).toBe(iv("13"));
    const expected = renamed(afterCollect);
    const lost = [...expected].filter(([k, v]) => afterRefresh.get(k) !== v).map(([k, v]) => `${k}: ${String(v)} → ${String(afterRefresh.get(k))}`);
    expect(lost).toEqual([]);
    const gained = [...afterRefresh.keys()].filter((k) => !expected.has(k));
    expect(gained).toEqual([]);
  });

  test("the refresh reports each change: the target, the dropped row, the renumbered rows, the new row", async () => {
    expect(refreshOut).toMatch(/Thay đổi \/ changes: /);
    expect(refreshOut).toContain("< 3 → < 2,5");
    expect(refreshOut).toMatch(/Tỷ lệ hộ gia đình có cáp quang[^\n]*Không còn trong kế hoạch|Không còn trong kế hoạch[^\n]*Tỷ lệ hộ gia đình có cáp quang/);
    expect(refreshOut).toContain("Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ");
    expect(refreshOut).toMatch(/Đổi số thứ tự[^\n]*Số học sinh giáo dục nghề nghiệp được tuyển mới trong năm|Số học sinh giáo dục nghề nghiệp được tuyển mới trong năm[^\n]*Đổi số thứ tự/);
    // The change log sheet keeps them in the workbook.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("m2.xlsx"));
    const log = wb.getWorksheet("Nhật ký thay đổi")!;
    const text = (log.getSheetValues().filter(Array.isArray) as unknown[][]).map((r) => r.join(" | ")).join("\n");
    expect(text).toContain("< 2,5");
    expect(text).toContain("Tỷ lệ hộ gia đình có cáp quang");
    // The dropped row keeps its entries and says it is no longer in the plan; the changed target judges the figure typed.
    expect(shown(cellOf(wb, iv("13"), "status:2025"))).toMatch(/Không còn trong kế hoạch/);
    expect(shown(cellOf(wb, iv("1"), "target"))).toBe("< 2,5");
    expect(shown(cellOf(wb, revisedId(iv("25")), "code"))).toBe("26");
    expect(shown(cellOf(wb, revisedId(iv("25")), "actual:2025-T03"))).toBe(92);
  });

  test("the second collect takes the new form, refuses the old plan's form with its reason, and loses nothing", () => {
    expect(secondOut).toMatch(/ldtbxh-cu\.xlsx[^\n]*phiên bản cũ của kế hoạch TV-QD77-2025/);
    expect(afterSecond.get(`${revisedId(iv("23"))}|2025-T11`)).toBe(101);
    expect(afterSecond.get(`${revisedId(iv("24"))}|2025-T11`)).toBe(95.5);
    for (const [k, v] of afterRefresh) expect([k, afterSecond.get(k)]).toEqual([k, v]);
    expect(afterSecond.size).toBe(afterRefresh.size + 2);
  });

  test("“Khôi phục” takes back the last collect: the entries before it, exactly, and says how many cells it restored", async () => {
    const restore = await runCli(main, ["--in", file("m3.xlsx"), "--out", file("m4.xlsx"), "--restore"]);
    expect([restore.code, restore.err]).toEqual([0, ""]);
    const count = Number(/Đã khôi phục (\d+)/.exec(restore.out)?.[1] ?? "0");
    expect(count).toBeGreaterThan(0);
    const restored = flat(await readEntriesFile(file("m4.xlsx")));
    expect([...restored].sort()).toEqual([...afterRefresh].sort());
    // The file a manager opens afterwards is the same workbook: the restored master still reads.
    expect(readFileSync(file("m4.xlsx")).length).toBeGreaterThan(0);
  });
});
