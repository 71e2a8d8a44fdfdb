import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { readExisting, snapshotOfPlan } from "../../src/sheets/existing";
import { refreshWorkbook } from "../../src/sheets/merge";
import { formFileName, formPeriod, splitMaster } from "../../src/sheets/forms";
import { seedCatalog } from "../helpers/seedCatalog";

/** Forms' names and periods, and a split refused where its forms could not come back. */
describe("agencies' forms", () => {
  const { catalog } = seedCatalog();

  it("are named by the agency without tone marks, and the period", () => {
    expect(formFileName("Sở Lao động - Thương binh và Xã hội", "2025-T11")).toBe("So-Lao-dong-Thuong-binh-va-Xa-hoi_2025-T11.xlsx");
    expect(formFileName("Đài Phát thanh và Truyền hình", "2025-Q3")).toBe("Dai-Phat-thanh-va-Truyen-hinh_2025-Q3.xlsx");
  });

  it("report the period that holds 'Số liệu đến', the last one once the year is over", () => {
    expect(formPeriod("month", "2025", "15/11/2025")).toEqual({ key: "2025-T11", label: "Tháng 11/2025" });
    expect(formPeriod("quarter", "2025", "15/11/2025")).toEqual({ key: "2025-Q4", label: "Quý IV/2025" });
    expect(formPeriod("nine", "2025", "15/08/2025")).toEqual({ key: "2025-9T", label: "9 tháng/2025" });
    expect(formPeriod("month", "2025", "05/01/2026")).toEqual({ key: "2025-T12", label: "Tháng 12/2025" });
    expect(formPeriod("year", "2025", "05/01/2026")).toEqual({ key: "2025", label: "Năm 2025" });
  });

  it("are not split from a master whose identity does not know one of its plans (loaded after it), until a refresh", () => {
    const plan = buildWorkbookPlan(catalog, { asOf: "15/11/2025", calendar: "month", plans: ["TV-QD77-2025"], identity: { kind: "master", master: "m", versions: {}, calendar: "month", reportDay: 20 } });
    const existing = readExisting(snapshotOfPlan(plan.sheets));
    const ok = splitMaster(catalog, existing, refreshWorkbook(catalog, existing, { asOf: "15/11/2025", tolerance: 0.05, now: "15/11/2025 08:00" }), { now: "15/11/2025 08:00", masterFile: "m.xlsx" });
    expect(ok.error).toBeUndefined();
    expect(ok.forms.length).toBeGreaterThan(10);
    const unknown = { ...existing, identity: { ...existing.identity!, versions: {} } };
    const refused = splitMaster(catalog, unknown, refreshWorkbook(catalog, unknown, { asOf: "15/11/2025", tolerance: 0.05, now: "15/11/2025 08:00" }), { now: "15/11/2025 08:00", masterFile: "m.xlsx" });
    expect(refused.forms).toEqual([]);
    expect(refused.error?.vi).toContain("chưa được cập nhật theo văn bản hiện hành (TV-QD77-2025)");
  });
});
