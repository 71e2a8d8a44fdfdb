import { seedCatalog } from "../helpers/seedCatalog";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { readExisting, snapshotOfPlan, type WorkbookSnapshot } from "../../src/sheets/existing";
import { refreshWorkbook } from "../../src/sheets/merge";
import { DIRECTORY_MARK, DIRECTORY_SHEET } from "../../src/sheets/directorySheet";

/**
 * The directory of agencies as a sheet staff can edit (issue 14, item 3): it lists every canonical agency and
 * group with the other ways the documents write it and its counts; a name or alias staff add is read by the
 * next refresh and used for the summary's counts and the task sheets' lead agencies.
 */
const OPTIONS = { asOf: "31/12/2025", tolerance: 0.05, now: "01/12/2026 10:00" };
const catalog = () => seedCatalog().catalog;

describe("the directory sheet", () => {
  const plan = buildWorkbookPlan(catalog(), { asOf: OPTIONS.asOf });
  const sheet = plan.sheets.find((s) => s.name === DIRECTORY_SHEET)!;
  const row = (name: string) => sheet.rows.find((r) => r[1]?.value === name);

  test("lists every agency and group once, with the variants seen and the counts of indicators and tasks", () => {
    expect(sheet.rows[0]![0]!.value).toBe(DIRECTORY_MARK);
    expect(sheet.columns.map((c) => c.header).slice(1)).toEqual(["Tên chuẩn", "Loại", "Cũng viết là (ngăn cách bằng ;)", "Số chỉ tiêu", "Số nhiệm vụ"]);
    const lao = row("Sở Lao động - Thương binh và Xã hội")!;
    expect(lao.map((c) => c.value).slice(2)).toEqual(["cơ quan", "Sở Lao động- Thương binh và Xã hội; Sở Lao động-Thương binh và Xã hội", 18, 14]);
    expect(row("UBND các huyện, thị xã, thành phố")![2]!.value).toBe("nhóm");
    expect(sheet.columns.find((c) => c.key === "aliases")!.input).toBe(true);
  });

  test("a name staff add is used by the next refresh: the task's lead, the summary's rows and the directory itself", () => {
    // Staff add a row: the vocational college, and how the task table writes it.
    const snapshot: WorkbookSnapshot = snapshotOfPlan(plan.sheets);
    const dir = snapshot.sheets.find((s) => s.name === DIRECTORY_SHEET)!;
    dir.rows.push([null, "Trường Cao đẳng Nghề Trà Vinh", "cơ quan", "Trường cao đẳng Nghề", null, null]);
    const existing = readExisting(snapshot);
    expect(existing.directory!.find((e) => e.name === "Trường Cao đẳng Nghề Trà Vinh")).toEqual({ name: "Trường Cao đẳng Nghề Trà Vinh", kind: "agency", aliases: ["Trường cao đẳng Nghề"] });
    const r = refreshWorkbook(catalog(), existing, OPTIONS);
    expect(r.changes).toEqual([]);
    const tasks = r.plan.sheets.find((s) => s.name === "TV-QD77-2025 NV I")!;
    const t49 = tasks.rows.find((x) => x[1]?.value === "49")!;
    expect(t49[3]!.value).toBe("Sở Lao động - Thương binh và Xã hội; Trường Cao đẳng Nghề Trà Vinh");
    const again = r.plan.sheets.find((s) => s.name === DIRECTORY_SHEET)!;
    const college = again.rows.find((x) => x[1]?.value === "Trường Cao đẳng Nghề Trà Vinh")!;
    expect(college.map((c) => c.value).slice(2)).toEqual(["cơ quan", "Trường cao đẳng Nghề", 0, 1]);
    expect(again.rows.some((x) => x[1]?.value === "Trường cao đẳng Nghề")).toBe(false);
    const summary = r.plan.sheets[0]!;
    expect(summary.rows.some((x) => x[1]?.value === "Trường Cao đẳng Nghề Trà Vinh")).toBe(true);
    // And a second refresh keeps what staff added.
    const second = refreshWorkbook(catalog(), readExisting(snapshotOfPlan(r.plan.sheets)), OPTIONS);
    expect(second.plan.sheets.find((s) => s.name === DIRECTORY_SHEET)!.rows.some((x) => x[1]?.value === "Trường Cao đẳng Nghề Trà Vinh")).toBe(true);
  });

  test("a staff sheet that is only called “Danh mục cơ quan” is theirs, kept and not read", () => {
    const ours = snapshotOfPlan(plan.sheets.filter((s) => s.name !== DIRECTORY_SHEET));
    const staff = { name: DIRECTORY_SHEET, hidden: false, rows: [["Danh bạ điện thoại các sở"]], hiddenRows: [] };
    const existing = readExisting({ sheets: [...ours.sheets, staff] });
    expect(existing.foreign).toContain(DIRECTORY_SHEET);
    expect(existing.directory).toEqual([]);
  });
});
