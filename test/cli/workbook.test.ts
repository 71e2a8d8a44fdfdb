import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/workbook";
import { runCli } from "../helpers/cli";
import { readEntriesFile } from "../../src/hosts/xlsx/files";
import { keyColumns, sheetRows } from "../helpers/refresh";

/**
 * The workbook CLI's refresh: --in OLD --out NEW [--dry-run], on a pasted table whose revision edits a target
 * and drops a row. Entries typed into the old file survive; the dry run writes nothing and says what would
 * change; with nothing to change it says so plainly; protection is on by default.
 */
const dir = mkdtempSync(join(tmpdir(), "im-refresh-"));
const original = join(__dirname, "../fixtures/reordered-2026.tsv");
const revised = join(dir, "revised.tsv");
writeFileSync(
  revised,
  readFileSync(original, "utf8")
    .replace("≥ 95,1", "≥ 96")
    .split("\n")
    .filter((l) => !l.includes("Chỉ số đổi mới sáng tạo"))
    .join("\n"),
);
const run = (argv: string[]) => runCli(main, argv);

describe("npm run workbook -- --in OLD.xlsx --out NEW.xlsx", () => {
  const old = join(dir, "old.xlsx");
  const fresh = join(dir, "new.xlsx");
  let typed: Record<string, number> = {};

  beforeAll(async () => {
    expect((await run(["--from", original, "--out", old, "--as-of", "31/12/2026"])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(old);
    const ws = wb.worksheets.find((w) => keyColumns(w).has("id"))!;
    const keys = keyColumns(ws);
    const actual = [...keys.keys()].find((k) => k.startsWith("actual:"))!;
    typed = {};
    sheetRows(ws)
      .filter((r) => typeof r.values.id === "string" && !String(r.values.id).startsWith("§"))
      .forEach((r, k) => {
        ws.getRow(r.row).getCell(keys.get(actual)!).value = 50 + k;
        typed[String(r.values.id)] = 50 + k;
      });
    await wb.xlsx.writeFile(old);
  });

  it("protects target and formula cells by default, input cells stay open", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(old);
    const ws = wb.worksheets.find((w) => keyColumns(w).has("id"))!;
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const keys = keyColumns(ws);
    const row = sheetRows(ws).find((r) => typeof r.values.id === "string" && !String(r.values.id).startsWith("§"))!.row;
    const actual = [...keys.keys()].find((k) => k.startsWith("actual:"))!;
    expect(ws.getRow(row).getCell(keys.get(actual)!).protection?.locked).toBe(false);
    expect(ws.getRow(row).getCell(keys.get("target")!).protection?.locked).not.toBe(false);
  });

  it("says what would change on a dry run and writes nothing", async () => {
    const r = await run(["--in", old, "--out", fresh, "--from", revised, "--dry-run"]);
    expect(r.code).toBe(0);
    // revised.tsv is another file name: without --name the table keeps the identity of the workbook's one pasted table.
    expect(r.out).toContain("được ghép với bảng REORDERED-2026 trong workbook");
    expect(r.out).toContain("Sửa chỉ tiêu 1");
    expect(r.out).toContain("Không còn trong kế hoạch 1");
    expect(r.out).toMatch(/≥ 95,1 → ≥ 96/);
    expect(r.out).toContain("nothing written");
    expect(() => readFileSync(fresh)).toThrow();
  });

  it("refreshes, keeping every actual with its indicator (the dropped one included)", async () => {
    const r = await run(["--in", old, "--out", fresh, "--from", revised]);
    expect(r.code).toBe(0);
    const entries = await readEntriesFile(fresh);
    const after = Object.fromEntries(Object.entries(entries.actuals).map(([id, v]) => [id, Object.values(v)[0]]));
    expect(after).toEqual(typed);
  });

  it("says plainly that nothing changes on a second refresh", async () => {
    const again = join(dir, "again.xlsx");
    const r = await run(["--in", fresh, "--out", again, "--from", revised]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Không có thay đổi / No changes");
    expect(readFileSync(again).equals(readFileSync(fresh))).toBe(true);
  });

  it("keeps a sheet staff made themselves exactly as it is", async () => {
    const own = join(dir, "own.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(old);
    const ws = wb.addWorksheet("Ghi chép của phòng");
    ws.getCell("A1").value = "Họp giao ban tháng 6";
    ws.getCell("B2").value = 12.5;
    ws.getCell("B3").value = { formula: "B2*2" } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(own);
    const out = join(dir, "own-refreshed.xlsx");
    const r = await run(["--in", own, "--out", out, "--from", revised]);
    expect(r.out).toContain("Giữ nguyên / kept as they are: Ghi chép của phòng");
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(out);
    const kept = after.getWorksheet("Ghi chép của phòng")!;
    expect([kept.getCell("A1").value, kept.getCell("B2").value, kept.getCell("B3").formula]).toEqual(["Họp giao ban tháng 6", 12.5, "B2*2"]);
    expect(after.worksheets[0]!.name).toBe("Tổng hợp");
    expect(Object.keys((await readEntriesFile(out)).actuals).length).toBe(Object.keys(typed).length);
  });

  it("refuses a missing or unreadable input with a clear message", async () => {
    expect((await run(["--in", join(dir, "none.xlsx"), "--from", revised])).err).toContain("Không tìm thấy tệp");
    const notXlsx = join(dir, "bad.xlsx");
    writeFileSync(notXlsx, "not a workbook");
    const r = await run(["--in", notXlsx, "--out", fresh, "--from", revised]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Không đọc được");
  });
});
