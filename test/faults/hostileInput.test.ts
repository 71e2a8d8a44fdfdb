import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parsePastedTable } from "../../src/parse/document";
import { CELL_TEXT_LIMIT } from "../../src/parse/limits";
import { buildWorkbookPlan } from "../../src/sheets/workbook";
import { applySheetPlan } from "../../src/hosts/office/apply";
import { features } from "../../src/hosts/office/features";
import { checkInputFile, inputCaps } from "../../src/node/files";
import { decodeText, readTextFile } from "../../src/node/input";
import { main } from "../../src/cli/workbook";
import { runCli } from "../helpers/cli";
import { createExcelModel } from "../excel/model";

/**
 * Input as a hostile or unlucky user gives it: texts longer than a cell holds, a folder for a file, Excel's
 * UTF-16 "Unicode Text", files over the memory cap. Each gets a located message or is read; nothing crashes.
 */
const dir = mkdtempSync(join(tmpdir(), "im-hostile-"));
const HEADER = "STT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2025\tCơ quan chủ trì";

describe("texts longer than an Excel cell holds", () => {
  const long = "Tỷ lệ " + "rất dài ".repeat(5_000); // 40,006 characters
  const agency = "Sở " + "Kế hoạch và Đầu tư ".repeat(2_100);

  test("are shortened to 32,767 characters with a note on the indicator, and the plan loads in the strict model of Excel", async () => {
    const r = parsePastedTable(`${HEADER}\n1\t${long}\t%\t≥ 90\t${agency}\n2\tTỷ lệ ngắn\t%\t≥ 80\tSở Y tế`, { id: "DAN" });
    if (!r.ok) throw new Error(r.error.en);
    const [first, second] = r.plan.appendices[0]!.indicators;
    expect(long.length).toBeGreaterThan(40_000);
    expect(first!.name.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    expect(first!.agency.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    expect(first!.name.startsWith("Tỷ lệ rất dài")).toBe(true);
    expect(first!.notes.filter((n) => n.includes("đã rút gọn"))).toHaveLength(2);
    expect(second!.notes).toEqual([]);
    const plan = buildWorkbookPlan({ plans: [r.plan] }, { asOf: "31/12/2025" });
    const m = createExcelModel({ version: "1.17" });
    const report = await applySheetPlan(m.context, plan, { features: features(m.supports) });
    expect(report.refused).toBeNull();
    expect(m.stats.failures).toEqual([]);
  });
});

describe("files given to the CLI", () => {
  test("a folder given for --in or --from gets a message, not a stack trace", async () => {
    const folder = join(dir, "a-folder.xlsx");
    mkdirSync(folder);
    const a = await runCli(main, ["--in", folder, "--out", join(dir, "x.xlsx")]);
    expect(a.code).toBe(1);
    expect(a.err).toContain("là một thư mục, không phải tệp");
    const b = await runCli(main, ["--from", folder, "--out", join(dir, "x.xlsx")]);
    expect(b.code).toBe(1);
    expect(b.err).toContain("is a folder, not a file");
    expect(a.err + b.err).not.toMatch(/\n\s+at /);
  });

  test("Excel's UTF-16 'Unicode Text' (with a BOM, little-endian) and UTF-16 without a BOM are read", async () => {
    const table = `${HEADER}\r\n1\tTỷ lệ hộ nghèo\t%\t< 1,5\tSở Lao động - Thương binh và Xã hội\r\n`;
    const withBom = join(dir, "unicode.txt");
    writeFileSync(withBom, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(table, "utf16le")]));
    const read = readTextFile(withBom);
    expect(read).toEqual({ ok: true, text: table });
    expect(decodeText(Buffer.from(table, "utf16le"))).toBe(table);
    const big = Buffer.from(table, "utf16le").swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), big]))).toBe(table);
    const out = join(dir, "from-utf16.xlsx");
    const r = await runCli(main, ["--from", withBom, "--out", out, "--as-of", "31/12/2025"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("trang tính / sheets, 1 chỉ tiêu / indicators");
  });

  test("real binary content is still refused as not text", () => {
    expect(decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0x00]))).toBeNull();
  });

  test("a file over the memory cap is refused before any work, with its size and the cap", () => {
    const file = join(dir, "big.tsv");
    writeFileSync(file, "x".repeat(3_000_000));
    const caps = inputCaps(300_000_000); // a 300 MB heap: 2 MB of text, 1 MB of .xlsx
    const check = checkInputFile(file, "text", caps);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error).toBe(`Tệp ${file} quá lớn (3 MB; tối đa 2 MB với bộ nhớ máy này): hãy tách thành nhiều tệp / The file ${file} is too large (3 MB; at most 2 MB with this machine's memory): split it into several files`);
    expect(checkInputFile(file, "text").ok).toBe(true); // within this machine's own cap
    expect(checkInputFile(join(dir, "none.tsv"), "text")).toEqual({ ok: false, error: expect.stringContaining("Không tìm thấy tệp") });
  });
});
