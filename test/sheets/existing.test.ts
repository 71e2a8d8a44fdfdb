import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { readExisting, snapshotOfPlan, type WorkbookSnapshot } from "../../src/sheets/existing";
import { KEY_ROW } from "../../src/sheets/indicatorSheet";
import { tvCatalog, TV } from "../helpers/refresh";
import { refreshWorkbook } from "../../src/sheets/merge";

/**
 * Reading a workbook before a refresh: what staff changed in the structure is reported with its cell, and what
 * they typed is read wherever it now stands.
 */
const SHEET = `${TV} IV`;
const fresh = (): WorkbookSnapshot => snapshotOfPlan(buildWorkbookPlan(tvCatalog(), { asOf: "30/06/2025", plans: [TV] }).sheets);
const sheetOf = (s: WorkbookSnapshot) => s.sheets.find((x) => x.name === SHEET)!;
const col = (s: WorkbookSnapshot, key: string) => sheetOf(s).rows[KEY_ROW - 1]!.indexOf(key);

describe("reading what a workbook holds before a refresh", () => {
  it("reads a fresh workbook without a single notice, every indicator by id", () => {
    const existing = readExisting(fresh());
    expect(existing.notices).toEqual([]);
    const iv = existing.sheets.find((s) => s.name === SHEET)!;
    expect(iv.source).toBe(`${TV}.IV`);
    expect(iv.rows.filter((r) => r.id).length).toBe(tvCatalog().plans[0]!.appendices.find((a) => a.id === "IV")!.indicators.length);
    expect(iv.rows.filter((r) => !r.id)).toEqual([]); // section headings are not taken for rows staff added
  });

  it("follows a key row moved by a row inserted above, and says so", () => {
    const s = fresh();
    sheetOf(s).rows.splice(1, 0, ["Ghi chú của phòng"]);
    const existing = readExisting(s);
    expect(existing.notices.map((n) => [n.sheet, n.cell])).toEqual([
      [SHEET, "A6"], // the key row moved
      [SHEET, "A2"], // what was typed in the inserted row, above the table: kept in the backup
    ]);
    expect(existing.sheets.find((x) => x.name === SHEET)!.strays).toEqual([{ cell: "A2", value: "Ghi chú của phòng" }]);
    expect(existing.sheets.find((x) => x.name === SHEET)!.rows.filter((r) => r.id).length).toBeGreaterThan(30);
  });

  it("still reads rows by id when the header row was deleted", () => {
    const s = fresh();
    sheetOf(s).rows.splice(KEY_ROW, 1);
    const existing = readExisting(s);
    expect(existing.notices.some((n) => n.en.includes("header row was deleted"))).toBe(true);
    expect(existing.sheets.find((x) => x.name === SHEET)!.rows.filter((r) => r.id).length).toBeGreaterThan(30);
  });

  it("does not read a sheet whose key row is gone, keeps it, and says why", () => {
    const s = fresh();
    sheetOf(s).rows.splice(KEY_ROW - 1, 1);
    const existing = readExisting(s);
    expect(existing.damaged.map((d) => d.name)).toEqual([SHEET]);
    expect(existing.sheets.map((x) => x.name)).not.toContain(SHEET);
    expect(existing.notices.find((n) => n.sheet === SHEET)!.vi).toContain("không còn hàng khoá ẩn");
  });

  it("reports a value typed over a formula, a duplicated id and filtered rows, with their cells", () => {
    const s = fresh();
    const rows = sheetOf(s).rows;
    const first = rows.findIndex((r, k) => k > KEY_ROW && typeof r[0] === "string" && /\.[0-9a-f]{6}$/.test(r[0]));
    rows[first]![col(s, "status:2025")] = "đạt rồi";
    rows.push([...rows[first + 1]!]);
    sheetOf(s).hiddenRows.push(first + 3, first + 4);
    const notices = readExisting(s).notices.map((n) => `${n.cell} ${n.en}`);
    expect(notices.some((n) => n.startsWith(`${String.fromCharCode(65 + col(s, "status:2025"))}${first + 1} `) && n.includes("“đạt rồi”"))).toBe(true);
    expect(notices.some((n) => n.startsWith(`A${rows.length} `) && n.includes("appears twice"))).toBe(true);
    expect(notices.some((n) => n.includes("2 rows are hidden"))).toBe(true);
  });

  it("keeps what was typed on a section heading's row as a row of staff's own", () => {
    const s = fresh();
    const rows = sheetOf(s).rows;
    const section = rows.findIndex((r) => typeof r[0] === "string" && r[0].startsWith("§"));
    rows[section]![col(s, "note")] = "cả nhóm chỉ tiêu đạt";
    const own = readExisting(s).sheets.find((x) => x.name === SHEET)!.rows.filter((r) => !r.id);
    expect(own).toHaveLength(1);
    expect(own[0]!.values).toMatchObject({ note: "cả nhóm chỉ tiêu đạt", code: "I" });
  });

  it("keeps two columns of staff's with the same header apart, and a column without a header", () => {
    const s = fresh();
    const rows = sheetOf(s).rows;
    const width = Math.max(...rows.map((r) => r.length));
    rows[KEY_ROW]![width] = "Ý kiến";
    rows[KEY_ROW]![width + 1] = "Ý kiến";
    rows[KEY_ROW + 1]![width] = "a";
    rows[KEY_ROW + 1]![width + 1] = "b";
    rows[KEY_ROW + 2]![width + 3] = "ghi tạm";
    const iv = readExisting(s).sheets.find((x) => x.name === SHEET)!;
    expect(iv.userColumns.map((c) => c.key)).toEqual(["user:Ý kiến", "user:Ý kiến (2)", expect.stringMatching(/^user:Cột [A-Z]+$/)]);
  });
});

describe("a row staff added, through a refresh", () => {
  it("keeps every value typed on it, a status they wrote by hand included", () => {
    const s = fresh();
    const rows = sheetOf(s).rows;
    const width = Math.max(...rows.map((r) => r.length));
    const own: (string | number | null)[] = Array.from({ length: width }, () => null);
    own[col(s, "name")] = "Tỷ lệ xã có điểm bưu điện văn hoá";
    own[col(s, "actual:2025")] = 88;
    own[col(s, "status:2025")] = "Đạt (tự đánh giá)";
    rows.push(own);
    const refresh = refreshWorkbook(tvCatalog(), readExisting(s), { asOf: "30/06/2025", tolerance: 0.05, now: "22/11/2026 10:00" });
    const after = readExisting(snapshotOfPlan(refresh.plan.sheets)).sheets.find((x) => x.name === SHEET)!;
    expect(after.rows.find((r) => !r.id)!.values).toEqual({ name: "Tỷ lệ xã có điểm bưu điện văn hoá", "actual:2025": 88, "status:2025": "Đạt (tự đánh giá)" });
  });
});
