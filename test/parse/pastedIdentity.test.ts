import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePastedTable } from "../../src/parse/document";
import { buildWorkbookPlan, SUMMARY_SHEET } from "../../src/sheets/workbook";
import { summary } from "../../src/cli/catalog";
import type { Plan } from "../../src/model";

/**
 * A pasted table keeps an identity: without a document heading it takes its short name (the file's name, the
 * --name given, or "Bảng dán 1" in the pane) — no ": —" or ", số , ;" from the fields it lacks — and a plan
 * column named with a year gives that year to its input column.
 */
const BARE = "STT\tChỉ tiêu\tĐVT\tKế hoạch 2026\tCơ quan chủ trì\n1\tTỷ lệ hộ nghèo\t%\t< 1,5\tSở Lao động - Thương binh và Xã hội\n2\tTỷ lệ che phủ rừng\t%\t≥ 4,2\tSở Nông nghiệp và Môi trường\n";

function read(text: string, name?: string): Plan {
  const r = parsePastedTable(text, { name, source: "dongthap.tsv" });
  if (!r.ok) throw new Error(r.error.en);
  return r.plan;
}

describe("a pasted table without a document heading", () => {
  test("is named by its short name everywhere, with no artefacts of the fields it lacks", () => {
    const plan = read(BARE, "Đồng Tháp 2026");
    expect([plan.id, plan.title]).toEqual(["DONG-THAP-2026", "Đồng Tháp 2026"]);
    const text = summary({ plans: [plan] }, {});
    expect(text).toContain("■ DONG-THAP-2026 — Đồng Tháp 2026");
    expect(text).not.toMatch(/, số ,|; ;|^\s*,/m);
    const wb = buildWorkbookPlan({ plans: [plan] }, { asOf: "31/12/2026" });
    const sheet = wb.sheets.find((s) => s.kind === "indicators")!;
    expect(sheet.name).toBe("DONG-THAP-2026 1");
    expect(sheet.rows[0]![1]!.value).toBe("PHỤ LỤC 1 — ĐỒNG THÁP 2026");
    expect(sheet.rows[1]![1]!.value).toBe("Đồng Tháp 2026");
    expect(sheet.print.header).toBe("&L&8Đồng Tháp 2026 — Phụ lục 1&R&8Số liệu đến 31/12/2026");
    const cells = wb.sheets.flatMap((s) => s.rows.flatMap((r) => r.map((c) => String(c.value ?? ""))));
    for (const artefact of [": —", "số ,", "()", " , "]) expect(cells.filter((c) => c.includes(artefact))).toEqual([]);
    expect(wb.sheets.find((s) => s.name === SUMMARY_SHEET)!.rows.some((r) => r[1]?.value === "DONG-THAP-2026 1")).toBe(true);
  });

  test("without a name it is “Bảng dán”, and the pane's “Bảng dán 2” gives a sheet of its own", () => {
    expect(read(BARE).title).toBe("Bảng dán");
    expect(read(BARE, "Bảng dán 2").id).toBe("BANG-DAN-2");
  });

  test("with a heading above the table, the heading is the plan's title", () => {
    const plan = read(`UBND TỈNH ĐỒNG THÁP\n\n${BARE}`, "dongthap");
    expect(plan.title).toBe("UBND TỈNH ĐỒNG THÁP");
    expect(plan.id).toBe("DONGTHAP");
  });
});

describe("a plan column named with a year gives its period to the input column", () => {
  test.each([
    ["Kế hoạch 2026", "2026"],
    ["KH năm 2026", "2026"],
    ["Mục tiêu đến 2030", "2030"],
    ["Chỉ tiêu kế hoạch", null],
  ])("“%s” → %s", (header, year) => {
    const plan = read(BARE.replace("Kế hoạch 2026", header), "x");
    const sheet = buildWorkbookPlan({ plans: [plan] }, { asOf: "31/12/2026" }).sheets.find((s) => s.kind === "indicators")!;
    const input = sheet.columns.find((c) => c.key.startsWith("actual:"))!;
    expect(input.key).toBe(`actual:${year ?? "target"}`);
    expect(input.header).toBe(year ? `Thực hiện ${year}` : "Thực hiện");
  });

  test("a report's “TH năm 2024” before “KH năm 2025” does not give 2024 to the input column", () => {
    const text = readFileSync(join(__dirname, "../fixtures/bao-cao-2025.tsv"), "utf8");
    const sheet = buildWorkbookPlan({ plans: [read(text, "bao-cao-2025")] }, { asOf: "31/12/2025" }).sheets.find((s) => s.kind === "indicators")!;
    expect(sheet.columns.find((c) => c.key.startsWith("actual:"))!.header).toBe("Thực hiện 2025");
  });
});
